use std::path::{Path, PathBuf};

use saywho::{Article, Extraction, Extractor};

/// Insta settings that put every snapshot in the top-level `snapshots/` folder.
pub fn snapshot_settings() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings
}

/// Reads a `.txt` article the way the CLI does (id = file stem, header parsed).
pub fn read_article(path: &Path) -> Article {
    let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
    let id = path.file_stem().unwrap().to_string_lossy().into_owned();
    Article::from_txt(id, text)
}

/// Checks what must hold for every extraction: spans slice the text on character boundaries,
/// quote text is exactly its span, ids count from 1 in text order, top-level quotes never
/// overlap (nested speech lies inside the quote marked `within`), and speaker and cue spans point at their words.
pub fn check_invariants(article: &Article, e: &Extraction) {
    let text = &article.text;
    let mut last_end = 0;
    for (i, q) in e.quotes.iter().enumerate() {
        assert_eq!(q.id, format!("{}#{}", article.id, i + 1));
        assert!(q.span.end <= text.len(), "{}: span past the end", q.id);
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert_eq!(
            &text[q.span.range()],
            q.text,
            "{}: text is not its span",
            q.id
        );
        assert!(!q.text.is_empty(), "{}: empty quote", q.id);
        match &q.within {
            // Nested speech lies inside the quote it is reported in.
            Some(parent) => {
                let p = e.quotes.iter().find(|p| &p.id == parent);
                let p = p.unwrap_or_else(|| panic!("{}: within unknown {parent}", q.id));
                assert!(
                    p.span.contains(q.span),
                    "{}: outside its parent {parent}",
                    q.id
                );
                assert!(p.within.is_none(), "{}: nested two levels", q.id);
            }
            None => {
                assert!(
                    q.span.start >= last_end,
                    "{}: overlaps the previous quote",
                    q.id
                );
                last_end = q.span.end;
            }
        }
        for part in &q.parts {
            assert!(q.span.contains(*part), "{}: part outside the quote", q.id);
        }
        if let Some(s) = &q.speaker {
            assert_eq!(&text[s.span.range()], s.mention, "{}: speaker span", q.id);
        }
        if let Some(c) = &q.cue {
            assert_eq!(&text[c.span.range()], c.text, "{}: cue span", q.id);
        }
        assert_eq!(
            q.speaker.is_some(),
            q.resolved_by.is_some(),
            "{}: resolved_by",
            q.id
        );
    }
    for m in &e.mentions {
        assert_eq!(&text[m.span.range()], m.text);
        assert!(
            !e.quotes.iter().any(|q| q.span.contains(m.span)),
            "mention inside a quote"
        );
    }
}

/// The real seed articles: `../shared/seeds`, or the folder in `SAYWHO_SEEDS`. `None`, with a
/// clear SKIPPED line, when they are absent.
pub fn seeds_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SAYWHO_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds")));
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: seed articles not found at {} (set SAYWHO_SEEDS to their folder)",
            dir.display()
        );
        None
    }
}

/// A folder of the project (relative to the manifest) or any absolute folder.
pub fn project_path(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)
}

/// Every `.txt` article of a folder, extracted, in sorted file order.
pub fn extract_folder(dir: &Path) -> Vec<Extraction> {
    let extractor = Extractor::new();
    saywho::input::files(dir)
        .expect("a folder of articles")
        .iter()
        .map(|f| extractor.extract(&read_article(f)))
        .collect()
}

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

/// Checks what must hold for every extraction (see `saywho::test_support::invariants::extraction`) and
/// panics with the first violation.
pub fn check_invariants(article: &Article, e: &Extraction) {
    if let Err(why) = saywho::test_support::invariants::extraction(article, e) {
        panic!("invariant broken in {}: {why}", article.id);
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
    saywho::input::sources(dir)
        .into_iter()
        .map(|s| extractor.extract(&read_article(&s.expect("a folder of articles").path)))
        .collect()
}

/// A fresh, empty folder for one test, under Cargo's temporary folder for tests.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

//! Quote sheets: the three formats locked for the sample articles, escaping, reported speech
//! never dressed up as quotes, and the folder layout of `saywho sheet --out`.

use saywho::sheet::{write_html, write_markdown, Page, Sheets};
use saywho::{Article, Extractor};

use crate::support::{extract_folder, project_path, seeds_dir, snapshot_settings};

fn example_sheets() -> Sheets {
    Sheets::build(&extract_folder(&project_path("examples/articles")))
}

fn render(sheets: &Sheets, html: bool, page: Page) -> String {
    let mut out = Vec::new();
    if html {
        write_html(&mut out, sheets, page).unwrap();
    } else {
        write_markdown(&mut out, sheets, page).unwrap();
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn example_sheets_in_three_formats_are_locked() {
    let sheets = example_sheets();
    snapshot_settings().bind(|| {
        insta::assert_snapshot!("sheet_examples_md", render(&sheets, false, Page::All));
        insta::assert_snapshot!("sheet_examples_html", render(&sheets, true, Page::All));
        insta::assert_snapshot!(
            "sheet_examples_json",
            serde_json::to_string_pretty(&sheets).unwrap()
        );
    });
}

#[test]
fn sample_sheets_tell_an_altered_quote_from_a_respelled_one() {
    use saywho::link::Significance;
    let sheets = example_sheets();
    let o = &sheets.overview;
    // One altered quote: the Northern Standard's "three days" for "two days".
    assert_eq!(o.altered.len(), 1, "{:#?}", o.altered);
    let a = &o.altered[0];
    assert_eq!(
        (a.outlet.as_str(), a.place.speaker.as_str()),
        ("The Northern Standard", "owen-marsh")
    );
    let changes: Vec<_> = a
        .changes
        .iter()
        .map(|d| (d.canonical.as_str(), d.variant.as_str(), d.significance))
        .collect();
    assert_eq!(changes, [("two", "three", Some(Significance::Critical))]);
    assert!(
        a.agreeing.contains(&"Mountain Courier".to_string()),
        "{a:?}"
    );
    // The respelled one is linked, cosmetic and not altered.
    let marsh = sheets
        .speakers
        .iter()
        .find(|s| s.id == "owen-marsh")
        .unwrap();
    let neighbours = marsh
        .statements
        .iter()
        .find(|st| st.canonical.contains("neighbo"))
        .expect("the neighbours statement");
    assert_eq!(neighbours.outlets, 2);
    assert!(!neighbours.altered());
    let steps: Vec<_> = neighbours
        .renderings
        .iter()
        .flat_map(|r| &r.diff)
        .filter_map(|d| d.significance)
        .collect();
    assert_eq!(steps, [Significance::Cosmetic]);
    // The grid marks the altered cell; every page has the legend and names no hash.
    let row = o.carried.iter().find(|c| c.cluster == a.cluster).unwrap();
    assert!(row
        .cells
        .iter()
        .any(|c| c.altered && c.outlet == "The Northern Standard"));
    let html = render(&sheets, true, Page::Index);
    for needle in [
        "<aside class=\"legend\"",
        "<section class=\"altered\" id=\"altered\">",
        "<table class=\"grid\">",
        "<svg class=\"timeline\"",
        "<span class=\"step critical\"",
        "<td class=\"form\"><span class=\"quoted altered\"",
    ] {
        assert!(html.contains(needle), "{needle}\n{html}");
    }
    let page = render(&sheets, true, Page::Speaker("owen-marsh"));
    assert!(page.contains("<span class=\"step cosmetic\" title=\"spelling\"><del>neighbors</del> <ins>neighbours</ins>"), "{page}");
    assert!(page.contains("<aside class=\"legend\""));
}

#[test]
fn every_text_is_escaped() {
    let ex = Extractor::new();
    let a = ex.extract(&Article::new(
        "x",
        "Mayor Ana Reyes said: “<script>alert(1)</script> & *bold* | pipes.”",
    ));
    let sheets = Sheets::build(&[a]);
    let html = render(&sheets, true, Page::All);
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp;"));
    let md = render(&sheets, false, Page::All);
    assert!(md.contains(r"\*bold\* \| pipes"), "{md}");
}

#[test]
fn reported_speech_is_never_shown_as_a_quote() {
    let ex = Extractor::new();
    let a = ex.extract(&Article::new(
        "x",
        "Mayor Ana Reyes said the harbour would reopen on Monday.",
    ));
    let sheets = Sheets::build(&[a]);
    let html = render(&sheets, true, Page::All);
    assert!(
        html.contains("<p class=\"reported\">the harbour would reopen on Monday</p>"),
        "{html}"
    );
    assert!(!html.contains("<blockquote>"));
    let md = render(&sheets, false, Page::All);
    assert!(
        md.contains("Reported (no quote marks): the harbour would reopen on Monday"),
        "{md}"
    );
    assert!(!md.contains("\n> "));
}

#[test]
fn nested_speech_appears_under_its_quote() {
    let ex = Extractor::new();
    let a = ex.extract(&Article::new(
        "x",
        "President Mia Holt spoke on Monday.\n\n“As the President said: We will rebuild every home,” spokesman Tom Reed said.",
    ));
    let html = render(&Sheets::build(&[a]), true, Page::All);
    assert!(
        html.contains("↳ quotes Mia Holt: “We will rebuild every home”"),
        "{html}"
    );
}

#[test]
fn seed_sheets() {
    let Some(dir) = seeds_dir() else { return };
    let ex = extract_folder(&dir);
    let sheets = Sheets::build(&ex);
    let sheet = |id: &str| {
        sheets
            .speakers
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("no sheet {id}"))
    };
    // Austin: three role spellings; the precision strikes statement once, five outlets, six
    // renderings (one outlet also quotes the statement's last clause alone, which overlaps
    // another outlet's longer quote).
    let austin = sheet("lloyd-austin");
    assert_eq!(austin.roles.len(), 3, "{:?}", austin.roles);
    let first = &austin.statements[0];
    assert_eq!((first.outlets, first.renderings.len()), (5, 6));
    assert!(first
        .renderings
        .iter()
        .any(|r| r.relation == saywho::Relation::Fragment));
    // Kirby with both roles; Ryder in reported speech only; the anonymous official and the
    // organisations have sheets of their own.
    assert_eq!(sheet("john-kirby").roles.len(), 2);
    let ryder = sheet("pat-ryder");
    assert!(ryder.statements.iter().all(|s| s.reported_only));
    assert!(sheets
        .speakers
        .iter()
        .any(|s| s.kind == saywho::SpeakerKind::Anonymous && s.statements.len() >= 3));
    for org in ["pentagon", "hezbollah", "open-source-intelligence-monitor"] {
        assert_eq!(sheet(org).kind, saywho::SpeakerKind::Organization);
    }
    // Ids are the same in `saywho speakers`, the sheet file names and `--speaker`: every
    // speaker with a page of its own has a file named after its id; the others (anonymous,
    // or known only by a role in one article) are on the page of anonymous sources.
    for e in &sheets.index {
        if e.file == Sheets::ANONYMOUS_FILE {
            assert!(e.id.contains('/'), "{e:?}");
        } else {
            assert_eq!(e.file, e.id, "{e:?}");
        }
    }
    let html = render(&sheets, true, Page::Speaker("lloyd-austin"));
    // A respelling is cosmetic, its reason in words; every page has the legend.
    assert!(html.contains(
        "<span class=\"step cosmetic\" title=\"spelling\"><del>self-defense</del> <ins>self-defence</ins><small class=\"why\">spelling</small></span>"
    ), "{html}");
    assert!(html.contains("<aside class=\"legend\""));
    // The seeds name no outlet: each gets a readable name from its file name, never the
    // hash in it.
    for r in sheets
        .speakers
        .iter()
        .flat_map(|s| &s.statements)
        .flat_map(|st| &st.renderings)
    {
        assert!(r.outlet.starts_with("article "), "{}", r.outlet);
    }
    assert_eq!(sheets.overview.outlets.len(), 5);
    assert!(sheets.overview.carried.len() >= 3);
    // No one seed is a respelled copy of another's quote taken for an altered one: every
    // altered quote has a substantive step.
    for a in &sheets.overview.altered {
        assert!(!a.changes.is_empty(), "{a:?}");
    }
}

/// Articles whose ids and dates someone chose to hurt (JSONL input takes both as given): an
/// id and a date that try to close a code span, open a link or a tag and break a table row;
/// two Cyrillic ids; an id longer than a file name may be; and a speaker called "Index".
fn hostile_sheets() -> Sheets {
    let ex = Extractor::new();
    let articles = [
        Article::new(
            "x` [a](javascript:alert(1)) `\n| evil",
            "A senior official said: “We are ready.”\n\n“Index is the future,” Index said.",
        )
        .with_date("2026-01-01\n| <img src=x onerror=alert(1)> |"),
        Article::new("Правда", "A senior official said: “We are ready now.”"),
        Article::new("Москва", "A senior official said: “We are ready then.”"),
        Article::new(
            "a".repeat(300),
            "A senior official said: “We are ready at last.”",
        ),
    ];
    Sheets::build(&articles.map(|a| ex.extract(&a)))
}

#[test]
fn sheet_file_names_are_unique_short_and_never_the_index() {
    let sheets = hostile_sheets();
    assert_eq!(sheets.index.len(), 5, "{:#?}", sheets.index);
    let names = sheets.file_names("html");
    let unique: std::collections::BTreeSet<&String> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "{names:?}");
    assert_eq!(names[0], "index.html");
    assert!(!names[1..].contains(&"index.html".to_string()), "{names:?}");
    for name in &names {
        assert!(name.len() <= 128, "{} bytes: {name}", name.len());
        let stem = name.strip_suffix(".html").unwrap();
        assert!(
            !stem.is_empty()
                && stem
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_'),
            "{name}"
        );
    }
    // Anonymous sources share one page; each speaker keeps an anchor of its own, unique and
    // as safe as a file name.
    let anchors: std::collections::BTreeSet<&str> =
        sheets.index.iter().map(|e| e.anchor.as_str()).collect();
    assert_eq!(anchors.len(), sheets.index.len());
    for e in &sheets.index {
        let own = e.kind != saywho::SpeakerKind::Anonymous && !e.id.contains('/');
        assert_eq!(e.file == e.anchor, own, "{e:?}");
        assert_eq!(e.file == Sheets::ANONYMOUS_FILE, !own, "{e:?}");
        assert!(names.contains(&format!("{}.html", e.file)), "{e:?}");
    }
    // The same corpus always gives the same names; names stay those of the whole set when
    // `--speaker` keeps a few.
    assert_eq!(hostile_sheets().file_names("html"), names);
    let one = hostile_sheets().only(&[sheets.index[2].id.clone()]);
    assert_eq!(
        one.file_names("html"),
        [names[0].clone(), format!("{}.html", sheets.index[2].file)]
    );
}

/// The parts of a Markdown line outside code spans. CommonMark: a run of n backticks opens a
/// span that the next run of exactly n closes (backslashes inside are literal); a
/// backslash-escaped backtick opens nothing; a run never closed is plain text.
fn outside_code(line: &str) -> String {
    let b = line.as_bytes();
    let run = |i: usize| b[i..].iter().take_while(|&&c| c == b'`').count();
    let (mut out, mut i) = (String::new(), 0);
    while i < b.len() {
        match b[i] {
            b'\\' if i + 1 < b.len() => {
                let n = line[i + 1..].chars().next().unwrap().len_utf8();
                out.push_str(&line[i..i + 1 + n]);
                i += 1 + n;
            }
            b'`' => {
                let n = run(i);
                let mut j = i + n;
                let close = loop {
                    match b[j..].iter().position(|&c| c == b'`') {
                        None => break None,
                        Some(p) => {
                            let m = run(j + p);
                            if m == n {
                                break Some(j + p + m);
                            }
                            j += p + m;
                        }
                    }
                };
                match close {
                    Some(end) => {
                        out.push_str("CODE");
                        i = end;
                    }
                    None => {
                        out.push_str(&line[i..i + n]);
                        i += n;
                    }
                }
            }
            _ => {
                let c = line[i..].chars().next().unwrap();
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// The characters of `s` that are not backslash-escaped.
fn unescaped(s: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            chars.next();
        } else {
            out.push(c);
        }
    }
    out
}

/// A line without the markup saywho writes itself: anchors `<a id="…"></a>` whose id holds no
/// quote or angle bracket, and links `[text](target)` whose text holds no unescaped bracket
/// and whose target only letters, digits and `%._~#-` (a percent-encoded file name or
/// anchor). Links are replaced by their text; anything else is left for the checks.
fn without_own_markup(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    'scan: while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<a id=\"") {
            if let Some(end) = after.find("\"></a>") {
                if !after[..end].contains(['"', '<', '>']) {
                    rest = &after[end + "\"></a>".len()..];
                    continue;
                }
            }
        }
        if let Some(after) = rest.strip_prefix('[') {
            let mut chars = after.char_indices();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '[' => break,
                    ']' => {
                        let Some(target) = after[i + 1..].strip_prefix('(') else {
                            break;
                        };
                        let Some(close) = target.find(')') else {
                            break;
                        };
                        if target[..close]
                            .chars()
                            .all(|c| c.is_alphanumeric() || "%._~#-".contains(c))
                        {
                            out.push_str(&after[..i]);
                            rest = &target[close + 1..];
                            continue 'scan;
                        }
                        break;
                    }
                    _ => {}
                }
            }
        }
        let c = rest.chars().next().unwrap();
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[test]
fn own_markup_is_told_from_live_markup() {
    assert_eq!(without_own_markup("<a id=\"st-s-a#1\"></a>"), "");
    assert_eq!(
        without_own_markup("[Ana \\[x\\]](ana.md#st-s-a%231) ok"),
        "Ana \\[x\\] ok"
    );
    assert_eq!(
        without_own_markup("[a](javascript:alert(1))"),
        "[a](javascript:alert(1))"
    );
    assert_eq!(
        without_own_markup("<a id=\"x\" onclick=\"y\"></a>")
            .chars()
            .next(),
        Some('<')
    );
}

#[test]
fn markdown_fields_cannot_break_out() {
    let sheets = hostile_sheets();
    let md = render(&sheets, false, Page::All);
    let mut table_pipes = None;
    for line in md.lines() {
        // No link, image or tag can open outside a code span, but those saywho writes.
        let outside = unescaped(&outside_code(&without_own_markup(line)));
        assert!(
            !outside.iter().any(|c| matches!(c, '<' | '[' | ']')),
            "live markup in {line:?}\n{md}"
        );
        // Every row of a table has as many cells as its header (GFM splits a row at every
        // unescaped pipe, code spans included) and a table ends only at a blank line.
        let pipes = unescaped(line).iter().filter(|&&c| c == '|').count();
        match table_pipes {
            None if line.starts_with('|') => table_pipes = Some(pipes),
            Some(n) if line.is_empty() => {
                let _ = n;
                table_pipes = None;
            }
            Some(n) => assert!(
                line.starts_with('|') && line.ends_with('|') && pipes == n,
                "broken table row {line:?}\n{md}"
            ),
            None => {}
        }
    }
    // The ids are still there, whole, in code spans: a fence longer than the backtick inside.
    assert!(
        md.contains("id ``x` [a](javascript:alert(1)) ` | evil/senior-official``"),
        "{md}"
    );
    for id in ["index", "Правда/senior-official"] {
        assert!(md.contains(&format!("id `{id}`")), "{id}\n{md}");
    }
}

/// `saywho speakers` and the sheet index name the same speakers with the same quote counts.
fn check_index_agrees_with_roster(extractions: &[saywho::Extraction]) {
    let roster = saywho::Roster::build(extractions);
    let sheets = Sheets::build(extractions);
    let from_roster: Vec<(String, usize)> = roster
        .entries()
        .iter()
        .map(|e| (e.id.clone(), e.quotes))
        .collect();
    let mut from_index: Vec<(String, usize)> = sheets
        .index
        .iter()
        .filter(|e| e.id != "unattributed")
        .map(|e| (e.id.clone(), e.quotes))
        .collect();
    let mut sorted_roster = from_roster.clone();
    sorted_roster.sort();
    from_index.sort();
    assert_eq!(from_index, sorted_roster);
}

#[test]
fn the_index_agrees_with_the_roster() {
    check_index_agrees_with_roster(&extract_folder(&project_path("examples/articles")));
    check_index_agrees_with_roster(&extract_folder(&project_path("tests/corpus")));
    if let Some(dir) = seeds_dir() {
        check_index_agrees_with_roster(&extract_folder(&dir));
    }
}

#[test]
fn other_figures_are_marked_on_the_sheet() {
    let ex = saywho::Extractor::new();
    let article =
        |id: &str, text: &str| ex.extract(&saywho::Article::new(id, text).with_date("2026-08-03"));
    let sheets = Sheets::build(&[
        article("a", "Defence Minister Ivo Petrov said: “There have been at least 19 attacks on our bases since July.”"),
        article("b", "“There have been at least 12 attacks on our bases since July,” Defence Minister Ivo Petrov said."),
    ]);
    for html in [false, true] {
        let page = render(&sheets, html, Page::All);
        assert_eq!(page.matches("other figures").count(), 1, "{page}");
    }
}

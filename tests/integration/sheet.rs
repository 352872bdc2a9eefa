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
    // Austin: three role spellings; the precision strikes statement once, five outlets.
    let austin = sheet("lloyd-austin");
    assert_eq!(austin.roles.len(), 3, "{:?}", austin.roles);
    let first = &austin.statements[0];
    assert_eq!((first.outlets, first.renderings.len()), (5, 5));
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
    let html = render(&sheets, true, Page::Speaker("lloyd-austin"));
    assert!(html.contains(
        "<del title=\"spelling\">self-defense</del> <ins title=\"spelling\">self-defence</ins>"
    ));
}

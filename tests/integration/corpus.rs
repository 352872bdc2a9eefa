use saywho::Extractor;

use crate::support::{check_invariants, read_article, snapshot_settings};

/// Extracts every `.txt` article of `dir` (relative to this file) and locks each as a YAML
/// snapshot `snapshots/<name>@<file>.snap`, checking the invariants on the way.
fn snapshot_folder(dir: &str, name: &str) {
    let extractor = Extractor::new();
    snapshot_settings().bind(|| {
        insta::glob!(dir, "*.txt", |path| {
            let article = read_article(path);
            let extraction = extractor.extract(&article);
            check_invariants(&article, &extraction);
            insta::assert_yaml_snapshot!(name, extraction);
        });
    });
}

/// Every article of the corpus, locked (`snapshots/corpus@<file>.snap`).
#[test]
fn corpus_extractions_match_snapshots() {
    snapshot_folder("../corpus", "corpus");
}

/// The sample articles the README runs, locked the same way.
#[test]
fn example_extractions_match_snapshots() {
    snapshot_folder("../../examples/articles", "example");
}

/// Several outlets report the same statements: the same speaker is found in each, under
/// the role each outlet gives.
#[test]
fn same_statement_same_speaker_across_outlets() {
    let extractor = Extractor::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let speakers_of = |file: &str| -> Vec<(Option<String>, Option<String>)> {
        let article = read_article(std::path::Path::new(&format!("{dir}/{file}")));
        extractor
            .extract(&article)
            .quotes
            .into_iter()
            .filter_map(|q| q.speaker)
            .map(|s| (s.name, s.role))
            .collect()
    };
    for file in [
        "04_meridian_trade_talks.txt",
        "05_continental_trade_talks.txt",
        "06_baltic_trade_talks.txt",
    ] {
        let speakers = speakers_of(file);
        assert!(
            speakers
                .iter()
                .any(|(n, _)| n.as_deref() == Some("Helen Okafor")),
            "{file}: Okafor not found in {speakers:?}"
        );
        assert!(
            speakers
                .iter()
                .any(|(n, _)| n.as_deref() == Some("Luca Bertin")),
            "{file}: Bertin not found in {speakers:?}"
        );
    }
}

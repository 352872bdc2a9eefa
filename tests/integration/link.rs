//! Linking statements across outlets: the seeds' cases, determinism, hard negatives, the
//! examples locked as a snapshot, and pairwise precision/recall on a labelled set.

use std::collections::BTreeSet;
use std::path::Path;

use saywho::{Article, Extraction, Extractor, Linker, Relation, Statement};

use crate::support::{extract_folder, project_path, seeds_dir, snapshot_settings};

fn extract_dirs(dirs: &[&str]) -> Vec<Extraction> {
    dirs.iter()
        .flat_map(|d| extract_folder(&project_path(d)))
        .collect()
}

#[test]
fn seeds_link_the_same_statement_and_only_it() {
    let Some(dir) = seeds_dir() else { return };
    let ex = extract_folder(&dir);
    let statements = Linker::default().link(&ex);
    // Austin's statement: four full forms (one a translation) and a fragment, one cluster.
    let austin = statements
        .iter()
        .find(|s| {
            s.members.iter().any(|m| m.relation == Relation::Fragment) && s.members.len() >= 5
        })
        .expect("the precision strikes statement");
    assert_eq!(austin.speaker.as_deref(), Some("lloyd-austin"));
    let articles: BTreeSet<&str> = austin.members.iter().map(|m| &m.article[..3]).collect();
    assert_eq!(articles.len(), 5, "{austin:#?}");
    // "to make clear …": three reports, one cluster.
    assert!(
        statements
            .iter()
            .any(|s| s.members.len() == 3
                && s.members.iter().all(|m| m.text.contains("not tolerate")))
    );
    // Nothing links two different named speakers.
    for s in &statements {
        let speakers: BTreeSet<Option<String>> = s
            .members
            .iter()
            .map(|m| {
                let e = ex.iter().find(|e| e.article == m.article).unwrap();
                let q = e.quotes.iter().find(|q| q.id == m.quote).unwrap();
                q.speaker.as_ref().and_then(|sp| sp.name.clone())
            })
            .filter(Option::is_some)
            .collect();
        assert!(speakers.len() <= 1, "{} links {speakers:?}", s.cluster);
    }
}

#[test]
fn same_words_by_different_speakers_are_not_linked() {
    let ex = Extractor::new();
    let a = ex.extract(&Article::new(
        "a",
        "“We will not hesitate to protect our troops,” said Senator Dana Cole.",
    ));
    let b = ex.extract(&Article::new(
        "b",
        "“We will not hesitate to protect our troops,” said Minister Ivo Petrov.",
    ));
    let c = ex.extract(&Article::new(
        "c",
        "Senator Dana Cole said: “We will not hesitate to raise taxes on the rich.”",
    ));
    let statements = Linker::default().link(&[a, b, c]);
    assert_eq!(statements.len(), 3, "{statements:#?}");
}

#[test]
fn linking_is_deterministic_across_order_and_threads() {
    let ex = extract_dirs(&["tests/corpus", "examples/articles"]);
    let once = Linker::default().link(&ex);
    let mut reversed = ex.clone();
    reversed.reverse();
    assert_eq!(Linker::default().link(&reversed), once);
    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    assert_eq!(single.install(|| Linker::default().link(&ex)), once);
}

#[test]
fn example_statements_are_locked() {
    let statements: Vec<Statement> = Linker::default()
        .link(&extract_dirs(&["examples/articles"]))
        .into_iter()
        .filter(|s| s.members.len() > 1)
        .collect();
    snapshot_settings().bind(|| insta::assert_yaml_snapshot!("link_examples", statements));
}

/// Pairwise precision and recall of linking on `tests/link_gold.json`.
#[test]
fn labelled_statements_pairwise() {
    #[derive(serde::Deserialize)]
    struct Gold {
        statements: Vec<Vec<(String, String)>>,
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/link_gold.json");
    let gold: Gold = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let ex = extract_dirs(&["tests/corpus", "examples/articles"]);
    // Gold quote → quote id.
    let id_of = |article: &str, starts: &str| -> String {
        let e = ex
            .iter()
            .find(|e| e.article == article)
            .unwrap_or_else(|| panic!("no {article}"));
        e.quotes
            .iter()
            .find(|q| q.text.starts_with(starts))
            .unwrap_or_else(|| panic!("{article}: no quote starting {starts:?}"))
            .id
            .clone()
    };
    let groups: Vec<Vec<String>> = gold
        .statements
        .iter()
        .map(|g| g.iter().map(|(a, s)| id_of(a, s)).collect())
        .collect();
    let scored: BTreeSet<&String> = groups.iter().flatten().collect();
    let pairs = |clusters: &[Vec<String>]| -> BTreeSet<(String, String)> {
        let mut out = BTreeSet::new();
        for c in clusters {
            let members: Vec<&String> = c.iter().filter(|q| scored.contains(q)).collect();
            for (i, a) in members.iter().enumerate() {
                for b in &members[i + 1..] {
                    out.insert(((*a).min(*b).clone(), (*a).max(*b).clone()));
                }
            }
        }
        out
    };
    let predicted: Vec<Vec<String>> = Linker::default()
        .link(&ex)
        .into_iter()
        .map(|s| s.quotes)
        .collect();
    let (p, g) = (pairs(&predicted), pairs(&groups));
    let hit = p.intersection(&g).count();
    let precision = hit as f64 / p.len().max(1) as f64;
    let recall = hit as f64 / g.len().max(1) as f64;
    eprintln!(
        "link pairs: gold {} predicted {} correct {hit}: P={precision:.3} R={recall:.3}",
        g.len(),
        p.len()
    );
    for missed in g.difference(&p) {
        eprintln!("  missed {missed:?}");
    }
    for wrong in p.difference(&g) {
        eprintln!("  wrong  {wrong:?}");
    }
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(recall >= 0.6, "recall {recall:.3}");
}

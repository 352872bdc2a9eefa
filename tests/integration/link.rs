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

/// Extracts articles written inline: (id, date, outlet, text).
fn extract_inline(articles: &[(&str, &str, &str, &str)]) -> Vec<Extraction> {
    let ex = Extractor::new();
    articles
        .iter()
        .map(|(id, date, outlet, text)| {
            ex.extract(
                &Article::new(*id, *text)
                    .with_date(*date)
                    .with_outlet(*outlet),
            )
        })
        .collect()
}

/// The statement holding a quote that starts with `words`.
fn statement_of<'s>(statements: &'s [Statement], words: &str) -> &'s Statement {
    statements
        .iter()
        .find(|s| s.members.iter().any(|m| m.text.starts_with(words)))
        .unwrap_or_else(|| panic!("no quote starting {words:?} in {statements:#?}"))
}

#[test]
fn a_line_said_again_weeks_later_is_another_statement() {
    let ex = extract_inline(&[
        ("a", "2026-03-03", "Courier", "At a rally on Monday, Senator Mara Quist said: “We will fix every road in this county.”"),
        ("b", "2026-03-04", "Ledger", "“We will fix every road in this county,” Senator Mara Quist said on Monday."),
        ("c", "2026-04-07", "Courier", "Senator Mara Quist returned to Dunmore on Sunday and told the crowd: “We will fix every road in this county.”"),
        // A recap that dates the old line itself joins it.
        ("d", "2026-04-20", "Review", "Senator Mara Quist said on March 2: “We will fix every road in this county.”"),
    ]);
    let statements = Linker::default().link(&ex);
    let march = statement_of(&statements, "We will fix");
    let articles: BTreeSet<&str> = march.members.iter().map(|m| m.article.as_str()).collect();
    assert_eq!(articles, BTreeSet::from(["a", "b", "d"]), "{statements:#?}");
    // The window is a setting: with a year, undated repetitions join (c is dated by its own
    // phrase, "on Sunday", which is 5 April: still another occasion).
    assert_eq!(statements.len(), 2);
}

#[test]
fn overlapping_windows_of_one_statement_are_linked() {
    let ex = extract_inline(&[
        ("a", "2026-05-01", "Courier", "Mayor Lena Ortiz said: “The river has never been this high. We have moved every family on Quay Street. The shelters are open all night.”"),
        ("b", "2026-05-01", "Ledger", "“We have moved every family on Quay Street. The shelters are open all night. Nobody will be left on a roof,” Mayor Lena Ortiz said."),
    ]);
    let statements = Linker::default().link(&ex);
    assert_eq!(statements.len(), 1, "{statements:#?}");
}

#[test]
fn fragments_join_their_statement_and_common_phrases_stay_alone() {
    let ex = extract_inline(&[
        ("a", "2026-06-02", "Courier", "Governor Tom Reddy said: “Cutting the flood budget now would be deeply reckless, and I will veto it.”"),
        ("b", "2026-06-02", "Ledger", "Governor Tom Reddy called the cut “deeply reckless.”"),
        ("c", "2026-06-03", "Wire", "Governor Tom Reddy said the plan was “deeply reckless.”"),
        ("d", "2026-06-03", "Post", "Senator Ann Cole called the inquiry a “witch hunt.”"),
        ("e", "2026-06-03", "Post", "Mayor Ed Pruitt called the audit a “witch hunt.”"),
        ("f", "2026-06-04", "Post", "Councillor Ida Moss called the review a “witch hunt.”"),
        ("g", "2026-06-04", "Post", "Councillor Ida Moss said: “This is a witch hunt and the council knows it.”"),
    ]);
    let statements = Linker::default().link(&ex);
    let reddy = statement_of(&statements, "Cutting the flood budget");
    assert_eq!(reddy.members.len(), 3, "{statements:#?}");
    assert!(
        reddy
            .members
            .iter()
            .filter(|m| m.relation == Relation::Fragment)
            .count()
            == 2
    );
    for s in statements
        .iter()
        .filter(|s| s.members.iter().any(|m| m.text.contains("witch hunt")))
    {
        assert_eq!(s.members.len(), 1, "a common phrase joined: {s:#?}");
    }
}

#[test]
fn swapped_words_meet_even_for_a_speaker_quoted_many_times() {
    let mut articles = vec![
        ("a", "2026-07-01", "Courier", "Governor Tom Reddy said: “I will stand with the farmers and the ranchers of this state.”".to_string()),
        ("b", "2026-07-01", "Ledger", "“I will stand with the ranchers and the farmers of this state,” Governor Tom Reddy said.".to_string()),
    ];
    for i in 0..4 {
        articles.push(("x", "2026-07-01", "Post", format!("Governor Tom Reddy said: “Item {i} is on the agenda for the session in the autumn.”")));
    }
    let owned: Vec<(String, &str, &str, String)> = articles
        .into_iter()
        .enumerate()
        .map(|(k, (id, d, o, t))| (format!("{id}{k}"), d, o, t))
        .collect();
    let refs: Vec<(&str, &str, &str, &str)> = owned
        .iter()
        .map(|(i, d, o, t)| (i.as_str(), *d, *o, t.as_str()))
        .collect();
    let ex = extract_inline(&refs);
    // Speaker blocks of two: the governor's six quotes are too many to pair all-to-all.
    let config = saywho::LinkConfig::builder()
        .max_speaker_block(2)
        .build()
        .unwrap();
    let statements = Linker::new(config).link(&ex);
    assert_eq!(
        statement_of(&statements, "I will stand").members.len(),
        2,
        "{statements:#?}"
    );
}

#[test]
fn other_figures_are_another_statement_unless_all_else_is_verbatim() {
    let ex = extract_inline(&[
        ("a", "2026-08-03", "Courier", "Defence Minister Ivo Petrov said: “There have been at least 19 attacks on our bases since July.”"),
        ("b", "2026-08-03", "Ledger", "“There have been at least 12 attacks on our bases since July,” Defence Minister Ivo Petrov said."),
        ("c", "2026-08-04", "Wire", "Defence Minister Ivo Petrov said: “We counted 40 drones over the bases in July.”"),
        ("d", "2026-08-04", "Post", "Defence Minister Ivo Petrov said: “We counted 25 drones over the bases in July.” He added that the count would rise."),
    ]);
    let statements = Linker::default().link(&ex);
    let attacks = statement_of(&statements, "There have been");
    assert_eq!(attacks.members.len(), 2, "{statements:#?}");
    assert!(attacks.members.iter().any(|m| m.numbers_differ));
    let step = attacks
        .members
        .iter()
        .flat_map(|m| &m.diff)
        .find(|d| d.op == saywho::link::DiffOp::Replace)
        .expect("the figure replaced");
    assert_eq!(
        step.reason,
        Some(saywho::link::DiffReason::Number),
        "{step:?}"
    );
    // 40 drones and 25 drones: the same words with other figures are linked and marked too.
    assert!(statement_of(&statements, "We counted")
        .members
        .iter()
        .any(|m| m.numbers_differ));
}

#[test]
fn a_reported_version_joins_the_quote_it_reports() {
    let ex = extract_inline(&[
        ("a", "2026-09-01", "Courier", "“These strikes are separate from the war in the north and do not change our approach,” Defence Minister Ivo Petrov said."),
        ("b", "2026-09-01", "Ledger", "Defence Minister Ivo Petrov said the strikes were separate from the northern war."),
        ("c", "2026-09-01", "Ledger", "Senator Ann Cole said the strikes were separate from the northern war."),
    ]);
    let statements = Linker::default().link(&ex);
    let s = statement_of(&statements, "These strikes");
    assert_eq!(s.members.len(), 2, "{statements:#?}");
    let reported = s.members.iter().find(|m| m.article == "b").unwrap();
    assert_eq!(reported.relation, Relation::Reported);
}

#[test]
fn identical_copies_of_one_speaker_always_join_at_any_scale() {
    let base = extract_dirs(&["tests/corpus", "examples/articles"]);
    let once = Linker::default().link(&base);
    let copies = 40;
    let many: Vec<Extraction> = (0..copies)
        .flat_map(|k| {
            base.iter().map(move |e| {
                let mut e = e.clone();
                let article = format!("{}-{k:02}", e.article);
                for q in &mut e.quotes {
                    q.id = q.id.replacen(&e.article, &article, 1);
                }
                e.article = article;
                e
            })
        })
        .collect();
    let linked = Linker::default().link(&many);
    // Every statement of the corpus comes back once, with every copy of every member.
    let mut sizes: Vec<usize> = once.iter().map(|s| s.members.len() * copies).collect();
    let mut got: Vec<usize> = linked.iter().map(|s| s.members.len()).collect();
    sizes.sort_unstable();
    got.sort_unstable();
    assert_eq!(got, sizes);
}

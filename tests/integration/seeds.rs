//! The five real seed articles live outside the repository (`../shared/seeds`, or the folder
//! in `SAYWHO_SEEDS`). Nothing of their text is stored here: the tests read them at run time
//! and assert on speakers (by surname or kind), quote kinds and counts.

use saywho::{Extraction, Extractor, QuoteKind, SpeakerKind};

use crate::support::{check_invariants, read_article, seeds_dir};

/// Extracts the seed article whose file name starts with `prefix`.
fn seed(prefix: &str) -> Option<(saywho::Article, Extraction)> {
    let dir = seeds_dir()?;
    let path = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap_or_else(|| panic!("no seed file starting with {prefix} in {}", dir.display()));
    let article = read_article(&path);
    let extraction = Extractor::new().extract(&article);
    check_invariants(&article, &extraction);
    Some((article, extraction))
}

/// Who we expect behind a quote: a surname (person) or a kind with a word of its name/role.
#[derive(Debug, Clone, Copy)]
enum Who {
    Person(&'static str),
    Org(&'static str),
    Anonymous,
}

/// The quotes in quote marks (direct and partial), in text order.
fn marked(e: &Extraction) -> Vec<&saywho::Quote> {
    e.quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect && q.within.is_none())
        .collect()
}

fn who_matches(s: &saywho::Speaker, want: Who) -> bool {
    let name = s.name.as_deref().unwrap_or_default();
    match want {
        Who::Person(surname) => s.kind == SpeakerKind::Person && name.ends_with(surname),
        Who::Org(word) => s.kind == SpeakerKind::Organization && name.contains(word),
        Who::Anonymous => s.kind == SpeakerKind::Anonymous,
    }
}

fn check_speakers(prefix: &str, expected: &[Who]) {
    let Some((_, e)) = seed(prefix) else { return };
    let quotes = marked(&e);
    let got: Vec<String> = quotes
        .iter()
        .map(|q| format!("{:?}", q.speaker.as_ref().map(|s| (&s.name, s.kind))))
        .collect();
    assert_eq!(
        quotes.len(),
        expected.len(),
        "{prefix}: quotes found: {got:#?}"
    );
    for (q, want) in quotes.iter().zip(expected) {
        let s = q
            .speaker
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no speaker", q.id));
        assert!(
            who_matches(s, *want),
            "{}: expected {want:?}, got {s:?}",
            q.id
        );
    }
}

/// Reported speech (no quote marks) of a seed: each expected speaker is found at least the
/// given number of times, and every reported quote has a speaker.
fn check_reported(prefix: &str, expected: &[(Who, usize)]) {
    let Some((_, e)) = seed(prefix) else { return };
    let reported: Vec<_> = e
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Indirect)
        .collect();
    for q in &reported {
        assert!(
            q.speaker.is_some(),
            "{}: reported speech without a speaker",
            q.id
        );
    }
    for &(want, at_least) in expected {
        let n = reported
            .iter()
            .filter(|q| q.speaker.as_ref().is_some_and(|s| who_matches(s, want)))
            .count();
        assert!(
            n >= at_least,
            "{prefix}: {want:?} reported {n} times, expected {at_least}+"
        );
    }
}

/// Every pair of double quote marks in the raw text (found by a naive scan that knows
/// nothing of the grammar) lies inside a reported quote or mention.
fn check_every_marked_quote_found(prefix: &str) {
    let Some((article, e)) = seed(prefix) else {
        return;
    };
    let (base, text) = article.body();
    for line in text.split('\n') {
        let offset = base + (line.as_ptr() as usize - text.as_ptr() as usize);
        let mut open: Option<usize> = None;
        for (i, c) in line.char_indices() {
            let closes = match c {
                '“' => {
                    open = Some(i + c.len_utf8());
                    continue;
                }
                '”' => true,
                '"' if open.is_some() => true,
                '"' => {
                    open = Some(i + 1);
                    continue;
                }
                _ => false,
            };
            if let (true, Some(start)) = (closes, open.take()) {
                let (a, b) = (offset + start, offset + i);
                let covered = e.quotes.iter().any(|q| q.span.start < b && a < q.span.end)
                    || e.mentions
                        .iter()
                        .any(|m| m.span.start < b && a < m.span.end);
                assert!(
                    covered,
                    "{prefix}: marked text at {a}..{b} not found: {:?}",
                    &article.text[a..b]
                );
            }
        }
    }
}

#[test]
fn seed_000_speakers() {
    use Who::*;
    let osim = Org("Monitor");
    check_speakers(
        "000_",
        &[
            osim,
            osim,
            osim,
            Org("Pentagon"),
            Person("Austin"),
            Person("Austin"),
            Person("Kirby"),
        ],
    );
}

#[test]
fn seed_001_speakers() {
    check_speakers(
        "001_",
        &[Who::Anonymous, Who::Person("Austin"), Who::Person("Austin")],
    );
}

#[test]
fn seed_002_speakers() {
    use Who::*;
    let kirby = Person("Kirby");
    check_speakers(
        "002_",
        &[
            Anonymous,
            Person("Austin"),
            Person("Austin"),
            Anonymous,
            Org("Hezbollah"),
            kirby,
            kirby,
            kirby,
            kirby,
        ],
    );
}

#[test]
fn seed_003_speakers() {
    check_speakers("003_", &[Who::Person("Austin"); 6]);
}

#[test]
fn seed_004_speakers() {
    check_speakers("004_", &[Who::Person("Austin")]);
}

#[test]
fn seeds_every_marked_quote_is_found() {
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        check_every_marked_quote_found(prefix);
    }
}

#[test]
fn seeds_roles_are_split_from_names() {
    let roles = |prefix: &str, surname: &str| -> Vec<String> {
        let Some((_, e)) = seed(prefix) else {
            return Vec::new();
        };
        let mut r: Vec<String> = marked(&e)
            .iter()
            .filter_map(|q| q.speaker.as_ref())
            .filter(|s| s.name.as_deref().is_some_and(|n| n.ends_with(surname)))
            .map(|s| {
                assert_eq!(
                    s.name.as_deref().unwrap().split_whitespace().count(),
                    2,
                    "{s:?}"
                );
                s.role.clone().unwrap_or_default()
            })
            .collect();
        r.dedup();
        r
    };
    if seeds_dir().is_none() {
        return;
    }
    // Each outlet's own wording of the role, never glued to the name.
    assert_eq!(roles("000_", "Austin"), ["Defense Secretary"]);
    assert_eq!(roles("001_", "Austin"), ["US Defence Secretary"]);
    assert_eq!(roles("003_", "Austin"), ["US Secretary of Defense"]);
    assert_eq!(
        roles("000_", "Kirby"),
        ["NSC Coordinator for Strategic Communications"]
    );
    assert_eq!(roles("002_", "Kirby"), ["White House spokesman"]);
}

#[test]
fn seeds_kinds_and_resolution() {
    let Some((_, e)) = seed("000_") else { return };
    let quotes = marked(&e);
    let kinds: Vec<QuoteKind> = quotes.iter().map(|q| q.kind).collect();
    use QuoteKind::*;
    assert_eq!(
        kinds,
        [Direct, Direct, Direct, Partial, Partial, Partial, Direct]
    );
    let by: Vec<String> = quotes
        .iter()
        .map(|q| serde_json::to_string(&q.resolved_by).unwrap())
        .collect();
    assert_eq!(
        by,
        [
            "\"cue\"",
            "\"pronoun\"",
            "\"adjacent\"",
            "\"cue\"",
            "\"cue\"",
            "\"pronoun\"",
            "\"pronoun\""
        ]
    );
}

#[test]
fn seeds_reported_speech() {
    use Who::*;
    // Ryder speaks only in reported speech; the Pentagon and the anonymous official mostly so.
    check_reported(
        "000_",
        &[
            (Person("Ryder"), 1),
            (Org("Pentagon"), 1),
            (Person("Austin"), 1),
        ],
    );
    check_reported("001_", &[(Org("Pentagon"), 2), (Anonymous, 1)]);
    check_reported("002_", &[(Org("Pentagon"), 1), (Anonymous, 4)]);
    check_reported("003_", &[(Org("Defense"), 1), (Anonymous, 2)]);
    check_reported("004_", &[(Anonymous, 1)]);
}

#[test]
fn seeds_references_resolve() {
    // Every "he", "it", "the official" and "the statement" that speaks gets a referent.
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        let Some((_, e)) = seed(prefix) else { return };
        for q in &e.quotes {
            let Some(s) = &q.speaker else { continue };
            let m = s.mention.to_lowercase();
            if matches!(
                m.as_str(),
                "he" | "she" | "it" | "they" | "the official" | "the statement"
            ) {
                let resolved =
                    s.name.is_some() || (s.kind == SpeakerKind::Anonymous && s.role.is_some());
                assert!(resolved, "{}: {:?} is not resolved: {s:?}", q.id, s.mention);
                assert_ne!(
                    q.resolved_by,
                    Some(saywho::ResolvedBy::Cue),
                    "{}: {:?}",
                    q.id,
                    s.mention
                );
            }
        }
    }
}

#[test]
fn seeds_nested_speech() {
    // In 000 the spokesman quotes the President inside his own quote: reported on its own,
    // within the spokesman's quote, with its own speaker.
    let Some((_, e)) = seed("000_") else { return };
    let nested: Vec<_> = e.quotes.iter().filter(|q| q.within.is_some()).collect();
    assert_eq!(nested.len(), 1, "{nested:#?}");
    let parent = e
        .quotes
        .iter()
        .find(|p| Some(&p.id) == nested[0].within.as_ref())
        .unwrap();
    assert!(parent
        .speaker
        .as_ref()
        .unwrap()
        .name
        .as_deref()
        .unwrap()
        .ends_with("Kirby"));
    let s = nested[0].speaker.as_ref().unwrap();
    assert!(s.name.as_deref().unwrap().ends_with("Biden"), "{s:?}");
    assert_eq!(nested[0].kind, QuoteKind::Direct);
}

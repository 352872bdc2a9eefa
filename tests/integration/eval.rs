//! The annotated sets of `tests/eval` as a regression guard: extraction must keep the
//! precision, recall and speaker accuracy it has. Matching is a simplified form of
//! `../shared/eval/score.py` (any span overlap, one-to-one in text order; a speaker is right
//! when its last word equals the gold's), so the floors below sit a little under the
//! figures in `tests/eval/README.md`.

use saywho::{Article, Extractor};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    id: String,
    text: String,
    quotes: Vec<GoldQuote>,
}

#[derive(Deserialize)]
struct GoldQuote {
    start: usize,
    end: usize,
    speaker: String,
}

struct Score {
    precision: f64,
    recall: f64,
    speaker: f64,
}

fn last_word(s: &str) -> String {
    s.split_whitespace()
        .last()
        .unwrap_or_default()
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn score(file: &str) -> Score {
    let path = format!("{}/tests/eval/{file}", env!("CARGO_MANIFEST_DIR"));
    let extractor = Extractor::new();
    let (mut gold_n, mut pred_n, mut matched, mut speaker_ok) = (0, 0, 0, 0);
    for line in std::fs::read_to_string(&path).expect("gold set").lines() {
        let g: Gold = serde_json::from_str(line).expect("gold record");
        let article = Article::new(g.id.clone(), g.text.clone());
        let e = extractor.extract(&article);
        // Code-point offsets of each prediction, as in the gold.
        let cp = |b: usize| g.text[..b].chars().count();
        let mut free: Vec<_> = e
            .quotes
            .iter()
            .map(|q| (cp(q.span.start), cp(q.span.end), q))
            .collect();
        gold_n += g.quotes.len();
        pred_n += free.len();
        for gq in &g.quotes {
            if let Some(i) = free
                .iter()
                .position(|(s, t, _)| *s < gq.end && gq.start < *t)
            {
                let (_, _, q) = free.remove(i);
                matched += 1;
                let who = q
                    .speaker
                    .as_ref()
                    .and_then(|s| s.name.clone().or(s.role.clone()));
                if who.is_some_and(|w| last_word(&w) == last_word(&gq.speaker)) {
                    speaker_ok += 1;
                }
            }
        }
    }
    Score {
        precision: matched as f64 / pred_n.max(1) as f64,
        recall: matched as f64 / gold_n.max(1) as f64,
        speaker: speaker_ok as f64 / matched.max(1) as f64,
    }
}

fn assert_at_least(name: &str, s: Score, floor: (f64, f64, f64)) {
    eprintln!(
        "{name}: P={:.3} R={:.3} speaker={:.3}",
        s.precision, s.recall, s.speaker
    );
    assert!(
        s.precision >= floor.0,
        "{name}: precision {:.3} < {}",
        s.precision,
        floor.0
    );
    assert!(
        s.recall >= floor.1,
        "{name}: recall {:.3} < {}",
        s.recall,
        floor.1
    );
    assert!(
        s.speaker >= floor.2,
        "{name}: speaker accuracy {:.3} < {}",
        s.speaker,
        floor.2
    );
}

#[test]
fn main_set_keeps_its_scores() {
    assert_at_least("tests/eval", score("gold.jsonl"), (0.97, 0.94, 0.95));
}

#[test]
fn blind_set_keeps_its_scores() {
    assert_at_least(
        "tests/eval/blind",
        score("blind/gold.jsonl"),
        (0.93, 0.90, 0.93),
    );
}

//! Scores MSRP sentence pairs with saywho's verifier, for `../shared/eval/score.py --pairs`.
//!
//! ```sh
//! cargo run --release --example msrp > /tmp/msrp_pred.jsonl
//! python3 ../shared/eval/score.py ../shared/eval/msrp_news_paraphrase/msrp_pairs.jsonl \
//!     /tmp/msrp_pred.jsonl --pairs --split test --threshold 0.6
//! ```
//!
//! Each output line is `{"pair_id", "score"}` with the normalised Dice similarity the linker
//! uses for full variants. The data set is read where it lies and never copied (its licence
//! allows non-commercial use only).
use std::io::{BufRead, Write};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/eval/msrp_news_paraphrase/msrp_pairs.jsonl".to_string());
    let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let linker = saywho::Linker::default();
    let out = std::io::stdout();
    let mut out = out.lock();
    for line in std::io::BufReader::new(file).lines() {
        let line = line.expect("a line");
        let pair: serde_json::Value = serde_json::from_str(&line).expect("a JSON pair");
        let text = |side: &str| pair[side]["text"].as_str().unwrap_or_default().to_string();
        let score = linker.similarity(&text("a"), &text("b"));
        let id = &pair["pair_id"];
        writeln!(
            out,
            "{}",
            serde_json::json!({"pair_id": id, "score": score})
        )
        .expect("write");
    }
}

//! Writes the benchmark corpus (see `benches/support/corpus.rs`) as JSONL on stdout, for the
//! streaming check and the peer comparison.
//!
//! ```text
//! cargo run --release --example gen_corpus -- 1024 > /tmp/corpus-1g.jsonl   # MiB of text
//! ```
//!
//! Large sizes are written in rounds of 64 MiB, each a fresh slice of the same generator
//! with its own ids, so memory stays small whatever the size.

use std::io::{BufWriter, Write};

use saywho::Article;

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() -> std::io::Result<()> {
    let mib: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let mut out = BufWriter::new(std::io::stdout().lock());
    let round = 64usize.min(mib.max(1));
    let mut written = 0;
    let mut r = 0;
    while written < mib {
        for a in corpus::generate(round << 20) {
            // The metadata is in the record's fields; the text is the prose alone.
            let mut record = Article::new(format!("r{r:03}-{}", a.id), a.body().1);
            record.outlet = a.outlet;
            record.date = a.date;
            record.title = a.title;
            serde_json::to_writer(&mut out, &record)?;
            out.write_all(b"\n")?;
        }
        written += round;
        r += 1;
    }
    out.flush()
}

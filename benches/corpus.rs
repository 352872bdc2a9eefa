//! The whole pipeline on a ≥ 100 MiB corpus generated from the project's own articles (see
//! `benches/support/corpus.rs`): extraction on one thread and on two (criterion), then
//! linking all its quotes and building and writing the quote sheets as HTML, each one timed
//! run on all cores (one run takes minutes at this size, too long for criterion's ten
//! samples; `benches/link.rs` has criterion figures for linking at 10⁴ and 10⁵ quotes).
//!
//! Run: `cargo bench --bench corpus` (about ten minutes on two cores). `SAYWHO_BENCH_MB`
//! changes the size (default 100). Extraction on two threads divided by one thread, from the
//! same run, is the parallel speed-up.

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, Throughput};
use rayon::prelude::*;
use saywho::sheet::{write_html, Page, Sheets};
use saywho::{Extraction, Extractor, Linker};

#[path = "support/corpus.rs"]
mod corpus;

fn main() {
    let mb: usize = std::env::var("SAYWHO_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let articles = corpus::generate(mb << 20);
    let bytes = corpus::bytes(&articles);
    let extractor = Extractor::new();
    let extractions: Vec<Extraction> = articles.par_iter().map(|a| extractor.extract(a)).collect();
    let quotes: usize = extractions.iter().map(|e| e.quotes.len()).sum();
    eprintln!(
        "corpus: {} articles, {:.1} MiB, {quotes} quotes",
        articles.len(),
        bytes as f64 / (1 << 20) as f64
    );

    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group(format!("corpus_{mb}mb"));
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool");
        group.bench_function(format!("extract_{threads}_thread"), |b| {
            b.iter(|| {
                pool.install(|| {
                    articles
                        .par_iter()
                        .map(|a| black_box(extractor.extract(a)).quotes.len())
                        .sum::<usize>()
                })
            })
        });
    }
    group.finish();
    c.final_summary();

    let start = Instant::now();
    let statements = black_box(Linker::default().link(&extractions)).len();
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "corpus_{mb}mb/link: {quotes} quotes into {statements} statements in {secs:.1} s, {:.0} quotes/s",
        quotes as f64 / secs
    );
    let start = Instant::now();
    let sheets = Sheets::build(&extractions);
    let mut html = Vec::new();
    write_html(&mut html, &sheets, Page::All).expect("writes to memory");
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "corpus_{mb}mb/sheet_html: {} speakers, {:.1} MiB of HTML in {secs:.1} s",
        sheets.speakers.len(),
        html.len() as f64 / (1 << 20) as f64
    );
}

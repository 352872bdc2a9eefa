//! Extraction on ordinary news and on hostile input, each at two sizes (2.5 MiB and 10 MiB),
//! so that time and memory growth show as ratios from the same run.
//!
//! Run: `cargo bench --bench extract`. Criterion reports MiB/s per case and size: linear work
//! keeps the MiB/s of the 10 MiB row close to the 2.5 MiB row, and the pathological rows
//! close to `news`. Before the timings, one pass per case prints the peak of live heap bytes
//! per input byte at both sizes (a counting allocator) and their ratio, and the time of the
//! 10 MiB input over that of the 2.5 MiB one (best of three each; 4 is linear, the issue 10
//! bound is 5). `cargo bench --bench extract -- he_said` runs one case.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput};
use saywho::{Article, Extractor};

#[path = "support/corpus.rs"]
mod corpus;

use saywho::test_support::{alloc, shapes};

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

const SMALL: usize = 5 << 19; // 2.5 MiB
const LARGE: usize = 10 << 20;

/// Makes an input of about n bytes.
type Make = Box<dyn Fn(usize) -> String>;

/// The hostile shapes of issues 6 and 10 and ordinary news, as one article of about `n`
/// bytes.
fn cases() -> Vec<(&'static str, Make)> {
    let news: String = corpus::project_articles()
        .iter()
        .map(|a| a.body().1.to_string())
        .collect::<Vec<_>>()
        .join("\n\n");
    let news_n = {
        let news = news.clone();
        move |n: usize| news.repeat(n / news.len() + 1)
    };
    let paragraph = move |n: usize| news.replace('\n', " ").repeat(n / news.len() + 1);
    let markup = "<tweet id=\"7\" lang=\"en\">“We are ready,” the mayor said.</tweet>\n\
                  [caption id=\"a\" align=\"c\"]Harbour at dawn[/caption]\n\
                  <p>Officials said the pier would reopen.\u{0}</p>\n";
    vec![
        ("news", Box::new(news_n)),
        ("no_paragraph_break", Box::new(paragraph)),
        ("unmatched_marks", Box::new(|n| "“a ".repeat(n / 5))),
        (
            "nested_marks",
            Box::new(|n| "“‘".repeat(n / 12) + "x" + &"’”".repeat(n / 12)),
        ),
        ("one_char", Box::new(|n| "a".repeat(n))),
        (
            "markup_and_nul",
            Box::new(move |n| markup.repeat(n / markup.len() + 1)),
        ),
        // Issue 10, points 1-5 (see `saywho::test_support::shapes`).
        ("he_said", Box::new(shapes::he_said)),
        ("quote_he_said", Box::new(shapes::quote_he_said)),
        ("distinct_roles", Box::new(shapes::distinct_roles)),
        (
            "nested_one_paragraph",
            Box::new(shapes::nested_one_paragraph),
        ),
        ("lone_cr", Box::new(shapes::lone_cr)),
        ("non_ascii_names", Box::new(shapes::non_ascii_names)),
        ("tiny_paragraphs", Box::new(shapes::tiny_paragraphs)),
    ]
}

/// Peak live heap bytes per input byte while extracting `article`.
fn peak_per_byte(extractor: &Extractor, article: &Article) -> f64 {
    let base = alloc::start();
    black_box(extractor.extract(article));
    alloc::peak_since(base) as f64 / article.text.len() as f64
}

/// The best of three times to extract `article`, in seconds.
fn best_time(extractor: &Extractor, article: &Article) -> f64 {
    (0..3)
        .map(|_| {
            let start = std::time::Instant::now();
            black_box(extractor.extract(article));
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let extractor = Extractor::new();
    let cases: Vec<(&str, Article, Article)> = cases()
        .into_iter()
        .map(|(name, make)| {
            (
                name,
                Article::new(name, make(SMALL)),
                Article::new(name, make(LARGE)),
            )
        })
        .collect();

    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let wanted = |name: &str| filter.as_deref().is_none_or(|f| name.contains(f));
    eprintln!("peak heap bytes per input byte (2.5 MiB / 10 MiB / ratio); time 10 MiB / 2.5 MiB:");
    for (name, small, large) in cases.iter().filter(|(n, ..)| wanted(n)) {
        let (s, l) = (
            peak_per_byte(&extractor, small),
            peak_per_byte(&extractor, large),
        );
        let (ts, tl) = (best_time(&extractor, small), best_time(&extractor, large));
        eprintln!(
            "  {name:<22} {s:6.2} {l:6.2} {:5.2}   time {:5.2}",
            l / s,
            tl / ts
        );
    }

    let mut c = Criterion::default().configure_from_args();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);
    for (name, small, large) in &cases {
        for (size, article) in [("2.5MiB", small), ("10MiB", large)] {
            group.throughput(Throughput::Bytes(article.text.len() as u64));
            group.bench_with_input(BenchmarkId::new(*name, size), article, |b, a| {
                b.iter(|| black_box(extractor.extract(black_box(a))))
            });
        }
    }
    group.finish();
    c.final_summary();
}

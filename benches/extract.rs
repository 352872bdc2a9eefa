//! Extraction throughput on ≥ 10 MB of news text, and on hostile input of the same size.
//!
//! Run: `cargo bench --bench extract`. Criterion reports MiB/s per benchmark; compare the
//! pathological rows with `news_10mb` from the same run (a ratio, not an absolute figure).

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use saywho::{Article, Extractor};

const TARGET: usize = 10 * 1024 * 1024;

/// The project's own articles (test corpus and examples), repeated as separate articles until
/// they hold at least 10 MiB of text.
fn news_corpus() -> Vec<Article> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut base = Vec::new();
    for dir in ["tests/corpus", "examples/articles"] {
        for file in saywho::input::files(&root.join(dir)).expect("corpus folder") {
            base.extend(saywho::input::read_file(&file).map(|a| a.expect("an article")));
        }
    }
    let mut out = Vec::new();
    let mut size = 0;
    while size < TARGET {
        for a in &base {
            size += a.text.len();
            out.push(a.clone());
        }
    }
    out
}

fn bytes(articles: &[Article]) -> u64 {
    articles.iter().map(|a| a.text.len() as u64).sum()
}

fn bench(c: &mut Criterion) {
    let extractor = Extractor::new();
    let mut group = c.benchmark_group("extract");
    group.sample_size(10);

    let news = news_corpus();
    group.throughput(Throughput::Bytes(bytes(&news)));
    group.bench_function("news_10mb", |b| {
        b.iter(|| {
            for a in &news {
                black_box(extractor.extract(black_box(a)));
            }
        })
    });

    // One article each, about 10 MiB: the grammar must stay linear whatever the shape.
    let one_paragraph: String = news
        .iter()
        .map(|a| a.text[a.body_start..].replace('\n', " "))
        .collect::<Vec<_>>()
        .join(" ");
    let cases = [
        ("one_paragraph_10mb", one_paragraph),
        ("unmatched_marks_10mb", "“a ".repeat(TARGET / 5)),
        (
            "nested_marks_10mb",
            "“‘".repeat(TARGET / 12) + "x" + &"’”".repeat(TARGET / 12),
        ),
        ("one_char_10mb", "a".repeat(TARGET)),
    ];
    for (name, text) in cases {
        let article = Article::new(name, text);
        group.throughput(Throughput::Bytes(article.text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| black_box(extractor.extract(black_box(&article))))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

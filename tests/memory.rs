//! Bounded memory when streaming: the peak of live heap bytes while a stream of articles is
//! extracted through `saywho::stream::ordered` does not grow with the length of the stream.
//! Its own test binary, because it counts every allocation with a global allocator.

use std::io::Write;

use saywho::stream::{ordered, Budget};
use saywho::{Article, Extractor};

use saywho::test_support::alloc;

#[global_allocator]
static ALLOCATOR: alloc::Counting = alloc::Counting;

/// A lazily generated stream of `n` distinct news-like articles.
fn stream(n: usize) -> impl Iterator<Item = Article> {
    (0..n).map(|i| {
        Article::new(
            format!("s{i}"),
            format!(
                "“Pier {i} will reopen on Friday,” said harbour master Lena Brandt.\n\n\
                 Brandt said repairs to berth {i} had cost more than planned. “We are \
                 {i} days behind,” she added, according to the port authority.\n"
            ),
        )
    })
}

/// Peak live heap bytes above the starting level while `n` articles stream through
/// extraction and serialisation to a sink, as the CLI does.
fn peak_while_streaming(n: usize) -> usize {
    let extractor = Extractor::new();
    let budget = Budget {
        items: 64,
        bytes: 64 << 10,
    };
    let base = alloc::start();
    let mut out = std::io::sink();
    let mut count = 0;
    for line in ordered(
        stream(n),
        budget,
        |a| a.text.len(),
        |a| serde_json::to_vec(&extractor.extract(&a)).unwrap(),
    ) {
        out.write_all(&line).unwrap();
        count += 1;
    }
    assert_eq!(count, n);
    alloc::peak_since(base)
}

#[test]
fn streaming_memory_does_not_grow_with_the_stream() {
    // Warm up lazily built tables (lexicon, thread pool) so they count in neither run.
    peak_while_streaming(100);
    let small = peak_while_streaming(2_000);
    let large = peak_while_streaming(16_000);
    eprintln!("peak live heap: {small} bytes for 2,000 articles, {large} for 16,000");
    assert!(
        (large as f64) < 1.5 * small as f64,
        "peak grew from {small} to {large} bytes for 8x the articles"
    );
}

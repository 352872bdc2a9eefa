//! Linking at scale: synthetic corpora of 10⁴ and 10⁵ quotes (criterion), and 10⁶ in one
//! timed run with peak memory when `SAYWHO_BENCH_1M=1`. Throughput is in quotes per second;
//! the growth exponent is log(t₂/t₁)/log(n₂/n₁) between sizes measured in the same process.
//!
//! The corpora are built from the project's own quotes (tests/corpus, examples/articles):
//! one quote in five is a known statement with controlled edits (a US/UK spelling swapped,
//! a word dropped, or cut to a fragment) by its speaker; the others are random statements
//! of 8–24 words from the same vocabulary, by one of 5,000 speakers. Deterministic.

use std::hint::black_box;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput};
use saywho::{Extraction, Extractor, Linker};

#[path = "support/corpus.rs"]
mod corpus;

use corpus::Rng;

fn base_quotes() -> Vec<(String, Option<String>)> {
    let extractor = Extractor::new();
    corpus::project_articles()
        .iter()
        .flat_map(|a| extractor.extract(a).quotes)
        .map(|q| (q.text, q.speaker.and_then(|s| s.name)))
        .collect()
}

/// A quote's JSON, as `saywho extract` writes it (the output types are `#[non_exhaustive]`,
/// so a synthetic corpus is built the way any other program would read one).
fn quote_json(id: String, text: String, who: Option<&str>) -> serde_json::Value {
    let speaker = who.map(|name| {
        serde_json::json!({
            "id": saywho::slug(name), "name": name, "role": null, "kind": "person",
            "mention": name, "span": [0, 0],
        })
    });
    serde_json::json!({
        "id": id, "kind": "direct", "span": [0, text.len()], "text": text,
        "speaker": speaker, "cue": null, "resolved_by": null,
    })
}

/// `n` quotes in articles of ten.
fn corpus(n: usize) -> Vec<Extraction> {
    let base = base_quotes();
    let vocab: Vec<String> = base
        .iter()
        .flat_map(|(t, _)| t.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let swaps = [
        ("defense", "defence"),
        ("U.S.", "US"),
        ("organize", "organise"),
        ("center", "centre"),
    ];
    let mut rng = Rng(0x5eed);
    let mut out: Vec<serde_json::Value> = Vec::new();
    for i in 0..n {
        let (text, who) = if i % 5 == 0 {
            let (t, who) = &base[rng.below(base.len())];
            let mut words: Vec<String> = t.split_whitespace().map(str::to_string).collect();
            match rng.below(3) {
                0 => {
                    for w in &mut words {
                        for (us, uk) in swaps {
                            if w.contains(us) {
                                *w = w.replace(us, uk);
                            }
                        }
                    }
                }
                1 if words.len() > 4 => {
                    let k = rng.below(words.len());
                    words.remove(k);
                }
                _ if words.len() > 6 => {
                    let start = rng.below(words.len() - 4);
                    words = words[start..start + 4].to_vec();
                }
                _ => {}
            }
            (words.join(" "), who.clone())
        } else {
            let len = 8 + rng.below(17);
            let words: Vec<&str> = (0..len)
                .map(|_| vocab[rng.below(vocab.len())].as_str())
                .collect();
            (
                words.join(" "),
                Some(format!("Speaker {}", rng.below(5000))),
            )
        };
        if i % 10 == 0 {
            out.push(serde_json::json!({
                "article": format!("a{:07}", i / 10),
                "outlet": format!("Outlet {}", (i / 10) % 50),
                "date": null, "title": null, "quotes": [], "mentions": [],
            }));
        }
        let e = out.last_mut().expect("an article");
        let article = e["article"].as_str().expect("an id").to_string();
        let quotes = e["quotes"].as_array_mut().expect("a list");
        let id = format!("{article}#{}", quotes.len() + 1);
        quotes.push(quote_json(id, text, who.as_deref()));
    }
    out.into_iter()
        .map(|e| serde_json::from_value(e).expect("an extraction"))
        .collect()
}

/// Peak resident memory of this process, from /proc (Linux), in MiB.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

fn main() {
    let linker = Linker::default();
    let mut c = Criterion::default().configure_from_args().sample_size(10);
    let mut group = c.benchmark_group("link");
    let mut timings = Vec::new();
    for n in [10_000usize, 100_000] {
        let data = corpus(n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::from_parameter(n), &data, |b, d| {
            b.iter(|| black_box(linker.link(black_box(d))))
        });
        // One more timed run per size for the growth exponent, in this same process.
        let t = Instant::now();
        black_box(linker.link(&data));
        timings.push((n, t.elapsed().as_secs_f64()));
    }
    group.finish();
    if std::env::var_os("SAYWHO_BENCH_1M").is_some() {
        let n = 1_000_000;
        let data = corpus(n);
        let t = Instant::now();
        let statements = linker.link(&data);
        let secs = t.elapsed().as_secs_f64();
        timings.push((n, secs));
        println!(
            "link/1000000: {secs:.1} s, {:.0} quotes/s, {} statements, peak memory {:.0} MiB",
            n as f64 / secs,
            statements.len(),
            peak_mib().unwrap_or(f64::NAN)
        );
    }
    for w in timings.windows(2) {
        let ((n1, t1), (n2, t2)) = (w[0], w[1]);
        println!(
            "link {n1} → {n2}: {:.0} → {:.0} quotes/s, growth exponent {:.2}",
            n1 as f64 / t1,
            n2 as f64 / t2,
            (t2 / t1).ln() / (n2 as f64 / n1 as f64).ln()
        );
    }
    c.final_summary();
}

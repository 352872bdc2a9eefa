//! Linking at scale: synthetic corpora of 10⁴ and 10⁵ quotes (criterion), and 10⁶ in one
//! timed run with peak memory when `SAYWHO_BENCH_1M=1`. `SAYWHO_BENCH_SIZES=10000,1000000`
//! skips criterion and makes one timed run per size, each printing its time, its memory and a
//! digest of the statements (xxh3 of their JSON), so two builds can be checked to give the
//! same output. Throughput is in quotes per second;
//! the growth exponent is log(t₂/t₁)/log(n₂/n₁) between sizes measured in the same process.
//!
//! The corpora are built from the project's own quotes (tests/corpus, examples/articles):
//! one quote in five is a known statement with controlled edits (a US/UK spelling swapped,
//! a word dropped, or cut to a fragment) by its speaker; the others are random statements
//! of 8–24 words from the same vocabulary, by one of 5,000 speakers. Deterministic.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, Throughput};
use saywho::{Extraction, Extractor, Linker};

#[path = "support/corpus.rs"]
mod corpus;

use corpus::Rng;

/// The system allocator, counting (while `COUNTING` is set) the bytes allocated and freed and
/// their peak, so a run can report the heap that linking itself needs. The counting costs
/// time (shared atomics), so the timed run does not count; a second, counted run measures
/// memory.
struct Counting;

static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only counters are kept.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() && COUNTING.load(Ordering::Relaxed) {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        if COUNTING.load(Ordering::Relaxed) {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

const MIB: f64 = 1024.0 * 1024.0;

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
    // Each article is parsed from its JSON text as soon as it is complete, so the corpus in
    // memory is the extractions alone (no tree of JSON values held, or left to the allocator).
    let mut out: Vec<Extraction> = Vec::new();
    let mut current: Option<serde_json::Value> = None;
    let finish = |v: serde_json::Value| -> Extraction {
        serde_json::from_str(&v.to_string()).expect("an extraction")
    };
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
            if let Some(done) = current.take() {
                out.push(finish(done));
            }
            current = Some(serde_json::json!({
                "article": format!("a{:07}", i / 10),
                "outlet": format!("Outlet {}", (i / 10) % 50),
                "date": null, "title": null, "quotes": [], "mentions": [],
            }));
        }
        let e = current.as_mut().expect("an article");
        let article = e["article"].as_str().expect("an id").to_string();
        let quotes = e["quotes"].as_array_mut().expect("a list");
        let id = format!("{article}#{}", quotes.len() + 1);
        quotes.push(quote_json(id, text, who.as_deref()));
    }
    out.extend(current.map(finish));
    out
}

/// Peak resident memory of this process, from /proc (Linux), in MiB.
fn peak_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// Resident memory of this process now, from /proc (Linux), in MiB.
fn rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// One timed run per size, with memory and an output digest.
fn timed_runs(sizes: &str) {
    let linker = Linker::default();
    let mut timings = Vec::new();
    for n in sizes
        .split(',')
        .filter_map(|s| s.trim().parse::<usize>().ok())
    {
        let data = corpus(n);
        let before = rss_mib().unwrap_or(f64::NAN);
        let t = Instant::now();
        let statements = linker.link(&data);
        let secs = t.elapsed().as_secs_f64();
        let json = serde_json::to_vec(&statements).expect("statements serialise");
        let digest = xxhash_rust::xxh3::xxh3_64(&json);
        drop(statements);
        // The counted run: the heap in use at the peak of linking, above what was in use
        // before (counted from zero: only linking's own allocations and frees).
        LIVE.store(0, Ordering::Relaxed);
        PEAK.store(0, Ordering::Relaxed);
        COUNTING.store(true, Ordering::Relaxed);
        let again = linker.link(&data);
        COUNTING.store(false, Ordering::Relaxed);
        let heap = PEAK.load(Ordering::Relaxed) as f64 / MIB;
        assert_eq!(
            again.len(),
            json_len(&json),
            "the counted run links the same"
        );
        drop(again);
        println!(
            "link/{n}: {secs:.2} s, {:.0} quotes/s, {} statements, linking heap peak \
             {heap:.0} MiB (process RSS {before:.0} MiB before, peak {:.0} MiB), \
             digest {digest:016x}",
            n as f64 / secs,
            json_len(&json),
            peak_mib().unwrap_or(f64::NAN)
        );
        drop((json, data));
        timings.push((n, secs));
    }
    growth(&timings);
}

/// How many statements a JSON array holds.
fn json_len(json: &[u8]) -> usize {
    serde_json::from_slice::<Vec<serde::de::IgnoredAny>>(json).map_or(0, |v| v.len())
}

fn growth(timings: &[(usize, f64)]) {
    for w in timings.windows(2) {
        let ((n1, t1), (n2, t2)) = (w[0], w[1]);
        println!(
            "link {n1} → {n2}: {:.0} → {:.0} quotes/s, growth exponent {:.2}",
            n1 as f64 / t1,
            n2 as f64 / t2,
            (t2 / t1).ln() / (n2 as f64 / n1 as f64).ln()
        );
    }
}

fn main() {
    if let Ok(sizes) = std::env::var("SAYWHO_BENCH_SIZES") {
        timed_runs(&sizes);
        return;
    }
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
    growth(&timings);
    c.final_summary();
}

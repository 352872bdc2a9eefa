//! Runs extraction over the sample articles many times; for profilers (`perf`, `valgrind`).
//!
//! `cargo run --release --example profile_extract -- 200` (prints quotes found and
//! allocations per pass over the articles).
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Counts allocations, to see what a pass costs in memory traffic.
struct Counting;
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.realloc(ptr, layout, new) }
    }
}

#[path = "../benches/support/corpus.rs"]
mod corpus;

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(50);
    let articles = corpus::project_articles();
    let extractor = saywho::Extractor::new();
    let _ = extractor.extract(&articles[0]);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    let mut quotes = 0;
    for _ in 0..rounds {
        for a in &articles {
            quotes += extractor.extract(a).quotes.len();
        }
    }
    let allocations = ALLOCATIONS.load(Ordering::Relaxed) - before;
    println!(
        "{quotes} quotes; {} allocations per pass over {bytes} bytes",
        allocations / rounds.max(1)
    );
}

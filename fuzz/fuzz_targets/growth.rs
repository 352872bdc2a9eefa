//! Growth: the input, repeated to about 64 KiB (and at least 256 times, past the warm-up of
//! the look-back over the last 60 mentions) and to four times that, must cost at most five
//! times the work — counted in grammar steps (deterministic), and in time as well, with room
//! for noise (a quadratic loop shows as 16 times), for loops the step counter does not see. Catches the quadratic paths that
//! inputs of a few KiB never show (issue 10).
#![no_main]

use libfuzzer_sys::fuzz_target;
use saywho::{Article, Extractor};
use std::sync::OnceLock;
use std::time::Instant;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let extractor = EXTRACTOR.get_or_init(Extractor::new);
    let unit = String::from_utf8_lossy(data).into_owned();
    if unit.trim().is_empty() {
        return;
    }
    // At least 64 copies, and 4x that within one window of 1 MiB (a longer text is read in
    // windows, each starting its look-back afresh: linear, at another cost per byte).
    let copies = (65_536 / unit.len()).max(64).min((256 << 10) / unit.len()).max(1);
    let run = |copies: usize| {
        let article = Article::new("g", unit.repeat(copies));
        let steps = saywho::test_support::steps();
        let start = Instant::now();
        extractor.extract(&article);
        let took = start.elapsed().as_secs_f64();
        ((saywho::test_support::steps() - steps).max(1), took)
    };
    let (small_steps, small_time) = run(copies);
    let (large_steps, large_time) = run(4 * copies);
    assert!(
        large_steps <= 5 * small_steps,
        "steps grew {small_steps} -> {large_steps} for 4x the input"
    );
    // Time: a quadratic loop the step counter does not see costs about 16 times as much for
    // 4x the input; noise under the sanitizer and a busy machine has reached 10 times on
    // linear work (0.02 s -> 0.22 s), so only growth past 16 times and 250 ms fails.
    assert!(
        large_time < 0.25 || large_time <= 16.0 * small_time.max(0.001),
        "time grew {small_time:.4}s -> {large_time:.4}s for 4x the input"
    );
});

//! A count of elementary steps, for tests that prove linear behaviour without timing.
//!
//! The grammar's loops add to a per-thread counter as they go (one step per mark, token,
//! look-back and so on). Tests read it before and after a run and compare the work per input
//! byte across input sizes and shapes: a quadratic path shows up as a growing ratio, on any
//! machine and under any load, where a wall-clock test would flap. Without the
//! `test-support` feature nothing is counted and [`step`] compiles to nothing.

#[cfg(feature = "test-support")]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Adds `n` steps to this thread's counter.
#[inline]
pub(crate) fn step(n: usize) {
    #[cfg(feature = "test-support")]
    STEPS.with(|s| s.set(s.get().wrapping_add(n as u64)));
    #[cfg(not(feature = "test-support"))]
    let _ = n;
}

/// The number of steps this thread has counted so far.
#[cfg(feature = "test-support")]
pub(crate) fn steps() -> u64 {
    STEPS.with(std::cell::Cell::get)
}

//! A count of elementary steps, for tests that prove linear behaviour without timing.
//!
//! The grammar's loops add to a per-thread counter as they go (one step per mark, token,
//! look-back and so on). Tests read it before and after a run and compare the work per input
//! byte across input sizes and shapes: a quadratic path shows up as a growing ratio, on any
//! machine and under any load, where a wall-clock test would flap.

use std::cell::Cell;

thread_local! {
    static STEPS: Cell<u64> = const { Cell::new(0) };
}

/// Adds `n` steps to this thread's counter.
#[inline]
pub(crate) fn step(n: usize) {
    STEPS.with(|s| s.set(s.get().wrapping_add(n as u64)));
}

/// The number of steps this thread has counted so far. Only differences between two reads
/// mean anything.
#[doc(hidden)]
pub fn steps() -> u64 {
    STEPS.with(Cell::get)
}

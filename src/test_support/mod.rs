//! Support for saywho's own tests, benches and fuzz targets, behind the `test-support`
//! feature. Not part of the stable API: it changes whenever the tests need it to.
//!
//! - [`invariants`]: the output contract as checks, for property tests and fuzzing;
//! - [`steps`]: a count of elementary grammar steps, for tests that prove linear behaviour
//!   without timing anything;
//! - [`alloc`]: a global allocator that counts live heap bytes and their peak;
//! - [`shapes`]: hostile inputs of any size, for the step-count tests and the benches.

pub mod alloc;
pub mod invariants;
pub mod shapes;

/// The number of grammar steps this thread has counted so far (see `src/work.rs`). Only
/// differences between two reads mean anything.
pub fn steps() -> u64 {
    crate::work::steps()
}

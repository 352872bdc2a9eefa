//! saywho's integration tests: one binary, one module per topic.

/// Shared helpers: snapshot settings, reading fixtures, invariants every extraction keeps.
mod support;

/// The test corpus under `tests/corpus`, snapshotted article by article.
mod corpus;

/// The real seed articles in `../shared/seeds`, when present: speakers, kinds and counts.
mod seeds;

/// The `saywho` command as a black box: output, errors and exit codes. Only with the `cli`
/// feature, which builds the binary.
#[cfg(feature = "cli")]
mod cli;

/// One speaker across a corpus: ids, merging, and the roster.
mod speakers;

/// The annotated sets of `tests/eval` as a regression guard.
mod eval;

/// The same statement across outlets.
mod link;

/// Quote sheets in Markdown, HTML and JSON.
mod sheet;

/// Hostile input and faults in reading: ids, directories, byte-order marks, Unicode.
mod hostile;

/// Hostile input: work stays linear and nothing panics.
mod pathological;

/// Property tests: invariants and determinism over generated text.
mod properties;

/// Inputs the fuzzers found, replayed.
mod fuzz_regressions;

//! Arbitrary small corpora: the input is split at ASCII record separators (0x1E) into up to
//! eight articles, each decoded with invalid UTF-8 replaced and given one of three outlets,
//! then extracted and linked. Must not panic; the statements must keep
//! `saywho::test_support::invariants::statements`, and linking the articles in reverse order must give the
//! same statements.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saywho::{Extractor, Linker};
use std::sync::OnceLock;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let extractor = EXTRACTOR.get_or_init(Extractor::new);
    let extractions: Vec<_> = saywho::test_support::invariants::fuzz_corpus(data)
        .iter()
        .map(|a| extractor.extract(a))
        .collect();
    let linker = Linker::default();
    let statements = linker.link(&extractions);
    if let Err(why) = saywho::test_support::invariants::statements(&extractions, &statements) {
        panic!("invariant broken: {why}");
    }
    let reversed: Vec<_> = extractions.iter().rev().cloned().collect();
    assert_eq!(
        statements,
        linker.link(&reversed),
        "order changes the result"
    );
});

//! Arbitrary bytes as an article: decoded as the CLI does (the `date`/front-matter header is
//! parsed), invalid UTF-8 replaced, then extracted. Must not panic, and every output must
//! keep the invariants of `saywho::test_support::invariants::extraction`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saywho::{Article, Extractor};
use std::sync::OnceLock;

static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let extractor = EXTRACTOR.get_or_init(Extractor::new);
    let text = String::from_utf8_lossy(data).into_owned();
    let article = Article::from_txt("fuzz", text);
    let e = extractor.extract(&article);
    if let Err(why) = saywho::test_support::invariants::extraction(&article, &e) {
        panic!("invariant broken: {why}");
    }
    // Deterministic: the same input gives the same output.
    assert_eq!(e, extractor.extract(&article), "second run differs");
});

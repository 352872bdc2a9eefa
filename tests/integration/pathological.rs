//! Hostile inputs: each must finish, never panic, keep the invariants, and cost work that
//! grows linearly with its size. Work is counted in grammar steps (see `saywho::test_support::steps`),
//! not timed, so these tests cannot flap.

use saywho::{Article, Extractor};

use crate::support::check_invariants;

/// Steps per input byte for `make(n)`, and the ratio of that figure between n and 4n.
fn growth(make: impl Fn(usize) -> String, n: usize) -> (f64, f64) {
    let extractor = Extractor::new();
    let per_byte = |text: String| {
        let article = Article::new("p", text);
        let before = saywho::test_support::steps();
        let e = extractor.extract(&article);
        let steps = saywho::test_support::steps() - before;
        check_invariants(&article, &e);
        steps as f64 / article.text.len().max(1) as f64
    };
    let small = per_byte(make(n));
    let large = per_byte(make(4 * n));
    (large, large / small)
}

/// Linear: the work per byte at 4n is within 25% of that at n, and bounded. Ordinary news
/// costs about one step per byte; the densest input (a quote mark in every byte, each one
/// lexed, paired, tokenised and scanned) costs four, so eight leaves room without hiding a
/// per-byte blow-up.
fn assert_linear(name: &str, make: impl Fn(usize) -> String, n: usize) {
    let (per_byte, ratio) = growth(make, n);
    eprintln!("{name}: {per_byte:.2} steps/byte, growth {ratio:.3}");
    assert!(
        ratio < 1.25,
        "{name}: work per byte grew {ratio:.2}x from n to 4n"
    );
    assert!(per_byte <= 8.0, "{name}: {per_byte:.2} steps per byte");
}

/// A paragraph of ordinary reporting, for scale.
fn news(n: usize) -> String {
    let p = "“We will not stop,” said Mayor Ana Reyes, who spoke on Monday. The council, \
             according to officials, approved the plan. “It is a good day,” she added.\n\n";
    p.repeat(n / p.len() + 1)
}

#[test]
fn ordinary_news_is_linear() {
    assert_linear("news", news, 200_000);
}

#[test]
fn unmatched_marks_are_linear() {
    assert_linear("openers", |n| "“a ".repeat(n / 4), 200_000);
    assert_linear("closers", |n| "a” ".repeat(n / 4), 200_000);
    assert_linear(
        "singles then guillemets",
        |n| "‘x ".repeat(n / 8) + &"y» ".repeat(n / 8),
        200_000,
    );
    assert_linear("straight", |n| "\"".repeat(n), 100_000);
    // An unclosed quote over a whole paragraph full of commas: each comma is checked for an
    // attribution inside the quote, a few words at a time.
    assert_linear(
        "unclosed with commas",
        |n| "“".to_string() + &"word, ".repeat(n / 6),
        200_000,
    );
}

#[test]
fn deep_nesting_is_linear() {
    assert_linear(
        "nested",
        |n| "“‘".repeat(n / 6) + "x" + &"’”".repeat(n / 6),
        60_000,
    );
}

#[test]
fn one_long_paragraph_and_one_long_word() {
    assert_linear(
        "no paragraph break",
        |n| news(n).replace('\n', " "),
        200_000,
    );
    // One giant word is one token: its bytes are scanned once, which the step counter does
    // not itemise; `benches/extract.rs` (one_char_10mb) shows its speed.
    assert_linear("one character", |n| "a".repeat(n), 250_000);
    assert_linear(
        "one long sentence",
        |n| "word said word ".repeat(n / 15),
        200_000,
    );
}

#[test]
fn markup_nul_and_odd_unicode() {
    let odd =
        "<tweet id=\"1\">“x”</tweet>\n[caption id=\"2\"]“y”[/caption]\n\u{0}“z,”\u{0} he said.\n\
               \u{feff}“Ｗｅ ｇｏ,” said Ｍｒ Ｌｅｅ.\u{200b}\n\u{202e}“مرحبا” قال\n“🙂”\r\n";
    assert_linear("odd", |n| odd.repeat(n / odd.len() + 1), 100_000);
    let article = Article::new("odd", odd);
    let e = Extractor::new().extract(&article);
    check_invariants(&article, &e);
}

#[test]
fn invalid_utf8_is_a_reported_error_not_a_panic() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("invalid_utf8");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.txt");
    std::fs::write(&path, b"ok \xc3\x28 bad").unwrap();
    let results: Vec<_> = saywho::input::read_file(&path).collect();
    let err = results[0].as_ref().unwrap_err();
    assert!(
        err.to_string()
            .contains("not valid UTF-8 (first bad byte at offset 3)"),
        "{err}"
    );
}

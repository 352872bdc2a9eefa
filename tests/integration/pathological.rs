//! Hostile inputs: each must finish, never panic, keep the invariants, and cost work that
//! grows linearly with its size. Work is counted in grammar steps (see `saywho::test_support::steps`),
//! not timed, so these tests cannot flap.

use saywho::test_support::shapes;
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
    assert_linear_within(name, make, n, 8.0);
}

/// [`assert_linear`] with another bound on the steps per byte: text made of nothing but cues
/// (`he said he said …`) costs more per byte, as each speaker looks back over up to 60
/// earlier mentions, but no more at 4n than at n.
fn assert_linear_within(name: &str, make: impl Fn(usize) -> String, n: usize, max: f64) {
    let (per_byte, ratio) = growth(make, n);
    eprintln!("{name}: {per_byte:.2} steps/byte, growth {ratio:.3}");
    assert!(
        ratio < 1.25,
        "{name}: work per byte grew {ratio:.2}x from n to 4n"
    );
    assert!(per_byte <= max, "{name}: {per_byte:.2} steps per byte");
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

/// Shapes that once cost quadratic time (issue 10): each cue of a sentence read the others,
/// each quote every cue of its sentence, each nested quote every mark of its paragraph, and a
/// lone CR did not end a line, so a file of them was one paragraph.
#[test]
fn many_cues_quotes_and_marks_in_one_sentence_are_linear() {
    assert_linear_within("he said", shapes::he_said, 200_000, 24.0);
    assert_linear_within("quote he said", shapes::quote_he_said, 200_000, 24.0);
    assert_linear(
        "nested in one paragraph",
        shapes::nested_one_paragraph,
        200_000,
    );
    assert_linear("lone CR", shapes::lone_cr, 200_000);
}

/// Markup that never closes (`[/caption` or `<a` over and over): each opening once searched
/// the rest of the paragraph for its `]` or `>`. Found by the growth fuzzer (4.6 s for
/// 480 KB; now 13 ms).
#[test]
fn markup_that_never_closes_is_linear() {
    assert_linear(
        "unclosed shortcodes",
        |n| "title: [/caption x ".repeat(n / 19),
        200_000,
    );
    assert_linear("unclosed tags", |n| "a <b c ".repeat(n / 7), 200_000);
}

#[test]
fn many_names_and_roles_are_linear() {
    assert_linear("non-ASCII names", shapes::non_ascii_names, 200_000);
    // Every role distinct, each named once and then mentioned alone: each role-only mention
    // is looked up among the article's roles.
    assert_linear("distinct roles", shapes::distinct_roles, 200_000);
    assert_linear("tiny paragraphs", shapes::tiny_paragraphs, 200_000);
    assert_linear("transcript turns", shapes::transcript, 200_000);
    assert_linear("statement blocks", shapes::statement_blocks, 200_000);
}

/// A long text is read in windows, so the number of windows says it was, and no quote is
/// lost at a window's edge when paragraphs are whole.
#[test]
fn long_texts_are_read_in_windows_and_say_so() {
    let para = "“We will not stop,” said Mayor Ana Reyes.\n";
    let text = para.repeat((3 << 20) / para.len());
    let e = Extractor::new().extract(&Article::new("w", text.as_str()));
    assert_eq!(e.windows, 3);
    assert_eq!(e.quotes.len(), (3 << 20) / para.len());
    // No line breaks at all: the text is cut at sentence ends.
    let flat = text.replace('\n', " ");
    let e = Extractor::new().extract(&Article::new("w", flat.as_str()));
    assert_eq!(e.windows, 3);
    assert_eq!(e.quotes.len(), (3 << 20) / para.len());
    let json = serde_json::to_string(&e).unwrap();
    assert!(json.contains("\"windows\":3"));
    let short = Extractor::new().extract(&Article::new("s", para));
    assert!(!serde_json::to_string(&short).unwrap().contains("windows"));
}

//! Property tests (proptest): for generated news-like text full of quote marks, cues, names,
//! markup and odd Unicode, every extraction keeps the invariants, and output is the same on
//! every run and for any number of threads.

use proptest::prelude::*;
use rayon::prelude::*;
use saywho::{Article, Extraction, Extractor, Linker};

/// One piece of generated text: mostly the material attribution is made of, sometimes any
/// string at all.
fn piece() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "said",
        "says",
        "added",
        "told reporters",
        "according to",
        "he",
        "she",
        "it",
        "they",
        "the official",
        "the statement",
        "a spokesman",
        "Mayor",
        "Defence Secretary",
        "Ana",
        "Reyes",
        "Lloyd",
        "Okafor",
        "the ministry",
        "that",
        "We",
        "will",
        "not",
        "stop",
        "the",
        "harbour",
        "U.S.",
        "on Monday",
        "who",
        "and",
        "in",
        "a",
    ]);
    let marks = prop::sample::select(vec![
        "“", "”", "‘", "’", "\"", "'", "«", "»", "„", "‹", "›", "「", "」", "`",
    ]);
    let punctuation = prop::sample::select(vec![
        " ", " ", " ", ",", ".", ":", ";", "?", "!", "—", "…", "...", "(", ")", "\n", "\n\n",
        "\r\n",
    ]);
    let odd = prop::sample::select(vec![
        "\u{0}",
        "\u{feff}",
        "\u{200b}",
        "\u{202e}",
        "é",
        "🙂",
        "ﬁ",
        "Ｗ",
        "<tweet id=\"1\">",
        "</tweet>",
        "[/caption]",
        "<p>",
        "&amp;",
        "\u{301}",
        "İ",
        "ß",
    ]);
    prop_oneof![
        6 => words.prop_map(String::from),
        4 => marks.prop_map(String::from),
        5 => punctuation.prop_map(String::from),
        1 => odd.prop_map(String::from),
        1 => any::<String>(),
    ]
}

/// Generated article text of up to `max` pieces.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..max).prop_map(|p| p.concat())
}

/// Runs `f` on a rayon pool of `threads` threads.
fn on_threads<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("a thread pool")
        .install(f)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Spans are on char boundaries and inside the text, quote text is its span, top-level
    /// quotes never overlap and nested ones lie in the quote they name (the full list is
    /// `saywho::test_support::invariants::extraction`).
    #[test]
    fn extraction_keeps_its_invariants(text in text(300), header in any::<bool>()) {
        let article = if header {
            Article::from_txt("p", format!("date 2024-05-01 {text}"))
        } else {
            Article::new("p", text)
        };
        let e = Extractor::new().extract(&article);
        prop_assert_eq!(saywho::test_support::invariants::extraction(&article, &e), Ok(()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// The same corpus gives the same extractions and statements on every run, on one thread
    /// or two, and whatever the order of the articles given to the linker.
    #[test]
    fn output_is_the_same_across_runs_and_threads(
        texts in prop::collection::vec(text(120), 1..8)
    ) {
        let articles: Vec<Article> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Article::new(format!("a{i}"), t.clone()).with_outlet(format!("o{}", i % 3)))
            .collect();
        let extractor = Extractor::new();
        let run = |threads| {
            on_threads(threads, || {
                let e: Vec<Extraction> = articles.par_iter().map(|a| extractor.extract(a)).collect();
                let s = Linker::default().link(&e);
                (e, s)
            })
        };
        let (e1, s1) = run(1);
        let (e2, s2) = run(2);
        prop_assert_eq!(&e1, &e2);
        prop_assert_eq!(&s1, &s2);
        prop_assert_eq!(&e1, &run(2).0);
        prop_assert_eq!(saywho::test_support::invariants::statements(&e1, &s1), Ok(()));
        let reversed: Vec<Extraction> = e1.iter().rev().cloned().collect();
        prop_assert_eq!(&s1, &Linker::default().link(&reversed));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Growth: any generated news-like text, repeated to about 64 KiB and then to four times
    /// that, costs at most five times the work (grammar steps; time is not measured in
    /// tests).
    #[test]
    fn work_grows_linearly_with_the_input(seed in text(300), breaks in any::<bool>()) {
        let unit = if breaks { seed.clone() + "\n" } else { seed.replace(['\n', '\r'], " ") + " " };
        prop_assume!(!unit.trim().is_empty());
        let extractor = Extractor::new();
        let steps = |copies: usize| {
            let article = Article::new("g", unit.repeat(copies));
            let before = saywho::test_support::steps();
            extractor.extract(&article);
            (saywho::test_support::steps() - before).max(1)
        };
        // Past the warm-up (each mention looks back over at most 60 before it, so the first
        // few dozen copies cost less than the rest): at least 64 copies. And 4x that within one
        // window of 1 MiB: a longer text is read in windows, each starting its look-back
        // afresh, linear at another cost per byte.
        let copies = (65_536 / unit.len()).max(64).min((256 << 10) / unit.len()).max(1);
        let (small, large) = (steps(copies), steps(4 * copies));
        prop_assert!(
            large <= 5 * small,
            "{} steps for {} bytes, {} for 4x: {:?}",
            small, unit.len() * copies, large, unit
        );
    }
}

//! Paragraphs and sentences.
//!
//! A paragraph is a line of the text with something on it (scraped news puts one paragraph
//! per line, with or without blank lines between). A sentence is a run of tokens of the
//! writer's text, with whole quotes as single tokens, ended by `.` `!` `?` or `…` before a
//! capitalised word, a digit or a quote. Abbreviations (`Gen.`, `Oct.`) never end a sentence;
//! a dotted acronym (`U.S.`) ends one only before a typical sentence opener ("The", "He").
//! A quote whose words end a sentence (`“… conflict.” The strikes …`) ends the writer's
//! sentence too, unless an attribution follows (`“Why now?” Kirby asked.`).
//!
//! [`is_prose`] tells whether a paragraph is prose at all (not an image caption or an embed).
//! No nom here: [`paragraphs`] splits lines and [`sentences`] is one loop over a paragraph's
//! tokens.

use std::ops::Range;

use super::words::{Tok, Token};
use crate::Span;

/// The non-blank lines of `text[start..]`, trimmed of white space (any Unicode space,
/// including U+00A0), as spans into `text`.
pub(crate) fn paragraphs(text: &str, start: usize) -> impl Iterator<Item = Span> + '_ {
    // A line ends at `\n`, `\r\n` or a lone `\r` (old Mac files, some scrapers): each end is
    // one byte, found with memchr, and the empty piece between `\r` and `\n` is skipped like
    // a blank line.
    let bytes = text.as_bytes();
    let mut at = start.min(bytes.len());
    let mut done = at >= bytes.len();
    std::iter::from_fn(move || loop {
        if done {
            return None;
        }
        let end = memchr::memchr2(b'\n', b'\r', &bytes[at..]).map_or(bytes.len(), |k| at + k);
        let line = &text[at..end];
        let line_start = at;
        at = end + 1;
        done = end >= bytes.len();
        let trimmed_start = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let s = line_start + trimmed_start;
            return Some(Span::new(s, s + trimmed.len()));
        }
    })
}

fn starts_upper_or_digit(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Whether the tokens from `j` look like a trailing attribution: a few words, a cue, then
/// punctuation or the end (`Kirby said.`, `the official told reporters on Tuesday.`).
fn attribution_follows(tokens: &[Token], j: usize) -> bool {
    let words_from = |k: usize| {
        let n = tokens[k..].iter().take_while(|t| t.is_word()).count();
        crate::work::step(n);
        n
    };
    let lead = words_from(j).min(6);
    (j..j + lead).any(|k| {
        let f = tokens[k].flags;
        f.cue().is_some() && !f.capitalized() && {
            // After the cue: at most five words, then punctuation (not a quote) or the end.
            let tail = words_from(k + 1);
            tail <= 5
                && tokens
                    .get(k + 1 + tail)
                    .is_none_or(|t| !matches!(t.tok, Tok::Quote(_)))
        }
    })
}

/// Splits one paragraph's tokens into sentences (ranges of token indices).
/// `quote_ends_sentence(i)` tells whether the quote token `i` ends with `.` `!` `?` or `…`.
pub(crate) fn sentences(
    text: &str,
    tokens: &[Token],
    quote_ends_sentence: impl Fn(usize) -> bool,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    crate::work::step(tokens.len());
    for i in 0..tokens.len() {
        let Some(next) = tokens.get(i + 1) else { break };
        let next_text = next.span.slice(text);
        let next_opens = match next.tok {
            Tok::Quote(_) => true,
            Tok::Word => starts_upper_or_digit(next_text),
            Tok::Punct(c) => matches!(c, '(' | '—' | '–'),
        };
        if !next_opens {
            continue;
        }
        let t = &tokens[i];
        let word = t.span.slice(text);
        let boundary = match t.tok {
            Tok::Punct(c) => matches!(c, '.' | '!' | '?' | '…'),
            Tok::Word => word.ends_with('.') && !t.flags.abbreviation() && next.flags.starter(),
            Tok::Quote(_) => {
                quote_ends_sentence(i) && !(next.is_word() && attribution_follows(tokens, i + 1))
            }
        };
        if boundary {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// Whether a word is capitalised (first letter upper case), e.g. a name or sentence opener.
pub(crate) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether every longer word of a phrase is capitalised ("Meet the Press").
pub(crate) fn title_case(s: &str) -> bool {
    let mut any = false;
    for w in s.split_whitespace() {
        if w.chars().count() > 3 {
            if !is_capitalized(w) {
                return false;
            }
            any = true;
        }
    }
    any
}

/// Whether a paragraph is a headline or section label that scrapers leave in the body
/// ("Railing Against Ortiz", "ANALYSIS", "Related Coverage"): at most ten
/// words, every longer one capitalised, no quote mark, and no sentence end. Its capitalised
/// words are no one's name.
pub(crate) fn is_headline(p: &str) -> bool {
    // Cheapest first: nearly every paragraph ends like a sentence, and is read no further.
    let quote = |c: char| matches!(c, '"' | '“' | '”' | '‘' | '’' | '«' | '»' | '„');
    !p.trim_end().ends_with(['.', '!', '?', '…', ':', ','])
        && p.len() <= 200
        && p.split_whitespace().nth(10).is_none()
        && !p.contains(quote)
        && title_case(p)
}

/// Whether a paragraph is a byline or a credit line: "By Corey Lindahl | Tribune staff
/// writer" (short, no sentence end), or "… contributed to this report." Its names are no
/// one's who speaks.
pub(crate) fn is_byline(p: &str) -> bool {
    let p = p.trim();
    let by = p
        .strip_prefix("By ")
        .or_else(|| p.strip_prefix("BY "))
        .is_some_and(|rest| {
            rest.chars().next().is_some_and(char::is_uppercase)
                && rest.split_whitespace().nth(12).is_none()
                && !rest.ends_with(['.', '!', '?', '"', '”', '’'])
        });
    by || (p.len() <= 200
        && (p.ends_with("contributed to this report.")
            || p.ends_with("contributed reporting.")
            || p.ends_with("contributed to this story.")))
}

/// Whether a paragraph is prose. Image captions left by scrapers (`…[/caption]`) are not:
/// they never hold speech, and skipping them keeps a quote's neighbours adjacent. Nor are
/// headlines left in the body ([`is_headline`]), nor lines a scraper's label opens
/// ("Related: …", "Photo: …": `data/turn_labels.txt`).
pub(crate) fn is_prose(p: &str) -> bool {
    const EMBEDS: [&str; 8] = [
        "<tweet",
        "<blockquote",
        "<iframe",
        "<script",
        "<style",
        "<figure",
        "<figcaption",
        "<img",
    ];
    let embed = EMBEDS.iter().any(|e| {
        p.get(..e.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(e))
    });
    !(embed
        || p.ends_with("[/caption]")
        || p.starts_with("[caption")
        || is_headline(p)
        || is_byline(p)
        || crate::lexicon::labels::opens_with_scraper_label(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_detects_names_of_shows() {
        assert!(title_case("Meet the Press"));
        assert!(!title_case("we will win"));
    }

    #[test]
    fn headlines_left_in_the_body_are_not_prose() {
        assert!(!is_prose("Railing Against Ortiz"));
        assert!(!is_prose("ANALYSIS"));
        assert!(is_prose("Ortiz Wins Again."));
        assert!(is_prose("Ortiz: “We Will Win”"));
        assert!(is_prose("The council voted on Monday"));
    }

    #[test]
    fn bylines_and_credits_are_not_prose() {
        assert!(!is_prose("By Corey Lindahl | Tribune staff writer"));
        assert!(!is_prose("BY MARTA QUELL United Wire"));
        assert!(!is_prose(
            "Allied Press writer Dana Whitcomb contributed to this report."
        ));
        assert!(is_prose(
            "By Saturday evening the campaign had released a recording."
        ));
    }

    #[test]
    fn captions_are_not_prose() {
        assert!(!is_prose("Reuters A view of the port[/caption]"));
        assert!(!is_prose("<tweet id=\"1\">“Hi,” she said.</tweet>"));
        assert!(is_prose("The port reopened."));
    }

    fn split(text: &str) -> Vec<String> {
        let (regions, toks) = crate::grammar::lex_for_test(text);
        let ends = |i: usize| {
            let Tok::Quote(r) = toks[i].tok else {
                return false;
            };
            let inner = regions[r].inner(text.len()).slice(text).trim_end();
            inner.ends_with(['.', '!', '?', '…'])
        };
        sentences(text, &toks, ends)
            .into_iter()
            .map(|r| {
                Span::new(toks[r.start].span.start, toks[r.end - 1].span.end)
                    .slice(text)
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn paragraphs_skip_blank_lines_and_trim_nbsp() {
        let text = "One.\n\n\u{a0}Two. \r\nThree";
        let p: Vec<&str> = paragraphs(text, 0).map(|s| s.slice(text)).collect();
        assert_eq!(p, ["One.", "Two.", "Three"]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Brig. Gen. Ryder spoke on Oct. 17. He left."),
            ["Brig. Gen. Ryder spoke on Oct. 17.", "He left."]
        );
        assert_eq!(
            split("Troops of the U.S. Army left the U.S. The end."),
            ["Troops of the U.S. Army left the U.S.", "The end."]
        );
    }

    #[test]
    fn quotes_do_not_split_but_may_end_sentences() {
        assert_eq!(
            split("“Go. Now,” he said. Then"),
            ["“Go. Now,” he said.", "Then"]
        );
        assert_eq!(
            split("“It is over.” The crowd left."),
            ["“It is over.”", "The crowd left."]
        );
        assert_eq!(
            split("“Why now?” Kirby asked. Next"),
            ["“Why now?” Kirby asked.", "Next"]
        );
    }
}

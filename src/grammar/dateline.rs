//! Datelines: the place (and, in wire copy, the date and the agency) that opens a story's
//! first paragraph, up to a dash: "KESTREL FALLS —", "WASHINGTON (AP) —",
//! "PORT ALDER, Calif. (AP) —", "LONDON, March 3 (Reuters) -". A dateline names a place,
//! never a speaker.

use super::words::{Tok, Token};

/// How many tokens a dateline may run to before its dash.
const MAX_DATELINE_TOKENS: usize = 14;

/// The index of the first token after a dateline that opens `tokens[start..end]`, if one
/// does: a run of words in capitals, then optionally a comma and a few words (a state, a
/// date) and an agency in brackets, then a dash.
pub(crate) fn dateline_end(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
) -> Option<usize> {
    // Cheapest first: nearly every paragraph opens with a word that is not in capitals.
    let opens_in_capitals = tokens.get(start).is_some_and(|t| {
        let mut chars = t.span.slice(text).chars();
        t.is_word()
            && chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(|c| !c.is_lowercase())
    });
    if !opens_in_capitals {
        return None;
    }
    let end = end.min(tokens.len()).min(start + MAX_DATELINE_TOKENS);
    let mut i = start;
    while i < end && tokens[i].is_word() && in_capitals(tokens[i].span.slice(text)) {
        i += 1;
    }
    // At least one word in capitals, and one of them longer than an initial.
    if i == start || !(start..i).any(|k| tokens[k].span.len() > 2) {
        return None;
    }
    while i < end {
        match tokens[i].tok {
            Tok::Punct('—' | '–' | '‒' | '―' | '-') => return Some(i + 1),
            // Quotes and sentence ends never stand inside a dateline.
            Tok::Quote(_) | Tok::Punct('.' | '!' | '?' | ':' | ';') => return None,
            _ => i += 1,
        }
    }
    None
}

/// Whether a word is written in capitals: every letter upper case, two letters at least
/// ("WASHINGTON", "ST."), so that "A" or a capitalised word ("Kestrel") is not.
fn in_capitals(word: &str) -> bool {
    let mut letters = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text after the dateline of `text`, if it has one.
    fn after(text: &str) -> Option<String> {
        let (_, tokens) = crate::grammar::lex_for_test(text);
        let i = dateline_end(text, &tokens, 0, tokens.len())?;
        Some(text[tokens[i].span.start..].to_string())
    }

    #[test]
    fn datelines_of_wire_and_papers() {
        for text in [
            "KESTREL FALLS — Sen. Ann Ortiz spoke.",
            "WASHINGTON (AP) — Sen. Ann Ortiz spoke.",
            "PORT ALDER, Calif. (AP) — Sen. Ann Ortiz spoke.",
            "LONDON, March 3 (Reuters) - Sen. Ann Ortiz spoke.",
        ] {
            assert_eq!(
                after(text).as_deref(),
                Some("Sen. Ann Ortiz spoke."),
                "{text}"
            );
        }
    }

    #[test]
    fn capitals_without_a_dash_are_no_dateline() {
        assert_eq!(after("NATO said on Monday it would stay."), None);
        assert_eq!(after("Kestrel Falls — a town of 9,000 — waited."), None);
        assert_eq!(after("A — B"), None);
        assert_eq!(after("FULL TEXT: the speech."), None);
    }
}

//! Finding cues: the words and phrases of a sentence that report speech.
//!
//! A cue is a lower-case word or phrase from `data/cues.txt` (capitalised only at the start
//! of a sentence); a hyphenated compound counts by its last part (`long-vowed`). Passive uses
//! (`was told`) and nouns (`the reported attack`) are not cues. Who a cue names is
//! [`super::attribution`]'s business.

use std::ops::Range;

use super::words::{word_at, Token};
use crate::lexicon::Lexicon;
use crate::quote::Stance;
use crate::Span;

/// A cue word or phrase in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueHit {
    /// First and last token of the cue.
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub stance: Stance,
    /// "according to" / "as per": the speaker follows and the cue has no subject.
    pub according: bool,
    /// An -ing form ("explaining", "adding") that may borrow the sentence's subject.
    pub participle: bool,
}

/// The cues of tokens `sent` (one sentence).
pub(crate) fn find_cues(text: &str, tokens: &[Token], sent: Range<usize>) -> Vec<CueHit> {
    let lexicon = Lexicon::get();
    let mut out = Vec::new();
    let mut i = sent.start;
    crate::work::step(sent.len());
    'tokens: while i < sent.end {
        let Some(w) = word_at(text, tokens, i) else {
            i += 1;
            continue;
        };
        if tokens[i].flags.capitalized() && i != sent.start {
            i += 1;
            continue;
        }
        let phrases = if tokens[i].flags.cue_phrase_start() {
            lexicon.cue_phrases.as_slice()
        } else {
            &[]
        };
        for phrase in phrases {
            let n = phrase.words.len();
            let matches = i + n <= sent.end
                && phrase.words.iter().enumerate().all(|(k, p)| {
                    word_at(text, tokens, i + k).is_some_and(|w| w.eq_ignore_ascii_case(p))
                });
            if matches {
                out.push(CueHit {
                    first: i,
                    last: i + n - 1,
                    span: Span::new(tokens[i].span.start, tokens[i + n - 1].span.end),
                    stance: phrase.stance,
                    according: phrase.according,
                    participle: false,
                });
                i += n;
                continue 'tokens;
            }
        }
        if let Some(stance) = tokens[i].flags.cue() {
            let base = w.rsplit(['-', '‑']).next().unwrap_or(w);
            // "was told" (a passive), "the reported attack" (a noun), "the whistleblower's
            // claims", "his remarks" (a noun after a possessive: a form in -s, which no
            // verb after "Kirby's" can be, though "Kirby's said" may be "Kirby has said").
            let passive_or_noun = i > sent.start && {
                let prev = &tokens[i - 1];
                let p = prev.span.slice(text);
                let possessive = (prev.flags.possessive() && prev.is_ascii_word(text))
                    || super::speaker::is_possessive(p);
                ((prev.flags.be() || prev.flags.article()) && prev.is_ascii_word(text))
                    || (possessive && base.ends_with('s'))
            };
            if !passive_or_noun {
                out.push(CueHit {
                    first: i,
                    last: i,
                    span: tokens[i].span,
                    stance,
                    according: false,
                    participle: base.ends_with("ing"),
                });
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cues of a one-sentence text, as written.
    fn cues(text: &str) -> Vec<&str> {
        let (_, toks) = crate::grammar::lex_for_test(text);
        find_cues(text, &toks, 0..toks.len())
            .iter()
            .map(|c| c.span.slice(text))
            .collect()
    }

    #[test]
    fn passives_and_nouns_are_not_cues() {
        assert!(cues("Kirby was told to wait").is_empty());
        assert!(cues("the reported attack").is_empty());
        assert!(cues("the United States acted").is_empty());
        // A form in -s after a possessive is a noun; a past form is still a cue ("Kirby's
        // said" may be "Kirby has said").
        assert!(cues("he dismissed the whistleblower's claims as").contains(&"dismissed"));
        assert!(!cues("he dismissed the whistleblower's claims as").contains(&"claims"));
        assert!(cues("her warns").is_empty());
        assert_eq!(cues("Kirby's said it"), ["said"]);
        // Participles of the cues are cues.
        assert_eq!(
            cues("Holm spoke, declaring that the river was shared"),
            ["declaring"]
        );
        assert_eq!(cues("who arrived vowing to end the feud"), ["vowing"]);
    }

    /// The words before which a cue word is no cue: `be` and `article` in
    /// `data/function_words.txt`, in any case but spelled in ASCII letters.
    #[test]
    fn which_words_make_a_passive_or_a_noun() {
        for prev in [
            "was", "Were", "been", "being", "be", "is", "are", "the", "A", "an",
        ] {
            assert_eq!(
                cues(&format!("it {prev} reported")),
                [] as [&str; 0],
                "{prev}"
            );
        }
        // A possessive, an auxiliary, an initial or a full-width form does not block.
        for prev in ["her", "has", "Jane A.", "ｗａｓ"] {
            assert_eq!(cues(&format!("it {prev} reported")), ["reported"], "{prev}");
        }
    }

    #[test]
    fn phrases_and_participles() {
        let text = "It rose, according to the Pentagon, adding";
        let (_, toks) = crate::grammar::lex_for_test(text);
        let hits = find_cues(text, &toks, 0..toks.len());
        assert_eq!(hits.len(), 2);
        assert!(hits[0].according && !hits[0].participle && hits[0].last == hits[0].first + 1);
        assert!(!hits[1].according && hits[1].participle);
        assert_eq!(cues("It rose, as per the Pentagon."), ["as per"]);
        assert_eq!(cues("He pointed out the flaw."), ["pointed out"]);
    }
}

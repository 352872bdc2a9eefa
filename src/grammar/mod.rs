//! The grammar: private rules over an article held whole in memory, from quote marks to the
//! speaker each cue names.
//!
//! Two kinds of rule live here. The character-level scanners, [`marks`] and [`words`], are
//! nom 8 parsers (`fn(&str) -> IResult<&str, _>`), each run on *complete* input: they import
//! from `nom::*::complete` or are called with `parse_complete`, so the end of the text is the
//! end, never `Incomplete`. Everything after tokenising ([`sentences`], [`cue`],
//! [`attribution`], [`reported`], [`speaker`]) uses no nom: those rules are hand-written
//! loops over the tokens of one paragraph, reading the flags the lexicon gave each word, with
//! look-backs bounded by small constants. Rules report byte offsets into the article through
//! [`crate::Span`]; nom types never leave this module.
//!
//! Stages, in pipeline order:
//! - [`marks`] (nom): quote marks, apostrophes and their pairing; markup skipped;
//! - [`words`] (nom): tokens of the writer's text, whole quotes as single tokens, each word
//!   with its lexicon flags;
//! - [`sentences`] (loops): paragraphs and sentence boundaries; [`dateline`] (loops): the
//!   place and agency that open a story;
//! - [`cue`] (loops): the cue words and phrases of a sentence;
//! - [`attribution`] (loops): the speaker each cue names;
//! - [`reported`] (loops): the clause an attribution reports, as indirect speech;
//! - [`speaker`] (loops): speaker noun phrases, split into name and role (called by the two
//!   before it);
//! - [`when`] (loops): the time phrase that dates a quote ("on Tuesday", "last month").
//!
//! Word lists are data (`data/*.txt`, read by [`crate::lexicon`]), never match arms: a rule
//! asks a token's flags. Rules over closed-class words that must match one spelling only
//! (the lexicon folds case and NFKC) ask [`words::Token::is_ascii_word`] or
//! [`words::Token::is_lower_ascii_word`] beside the flag.

pub(crate) mod attribution;
pub(crate) mod cue;
pub(crate) mod dateline;
pub(crate) mod marks;
pub(crate) mod reported;
pub(crate) mod sentences;
pub(crate) mod speaker;
pub(crate) mod when;
pub(crate) mod words;

/// Test helper: the regions and tokens of a one-paragraph text.
#[cfg(test)]
pub(crate) fn lex_for_test(text: &str) -> (Vec<marks::Region>, Vec<words::Token>) {
    let regions = marks::pair(&marks::lex(text, 0));
    let mut tokens = Vec::new();
    words::tokenize(text, crate::Span::new(0, text.len()), &regions, &mut tokens);
    (regions, tokens)
}

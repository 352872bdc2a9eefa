//! The grammar: private nom 8 rules over an article held whole in memory.
//!
//! Every nom parser here runs on *complete* input: rules import from `nom::*::complete` or
//! are called with `parse_complete`, so the end of the text is the end, never `Incomplete`.
//! Rules take `&str` and report byte offsets into the article through [`crate::Span`]; nom
//! types never leave this module.
//!
//! Stages, in pipeline order:
//! - [`marks`]: quote marks, apostrophes and their pairing;
//! - [`words`]: tokens of the writer's text, whole quotes as single tokens;
//! - [`sentences`]: paragraphs and sentence boundaries;
//! - [`mention`]: speaker noun phrases, split into name and role;
//! - [`cue`]: cue words and the speakers they attach to.

pub(crate) mod attribution;
pub(crate) mod cue;
pub(crate) mod marks;
pub(crate) mod reported;
pub(crate) mod sentences;
pub(crate) mod speaker;
pub(crate) mod words;

/// Test helper: the regions and tokens of a one-paragraph text.
#[cfg(test)]
pub(crate) fn lex_for_test(text: &str) -> (Vec<marks::Region>, Vec<words::Token>) {
    let regions = marks::pair(&marks::lex(text, 0));
    let mut tokens = Vec::new();
    words::tokenize(text, crate::Span::new(0, text.len()), &regions, &mut tokens);
    (regions, tokens)
}

//! Statements and posts set out as a paragraph of their own after a colon ("The statement
//! read:", "Captain Ade Farquharson posted a short message within the hour:"): the next
//! paragraph, when it holds no quote marks, is a direct quote of whoever the sentence before
//! the colon names.

use crate::grammar::words::Tok;
use crate::quote::QuoteKind;
use crate::resolve::Who;
use crate::Span;

use super::found::{nest_in, starting_in, Found};
use super::units::Para;

/// How many quotes before a paragraph are read for the one that may hold it.
const MAX_LOOK_BACK: usize = 64;

/// The paragraphs set out after a colon, as quotes of the speaker `speaker_of(paragraph)`
/// gives for the paragraph before them (the speaker of its last sentence), appended to
/// `found`.
pub(super) fn block_quotes(
    text: &str,
    paras: &[Para],
    speaker_of: impl Fn(usize) -> Option<Who>,
    found: &mut Vec<Found>,
) {
    // In text order, so that the quotes around and inside a paragraph are found by binary
    // search; the blocks' own quotes are added after the loop.
    found.sort_by_key(|q| q.span.start);
    let mut added: Vec<Found> = Vec::new();
    for pi in 1..paras.len() {
        let intro = paras[pi - 1].span.slice(text).trim_end();
        if !intro.ends_with(':') {
            continue;
        }
        let p = &paras[pi];
        let marked = p.tokens.iter().any(|t| matches!(t.tok, Tok::Quote(_)));
        let words = p.tokens.iter().filter(|t| t.is_word()).count();
        if marked || words < 3 {
            continue;
        }
        let Some(who) = speaker_of(pi - 1) else {
            continue;
        };
        let span = p.span;
        // Not a paragraph some other rule already took: the top-level quote that starts last
        // before it (a turn) does not hold it.
        let run = starting_in(found, span, 0);
        let held = found[..run.end]
            .iter()
            .rev()
            .take(MAX_LOOK_BACK)
            .find(|q| q.within.is_none() && q.span.start <= span.start)
            .is_some_and(|q| q.span.contains(span));
        crate::work::step(run.len() + 1);
        if held {
            continue;
        }
        nest_in(&mut found[run], span);
        added.push(Found {
            kind: QuoteKind::Direct,
            span: Span::new(span.start, span.end),
            parts: Vec::new(),
            who: Some(who),
            cue: None,
            within: None,
        });
    }
    found.extend(added);
}

#[cfg(test)]
mod tests {
    use crate::{Article, Extractor, QuoteKind};

    #[test]
    fn a_post_set_out_after_a_colon_is_its_authors() {
        let text = "Captain Ada Farrow posted a short message within the hour:\n\n\
                    Thank you for everything. This one is on us.\n\n\
                    The club said nothing more.";
        let e = Extractor::new().extract(&Article::new("t", text));
        let q = e
            .quotes
            .iter()
            .find(|q| q.text.starts_with("Thank you"))
            .expect("the post is a quote");
        assert_eq!(q.kind, QuoteKind::Direct);
        assert_eq!(
            q.speaker.as_ref().and_then(|s| s.name.as_deref()),
            Some("Ada Farrow")
        );
        // A list after a colon with nobody speaking is no quote.
        let text = "The plan has three parts:\n\nNew roads, new schools and new parks.";
        assert!(Extractor::new()
            .extract(&Article::new("t", text))
            .quotes
            .is_empty());
    }
}

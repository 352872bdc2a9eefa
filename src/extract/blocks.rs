//! Statements and posts set out as a paragraph of their own after a colon ("The statement
//! read:", "Captain Ade Farquharson posted a short message within the hour:"): the next
//! paragraph, when it holds no quote marks, is a direct quote of whoever the sentence before
//! the colon names as its speaker, or else of its named subject when the paragraph speaks in
//! the first person ("House Speaker Dolores Amari followed minutes later:"). The paragraphs
//! after it that go on in the first person, with no quote marks and no cue of their own,
//! belong to the same quote ("We will cooperate fully …").

use crate::grammar::words::Tok;
use crate::quote::QuoteKind;
use crate::resolve::Who;
use crate::Span;

use super::found::{nest_in, starting_in, Found};
use super::units::Para;

/// How many quotes before a paragraph are read for the one that may hold it.
const MAX_LOOK_BACK: usize = 64;

/// How many paragraphs one statement block runs to at most.
const MAX_BLOCK_PARAS: usize = 12;

/// Whether a paragraph speaks in the first person: it has "I", "we", "our", "us", "my" or
/// "me" as a word.
fn first_person(text: &str, p: &Para) -> bool {
    p.tokens.iter().any(|t| {
        t.is_word()
            && matches!(
                t.span.slice(text),
                "I" | "we" | "We" | "our" | "Our" | "us" | "my" | "My" | "me"
            )
    })
}

/// Whether a paragraph may be (part of) a statement set out on its own: no quote marks, three
/// words or more, not an author line ("— Dolores Amari (@SpeakerAmari)").
fn plain(text: &str, p: &Para) -> bool {
    let marked = p.tokens.iter().any(|t| matches!(t.tok, Tok::Quote(_)));
    let words = p.tokens.iter().filter(|t| t.is_word()).count();
    let dash = p.span.slice(text).trim_start().starts_with(['—', '–', '-']);
    !marked && words >= 3 && !dash
}

/// The paragraphs set out after a colon, as quotes of the speaker `speaker_of(paragraph)`
/// gives for the paragraph before them (the speaker of its last sentence, or its subject,
/// with `true` when only a paragraph in the first person may be theirs), appended to
/// `found`.
pub(super) fn block_quotes(
    text: &str,
    paras: &[Para],
    speaker_of: impl Fn(usize) -> Option<(Who, bool)>,
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
        if !plain(text, p) {
            continue;
        }
        let Some((who, needs_first_person)) = speaker_of(pi - 1) else {
            continue;
        };
        if needs_first_person && !first_person(text, p) {
            continue;
        }
        // The paragraphs after it that go on in the first person, with no cue of their own.
        let more = paras[pi + 1..]
            .iter()
            .take(MAX_BLOCK_PARAS)
            .take_while(|q| {
                let cue = q.tokens.iter().any(|t| t.flags.cue().is_some());
                plain(text, q) && !cue && first_person(text, q)
            })
            .count();
        let last = &paras[pi + more];
        let span = Span::new(p.span.start, last.span.end);
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
        let parts = if more > 0 {
            paras[pi..=pi + more].iter().map(|q| q.span).collect()
        } else {
            Vec::new()
        };
        added.push(Found {
            kind: QuoteKind::Direct,
            span,
            parts,
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
        // Its named subject, when the block speaks in the first person; the paragraphs that
        // go on in the first person are the same quote, up to one with a cue.
        let text = "House Speaker Dolores Amari followed minutes later:\n\n\
                    I will call the vote on Thursday.\n\n\
                    We have the numbers, and our members know it.\n\n\
                    Amari later said she expected 68 votes.";
        let e = Extractor::new().extract(&Article::new("t", text));
        let q = e
            .quotes
            .iter()
            .find(|q| q.text.starts_with("I will"))
            .expect("the block is a quote");
        assert!(q.text.ends_with("know it."), "{}", q.text);
        assert_eq!(q.parts.len(), 2);
        assert_eq!(
            q.speaker.as_ref().and_then(|s| s.name.as_deref()),
            Some("Dolores Amari")
        );
        // Not in the first person: the subject did not say it.
        let text = "Acme Corp released the figures on Monday:\n\n\
                    Revenue rose by a tenth in the third quarter.";
        assert!(Extractor::new()
            .extract(&Article::new("t", text))
            .quotes
            .is_empty());
        // A list after a colon with nobody speaking is no quote.
        let text = "The plan has three parts:\n\nNew roads, new schools and new parks.";
        assert!(Extractor::new()
            .extract(&Article::new("t", text))
            .quotes
            .is_empty());
    }
}

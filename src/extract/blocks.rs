//! Statements and posts set out as a paragraph of their own after a colon ("The statement
//! read:", "Captain Ade Farquharson posted a short message within the hour:"): the next
//! paragraph, when it holds no quote marks, is a direct quote of whoever the sentence before
//! the colon names as its speaker, or else of its named subject when the paragraph speaks in
//! the first person ("House Speaker Dolores Amari followed minutes later:"). The paragraphs
//! after it that go on in the first person, with no quote marks and no cue of their own,
//! belong to the same quote ("We will cooperate fully …"). Documents printed after a "FULL
//! TEXT:" heading that names their author are quotes of that author ([`document_quotes`]).

use crate::grammar::words::Tok;
use crate::grammar::{speaker, words};
use crate::quote::QuoteKind;
use crate::resolve::{Entities, Timeline, Who};
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

/// How many of `paras`, from the first, go on with a statement: plain paragraphs (see
/// [`plain`]) with no cue of their own, in the first person too if `first_person_only`; at
/// most [`MAX_BLOCK_PARAS`].
fn going_on(text: &str, paras: &[Para], first_person_only: bool) -> usize {
    paras
        .iter()
        .take(MAX_BLOCK_PARAS)
        .take_while(|q| {
            let cue = q.tokens.iter().any(|t| t.flags.cue().is_some());
            plain(text, q) && !cue && (!first_person_only || first_person(text, q))
        })
        .count()
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
        // The paragraphs after it that go on in the first person.
        let more = going_on(text, &paras[pi + 1..], true);
        take(found, &mut added, &paras[pi..=pi + more], who);
    }
    found.extend(added);
}

/// Adds to `added` the quote of `who` made of the paragraphs `block`, unless a quote some
/// other rule found already holds it (the top-level quote that starts last before it: a
/// turn); nests in it the quotes of `found` (sorted by start) that it holds.
fn take(found: &mut [Found], added: &mut Vec<Found>, block: &[Para], who: Who) {
    let (Some(first), Some(last)) = (block.first(), block.last()) else {
        return;
    };
    let span = Span::new(first.span.start, last.span.end);
    let run = starting_in(found, span, 0);
    let held = found[..run.end]
        .iter()
        .rev()
        .take(MAX_LOOK_BACK)
        .find(|q| q.within.is_none() && q.span.start <= span.start)
        .is_some_and(|q| q.span.contains(span));
    crate::work::step(run.len() + 1);
    if held {
        return;
    }
    nest_in(&mut found[run], span);
    let parts = if block.len() > 1 {
        block.iter().map(|q| q.span).collect()
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

/// The speaker a heading names for the document printed after it: "FULL TEXT: Statement
/// from Ostler Plastics" (the name after "from"), "FULL TEXT: Mayor Hurst's resignation
/// letter" (the owner). `line` is the heading's line; `None` for any other line.
fn heading_speaker(text: &str, line: Span, entities: &Entities) -> Option<Who> {
    let heading = line.slice(text);
    let colon = heading.find(':')?;
    if !heading[..colon].trim().eq_ignore_ascii_case("full text")
        || heading.len() > MAX_HEADING_BYTES
    {
        return None;
    }
    let mut tokens = Vec::new();
    words::tokenize_some(
        text,
        Span::new(line.start + colon + 1, line.end),
        24,
        &mut tokens,
    );
    let from = tokens
        .iter()
        .position(|t| t.is_word() && t.span.slice(text) == "from")
        .map_or(0, |k| k + 1);
    let m = speaker::parse_right(text, &tokens, from)?;
    let who = Timeline::default().resolve(text, &m, entities);
    who.name.is_some().then_some(who)
}

/// The last line of text between two paragraphs (a heading the paragraphs leave out).
fn line_before(text: &str, from: usize, to: usize) -> Option<Span> {
    let gap = text.get(from..to)?.trim_end();
    let line_start = gap.rfind('\n').map_or(0, |k| k + 1);
    let line = gap[line_start..].trim_start();
    let at = from + gap.len() - line.len();
    (!line.is_empty()).then(|| Span::new(at, at + line.len()))
}

/// How long a "FULL TEXT:" heading may be.
const MAX_HEADING_BYTES: usize = 120;

/// Documents printed in full after a heading that names their author ("FULL TEXT: Statement
/// from Ostler Plastics", "FULL TEXT: Mayor Hurst's resignation letter"): the paragraphs
/// after it with no quote marks and no cue, past a salutation ("To the members of the
/// council:", "Dear …") and up to a signature or the article's own words, are one direct
/// quote of that author, appended to `found`.
pub(super) fn document_quotes(
    text: &str,
    paras: &[Para],
    entities: &Entities,
    found: &mut Vec<Found>,
) {
    found.sort_by_key(|q| q.span.start);
    let mut added: Vec<Found> = Vec::new();
    for pi in 0..paras.len() {
        let prev_end = pi.checked_sub(1).map_or(0, |k| paras[k].span.end);
        let heading = line_before(text, prev_end, paras[pi].span.start);
        let Some(who) = heading.and_then(|h| heading_speaker(text, h, entities)) else {
            continue;
        };
        let mut from = pi;
        let salutation = |p: &Para| {
            let t = p.span.slice(text).trim();
            t.ends_with(':') || t.starts_with("Dear ")
        };
        if salutation(&paras[from]) {
            from += 1;
        }
        let from = from.min(paras.len());
        let n = going_on(text, &paras[from..], false);
        if n > 0 {
            take(found, &mut added, &paras[from..from + n], who);
        }
    }
    found.extend(added);
}

#[cfg(test)]
mod tests {
    use crate::{Article, Extractor, Quote, QuoteKind};

    /// The quote of `text` whose words start with `start`.
    fn quote_starting(text: &str, start: &str) -> Quote {
        Extractor::new()
            .extract(&Article::new("t", text))
            .quotes
            .into_iter()
            .find(|q| q.text.starts_with(start))
            .unwrap_or_else(|| panic!("no quote starts with {start:?}"))
    }

    #[test]
    fn a_post_set_out_after_a_colon_is_its_authors() {
        let text = "Captain Ada Farrow posted a short message within the hour:\n\n\
                    Thank you for everything. This one is on us.\n\n\
                    The club said nothing more.";
        let q = quote_starting(text, "Thank you");
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
        let q = quote_starting(text, "I will");
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
        // A document printed after a "FULL TEXT:" heading is its author's, past the
        // salutation and up to the signature.
        let text = "Mayor Dale Hurst resigned on Friday.\n\n\
                    FULL TEXT: Mayor Hurst's resignation letter\n\n\
                    To the members of the city council:\n\n\
                    It has been the honor of my life to serve this city.\n\n\
                    Effective at midnight, I resign the office of mayor.\n\n\
                    Dale Hurst\n\n\
                    His lawyer said he would cooperate with the board.";
        let q = quote_starting(text, "It has been");
        assert!(q.text.ends_with("office of mayor."), "{}", q.text);
        assert_eq!(
            q.speaker.as_ref().and_then(|s| s.name.as_deref()),
            Some("Dale Hurst")
        );
        // A list after a colon with nobody speaking is no quote.
        let text = "The plan has three parts:\n\nNew roads, new schools and new parks.";
        assert!(Extractor::new()
            .extract(&Article::new("t", text))
            .quotes
            .is_empty());
    }
}

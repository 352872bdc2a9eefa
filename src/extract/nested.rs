//! Speech nested inside a quote, one level down.

use crate::grammar::attribution;
use crate::grammar::cue;
use crate::grammar::marks::Region;
use crate::grammar::sentences;
use crate::grammar::words::{self, Tok};
use crate::quote::QuoteKind;
use crate::resolve::{Entities, Timeline, Who};
use crate::Span;

use super::found::Found;
use super::judge::{ends_like_sentence, kind_of, leads_in, starts_like_sentence, Picks};
use super::pass::Sent;
use super::units::{trimmed_inner, Para, Unit};

/// Speech reported inside the quote `unit` (whose span is `parent`), one level down:
///
/// - a quote in marks inside it with a cue inside it (`my coach told me: ‘Never give up.’`);
/// - speech after a cue and a colon, without marks (`as the President said: We will …`).
///
/// Speakers are resolved against the article's entities and what was mentioned before the
/// parent quote (`quoter` is the parent's speaker, whom a pronoun inside never stands for).
/// Nested phrases with nobody behind them are left as part of the parent.
pub(super) fn nested_speech(
    text: &str,
    paras: &[Para],
    unit: &Unit,
    parent: Span,
    quoter: Option<&Who>,
    entities: &Entities,
    timeline: &Timeline,
) -> Vec<Found> {
    let mut out = Vec::new();
    for &(pi, ti) in &unit.parts {
        let p = &paras[pi];
        let Tok::Quote(ri) = p.tokens[ti].tok else {
            continue;
        };
        let outer = p.regions[ri];
        let inner = outer.inner(p.span.end);
        // The regions one level down become the top level of the quote's own text. Regions
        // are sorted by where they open, so those inside this quote are the run right after
        // its own: each quote reads only its own regions.
        let inside: Vec<Region> = p.regions[ri + 1..]
            .iter()
            .take_while(|r| r.open.start < inner.end)
            .inspect(|_| crate::work::step(1))
            .filter(|r| r.depth == outer.depth + 1 && inner.contains(r.outer(inner.end)))
            .map(|r| Region { depth: 0, ..*r })
            .collect();
        // Nested speech needs a quote inside or a colon ("as he said: …"); most quotes have
        // neither and are not read twice.
        if inside.is_empty() && !inner.slice(text).contains(':') {
            continue;
        }
        let mut tokens = Vec::new();
        words::tokenize(text, inner, &inside, &mut tokens);
        let ends = |i: usize| match tokens[i].tok {
            Tok::Quote(qi) => ends_like_sentence(inside[qi].inner(inner.end).slice(text)),
            _ => false,
        };
        for range in sentences::sentences(text, &tokens, ends) {
            let cues = cue::find_cues(text, &tokens, range.clone());
            let attributions = attribution::attribute(text, &tokens, range.clone(), &cues);
            if attributions.is_empty() {
                continue;
            }
            let whos: Vec<Option<Who>> = attributions
                .iter()
                .map(|a| match a.speaker {
                    Some(m) => Some(timeline.resolve_inside(text, &m, entities, quoter)),
                    // “… I told her, ‘Sell it’”: the quoter speaks of themself.
                    None if said_by_i(text, &tokens, a.cue.first, range.start) => quoter.copied(),
                    None => None,
                })
                .collect();
            let s = Sent {
                para: pi,
                range: range.clone(),
                attributions,
                names: Vec::new(),
            };
            let picks = Picks::new(&s.attributions, &whos);
            // Quotes in marks inside the quote.
            for k in range.clone() {
                let Tok::Quote(qi) = tokens[k].tok else {
                    continue;
                };
                let Some((a, who)) = picks.pick(&tokens, &s, k, &whos) else {
                    continue;
                };
                let span = trimmed_inner(text, inside[qi].inner(inner.end));
                if span.is_empty() {
                    continue;
                }
                let led_in = k == range.start || leads_in(&tokens[k - 1]);
                let kind = kind_of(starts_like_sentence(span.slice(text)), led_in);
                out.push(Found {
                    kind,
                    span,
                    parts: Vec::new(),
                    who: Some(who),
                    cue: Some((a.cue.span, a.cue.stance)),
                    within: Some(parent),
                });
            }
            // Speech after "<speaker> <cue>:" without marks.
            for (i, a) in s.attributions.iter().enumerate() {
                let Some(who) = whos[i] else { continue };
                let colon = a.cue.last + 1;
                if a.inverted || !tokens.get(colon).is_some_and(|t| t.is_punct(':')) {
                    continue;
                }
                let mut to = range.end;
                while to > colon + 1 && !tokens[to - 1].is_word() {
                    to -= 1;
                }
                let body = colon + 1..to;
                let words = body.clone().filter(|&k| tokens[k].is_word()).count();
                let marked = body.clone().any(|k| matches!(tokens[k].tok, Tok::Quote(_)));
                if words >= 3 && !marked {
                    out.push(Found {
                        kind: QuoteKind::Direct,
                        span: Span::new(tokens[body.start].span.start, tokens[to - 1].span.end),
                        parts: Vec::new(),
                        who: Some(who),
                        cue: Some((a.cue.span, a.cue.stance)),
                        within: Some(parent),
                    });
                }
            }
        }
    }
    out
}

/// Whether the cue at token `cue` has "I" for its subject, over auxiliaries and adverbs
/// ("I told her", "I have always said"), a quote right after it. "and I quote" and "I was
/// told" give somebody else's words.
fn said_by_i(text: &str, tokens: &[words::Token], cue: usize, start: usize) -> bool {
    if tokens[cue].span.slice(text).starts_with("quot") {
        return false;
    }
    // The quote follows: "I told her, “…”", "I said: “…”" (not "“…” I said no").
    let mut after = cue + 1;
    while after < tokens.len() && after <= cue + 2 && tokens[after].is_lower_ascii_word(text) {
        after += 1;
    }
    while after < tokens.len() && (tokens[after].is_punct(',') || tokens[after].is_punct(':')) {
        after += 1;
    }
    if !tokens
        .get(after)
        .is_some_and(|t| matches!(t.tok, Tok::Quote(_)))
    {
        return false;
    }
    let mut k = cue;
    while k > start && tokens[k - 1].is_word() && tokens[k - 1].flags.auxiliary() {
        // "I was told": a passive, somebody else's words.
        if tokens[k - 1].flags.be() {
            return false;
        }
        k -= 1;
    }
    k > start
        && tokens[k - 1].span.slice(text) == "I"
        && (k - 1 == start || !tokens[k - 2].is_word())
}

//! Reported speech: the attributions of a sentence that no quote in marks used.

use crate::grammar::reported::reported_clause;
use crate::grammar::words::{Tok, Token};
use crate::quote::QuoteKind;
use crate::resolve::Who;
use crate::Span;

use super::found::Found;
use super::pass::Sent;

/// The reported speech of sentence `s`: each attribution with a speaker that no quote in
/// marks used (`used` are the quotes found in this sentence) and whose clause overlaps no
/// quote marks, in cue order; overlapping clauses keep the first.
pub(super) fn reported(
    text: &str,
    tokens: &[Token],
    s: &Sent,
    whos: &[Option<Who>],
    used: &[Found],
) -> Vec<(Found, Who)> {
    let marked: Vec<Span> = s
        .range
        .clone()
        .filter(|&k| matches!(tokens[k].tok, Tok::Quote(_)))
        .map(|k| tokens[k].span)
        .collect();
    let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
    let mut out: Vec<(Found, Who)> = Vec::new();
    for (i, a) in s.attributions.iter().enumerate() {
        let Some(who) = whos.get(i).copied().flatten() else {
            continue;
        };
        if used
            .iter()
            .any(|f| f.cue.is_some_and(|(c, _)| c == a.cue.span))
        {
            continue;
        }
        let Some(span) = reported_clause(text, tokens, s.range.clone(), &s.attributions, i) else {
            continue;
        };
        if marked.iter().any(|&m| overlaps(m, span))
            || out.iter().any(|(f, _)| overlaps(f.span, span))
        {
            continue;
        }
        out.push((
            Found {
                kind: QuoteKind::Indirect,
                span,
                parts: Vec::new(),
                who: Some(who),
                cue: Some((a.cue.span, a.cue.stance)),
                within: None,
            },
            who,
        ));
    }
    out
}

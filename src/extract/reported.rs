//! Reported speech: the attributions of a sentence that no quote in marks used.

use std::collections::BTreeMap;

use rustc_hash::FxHashSet;

use crate::grammar::reported::Clauses;
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
    if s.attributions.is_empty() {
        return Vec::new();
    }
    // Quote marks in the sentence, in text order (so sorted and not overlapping).
    let marked: Vec<Span> = s
        .range
        .clone()
        .filter(|&k| matches!(tokens[k].tok, Tok::Quote(_)))
        .map(|k| tokens[k].span)
        .collect();
    let used: FxHashSet<Span> = used.iter().filter_map(|f| f.cue.map(|(c, _)| c)).collect();
    // Indexed the first time an attribution needs its clause.
    let mut clauses: Option<Clauses> = None;
    // The clauses taken so far, by start: they never overlap one another.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out: Vec<(Found, Who)> = Vec::new();
    for (i, a) in s.attributions.iter().enumerate() {
        let Some(who) = whos.get(i).copied().flatten() else {
            continue;
        };
        if used.contains(&a.cue.span) {
            continue;
        }
        let clauses = clauses
            .get_or_insert_with(|| Clauses::new(text, tokens, s.range.clone(), &s.attributions));
        let Some(span) = clauses.clause(i) else {
            continue;
        };
        let first_after = marked.partition_point(|m| m.end <= span.start);
        let over_marks = marked.get(first_after).is_some_and(|m| m.start < span.end);
        let over_taken = taken
            .range(..span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > span.start);
        if over_marks || over_taken {
            continue;
        }
        taken.insert(span.start, span.end);
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

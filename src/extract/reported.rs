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
/// quote marks, in cue order; overlapping clauses keep the first. A clause after its cue that
/// runs into quote marks is kept up to the comma before them (see [`cut_before`]).
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
        // A cue a quote used reports a clause only before marks that follow it.
        let quoted_cue = used.contains(&a.cue.span);
        if quoted_cue && marked.last().is_none_or(|m| m.start < a.cue.span.end) {
            continue;
        }
        let clauses = clauses
            .get_or_insert_with(|| Clauses::new(text, tokens, s.range.clone(), &s.attributions));
        let Some(clause) = clauses.clause(i) else {
            continue;
        };
        let first_after = marked.partition_point(|m| m.end <= clause.start);
        let over_marks = marked
            .get(first_after)
            .is_some_and(|m| m.start < clause.end);
        // "said the recall would cost $30 million, “a rounding error” next to …": the clause
        // up to the comma (or "and that", "but that") before the marks is reported too, if
        // it follows its cue ("X said CLAUSE, “…”"), never one around it.
        let after_cue = clause.start >= a.cue.span.end;
        // The clause already ends before the marks, words between ("said no decision had
        // been taken and that it was ‘reviewing all options’"): reported as it is. Not one
        // that runs up to them ("said the new wing was “…”").
        let before_marks = after_cue
            && marked.get(first_after).is_some_and(|m| {
                clause.end <= m.start && text[clause.end..m.start].chars().any(char::is_alphabetic)
            });
        let span = if over_marks || (quoted_cue && !before_marks) {
            let cut = marked
                .get(first_after)
                .filter(|_| after_cue)
                .and_then(|m| cut_before(text, tokens, s.range.clone(), clause, m.start));
            let Some(cut) = cut else {
                continue;
            };
            cut
        } else {
            clause
        };
        let over_taken = taken
            .range(..span.end)
            .next_back()
            .is_some_and(|(_, &end)| end > span.start);
        if over_taken {
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

/// The clause `span` cut before the quote mark at `mark`: up to the last comma, or "and" or
/// "but" before "that", ahead of it, when at least [`MIN_CUT_WORDS`] words stay.
fn cut_before(
    text: &str,
    tokens: &[Token],
    range: std::ops::Range<usize>,
    span: Span,
    mark: usize,
) -> Option<Span> {
    if mark <= span.start || mark > span.end {
        return None;
    }
    // Tokens are in text order: found by halving, not by reading the sentence.
    let sentence = &tokens[range.clone()];
    let from = range.start + sentence.partition_point(|t| t.span.start < span.start);
    let at_mark = range.start + sentence.partition_point(|t| t.span.start < mark);
    let is = |k: usize, w: &str| tokens[k].is_word() && tokens[k].span.slice(text) == w;
    crate::work::step(at_mark.saturating_sub(from).min(MAX_CUT_SCAN));
    let cut = (from + 1..at_mark).rev().take(MAX_CUT_SCAN).find(|&k| {
        tokens[k].is_punct(',') || ((is(k, "and") || is(k, "but")) && is(k + 1, "that"))
    })?;
    let words = (from..cut)
        .take(MIN_CUT_WORDS * 2)
        .filter(|&k| tokens[k].is_word())
        .count();
    (words >= MIN_CUT_WORDS).then(|| Span::new(span.start, tokens[cut - 1].span.end))
}

/// How many tokens before the marks are read for the comma.
const MAX_CUT_SCAN: usize = 48;

/// How many words a clause cut before quote marks keeps at least.
const MIN_CUT_WORDS: usize = 4;

#[cfg(test)]
mod tests {
    use crate::{Article, Extractor, QuoteKind};

    fn quotes(text: &str) -> Vec<(QuoteKind, String)> {
        Extractor::new()
            .extract(&Article::new("t", text))
            .quotes
            .into_iter()
            .map(|q| (q.kind, q.text))
            .collect()
    }

    #[test]
    fn a_clause_before_quote_marks_is_kept_up_to_its_comma() {
        let got = quotes(
            "Analyst Moses Achebe said the recall would cost Tillford about $30 million, \
             \"a rounding error\" next to its profit.",
        );
        assert_eq!(
            got,
            [
                (
                    QuoteKind::Indirect,
                    "the recall would cost Tillford about $30 million".to_string()
                ),
                (QuoteKind::Partial, "a rounding error".to_string())
            ]
        );
        // Marks inside the clause with no comma before them: the partial quote alone.
        let got = quotes("Austin said the \"strikes are working\" in the east.");
        assert_eq!(
            got,
            [(QuoteKind::Partial, "strikes are working".to_string())]
        );
    }
}

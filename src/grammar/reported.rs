//! The clause an attribution reports when no quote marks hold the speech: indirect speech
//! ("Ryder said 21 personnel were injured").

use std::ops::Range;

use super::attribution::Attribution;
use super::speaker::parse_right;
use super::words::{word_at, Tok, Token};
use crate::Span;

/// The clause an attribution reports, when nothing in quote marks used it:
///
/// ```text
/// X <cue> [that] CLAUSE                 Ryder said 21 personnel were injured
/// X <cue> <adverbial> that CLAUSE       Austin said in a statement that …
/// X told <object> [that] CLAUSE         Lowe told the Tribune that the door remained open
/// CLAUSE , X <cue> [<≤5 words>] .       The strikes hurt them, a senior official said.
/// CLAUSE , <cue> X .                    …, said the mayor.
/// According to X , CLAUSE               According to the Pentagon, there were 12 attacks.
/// CLAUSE , according to X .             …, according to the Pentagon.
/// ```
///
/// The clause needs three words and either "that" before it or a finite verb in it
/// (`data/verb_markers.txt`, or a word in "-ed"): "Austin confirmed this action" reports no
/// clause. A clause never runs over another cue of the sentence. The caller drops clauses
/// that overlap a quote in marks (mixed sentences are reported once, as the partial quote).
pub(crate) fn reported_clause(
    text: &str,
    tokens: &[Token],
    sent: Range<usize>,
    attributions: &[Attribution],
    index: usize,
) -> Option<Span> {
    let a = &attributions[index];
    let (g0, g1) = match a.speaker {
        Some(m) => (m.tokens.0.min(a.cue.first), m.tokens.1.max(a.cue.last)),
        None => (a.cue.first, a.cue.last),
    };
    // The last token of the sentence that is not closing punctuation.
    let mut end = sent.end;
    while end > sent.start && !tokens[end - 1].is_word() {
        end -= 1;
    }
    let other_cue_in = |from: usize, to: usize| {
        attributions
            .iter()
            .enumerate()
            .any(|(i, o)| i != index && o.cue.first >= from && o.cue.last < to)
    };
    // `needs_verb`: a clause after its cue must show a finite verb unless "that" opens it
    // ("confirmed this action" is no clause); a clause before its attribution is one.
    // A clause before its attribution must not hold another one; a clause after its cue may
    // ("said nobody had told them").
    let clause = |from: usize, to: usize, needs_verb: bool| -> Option<Span> {
        let words = (from..to).filter(|&k| tokens[k].is_word()).count();
        let verb = (from..to).any(|k| tokens[k].flags.verb());
        let quoted = (from..to).all(|k| matches!(tokens[k].tok, Tok::Quote(_)));
        let nested_cue = !needs_verb && other_cue_in(from, to);
        (from < to && words >= 3 && (verb || !needs_verb) && !quoted && !nested_cue)
            .then(|| Span::new(tokens[from].span.start, tokens[to - 1].span.end))
    };
    // "CLAUSE, X said." / "CLAUSE, according to X." The attribution may end the sentence with
    // a few words ("told reporters on Monday") or a relative clause ("… official who spoke
    // on condition of anonymity").
    let tail = g1 + 1..end;
    let relative = tokens
        .get(g1 + 1)
        .is_some_and(|t| t.flags.relative() && t.is_lower_ascii_word(text));
    // The tail runs to the end, or to a comma before an appositive ("…, the zoo said
    // Saturday, the first twins in two decades.").
    let tail_end = tail
        .clone()
        .find(|&k| tokens[k].is_punct(','))
        .unwrap_or(end);
    let short_tail = tail_end - tail.start <= 8
        && (tail.start..tail_end).all(|k| tokens[k].is_word() && !tokens[k].flags.verb());
    if g0 > sent.start + 1 && tokens[g0 - 1].is_punct(',') && (relative || short_tail) {
        return clause(sent.start, g0 - 1, false);
    }
    // "According to X, CLAUSE"
    if a.cue.according {
        return (g0 == sent.start && tokens.get(g1 + 1).is_some_and(|t| t.is_punct(',')))
            .then(|| clause(g1 + 2, end, false))
            .flatten();
    }
    if a.inverted {
        return None;
    }
    // "X said (that) CLAUSE": after the cue, over an adverbial or an object before "that".
    let mut k = a.cue.last + 1;
    let is_word =
        |i: usize, w: &str| word_at(text, tokens, i).is_some_and(|x| x.eq_ignore_ascii_case(w));
    let mut after_that = false;
    if is_word(k, "that") {
        k += 1;
        after_that = true;
    } else if tokens[a.cue.last].flags.cue_needs_that()
        && !tokens[a.cue.first].flags.cue_phrase_start()
    {
        // "declared war", "announced a plan": only "declared that …" reports speech; look for
        // "that" after a short adverbial ("revealed on Monday that").
        let that = (k..(k + 6).min(end)).find(|&i| is_word(i, "that"))?;
        // Only an adverbial may stand before "that": "on Monday", "in a statement".
        let adverbial = |i: usize| {
            let f = tokens[i].flags;
            tokens[i].is_word()
                && (f.adverbial()
                    || f.definite()
                    || f.indefinite()
                    || f.statement()
                    || f.capitalized())
        };
        if !(k..that).all(adverbial) {
            return None;
        }
        k = that + 1;
        after_that = true;
    } else {
        let cue = &tokens[a.cue.last];
        let takes_object = cue.flags.cue_takes_object() && cue.is_ascii_word(text);
        let opens = tokens
            .get(k)
            .is_some_and(|t| t.is_word() && t.flags.adverbial());
        if takes_object || opens {
            let that = (k..(k + 8).min(end)).find(|&i| is_word(i, "that"));
            let plain =
                |upto: usize| (k..upto).all(|i| tokens[i].is_word() && !tokens[i].flags.verb());
            match that {
                Some(t) if plain(t) => {
                    k = t + 1;
                    after_that = true;
                }
                _ if takes_object => {
                    // "told reporters the port would reopen": past the object, a speaker-like
                    // phrase or one plain word.
                    k = match parse_right(text, tokens, k) {
                        Some(object) => object.tokens.1 + 1,
                        None if tokens.get(k).is_some_and(|t| t.is_word()) => k + 1,
                        None => return None,
                    };
                }
                _ => {}
            }
        }
    }
    if tokens.get(k).is_some_and(|t| t.is_punct(':')) {
        return None;
    }
    // Stop before a later attribution set off by a comma ("…, officials said").
    let stop = attributions
        .iter()
        .filter(|o| o.cue.first > k)
        .map(|o| {
            o.speaker
                .map_or(o.cue.first, |m| m.tokens.0.min(o.cue.first))
        })
        .filter(|&g| g > k && tokens[g - 1].is_punct(','))
        .min()
        .map_or(end, |s| {
            let mut s = s.min(end);
            while s > k && !tokens[s - 1].is_word() {
                s -= 1;
            }
            s
        });
    clause(k, stop, !after_that)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::attribution::attribute;
    use crate::grammar::cue::find_cues;

    /// The clause each attribution of a one-sentence text reports.
    fn clauses(text: &str) -> Vec<Option<String>> {
        let (_, toks) = crate::grammar::lex_for_test(text);
        let cues = find_cues(text, &toks, 0..toks.len());
        let atts = attribute(text, &toks, 0..toks.len(), &cues);
        (0..atts.len())
            .map(|i| {
                reported_clause(text, &toks, 0..toks.len(), &atts, i)
                    .map(|s| s.slice(text).to_string())
            })
            .collect()
    }

    fn some(s: &str) -> Vec<Option<String>> {
        vec![Some(s.to_string())]
    }

    #[test]
    fn reported_clauses() {
        assert_eq!(
            clauses("Gen. Pat Ryder said 21 personnel were injured."),
            some("21 personnel were injured")
        );
        assert_eq!(
            clauses("Austin said in a statement that the strikes hit depots."),
            some("the strikes hit depots")
        );
        assert_eq!(
            clauses("Lowe told the Tribune that the door remained open."),
            some("the door remained open")
        );
        assert_eq!(
            clauses("The strikes reduced their reach, a senior official said."),
            some("The strikes reduced their reach")
        );
        assert_eq!(
            clauses("According to the Pentagon, there were 12 attacks."),
            some("there were 12 attacks")
        );
        assert_eq!(
            clauses("There were 12 attacks since May, according to the Pentagon."),
            some("There were 12 attacks since May")
        );
        assert_eq!(
            clauses("It rained all week, said the mayor."),
            some("It rained all week")
        );
        assert_eq!(
            clauses("The port reopened, according to an aide who spoke on condition of anonymity."),
            some("The port reopened")
        );
        assert_eq!(
            clauses("The ministry (MoD) said troops had left."),
            some("troops had left")
        );
        assert_eq!(
            clauses("The mayor announced on Monday that the port would reopen."),
            some("the port would reopen")
        );
        assert_eq!(
            clauses("Bello told reporters she had six votes."),
            some("she had six votes")
        );
        assert_eq!(
            clauses("Two cubs were born last month, the zoo said Saturday, the first in years."),
            some("Two cubs were born last month")
        );
        assert_eq!(
            clauses("Repairs are late, engineers warned."),
            some("Repairs are late")
        );
    }

    #[test]
    fn not_reported_clauses() {
        // A noun phrase, not a clause.
        assert_eq!(
            clauses("Austin confirmed this action in a statement."),
            vec![None]
        );
        // Acts, not speech: these verbs report a clause only after "that".
        assert_eq!(
            clauses("Israel declared war on the rebels after the raid."),
            vec![None]
        );
        assert_eq!(clauses("The army continues to pound the city."), vec![None]);
        // Colon-introduced speech without marks is not reported speech.
        assert_eq!(clauses("Austin said: we go now."), vec![None]);
        // Thought, not speech: no cue at all.
        assert!(clauses("Kirby appeared to sidestep questions on Iran.").is_empty());
    }

    #[test]
    fn cues_that_take_an_object() {
        // `object` in `data/cues.txt`: past the object to the clause.
        assert_eq!(
            clauses("Bello told reporters she had six votes."),
            some("she had six votes")
        );
        assert_eq!(
            clauses("Bello said reporters she had six votes."),
            some("reporters she had six votes")
        );
    }

    #[test]
    fn a_relative_clause_ends_the_attribution() {
        assert_eq!(
            clauses("The port reopened, an aide who was there said."),
            some("The port reopened")
        );
    }
}

//! Cues and the speakers they attach to, within one sentence.
//!
//! Patterns (Q is a quote, NP a speaker mention from [`super::mention`]):
//!
//! ```text
//! Q [,] NP <cue>            “…,” Kirby said.       “…,” it continued.
//! Q [,] <cue> NP            “…,” said Kirby.       “…,” noted Open Source Intelligence Monitor.
//! NP <aux>* <cue> … Q       Austin said: “…”       Austin has said in a statement that “…”
//! NP , det <role> , <cue>   Kirby, the White House spokesman, said …
//! … det <stmt> by NP <cue>  A statement by the Secretary added that …
//! according to NP           …, according to the Pentagon.   According to officials, …
//! … <cue>-ing : Q           …, explaining: “…”  (the subject of the sentence's earlier cue)
//! ```
//!
//! A cue is a lower-case word or phrase from `data/cues.txt` (capitalised only at the start
//! of a sentence); a hyphenated compound counts by its last part (`long-vowed`). Passive uses
//! (`was told`) and nouns (`the reported attack`) are not cues.

use std::ops::Range;

use super::mention::{parse_left, parse_right, Head, Mention};
use super::words::Token;
use crate::lexicon::Lexicon;
use crate::quote::{SpeakerKind, Stance};
use crate::Span;

/// A cue word or phrase in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CueHit {
    /// First and last token of the cue.
    pub first: usize,
    pub last: usize,
    pub span: Span,
    pub stance: Stance,
    /// "according to" / "as per": the speaker follows and the cue has no subject.
    pub according: bool,
    /// An -ing form ("explaining", "adding") that may borrow the sentence's subject.
    pub participle: bool,
}

/// A cue with the speaker it names, if it names one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Attribution {
    pub cue: CueHit,
    pub speaker: Option<Mention>,
    /// The speaker follows the cue ("said Kirby").
    pub inverted: bool,
    /// The speaker is given as the source of a statement ("a statement by X", "X said in a
    /// statement"), so a later "the statement" refers to X.
    pub statement: bool,
    /// The cue has no subject of its own and takes the sentence's: a participle
    /// ("…, explaining:") or a coordinated verb ("… and said:").
    pub borrows: bool,
}

fn word<'t>(text: &'t str, tokens: &[Token], i: usize) -> Option<&'t str> {
    tokens
        .get(i)
        .filter(|t| t.is_word())
        .map(|t| t.span.slice(text))
}

/// The cues of tokens `sent` (one sentence).
pub(crate) fn find_cues(text: &str, tokens: &[Token], sent: Range<usize>) -> Vec<CueHit> {
    let lexicon = Lexicon::get();
    let mut out = Vec::new();
    let mut i = sent.start;
    crate::work::step(sent.len());
    'tokens: while i < sent.end {
        let Some(w) = word(text, tokens, i) else {
            i += 1;
            continue;
        };
        if tokens[i].flags.capitalized() && i != sent.start {
            i += 1;
            continue;
        }
        let phrases = if tokens[i].flags.cue_phrase_start() {
            lexicon.cue_phrases.as_slice()
        } else {
            &[]
        };
        for (phrase, stance) in phrases {
            let n = phrase.len();
            let matches = i + n <= sent.end
                && phrase.iter().enumerate().all(|(k, p)| {
                    word(text, tokens, i + k).is_some_and(|w| w.eq_ignore_ascii_case(p))
                });
            if matches {
                out.push(CueHit {
                    first: i,
                    last: i + n - 1,
                    span: Span::new(tokens[i].span.start, tokens[i + n - 1].span.end),
                    stance: *stance,
                    according: phrase[0] == "according" || phrase[0] == "as",
                    participle: false,
                });
                i += n;
                continue 'tokens;
            }
        }
        if let Some(stance) = tokens[i].flags.cue() {
            let base = w.rsplit(['-', '‑']).next().unwrap_or(w);
            let prev = i
                .checked_sub(1)
                .filter(|&p| p >= sent.start)
                .and_then(|p| word(text, tokens, p));
            let passive_or_noun = prev.is_some_and(|p| {
                [
                    "was", "were", "been", "being", "be", "is", "are", "the", "a", "an",
                ]
                .iter()
                .any(|w| p.eq_ignore_ascii_case(w))
            });
            if !passive_or_noun {
                out.push(CueHit {
                    first: i,
                    last: i,
                    span: tokens[i].span,
                    stance,
                    according: false,
                    participle: base.ends_with("ing"),
                });
            }
        }
        i += 1;
    }
    out
}

/// Finds the speaker of each cue of a sentence.
pub(crate) fn attribute(
    text: &str,
    tokens: &[Token],
    sent: Range<usize>,
    cues: &[CueHit],
) -> Vec<Attribution> {
    let within = |m: &Mention| m.tokens.0 >= sent.start && m.tokens.1 < sent.end;
    cues.iter()
        .map(|&cue| {
            let mut attribution = Attribution {
                cue,
                speaker: None,
                inverted: false,
                statement: false,
                borrows: false,
            };
            if cue.according {
                attribution.speaker = parse_right(text, tokens, cue.last + 1)
                    .filter(within)
                    .map(|m| extend_to_comma(tokens, m, sent.end))
                    .map(|m| with_appositive_after(text, tokens, m, sent.end));
                attribution.inverted = true;
                return attribution;
            }
            if cue.participle {
                // "…, explaining: “…”", "…, saying it was …": the speaker is the sentence's
                // subject, found when the sentence is resolved.
                attribution.borrows = true;
                return attribution;
            }
            // "… welcomed the trial but said": the verb shares the sentence's subject.
            if cue.first > sent.start && tokens[cue.first - 1].flags.conjunction() {
                attribution.borrows = true;
                return attribution;
            }
            // Leftwards, over auxiliaries and adverbs: the subject.
            let mut j = cue.first;
            while j > sent.start && tokens[j - 1].is_word() && tokens[j - 1].flags.auxiliary() {
                j -= 1;
            }
            // Over a parenthesis: "The US Department of Defense (Pentagon) said".
            if j > sent.start + 1 && tokens[j - 1].is_punct(')') {
                if let Some(open) = (sent.start..j - 1)
                    .rev()
                    .take(12)
                    .find(|&k| tokens[k].is_punct('('))
                {
                    j = open;
                }
            }
            if j > sent.start {
                let subject = if tokens[j - 1].is_punct(',') {
                    parenthetical_subject(text, tokens, j - 1, sent.start)
                } else {
                    // "groups in Gdansk and Riga have warned": the last conjunct alone is
                    // not the speaker.
                    parse_left(text, tokens, j - 1).filter(within).filter(|m| {
                        // ", and health officials warned" joins clauses; it is not a list.
                        let i = m.tokens.0;
                        i < sent.start + 2
                            || !word(text, tokens, i - 1)
                                .is_some_and(|w| matches!(w, "and" | "or" | "nor"))
                            || !tokens[i - 2].is_word()
                    })
                };
                if let Some(m) = subject {
                    attribution.statement = by_statement(text, tokens, &m, sent.start);
                    attribution.speaker = Some(m);
                }
            }
            if attribution.speaker.is_none() {
                let before = cue.first.checked_sub(1).filter(|&p| p >= sent.start);
                let opens_clause = before.is_none_or(|p| !tokens[p].is_word());
                if opens_clause {
                    attribution.speaker = parse_right(text, tokens, cue.last + 1)
                        .filter(within)
                        .map(|m| with_appositive_after(text, tokens, m, sent.end));
                    attribution.inverted = attribution.speaker.is_some();
                }
                // "… and said: “…”": the verb shares the sentence's subject.
                attribution.borrows = attribution.speaker.is_none()
                    && before
                        .and_then(|p| word(text, tokens, p))
                        .is_some_and(|w| matches!(w, "and" | "but" | "then" | "or"));
            }
            // "X said in a statement"
            let next = |k: usize| word(text, tokens, cue.last + k);
            if next(1) == Some("in")
                && matches!(
                    next(2),
                    Some("a" | "an" | "the" | "his" | "her" | "its" | "their")
                )
                && tokens
                    .get(cue.last + 3)
                    .is_some_and(|t| t.is_word() && t.flags.statement())
            {
                attribution.statement = true;
            }
            attribution
        })
        .collect()
}

/// How many tokens a parenthetical between commas may hold.
const MAX_PARENTHETICAL: usize = 20;

/// The subject before a parenthetical that ends with the comma at `comma`:
///
/// ```text
/// NAME , <role phrase> , <cue>      Ana Reyes, the mayor, said
/// NAME , <anything> , <cue>         Derek Ashworth, who voted against, said
/// <description> , NAME , <cue>      The regulator, the National Transport Safety Board, said
/// ```
fn parenthetical_subject(
    text: &str,
    tokens: &[Token],
    comma: usize,
    start: usize,
) -> Option<Mention> {
    // The opening comma: the nearest one before which a speaker phrase ends, over up to three
    // comma-separated segments ("Harold Fenn, 72, who has been travelling, said"). A quote or
    // sentence punctuation in between means there is none.
    let stops = |k: usize| {
        matches!(tokens[k].tok, super::words::Tok::Quote(_))
            || [';', ':', '.', '!', '?']
                .iter()
                .any(|&c| tokens[k].is_punct(c))
    };
    let mut found = None;
    let mut k = comma;
    for _ in 0..3 {
        let open = (start..k)
            .rev()
            .take(MAX_PARENTHETICAL)
            .find(|&i| tokens[i].is_punct(',') || stops(i))
            .filter(|&i| tokens[i].is_punct(','))?;
        if open == start || open + 1 >= comma {
            return None;
        }
        if let Some(m) = parse_left(text, tokens, open - 1).filter(|m| m.tokens.0 >= start) {
            found = Some((open, m));
            break;
        }
        k = open;
    }
    let (open, before) = found?;
    let inner = parse_right(text, tokens, open + 1).filter(|m| m.tokens.1 + 1 == comma);
    match (before.head, inner) {
        // "The regulator, the National Transport Safety Board, said": the name inside.
        (Head::Role | Head::OrgRef | Head::Anonymous, Some(mut name))
            if name.head == Head::Name =>
        {
            if before.head == Head::OrgRef {
                // "The union, Nurses United, said": a body, whatever its name looks like.
                name.kind = SpeakerKind::Organization;
            } else if name.role.is_none() {
                name.role = before.role;
            }
            Some(name)
        }
        (Head::Name, _) => {
            let mut m = hint_kind(text, tokens, before);
            if m.role.is_none() {
                m.role = appositive_role(text, tokens, open + 1, comma);
            }
            Some(m)
        }
        _ => Some(before),
    }
}

/// A name mention with the role an appositive gives it in any sentence:
/// `<role phrase> , NAME ,|.` ("The governor of the state, Teresa Alvarez, appealed") or
/// `NAME , <role phrase> ,|.` ("Northline Power, the regional utility, cut power").
pub(crate) fn with_appositives(
    text: &str,
    tokens: &[Token],
    m: Mention,
    sent: Range<usize>,
) -> Mention {
    if m.head != Head::Name || m.role.is_some() {
        return m;
    }
    let before = m
        .tokens
        .0
        .checked_sub(2)
        .filter(|&k| k >= sent.start && tokens[k + 1].is_punct(','));
    if let Some(role) = before.and_then(|k| parse_left(text, tokens, k)) {
        let opens = role.tokens.0 == sent.start || tokens[role.tokens.0 - 1].is_punct(',');
        let closes = tokens.get(m.tokens.1 + 1).is_none_or(|t| !t.is_word());
        if opens && closes {
            match role.head {
                Head::Role => {
                    return Mention {
                        role: role.role,
                        ..m
                    }
                }
                Head::OrgRef => {
                    return Mention {
                        kind: SpeakerKind::Organization,
                        ..m
                    }
                }
                _ => {}
            }
        }
    }
    let m = hint_kind(text, tokens, m);
    let after = with_appositive_after(text, tokens, m, sent.end);
    // "Northline Power, the regional utility,": a body described as one.
    let comma = m.tokens.1 + 1;
    if tokens.get(comma).is_some_and(|t| t.is_punct(','))
        && parse_right(text, tokens, comma + 1).is_some_and(|d| d.head == Head::OrgRef)
    {
        return Mention {
            kind: SpeakerKind::Organization,
            role: None,
            ..after
        };
    }
    after
}

/// "said Peter Akande, the county's head of libraries" (a role after the name) and
/// "declared the chief executive, Priya Raman" (a name after the role).
fn with_appositive_after(text: &str, tokens: &[Token], m: Mention, end: usize) -> Mention {
    let comma = m.tokens.1 + 1;
    if comma + 1 >= end || !tokens[comma].is_punct(',') {
        return m;
    }
    let close = (comma + 1..end)
        .take(MAX_PARENTHETICAL)
        .find(|&k| !tokens[k].is_word())
        .unwrap_or(end);
    match m.head {
        Head::Name if m.role.is_none() => Mention {
            role: appositive_role(text, tokens, comma + 1, close),
            ..m
        },
        Head::Role | Head::Anonymous | Head::OrgRef => match parse_right(text, tokens, comma + 1) {
            Some(mut name) if name.head == Head::Name && name.tokens.1 + 1 == close => {
                if name.role.is_none() {
                    name.role = m.role;
                }
                name
            }
            _ => m,
        },
        _ => m,
    }
}

/// The role given by an appositive `tokens[from..to]` ("the mayor", "a glaciologist at the
/// Northern Polar Institute"): the words after the determiner, if there are at most eight
/// and one is a role word; else the role of a shorter phrase at its start.
fn appositive_role(text: &str, tokens: &[Token], from: usize, to: usize) -> Option<Span> {
    let mut from = from;
    let determiner = |w: &str| matches!(w, "the" | "a" | "an" | "its" | "his" | "her" | "their");
    if word(text, tokens, from).is_some_and(determiner) {
        from += 1;
    }
    if from >= to
        || !(from..to).all(|k| {
            let f = tokens[k].flags;
            tokens[k].is_word() && f.cue().is_none() && !f.verb()
        })
    {
        return None;
    }
    let has_role = (from..to).any(|k| tokens[k].flags.title() || tokens[k].flags.anonymous());
    if to - from <= 8 && has_role {
        return Some(Span::new(tokens[from].span.start, tokens[to - 1].span.end));
    }
    parse_right(text, tokens, from).and_then(|m| m.role)
}

/// A role phrase that runs on to a comma ("According to her deputy for the environment,
/// Marc Dufresne, …"): its role extends over up to six more plain words.
fn extend_to_comma(tokens: &[Token], m: Mention, end: usize) -> Mention {
    if m.head == Head::Name || m.role.is_none() {
        return m;
    }
    let next = m.tokens.1 + 1;
    let Some(comma) = (next..end.min(next + 7)).find(|&k| !tokens[k].is_word()) else {
        return m;
    };
    if comma == next
        || !tokens[comma].is_punct(',')
        || (next..comma).any(|k| tokens[k].flags.verb())
    {
        return m;
    }
    let last = comma - 1;
    Mention {
        span: Span::new(m.span.start, tokens[last].span.end),
        role: m.role.map(|r| Span::new(r.start, tokens[last].span.end)),
        tokens: (m.tokens.0, last),
        ..m
    }
}

/// A name followed by ", which" is a body; by ", who", a person.
fn hint_kind(text: &str, tokens: &[Token], mut m: Mention) -> Mention {
    if tokens.get(m.tokens.1 + 1).is_some_and(|t| t.is_punct(',')) {
        match word(text, tokens, m.tokens.1 + 2) {
            Some("which") => m.kind = SpeakerKind::Organization,
            Some("who") if m.kind == SpeakerKind::Unknown => m.kind = SpeakerKind::Person,
            _ => {}
        }
    }
    m
}

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
        let quoted = (from..to).all(|k| matches!(tokens[k].tok, super::words::Tok::Quote(_)));
        let nested_cue = !needs_verb && other_cue_in(from, to);
        (from < to && words >= 3 && (verb || !needs_verb) && !quoted && !nested_cue)
            .then(|| Span::new(tokens[from].span.start, tokens[to - 1].span.end))
    };
    // "CLAUSE, X said." / "CLAUSE, according to X." The attribution may end the sentence with
    // a few words ("told reporters on Monday") or a relative clause ("… official who spoke
    // on condition of anonymity").
    let tail = g1 + 1..end;
    let relative =
        word(text, tokens, g1 + 1).is_some_and(|w| matches!(w, "who" | "which" | "whose"));
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
        |i: usize, w: &str| word(text, tokens, i).is_some_and(|x| x.eq_ignore_ascii_case(w));
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
        let takes_object = [
            "told", "tells", "telling", "asked", "informed", "assured", "briefed",
        ]
        .iter()
        .any(|w| is_word(a.cue.last, w));
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

/// Whether the mention follows "<statement noun> by" ("A statement by the Secretary").
fn by_statement(text: &str, tokens: &[Token], m: &Mention, start: usize) -> bool {
    m.tokens.0 >= start + 2
        && word(text, tokens, m.tokens.0 - 1) == Some("by")
        && tokens[m.tokens.0 - 2].is_word()
        && tokens[m.tokens.0 - 2].flags.statement()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::words;

    /// (cue, speaker mention) for each cue of a one-sentence text.
    fn attributions(text: &str) -> Vec<(String, Option<String>)> {
        let (_, toks) = crate::grammar::lex_for_test(text);
        let cues = find_cues(text, &toks, 0..toks.len());
        attribute(text, &toks, 0..toks.len(), &cues)
            .into_iter()
            .map(|a| {
                (
                    a.cue.span.slice(text).to_string(),
                    a.speaker.map(|m| m.span.slice(text).to_string()),
                )
            })
            .collect()
    }

    fn one(cue: &str, speaker: &str) -> Vec<(String, Option<String>)> {
        vec![(cue.to_string(), Some(speaker.to_string()))]
    }

    #[test]
    fn speaker_after_quote() {
        assert_eq!(attributions("“We go,” Kirby said."), one("said", "Kirby"));
        assert_eq!(attributions("“We go,” said Kirby."), one("said", "Kirby"));
        assert_eq!(
            attributions("“We go,” it continued."),
            one("continued", "it")
        );
        assert_eq!(
            attributions("“We go,” noted Open Source Monitor."),
            one("noted", "Open Source Monitor")
        );
    }

    #[test]
    fn speaker_before_quote() {
        assert_eq!(attributions("Austin said: “We go.”"), one("said", "Austin"));
        assert_eq!(
            attributions("In a statement, Mayor Ana Reyes said the “plan”"),
            one("said", "Mayor Ana Reyes")
        );
        assert_eq!(
            attributions("Hezbollah has long-vowed to fight “when ready”"),
            one("long-vowed", "Hezbollah")
        );
        assert_eq!(
            attributions("Ana Reyes, the mayor, said “no”"),
            one("said", "Ana Reyes")
        );
        assert_eq!(
            attributions("Ed Ash, who voted no, claimed it would “fail”"),
            one("claimed", "Ed Ash")
        );
        assert_eq!(
            attributions("Maya Lind, 44, said: “No.”"),
            one("said", "Maya Lind")
        );
        assert_eq!(
            attributions("The regulator, the Transport Safety Board, confirmed it"),
            one("confirmed", "the Transport Safety Board")
        );
        assert_eq!(
            attributions("“Yes,” declared the chief executive, Priya Raman."),
            one("declared", "Priya Raman")
        );
        assert_eq!(
            attributions("“Yes,” said rally organizer Jane Doe."),
            one("said", "rally organizer Jane Doe")
        );
    }

    #[test]
    fn prepositional_phrases_attach_to_their_head() {
        assert_eq!(
            attributions("A senior engineer at the barrier, who spoke anonymously, said it"),
            one("said", "A senior engineer at the barrier")
        );
        assert_eq!(
            attributions("A spokesperson for the staff union said it"),
            one("said", "A spokesperson for the staff union")
        );
    }

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
    fn a_cue_after_a_conjunction_shares_the_subject() {
        let text = "The union welcomed the trial but said it wanted guarantees.";
        let mut toks = Vec::new();
        words::tokenize(text, Span::new(0, text.len()), &[], &mut toks);
        let cues = find_cues(text, &toks, 0..toks.len());
        let a = attribute(text, &toks, 0..toks.len(), &cues);
        assert!(a[0].speaker.is_none() && a[0].borrows, "{a:?}");
    }

    #[test]
    fn participles_wait_for_the_sentence_subject() {
        assert_eq!(
            attributions("Castro declined, saying it was “late.”"),
            vec![("saying".to_string(), None)]
        );
    }

    #[test]
    fn according_to_and_statements() {
        assert_eq!(
            attributions("It rose, according to the Pentagon."),
            one("according to", "the Pentagon")
        );
        assert_eq!(
            attributions("A statement by the Interior Minister added that"),
            one("added", "the Interior Minister")
        );
    }

    #[test]
    fn passives_and_nouns_are_not_cues() {
        assert!(attributions("Kirby was told to wait").is_empty());
        assert!(attributions("the reported attack").is_empty());
        assert!(attributions("the United States acted").is_empty());
    }
}

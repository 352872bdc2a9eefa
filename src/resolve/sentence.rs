//! One sentence resolved in text order: its names and speakers, recorded on the timeline.

use std::ops::Range;

use crate::grammar::attribution::{self, Attribution};
use crate::grammar::sentences::is_capitalized;
use crate::grammar::speaker::is_possessive;
use crate::grammar::speaker::{self, Head, Mention};
use crate::grammar::words::Token;
use crate::quote::{ResolvedBy, SpeakerKind};

use super::{Entities, Known, Timeline, Who};

/// Resolves the speakers of a sentence's cues in order, and records the sentence's names
/// and speakers on the timeline. Also returns the sentence's subject: its first named or
/// pronoun mention that opens a clause, resolved.
pub(crate) fn resolve_sentence(
    text: &str,
    attributions: &[Attribution],
    names: &[(Mention, bool)],
    entities: &Entities,
    timeline: &mut Timeline,
) -> (Vec<Option<Who>>, Option<Who>) {
    let mut names = names.iter().peekable();
    let mut subject: Option<Who> = None;
    let note = |m: &Mention, salient: bool, timeline: &mut Timeline, subject: &mut Option<Who>| {
        let who = timeline.resolve(text, m, entities);
        if who.name.is_some() || who.kind.is_unnamed() {
            if salient && subject.is_none() {
                *subject = Some(Who {
                    by: ResolvedBy::PreviousSentence,
                    ..who
                });
            }
            timeline.push(Known {
                who,
                salient,
                statement: false,
            });
        }
    };
    let mut out: Vec<Option<Who>> = Vec::with_capacity(attributions.len());
    for a in attributions {
        let pos = a.speaker.map_or(a.cue.span.start, |m| m.span.start);
        while let Some((m, salient)) = names.next_if(|(m, _)| m.span.start < pos) {
            note(m, *salient, timeline, &mut subject);
        }
        let who = match &a.speaker {
            Some(m) => Some(timeline.resolve(text, m, entities)),
            // A participle ("…, explaining:") borrows the sentence's previous speaker, else
            // its subject.
            None if a.borrows => out.iter().rev().flatten().next().cloned().or_else(|| {
                subject.map(|w| Who {
                    by: ResolvedBy::Cue,
                    ..w
                })
            }),
            None => None,
        };
        if let Some(w) = &who {
            if subject.is_none() {
                subject = Some(Who {
                    by: ResolvedBy::PreviousSentence,
                    ..*w
                });
            }
            timeline.push(Known {
                who: *w,
                salient: true,
                statement: a.statement,
            });
        }
        out.push(who);
    }
    for (m, salient) in names {
        note(m, *salient, timeline, &mut subject);
    }
    (out, subject)
}

/// Whether a named mention names a place or a thing: its last word ends a street ("Church
/// Lane": `data/street_words.txt`), or a place (`Kansas City`: `data/places.txt`) and it is
/// no known body, or one of its words holds a digit (`VRD-210`).
fn is_no_one(text: &str, tokens: &[Token], m: &Mention) -> bool {
    let Some(name) = m.name else { return false };
    let n = name.slice(text);
    let last = tokens[m.tokens.1].flags;
    let several = n.contains(char::is_whitespace);
    // "Church Lane": a street's word ends it, whatever the words before.
    let place = (last.street() && several)
        || (last.place_end()
            && m.kind != SpeakerKind::Organization
            && (several || crate::lexicon::Lexicon::get().is_place(n)));
    place || n.chars().any(|c| c.is_ascii_digit())
}

/// "Irene and Gabor Szabo": the first of two people who share the surname of the name `m`,
/// as a mention of the given name with that surname. The given name is a known one, alone
/// before "and".
fn given_before_and(text: &str, tokens: &[Token], m: &Mention, start: usize) -> Option<Mention> {
    let name = m.name?;
    let (first, last) = m.tokens;
    let and = first
        .checked_sub(1)
        .filter(|&k| k > start && tokens[k].flags.list())?;
    let given = and - 1;
    let shared = m.kind != SpeakerKind::Organization
        && last > first
        && tokens[and].span.slice(text) == "and"
        && tokens[given].flags.given()
        && (given == start
            || !tokens[given - 1].flags.capitalized()
            || !tokens[given - 1].is_word());
    let span = tokens[given].span;
    (shared && name.end == tokens[last].span.end).then_some(Mention {
        span,
        name: Some(span),
        role: None,
        kind: SpeakerKind::Person,
        head: Head::Name,
        definite: false,
        tag: None,
        surname: Some(tokens[last].span),
        tokens: (given, given),
    })
}

/// Whether the name at token `i`, after a comma, names a relative spoken of inside the
/// clause ("… a text sent by his wife, Teresa Kowalczyk, who …"): the comma follows a family
/// word whose phrase stands after a word of the sentence, not at its start or after a comma.
/// Such a name is no subject.
fn apposed_to_object(text: &str, tokens: &[Token], i: usize, start: usize) -> bool {
    if i < start + 3 || !tokens[i - 1].is_punct(',') || !tokens[i - 2].flags.family() {
        return false;
    }
    // Back over the phrase's words: "his", "the eldest".
    let mut k = i - 2;
    for _ in 0..3 {
        if k == start {
            return false;
        }
        let t = &tokens[k - 1];
        let w = t.span.slice(text);
        if !(t.is_word() && (is_possessive(w) || !is_capitalized(w))) {
            break;
        }
        k -= 1;
        // "by" is no preposition in the word lists (it would end "said by" phrases).
        if t.flags.preposition() || t.flags.verb() || t.flags.cue().is_some() || w == "by" {
            return true;
        }
    }
    false
}

/// For a one-word name that only describes whose words follow, where the name it describes
/// starts (tokens before `end`):
/// - "Union firebrand Roz Achterberg tore into …": a lower-case noun, then a given name and a
///   capitalised word;
/// - "10:24 a.m. — First question from Whitcombe: …", "News from the chair: …": at most one
///   lower-case word, then "from".
fn described_after(text: &str, tokens: &[Token], m: &Mention, end: usize) -> Option<usize> {
    if m.head != Head::Name || m.tokens.0 != m.tokens.1 {
        return None;
    }
    let after = m.tokens.1 + 1;
    let lower = |k: usize| tokens.get(k).is_some_and(|t| t.is_lower_ascii_word(text));
    let capital = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.is_word() && t.flags.capitalized())
    };
    if lower(after) && capital(after + 1) && tokens[after + 1].flags.given() && capital(after + 2) {
        return Some(after + 1);
    }
    let from = (after..(after + 2).min(end))
        .find(|&k| lower(k) && tokens[k].span.slice(text) == "from")?;
    ((after..from).all(lower) && from + 1 < end).then_some(from + 1)
}

/// Named mentions (people and bodies) in a sentence, and pronouns that open a clause, each
/// with whether it opens a clause (a likely subject).
pub(crate) fn scan_names(
    text: &str,
    tokens: &[Token],
    range: Range<usize>,
) -> Vec<(Mention, bool)> {
    crate::work::step(range.len());
    let mut out = Vec::new();
    let mut i = range.start;
    // The clause opened before a word that describes the name after it ("Union firebrand Roz
    // Achterberg"): that name opens it.
    let mut opened_at = None;
    while i < range.end {
        let t = &tokens[i];
        let w = t.span.slice(text);
        // A clause opens at the sentence's start, after a comma, after a dash ("9:40 p.m. —
        // Quill, again on taxes: …", a live blog's timestamp) and after a conjunction that
        // opens the sentence ("And Fenwick himself: …").
        let opens_clause = opened_at == Some(i)
            || i == range.start
            || tokens[i - 1].is_punct(',')
            || tokens[i - 1].is_punct('—')
            || tokens[i - 1].is_punct('–')
            || (i - 1 == range.start && tokens[i - 1].flags.conjunction());
        // "Later he texted volunteers …": "he" or "she" before anyone else is named in the
        // sentence is its subject, though a word stands before it.
        let first_person = t.flags.personal()
            && t.is_word()
            && out.is_empty()
            && i - range.start <= 3
            && (range.start..i).all(|k| {
                let f = tokens[k].flags;
                tokens[k].is_word()
                    && (is_capitalized(tokens[k].span.slice(text)) || f.time() || f.adverbial())
                    && !f.subordinator()
            });
        let candidate = first_person
            || (t.is_word()
                && (is_capitalized(w) || matches!(w, "the" | "The") || opens_clause)
                && (i == range.start
                    || !tokens[i - 1].is_word()
                    || !is_capitalized(tokens[i - 1].span.slice(text))));
        if candidate {
            if let Some(mut m) = speaker::parse_right(text, tokens, i) {
                let pronoun = matches!(m.head, Head::Pronoun(_));
                // A place ("River Road", "Kansas City") or a product code ("VRD-210") is
                // no one who speaks.
                if m.head == Head::Name && is_no_one(text, tokens, &m) {
                    i = m.tokens.1 + 1;
                    continue;
                }
                // "Union firebrand Roz Achterberg …", "First question from Whitcombe: …": a
                // word that describes the name after it; that name opens the clause.
                if let Some(next) = described_after(text, tokens, &m, range.end) {
                    if opens_clause {
                        opened_at = Some(next);
                    }
                    i = next;
                    continue;
                }
                if (m.head == Head::Name || (pronoun && (opens_clause || first_person)))
                    && m.tokens.1 < range.end
                {
                    let next = |k: usize| tokens.get(m.tokens.1 + k);
                    if next(1).is_some_and(|t| t.is_punct(','))
                        && next(2).is_some_and(|t| t.span.slice(text) == "which")
                    {
                        m.kind = SpeakerKind::Organization;
                    }
                    // "Calvoria's central bank held …": the owner is not the subject.
                    let owner = m.head == Head::Name
                        && is_possessive(tokens[m.tokens.1].span.slice(text))
                        && next(1).is_some_and(|t| t.is_word());
                    if let Some(given) = given_before_and(text, tokens, &m, range.start) {
                        out.push((given, false));
                    }
                    let m = attribution::with_appositives(text, tokens, m, range.clone());
                    let apposed = opens_clause && apposed_to_object(text, tokens, i, range.start);
                    out.push((m, (opens_clause || first_person) && !owner && !apposed));
                    // A person's role after the name may name a body ("Gideon Pratt, the
                    // president of the Freight Rail Council,"): read on from the name.
                    let name_end = m
                        .name
                        .filter(|_| m.kind == SpeakerKind::Person)
                        .map_or(m.span.end, |n| n.end);
                    i = (i + 1..=m.tokens.1)
                        .find(|&k| tokens[k].span.start >= name_end)
                        .unwrap_or(m.tokens.1 + 1);
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names `scan_names` keeps in the one sentence `text`.
    fn names(text: &str) -> Vec<String> {
        let (_, tokens) = crate::grammar::lex_for_test(text);
        scan_names(text, &tokens, 0..tokens.len())
            .into_iter()
            .filter_map(|(m, _)| m.name.map(|n| n.slice(text).to_string()))
            .collect()
    }

    #[test]
    fn streets_are_no_one_though_a_word_names_bodies() {
        assert!(!names("Ann Ortiz walked down Church Lane today.").contains(&"Church Lane".into()));
        assert!(names("Ann Ortiz walked down Church Lane today.").contains(&"Ann Ortiz".into()));
        assert!(names("The First Baptist Church opened today.")
            .iter()
            .any(|n| n.contains("Church")));
    }
}

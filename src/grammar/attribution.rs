//! Who a cue names: the speaker mention each cue of a sentence attaches to.
//!
//! Patterns (Q is a quote, NP a speaker mention from [`super::speaker`]):
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

use std::ops::Range;

use super::cue::CueHit;
use super::speaker::{closed_class, parse_left, parse_right, Head, Mention};
use super::words::{word_at, Tok, Token};
use crate::lexicon::Lexicon;
use crate::quote::SpeakerKind;
use crate::Span;

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
    /// The cue is in a relative clause set off by a comma ("Eleanor Vasquez, 86, who
    /// said …"), so what it reports ends at the comma that closes the clause.
    pub relative: bool,
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
                relative: false,
            };
            if cue.according {
                attribution.speaker = parse_right(text, tokens, cue.last + 1)
                    .or_else(|| described_source(text, tokens, cue.last + 1, sent.end))
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
            // "Eleanor Vasquez, 86, who said …": the one the relative clause is about.
            let after_who = j > sent.start + 1 && word_at(text, tokens, j - 1) == Some("who");
            attribution.relative = after_who && j > sent.start + 2 && tokens[j - 2].is_punct(',');
            if attribution.relative {
                let subject = parenthetical_subject(text, tokens, j - 2, sent.start)
                    .or_else(|| parse_left(text, tokens, j - 3).filter(within))
                    .filter(|m| m.head == Head::Name);
                if let Some(m) = subject {
                    attribution.speaker = Some(m);
                    return attribution;
                }
            }
            // "… and a bus driver who said she had nowhere to go": a described source right
            // before "who", no comma between.
            if after_who && tokens[j - 2].is_word() {
                let described = parse_left(text, tokens, j - 2)
                    .filter(within)
                    .filter(|m| matches!(m.head, Head::Anonymous | Head::Role));
                if let Some(m) = described {
                    attribution.relative = true;
                    attribution.speaker = Some(m);
                    return attribution;
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
                            || !(tokens[i - 1].flags.list()
                                && tokens[i - 1].is_lower_ascii_word(text))
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
            }
            // "X said in a statement"
            let next = |k: usize| word_at(text, tokens, cue.last + k);
            if next(1) == Some("in")
                && is_determiner(text, tokens, cue.last + 2)
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
const MAX_PARENTHETICAL: usize = 40;

/// How many comma-separated segments may stand between a subject and its cue ("Antonio
/// Ferreira, 66, a retired docker whose son, Luis, runs a crane, said": four).
const MAX_SEGMENTS: usize = 4;

/// Whether mention `m` is inside a relative clause opened by "whose" a few words before it
/// ("… a retired docker whose son, Luis, runs a crane, said"): the clause's own subject,
/// not the sentence's.
fn in_whose_clause(text: &str, tokens: &[Token], m: &Mention, start: usize) -> bool {
    let mut k = m.tokens.0;
    // Over the comma that sets the name off, then up to three words of the noun phrase.
    if k > start && tokens[k - 1].is_punct(',') {
        k -= 1;
    }
    (k.saturating_sub(4).max(start)..k).any(|i| is_whose(text, tokens, i))
}

/// Whether token `i` is the relative word "whose".
fn is_whose(text: &str, tokens: &[Token], i: usize) -> bool {
    word_at(text, tokens, i) == Some("whose")
}

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
    parenthetical_subject_in(text, tokens, comma, start, false)
}

/// [`parenthetical_subject`]; `nested`: already looking past a description, once only.
fn parenthetical_subject_in(
    text: &str,
    tokens: &[Token],
    comma: usize,
    start: usize,
    nested: bool,
) -> Option<Mention> {
    // The opening comma: the nearest one before which a speaker phrase ends, over up to four
    // comma-separated segments ("Harold Fenn, 72, who has been travelling, said"). A quote or
    // sentence punctuation in between means there is none.
    let stops = |k: usize| {
        matches!(tokens[k].tok, Tok::Quote(_))
            || [';', ':', '.', '!', '?']
                .iter()
                .any(|&c| tokens[k].is_punct(c))
    };
    let mut found = None;
    let mut k = comma;
    for _ in 0..MAX_SEGMENTS {
        let open = (start..k)
            .rev()
            .take(MAX_PARENTHETICAL)
            .find(|&i| tokens[i].is_punct(',') || stops(i))
            .filter(|&i| tokens[i].is_punct(','))?;
        if open == start || open + 1 >= comma {
            return None;
        }
        // Not a subject: a place ("…, which is based in Norbridge, England, …") or a name
        // after a preposition ("in Norbridge"; "One of the sailors" is one); the search goes
        // on to the comma before.
        let subject = |m: &Mention| {
            let after_preposition = m.head == Head::Name
                && m.tokens.0 > start
                && tokens[m.tokens.0 - 1].flags.preposition();
            m.tokens.0 >= start
                && !after_preposition
                && !names_place(text, m)
                && !in_whose_clause(text, tokens, m, start)
        };
        if let Some(m) = parse_left(text, tokens, open - 1).filter(subject) {
            found = Some((open, m));
            break;
        }
        k = open;
    }
    let (open, before) = found?;
    // "Sen. Ann Ortiz, R-Kan., said": the tag is data of the name, not a role.
    if before.head == Head::Name && open + 2 == comma && tokens[open + 1].flags.party_tag() {
        let mut m = hint_kind(text, tokens, before);
        m.tag = Some(tokens[open + 1].span);
        return Some(m);
    }
    // "…, a bus driver from Las Arenas, N.M., fumed": a place inside is no name of the source.
    let inner = parse_right(text, tokens, open + 1)
        .filter(|m| m.tokens.1 + 1 == comma && !names_place(text, m));
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
        // "Ray Ocheltree, 62, a retired bus driver from Las Arenas, N.M., fumed": a
        // description with a name before it, one parenthetical further, is that name's.
        (Head::Role | Head::Anonymous, None) if open > start + 1 && !nested => {
            let named = parenthetical_subject_in(text, tokens, open, start, true)
                .filter(|m| m.head == Head::Name && m.kind != SpeakerKind::Organization);
            Some(named.unwrap_or(before))
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
    // "Sen. Ann Ortiz, R-Kan.,": the tag is data of the name, and no role follows it.
    if let Some(tag) = party_tag_after(tokens, &m) {
        return Mention {
            tag: Some(tag),
            kind: SpeakerKind::Person,
            ..m
        };
    }
    if m.head != Head::Name || m.role.is_some() {
        return m;
    }
    let before = m
        .tokens
        .0
        .checked_sub(2)
        .filter(|&k| k >= sent.start && tokens[k + 1].is_punct(','));
    if let Some(role) = before.and_then(|k| parse_left(text, tokens, k)) {
        // "…, a retired docker whose son, Luis, runs a crane": the relative word opens the
        // role too.
        let opens = role.tokens.0 == sent.start
            || is_whose(text, tokens, role.tokens.0)
            || tokens[role.tokens.0 - 1].is_punct(',')
            || is_whose(text, tokens, role.tokens.0 - 1);
        let closes = tokens.get(m.tokens.1 + 1).is_none_or(|t| !t.is_word());
        if opens && closes {
            // "…, a retired docker whose son, Luis, runs a crane": the role is "son".
            let whose = (role.tokens.0..role.tokens.1).find(|&k| is_whose(text, tokens, k));
            let after_whose = |r: Span| match whose {
                Some(k) if tokens[k].span.start >= r.start => {
                    Span::new(tokens[k + 1].span.start, r.end)
                }
                _ => r,
            };
            match role.head {
                Head::Role => {
                    return Mention {
                        role: role.role.map(after_whose),
                        ..m
                    };
                }
                Head::Anonymous if whose.is_some() => {
                    return Mention {
                        role: Some(after_whose(role.span)),
                        ..m
                    };
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
    // "Northline Power, the regional utility,": a body described as one. A description is
    // no subject: "in Greenvale, the company said" describes nothing.
    let comma = m.tokens.1 + 1;
    let closes = |d: &Mention| {
        tokens.get(d.tokens.1 + 1).is_none_or(|t| {
            !t.is_word() || !(t.flags.cue().is_some() || t.flags.verb() || t.flags.auxiliary())
        })
    };
    if tokens.get(comma).is_some_and(|t| t.is_punct(','))
        && parse_right(text, tokens, comma + 1)
            .is_some_and(|d| d.head == Head::OrgRef && closes(&d))
    {
        return Mention {
            kind: SpeakerKind::Organization,
            role: None,
            ..after
        };
    }
    after
}

/// The party–state tag set off by a comma right after a name ("Ann Ortiz, R-Kan."), if any.
fn party_tag_after(tokens: &[Token], m: &Mention) -> Option<Span> {
    let comma = m.tokens.1 + 1;
    (m.head == Head::Name && tokens.get(comma)?.is_punct(','))
        .then(|| tokens.get(comma + 1))
        .flatten()
        .filter(|t| t.flags.party_tag())
        .map(|t| t.span)
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
    if is_determiner(text, tokens, from) {
        from += 1;
    }
    if from >= to {
        return None;
    }
    let plain = (from..to).all(|k| {
        let f = tokens[k].flags;
        tokens[k].is_word() && f.cue().is_none() && !f.verb()
    });
    let has_role = (from..to).any(|k| tokens[k].flags.title() || tokens[k].flags.anonymous());
    if plain && to - from <= 8 && has_role {
        return Some(Span::new(tokens[from].span.start, tokens[to - 1].span.end));
    }
    // "a nurse who has worked there": the role phrase at its start.
    parse_right(text, tokens, from)
        .filter(|m| m.tokens.1 < to)
        .and_then(|m| m.role)
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

/// Whether a mention's name is a place of `data/places.txt` ("Maryland", "N.M.").
fn names_place(text: &str, m: &Mention) -> bool {
    m.name
        .is_some_and(|n| Lexicon::get().is_place(n.slice(text)))
}

/// "according to federal figures", "according to a 2024 study by the state Waterways
/// Office": the words from `start` to the next punctuation or the end of the sentence (at
/// most [`MAX_DESCRIBED_SOURCE`] words, none of them a verb or a pronoun) as an unnamed,
/// described source, where no speaker phrase parses.
fn described_source(text: &str, tokens: &[Token], start: usize, end: usize) -> Option<Mention> {
    let phrase_end = (start..end)
        .take(MAX_DESCRIBED_SOURCE + MAX_SOURCE_PARTICIPLE + 1)
        .find(|&k| !tokens[k].is_word())
        .unwrap_or(end);
    let ends_well =
        phrase_end == end || tokens[phrase_end].is_punct(',') || tokens[phrase_end].is_punct('.');
    // "an audit by the state's inspector general released on Wednesday": the source ends
    // before a participle that is not followed by "by".
    let participle = (start + 2..phrase_end).find(|&k| {
        let w = tokens[k].span.slice(text);
        tokens[k].is_lower_ascii_word(text)
            && w.ends_with("ed")
            && tokens[k].flags.cue().is_none()
            && word_at(text, tokens, k + 1) != Some("by")
    });
    let stop = participle.unwrap_or(phrase_end);
    let fits = stop > start
        && stop - start <= MAX_DESCRIBED_SOURCE
        && phrase_end - stop <= MAX_SOURCE_PARTICIPLE
        && ends_well
        && (start..stop).all(|k| {
            let f = tokens[k].flags;
            // "documents obtained by The Ledger": a participle before "by" is the phrase's.
            let by = word_at(text, tokens, k + 1) == Some("by");
            (!f.verb() || by) && !f.personal() && f.cue().is_none()
        })
        // A noun or a name ends it, not a word that needs one ("according to the").
        && !closed_class(tokens[stop - 1].flags)
        && !matches!(word_at(text, tokens, stop - 1), Some("a" | "an" | "the" | "The"));
    if !fits {
        return None;
    }
    let span = Span::new(tokens[start].span.start, tokens[stop - 1].span.end);
    let role_from = (start..stop)
        .find(|&k| !matches!(word_at(text, tokens, k), Some("a" | "an" | "the")))
        .unwrap_or(start);
    Some(Mention {
        span,
        name: None,
        role: Some(Span::new(tokens[role_from].span.start, span.end)),
        kind: SpeakerKind::Anonymous,
        head: Head::Anonymous,
        definite: false,
        tag: None,
        surname: None,
        tokens: (start, stop - 1),
    })
}

/// How many words a described source after "according to" may have.
const MAX_DESCRIBED_SOURCE: usize = 9;

/// How many words a participle phrase after a described source may have ("released on
/// Wednesday by the state's inspector general").
const MAX_SOURCE_PARTICIPLE: usize = 8;

/// A name followed by ", which" is a body; by ", who", a person.
fn hint_kind(text: &str, tokens: &[Token], mut m: Mention) -> Mention {
    if tokens.get(m.tokens.1 + 1).is_some_and(|t| t.is_punct(',')) {
        match word_at(text, tokens, m.tokens.1 + 2) {
            Some("which") => m.kind = SpeakerKind::Organization,
            Some("who") if m.kind == SpeakerKind::Unknown => m.kind = SpeakerKind::Person,
            _ => {}
        }
    }
    m
}

/// Whether token `i` is an article or a third-person possessive, in lower case: "the", "a",
/// "an", "his", "her", "its", "their" (`data/function_words.txt`).
fn is_determiner(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens
        .get(i)
        .is_some_and(|t| (t.flags.article() || t.flags.possessive()) && t.is_lower_ascii_word(text))
}

/// Whether the mention follows `<statement noun> by` ("A statement by the Secretary").
fn by_statement(text: &str, tokens: &[Token], m: &Mention, start: usize) -> bool {
    m.tokens.0 >= start + 2
        && word_at(text, tokens, m.tokens.0 - 1) == Some("by")
        && tokens[m.tokens.0 - 2].is_word()
        && tokens[m.tokens.0 - 2].flags.statement()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::cue::find_cues;
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
            attributions(
                "Brackwell, which is based in Norbridge, England, and has owned it since 2019, \
                 said it would help"
            ),
            one("said", "Brackwell")
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
            attributions("Carl Brenner of the federal Chemical Incident Board said it"),
            one(
                "said",
                "Carl Brenner of the federal Chemical Incident Board"
            )
        );
        assert_eq!(
            attributions("A senior engineer at the barrier, who spoke anonymously, said it"),
            one("said", "A senior engineer at the barrier")
        );
        assert_eq!(
            attributions("A spokesperson for the staff union said it"),
            one("said", "A spokesperson for the staff union")
        );
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
        // A description between a name and a place is the name's; the place is no one.
        assert_eq!(
            attributions("Ray Ochs, 62, a retired driver from Las Arenas, N.M., fumed that"),
            one("fumed", "Ray Ochs")
        );
        // A document or a set of figures is a described source.
        assert_eq!(
            attributions("It rose, according to federal figures."),
            one("according to", "federal figures")
        );
        assert_eq!(
            attributions("It rose, according to documents obtained by The Ledger."),
            one("according to", "documents obtained by The Ledger")
        );
        // Not a phrase that stops short of its noun, nor a clause.
        assert_eq!(
            attributions("It rose, according to the."),
            vec![("according to".to_string(), None)]
        );
    }

    /// Whether the first attribution of a one-sentence text names the source of a statement.
    fn statement(text: &str) -> bool {
        let (_, toks) = crate::grammar::lex_for_test(text);
        let cues = find_cues(text, &toks, 0..toks.len());
        attribute(text, &toks, 0..toks.len(), &cues)[0].statement
    }

    #[test]
    fn said_in_a_statement() {
        assert!(statement("Kirby said in a statement that it ended."));
        assert!(statement("Kirby said in her statement that it ended."));
        // The determiners are the articles and the third-person possessives, in lower case.
        assert!(!statement("Kirby said in my statement that it ended."));
        assert!(!statement("Kirby said in The statement that it ended."));
    }

    #[test]
    fn the_last_item_of_a_list_is_not_the_subject() {
        assert_eq!(
            attributions("Groups in Gdansk and Riga have warned it"),
            vec![("warned".to_string(), None)]
        );
        assert_eq!(
            attributions("It rained, and health officials warned it"),
            one("warned", "health officials")
        );
    }

    #[test]
    fn determiners_of_an_appositive_role() {
        let role = |text: &str| {
            let (_, toks) = crate::grammar::lex_for_test(text);
            let comma = toks.iter().rposition(|t| t.is_punct(',')).unwrap();
            appositive_role(text, &toks, 3, comma).map(|s| s.slice(text).to_string())
        };
        for (text, expected) in [
            ("Ana Reyes, the mayor, said", "mayor"),
            ("Ana Reyes, her deputy mayor, said", "deputy mayor"),
            // Not a determiner of the list: "my" stays in the role.
            ("Ana Reyes, my mayor, said", "my mayor"),
        ] {
            assert_eq!(role(text).as_deref(), Some(expected), "{text}");
        }
    }
}

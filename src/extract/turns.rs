//! Interviews and transcripts: paragraphs opened by a speaker label (`Q:`, `A:`,
//! `MR. BRISCO:`, `**Menes:**`, `MODERATOR:`). A labelled paragraph is a turn: its words are the
//! labelled speaker's, quote marks or not, and the paragraphs after it that carry no label
//! continue it until the next turn.
//!
//! Labels count only in an article that reads as an exchange: at least three labelled
//! paragraphs and one label used twice, so that a lone "Related:" or "Photo:" line is never a
//! turn (labels that are never speakers are listed in `data/turn_labels.txt`).
//!
//! Who a label names: a name label ("MENES", "Sen. Carvalho") is the person of the article
//! with that name ("THE COURT" the judge); a question label ("Q", "Interviewer", "Moderator",
//! "Host") is the interviewer, the person the introduction names as a reporter, host or
//! moderator (or right after such a word), or as the one an interview was "moderated by",
//! "conducted by" or "hosted by", but never one who has a name label; with none, a role label
//! ("MODERATOR") is an unnamed source of that role. An answer label ("A") is the first person
//! the article names who is not the interviewer.

use crate::lexicon::labels::{is, MAX_LABEL_BYTES};
use crate::lexicon::Lexicon;
use crate::quote::{QuoteKind, ResolvedBy, SpeakerKind};
use crate::resolve::{Entities, Gender, Who};
use crate::Span;
use rustc_hash::FxHashMap;

use super::found::{nest_in, starting_in, Found};
use super::units::Para;

/// What a label says of its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// "Q", "Interviewer", "Moderator": whoever asks.
    Asks,
    /// "A": whoever is interviewed.
    Answers,
    /// A name: that person.
    Named,
}

/// A labelled paragraph: its index, the label as written, what it says, and the words after
/// it.
#[derive(Debug, Clone, Copy)]
struct Turn {
    para: usize,
    label: Span,
    role: Role,
    body: Span,
}

/// How much of the introduction is read for the interviewer: paragraphs, tokens in each,
/// and bytes from "moderated by" to the name.
const MAX_INTRO_PARAGRAPHS: usize = 3;
const MAX_INTRO_TOKENS: usize = 400;
const MAX_LEAD_GAP: usize = 60;

/// How many people of one last name a label is compared with.
const MAX_NAMESAKES: usize = 64;

/// Bytes of quote marks and space that a quote around a whole turn leaves at either end.
const MARKS: usize = 3;

/// The label opening paragraph `p` (`start` is its first byte), if it has one: up to
/// [`MAX_LABEL_BYTES`] of capitalised words, an initial or "Q"/"A", then a colon, markdown
/// bold around either allowed.
fn label_of(p: &str, start: usize) -> Option<(Span, Role, usize)> {
    // "Q. Why now?" / "A. Because …": the question and answer letters with a period.
    for (letter, role) in [("Q. ", Role::Asks), ("A. ", Role::Answers)] {
        if let Some(rest) = p.strip_prefix(letter) {
            let body = p.len() - rest.trim_start().len();
            return Some((Span::new(start, start + 1), role, body));
        }
    }
    let head = p.get(..p.len().min(MAX_LABEL_BYTES + 4)).unwrap_or(p);
    let colon = head.find(':')?;
    let raw = &p[..colon];
    let lead = raw.len() - raw.trim_start_matches(['*', '_']).len();
    let label = raw[lead..].trim_end_matches(['*', '_']).trim();
    if label.is_empty() || label.len() > MAX_LABEL_BYTES {
        return None;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    let is_label_word = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    };
    if words.len() > 4 || !words.iter().all(|w| is_label_word(w)) {
        return None;
    }
    let role = if is(label, "asks") {
        Role::Asks
    } else if is(label, "answers") {
        Role::Answers
    } else if is(label, "not") {
        return None;
    } else {
        Role::Named
    };
    // The words after the colon and any bold that closes the label.
    let after = colon + 1;
    let rest = &p[after..];
    let skip = rest.len() - rest.trim_start_matches(['*', '_']).trim_start().len();
    let label_start = start + lead;
    Some((
        Span::new(label_start, label_start + label.len()),
        role,
        after + skip,
    ))
}

/// The turns of an article, if it reads as an exchange (see the module docs).
fn turns(text: &str, paras: &[Para]) -> Vec<Turn> {
    let mut out: Vec<Turn> = Vec::new();
    crate::work::step(paras.len());
    for (pi, p) in paras.iter().enumerate() {
        let s = p.span.slice(text);
        if let Some((label, role, body_at)) = label_of(s, p.span.start) {
            let body = Span::new(p.span.start + body_at, p.span.end);
            if !body.is_empty() {
                out.push(Turn {
                    para: pi,
                    label,
                    role,
                    body,
                });
            }
        }
    }
    let mut seen = rustc_hash::FxHashSet::default();
    let repeated = out
        .iter()
        .any(|t| !seen.insert(t.label.slice(text).to_lowercase()));
    if out.len() < 3 || !repeated {
        out.clear();
    }
    out
}

/// How many paragraphs are read for examination headings.
const MAX_HEADINGS_READ: usize = 2000;

/// The name in a court transcript's examination heading, a paragraph of capitals alone
/// ("DIRECT EXAMINATION BY MS. ABERNATHY:", "BY MR. VOSS:"): the words after "BY".
fn examination_heading(p: &str) -> Option<&str> {
    let heading = p.trim().strip_suffix(':')?;
    if heading.len() > MAX_LABEL_BYTES + 24 || heading.chars().any(char::is_lowercase) {
        return None;
    }
    let name = match heading.strip_prefix("BY ") {
        Some(name) => name,
        None => &heading[heading.find(" BY ")? + 4..],
    };
    (!name.is_empty()).then_some(name)
}

/// Whether the words in brackets are a stage direction: up to three words, in capitals or
/// not ("APPLAUSE", "crosstalk", "inaudible").
fn is_direction(inner: &str) -> bool {
    let words = inner.split_whitespace().count();
    (1..=3).contains(&words) && inner.chars().all(|c| c.is_alphabetic() || c == ' ')
}

/// The body of a turn without the stage directions that open or close it: "(LAUGHTER)",
/// "(APPLAUSE)", "[crosstalk]".
fn without_directions(text: &str, body: Span) -> Span {
    let mut s = body.slice(text);
    let mut start = body.start;
    loop {
        let t = s.trim_start();
        start += s.len() - t.len();
        s = t;
        let close = match s.chars().next() {
            Some('(') => ')',
            Some('[') => ']',
            _ => break,
        };
        match s.find(close) {
            Some(k) if k < 40 && is_direction(&s[1..k]) => {
                start += k + 1;
                s = &s[k + 1..];
            }
            _ => break,
        }
    }
    let mut end = start + s.len();
    loop {
        let t = s.trim_end();
        end -= s.len() - t.len();
        s = t;
        let open = match s.chars().last() {
            Some(')') => '(',
            Some(']') => '[',
            _ => break,
        };
        match s.rfind(open) {
            Some(k) if s.len() - k < 40 && is_direction(&s[k + 1..s.len() - 1]) => {
                end -= s.len() - k;
                s = &s[..k];
            }
            _ => break,
        }
    }
    Span::new(start, end.max(start))
}

/// The people of an article by their last name in lower case, in the order the article names
/// them. Labels in capitals are read as names of their own ("O'DRISCOLL"): those are left out.
fn by_last_name(text: &str, entities: &Entities) -> FxHashMap<String, Vec<usize>> {
    let mut out: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (id, e) in entities.list.iter().enumerate() {
        let name = e.surname.unwrap_or(e.name).slice(text);
        let in_capitals = !e.name.slice(text).chars().any(char::is_lowercase);
        if e.kind == SpeakerKind::Organization || in_capitals {
            continue;
        }
        if let Some(last) = name.rsplit(char::is_whitespace).next() {
            out.entry(last.to_lowercase()).or_default().push(id);
        }
    }
    out
}

/// The person a name label stands for: the person of the article whose last name is the
/// label's last word (any case), told apart by the full name or an honorific's gender where
/// two share it, else the first of them the article names.
fn named(
    text: &str,
    entities: &Entities,
    people: &FxHashMap<String, Vec<usize>>,
    label: &str,
) -> Option<usize> {
    let lexicon = Lexicon::get();
    let mut words: Vec<&str> = Vec::new();
    let mut gender = Gender::default();
    for w in label.split_whitespace() {
        let f = lexicon.flags(w.trim_end_matches('.'));
        if f.honorific() {
            gender.female |= f.female();
            gender.male |= f.male();
        } else if !f.title() {
            words.push(w);
        }
    }
    let last = *words.last()?;
    let Some(people) = people.get(&last.to_lowercase()) else {
        return (words.len() == 1)
            .then(|| by_initials(text, entities, last))
            .flatten();
    };
    // Bounded: an article naming hundreds of people of one surname reads the first of them.
    let people = &people[..people.len().min(MAX_NAMESAKES)];
    crate::work::step(people.len());
    let full = words.join(" ");
    // A full name in the label picks the person of that name; a bare surname is the person
    // the article names in full rather than a mention of the surname alone (a headline's
    // "Commissioner Arroyo" before the lede's "Luis Arroyo").
    let same_name = people.iter().copied().find(|&id| {
        let e = &entities.list[id];
        words.len() > 1 && e.surname.is_none() && e.name.slice(text).eq_ignore_ascii_case(&full)
    });
    let fits = |id: usize| !entities.list[id].gender().contradicts(gender);
    let in_full = |id: usize| {
        let e = &entities.list[id];
        e.surname.is_some() || e.name.slice(text).split_whitespace().nth(1).is_some()
    };
    same_name
        .or_else(|| people.iter().copied().find(|&id| fits(id) && in_full(id)))
        .or_else(|| people.iter().copied().find(|&id| fits(id)))
}

/// "ZM:" for Zoë Mercier: the one person of the article whose name's words begin with the
/// label's two or three capitals, in order (accents aside).
fn by_initials(text: &str, entities: &Entities, label: &str) -> Option<usize> {
    if !(2..=3).contains(&label.len()) || !label.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let initial = |w: &str| {
        use unicode_normalization::UnicodeNormalization;
        w.nfd().next().map(|c| c.to_ascii_uppercase())
    };
    let mut fits = entities.list.iter().enumerate().filter(|(_, e)| {
        let mut words: Vec<&str> = e.name.slice(text).split_whitespace().collect();
        words.extend(e.surname.map(|s| s.slice(text)));
        e.kind != SpeakerKind::Organization
            && words.len() == label.len()
            && words
                .iter()
                .zip(label.chars())
                .all(|(w, c)| initial(w) == Some(c))
    });
    crate::work::step(entities.list.len());
    match (fits.next(), fits.next()) {
        (Some((id, _)), None) => Some(id),
        _ => None,
    }
}

/// The interviewer: a person whose role in the article is an interviewer's (reporter, host,
/// moderator: `asks_role` in `data/turn_labels.txt`), else the nearest person after the words
/// of the introduction that lead to one ("moderated by", "spoke with": `asks_lead`). Only
/// the paragraphs before the first turn are read, and only their start.
fn interviewer(
    text: &str,
    paras: &[Para],
    entities: &Entities,
    first_turn: usize,
) -> Option<usize> {
    // People by where the article first names them, for the nearest one after a word.
    let mut people: Vec<(usize, usize)> = (0..entities.list.len())
        .filter(|&id| entities.list[id].kind == SpeakerKind::Person)
        .map(|id| (entities.list[id].name.start, id))
        .collect();
    people.sort_unstable();
    crate::work::step(people.len());
    let by_role = people.iter().map(|&(_, id)| id).find(|&id| {
        entities.list[id].roles.iter().any(|r| {
            r.slice(text)
                .split_whitespace()
                .any(|w| is(w.trim_end_matches(['.', ',']), "asks_role"))
        })
    });
    if by_role.is_some() {
        return by_role;
    }
    // In one pass over the introduction: a person named right after a role word of an
    // interviewer ("She spoke to our correspondent Dev Anand") wins at once; else the first
    // one a lead word leads to ("moderated by station news director Lena Fairbrook": the
    // nearest name after).
    let mut led = None;
    for p in paras[..first_turn].iter().take(MAX_INTRO_PARAGRAPHS) {
        let t = &p.tokens;
        for k in 1..t.len().min(MAX_INTRO_TOKENS) {
            let (before, start) = (t[k - 1].span.slice(text), t[k].span.start);
            let at = people.partition_point(|&(s, _)| s < start);
            let next = people.get(at).copied();
            if next.is_some_and(|(s, _)| s == start)
                && t[k - 1].is_word()
                && is(before, "asks_role")
            {
                return next.map(|(_, id)| id);
            }
            if led.is_none() && t[k].is_word() && is(before, "asks_lead") {
                led = next
                    .filter(|&(s, _)| s < start + MAX_LEAD_GAP)
                    .map(|(_, id)| id);
            }
        }
    }
    led
}

/// Whether a mention is "you" or one of its contractions (`addressee` in
/// `data/function_words.txt`).
fn is_addressee(mention: &str) -> bool {
    Lexicon::get().flags(mention).addressee()
}

/// The quotes of the turns of an article, appended to `found`; quotes already found inside a
/// turn become speech nested in it. Nothing when the article is no exchange.
pub(super) fn turn_quotes(text: &str, paras: &[Para], entities: &Entities, found: &mut Vec<Found>) {
    let turns = turns(text, paras);
    let Some(first) = turns.first() else {
        return;
    };
    let people = by_last_name(text, entities);
    // In text order, so that the quotes inside a turn are a run found by binary search.
    found.sort_by_key(|q| q.span.start);
    // The turns' own quotes, added after the loop so that `found` stays sorted while it runs.
    let mut added: Vec<Found> = Vec::new();
    // Nobody who answers under a label of their own ("MAYOR DUBROVSKA:") is the interviewer.
    let by_label: Vec<Option<usize>> = turns
        .iter()
        .map(|t| {
            (t.role == Role::Named)
                .then(|| named(text, entities, &people, t.label.slice(text)))
                .flatten()
        })
        .collect();
    let asks =
        interviewer(text, paras, entities, first.para).filter(|id| !by_label.contains(&Some(*id)));
    // "THE COURT:": the one person the article calls judge.
    let judge = turns
        .iter()
        .any(|t| t.role == Role::Named && is(t.label.slice(text), "judge"))
        .then(|| entities.lookup_role("judge"))
        .flatten()
        .filter(|&id| entities.list[id].kind == SpeakerKind::Person);
    // "DIRECT EXAMINATION BY MS. ABERNATHY:": who asks the questions after each heading.
    let examiners: Vec<(usize, usize)> = paras
        .iter()
        .enumerate()
        .take(MAX_HEADINGS_READ)
        .filter_map(|(pi, p)| {
            let name = examination_heading(p.span.slice(text))?;
            Some((pi, named(text, entities, &people, name)?))
        })
        .collect();
    let examiner_at = |para: usize| {
        let at = examiners.partition_point(|&(pi, _)| pi < para);
        at.checked_sub(1).map(|k| examiners[k].1)
    };
    // Whoever answers "A:" is the first person named who neither asks nor speaks under a
    // label of their own (a judge, "MR. VOSS:").
    let answers = (0..entities.list.len())
        .filter(|&id| {
            entities.list[id].kind == SpeakerKind::Person
                && Some(id) != asks
                && Some(id) != judge
                && !examiners.iter().any(|&(_, e)| e == id)
                && !by_label.contains(&Some(id))
        })
        .min_by_key(|&id| entities.list[id].name.start);
    let who = |id: usize, label: Span| {
        let e = &entities.list[id];
        Who {
            name: Some(e.name),
            role: e.best_role(text),
            kind: SpeakerKind::Person,
            entity: Some(id),
            by: ResolvedBy::Label,
            mention: label,
            tag: e.tag,
            surname: e.surname,
        }
    };
    // A label that names nobody in the article but stands just before the interviewer's name
    // in the introduction ("HCPR:" after "spoke with HCPR's Gemma Lowry", "Post:" after "the
    // Post's transport reporter, Alan Pryce"): the interviewer's.
    let interviewer_label = |label: &str| {
        let id = asks?;
        let at = entities.list[id].name.start;
        let before = &text[text.floor_char_boundary(at.saturating_sub(MAX_LEAD_GAP))..at];
        let names = |w: &str| {
            let w = w.trim_end_matches([',', ':']);
            let bare = w
                .strip_suffix("’s")
                .or_else(|| w.strip_suffix("'s"))
                .unwrap_or(w);
            bare.eq_ignore_ascii_case(label) || w.eq_ignore_ascii_case(label)
        };
        // The label, then at most three words of a role ("transport reporter,").
        let near = before.split_whitespace().rev().take(4).any(names);
        (label.len() > 1 && near).then_some(id)
    };
    let speaker_of = |i: usize, turn: &Turn| -> Option<Who> {
        let label = turn.label.slice(text);
        match turn.role {
            // No interviewer named: a label that is a role ("MODERATOR:", `asks_role` in
            // `data/turn_labels.txt`) is an unnamed source of that role.
            Role::Asks => match examiner_at(turn.para).or(asks) {
                Some(id) => Some(who(id, turn.label)),
                None => is(label, "asks_role").then_some(Who {
                    name: None,
                    role: Some(turn.label),
                    kind: SpeakerKind::Anonymous,
                    entity: None,
                    by: ResolvedBy::Label,
                    mention: turn.label,
                    tag: None,
                    surname: None,
                }),
            },
            Role::Answers => answers.map(|id| who(id, turn.label)),
            Role::Named => Some(
                match by_label[i]
                    .or_else(|| judge.filter(|_| is(label, "judge")))
                    .or_else(|| interviewer_label(label))
                {
                    Some(id) => who(id, turn.label),
                    None => Who {
                        name: Some(turn.label),
                        role: None,
                        kind: SpeakerKind::Person,
                        entity: None,
                        by: ResolvedBy::Label,
                        mention: turn.label,
                        tag: None,
                        surname: None,
                    },
                },
            ),
        }
    };
    let speakers: Vec<Option<Who>> = turns
        .iter()
        .enumerate()
        .map(|(i, t)| speaker_of(i, t))
        .collect();
    let asking = |i: usize| {
        turns[i].role == Role::Asks
            || (asks.is_some() && speakers[i].and_then(|w| w.entity) == asks)
    };
    // Whom a turn speaks to: an answer, whoever asked before it; any other turn, the next
    // speaker who is someone else (else the one before).
    let same = |a: &Option<Who>, b: &Option<Who>| match (a, b) {
        (Some(x), Some(y)) => match (x.entity, y.entity) {
            (Some(p), Some(q)) => p == q,
            _ => x.name.map(|n| n.slice(text)) == y.name.map(|n| n.slice(text)),
        },
        _ => false,
    };
    let addressee = |i: usize| -> Option<Who> {
        let other = |j: &usize| speakers[*j].is_some() && !same(&speakers[*j], &speakers[i]);
        if turns[i].role == Role::Answers || (!asking(i) && (0..i).any(asking)) {
            if let Some(j) = (0..i).rev().find(|&j| asking(j) && other(&j)) {
                return speakers[j];
            }
        }
        (i + 1..turns.len())
            .find(other)
            .or_else(|| (0..i).rev().find(other))
            .and_then(|j| speakers[j])
    };
    for (i, turn) in turns.iter().enumerate() {
        // Unlabelled paragraphs up to the next turn continue this one; after the last
        // turn, nothing does.
        let last_para = turns.get(i + 1).map_or(turn.para, |next| next.para - 1);
        let mut parts = vec![without_directions(text, turn.body)];
        for p in &paras[turn.para + 1..=last_para] {
            parts.push(without_directions(text, p.span));
        }
        parts.retain(|s| !s.is_empty());
        let (Some(start), Some(end)) = (parts.first(), parts.last()) else {
            continue;
        };
        let span = Span::new(start.start, end.end);
        let speaker = speakers[i];
        // The quotes already found in the turn. One in quote marks around the whole turn is
        // the turn's, and speaks for it; the others are nested in it.
        let run = starting_in(found, span, MARKS);
        let inside = &mut found[run];
        crate::work::step(inside.len() + parts.len());
        let whole = |q: &Found| {
            q.within.is_none()
                && q.span.start <= span.start + MARKS
                && q.span.end + MARKS >= span.end
        };
        if let Some(q) = inside.iter_mut().find(|q| whole(q)) {
            if speaker.is_some() {
                q.who = speaker;
            }
            continue;
        }
        nest_in(inside, span);
        // "You've said Northline was 'criminally slow'": in an exchange, "you" is the other
        // side of it.
        for q in inside.iter_mut() {
            let to_you = q
                .who
                .is_some_and(|w| w.name.is_none() && is_addressee(w.mention.slice(text)));
            if to_you && span.contains(q.span) {
                if let Some(w) = addressee(i) {
                    q.who = Some(Who {
                        mention: q.who.map_or(w.mention, |old| old.mention),
                        by: ResolvedBy::Pronoun,
                        ..w
                    });
                }
            }
        }
        let paragraphs = parts.len();
        added.push(Found {
            kind: QuoteKind::Direct,
            span,
            parts: if paragraphs > 1 { parts } else { Vec::new() },
            who: speaker,
            cue: None,
            within: None,
        });
    }
    found.extend(added);
}

#[cfg(test)]
mod tests {
    use crate::{Article, Extractor, ResolvedBy};

    /// Each quote's speaker name, how it was resolved, and its first words.
    fn turns_of(text: &str) -> Vec<(Option<String>, Option<ResolvedBy>, String)> {
        Extractor::new()
            .extract(&Article::new("t", text))
            .quotes
            .into_iter()
            .map(|q| {
                let first: String = q
                    .text
                    .split_whitespace()
                    .take(2)
                    .collect::<Vec<_>>()
                    .join(" ");
                (q.speaker.and_then(|s| s.name), q.resolved_by, first)
            })
            .collect()
    }

    /// The speakers' names of the quotes of `text`, "" for a quote with none.
    fn names_of(text: &str) -> Vec<String> {
        turns_of(text)
            .into_iter()
            .map(|(n, _, _)| n.unwrap_or_default())
            .collect()
    }

    #[test]
    fn questions_and_answers_go_to_interviewer_and_interviewee() {
        let text = "Mara Lind has kept the lighthouse for thirty years. Our reporter Tom Baird \
                    spoke with her.\n\nQ: Why stay?\n\nA: The sea keeps me.\n\nIt is loud.\n\n\
                    Q: And now?\n\nA: Now I rest.";
        let got = turns_of(text);
        let who: Vec<(&str, &str)> = got
            .iter()
            .map(|(n, _, w)| (n.as_deref().unwrap_or("-"), w.as_str()))
            .collect();
        assert_eq!(
            who,
            [
                ("Tom Baird", "Why stay?"),
                // An unlabelled paragraph continues the answer before it.
                ("Mara Lind", "The sea"),
                ("Tom Baird", "And now?"),
                ("Mara Lind", "Now I"),
            ]
        );
        assert!(got.iter().all(|(_, by, _)| *by == Some(ResolvedBy::Label)));
    }

    #[test]
    fn the_outlets_label_is_the_interviewer_and_you_is_the_other_side() {
        // A headline names the interviewee by surname alone before the lede names him in
        // full; the outlet's label asks; "you" in a question is whoever answers.
        let text = "‘I meant it’: Commissioner Ruiz on the dam\n\nCounty Commissioner Pablo Ruiz \
                    spoke with KVRT's Nadia Osei on Friday.\n\nKVRT: You've called the dam \
                    “a slow disaster.” Why?\n\nRuiz: Because it leaks.\n\nKVRT: Will it \
                    hold?\n\nRuiz: Not for long.";
        let got = turns_of(text);
        let who: Vec<(&str, &str)> = got
            .iter()
            .map(|(n, _, w)| (n.as_deref().unwrap_or("-"), w.as_str()))
            .collect();
        assert!(who.contains(&("Nadia Osei", "You've called")), "{who:?}");
        assert!(who.contains(&("Pablo Ruiz", "a slow")), "{who:?}");
        assert!(who.contains(&("Pablo Ruiz", "Because it")), "{who:?}");
        let slow = got.iter().find(|(_, _, w)| w == "a slow").unwrap();
        assert_eq!(slow.1, Some(ResolvedBy::Pronoun));
        // The outlet's name a few words before the interviewer's: "the Post's transport
        // reporter, Alan Pryce".
        let text = "Siobhan Garvey sat down with the Post's transport reporter, Alan Pryce, \
                    on Mill Street.\n\nPost: How are your members holding up?\n\nGarvey: \
                    Tired and determined.\n\nPost: Who is winning?\n\nGarvey: We are, \
                    slowly.";
        let got = turns_of(text);
        let first = got.first().map(|(n, _, _)| n.as_deref());
        assert_eq!(first, Some(Some("Alan Pryce")), "{got:?}");
    }

    #[test]
    fn you_outside_an_exchange_names_no_one() {
        let got = turns_of("Mayor Ana Reyes spoke on Monday. “You said you would rebuild,” a resident told her. You said “never again” too.");
        for (name, _, _) in &got {
            assert_ne!(name.as_deref(), Some("You"), "{got:?}");
        }
    }

    #[test]
    fn letters_with_a_period_and_an_interviewer_after_a_role_word() {
        let text = "Mara Lind has kept the lighthouse for thirty years. She spoke to our \
                    correspondent Tom Baird.\n\nQ. Why stay?\n\nA. The sea keeps me.\n\n\
                    Q. And now?\n\nA. Now I rest.";
        let names = names_of(text);
        assert_eq!(names, ["Tom Baird", "Mara Lind", "Tom Baird", "Mara Lind"]);
    }

    #[test]
    fn a_briefing_with_its_speakers_has_no_interviewer() {
        // "with the mayor" names who answers; the moderator is nobody named.
        let text = "A transcript of the briefing with Mayor Lena Dubrovska and Chief Sam \
                    Amadi.\n\nMODERATOR: The mayor will speak.\n\nMAYOR DUBROVSKA: The river \
                    is high.\n\nCHIEF AMADI: Stay off the roads.\n\nMODERATOR: Thank you.";
        let e = Extractor::new().extract(&Article::new("t", text));
        let who: Vec<(Option<&str>, Option<&str>)> = e
            .quotes
            .iter()
            .map(|q| {
                let s = q.speaker.as_ref();
                (
                    s.and_then(|s| s.name.as_deref()),
                    s.and_then(|s| s.role.as_deref()),
                )
            })
            .collect();
        assert_eq!(who[0], (None, Some("MODERATOR")));
        assert_eq!(who[1].0, Some("Lena Dubrovska"));
        assert_eq!(who[2].0, Some("Sam Amadi"));
    }

    #[test]
    fn the_court_is_the_judge() {
        let text = "The sentencing of Colm Feeney, Judge Beatrix Moll presiding.\n\nTHE COURT: Be \
                    seated.\n\nMR. FEENEY: I am sorry.\n\nTHE COURT: Four years.";
        let names = names_of(text);
        assert_eq!(names, ["Beatrix Moll", "Colm Feeney", "Beatrix Moll"]);
        // The witness answers; the judge, named first, and counsel with a label of their own
        // do not.
        let text = "In Cinder County Court, where Judge Harriet Coyle presides, Gregory Voss \
                    represents the developer. The witness is Lorne Pettibone.\n\nQ. Who wrote \
                    it?\n\nA. A consultant.\n\nMR. VOSS: Objection.\n\nTHE COURT: \
                    Overruled.\n\nTHE WITNESS: The developer paid.\n\nQ. When?";
        let names = names_of(text);
        assert_eq!(
            names,
            [
                "",
                "Lorne Pettibone",
                "Gregory Voss",
                "Harriet Coyle",
                "Lorne Pettibone",
                ""
            ]
        );
    }

    #[test]
    fn an_examination_heading_names_who_asks() {
        let text = "Attorney Simone Abernathy questioned the witness, Lorne Pettibone.\n\n\
                    DIRECT EXAMINATION BY MS. ABERNATHY:\n\nQ. Who wrote it?\n\nA. A \
                    consultant.\n\nQ. Paid by whom?\n\nA. The developer.";
        let names = names_of(text);
        assert_eq!(
            names,
            [
                "Simone Abernathy",
                "Lorne Pettibone",
                "Simone Abernathy",
                "Lorne Pettibone"
            ]
        );
        assert_eq!(
            super::examination_heading("CROSS-EXAMINATION BY MR. VOSS:"),
            Some("MR. VOSS")
        );
        assert_eq!(super::examination_heading("Questions by the panel:"), None);
    }

    #[test]
    fn name_labels_in_capitals_find_the_person() {
        let text = "A debate between Walter Brisco and Nadia Okonkwo.\n\nMR. BRISCO: We cut the \
                    queue.\n\nMS. OKONKWO: You did not. (APPLAUSE)\n\nMR. BRISCO: We did.";
        let got = turns_of(text);
        let names: Vec<&str> = got.iter().filter_map(|(n, _, _)| n.as_deref()).collect();
        assert_eq!(names, ["Walter Brisco", "Nadia Okonkwo", "Walter Brisco"]);
        // Stage directions are not speech.
        let e = Extractor::new().extract(&Article::new("t", text));
        assert!(e.quotes.iter().all(|q| !q.text.contains("APPLAUSE")));
    }

    #[test]
    fn initials_as_labels_find_the_person() {
        let text = "Harriet Osei spoke to Zoë Mercier about the turbines.\n\nHO: Why now?\n\n\
                    ZM: Because the wind is here.\n\nHO: And the farmers?\n\nZM: They agree.";
        let got = turns_of(text);
        let names: Vec<&str> = got.iter().filter_map(|(n, _, _)| n.as_deref()).collect();
        assert_eq!(
            names,
            ["Harriet Osei", "Zoë Mercier", "Harriet Osei", "Zoë Mercier"]
        );
    }

    #[test]
    fn labels_that_are_no_exchange_are_no_turns() {
        let text = "The council met.\n\nRelated: Council votes on budget\n\nPhoto: The hall.\n\n\
                    Update: The vote was delayed.";
        assert!(turns_of(text).is_empty());
    }
}

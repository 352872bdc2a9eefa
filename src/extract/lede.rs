//! Delayed identification: a story that opens on a description ("A senior midwife at Wexcombe
//! General Hospital has urged …") and names the person in the paragraphs after it ("Bethan
//! Lloyd, a consultant midwife, said …"). The quotes the opening paragraph gives to the
//! description are that person's.

use crate::quote::{ResolvedBy, SpeakerKind};
use crate::resolve::{has_word, Entities, Who};

use super::found::Found;
use super::units::Para;

/// How many paragraphs after the opening one may name the person described.
const NAMED_WITHIN: usize = 2;

/// Gives the quotes of the opening paragraph whose speaker is only a description to the one
/// person named in the next [`NAMED_WITHIN`] paragraphs whose role ends in the description's
/// noun ("midwife", "officer"), or else, when the opening paragraph names no person, to the
/// one person named there at all if the article gives them no role; nothing when none or
/// several fit. The description is indefinite ("A senior midwife"), an owner's ("the
/// hospital's top officer") or a title ("The chief executive of Halden Pharmaceuticals").
pub(super) fn identify_lede(text: &str, paras: &[Para], entities: &Entities, found: &mut [Found]) {
    let (Some(first), Some(after)) = (paras.first(), paras.get(NAMED_WITHIN).or(paras.last()))
    else {
        return;
    };
    let (lede, until) = (first.span, after.span.end);
    // The people quoted in the paragraph after the opening one, by entity.
    let next_end = paras.get(1).map_or(lede.end, |p| p.span.end);
    let mut quoted_next: Vec<usize> = found
        .iter()
        .filter(|q| q.span.start >= lede.end && q.span.start < next_end)
        .filter_map(|q| q.who.and_then(|w| w.entity))
        .filter(|&id| entities.list[id].kind == SpeakerKind::Person)
        .collect();
    quoted_next.sort_unstable();
    quoted_next.dedup();
    for q in found.iter_mut() {
        let Some(w) = q.who else { continue };
        if let Some(body) = named_body_after(text, &w, lede, until, entities) {
            q.who = Some(body);
            continue;
        }
        // One person described: "A senior midwife …", "the hospital's top officer"; not a
        // group ("engineers warned").
        // "The chief executive of Halden Pharmaceuticals told senators …": one person by a
        // title, though the article has not named them yet.
        let titled = |m: &str| {
            m.starts_with("The ")
                && w.role.is_some_and(|r| {
                    let lexicon = crate::lexicon::Lexicon::get();
                    lexicon.flags(&head_noun(r.slice(text))).title()
                })
        };
        let one = {
            let m = w.mention.slice(text);
            m.starts_with("A ")
                || m.starts_with("An ")
                || m.contains("'s ")
                || m.contains("’s ")
                || titled(m)
        };
        let described = w.entity.is_none()
            && w.name.is_none()
            && matches!(w.kind, SpeakerKind::Anonymous | SpeakerKind::Person)
            && lede.contains(w.mention)
            && one;
        let Some(role) = w.role.filter(|_| described) else {
            continue;
        };
        let noun = head_noun(role.slice(text));
        let mut fits = entities.list.iter().enumerate().filter(|(_, e)| {
            e.kind == SpeakerKind::Person
                && e.name.start >= lede.end
                && e.name.start < until
                && e.roles.iter().any(|r| head_noun(r.slice(text)) == noun)
        });
        crate::work::step(entities.list.len());
        // Else, when nobody was named before the description, the one person named in the
        // next paragraph at all (or else the one quoted there), when the article gives them
        // no other office (“…,” Victor Lammers said): wire copy names the person it
        // described.
        let named_there = || {
            // People by a full name: a word the lists do not know ("the daily Fjordavisen")
            // may be taken for one. Else the one person quoted there.
            let mut people = entities.list.iter().enumerate().filter(|(_, e)| {
                e.kind == SpeakerKind::Person
                    && e.name.start >= lede.end
                    && e.name.start < next_end
                    && e.name.slice(text).contains(' ')
            });
            let only = |mut it: std::slice::Iter<'_, usize>| match (it.next(), it.next()) {
                (Some(&id), None) => Some((id, &entities.list[id])),
                _ => None,
            };
            // No title of another office ("Senator"); words a role was misread from may stay.
            let lexicon = crate::lexicon::Lexicon::get();
            let free = |e: &crate::resolve::Entity| {
                e.roles.iter().all(|r| {
                    let head = head_noun(r.slice(text));
                    let f = lexicon.flags(head.trim_end_matches('.'));
                    head == noun || !f.title() || f.honorific()
                })
            };
            let one = match (people.next(), people.next()) {
                (Some(p), None) => Some(p),
                _ => only(quoted_next.iter()),
            };
            one.filter(|(_, e)| free(e))
        };
        let before_lede = entities
            .list
            .iter()
            .any(|e| e.kind == SpeakerKind::Person && e.name.start < w.mention.start);
        let found = match (fits.next(), fits.next()) {
            (Some(one), None) => Some(one),
            (None, _) if !before_lede => named_there(),
            _ => None,
        };
        if let Some((id, e)) = found {
            q.who = Some(Who {
                name: Some(e.name),
                role: Some(role),
                kind: SpeakerKind::Person,
                entity: Some(id),
                by: ResolvedBy::Role,
                mention: w.mention,
                tag: e.tag,
                surname: e.surname,
            });
        }
    }
}

/// "… will close, the company said Monday. ¶ Pruitt Furniture Co. said …": a body described
/// in the opening paragraph before any is named is the first body named after it, up to
/// `until`, whose name has the description's noun ("the council": "Westmoor District
/// Council") or is of its kind ("the company": `data/body_types.txt`).
fn named_body_after(
    text: &str,
    w: &Who,
    lede: crate::Span,
    until: usize,
    entities: &Entities,
) -> Option<Who> {
    let described = w.entity.is_none()
        && w.name.is_none()
        && w.kind == SpeakerKind::Organization
        && lede.contains(w.mention);
    let noun = w.role.filter(|_| described)?.slice(text);
    let head = noun.rsplit(' ').next().unwrap_or(noun);
    let lexicon = crate::lexicon::Lexicon::get();
    let kind = lexicon.body_type(head);
    crate::work::step(entities.list.len());
    let (id, e) = entities
        .list
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            let name = e.name.slice(text);
            e.kind == SpeakerKind::Organization
                && e.name.start > w.mention.end
                && e.name.start < until
                && (has_word(name, head)
                    || kind.is_some_and(|k| lexicon.body_type(name) == Some(k)))
        })
        .min_by_key(|(_, e)| e.name.start)?;
    Some(Who {
        name: Some(e.name),
        role: None,
        kind: SpeakerKind::Organization,
        entity: Some(id),
        by: ResolvedBy::Anaphor,
        mention: w.mention,
        tag: None,
        surname: None,
    })
}

/// The last word of a role before any phrase after it ("senior midwife at Wexcombe General
/// Hospital" → "midwife"), lower case, singular.
fn head_noun(role: &str) -> String {
    let lexicon = crate::lexicon::Lexicon::get();
    let head = role
        .split_whitespace()
        .take_while(|w| !lexicon.flags(w).preposition())
        .last()
        .unwrap_or(role);
    let head = head.trim_end_matches([',', '.']).to_lowercase();
    head.strip_suffix('s').map_or(head.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use crate::{Article, Extractor};

    fn speakers(text: &str) -> Vec<Option<String>> {
        Extractor::new()
            .extract(&Article::new("t", text))
            .quotes
            .into_iter()
            .map(|q| q.speaker.and_then(|s| s.name))
            .collect()
    }

    #[test]
    fn a_described_person_in_the_lede_is_the_one_named_next() {
        let text = "A veteran nurse has warned that the ward could close by spring.\n\n\
                    Ada Finch, a nurse for thirty years, said the roof was failing.";
        assert_eq!(
            speakers(text),
            [Some("Ada Finch".to_string()), Some("Ada Finch".to_string())]
        );
    }

    #[test]
    fn a_title_in_the_lede_is_the_person_wire_copy_names_next() {
        let text = "The chief executive of Halden Pharmaceuticals told senators on Wednesday \
                    that he understood the anger.\n\n“I have read the letters,” Victor Lammers \
                    said.\n\nSenator Joan Whitcombe opened the hearing.";
        let got = speakers(text);
        assert_eq!(got[0].as_deref(), Some("Victor Lammers"), "{got:?}");
        // The one person quoted in the next paragraph, when a place is taken for a name there.
        let text = "Port Ellery's health commissioner said on Monday that 12 people had been \
                    diagnosed with the disease.\n\n“We have confirmed 12 cases,” Dr. Amara \
                    Whitfield told reporters at City Hall.";
        assert_eq!(speakers(text)[0].as_deref(), Some("Amara Whitfield"));
        // Somebody named before the description may be the one it stands for: nothing.
        let text = "Mayor Ana Reyes met the chief. A senior official said the port was shut.\n\n\
                    “We are ready,” Tom Lee said.";
        assert_ne!(speakers(text)[0].as_deref(), Some("Tom Lee"));
        // A person named next with another office is not the one described.
        let text = "The chief executive of Halden Pharmaceuticals told senators that he \
                    understood why patients were angry.\n\n“Prices will fall,” Senator Joan \
                    Whitcombe said.";
        let got = speakers(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0], None, "{got:?}");
    }

    #[test]
    fn a_described_body_in_the_lede_is_the_one_named_next() {
        let text = "The mill will close in May, the company said Monday.\n\n\
                    Harlow Paper Co. said 200 workers would lose their jobs.";
        assert_eq!(
            speakers(text),
            [
                Some("Harlow Paper Co.".to_string()),
                Some("Harlow Paper Co.".to_string())
            ]
        );
        // A body of another kind is not the company.
        let text = "The mill will close in May, the company said Monday.\n\n\
                    The Harlow Workers Union said 200 workers would lose their jobs.";
        assert_eq!(speakers(text)[0], None);
    }

    #[test]
    fn a_group_in_the_lede_stays_a_group() {
        let text = "The canal could close by spring, engineers warned on Monday.\n\n\
                    Ada Finch, an engineer, said the gates were failing.";
        assert_eq!(speakers(text), [None, Some("Ada Finch".to_string())]);
    }
}

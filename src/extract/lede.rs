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
/// noun ("midwife", "officer"); nothing when none or several fit.
pub(super) fn identify_lede(text: &str, paras: &[Para], entities: &Entities, found: &mut [Found]) {
    let (Some(first), Some(after)) = (paras.first(), paras.get(NAMED_WITHIN).or(paras.last()))
    else {
        return;
    };
    let (lede, until) = (first.span, after.span.end);
    for q in found.iter_mut() {
        let Some(w) = q.who else { continue };
        if let Some(body) = named_body_after(text, &w, lede, until, entities) {
            q.who = Some(body);
            continue;
        }
        // One person described: "A senior midwife …", "the hospital's top officer"; not a
        // group ("engineers warned").
        let one = {
            let m = w.mention.slice(text);
            m.starts_with("A ") || m.starts_with("An ") || m.contains("'s ") || m.contains("’s ")
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
        if let (Some((id, e)), None) = (fits.next(), fits.next()) {
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

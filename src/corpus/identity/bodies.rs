//! Step 1 for bodies: names that differ only by an abbreviated last word ("Pruitt Furniture
//! Co.", "Pruitt Furniture Company"; `data/body_abbreviations.txt`) are one body.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::lexicon::lists;
use crate::SpeakerKind;

use super::{is_full, Known};

/// A body's id with its last word in full: "pruitt-furniture-co" → "pruitt-furniture-company".
pub(super) fn body_key(id: &str) -> Cow<'_, str> {
    static FULL: OnceLock<BTreeMap<&str, &str>> = OnceLock::new();
    let full = FULL.get_or_init(|| {
        lists::pairs(include_str!("../../../data/body_abbreviations.txt")).collect()
    });
    match id.rsplit_once('-') {
        Some((rest, last)) => match full.get(last) {
            Some(word) => Cow::Owned(format!("{rest}-{word}")),
            None => Cow::Borrowed(id),
        },
        None => Cow::Borrowed(id),
    }
}

/// Id → the id it merges into, for bodies whose names differ only by an abbreviated last word:
/// into the spelled-out form where the corpus has it, else the most quoted (ties: the first).
pub(super) fn body_variants(known: &Known) -> BTreeMap<String, String> {
    let mut by_key: BTreeMap<Cow<str>, Vec<&str>> = BTreeMap::new();
    for (&id, seen) in &known.ids {
        if is_full(id) && seen.named && seen.kind == Some(SpeakerKind::Organization) {
            by_key.entry(body_key(id)).or_default().push(id);
        }
    }
    let mut out = BTreeMap::new();
    for (key, ids) in by_key.iter().filter(|(_, ids)| ids.len() > 1) {
        let target = ids
            .iter()
            .copied()
            .find(|&id| id == key.as_ref())
            .or_else(|| {
                ids.iter().copied().max_by(|a, b| {
                    let q = |id: &str| known.ids[id].quotes;
                    q(a).cmp(&q(b)).then_with(|| b.cmp(a))
                })
            })
            .expect("a variant");
        for &id in ids.iter().filter(|&&id| id != target) {
            out.insert(id.to_string(), target.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::identity::Seen;

    #[test]
    fn an_abbreviated_last_word_is_the_same_body() {
        assert_eq!(body_key("pruitt-furniture-co"), "pruitt-furniture-company");
        assert_eq!(body_key("co"), "co");
        let body = |quotes| Seen {
            kind: Some(SpeakerKind::Organization),
            named: true,
            quotes,
            ..Seen::default()
        };
        let known = Known {
            ids: [
                ("pruitt-furniture-co", body(3)),
                ("pruitt-furniture-company", body(1)),
                ("harlow-paper-corp", body(1)),
            ]
            .into_iter()
            .collect(),
        };
        let merged = body_variants(&known);
        assert_eq!(
            merged.get("pruitt-furniture-co").map(String::as_str),
            Some("pruitt-furniture-company")
        );
        assert_eq!(merged.len(), 1);
    }
}

//! Corpus identity: which per-article speaker ids are one person or body.
//!
//! Inside an article the extractor has already tied each surname and pronoun to the full name
//! it stands for, where the article allows (`resolve/`: a surname two people share goes by
//! the gender an honorific or a pronoun gives). Across the corpus, two steps, each
//! deterministic:
//!
//! 1. **Name variants** across the corpus: a person's ids that differ only by middle initials
//!    ("rosa-m-vidal", "rosa-vidal") are one person, under the id without them when the
//!    corpus has it, else the most quoted variant.
//! 2. **Bare names** across the corpus: a one-word name merges into the one multi-word name of
//!    the corpus that carries it (people: "kirby" → "john-kirby"; bodies: "veltro" →
//!    "veltro-motors"), unless their roles are known on both sides and share no word. Where
//!    several people carry it (two Ortizes), it stays apart: the evidence is split.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::SpeakerKind;

/// The speaker ids of one corpus and what they are known as.
pub(super) struct Known<'a> {
    /// Per id: its kind, whether a name was given, its role words, and its quotes.
    pub ids: BTreeMap<&'a str, Seen>,
}

/// What the corpus says of one id.
#[derive(Default)]
pub(super) struct Seen {
    pub kind: Option<SpeakerKind>,
    pub named: bool,
    pub role_words: BTreeSet<String>,
    pub quotes: usize,
}

/// Whether an id is a person's or body's name of several words (not an unnamed source).
fn is_full(id: &str) -> bool {
    id.contains('-') && !id.contains('/')
}

/// Whether an id is a one-word name.
fn is_bare(id: &str) -> bool {
    !id.contains('-') && !id.contains('/')
}

/// The id without middle initials: "rosa-m-vidal" → "rosa-vidal". First and last words stay,
/// so "j-lindqvist" (an initial and a surname) is kept as it is.
pub(crate) fn name_key(id: &str) -> Cow<'_, str> {
    let words: Vec<&str> = id.split('-').collect();
    if words.len() < 3
        || !words[1..words.len() - 1]
            .iter()
            .any(|w| w.chars().count() == 1)
    {
        return Cow::Borrowed(id);
    }
    let last = words.len() - 1;
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i == last || w.chars().count() > 1)
        .map(|(_, w)| *w)
        .collect();
    Cow::Owned(kept.join("-"))
}

/// Both steps: id → the corpus id it merges into.
pub(super) fn merge_targets(known: &Known) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    // 1. Variants of one full name.
    let mut variants: BTreeMap<Cow<str>, Vec<&str>> = BTreeMap::new();
    for (&id, seen) in &known.ids {
        if is_full(id) && seen.named && seen.kind != Some(SpeakerKind::Organization) {
            variants.entry(name_key(id)).or_default().push(id);
        }
    }
    for (key, ids) in &variants {
        if ids.len() < 2 {
            continue;
        }
        let target = ids
            .iter()
            .copied()
            .find(|&id| id == key.as_ref())
            .unwrap_or_else(|| {
                *ids.iter()
                    .max_by(|a, b| {
                        let q = |id: &str| known.ids[id].quotes;
                        q(a).cmp(&q(b)).then_with(|| b.cmp(a))
                    })
                    .expect("a variant")
            });
        for &id in ids {
            if id != target {
                out.insert(id.to_string(), target.to_string());
            }
        }
    }
    // 2. Bare names: indexed by the last word of people's ids and the first of bodies', among
    // the ids that step 1 kept.
    let mut by_last: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut by_first: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (&id, seen) in &known.ids {
        if !is_full(id) || !seen.named || out.contains_key(id) {
            continue;
        }
        if seen.kind == Some(SpeakerKind::Organization) {
            let first = id.split('-').next().unwrap_or(id);
            by_first.entry(first).or_default().push(id);
        } else {
            let last = id.rsplit('-').next().unwrap_or(id);
            by_last.entry(last).or_default().push(id);
        }
    }
    for (&id, seen) in &known.ids {
        if !is_bare(id) || !seen.named {
            continue;
        }
        let mut candidates: Vec<&str> = by_last.get(id).into_iter().flatten().copied().collect();
        candidates.extend(by_first.get(id).into_iter().flatten().copied());
        let [target] = candidates.as_slice() else {
            continue;
        };
        let (mine, theirs) = (&seen.role_words, &known.ids[target].role_words);
        if !mine.is_empty() && !theirs.is_empty() && mine.is_disjoint(theirs) {
            continue;
        }
        out.insert(id.to_string(), target.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn middle_initials_are_not_part_of_the_key() {
        assert_eq!(name_key("rosa-m-vidal"), "rosa-vidal");
        assert_eq!(name_key("paul-d-ryan"), "paul-ryan");
        assert_eq!(name_key("j-lindqvist"), "j-lindqvist");
        assert_eq!(name_key("ana-maria-lopez"), "ana-maria-lopez");
        assert_eq!(name_key("kirby"), "kirby");
    }
}

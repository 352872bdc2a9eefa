//! File names of a folder of sheets (`saywho sheet --out DIR`).
//!
//! A speaker id can be anything an article id can be (anonymous sources are
//! `<article>/<role>`, and JSONL input takes article ids as given), so the stems are chosen
//! for the whole set at once, to hold on any common file system:
//!
//! - A lower-case ASCII id keeps the stem it always had: letters, digits and `-` as they are,
//!   every other character `_` (`b/senior-official` → `b_senior-official`).
//! - Other letters are transliterated where that is cheap (accents dropped, `Ｍ` → `m`) and
//!   kept, lower-cased, where it is not (`правда`); anything else is `_`. Stems hold only
//!   letters, digits, `-` and `_`: no dot, separator, space or control character.
//! - A stem gets `-` and eight hex digits of a hash of the id ([`xxh3`](xxhash_rust::xxh3),
//!   stable across runs and machines) when the id has any character outside ASCII, when its
//!   stem is empty, is [`Sheets::INDEX_FILE`] or a name Windows reserves (`con`, `nul`,
//!   `com1`…), when it is longer than [`MAX_STEM`] bytes (then cut on a character boundary
//!   first), or when two ids would share a stem (then both get one).
//!
//! The stems are unique within the set, none is the index's, and the same ids always give
//! the same stems.

use std::collections::{BTreeMap, BTreeSet};

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use xxhash_rust::xxh3::xxh3_64;

use super::model::Sheets;

/// The longest stem, in bytes: with a `.html` it stays far under the 255 bytes most file
/// systems allow for a name, leaving room for a temporary suffix while a file is written.
pub(crate) const MAX_STEM: usize = 100;

/// Bytes of the hash suffix: `-` and eight hex digits.
const SUFFIX: usize = 9;

/// One stem per id, in the order of `ids` (see the module docs). `ids` should be unique;
/// the same id twice gets the same stem.
pub(crate) fn file_stems<'a>(ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let ids: Vec<&str> = ids.into_iter().collect();
    let bases: Vec<String> = ids.iter().map(|id| base(id)).collect();
    let mut users: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (id, b) in ids.iter().zip(&bases) {
        users.entry(b).or_default().insert(id);
    }
    let plain = |id: &str, b: &str| id.is_ascii() && !needs_hash(b) && users[b].len() == 1;
    // Plain stems are unique among themselves (a shared one is hashed), so they are taken
    // first; the hashed ones then avoid them, in id order, which keeps the result
    // independent of the order of `ids`.
    let mut taken: BTreeSet<String> = BTreeSet::from([
        Sheets::INDEX_FILE.to_string(),
        Sheets::ANONYMOUS_FILE.to_string(),
    ]);
    let mut stems: BTreeMap<&str, String> = BTreeMap::new();
    for (id, b) in ids.iter().zip(&bases) {
        if plain(id, b) {
            taken.insert(b.clone());
            stems.insert(id, b.clone());
        }
    }
    let mut hashed: Vec<(&str, &str)> = ids
        .iter()
        .zip(&bases)
        .filter(|(id, b)| !plain(id, b))
        .map(|(id, b)| (*id, b.as_str()))
        .collect();
    hashed.sort_unstable();
    hashed.dedup();
    for (id, b) in hashed {
        let head = truncate(b, MAX_STEM - SUFFIX);
        // A second try is only for an id made to hit another's stem.
        let stem = (0u32..)
            .map(|salt| {
                let hash = if salt == 0 {
                    xxh3_64(id.as_bytes())
                } else {
                    xxh3_64(format!("{id}\0{salt}").as_bytes())
                };
                let sep = if head.is_empty() { "" } else { "-" };
                format!("{head}{sep}{:08x}", hash as u32)
            })
            .find(|s| !taken.contains(s))
            .expect("some salt is free");
        taken.insert(stem.clone());
        stems.insert(id, stem);
    }
    ids.iter().map(|id| stems[id].clone()).collect()
}

/// The stem of an id before any hash: see the module docs.
fn base(id: &str) -> String {
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            out.push(c.to_ascii_lowercase());
        } else if c.is_ascii() {
            out.push('_');
        } else {
            let ascii: String = std::iter::once(c)
                .nfkd()
                .filter(|d| !is_combining_mark(*d))
                .collect();
            if !ascii.is_empty() && ascii.chars().all(|d| d.is_ascii_alphanumeric()) {
                out.push_str(&ascii.to_ascii_lowercase());
            } else if c.is_alphanumeric() {
                out.extend(c.to_lowercase());
            } else {
                out.push('_');
            }
        }
    }
    if out.is_ascii() {
        out
    } else {
        // One form for one name: some file systems treat composed and decomposed letters as
        // the same name.
        out.nfc().collect()
    }
}

/// Whether a stem cannot stand alone: empty, too long, the index's, or reserved by Windows.
fn needs_hash(stem: &str) -> bool {
    const DEVICES: [&str; 4] = ["con", "prn", "aux", "nul"];
    let numbered = ["com", "lpt"].iter().any(|p| {
        stem.strip_prefix(p)
            .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
    });
    stem.is_empty()
        || stem.len() > MAX_STEM
        || stem == Sheets::INDEX_FILE
        || stem == Sheets::ANONYMOUS_FILE
        || DEVICES.contains(&stem)
        || numbered
}

/// `s` cut to at most `max` bytes, on a character boundary.
fn truncate(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(ids: &[&str]) -> Vec<String> {
        file_stems(ids.iter().copied())
    }

    #[test]
    fn ascii_ids_keep_their_stems() {
        assert_eq!(
            stems(&["ana-reyes", "b/Senior-Official", "01_ledger/engineer"]),
            ["ana-reyes", "b_senior-official", "01_ledger_engineer"]
        );
    }

    #[test]
    fn ids_that_would_share_a_stem_both_get_a_hash() {
        let got = stems(&["правда/official", "москва/official", "a/b", "a_b"]);
        assert_eq!(got[0].len(), got[1].len());
        assert_ne!(got[0], got[1]);
        assert!(got[0].starts_with("правда_official-"), "{got:?}");
        assert!(
            got[2].starts_with("a_b-") && got[3].starts_with("a_b-"),
            "{got:?}"
        );
        assert_ne!(got[2], got[3]);
        // Stable: the same ids, in any order, give the same stems.
        let again = stems(&["a_b", "a/b", "москва/official", "правда/official"]);
        assert_eq!(again, [&*got[3], &got[2], &got[1], &got[0]]);
    }

    #[test]
    fn accents_are_dropped_and_the_hash_stays() {
        let got = stems(&["José/Ｍayor"]);
        assert!(got[0].starts_with("jose_mayor-"), "{got:?}");
        assert_eq!(got[0].len(), "jose_mayor".len() + SUFFIX);
    }

    #[test]
    fn reserved_and_empty_stems_are_hashed() {
        for id in ["index", "Index", "con", "COM1", "", "…"] {
            let got = &stems(&[id])[0];
            assert_ne!(got, "index");
            assert!(
                got.len() >= 8 && got != "con" && got != "com1",
                "{id:?} → {got}"
            );
        }
        assert_eq!(stems(&["com10", "console"]), ["com10", "console"]);
    }

    #[test]
    fn long_ids_are_cut_on_a_character_boundary() {
        let long = "я".repeat(200);
        let got = &stems(&[&long, &"a".repeat(MAX_STEM)])[..];
        assert!(got[0].len() <= MAX_STEM, "{}", got[0].len());
        assert!(got[0].starts_with("яяя"));
        assert_eq!(got[1], "a".repeat(MAX_STEM));
        assert!(stems(&[&"a".repeat(MAX_STEM + 1)])[0].len() <= MAX_STEM);
    }

    #[test]
    fn an_id_built_to_hit_a_hashed_stem_does_not() {
        let first = stems(&["index"])[0].clone();
        let got = stems(&["index", &first]);
        assert_ne!(got[0], got[1]);
    }
}

//! Word lists compiled into the binary from `data/*.txt`, parsed once into two lookup tables.
//!
//! Each file has one entry per line; `#` starts a comment line. Keeping them as data keeps the
//! grammar small and lets a reader see (and extend) exactly what saywho knows.
//!
//! Every word of an article is looked up once, when it is tokenised: the lists it belongs to
//! become the bits of its [`Flags`], and the grammar asks the token rather than the lists.
//! Lookups compare NFKC forms, so full-width "Ｍａｙｏｒ" and ligatures match their plain
//! spelling; one table is case-folded (titles, cues, …), the other case-sensitive (names,
//! organisation words, abbreviations, …).

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use unicode_normalization::UnicodeNormalization;

mod flags;
pub(crate) mod lists;

pub(crate) use flags::Flags;

use crate::quote::Stance;
use lists::{columns, entries};

/// What the lists say of one lower-case word.
#[derive(Debug, Default)]
struct Entry {
    /// Flags whatever the case ("said", "Said").
    folded: u32,
    /// Flags of case-sensitive spellings ("Gen", "Pentagon"), compared exactly.
    exact: Vec<(Box<str>, u32)>,
}

/// All word lists, parsed.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Lower-case NFKC word (as bytes) → what the lists say of it: one hash per word.
    words: FxHashMap<Box<[u8]>, Entry>,
    /// Multi-word cues as lower-case word sequences, longest first.
    pub cue_phrases: Vec<(Vec<String>, Stance)>,
    /// Organisations of several words, as written ("White House").
    org_phrases: FxHashSet<Box<str>>,
}

/// Whether NFKC leaves `word` as it is (quick check; almost always yes for news text).
fn is_nfkc(word: &str) -> bool {
    word.is_ascii()
        || unicode_normalization::is_nfkc_quick(word.chars())
            == unicode_normalization::IsNormalized::Yes
}

/// The NFKC form of a word, borrowed when it is already normalised.
pub(crate) fn nfkc(word: &str) -> Cow<'_, str> {
    if is_nfkc(word) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.nfkc().collect())
    }
}

/// Calls `f` with the lower-case NFKC form of `word` as bytes. Words of up to 64 bytes that
/// are already normalised (nearly all: "Iran’s" included) are folded on the stack.
fn with_folded<T>(word: &str, f: impl FnOnce(&[u8]) -> T) -> T {
    const CAP: usize = 64;
    let mut buf = [0u8; CAP];
    if word.len() <= CAP {
        // One pass: copy, lower-case, and stop at the first non-ASCII byte.
        let mut ascii = true;
        for (slot, &b) in buf.iter_mut().zip(word.as_bytes()) {
            ascii &= b.is_ascii();
            *slot = b.to_ascii_lowercase();
        }
        if ascii {
            return f(&buf[..word.len()]);
        }
    }
    if word.len() <= CAP && is_nfkc(word) {
        let mut n = 0;
        let mut fits = true;
        'chars: for c in word.chars() {
            for l in c.to_lowercase() {
                let len = l.len_utf8();
                if n + len > CAP {
                    fits = false;
                    break 'chars;
                }
                l.encode_utf8(&mut buf[n..n + len]);
                n += len;
            }
        }
        if fits {
            return f(&buf[..n]);
        }
    }
    f(nfkc(word).to_lowercase().as_bytes())
}

impl Lexicon {
    fn load() -> Self {
        let mut folded: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut exact: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut org_phrases = FxHashSet::default();
        let add = |map: &mut FxHashMap<Box<str>, u32>, key: String, bit: u32| {
            *map.entry(key.into_boxed_str()).or_default() |= bit;
        };
        let mut cue_phrases = Vec::new();
        for line in entries(include_str!("../../data/cues.txt")) {
            let mut columns = columns(line);
            let words = columns.next().unwrap_or(line);
            let stance = columns.next().unwrap_or("neutral");
            let needs_that = columns.next() == Some("that");
            let stance = Stance::from_name(stance).unwrap_or(Stance::Neutral);
            let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
            if let [word] = words.as_slice() {
                let that = if needs_that { Flags::CUE_NEEDS_THAT } else { 0 };
                add(&mut folded, word.clone(), Flags::stance_bit(stance) | that);
            } else {
                add(&mut folded, words[0].clone(), Flags::CUE_PHRASE_START);
                cue_phrases.push((words, stance));
            }
        }
        cue_phrases.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        let lists_folded = [
            (include_str!("../../data/titles.txt"), Flags::TITLE),
            (include_str!("../../data/anonymous.txt"), Flags::ANONYMOUS),
            (include_str!("../../data/modifiers.txt"), Flags::MODIFIER),
            (
                include_str!("../../data/statement_nouns.txt"),
                Flags::STATEMENT,
            ),
            (include_str!("../../data/auxiliaries.txt"), Flags::AUXILIARY),
            (include_str!("../../data/naming_words.txt"), Flags::NAMING),
            (
                include_str!("../../data/organization_words.txt"),
                Flags::ORG_NOUN,
            ),
            (include_str!("../../data/verb_markers.txt"), Flags::VERB),
            (
                include_str!("../../data/adverbial_openers.txt"),
                Flags::ADVERBIAL,
            ),
        ];
        for line in entries(include_str!("../../data/function_words.txt")) {
            let mut columns = columns(line);
            let word = columns.next().unwrap_or(line);
            let bit = match columns.next().unwrap_or("") {
                "definite" => Flags::DEFINITE,
                "indefinite" => Flags::INDEFINITE,
                "connector" => Flags::CONNECTOR,
                "personal" => Flags::PERSONAL,
                "neuter" => Flags::NEUTER,
                "plural" => Flags::PLURAL,
                "conjunction" => Flags::CONJUNCTION,
                other => panic!("data/function_words.txt: unknown class {other:?}"),
            };
            add(&mut folded, word.to_lowercase(), bit);
        }
        for (src, bit) in lists_folded {
            for e in entries(src) {
                add(
                    &mut folded,
                    e.nfkc().collect::<String>().to_lowercase(),
                    bit,
                );
            }
        }
        let lists_exact = [
            (include_str!("../../data/not_names.txt"), Flags::NOT_NAME),
            (include_str!("../../data/given_names.txt"), Flags::GIVEN),
            (
                include_str!("../../data/organization_words.txt"),
                Flags::ORG_WORD,
            ),
            (
                include_str!("../../data/abbreviations.txt"),
                Flags::ABBREVIATION,
            ),
            (
                include_str!("../../data/sentence_starters.txt"),
                Flags::STARTER,
            ),
        ];
        for (src, bit) in lists_exact {
            for e in entries(src) {
                add(&mut exact, e.nfkc().collect(), bit);
            }
        }
        for e in entries(include_str!("../../data/organizations.txt")) {
            let e: String = e.nfkc().collect();
            if let Some((_, last)) = e.rsplit_once(' ') {
                add(&mut exact, last.to_string(), Flags::ORG_PHRASE_END);
                org_phrases.insert(e.into_boxed_str());
            } else {
                add(&mut exact, e, Flags::ORG);
            }
        }
        let mut words: FxHashMap<Box<[u8]>, Entry> = FxHashMap::default();
        for (key, bits) in folded {
            words.entry(key.into_boxed_bytes()).or_default().folded |= bits;
        }
        for (key, bits) in exact {
            let lower = key.to_lowercase().into_bytes().into_boxed_slice();
            words.entry(lower).or_default().exact.push((key, bits));
        }
        Lexicon {
            words,
            cue_phrases,
            org_phrases,
        }
    }

    /// The shared, lazily parsed lexicon.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// The flags of one word (a final period is ignored: "Gen." is looked up as "Gen").
    pub fn flags(&self, word: &str) -> Flags {
        let w = word.trim_end_matches('.');
        let first = w.chars().next();
        let lower = first.is_some_and(char::is_lowercase);
        let mut bits = with_folded(w, |l| {
            let mut bits = 0;
            // A plural of a listed role or source ("engineers", "lawyers"): as the singular.
            if lower && l.len() > 3 && l.ends_with(b"s") {
                if let Some(e) = self.words.get(&l[..l.len() - 1]) {
                    bits |= e.folded & (Flags::TITLE | Flags::ANONYMOUS);
                }
            }
            if let Some(e) = self.words.get(l) {
                bits = e.folded;
                for (spelling, b) in &e.exact {
                    if **spelling == *w || (!w.is_ascii() && **spelling == *nfkc(w)) {
                        bits |= b;
                    }
                }
            }
            // Professions by their ending, for lower-case words only: "Lindqvist" and
            // "Feldman" are surnames.
            if lower
                && l.len() >= 8
                && (l.ends_with(b"ist") || l.ends_with(b"ian") || l.ends_with(b"man"))
            {
                bits |= Flags::TITLE;
            }
            if lower && l.len() >= 4 && l.ends_with(b"ed") {
                bits |= Flags::VERB;
            }
            // "long-vowed": a hyphenated compound is a cue by its last part.
            if bits & Flags::CUES == 0 {
                if let Some(hyphen) = l.iter().rposition(|&b| b == b'-') {
                    bits |= self.words.get(&l[hyphen + 1..]).map_or(0, |e| e.folded) & Flags::CUES;
                }
            }
            bits
        });
        if first.is_some_and(char::is_uppercase) {
            bits |= Flags::CAPITALIZED;
        }
        Flags(bits)
    }

    /// Whether a phrase of several words names a known organisation (one word: see
    /// [`Flags::org`]).
    pub fn is_organization_phrase(&self, phrase: &str) -> bool {
        self.org_phrases.contains(nfkc(phrase).as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_fold_case() {
        let l = Lexicon::get();
        assert_eq!(l.flags("said").cue(), Some(Stance::Neutral));
        assert_eq!(l.flags("claimed").cue(), Some(Stance::Doubtful));
        assert_eq!(l.flags("long-vowed").cue(), Some(Stance::Assertive));
        assert!(l.cue_phrases.iter().any(|(w, _)| w == &["according", "to"]));
        assert!(l.flags("Brig.").title() && l.flags("spokesman").title());
        assert!(!l.flags("Kirby").title() && l.flags("Kirby").capitalized());
        assert!(l.flags("Officials").anonymous());
        assert!(l.flags("John").given() && l.flags("Gen.").abbreviation());
    }

    #[test]
    fn nfkc_and_suffixes() {
        let l = Lexicon::get();
        assert!(l.flags("Ｍａｙｏｒ").title() && l.flags("glaciologist").title());
        assert!(!l.flags("persist").title());
        assert!(!l.flags("Lindqvist").title() && !l.flags("Feldman").title());
        assert!(l.flags("congressman").title() && l.flags("librarian").title());
        assert!(l.flags("Ｐｅｎｔａｇｏｎ").org() && l.is_organization_phrase("White House"));
        assert!(l.flags("House").org_phrase_end() && l.flags("according").cue_phrase_start());
        assert!(l.flags("union").org_noun() && l.flags("Ministry").org_word());
    }
}

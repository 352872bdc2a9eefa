//! Word lists compiled into the binary from `data/*.txt` and parsed once.
//!
//! Each file has one entry per line; `#` starts a comment line. Keeping them as data keeps the
//! grammar small and lets a reader see (and extend) exactly what saywho knows.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::quote::Stance;

/// All word lists, parsed.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Single-word cues, lower case → stance.
    pub cues: HashMap<String, Stance>,
    /// Multi-word cues as lower-case word sequences, longest first.
    pub cue_phrases: Vec<(Vec<String>, Stance)>,
    /// Abbreviations (without the period) that never end a sentence.
    pub abbreviations: HashSet<String>,
    /// Words that start a new sentence after an abbreviation such as "U.S.".
    pub sentence_starters: HashSet<String>,
    /// Role and title words, lower case, without a final period.
    pub titles: HashSet<String>,
    /// Head nouns of anonymous sources, lower case.
    pub anonymous: HashSet<String>,
    /// Lower-case modifiers allowed inside a speaker phrase.
    pub modifiers: HashSet<String>,
    /// Nouns for statements, lower case.
    pub statement_nouns: HashSet<String>,
    /// Capitalised words that mark an organisation.
    pub organization_words: HashSet<String>,
    /// Known organisations, as written (may be several words).
    pub organizations: HashSet<String>,
    /// Common given names.
    pub given_names: HashSet<String>,
    /// Words that make a following quoted phrase a name or term, lower case.
    pub naming_words: HashSet<String>,
    /// Capitalised words that are never part of a name.
    pub not_names: HashSet<String>,
    /// Words allowed between a speaker and its cue, lower case.
    pub auxiliaries: HashSet<String>,
}

fn entries(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(src: &'static str, lower: bool) -> HashSet<String> {
    entries(src)
        .map(|e| {
            if lower {
                e.to_lowercase()
            } else {
                e.to_string()
            }
        })
        .collect()
}

impl Lexicon {
    fn load() -> Self {
        let mut cues = HashMap::new();
        let mut cue_phrases = Vec::new();
        for line in entries(include_str!("../data/cues.txt")) {
            let (words, stance) = line.split_once('\t').unwrap_or((line, "neutral"));
            let stance = Stance::from_name(stance.trim()).unwrap_or(Stance::Neutral);
            let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
            if words.len() == 1 {
                cues.insert(words[0].clone(), stance);
            } else {
                cue_phrases.push((words, stance));
            }
        }
        cue_phrases.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        Lexicon {
            cues,
            cue_phrases,
            abbreviations: set(include_str!("../data/abbreviations.txt"), false),
            sentence_starters: set(include_str!("../data/sentence_starters.txt"), false),
            titles: set(include_str!("../data/titles.txt"), true),
            anonymous: set(include_str!("../data/anonymous.txt"), true),
            modifiers: set(include_str!("../data/modifiers.txt"), true),
            statement_nouns: set(include_str!("../data/statement_nouns.txt"), true),
            organization_words: set(include_str!("../data/organization_words.txt"), false),
            organizations: set(include_str!("../data/organizations.txt"), false),
            given_names: set(include_str!("../data/given_names.txt"), false),
            naming_words: set(include_str!("../data/naming_words.txt"), true),
            not_names: set(include_str!("../data/not_names.txt"), false),
            auxiliaries: set(include_str!("../data/auxiliaries.txt"), true),
        }
    }

    /// The shared, lazily parsed lexicon.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// Whether a word (any case, with or without a final period) is a title or role word:
    /// listed, or a profession by its ending ("economist", "glaciologist", "spokeswoman").
    pub fn is_title(&self, word: &str) -> bool {
        let word = word.trim_end_matches('.');
        // Suffixes only for lower-case words: "Lindqvist" and "Feldman" are surnames.
        let lower = word.chars().next().is_some_and(char::is_lowercase);
        with_folded(word, |w| {
            self.titles.contains(w)
                || (lower && w.len() >= 8 && w.ends_with("ist"))
                || (lower && w.len() >= 8 && w.ends_with("ian"))
                || (lower && w.len() >= 8 && (w.ends_with("man") || w.ends_with("woman")))
        })
    }

    /// Whether a case-sensitive list holds `word`, comparing its NFKC form (so full-width
    /// "Ｍａｙｏｒ" and ligatures match their plain spelling).
    pub fn has(set: &HashSet<String>, word: &str) -> bool {
        if word.is_ascii() {
            set.contains(word)
        } else {
            set.contains(nfkc(word).as_ref())
        }
    }

    /// The stance of a one-word cue, case-insensitively.
    pub fn cue(&self, word: &str) -> Option<Stance> {
        with_folded(word, |w| self.cues.get(w).copied())
    }
}

/// The NFKC form of a word, borrowed when it is already plain ASCII.
pub(crate) fn nfkc(word: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if word.is_ascii() {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.nfkc().collect())
    }
}

/// Calls `f` with the lower-case NFKC form of `word`, without allocating for short ASCII
/// words.
fn with_folded<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        match std::str::from_utf8(b) {
            Ok(w) => f(w),
            Err(_) => f(&word.to_lowercase()),
        }
    } else {
        f(&nfkc(word).to_lowercase())
    }
}

/// Case-insensitive membership in a lower-case set, without allocating for ASCII words
/// of ordinary length.
pub(crate) fn contains_folded(set: &HashSet<String>, word: &str) -> bool {
    with_folded(word, |w| set.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_fold_case() {
        let l = Lexicon::get();
        assert_eq!(l.cues.get("said"), Some(&Stance::Neutral));
        assert_eq!(l.cues.get("claimed"), Some(&Stance::Doubtful));
        assert!(l.cue_phrases.iter().any(|(w, _)| w == &["according", "to"]));
        assert!(l.is_title("Brig.") && l.is_title("spokesman") && !l.is_title("Kirby"));
        assert!(contains_folded(&l.anonymous, "Officials"));
        assert!(l.given_names.contains("John") && l.abbreviations.contains("Gen"));
        assert!(l.is_title("Ｍａｙｏｒ") && l.is_title("glaciologist") && !l.is_title("persist"));
        assert!(!l.is_title("Lindqvist") && !l.is_title("Feldman") && l.is_title("congressman"));
        assert!(l.is_title("librarian") && l.is_title("politician") && !l.is_title("Ian"));
        assert!(Lexicon::has(&l.organizations, "Ｐｅｎｔａｇｏｎ"));
    }
}

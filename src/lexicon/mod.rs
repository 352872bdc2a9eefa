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
//!
//! [`lists`] is the one reader of the data files, for every list in the crate (the linker's
//! too); [`flags`] declares the bits; this module builds the tables and looks words up.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};
use unicode_normalization::UnicodeNormalization;

mod flags;
pub(crate) mod labels;
pub(crate) mod lists;

use flags::Bits;
pub(crate) use flags::Flags;

use crate::quote::Stance;
use lists::{columns, entries};

/// What the lists say of one lower-case word.
#[derive(Debug, Default)]
struct Entry {
    /// Flags whatever the case ("said", "Said").
    folded: Bits,
    /// Flags of case-sensitive spellings ("Gen", "Pentagon"), compared exactly.
    exact: Vec<(Box<str>, Bits)>,
}

/// All word lists, parsed.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Lower-case NFKC word (as bytes) → what the lists say of it: one hash per word.
    words: FxHashMap<Box<[u8]>, Entry>,
    /// Multi-word cues, longest first.
    pub cue_phrases: Vec<CuePhrase>,
    /// Organisations of several words, as written ("White House").
    org_phrases: FxHashSet<Box<str>>,
    /// Places as written, of one word or several ("Maryland", "Kansas City").
    places: FxHashSet<Box<str>>,
    /// A word of a body's name, or a noun for one, → the kind of body (`data/body_types.txt`).
    body_types: FxHashMap<&'static str, &'static str>,
    /// An abbreviated title → the title in full (`data/title_abbreviations.txt`).
    titles_in_full: FxHashMap<&'static str, &'static str>,
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

/// Words' flags remembered per thread. Most words of a text recur, and a look-up (folding the
/// case, several tables, the suffix rules) costs several times a probe of this cache. The
/// cache is direct-mapped by a hash of the word: a word that collides with another replaces
/// it. Only the one [`Lexicon`] exists, so a word's flags never change.
mod word_cache {
    use std::cell::RefCell;
    use std::hash::Hasher;

    use super::Flags;

    /// Longest word kept, in bytes.
    const MAX: usize = 22;
    const SLOTS: usize = 2048;

    #[derive(Clone, Copy)]
    struct Slot {
        /// The word's length plus one; 0 for an empty slot.
        len: u8,
        word: [u8; MAX],
        flags: Flags,
    }

    const EMPTY: Slot = Slot {
        len: 0,
        word: [0; MAX],
        flags: Flags(0),
    };

    thread_local! {
        static CACHE: RefCell<[Slot; SLOTS]> = const { RefCell::new([EMPTY; SLOTS]) };
    }

    /// The flags of `word` from the cache, else from `compute`, then kept.
    pub(super) fn get_or(word: &str, compute: impl FnOnce() -> Flags) -> Flags {
        let bytes = word.as_bytes();
        if bytes.len() > MAX {
            return compute();
        }
        let mut h = rustc_hash::FxHasher::default();
        h.write(bytes);
        let at = (h.finish() >> 7) as usize % SLOTS;
        let hit = CACHE.with_borrow(|c| {
            let slot = &c[at];
            (usize::from(slot.len) == bytes.len() + 1 && &slot.word[..bytes.len()] == bytes)
                .then_some(slot.flags)
        });
        if let Some(flags) = hit {
            return flags;
        }
        let flags = compute();
        CACHE.with_borrow_mut(|c| {
            let slot = &mut c[at];
            slot.len = bytes.len() as u8 + 1;
            slot.word[..bytes.len()].copy_from_slice(bytes);
            slot.flags = flags;
        });
        flags
    }
}

/// The lists of one flag each, folded to lower case.
const FOLDED: [(&str, Bits); 12] = [
    (include_str!("../../data/time_words.txt"), Flags::TIME),
    (
        include_str!("../../data/party_members.txt"),
        Flags::PARTY_MEMBER,
    ),
    (include_str!("../../data/titles.txt"), Flags::TITLE),
    (include_str!("../../data/anonymous.txt"), Flags::ANONYMOUS),
    (include_str!("../../data/groups.txt"), Flags::GROUP),
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

/// The lists of one flag each, compared case-sensitively.
const EXACT: [(&str, Bits); 7] = [
    (
        include_str!("../../data/street_words.txt"),
        Flags::PLACE_END | Flags::STREET,
    ),
    (
        include_str!("../../data/postnominals.txt"),
        Flags::POSTNOMINAL,
    ),
    (include_str!("../../data/not_names.txt"), Flags::NOT_NAME),
    (
        include_str!("../../data/organization_words.txt"),
        Flags::ORG_WORD,
    ),
    (include_str!("../../data/outlet_words.txt"), Flags::ORG_WORD),
    (
        include_str!("../../data/abbreviations.txt"),
        Flags::ABBREVIATION,
    ),
    (
        include_str!("../../data/sentence_starters.txt"),
        Flags::STARTER,
    ),
];

const CUES: &str = include_str!("../../data/cues.txt");
const FUNCTION_WORDS: &str = include_str!("../../data/function_words.txt");
const HONORIFICS: &str = include_str!("../../data/honorifics.txt");
const GIVEN_NAMES: &str = include_str!("../../data/given_names.txt");
const FAMILY_WORDS: &str = include_str!("../../data/family_words.txt");
const PLACES: &str = include_str!("../../data/places.txt");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.txt");

/// The entries of a list with a gender column (`<word> <TAB> <female|male|->`), NFKC, with
/// the gender as flag bits. An unknown gender stops the build's tests with the file's name.
fn gendered(src: &'static str, file: &'static str) -> impl Iterator<Item = (String, Bits)> {
    entries(src).map(move |line| {
        let mut columns = columns(line);
        let word = columns.next().unwrap_or(line);
        let gender = match columns.next().unwrap_or("-") {
            "female" => Flags::FEMALE,
            "male" => Flags::MALE,
            "-" => 0,
            other => panic!("{file}: unknown gender {other:?}"),
        };
        (nfkc(word).into_owned(), gender)
    })
}

/// A cue of several words ("according to", "pointed out").
#[derive(Debug)]
pub(crate) struct CuePhrase {
    /// Its words, in lower case.
    pub words: Vec<String>,
    pub stance: Stance,
    /// The speaker follows and the cue has no subject ("according to X", "as per X").
    pub according: bool,
}

/// The two tables while the lists are read: lower-case NFKC word → bits, and NFKC spelling
/// → bits.
#[derive(Default)]
struct Tables {
    folded: FxHashMap<Box<str>, Bits>,
    exact: FxHashMap<Box<str>, Bits>,
}

impl Tables {
    fn fold(&mut self, word: String, bits: Bits) {
        *self.folded.entry(word.into_boxed_str()).or_default() |= bits;
    }

    fn exact(&mut self, spelling: String, bits: Bits) {
        *self.exact.entry(spelling.into_boxed_str()).or_default() |= bits;
    }

    /// `data/cues.txt`: `<words> <TAB> <stance> [<TAB> <mark> …]`. One-word cues become
    /// flags; the phrases are returned, longest first.
    fn read_cues(&mut self) -> Vec<CuePhrase> {
        let mut phrases = Vec::new();
        for line in entries(CUES) {
            let mut columns = columns(line);
            let words = columns.next().unwrap_or(line);
            let stance = columns.next().unwrap_or("neutral");
            let stance = Stance::from_name(stance).unwrap_or(Stance::Neutral);
            let (mut marks, mut according) = (0, false);
            for mark in columns.next().unwrap_or("").split_whitespace() {
                match mark {
                    "that" => marks |= Flags::CUE_NEEDS_THAT,
                    "object" => marks |= Flags::CUE_TAKES_OBJECT,
                    "content" => marks |= Flags::CUE_CONTENT,
                    "according" => according = true,
                    other => panic!("data/cues.txt: unknown mark {other:?} in {line:?}"),
                }
            }
            let words: Vec<String> = words.split_whitespace().map(str::to_lowercase).collect();
            if let [word] = words.as_slice() {
                assert!(
                    !according,
                    "data/cues.txt: `according` marks a phrase: {line:?}"
                );
                self.fold(word.clone(), Flags::stance_bit(stance) | marks);
            } else {
                assert!(
                    marks == 0,
                    "data/cues.txt: `that`, `object` mark one word: {line:?}"
                );
                self.fold(words[0].clone(), Flags::CUE_PHRASE_START);
                phrases.push(CuePhrase {
                    words,
                    stance,
                    according,
                });
            }
        }
        phrases.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        phrases
    }

    /// `data/function_words.txt`: `<word> <TAB> <class> [<class> …]`.
    fn read_function_words(&mut self) {
        for line in entries(FUNCTION_WORDS) {
            let mut columns = columns(line);
            let word = columns.next().unwrap_or(line);
            let mut bits = 0;
            for class in columns.next().unwrap_or("").split_whitespace() {
                bits |= match class {
                    "definite" => Flags::DEFINITE,
                    "indefinite" => Flags::INDEFINITE,
                    "connector" => Flags::CONNECTOR,
                    "personal" => Flags::PERSONAL,
                    "neuter" => Flags::NEUTER,
                    "plural" => Flags::PLURAL,
                    "addressee" => Flags::ADDRESSEE,
                    "conjunction" => Flags::CONJUNCTION,
                    "subordinator" => Flags::SUBORDINATOR,
                    "be" => Flags::BE,
                    "article" => Flags::ARTICLE,
                    "possessive" => Flags::POSSESSIVE,
                    "list" => Flags::LIST,
                    "preposition" => Flags::PREPOSITION,
                    "relative" => Flags::RELATIVE,
                    "female" => Flags::FEMALE,
                    "male" => Flags::MALE,
                    other => panic!("data/function_words.txt: unknown class {other:?}"),
                };
            }
            assert!(bits != 0, "data/function_words.txt: {word:?} has no class");
            self.fold(word.to_lowercase(), bits);
        }
    }

    /// `data/honorifics.txt`: `<word> <TAB> <female|male|->`, case-insensitive.
    fn read_honorifics(&mut self) {
        for (word, gender) in gendered(HONORIFICS, "data/honorifics.txt") {
            self.fold(word.to_lowercase(), Flags::HONORIFIC | gender);
        }
    }

    /// `data/family_words.txt`: `<word> <TAB> <female|male> [<TAB> <child|parent>]`,
    /// case-insensitive.
    fn read_family_words(&mut self) {
        let generations = entries(FAMILY_WORDS).map(|e| match columns(e).nth(2) {
            Some("child") => Flags::CHILD,
            Some("parent") => Flags::PARENT,
            None => 0,
            Some(other) => panic!("data/family_words.txt: unknown generation {other:?}"),
        });
        for ((word, gender), generation) in
            gendered(FAMILY_WORDS, "data/family_words.txt").zip(generations)
        {
            self.fold(word.to_lowercase(), Flags::FAMILY | gender | generation);
        }
    }

    /// `data/given_names.txt`: `<name> <TAB> <female|male|->`, compared case-sensitively.
    fn read_given_names(&mut self) {
        for (name, gender) in gendered(GIVEN_NAMES, "data/given_names.txt") {
            self.exact(name, Flags::GIVEN | gender);
        }
    }

    /// `data/places.txt`: every place as written, with a flag on its last word.
    fn read_places(&mut self) -> FxHashSet<Box<str>> {
        let mut places = FxHashSet::default();
        for e in entries(PLACES) {
            let e: String = nfkc(e).into_owned();
            let last = e.rsplit(' ').next().unwrap_or(&e).to_string();
            self.exact(last, Flags::PLACE_END);
            places.insert(e.into_boxed_str());
        }
        places
    }

    /// `data/organizations.txt`: one-word bodies are flags; longer ones are returned as
    /// written, with a flag on their last word.
    fn read_organizations(&mut self) -> FxHashSet<Box<str>> {
        let mut phrases = FxHashSet::default();
        for e in entries(ORGANIZATIONS) {
            let e: String = nfkc(e).into_owned();
            if let Some((_, last)) = e.rsplit_once(' ') {
                self.exact(last.to_string(), Flags::ORG_PHRASE_END);
                phrases.insert(e.into_boxed_str());
            } else {
                self.exact(e, Flags::ORG);
            }
        }
        phrases
    }
}

impl Lexicon {
    fn load() -> Self {
        let mut tables = Tables::default();
        let cue_phrases = tables.read_cues();
        tables.read_function_words();
        tables.read_honorifics();
        tables.read_family_words();
        tables.read_given_names();
        for (src, bit) in FOLDED {
            for e in entries(src) {
                tables.fold(nfkc(e).to_lowercase(), bit);
            }
        }
        for (src, bit) in EXACT {
            for e in entries(src) {
                tables.exact(nfkc(e).into_owned(), bit);
            }
        }
        let org_phrases = tables.read_organizations();
        let places = tables.read_places();
        let mut words: FxHashMap<Box<[u8]>, Entry> = FxHashMap::default();
        for (key, bits) in tables.folded {
            words.entry(key.into_boxed_bytes()).or_default().folded |= bits;
        }
        for (key, bits) in tables.exact {
            let lower = key.to_lowercase().into_bytes().into_boxed_slice();
            words.entry(lower).or_default().exact.push((key, bits));
        }
        let body_types = lists::pairs(include_str!("../../data/body_types.txt")).collect();
        let titles_in_full =
            lists::pairs(include_str!("../../data/title_abbreviations.txt")).collect();
        Lexicon {
            words,
            cue_phrases,
            org_phrases,
            places,
            body_types,
            titles_in_full,
        }
    }

    /// The shared, lazily parsed lexicon.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// The flags of one word (a final period is ignored: "Gen." is looked up as "Gen").
    pub fn flags(&self, word: &str) -> Flags {
        word_cache::get_or(word, || self.flags_uncached(word))
    }

    /// [`Lexicon::flags`] without the per-thread cache.
    fn flags_uncached(&self, word: &str) -> Flags {
        let w = word.trim_end_matches('.');
        let first = w.chars().next();
        let lower = first.is_some_and(char::is_lowercase);
        let mut bits = with_folded(w, |l| {
            let mut bits = 0;
            if let Some(e) = self.words.get(l) {
                bits = e.folded;
                for (spelling, b) in &e.exact {
                    if **spelling == *w || (!w.is_ascii() && **spelling == *nfkc(w)) {
                        bits |= b;
                    }
                }
            } else if lower && l.len() > 3 && l.ends_with(b"s") {
                // A plural of a listed role or source ("engineers", "lawyers"), not listed
                // itself: as the singular.
                if let Some(e) = self.words.get(&l[..l.len() - 1]) {
                    bits |= e.folded & (Flags::TITLE | Flags::ANONYMOUS);
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
        // "Mónica", "Bogotá": a word no list has as written, looked up without its accents.
        if bits == 0 && !w.is_ascii() {
            let plain: String = w
                .nfd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .collect();
            if plain != w {
                bits = self.flags(&plain).0 & !Flags::CAPITALIZED;
            }
        }
        if first.is_some_and(char::is_uppercase) {
            bits |= Flags::CAPITALIZED;
            // "Dean Holcroft": a given name that is also a title is the name when capitalised
            // (a family word keeps its title: "Son Marcus").
            if bits & Flags::GIVEN != 0 && bits & Flags::FAMILY == 0 {
                bits &= !Flags::TITLE;
            }
            // "Iran-backed", "Lebanon-based": an adjective, not part of a name.
            let adjective = w
                .rsplit_once(['-', '‑'])
                .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase));
            if adjective {
                bits |= Flags::CAPITALISED_ADJECTIVE;
                // "Dad-of-three", "Mother-of-two": a role by its first part.
                if let Some((head, _)) = w.split_once(['-', '‑']) {
                    bits |= self.flags(head).0 & Flags::TITLE;
                }
            }
        }
        Flags(bits)
    }

    /// Whether a phrase of several words names a known organisation (one word: see
    /// [`Flags::org`]).
    pub fn is_organization_phrase(&self, phrase: &str) -> bool {
        self.org_phrases.contains(nfkc(phrase).as_ref())
    }

    /// The kind of body a word of a name or a noun says ("Haulage", "firm" → `"company"`;
    /// `data/body_types.txt`), if it says one. The last word that says one speaks for a name.
    pub fn body_type(&self, words: &str) -> Option<&'static str> {
        words
            .split_whitespace()
            .rev()
            .find_map(|w| self.body_types.get(w.trim_end_matches(['.', ','])).copied())
    }

    /// The title in full of a role written only as an abbreviated title ("Sen." → "Senator";
    /// `data/title_abbreviations.txt`).
    pub fn title_in_full(&self, role: &str) -> Option<&'static str> {
        self.titles_in_full.get(role).copied()
    }

    /// Whether a phrase, of one word or several, names a place of `data/places.txt`.
    pub fn is_place(&self, phrase: &str) -> bool {
        self.places.contains(nfkc(phrase).as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gender_comes_from_honorifics_pronouns_and_given_names() {
        let lex = Lexicon::get();
        let g = |w: &str| (lex.flags(w).female(), lex.flags(w).male());
        assert_eq!(g("Ms."), (true, false));
        assert_eq!(g("Mr"), (false, true));
        assert_eq!(g("Dr."), (false, false));
        assert!(lex.flags("Dr.").honorific() && !lex.flags("Senator").honorific());
        assert_eq!(g("she"), (true, false));
        assert_eq!(g("He"), (false, true));
        assert_eq!(g("Ann"), (true, false));
        assert_eq!(g("Tom"), (false, true));
        assert!(lex.flags("Maryland").place_end() && lex.is_place("Kansas City"));
        // Accents the list does not write: "Mónica" as "Monica".
        assert_eq!(g("Mónica"), (true, false));
        assert!(lex.flags("Mónica").capitalized() && lex.flags("Mónica").given());
    }

    #[test]
    fn cached_flags_are_the_flags() {
        let lex = Lexicon::get();
        // More words than the cache has slots, so that some replace others.
        let words: Vec<String> = (0..5000)
            .map(|i| match i % 4 {
                0 => format!("Word{i}"),
                1 => format!("said{i}"),
                2 => "Mónica".to_string(),
                _ => "an-extraordinarily-long-hyphenated-word".to_string(),
            })
            .chain(["said", "Senator", "Dean", "engineers", "Iran-backed"].map(String::from))
            .collect();
        for _ in 0..2 {
            for w in &words {
                assert_eq!(lex.flags(w), lex.flags_uncached(w), "{w}");
            }
        }
    }

    #[test]
    fn a_given_name_that_is_a_title_is_a_name_when_capitalised() {
        let lex = Lexicon::get();
        assert!(lex.flags("Dean").given() && !lex.flags("Dean").title());
        assert!(lex.flags("dean").title());
        assert!(lex.flags("Son").title());
    }

    #[test]
    fn lists_load_and_fold_case() {
        let l = Lexicon::get();
        assert_eq!(l.flags("said").cue(), Some(Stance::Neutral));
        assert_eq!(l.flags("claimed").cue(), Some(Stance::Doubtful));
        assert_eq!(l.flags("long-vowed").cue(), Some(Stance::Assertive));
        assert!(l.cue_phrases.iter().any(|p| p.words == ["according", "to"]));
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

    #[test]
    fn function_word_classes_and_cue_marks() {
        let l = Lexicon::get();
        assert!(l.flags("The").definite() && l.flags("the").article() && !l.flags("her").article());
        assert!(l.flags("her").possessive() && !l.flags("my").possessive());
        assert!(l.flags("and").conjunction() && l.flags("and").list() && !l.flags("but").list());
        assert!(l.flags("been").be() && l.flags("who").relative() && l.flags("with").preposition());
        assert!(l.flags("told").cue_takes_object() && !l.flags("said").cue_takes_object());
        assert!(l.flags("asked").cue_needs_that() && l.flags("asked").cue_takes_object());
        let according: Vec<&[String]> = (l.cue_phrases.iter())
            .filter(|p| p.according)
            .map(|p| p.words.as_slice())
            .collect();
        assert_eq!(according, [["according", "to"], ["as", "per"]]);
    }
}

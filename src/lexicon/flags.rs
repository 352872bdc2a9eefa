//! [`Flags`]: the lists a word belongs to, as one bitset per token.
//!
//! The `flags!` macro declares each list once: its bit, its doc line and the getter the
//! grammar asks (`t.flags.title()`). Bits are set by [`super::Lexicon::flags`] from the data
//! files that [`super::lists`] reads.

use crate::quote::Stance;

/// The bits of [`Flags`].
pub(super) type Bits = u64;

/// The lists a word belongs to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Flags(pub(super) Bits);

macro_rules! flags {
    ($($(#[$doc:meta])* $name:ident = $bit:expr, $get:ident;)*) => {
        impl Flags {
            $(
                $(#[$doc])*
                pub(super) const $name: Bits = 1 << $bit;
                $(#[$doc])*
                pub fn $get(self) -> bool {
                    self.0 & Self::$name != 0
                }
            )*

            /// Every flag by its getter's name, for tests.
            #[cfg(test)]
            pub(super) const ALL: &'static [(&'static str, Bits)] =
                &[$((stringify!($get), Self::$name)),*];
        }
    };
}

flags! {
    // Case-insensitive lists, one flag a file.
    /// A role or title word (`data/titles.txt`, or a profession by its ending).
    TITLE = 0, title;
    /// Head noun of an anonymous source (`data/anonymous.txt`).
    ANONYMOUS = 1, anonymous;
    /// Modifier inside a speaker phrase (`data/modifiers.txt`).
    MODIFIER = 2, modifier;
    /// A noun for a statement (`data/statement_nouns.txt`).
    STATEMENT = 3, statement;
    /// May stand between speaker and cue (`data/auxiliaries.txt`).
    AUXILIARY = 4, auxiliary;
    /// Makes a following quoted phrase a name (`data/naming_words.txt`).
    NAMING = 5, naming;
    /// The lower-case form of an organisation word ("union", "ministry").
    ORG_NOUN = 9, org_noun;
    /// Shows a finite verb (`data/verb_markers.txt`, or a word ending in "-ed").
    VERB = 25, verb;
    /// Opens a short phrase between a cue and "that" (`data/adverbial_openers.txt`).
    ADVERBIAL = 26, adverbial;
    /// A plural noun for a group that speaks as a class (`data/groups.txt`): "lawmakers",
    /// "analysts", "Democrats".
    GROUP = 41, group;

    // Cues (`data/cues.txt`): the stance, and the marks of its third column.
    /// A cue of neutral stance.
    CUE_NEUTRAL = 6, cue_neutral;
    /// A cue of assertive stance.
    CUE_ASSERTIVE = 7, cue_assertive;
    /// A cue of doubtful stance.
    CUE_DOUBTFUL = 8, cue_doubtful;
    /// The first word of a multi-word cue ("according", "pointed").
    CUE_PHRASE_START = 10, cue_phrase_start;
    /// A cue that reports a clause only after "that" ("declared that …", not "declared war").
    CUE_NEEDS_THAT = 27, cue_needs_that;
    /// A cue that takes an object before the clause it reports ("told reporters the port
    /// would reopen").
    CUE_TAKES_OBJECT = 35, cue_takes_object;

    // Closed-class words (`data/function_words.txt`), one flag a class.
    /// A definite determiner or possessive ("the", "her").
    DEFINITE = 11, definite;
    /// An indefinite article ("a", "an").
    INDEFINITE = 12, indefinite;
    /// Joins words inside a name or role ("of", "for", "bin").
    CONNECTOR = 13, connector;
    /// "he", "she".
    PERSONAL = 14, personal;
    /// "it".
    NEUTER = 15, neuter;
    /// "they".
    PLURAL = 23, plural;
    /// "you", "you've": whoever is spoken to.
    ADDRESSEE = 53, addressee;
    /// A conjunction ("and", "but"): never inside a speaker phrase.
    CONJUNCTION = 28, conjunction;
    /// A form of "be" ("was", "been"): a cue after one is a passive ("was told").
    BE = 29, be;
    /// An article ("the", "a", "an"): a cue after one is a noun ("the reported attack").
    ARTICLE = 30, article;
    /// A third-person possessive determiner ("his", "her", "its", "their").
    POSSESSIVE = 31, possessive;
    /// Joins the items of a list ("and", "or", "nor").
    LIST = 32, list;
    /// Attaches a phrase to the head before it ("a spokesperson *for* the union").
    PREPOSITION = 33, preposition;
    /// Opens a subordinate clause ("while", "although"): a speaker phrase starts after it.
    SUBORDINATOR = 42, subordinator;
    /// Opens a relative clause ("who", "which", "whose").
    RELATIVE = 34, relative;

    // Case-sensitive lists, one flag a file.
    /// Never part of a name (`data/not_names.txt`).
    NOT_NAME = 16, not_name;
    /// A common given name.
    GIVEN = 17, given;
    /// A capitalised organisation word ("Ministry", "Monitor").
    ORG_WORD = 18, org_word;
    /// A one-word organisation ("Pentagon", "Hezbollah").
    ORG = 19, org;
    /// An abbreviation that never ends a sentence ("Gen", "Oct").
    ABBREVIATION = 20, abbreviation;
    /// Opens a sentence after a final abbreviation ("The", "He").
    STARTER = 21, starter;
    /// The last word of a known organisation of several words ("House" of "White House").
    ORG_PHRASE_END = 22, org_phrase_end;

    // Read off the word itself.
    /// Starts with an upper-case letter.
    CAPITALIZED = 24, capitalized;
    /// An honorific (`data/honorifics.txt`): "Mr", "Ms", "Dr". Never a role.
    HONORIFIC = 36, honorific;
    /// A word that says its person is a woman: "Ms", "Mrs", or a given name used for women.
    FEMALE = 37, female;
    /// A word that says its person is a man: "Mr", or a given name used for men.
    MALE = 38, male;
    /// The last word of a place (`data/places.txt`): "Maryland", "City" of "Kansas City".
    PLACE_END = 39, place_end;

    // Set by the tokeniser on a quote token.
    /// A quoted nickname inside a name: “Dell” in Wendell “Dell” Amsel.
    NICKNAME = 40, nickname;
    /// An AP party–state tag after a name ("R-Kan.", "D-N.Y."): never a name itself.
    PARTY_TAG = 43, party_tag;
    /// A capitalised compound whose last part is lower case ("Iran-backed"): an adjective.
    CAPITALISED_ADJECTIVE = 44, capitalised_adjective;
    /// A title written after a name (`data/postnominals.txt`): "MP" of "Joan Ashby MP".
    POSTNOMINAL = 45, postnominal;
    /// A member of a party (`data/party_members.txt`): "the Democrat".
    PARTY_MEMBER = 47, party_member;
    /// A family word after which a given name alone takes the family's surname
    /// (`data/family_words.txt`): "His wife Teresa".
    FAMILY = 48, family;
    /// A word of a time phrase after a cue (`data/time_words.txt`): "said Tuesday …".
    TIME = 49, time;
    /// A word that ends a street's or a river's name (`data/street_words.txt`): "Church
    /// Lane" is a place though "Church" names bodies.
    STREET = 50, street;
    /// A family word for a child (`data/family_words.txt`): "son", "daughter".
    CHILD = 51, child;
    /// A family word for a parent (`data/family_words.txt`): "father", "mum".
    PARENT = 52, parent;
    /// A cue whose infinitive or noun-phrase object is what was said ("vowed to repeal the
    /// tax", "denied any wrongdoing"; the `content` mark of `data/cues.txt`).
    CUE_CONTENT = 46, cue_content;
}

impl Flags {
    /// The flags of a quoted nickname inside a name (a capitalised part of it).
    pub(crate) const fn of_nickname() -> Flags {
        Flags(Self::NICKNAME | Self::CAPITALIZED)
    }

    /// The flags of a standalone ampersand: it joins a firm's names ("Harlan & Moss").
    pub(crate) const fn of_ampersand() -> Flags {
        Flags(Self::CONNECTOR | Self::ORG_WORD)
    }

    /// The flags of a one-letter word that keeps its period: an initial ("A." of "Philip
    /// A. Garrow"), never the article "A".
    pub(crate) const fn as_initial(self) -> Flags {
        Flags(self.0 & !Self::INDEFINITE)
    }

    /// The flags of a party–state tag ("R-Kan."): capitalised, but never a part of a name.
    pub(crate) const fn of_party_tag() -> Flags {
        Flags(Self::PARTY_TAG | Self::NOT_NAME | Self::CAPITALIZED)
    }

    /// The three stance bits: any one makes the word a one-word cue.
    pub(super) const CUES: Bits = Self::CUE_NEUTRAL | Self::CUE_ASSERTIVE | Self::CUE_DOUBTFUL;

    /// The stance, if the word is a one-word cue.
    pub fn cue(self) -> Option<Stance> {
        if self.cue_assertive() {
            Some(Stance::Assertive)
        } else if self.cue_doubtful() {
            Some(Stance::Doubtful)
        } else if self.cue_neutral() {
            Some(Stance::Neutral)
        } else {
            None
        }
    }

    /// The bit of a cue of `stance`.
    pub(super) fn stance_bit(stance: Stance) -> Bits {
        match stance {
            Stance::Neutral => Self::CUE_NEUTRAL,
            Stance::Assertive => Self::CUE_ASSERTIVE,
            Stance::Doubtful => Self::CUE_DOUBTFUL,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_flag_has_a_bit_of_its_own() {
        let mut seen: Bits = 0;
        for &(name, bit) in Flags::ALL {
            assert_eq!(bit.count_ones(), 1, "{name}");
            assert_eq!(seen & bit, 0, "{name} shares its bit");
            seen |= bit;
        }
    }
}

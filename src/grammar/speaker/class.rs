//! How one word may take part in a speaker mention: its [`Class`], read off the token's flags.

use crate::grammar::words::Token;
use crate::lexicon::Flags;

/// How a word may take part in a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    /// "the", "his" (definite) or "a", "an" (`data/function_words.txt`).
    Determiner { definite: bool },
    /// A lower-case connector inside a name or role: "of", "for", "bin".
    Connector,
    /// "he", "she", "it", "they", "you".
    Pronoun(super::Pronoun),
    /// Capitalised word that may be part of a name, role or organisation.
    Cap,
    /// Lower-case word that can end a mention: role, anonymous head, statement noun.
    LowerHead,
    /// Lower-case word allowed before the head, or a capitalised adjective ("Iran-backed").
    Modifier,
    /// Anything else: punctuation, a quote, a conjunction, an unlisted lower-case word.
    Other,
}

/// The class of token `i`; [`Class::Other`] for punctuation, a quote, or past the end.
pub(super) fn class_at(tokens: &[Token], i: usize) -> Class {
    match tokens.get(i) {
        Some(t) if t.is_word() => classify(t.flags),
        // Wendell “Dell” Amsel: a nickname is a part of the name.
        Some(t) if t.flags.nickname() => Class::Cap,
        // Harlan & Moss.
        Some(t) if t.is_punct('&') => Class::Connector,
        _ => Class::Other,
    }
}

fn classify(flags: Flags) -> Class {
    use super::Pronoun;
    // Closed-class words (`data/function_words.txt`); connectors only in lower case, so that
    // "Van" or "De" may still start a name.
    if flags.definite() {
        return Class::Determiner { definite: true };
    }
    if flags.indefinite() {
        return Class::Determiner { definite: false };
    }
    if flags.connector() && !flags.capitalized() {
        return Class::Connector;
    }
    if flags.personal() {
        return Class::Pronoun(Pronoun::Personal);
    }
    if flags.neuter() {
        return Class::Pronoun(Pronoun::Neuter);
    }
    if flags.plural() {
        return Class::Pronoun(Pronoun::Plural);
    }
    if flags.addressee() {
        return Class::Pronoun(Pronoun::Addressee);
    }
    if flags.conjunction() {
        return Class::Other;
    }
    if flags.capitalized() {
        // "Iran-backed", "Lebanon-based": an adjective, not part of a name.
        if flags.capitalised_adjective() {
            Class::Modifier
        } else if flags.not_name() {
            Class::Other
        } else {
            Class::Cap
        }
    } else if flags.anonymous()
        || flags.group()
        || flags.statement()
        || flags.title()
        || flags.org_noun()
    {
        Class::LowerHead
    } else if flags.modifier() {
        Class::Modifier
    } else {
        Class::Other
    }
}

/// Whether a word of this class can be the head (last word) of a name or role.
pub(super) fn is_head(c: Class) -> bool {
    matches!(c, Class::Cap | Class::LowerHead)
}

/// Whether a word starts with a lower-case letter.
pub(super) fn is_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

/// Whether a word is a possessive: "Kirby's", "Iran’s", "organisers’".
pub(crate) fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'")
}

#[cfg(test)]
mod tests {
    use super::super::Pronoun;
    use super::*;

    /// The class of each token of `text`, and of the token just past the end.
    fn classes(text: &str) -> Vec<Class> {
        let (_, toks) = crate::grammar::lex_for_test(text);
        (0..=toks.len()).map(|i| class_at(&toks, i)).collect()
    }

    #[test]
    fn closed_class_words() {
        use Class::{Cap, Connector, Determiner, Other};
        assert_eq!(
            classes("the a of he it they and"),
            [
                Determiner { definite: true },
                Determiner { definite: false },
                Connector,
                Class::Pronoun(Pronoun::Personal),
                Class::Pronoun(Pronoun::Neuter),
                Class::Pronoun(Pronoun::Plural),
                Other,
                Other, // past the end
            ]
        );
        // A capitalised connector may start a name.
        assert_eq!(classes("Van")[0], Cap);
    }

    #[test]
    fn heads_and_modifiers() {
        use Class::{Cap, LowerHead, Modifier, Other};
        assert_eq!(
            classes("senior official spokesman statement union Kirby Iran-backed Monday"),
            [Modifier, LowerHead, LowerHead, LowerHead, LowerHead, Cap, Modifier, Other, Other]
        );
        assert!(is_head(Cap) && is_head(LowerHead) && !is_head(Modifier));
    }

    #[test]
    fn punctuation_quotes_and_plain_words_are_other() {
        assert_eq!(classes("“Go,” , yesterday"), [Class::Other; 4]);
    }

    #[test]
    fn word_shapes() {
        assert!(is_lower("union") && !is_lower("Union") && !is_lower("1"));
        assert!(
            is_possessive("Kirby's") && is_possessive("Iran’s") && is_possessive("organisers’")
        );
        assert!(!is_possessive("Kirby") && !is_possessive("’90s"));
    }
}

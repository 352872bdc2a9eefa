//! Speaker mentions: the noun phrase that names who speaks, split into name and role.
//!
//! Shapes accepted (determiner optional, roles may be several words, connectors `of`/`for`
//! join capitalised words):
//!
//! ```text
//! <role>* <name>            Defense Secretary Lloyd Austin · Air Force Brig. Gen. Pat Ryder
//!                           White House spokesman John Kirby
//! <org>                     the Pentagon · Open Source Intelligence Monitor · Hezbollah
//! <modifier>* <anon-head>   a senior official · senior US military officials
//! <role>+                   the US Secretary of Defense (role only: resolved later)
//! <statement-noun>          the statement
//! <pronoun>                 he · she · it · they
//! ```
//!
//! Where the role ends and the name begins is read off the word lists: title words
//! (`data/titles.txt`) never start a name, and a known given name (`data/given_names.txt`)
//! marks where a name starts ("Strategic Communications John Kirby" → "John Kirby").

use super::sentences::is_capitalized;
use super::words::Token;
use crate::lexicon::{contains_folded, Lexicon};
use crate::quote::SpeakerKind;
use crate::Span;

/// A personal pronoun that can stand for a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// he, she: a person.
    Personal,
    /// it: an organisation.
    Neuter,
    /// they: an organisation or a group.
    Plural,
}

/// What the head of a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Head {
    /// A name (person, organisation or unknown).
    Name,
    /// A pronoun, to be resolved.
    Pronoun(Pronoun),
    /// An anonymous source ("a senior official").
    Anonymous,
    /// A role with no name ("the US Secretary of Defense"), to be resolved.
    Role,
    /// A statement ("the statement"), to be resolved to whoever issued it.
    Statement,
}

/// A parsed speaker mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mention {
    /// The whole mention as written, determiner included.
    pub span: Span,
    /// The name part, if any.
    pub name: Option<Span>,
    /// The role part, if any (without determiner).
    pub role: Option<Span>,
    pub kind: SpeakerKind,
    pub head: Head,
    /// Starts with "the" (a definite description that may refer back).
    pub definite: bool,
    /// Index of the first and last token.
    pub tokens: (usize, usize),
}

/// How a word may take part in a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Determiner {
        definite: bool,
    },
    Connector,
    Pronoun(Pronoun),
    /// Capitalised word that may be part of a name, role or organisation.
    Cap,
    /// Lower-case word that can end a mention: role, anonymous head, statement noun.
    LowerHead,
    /// Lower-case word allowed before the head.
    Modifier,
    Other,
}

fn classify(word: &str, lexicon: &Lexicon) -> Class {
    match word {
        "the" | "The" => return Class::Determiner { definite: true },
        "a" | "an" | "A" | "An" => return Class::Determiner { definite: false },
        "of" | "for" | "de" | "al" | "bin" | "van" | "von" | "der" | "la" | "le" | "du" | "da"
        | "del" => return Class::Connector,
        "he" | "He" | "she" | "She" => return Class::Pronoun(Pronoun::Personal),
        "it" | "It" => return Class::Pronoun(Pronoun::Neuter),
        "they" | "They" => return Class::Pronoun(Pronoun::Plural),
        _ => {}
    }
    if is_capitalized(word) || word.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        // "Iran-backed", "Lebanon-based": an adjective, not part of a name.
        let adjective = word
            .rsplit_once(['-', '‑'])
            .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase));
        if adjective {
            Class::Modifier
        } else if lexicon.not_names.contains(word) {
            Class::Other
        } else {
            Class::Cap
        }
    } else if contains_folded(&lexicon.anonymous, word)
        || contains_folded(&lexicon.statement_nouns, word)
        || lexicon.is_title(word)
    {
        Class::LowerHead
    } else if contains_folded(&lexicon.modifiers, word) {
        Class::Modifier
    } else {
        Class::Other
    }
}

fn is_head(c: Class) -> bool {
    matches!(c, Class::Cap | Class::LowerHead)
}

const MAX_MENTION_WORDS: usize = 12;

/// The mention that ends at token `end` (inclusive), reading leftwards:
/// `… [det] <word>* <head>` where `<head>` is token `end`.
pub(crate) fn parse_left(text: &str, tokens: &[Token], end: usize) -> Option<Mention> {
    let lexicon = Lexicon::get();
    let class_at = |i: usize| {
        let t = &tokens[i];
        if t.is_word() {
            classify(t.span.slice(text), lexicon)
        } else {
            Class::Other
        }
    };
    let last = class_at(end);
    if let Class::Pronoun(_) = last {
        return analyze(text, tokens, end, end, lexicon);
    }
    if !is_head(last) {
        return None;
    }
    let mut first = end;
    while first > 0 && end - first + 1 < MAX_MENTION_WORDS {
        match class_at(first - 1) {
            Class::Cap | Class::LowerHead | Class::Modifier => first -= 1,
            Class::Connector if first >= 2 && class_at(first - 2) == Class::Cap => first -= 1,
            Class::Determiner { .. } => {
                first -= 1;
                break;
            }
            _ => break,
        }
    }
    analyze(text, tokens, first, end, lexicon)
}

/// The mention that starts at token `start`, reading rightwards:
/// `[det] <word>* <head>`, ending at the last head word before anything else.
pub(crate) fn parse_right(text: &str, tokens: &[Token], start: usize) -> Option<Mention> {
    let lexicon = Lexicon::get();
    let class_at = |i: usize| {
        tokens.get(i).map_or(Class::Other, |t| {
            if t.is_word() {
                classify(t.span.slice(text), lexicon)
            } else {
                Class::Other
            }
        })
    };
    let mut i = start;
    if let Class::Pronoun(_) = class_at(i) {
        return analyze(text, tokens, i, i, lexicon);
    }
    if let Class::Determiner { .. } = class_at(i) {
        i += 1;
    }
    let mut last_head = None;
    while i < tokens.len() && i - start < MAX_MENTION_WORDS {
        match class_at(i) {
            c @ (Class::Cap | Class::LowerHead) => {
                last_head = Some(i);
                // A lower-case head ends the phrase unless a capitalised word continues it
                // ("the spokesman John Kirby"); "officials said" stops here.
                if c == Class::LowerHead && !is_head(class_at(i + 1)) {
                    break;
                }
            }
            Class::Modifier => {}
            Class::Connector if class_at(i + 1) == Class::Cap && last_head.is_some() => {}
            _ => break,
        }
        i += 1;
    }
    analyze(text, tokens, start, last_head?, lexicon)
}

/// Splits tokens `first..=last` into name and role and decides the kind.
fn analyze(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    lexicon: &Lexicon,
) -> Option<Mention> {
    let word = |i: usize| tokens[i].span.slice(text);
    let span = Span::new(tokens[first].span.start, tokens[last].span.end);
    let mut body = first;
    let mut definite = false;
    if let Class::Determiner { definite: d } = classify(word(first), lexicon) {
        definite = d;
        body += 1;
    }
    let mention = |name: Option<Span>, role: Option<Span>, kind, head| Mention {
        span,
        name,
        role,
        kind,
        head,
        definite,
        tokens: (first, last),
    };
    if body > last {
        return None;
    }
    let head_word = word(last);
    if let Class::Pronoun(p) = classify(head_word, lexicon) {
        let kind = if p == Pronoun::Personal {
            SpeakerKind::Person
        } else {
            SpeakerKind::Unknown
        };
        return Some(mention(None, None, kind, Head::Pronoun(p)));
    }
    let range = |a: usize, b: usize| Span::new(tokens[a].span.start, tokens[b].span.end);
    let whole = range(body, last);
    if !is_capitalized(head_word) {
        return Some(if contains_folded(&lexicon.statement_nouns, head_word) {
            mention(None, None, SpeakerKind::Unknown, Head::Statement)
        } else if contains_folded(&lexicon.anonymous, head_word) {
            mention(None, Some(whole), SpeakerKind::Anonymous, Head::Anonymous)
        } else {
            mention(None, Some(whole), SpeakerKind::Person, Head::Role)
        });
    }
    // The trailing run of capitalised words that are neither titles nor organisation words.
    let mut name_start = last + 1;
    while name_start > body {
        let w = word(name_start - 1);
        if !is_capitalized(w) || lexicon.is_title(w) || lexicon.organization_words.contains(w) {
            break;
        }
        name_start -= 1;
    }
    // A known body at the end of the phrase ("Lebanon's Hezbollah", "the White House").
    if let Some(k) =
        (body..=last).find(|&k| lexicon.organizations.contains(range(k, last).slice(text)))
    {
        if k == body
            || classify(word(k - 1), lexicon) != Class::Cap
            || !lexicon.is_title(word(k - 1))
        {
            return Some(mention(
                Some(range(k, last)),
                None,
                SpeakerKind::Organization,
                Head::Name,
            ));
        }
    }
    let whole_text = whole.slice(text);
    let is_org = lexicon.organizations.contains(whole_text)
        || lexicon
            .organization_words
            .contains(head_word.trim_end_matches('.'))
        || (body..=last).any(|i| lexicon.organization_words.contains(word(i)))
            && !(name_start..last).any(|i| lexicon.given_names.contains(word(i)));
    let has_role = name_start > body;
    if name_start > last {
        // Only titles: a role with no name.
        return Some(if is_org {
            mention(Some(whole), None, SpeakerKind::Organization, Head::Name)
        } else {
            mention(None, Some(whole), SpeakerKind::Person, Head::Role)
        });
    }
    if is_org && !(has_role && lexicon.is_title(word(name_start - 1))) {
        return Some(mention(
            Some(whole),
            None,
            SpeakerKind::Organization,
            Head::Name,
        ));
    }
    // Where the name starts: the first given name in the run, else the last two words.
    let given = (name_start..last).find(|&i| lexicon.given_names.contains(word(i)));
    let start = match given {
        Some(g) => g,
        None if last - name_start >= 2 => last - 1,
        None => name_start,
    };
    let role = (start > body).then(|| {
        // A role ends on a word, not on a connector ("Coordinator for").
        let mut end = start - 1;
        while end > body && classify(word(end), lexicon) == Class::Connector {
            end -= 1;
        }
        range(body, end)
    });
    let single = start == last;
    let acronym = head_word.len() >= 2 && head_word.chars().all(|c| c.is_uppercase() || c == '.');
    let kind = if role.is_some() || !single {
        SpeakerKind::Person
    } else if acronym {
        SpeakerKind::Organization
    } else {
        SpeakerKind::Unknown
    };
    Some(mention(Some(range(start, last)), role, kind, Head::Name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::{marks, words};

    /// Parses the mention that ends just before the last word of `text` (the cue).
    fn left(text: &str) -> (Option<String>, Option<String>, SpeakerKind, Head) {
        let regions = marks::pair(&marks::lex(text, 0));
        let mut toks = Vec::new();
        words::tokenize(text, Span::new(0, text.len()), &regions, &mut toks);
        let m = parse_left(text, &toks, toks.len() - 2).expect("a mention");
        let s = |s: Option<Span>| s.map(|s| s.slice(text).to_string());
        (s(m.name), s(m.role), m.kind, m.head)
    }

    fn person(
        name: &str,
        role: Option<&str>,
    ) -> (Option<String>, Option<String>, SpeakerKind, Head) {
        (
            Some(name.into()),
            role.map(Into::into),
            SpeakerKind::Person,
            Head::Name,
        )
    }

    #[test]
    fn role_and_name_split() {
        assert_eq!(
            left("Defense Secretary Lloyd Austin said"),
            person("Lloyd Austin", Some("Defense Secretary"))
        );
        assert_eq!(
            left("Air Force Brig. Gen. Pat Ryder said"),
            person("Pat Ryder", Some("Air Force Brig. Gen."))
        );
        assert_eq!(
            left("NSC Coordinator for Strategic Communications John Kirby said"),
            person(
                "John Kirby",
                Some("NSC Coordinator for Strategic Communications")
            )
        );
        assert_eq!(
            left("White House spokesman John Kirby said"),
            person("John Kirby", Some("White House spokesman"))
        );
        assert_eq!(
            left("In a speech, Mayor Ana Reyes said"),
            person("Ana Reyes", Some("Mayor"))
        );
    }

    #[test]
    fn organisations_anonymous_roles_pronouns() {
        let org = |n: &str| {
            (
                Some(n.to_string()),
                None,
                SpeakerKind::Organization,
                Head::Name,
            )
        };
        assert_eq!(left("noted that the Pentagon said"), org("Pentagon"));
        assert_eq!(
            left("Open Source Intelligence Monitor said"),
            org("Open Source Intelligence Monitor")
        );
        assert_eq!(
            left("the Associated Press reported"),
            org("Associated Press")
        );
        assert_eq!(left("Hezbollah vowed"), org("Hezbollah"));
        assert_eq!(left("Lebanon-based Hezbollah vowed"), org("Hezbollah"));
        assert_eq!(left("Lebanon’s Hezbollah vowed"), org("Hezbollah"));
        assert_eq!(left("a senior official said").2, SpeakerKind::Anonymous);
        assert_eq!(
            left("by the US Secretary of Defense added"),
            (
                None,
                Some("US Secretary of Defense".into()),
                SpeakerKind::Person,
                Head::Role
            )
        );
        assert_eq!(left("The statement said").3, Head::Statement);
        assert_eq!(left("so he said").3, Head::Pronoun(Pronoun::Personal));
        assert_eq!(
            left("Meanwhile Kirby said"),
            (Some("Kirby".into()), None, SpeakerKind::Unknown, Head::Name)
        );
    }
}

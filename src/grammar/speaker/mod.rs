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
//! det <word>{0,3} <noun>    the engineer · a board spokesman · the union
//!                           (a described source: anonymous, a role, or a body)
//! ```
//!
//! Where the role ends and the name begins is read off the word lists: title words
//! (`data/titles.txt`) never start a name, and a known given name (`data/given_names.txt`)
//! marks where a name starts ("Strategic Communications John Kirby" → "John Kirby").

use super::sentences::is_capitalized;
use super::words::Token;
use crate::lexicon::{Flags, Lexicon};
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
    /// A description of a body ("the union", "the safety authority"), to be resolved to a
    /// body named earlier.
    OrgRef,
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

fn classify(word: &str, flags: Flags) -> Class {
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
    if flags.conjunction() {
        return Class::Other;
    }
    if flags.capitalized() {
        // "Iran-backed", "Lebanon-based": an adjective, not part of a name.
        let adjective = word
            .rsplit_once(['-', '‑'])
            .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase));
        if adjective {
            Class::Modifier
        } else if flags.not_name() {
            Class::Other
        } else {
            Class::Cap
        }
    } else if flags.anonymous() || flags.statement() || flags.title() || flags.org_noun() {
        Class::LowerHead
    } else if flags.modifier() {
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
    let m = parse_left_simple(text, tokens, end)?;
    attach_to_head(text, tokens, m).or(Some(m))
}

/// `<head phrase> <preposition> <m>`: the phrase `m` is the object of a preposition
/// ("A senior engineer *at the barrier*", "a spokesperson *for the staff union*"), so the
/// speaker is the head phrase, with the prepositional phrase as part of its role.
fn attach_to_head(text: &str, tokens: &[Token], m: Mention) -> Option<Mention> {
    let prep = m.tokens.0.checked_sub(1)?;
    let w = tokens[prep].span.slice(text);
    if !tokens[prep].is_word() || !matches!(w, "at" | "of" | "for" | "from" | "with" | "in") {
        return None;
    }
    // "people familiar with the matter": over an adjective to the head.
    let mut before = prep.checked_sub(1)?;
    if tokens[before].flags.modifier() && !tokens[before].flags.capitalized() {
        before = before.checked_sub(1)?;
    }
    let head = parse_left_simple(text, tokens, before)?;
    match head.head {
        Head::Role | Head::Anonymous => Some(Mention {
            span: Span::new(head.span.start, m.span.end),
            role: head.role.map(|r| Span::new(r.start, m.span.end)),
            tokens: (head.tokens.0, m.tokens.1),
            ..head
        }),
        _ => None,
    }
}

fn parse_left_simple(text: &str, tokens: &[Token], end: usize) -> Option<Mention> {
    let lexicon = Lexicon::get();
    let class_at = |i: usize| {
        let t = &tokens[i];
        if t.is_word() {
            classify(t.span.slice(text), t.flags)
        } else {
            Class::Other
        }
    };
    let last = class_at(end);
    if let Class::Pronoun(_) = last {
        return analyze(text, tokens, end, end, lexicon);
    }
    if !is_head(last) {
        // A described source: `det <word>{0,3} <noun>` ("the engineer", "the union").
        return described_left(text, tokens, end, lexicon);
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
            Class::Other if class_at(first) == Class::LowerHead => {
                // "a board spokesman", "the county's finance chief": lower-case words
                // between a determiner and a role head.
                return described_left(text, tokens, end, lexicon)
                    .or_else(|| analyze(text, tokens, first, end, lexicon));
            }
            _ => break,
        }
    }
    analyze(text, tokens, first, end, lexicon)
}

/// `det <lower-case word or possessive>{0,3} <noun>` ending at `end`, for nouns that are not
/// in any list. Only plain lower-case words may stand between determiner and noun.
fn described_left(text: &str, tokens: &[Token], end: usize, lexicon: &Lexicon) -> Option<Mention> {
    let is_lower_word = |i: usize| tokens[i].is_word() && is_lower(tokens[i].span.slice(text));
    if !is_lower_word(end) {
        return None;
    }
    // A bare plural after a comma or at the start ("…, election officials said") needs a
    // listed head; with a determiner any noun will do.
    let listed = {
        let f = tokens[end].flags;
        f.anonymous() || f.title() || f.org_noun() || f.statement()
    };
    let mut first = end;
    for _ in 0..4 {
        if first == 0 || !tokens[first - 1].is_word() {
            return listed
                .then(|| analyze(text, tokens, first, end, lexicon))
                .flatten();
        }
        first -= 1;
        let t = &tokens[first];
        match classify(t.span.slice(text), t.flags) {
            Class::Determiner { .. } => return analyze(text, tokens, first, end, lexicon),
            _ if t.flags.conjunction() => return None,
            // "the union", "the county's finance chief", "the Biden administration".
            _ if is_lower_word(first)
                || is_possessive(t.span.slice(text))
                || t.flags.capitalized() => {}
            _ => return None,
        }
    }
    None
}

/// The owner in a possessive word: "organisers’" → "organisers", "Kirby's" → "Kirby".
fn strip_owner(text: &str, span: Span) -> Span {
    let w = span.slice(text);
    let kept = ["’s", "'s", "’", "'"]
        .iter()
        .find_map(|s| w.strip_suffix(s))
        .unwrap_or(w);
    Span::new(span.start, span.start + kept.len())
}

fn is_lower(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("’s") || w.ends_with("'s") || w.ends_with("s’") || w.ends_with("s'")
}

/// The mention that starts at token `start`, reading rightwards:
/// `[det] <word>* <head>`, ending at the last head word before anything else.
pub(crate) fn parse_right(text: &str, tokens: &[Token], start: usize) -> Option<Mention> {
    let lexicon = Lexicon::get();
    let class_at = |i: usize| {
        tokens.get(i).map_or(Class::Other, |t| {
            if t.is_word() {
                classify(t.span.slice(text), t.flags)
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
                // "the state water board": one plain word may stand before the next head.
                let plain_then_head = class_at(i + 1) == Class::Other
                    && tokens
                        .get(i + 1)
                        .is_some_and(|t| t.is_word() && !t.flags.capitalized())
                    && class_at(i + 2) == Class::LowerHead;
                if c == Class::LowerHead && !is_head(class_at(i + 1)) && !plain_then_head {
                    break;
                }
            }
            Class::Modifier => {}
            Class::Connector if class_at(i + 1) == Class::Cap && last_head.is_some() => {}
            // "librarian Rosa Diaz", "rally organizer Jane Doe": unlisted lower-case words
            // right before a capitalised name are its role.
            Class::Other
                if last_head.is_none()
                    && tokens[i].is_word()
                    && is_lower(tokens[i].span.slice(text))
                    && (class_at(i + 1) == Class::Cap
                        || (class_at(i + 2) == Class::Cap
                            && tokens
                                .get(i + 1)
                                .is_some_and(|t| t.is_word() && is_lower(t.span.slice(text))))) => {
            }
            // "the county's finance chief": up to three unlisted words after a determiner,
            // when a role head follows.
            Class::Other
                if last_head.is_none()
                    && i > start
                    && matches!(class_at(start), Class::Determiner { .. })
                    && (i + 1..(i + 4).min(tokens.len()))
                        .any(|k| class_at(k) == Class::LowerHead)
                    && tokens[i].is_word() => {}
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
    if let Class::Determiner { definite: d } = classify(word(first), tokens[first].flags) {
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
    let head_flags = tokens[last].flags;
    if let Class::Pronoun(p) = classify(head_word, head_flags) {
        let kind = if p == Pronoun::Personal {
            SpeakerKind::Person
        } else {
            SpeakerKind::Unknown
        };
        return Some(mention(None, None, kind, Head::Pronoun(p)));
    }
    let range = |a: usize, b: usize| Span::new(tokens[a].span.start, tokens[b].span.end);
    let whole = range(body, last);
    // "Officials", "People", "Residents" opening a sentence: an anonymous source, not a name.
    if head_flags.capitalized()
        && head_flags.anonymous()
        && !head_flags.given()
        && (body..last).all(|i| classify(word(i), tokens[i].flags) == Class::Modifier)
    {
        return Some(mention(
            None,
            Some(whole),
            SpeakerKind::Anonymous,
            Head::Anonymous,
        ));
    }
    if !is_capitalized(head_word) {
        let first_class = classify(word(first), tokens[first].flags);
        let indefinite = first_class == Class::Determiner { definite: false };
        let org_word = head_flags.org_noun();
        // "the organisers' statement", "Kirby's statement": the owner speaks.
        let owner = (last > body && is_possessive(word(last - 1))).then(|| last - 1);
        return Some(if head_flags.statement() && owner.is_some() {
            let o = owner.unwrap_or(last);
            let own = strip_owner(text, tokens[o].span);
            if tokens[o].flags.capitalized() {
                mention(Some(own), None, SpeakerKind::Unknown, Head::Name)
            } else {
                mention(None, Some(own), SpeakerKind::Anonymous, Head::Anonymous)
            }
        } else if head_flags.statement() {
            mention(None, None, SpeakerKind::Unknown, Head::Statement)
        } else if head_flags.anonymous() || (indefinite && !org_word) {
            mention(None, Some(whole), SpeakerKind::Anonymous, Head::Anonymous)
        } else if org_word {
            mention(None, Some(whole), SpeakerKind::Organization, Head::OrgRef)
        } else {
            mention(None, Some(whole), SpeakerKind::Person, Head::Role)
        });
    }
    // The trailing run of capitalised words that are neither titles nor organisation words.
    let mut name_start = last + 1;
    while name_start > body {
        let f = tokens[name_start - 1].flags;
        if !f.capitalized() || f.title() || f.org_word() {
            break;
        }
        name_start -= 1;
    }
    // A known body at the end of the phrase ("Lebanon's Hezbollah", "the White House").
    let is_org_from = |k: usize| {
        if k == last {
            head_flags.org()
        } else {
            head_flags.org_phrase_end()
                && lexicon.is_organization_phrase(range(k, last).slice(text))
        }
    };
    if let Some(k) = (body..=last).find(|&k| is_org_from(k)) {
        if k == body
            || classify(word(k - 1), tokens[k - 1].flags) != Class::Cap
            || !tokens[k - 1].flags.title()
        {
            return Some(mention(
                Some(range(k, last)),
                None,
                SpeakerKind::Organization,
                Head::Name,
            ));
        }
    }
    let is_org = is_org_from(body)
        || head_flags.org_word()
        || (body..=last).any(|i| tokens[i].flags.org_word())
            && !(name_start..last).any(|i| tokens[i].flags.given());
    let has_role = name_start > body;
    // A body's name is its final capitalised run, connectors included: "the vehicle maker
    // Veltro Motors" → "Veltro Motors", "the US Department of Defense" → all of it.
    let body_name = || {
        let mut s = last;
        while s > body {
            let f = tokens[s - 1].flags;
            let connector = classify(word(s - 1), f) == Class::Connector;
            if !(f.capitalized() || (connector && s >= 2 && tokens[s - 2].flags.capitalized())) {
                break;
            }
            s -= 1;
        }
        range(s, last)
    };
    if name_start > last {
        // Only titles: a role with no name.
        return Some(if is_org {
            mention(
                Some(body_name()),
                None,
                SpeakerKind::Organization,
                Head::Name,
            )
        } else {
            mention(None, Some(whole), SpeakerKind::Person, Head::Role)
        });
    }
    if is_org && !(has_role && tokens[name_start - 1].flags.title()) {
        return Some(mention(
            Some(body_name()),
            None,
            SpeakerKind::Organization,
            Head::Name,
        ));
    }
    // Where the name starts: the first given name in the run, else the last two words.
    let given = (name_start..last).find(|&i| tokens[i].flags.given());
    let start = match given {
        Some(g) => g,
        None if last - name_start >= 2 => last - 1,
        None => name_start,
    };
    let role = (start > body).then(|| {
        // A role ends on a word, not on a connector ("Coordinator for").
        let mut end = start - 1;
        while end > body && classify(word(end), tokens[end].flags) == Class::Connector {
            end -= 1;
        }
        range(body, end)
    });
    let single = start == last;
    let acronym = head_word.len() >= 2 && head_word.chars().all(|c| c.is_uppercase() || c == '.');
    // "Ticket agency Stubline": a name described by a body's noun is a body.
    let described_as_body =
        start > body && tokens[start - 1].flags.org_noun() && !tokens[start - 1].flags.title();
    let kind = if described_as_body {
        SpeakerKind::Organization
    } else if role.is_some() || !single {
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

    /// Parses the mention that ends just before the last word of `text` (the cue).
    fn left(text: &str) -> (Option<String>, Option<String>, SpeakerKind, Head) {
        let (_, toks) = crate::grammar::lex_for_test(text);
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
        assert_eq!(
            left("the vehicle maker Veltro Motors said"),
            org("Veltro Motors")
        );
        assert_eq!(
            left("the US Department of Defense said"),
            org("US Department of Defense")
        );
        assert_eq!(
            left("Ticket agency Stubline said").2,
            SpeakerKind::Organization
        );
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

//! Splitting a phrase into name and role and deciding its kind: [`analyze`] reads the shape
//! of the phrase off its head and calls one function per [`Shape`].

use super::class::{class_at, is_possessive, Class};
use super::{Head, Mention, Pronoun};
use crate::grammar::sentences::is_capitalized;
use crate::grammar::words::Token;
use crate::lexicon::{Flags, Lexicon};
use crate::quote::SpeakerKind;
use crate::Span;

/// Splits tokens `first..=last` into name and role and decides the kind; `None` when the
/// phrase is a determiner alone.
pub(super) fn analyze(text: &str, tokens: &[Token], first: usize, last: usize) -> Option<Mention> {
    // `<phrase> of <place>`: the person of the phrase, not the place ("Rep. Elijah Ortiz of
    // Maryland", "Mayor Ana Ruiz of Lisbon").
    if let Some(before) = of_place(text, tokens, first, last) {
        return analyze(text, tokens, first, before);
    }
    // `<given> <Cap>+ of <body>`: "Rina Takahashi of Halvorsen & Cole" is the person, with
    // the body as her role (as "Carl Brenner of the safety board").
    if let Some(of) = person_of_body(text, tokens, first, last) {
        let m = analyze(text, tokens, first, of - 1)?;
        if m.head == Head::Name && m.kind != SpeakerKind::Organization {
            let body = Span::new(tokens[of + 1].span.start, tokens[last].span.end);
            // A role after the name runs on to the body; a title before it gives way to the
            // body (a role is one span).
            let role = match m.role {
                Some(r) if m.name.is_some_and(|n| r.start > n.start) => {
                    Span::new(r.start, body.end)
                }
                _ => body,
            };
            return Some(person_to(m, tokens, last, role));
        }
    }
    // `<name> <postnominal>`: "Joan Ashby MP" is Joan Ashby, with the title as her role
    // ("Eastmere’s MP" is a role).
    if last > first
        && tokens[last].flags.postnominal()
        && tokens[last - 1].flags.capitalized()
        && !is_possessive(tokens[last - 1].span.slice(text))
    {
        let m = analyze(text, tokens, first, last - 1)?;
        // A name of two words at least: "Labour MP" is a role.
        let full_name = m
            .name
            .is_some_and(|n| n.slice(text).contains(char::is_whitespace));
        if m.head == Head::Name && m.kind != SpeakerKind::Organization && full_name {
            let role = m.role.unwrap_or(tokens[last].span);
            return Some(person_to(m, tokens, last, role));
        }
    }
    let p = Phrase::new(text, tokens, first, last)?;
    Some(match p.shape() {
        Shape::Pronoun(pronoun) => p.pronoun(pronoun),
        Shape::Anonymous => p.anonymous(),
        Shape::Statement => p.statement(),
        Shape::Owner(owner) => p.owner(owner),
        Shape::OrgRef => p.org_ref(),
        Shape::Role => p.role(),
        Shape::KnownBody(start) => p.known_body(start),
        Shape::Body => p.body(),
        Shape::NameAndRole(name_start) => p.name_and_role(name_start),
    })
}

/// With a phrase `first..=last` that ends `of <place>` (one to three words) after a
/// capitalised word that is part of a name, the last token before "of".
fn of_place(text: &str, tokens: &[Token], first: usize, last: usize) -> Option<usize> {
    // A place the lists do not know is one when a known one follows it: "Claire Roux of
    // Linwood Park, Maryland".
    let then_place = tokens.get(last + 1).is_some_and(|t| t.is_punct(','))
        && tokens.get(last + 2).is_some_and(|t| t.flags.place_end());
    if !tokens[last].flags.place_end() && !then_place {
        return of_unknown_place(text, tokens, first, last);
    }
    let lexicon = crate::lexicon::Lexicon::get();
    (1..=3).find_map(|n| {
        let of = last.checked_sub(n)?;
        let before = of.checked_sub(1)?;
        let place = &text[tokens[of + 1].span.start..tokens[last].span.end];
        let b = tokens[before].flags;
        // A name before "of", not a body's word or a title ("Bank of England", "Governor of
        // Texas" keep their place).
        (before >= first
            && tokens[of].span.slice(text) == "of"
            && b.capitalized()
            && !(b.org_word() || b.org_noun() || b.title() || b.org())
            && (then_place || lexicon.is_place(place)))
        .then_some(before)
    })
}

/// `<Cap> <Cap> of <Cap>{1,3}` where the lists know no place: a person's full name (two
/// capitalised words before "of" that are neither titles nor a body's words) and where they
/// are from ("Prime Minister Dagny Holm of Tarvonia"): the last token of the name. A body's
/// word after "of" is [`person_of_body`]'s.
fn of_unknown_place(text: &str, tokens: &[Token], first: usize, last: usize) -> Option<usize> {
    let plain_cap = |k: usize| {
        let f = tokens[k].flags;
        tokens[k].is_word()
            && f.capitalized()
            && !(f.org_word() || f.org_noun() || f.title() || f.org() || f.not_name())
            && !is_possessive(tokens[k].span.slice(text))
    };
    (1..=3).find_map(|n| {
        let of = last.checked_sub(n)?;
        let before = of.checked_sub(1)?;
        (before > first
            && tokens[of].span.slice(text) == "of"
            && (of + 1..=last).all(plain_cap)
            && plain_cap(before)
            && plain_cap(before - 1))
        .then_some(before)
    })
}

/// The person of mention `m`, the phrase stretched to token `last`, with `role` as the role.
fn person_to(m: Mention, tokens: &[Token], last: usize, role: Span) -> Mention {
    Mention {
        span: Span::new(m.span.start, tokens[last].span.end),
        role: Some(role),
        kind: SpeakerKind::Person,
        tokens: (m.tokens.0, last),
        ..m
    }
}

/// In a phrase `first..=last` that names a body after "of", the index of that "of" when the
/// two or more words before it are a person's name: capitalised words that are neither
/// titles nor a body's words.
fn person_of_body(text: &str, tokens: &[Token], first: usize, last: usize) -> Option<usize> {
    // Cheapest first: most phrases have no connector at all.
    let of = (first + 2..last)
        .find(|&k| tokens[k].flags.connector() && tokens[k].span.slice(text) == "of")?;
    let start = (first..of).find(|&k| !matches!(class_at(tokens, k), Class::Determiner { .. }))?;
    // A title may stand before the name: "Analyst Moses Achebe of Brightwater Securities".
    let start = (start..of).find(|&k| !tokens[k].flags.title())?;
    let name_like = (start..of).all(|k| {
        let f = tokens[k].flags;
        f.capitalized() && !(f.title() || f.org_word() || f.org())
    });
    let body_after = (of + 1..=last).any(|k| tokens[k].flags.org_word());
    (name_like && of - start >= 2 && body_after).then_some(of)
}

/// What a phrase is, by its head. Each shape has a function of [`Phrase`] of the same name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `<pronoun>`: he · she · it · they.
    Pronoun(Pronoun),
    /// `[det] <modifier>* <anonymous-head>`: a senior official · Officials (opening a
    /// sentence); also `a <word>* <noun>` for any noun but a body's: a board spokesman.
    Anonymous,
    /// `det <statement-noun>`: the statement.
    Statement,
    /// `<owner>’s <statement-noun>`: Kirby's statement · the organisers’ statement. The index
    /// is the owner's token.
    Owner(usize),
    /// `det <word>* <org-noun>`: the union · the safety authority.
    OrgRef,
    /// `det <word>* <role>` or `<Role>+`: the mayor · the US Secretary of Defense.
    Role,
    /// `… <known body>`: Hezbollah · Lebanon’s Hezbollah · the White House. The index is the
    /// body's first token.
    KnownBody(usize),
    /// `<Cap>* <org-word> <Cap>*`: Open Source Intelligence Monitor · the vehicle maker
    /// Veltro Motors.
    Body,
    /// `<role>* <name>`: Defense Secretary Lloyd Austin · Kirby. The index is the first token
    /// of the trailing run of capitalised words.
    NameAndRole(usize),
}

/// Tokens `first..=last` of one phrase, its determiner (if any) set apart.
struct Phrase<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lexicon: &'static Lexicon,
    first: usize,
    /// The first token after the determiner.
    body: usize,
    /// The head.
    last: usize,
    /// Opens with a definite determiner ("the", "her").
    definite: bool,
}

impl<'a> Phrase<'a> {
    fn new(text: &'a str, tokens: &'a [Token], first: usize, last: usize) -> Option<Self> {
        let (body, definite) = match class_at(tokens, first) {
            Class::Determiner { definite } => (first + 1, definite),
            _ => (first, false),
        };
        (body <= last).then_some(Phrase {
            text,
            tokens,
            lexicon: Lexicon::get(),
            first,
            body,
            last,
            definite,
        })
    }

    fn word(&self, i: usize) -> &'a str {
        self.tokens[i].span.slice(self.text)
    }

    fn flags(&self, i: usize) -> Flags {
        self.tokens[i].flags
    }

    fn class(&self, i: usize) -> Class {
        class_at(self.tokens, i)
    }

    /// From the start of token `a` to the end of token `b`.
    fn range(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[b].span.end)
    }

    /// The phrase without its determiner.
    fn whole(&self) -> Span {
        self.range(self.body, self.last)
    }

    fn mention(
        &self,
        name: Option<Span>,
        role: Option<Span>,
        kind: SpeakerKind,
        head: Head,
    ) -> Mention {
        Mention {
            span: self.range(self.first, self.last),
            name,
            role,
            kind,
            head,
            definite: self.definite,
            tag: None,
            surname: None,
            tokens: (self.first, self.last),
        }
    }

    fn shape(&self) -> Shape {
        let head = self.flags(self.last);
        if let Class::Pronoun(p) = self.class(self.last) {
            return Shape::Pronoun(p);
        }
        // "Officials", "People", "Residents" opening a sentence: an anonymous source, not a name.
        if head.capitalized()
            && head.anonymous()
            && !head.given()
            && (self.body..self.last).all(|i| self.class(i) == Class::Modifier)
        {
            return Shape::Anonymous;
        }
        // "lawmakers", "Democrats", "Senate Republicans": a group speaking as a class.
        if head.group() && (self.body..self.last).all(|i| !self.flags(i).given()) {
            return Shape::Anonymous;
        }
        if is_capitalized(self.word(self.last)) {
            self.capitalised_shape()
        } else {
            self.lower_shape()
        }
    }

    /// The shape of a phrase whose head is a lower-case word: a description.
    fn lower_shape(&self) -> Shape {
        let head = self.flags(self.last);
        let indefinite = self.body > self.first && !self.definite;
        let owner = (self.last > self.body && is_possessive(self.word(self.last - 1)))
            .then(|| self.last - 1);
        match owner {
            Some(o) if head.statement() => Shape::Owner(o),
            _ if head.statement() => Shape::Statement,
            _ if head.anonymous() || head.group() || (indefinite && !head.org_noun()) => {
                Shape::Anonymous
            }
            _ if head.org_noun() => Shape::OrgRef,
            _ => Shape::Role,
        }
    }

    /// The shape of a phrase whose head is capitalised: a body, a role, or a name.
    fn capitalised_shape(&self) -> Shape {
        if let Some(start) = self.known_body_start() {
            return Shape::KnownBody(start);
        }
        let name_start = self.name_start();
        // (A known body from `body` on would have been found above.)
        let is_org = self.flags(self.last).org_word()
            || (self.body..=self.last).any(|i| self.flags(i).org_word())
                && !(name_start..self.last).any(|i| self.flags(i).given());
        if name_start > self.last {
            // Only titles: a role with no name, or a body's.
            return if is_org { Shape::Body } else { Shape::Role };
        }
        // "the Labour MP for Calderbridge South": the capitalised words after a title and a
        // preposition in a definite description are the office's place or body, not a
        // person's name (unless a given name says so).
        let office_of = self.definite
            && name_start > self.body + 1
            && self.flags(name_start - 1).preposition()
            && !self.flags(name_start - 1).capitalized()
            && self.flags(name_start - 2).title()
            && !(name_start..=self.last).any(|i| self.flags(i).given());
        if office_of && !is_org {
            return Shape::Role;
        }
        let titled = name_start > self.body && self.flags(name_start - 1).title();
        if is_org && !titled {
            Shape::Body
        } else {
            Shape::NameAndRole(name_start)
        }
    }

    /// Where a known body at the end of the phrase starts ("Lebanon’s Hezbollah", "the White
    /// House"), unless a capitalised title stands right before it.
    fn known_body_start(&self) -> Option<usize> {
        (self.body..=self.last)
            .find(|&k| self.is_org_from(k))
            .filter(|&k| {
                k == self.body || self.class(k - 1) != Class::Cap || !self.flags(k - 1).title()
            })
    }

    /// Whether tokens `k..=last` are a known organisation (`data/organizations.txt`).
    fn is_org_from(&self, k: usize) -> bool {
        let head = self.flags(self.last);
        if k == self.last {
            head.org()
        } else {
            head.org_phrase_end()
                && self
                    .lexicon
                    .is_organization_phrase(self.range(k, self.last).slice(self.text))
        }
    }

    /// The first token of the trailing run of capitalised words that are neither titles nor
    /// organisation words; `last + 1` when there is none.
    fn name_start(&self) -> usize {
        let name_word = |f: Flags| f.capitalized() && !f.title() && !f.org_word();
        let mut start = self.last + 1;
        while start > self.body {
            let f = self.flags(start - 1);
            // A particle inside a name: "Pieter de Vries", "Ursula von der Leyen".
            let particle = f.connector()
                && !f.preposition()
                && !f.capitalized()
                && start - 1 > self.body
                && start <= self.last
                && (name_word(self.flags(start - 2)) || self.flags(start - 2).connector());
            if !(name_word(f) || particle) {
                break;
            }
            start -= 1;
        }
        // A name starts on a capitalised word, not on a particle.
        while start <= self.last && !self.flags(start).capitalized() {
            start += 1;
        }
        start
    }

    /// A body's name is its final capitalised run, connectors included: "the vehicle maker
    /// Veltro Motors" → "Veltro Motors", "the US Department of Defense" → all of it.
    fn body_name(&self) -> Span {
        let mut s = self.last;
        while s > self.body {
            let f = self.flags(s - 1);
            let connector = self.class(s - 1) == Class::Connector;
            if !(f.capitalized() || (connector && s >= 2 && self.flags(s - 2).capitalized())) {
                break;
            }
            s -= 1;
        }
        self.range(s, self.last)
    }

    /// `<pronoun>`: "he", "she" and "you" are people; "it" and "they" are resolved later.
    fn pronoun(&self, p: Pronoun) -> Mention {
        let kind = if matches!(p, Pronoun::Personal | Pronoun::Addressee) {
            SpeakerKind::Person
        } else {
            SpeakerKind::Unknown
        };
        self.mention(None, None, kind, Head::Pronoun(p))
    }

    /// `[det] <modifier>* <anonymous-head>`: the phrase is the role.
    fn anonymous(&self) -> Mention {
        let whole = Some(self.whole());
        let kind = if self.flags(self.last).group() {
            SpeakerKind::Group
        } else {
            SpeakerKind::Anonymous
        };
        self.mention(None, whole, kind, Head::Anonymous)
    }

    /// `det <statement-noun>`: whoever issued the statement, resolved later.
    fn statement(&self) -> Mention {
        self.mention(None, None, SpeakerKind::Unknown, Head::Statement)
    }

    /// `<owner>’s <statement-noun>`: the owner speaks, a name if capitalised ("Kirby's
    /// statement"), else an anonymous source ("the organisers’ statement").
    fn owner(&self, owner: usize) -> Mention {
        let own = strip_owner(self.text, self.tokens[owner].span);
        if self.flags(owner).capitalized() {
            self.mention(Some(own), None, SpeakerKind::Unknown, Head::Name)
        } else {
            self.mention(None, Some(own), SpeakerKind::Anonymous, Head::Anonymous)
        }
    }

    /// `det <word>* <org-noun>`: a body named earlier, resolved later.
    fn org_ref(&self) -> Mention {
        let whole = Some(self.whole());
        self.mention(None, whole, SpeakerKind::Organization, Head::OrgRef)
    }

    /// `det <word>* <role>` or `<Role>+`: a person with no name, resolved later.
    fn role(&self) -> Mention {
        let whole = Some(self.whole());
        self.mention(None, whole, SpeakerKind::Person, Head::Role)
    }

    /// `… <known body>`: the body's name alone.
    fn known_body(&self, start: usize) -> Mention {
        let name = Some(self.range(start, self.last));
        self.mention(name, None, SpeakerKind::Organization, Head::Name)
    }

    /// `<Cap>* <org-word> <Cap>*`: a body, named by its final capitalised run.
    fn body(&self) -> Mention {
        let name = Some(self.body_name());
        self.mention(name, None, SpeakerKind::Organization, Head::Name)
    }

    /// `<role>* <name>`: the name starts at the first given name of the capitalised run, else
    /// takes its last two words; what comes before is the role.
    fn name_and_role(&self, name_start: usize) -> Mention {
        let (body, last) = (self.body, self.last);
        // A known given name starts the name; so does the word before a quoted nickname.
        let given =
            (name_start..last).find(|&i| self.flags(i).given() || self.flags(i + 1).nickname());
        // With no known given name, the last two words; three when the middle one is an
        // initial, which follows a given name ("Harriet J. Lindqvist").
        let start = match given {
            Some(g) => g,
            None if last - name_start >= 2 && is_initial(self.word(last - 1)) => last - 2,
            None if last - name_start >= 2 => last - 1,
            None => name_start,
        };
        // Never on a particle: "Pieter de Vries", not "de Vries".
        let mut start = start;
        while start > name_start && !self.flags(start).capitalized() {
            start -= 1;
        }
        // An honorific is never a role: "Ms. Nair" has none, "Dr. Health Minister Ana Ruiz"
        // has "Health Minister". It still says the speaker is a person.
        let honorific = (body..start).any(|i| self.flags(i).honorific());
        let role = (start > body)
            .then(|| {
                // A role ends on a word, not on a connector ("Coordinator for").
                let mut end = start - 1;
                while end > body && self.class(end) == Class::Connector {
                    end -= 1;
                }
                let mut from = body;
                while from < end && self.flags(from).honorific() {
                    from += 1;
                }
                while end > from && self.flags(end).honorific() {
                    end -= 1;
                }
                (!self.flags(from).honorific()).then(|| self.range(from, end))
            })
            .flatten();
        let head_word = self.word(last);
        let single = start == last;
        let acronym =
            head_word.len() >= 2 && head_word.chars().all(|c| c.is_uppercase() || c == '.');
        // "Ticket agency Stubline": a name described by a body's noun is a body.
        let described_as_body = start > body && {
            let before = self.flags(start - 1);
            before.org_noun() && !before.title()
        };
        let kind = if described_as_body {
            SpeakerKind::Organization
        } else if role.is_some() || !single || honorific {
            SpeakerKind::Person
        } else if acronym {
            SpeakerKind::Organization
        } else {
            SpeakerKind::Unknown
        };
        self.mention(Some(self.range(start, last)), role, kind, Head::Name)
    }
}

/// Whether a word is an initial: one letter, with or without its period ("J.", "J").
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && matches!(chars.as_str(), "" | ".")
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

#[cfg(test)]
mod tests {
    use super::*;
    use SpeakerKind::{Anonymous, Organization, Person, Unknown};

    /// All of `text` read as one phrase: its shape, name, role and kind.
    fn split(text: &str) -> (Shape, Option<&str>, Option<&str>, SpeakerKind) {
        let (_, toks) = crate::grammar::lex_for_test(text);
        let last = toks.len() - 1;
        let shape = Phrase::new(text, &toks, 0, last).expect("a phrase").shape();
        let m = analyze(text, &toks, 0, last).expect("a mention");
        let slice = |s: Option<Span>| s.map(|s| s.slice(text));
        (shape, slice(m.name), slice(m.role), m.kind)
    }

    #[test]
    fn a_determiner_alone_is_no_phrase() {
        let (_, toks) = crate::grammar::lex_for_test("the");
        assert_eq!(analyze("the", &toks, 0, 0), None);
    }

    #[test]
    fn pronoun() {
        let she = (Shape::Pronoun(Pronoun::Personal), None, None, Person);
        assert_eq!(split("she"), she);
        assert_eq!(split("they").3, Unknown);
    }

    #[test]
    fn anonymous() {
        let official = (Shape::Anonymous, None, Some("senior official"), Anonymous);
        assert_eq!(split("a senior official"), official);
        assert_eq!(
            split("Officials"),
            (Shape::Anonymous, None, Some("Officials"), Anonymous)
        );
        assert_eq!(split("a board spokesman").0, Shape::Anonymous);
    }

    #[test]
    fn statement() {
        assert_eq!(
            split("the statement"),
            (Shape::Statement, None, None, Unknown)
        );
    }

    #[test]
    fn owner() {
        assert_eq!(
            split("Kirby's statement"),
            (Shape::Owner(0), Some("Kirby"), None, Unknown)
        );
        let organisers = (Shape::Owner(1), None, Some("organisers"), Anonymous);
        assert_eq!(split("the organisers’ statement"), organisers);
    }

    #[test]
    fn org_ref() {
        assert_eq!(
            split("the union"),
            (Shape::OrgRef, None, Some("union"), Organization)
        );
    }

    #[test]
    fn role() {
        assert_eq!(
            split("the mayor"),
            (Shape::Role, None, Some("mayor"), Person)
        );
        let secretary = (Shape::Role, None, Some("US Secretary of Defense"), Person);
        assert_eq!(split("the US Secretary of Defense"), secretary);
    }

    #[test]
    fn known_body() {
        let hezbollah = (Shape::KnownBody(1), Some("Hezbollah"), None, Organization);
        assert_eq!(split("Lebanon’s Hezbollah"), hezbollah);
        let white_house = (Shape::KnownBody(1), Some("White House"), None, Organization);
        assert_eq!(split("the White House"), white_house);
    }

    #[test]
    fn body() {
        let monitor = Some("Open Source Intelligence Monitor");
        assert_eq!(
            split("Open Source Intelligence Monitor"),
            (Shape::Body, monitor, None, Organization)
        );
        let veltro = (Shape::Body, Some("Veltro Motors"), None, Organization);
        assert_eq!(split("the vehicle maker Veltro Motors"), veltro);
    }

    #[test]
    fn name_and_role() {
        let austin = (
            Shape::NameAndRole(2),
            Some("Lloyd Austin"),
            Some("Defense Secretary"),
            Person,
        );
        assert_eq!(split("Defense Secretary Lloyd Austin"), austin);
        assert_eq!(
            split("Kirby"),
            (Shape::NameAndRole(0), Some("Kirby"), None, Unknown)
        );
        assert_eq!(split("NATO").3, Organization);
        // Honorifics are no roles, but make a person.
        assert_eq!(
            split("Ms. Nair"),
            (Shape::NameAndRole(1), Some("Nair"), None, Person)
        );
        assert_eq!(
            split("Mr Whelan"),
            (Shape::NameAndRole(1), Some("Whelan"), None, Person)
        );
        assert_eq!(
            split("Dr. Health Minister Ana Ruiz").2,
            Some("Health Minister")
        );
        assert_eq!(split("Ticket agency Stubline").3, Organization);
    }

    #[test]
    fn a_person_of_a_place_is_the_person() {
        let m = |text: &str| {
            let (_, toks) = crate::grammar::lex_for_test(text);
            let m = analyze(text, &toks, 0, toks.len() - 1).expect("a mention");
            let slice = |s: Option<Span>| s.map(|s| s.slice(text).to_string());
            (slice(m.name), slice(m.role))
        };
        assert_eq!(
            m("Rep. Elijah Ortiz of Maryland"),
            (Some("Elijah Ortiz".into()), Some("Rep.".into()))
        );
        // A place the lists do not know, after a full name.
        assert_eq!(
            m("Prime Minister Dagny Holm of Tarvonia"),
            (Some("Dagny Holm".into()), Some("Prime Minister".into()))
        );
        // A title before "of" keeps its place.
        assert_eq!(
            m("Secretary of State Ana Blinken").0.as_deref(),
            Some("Ana Blinken")
        );
        assert_eq!(
            m("Mayor Ana Ruiz of Kansas City").0.as_deref(),
            Some("Ana Ruiz")
        );
        // A body keeps its place.
        assert_eq!(m("Bank of England").0.as_deref(), Some("Bank of England"));
    }

    #[test]
    fn strip_owner_keeps_the_owner() {
        let text = "organisers’ Kirby's";
        let owner = |a: usize, b: usize| strip_owner(text, Span::new(a, b)).slice(text);
        assert_eq!(
            (owner(0, 13), owner(14, text.len())),
            ("organisers", "Kirby")
        );
    }
}

//! Who a mention refers to, inside one article.
//!
//! A first pass over the article records every named person and organisation with its roles
//! (an [`Entities`] table), so that a surname ("Kirby") or a role given elsewhere in the
//! article ("the US Secretary of Defense") finds the full name. A second pass, in text order,
//! keeps a [`Timeline`] of what has been mentioned so far, so that "he", "it", "the official"
//! and "the statement" find the most recent fitting speaker or subject before them.
//!
//! Names and roles are kept as spans of the article, never copied: strings are made only
//! when a quote is written out.

use crate::grammar::speaker::{Head, Mention, Pronoun};
use crate::quote::{ResolvedBy, SpeakerKind};
use crate::Span;

mod entities;
mod sentence;

use entities::{ends_with_ignore_case, strip_possessive};
pub(crate) use entities::{has_word, Entities, Entity, Gender};
pub(crate) use sentence::{resolve_sentence, scan_names};

/// A speaker or subject seen so far, for looking back.
#[derive(Debug, Clone)]
pub(crate) struct Known {
    pub who: Who,
    /// A sentence subject or a speaker (rather than an object or a passing mention).
    pub salient: bool,
    /// Issued a statement ("a statement by X", "X said in a statement").
    pub statement: bool,
}

/// A resolved referent. Names and roles are spans of the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Who {
    pub name: Option<Span>,
    pub role: Option<Span>,
    pub kind: SpeakerKind,
    pub entity: Option<usize>,
    pub by: ResolvedBy,
    /// The words that named the speaker where it was resolved ("he", "Kirby").
    pub mention: Span,
    /// The AP party–state tag the article gives the speaker ("R-Kan."), if any.
    pub tag: Option<Span>,
    /// The surname to write after `name` when the article gives it only once for two people
    /// ("Szabo" for Irene in "Irene and Gabor Szabo").
    pub surname: Option<Span>,
}

/// What has been mentioned so far in the article, oldest first.
#[derive(Debug, Default)]
pub(crate) struct Timeline {
    seen: Vec<Known>,
}

/// How far back a pronoun or description may look, in mentions.
const LOOKBACK: usize = 60;

impl Timeline {
    pub fn push(&mut self, known: Known) {
        self.seen.push(known);
    }

    fn recent(&self) -> impl Iterator<Item = &Known> {
        crate::work::step(LOOKBACK.min(self.seen.len()));
        self.seen.iter().rev().take(LOOKBACK)
    }

    /// The most recent salient referent that `fits`, else the most recent that fits.
    fn find(&self, fits: impl Fn(&Who) -> bool) -> Option<Who> {
        self.recent()
            .find(|k| k.salient && fits(&k.who))
            .or_else(|| self.recent().find(|k| fits(&k.who)))
            .map(|k| k.who)
    }

    /// The person "he" or "she" stands for: as [`Timeline::find`], except that a salient
    /// person from before a line break gives way to a person named after it in passing, by
    /// given name and surname, with a role or an age ("Fontaine said … ¶ We spoke to
    /// Lorraine Pitre, 74, … She said": Pitre, the new entry's person).
    fn find_person(
        &self,
        text: &str,
        entities: &Entities,
        fits: impl Fn(&Who) -> bool,
    ) -> Option<Who> {
        let latest = self.recent().find(|k| fits(&k.who))?;
        let Some(salient) = self.recent().find(|k| k.salient && fits(&k.who)) else {
            return Some(latest.who);
        };
        let (from, to) = (salient.who.mention.end, latest.who.mention.start);
        let introduced = !latest.salient
            && from < to
            && latest.who.name.is_some_and(|n| {
                let mut words = n.slice(text).split_whitespace();
                let given = words.next().is_some_and(|w| {
                    crate::lexicon::Lexicon::get().flags(w).given()
                });
                given && words.next().is_some()
            })
            // Shown to be a person: a role, an age ("Lorraine Pitre, 74,") or a clause about
            // them ("Pieter Claessens, who runs a guesthouse"), not a place that starts with
            // a given name ("Linwood Park").
            && latest.who.entity.is_some_and(|id| {
                !entities.list[id].roles.is_empty()
                    || entities.age(id).is_some()
                    || latest.who.name.is_some_and(|n| text[n.end..].starts_with(", who "))
            })
            && text[from..to].contains('\n');
        Some(if introduced { latest.who } else { salient.who })
    }

    /// The most recent anonymous source whose role ends with the same noun as `role`
    /// ("official" finds "senior official"; plural and singular alike).
    fn find_anonymous(&self, text: &str, role: &str) -> Option<Who> {
        let head = role.rsplit(' ').next().unwrap_or(role);
        let singular = head.trim_end_matches('s');
        if singular.is_empty() {
            return None;
        }
        self.find(|w| {
            w.kind.is_unnamed()
                && w.role.is_some_and(|r| {
                    ends_with_ignore_case(r.slice(text).trim_end_matches('s'), singular)
                })
        })
    }

    /// "Elaine Whitlow … Her husband said": for a mention that is a possessive and one family
    /// word (`data/family_words.txt`), the person of the possessor's surname whose gender
    /// the family word says; the possessor is the person spoken of last whom the possessive
    /// fits ("Her": a woman or somebody of no known gender).
    fn relative(&self, text: &str, m: &Mention, entities: &Entities) -> Option<usize> {
        let mut words = m.span.slice(text).split_whitespace();
        let (owner, word) = (words.next()?, words.next()?);
        if words.next().is_some() || !matches!(owner, "His" | "his" | "Her" | "her") {
            return None;
        }
        let lexicon = crate::lexicon::Lexicon::get();
        if !lexicon.flags(word).family() {
            return None;
        }
        let female = owner.eq_ignore_ascii_case("her");
        let owner_gender = Gender {
            female,
            male: !female,
        };
        let possessor = self.find(|w| {
            w.kind == SpeakerKind::Person
                && w.entity
                    .is_some_and(|id| !entities.list[id].gender().contradicts(owner_gender))
        })?;
        entities.relative_of(possessor.entity?, word)
    }

    /// "Teddy Wexler … She says": a personal pronoun that fits nobody in view stands for
    /// the person spoken of last when only that person's given name said the other gender;
    /// the entity then keeps the gender the pronoun showed. Not inside a quote, where "she"
    /// may be anybody the speaker talks of.
    fn misgendered(&self, entities: &Entities, said: Gender, p: Pronoun) -> Option<Who> {
        if p != Pronoun::Personal || said.known().is_none() {
            return None;
        }
        let last = self.recent().find(|k| k.salient)?.who;
        let id = last.entity.filter(|_| last.kind == SpeakerKind::Person)?;
        let e = &entities.list[id];
        e.guessed_otherwise(said).then(|| {
            e.hear(said);
            last
        })
    }

    /// Resolves a mention at the cue; `entities` is the article's table.
    pub fn resolve(&self, text: &str, m: &Mention, entities: &Entities) -> Who {
        self.resolve_inside(text, m, entities, None)
    }

    /// Resolves a mention inside the words of `quoter`: there "he" or "she" is somebody the
    /// quoter speaks of, never the quoter, who would say "I" (“He told me, ‘Not yet’”).
    pub fn resolve_inside(
        &self,
        text: &str,
        m: &Mention,
        entities: &Entities,
        quoter: Option<&Who>,
    ) -> Who {
        let is_quoter = |w: &Who| {
            quoter.is_some_and(|q| match (q.entity, w.entity) {
                (Some(a), Some(b)) => a == b,
                _ => {
                    q.name.is_some()
                        && q.name.map(|n| n.slice(text)) == w.name.map(|n| n.slice(text))
                }
            })
        };
        let from_entity = |id: usize, by: ResolvedBy| {
            let e = &entities.list[id];
            Who {
                name: Some(e.name),
                role: m.role.or_else(|| e.best_role(text)),
                kind: e.kind,
                entity: Some(id),
                by,
                mention: m.span,
                tag: m.tag.or(e.tag),
                surname: e.surname,
            }
        };
        let plain = |kind| Who {
            name: m.name.map(|n| strip_possessive(text, n)),
            role: m.role,
            kind,
            entity: None,
            by: ResolvedBy::Cue,
            mention: m.span,
            tag: m.tag,
            surname: m.surname,
        };
        let with_by = |w: Who, by: ResolvedBy| Who {
            by,
            mention: m.span,
            ..w
        };
        let written_role = m.role.map(|r| r.slice(text)).unwrap_or_default();
        match m.head {
            Head::Name => {
                // A surname two people of the article share, the honorific not telling
                // which: the one of them the article spoke of last (as a speaker or a
                // subject), else the one the table gives (the first it named).
                let namesakes = entities.undecided_namesakes(m);
                let senior = (!namesakes.is_empty())
                    .then(|| seniority(text, m))
                    .flatten()
                    .and_then(|younger| entities.by_seniority(&namesakes, younger));
                let last = (!namesakes.is_empty() && senior.is_none())
                    .then(|| {
                        self.recent().find(|k| {
                            k.salient && k.who.entity.is_some_and(|e| namesakes.contains(&e))
                        })
                    })
                    .flatten()
                    .and_then(|k| k.who.entity);
                match senior.or(last).or_else(|| entities.lookup_name(m)) {
                    // "younger" is no role of theirs.
                    Some(id) if senior.is_some() => Who {
                        role: entities.list[id].best_role(text),
                        ..from_entity(id, ResolvedBy::Cue)
                    },
                    Some(id) => from_entity(id, ResolvedBy::Cue),
                    // A surname the article gives two people: a person still, though which
                    // one the article does not say.
                    None if entities.is_shared_surname(m) => plain(SpeakerKind::Person),
                    None => plain(m.kind),
                }
            }
            Head::Pronoun(p) => {
                // "he" and "she" never stand for a person the article gives the other gender.
                let said = Gender::of_word(m.span.slice(text));
                let agrees = |w: &Who| {
                    w.entity
                        .is_none_or(|id| !entities.list[id].gender().contradicts(said))
                };
                let fits = |w: &Who| match p {
                    Pronoun::Personal => {
                        w.kind == SpeakerKind::Person
                            && w.name.is_some()
                            && agrees(w)
                            && !is_quoter(w)
                    }
                    Pronoun::Neuter => w.kind == SpeakerKind::Organization,
                    Pronoun::Plural => w.kind == SpeakerKind::Organization || w.kind.is_unnamed(),
                    // Whoever is spoken to is none of the speakers before: only an exchange
                    // (an interviewer's question) says who it is (see `extract/turns.rs`).
                    Pronoun::Addressee => false,
                };
                let found = match p {
                    Pronoun::Personal => self.find_person(text, entities, fits),
                    _ => self.find(fits),
                };
                match found {
                    // "Castaneda said … she added", where the article has two Castañedas:
                    // the pronoun's gender says which.
                    Some(w) if w.entity.is_none() => {
                        let surname = w.name.map(|n| n.slice(text)).unwrap_or_default();
                        match entities.shared_surname_by_gender(surname, said) {
                            Some(id) => from_entity(id, ResolvedBy::Pronoun),
                            None => with_by(w, ResolvedBy::Pronoun),
                        }
                    }
                    Some(w) => with_by(w, ResolvedBy::Pronoun),
                    None if quoter.is_none() => match self.misgendered(entities, said, p) {
                        Some(w) => with_by(w, ResolvedBy::Pronoun),
                        None => plain(m.kind),
                    },
                    None => plain(m.kind),
                }
            }
            Head::Role => match entities.lookup_role(written_role) {
                Some(id) => from_entity(id, ResolvedBy::Role),
                // "Her husband", "his son": the relative of that surname of the person the
                // possessive stands for.
                None if let Some(id) = self.relative(text, m, entities) => {
                    from_entity(id, ResolvedBy::Anaphor)
                }
                // "the engineer" after "a senior engineer": the same unnamed source.
                None => match self.find_anonymous(text, written_role) {
                    Some(w) => with_by(w, ResolvedBy::Anaphor),
                    // "…, the Republican said": the person spoken of last, as "he" would be.
                    // "Rovers legend Dean Holcroft … The former striker insisted": an epithet
                    // is the person named last, subject or not.
                    None if m.definite
                        && (is_party_member(written_role) || is_epithet(written_role)) =>
                    {
                        let person = |w: &Who| w.kind == SpeakerKind::Person && w.name.is_some();
                        let found = if is_party_member(written_role) {
                            self.find(person)
                        } else {
                            self.recent().map(|k| k.who).find(person)
                        };
                        match found {
                            Some(w) => with_by(w, ResolvedBy::Anaphor),
                            None => plain(SpeakerKind::Person),
                        }
                    }
                    None => plain(SpeakerKind::Person),
                },
            },
            Head::Anonymous => match m
                .definite
                .then(|| self.find_anonymous(text, written_role))
                .flatten()
            {
                Some(w) => with_by(w, ResolvedBy::Anaphor),
                None => plain(m.kind),
            },
            Head::OrgRef => {
                // "the union": a body named earlier whose name has the word, else, for a bare
                // noun, the most recent body; "the safety authority" must match by name.
                let head = written_role.rsplit(' ').next().unwrap_or_default();
                let is_body = |w: &Who| w.kind == SpeakerKind::Organization && w.name.is_some();
                let named = self
                    .find(|w| is_body(w) && w.name.is_some_and(|n| has_word(n.slice(text), head)));
                // "the firm": the latest body not known to be of another kind (a union, a
                // paper). "the group" says no kind, and fits any body but a news outlet,
                // which is "the paper" or "the newspaper" ("The Meridian Times reported …
                // The agency said": not the Times).
                let lexicon = crate::lexicon::Lexicon::get();
                let wanted = lexicon.body_type(head);
                let fits_kind = |w: &Who| {
                    let of = w.name.and_then(|n| lexicon.body_type(n.slice(text)));
                    match (wanted, of) {
                        (None, Some("outlet")) => false,
                        (None, _) | (_, None) => true,
                        (Some(a), Some(b)) => a == b,
                    }
                };
                let bare = !written_role.contains(' ');
                // A body is often named in passing (in a role, as an object) just before
                // "the group said": the latest, salient or not.
                let latest = || {
                    self.recent()
                        .find(|k| is_body(&k.who) && fits_kind(&k.who))
                        .map(|k| k.who)
                };
                if named.is_none() {
                    // Named beyond the look-back: the one body of the article with the word.
                    if let Some(id) = entities.body_with_word(head) {
                        return from_entity(id, ResolvedBy::Anaphor);
                    }
                }
                match named.or_else(|| bare.then(latest).flatten()) {
                    Some(w) => with_by(w, ResolvedBy::Anaphor),
                    None => plain(SpeakerKind::Organization),
                }
            }
            // "… according to a Tessel Water Users Alliance report": an indefinite statement
            // with capitalised words is a new one, issued by the body they name.
            Head::Statement if let Some(name) = issuer_name(text, m) => Who {
                name: Some(name),
                ..plain(SpeakerKind::Organization)
            },
            Head::Statement => {
                let issuer = self
                    .recent()
                    .find(|k| k.statement)
                    .or_else(|| {
                        self.recent()
                            .find(|k| k.salient && k.who.kind != SpeakerKind::Unknown)
                    })
                    .map(|k| k.who);
                match issuer {
                    Some(w) => with_by(w, ResolvedBy::Statement),
                    None => plain(SpeakerKind::Unknown),
                }
            }
        }
    }
}

/// The capitalised words after the "a" or "an" of an indefinite statement mention, when the
/// statement noun follows them ("Tessel Water Users Alliance" of "a Tessel Water Users
/// Alliance report"); `None` for any other mention.
fn issuer_name(text: &str, m: &Mention) -> Option<Span> {
    if m.definite {
        return None;
    }
    let phrase = m.span.slice(text);
    // The words with their byte offsets in the mention.
    let mut words = phrase.split_whitespace().map(|w| {
        let at = w.as_ptr() as usize - phrase.as_ptr() as usize;
        (at, w)
    });
    if !words
        .next()
        .is_some_and(|(_, w)| matches!(w, "a" | "an" | "A" | "An"))
    {
        return None;
    }
    let mut name: Option<(usize, usize)> = None;
    for (at, w) in words {
        if !w.starts_with(char::is_uppercase) {
            // The statement noun after the name.
            return name.map(|(s, e)| Span::new(m.span.start + s, m.span.start + e));
        }
        name = Some((name.map_or(at, |(s, _)| s), at + w.len()));
    }
    None
}

/// "The younger Mr. Pruitt", "the elder Whitlow": whether the mention `m` (its role, or the
/// words just before it) asks for the younger (`Some(true)`) or the elder (`Some(false)`) of
/// namesakes.
fn seniority(text: &str, m: &Mention) -> Option<bool> {
    let word = match m.role {
        Some(role) => role.slice(text),
        None => {
            let before = text[..m.span.start].trim_end();
            let word_at = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
            let the = before[..word_at].trim_end();
            let the = &the[the.rfind(char::is_whitespace).map_or(0, |i| i + 1)..];
            if !the.eq_ignore_ascii_case("the") {
                return None;
            }
            &before[word_at..]
        }
    };
    seniority_word(word)
}

/// "younger" → `Some(true)`, "elder" or "older" → `Some(false)`, any other word → `None`.
pub(crate) fn seniority_word(word: &str) -> Option<bool> {
    match word.to_ascii_lowercase().as_str() {
        "younger" => Some(true),
        "elder" | "older" => Some(false),
        _ => None,
    }
}

/// Whether a role is an epithet that points back at somebody already named rather than
/// describing a new source: a former holder ("former striker", "ex-minister") or a person
/// known by age or origin ("54-year-old", "Ohio-born billionaire").
fn is_epithet(role: &str) -> bool {
    let first = role.split_whitespace().next().unwrap_or_default();
    first.eq_ignore_ascii_case("former")
        || first
            .get(..3)
            .is_some_and(|p| p.eq_ignore_ascii_case("ex-"))
        || role
            .split_whitespace()
            .any(|w| w.ends_with("-old") || w.ends_with("-born"))
}

/// Whether a role is a party member alone ("Republican", "Democrat").
fn is_party_member(role: &str) -> bool {
    !role.contains(char::is_whitespace) && crate::lexicon::Lexicon::get().flags(role).party_member()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::speaker::parse_right;

    /// The mention that starts at the first token of `phrase` inside `text`.
    fn mention(text: &str, phrase: &str) -> Mention {
        let (_, tokens) = crate::grammar::lex_for_test(text);
        let at = text.find(phrase).expect("the phrase is in the text");
        let i = tokens
            .iter()
            .position(|t| t.span.start == at)
            .expect("a token starts there");
        parse_right(text, &tokens, i).expect("a mention")
    }

    /// Resolves `phrase` after `earlier` mentions have been seen, in order, as salient.
    fn resolve(text: &str, earlier: &[&str], phrase: &str) -> (Option<String>, ResolvedBy) {
        let mut entities = Entities::new(text);
        let (_, tokens) = crate::grammar::lex_for_test(text);
        let seen: Vec<Mention> = earlier.iter().map(|p| mention(text, p)).collect();
        for m in &seen {
            entities.observe(m, &tokens);
        }
        entities.settle();
        let mut timeline = Timeline::default();
        for m in &seen {
            let who = timeline.resolve(text, m, &entities);
            timeline.push(Known {
                who,
                salient: true,
                statement: false,
            });
        }
        let who = timeline.resolve(text, &mention(text, phrase), &entities);
        (who.name.map(|n| n.slice(text).to_string()), who.by)
    }

    #[test]
    fn a_surname_finds_the_full_name() {
        let text = "Mayor Ana Reyes spoke. Then Reyes left.";
        let (name, _) = resolve(text, &["Mayor Ana Reyes"], "Reyes left");
        assert_eq!(name.as_deref(), Some("Ana Reyes"));
    }

    #[test]
    fn a_pronoun_takes_the_latest_fitting_speaker() {
        let text = "Ana Reyes met the Harbour Board and Tom Baird. Then he spoke.";
        let (name, by) = resolve(
            text,
            &["Ana Reyes", "the Harbour Board", "Tom Baird"],
            "he spoke",
        );
        assert_eq!(
            (name.as_deref(), by),
            (Some("Tom Baird"), ResolvedBy::Pronoun)
        );
        // "it" skips the people for the body.
        let text = "The Harbour Board met Tom Baird. Then it spoke.";
        let (name, _) = resolve(text, &["The Harbour Board", "Tom Baird"], "it spoke");
        assert_eq!(name.as_deref(), Some("Harbour Board"));
    }

    #[test]
    fn he_and_she_skip_people_of_the_other_gender() {
        let text = "Ana Reyes met Tom Baird. Then she spoke.";
        let (name, _) = resolve(text, &["Ana Reyes", "Tom Baird"], "she spoke");
        assert_eq!(name.as_deref(), Some("Ana Reyes"));
        // Where the article says nothing of a gender, the latest person.
        let text = "Ana Reyes met Kim Baird. Then he spoke.";
        let (name, _) = resolve(text, &["Ana Reyes", "Kim Baird"], "he spoke");
        assert_eq!(name.as_deref(), Some("Kim Baird"));
    }

    #[test]
    fn a_role_alone_finds_who_holds_it() {
        let text = "Port Commissioner Dana Whitfield arrived. The port commissioner spoke.";
        let (name, by) = resolve(
            text,
            &["Port Commissioner Dana Whitfield"],
            "The port commissioner",
        );
        assert_eq!(
            (name.as_deref(), by),
            (Some("Dana Whitfield"), ResolvedBy::Role)
        );
    }

    #[test]
    fn an_abbreviated_title_is_the_role_in_full() {
        let text = "Gov. Lyle Brannigan toured the town. The governor spoke.";
        let (name, by) = resolve(text, &["Gov. Lyle Brannigan"], "The governor");
        assert_eq!(
            (name.as_deref(), by),
            (Some("Lyle Brannigan"), ResolvedBy::Role)
        );
    }

    #[test]
    fn an_epithet_is_the_person_named_last() {
        let text = "Ann Ortiz left. Curtis Vale hit back. The Ohio-born mayor said no.";
        let (name, by) = resolve(text, &["Ann Ortiz", "Curtis Vale"], "The Ohio-born mayor");
        assert_eq!(
            (name.as_deref(), by),
            (Some("Curtis Vale"), ResolvedBy::Anaphor)
        );
        let text = "Dean Holt left. The former mayor said no.";
        let (name, _) = resolve(text, &["Dean Holt"], "The former mayor");
        assert_eq!(name.as_deref(), Some("Dean Holt"));
        // A plain role is somebody new.
        let text = "Dean Holt left. The mayor said no.";
        let (name, _) = resolve(text, &["Dean Holt"], "The mayor");
        assert_eq!(name, None);
    }

    #[test]
    fn the_younger_of_namesakes_is_told_by_age_or_kinship() {
        let text = "Walter Pruitt, 81, sold it. Dale Pruitt, 52, agreed. The younger Pruitt spoke.";
        let (name, _) = resolve(text, &["Walter Pruitt", "Dale Pruitt"], "Pruitt spoke");
        assert_eq!(name.as_deref(), Some("Dale Pruitt"));
        let text = "His son, Dale Pruitt, agreed. Walter Pruitt sold. The elder Mr. Pruitt spoke.";
        let (name, _) = resolve(
            text,
            &["son, Dale Pruitt", "Walter Pruitt"],
            "The elder Mr. Pruitt",
        );
        assert_eq!(name.as_deref(), Some("Walter Pruitt"));
        // With nothing to tell them apart, the one spoken of last.
        let text = "Walter Pruitt sold. Dale Pruitt agreed. The elder Pruitt spoke.";
        let (name, _) = resolve(text, &["Walter Pruitt", "Dale Pruitt"], "Pruitt spoke");
        assert_eq!(name.as_deref(), Some("Dale Pruitt"));
    }

    #[test]
    fn a_relative_in_a_whose_clause_is_neither_the_subject_nor_the_elder() {
        let speakers = |text: &str| -> Vec<Option<String>> {
            crate::Extractor::new()
                .extract(&crate::Article::new("t", text))
                .quotes
                .into_iter()
                .map(|q| q.speaker.and_then(|s| s.name))
                .collect()
        };
        let text = "Rui Sousa, 66, a retired docker whose son, Tiago, runs a crane, said he \
                    would have held out. The younger Mr. Sousa was relieved. \"It is six \
                    years,\" he said.";
        assert_eq!(
            speakers(text),
            [
                Some("Rui Sousa".to_string()),
                Some("Tiago Sousa".to_string())
            ]
        );
    }

    /// The name of the speaker of the last quote extracted from `text`.
    fn last_speaker(text: &str) -> Option<String> {
        crate::Extractor::new()
            .extract(&crate::Article::new("t", text))
            .quotes
            .last()
            .and_then(|q| q.speaker.clone())
            .and_then(|s| s.name)
    }

    #[test]
    fn an_indefinite_report_with_a_name_is_that_bodys() {
        let text = "Consumer advocates said the fine was too small.\n\nRates rose 38 percent, \
                    according to a Tessel Water Users Alliance report published last year.";
        assert_eq!(
            last_speaker(text).as_deref(),
            Some("Tessel Water Users Alliance")
        );
    }

    #[test]
    fn a_live_blog_entry_gives_the_words_of_whom_they_are_from() {
        let text = "10:24 a.m. — First question from Whitcombe, and it is a blunt one: \
                    \"Will you commit, today, to cutting the price?\"";
        assert_eq!(last_speaker(text).as_deref(), Some("Whitcombe"));
    }

    #[test]
    fn a_word_before_a_full_name_describes_the_subject() {
        let text = "Union firebrand Roz Tamsin tore into the port boss, accusing him of \
                    \"pocketing millions.\"";
        assert_eq!(last_speaker(text).as_deref(), Some("Roz Tamsin"));
    }

    #[test]
    fn a_relative_named_inside_the_clause_does_not_take_the_bare_surname() {
        let text = "Stan Kowalczyk said he heard from a text sent by his wife, Teresa \
                    Kowalczyk, who leads the union.\n\n\"That was it,\" Kowalczyk said.";
        assert_eq!(last_speaker(text).as_deref(), Some("Stan Kowalczyk"));
    }

    #[test]
    fn a_relative_by_a_possessive_is_the_namesake_of_that_gender() {
        let text = "Graham Whitlow ran it. Elaine Whitlow sat. Her husband spoke.";
        let (name, by) = resolve(text, &["Graham Whitlow", "Elaine Whitlow"], "Her husband");
        assert_eq!(
            (name.as_deref(), by),
            (Some("Graham Whitlow"), ResolvedBy::Anaphor)
        );
        // Two men of the name: which one, the article does not say.
        let text =
            "Graham Whitlow ran it. Marcus Whitlow too. Elaine Whitlow sat. Her husband spoke.";
        let (name, _) = resolve(
            text,
            &["Graham Whitlow", "Marcus Whitlow", "Elaine Whitlow"],
            "Her husband",
        );
        assert_eq!(name, None);
    }

    #[test]
    fn a_person_introduced_after_a_line_break_takes_the_pronoun() {
        let speaker = last_speaker;
        let text = "Gov. Ann Fontaine said the storm was near.\n\nWe spoke to Lorraine Pitre, \
                    74, who was packing. She said she would leave by noon.";
        assert_eq!(speaker(text).as_deref(), Some("Lorraine Pitre"));
        // In the same paragraph, or with nothing to show a person, the subject keeps it.
        let text = "Gov. Ann Fontaine said the storm was near. We spoke to Lorraine Pitre, 74, \
                    who was packing. She said she would leave by noon.";
        assert_eq!(speaker(text).as_deref(), Some("Ann Fontaine"));
        let text = "Gov. Ann Fontaine said the storm was near.\n\nWe drove to Linwood Park. \
                    She said she would leave by noon.";
        assert_eq!(speaker(text).as_deref(), Some("Ann Fontaine"));
        // A relative clause about the new name shows a person too.
        let text = "Gov. Ann Fontaine said the storm was near.\n\nWe spoke to Lorraine Pitre, \
                    who runs a guesthouse. She said she would leave by noon.";
        assert_eq!(speaker(text).as_deref(), Some("Lorraine Pitre"));
    }

    #[test]
    fn a_described_body_is_the_latest_of_its_kind() {
        // "the firm" passes over the union for the company; "the group" takes the latest body.
        let text =
            "Whelan Haulage met the Road Haulage Workers Union. The firm spoke. The group spoke.";
        let earlier = ["Whelan Haulage", "the Road Haulage Workers Union"];
        let (name, by) = resolve(text, &earlier, "The firm spoke");
        assert_eq!(
            (name.as_deref(), by),
            (Some("Whelan Haulage"), ResolvedBy::Anaphor)
        );
        let (name, _) = resolve(text, &earlier, "The group spoke");
        assert_eq!(name.as_deref(), Some("Road Haulage Workers Union"));
        // A news outlet is "the paper", never "the agency".
        let text = "Pellworth Labs was cited by the Meridian Times. The agency spoke.";
        let earlier = ["Pellworth Labs", "the Meridian Times"];
        let (name, _) = resolve(text, &earlier, "The agency spoke");
        assert_eq!(name.as_deref(), Some("Pellworth Labs"));
    }

    #[test]
    fn a_pronoun_inside_a_quote_is_not_the_quoter() {
        let text = "Tom Baird met Ivo Lind. He said.";
        let (_, tokens) = crate::grammar::lex_for_test(text);
        let mut entities = Entities::new(text);
        let mut timeline = Timeline::default();
        let seen: Vec<Mention> = ["Tom Baird", "Ivo Lind"]
            .iter()
            .map(|p| mention(text, p))
            .collect();
        for m in &seen {
            entities.observe(m, &tokens);
        }
        let whos: Vec<Who> = seen
            .iter()
            .map(|m| timeline.resolve(text, m, &entities))
            .collect();
        for &who in &whos {
            timeline.push(Known {
                who,
                salient: true,
                statement: false,
            });
        }
        let he = mention(text, "He said");
        let name = |w: Who| w.name.map(|n| n.slice(text).to_string());
        assert_eq!(
            name(timeline.resolve(text, &he, &entities)).as_deref(),
            Some("Ivo Lind")
        );
        let inside = timeline.resolve_inside(text, &he, &entities, Some(&whos[1]));
        assert_eq!(name(inside).as_deref(), Some("Tom Baird"));
    }

    #[test]
    fn nothing_to_bind_stays_unnamed() {
        let text = "Then he spoke.";
        let (name, _) = resolve(text, &[], "he spoke");
        assert_eq!(name, None);
    }
}

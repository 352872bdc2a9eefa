//! The entity table: every person and body an article names, with their roles, indexed by
//! surname and by role, so that "Kirby" or "the US Secretary of Defense" finds the full name.

use std::cell::{Cell, OnceCell};

use rustc_hash::FxHashMap;

use super::seniority_word;
use crate::grammar::speaker::{Head, Mention};
use crate::grammar::words::Token;
use crate::quote::SpeakerKind;
use crate::Span;

/// A person or body named in the article.
#[derive(Debug, Clone)]
pub(crate) struct Entity {
    /// The fullest form of the name seen.
    pub name: Span,
    pub kind: SpeakerKind,
    /// Roles in order of first appearance.
    pub roles: Vec<Span>,
    /// What the mentions say of the person's gender: an honorific ("Ms. Ann Ortiz", "Mr
    /// Whelan") or a given name used for one gender. Read through [`Entity::gender`].
    said: Gender,
    /// What the honorifics alone say: firm evidence, where a given name is only a guess
    /// (Teddy is mostly a man's name, not always).
    titled: Gender,
    /// What a pronoun showed when it could stand for nobody else ("Teddy Wexler … She
    /// says …"): it overrides the guess from the given name.
    heard: Cell<Gender>,
    /// The AP party–state tag of a politician ("R-Kan."), where the article gives one.
    pub tag: Option<Span>,
    /// The surname of a person named by a given name that shares it ("Irene and Gabor
    /// Szabo"): the full name is `name` then `surname`.
    pub surname: Option<Span>,
}

/// What the mentions of one person say of their gender, for telling "Mr. Ortiz" from "Ms.
/// Ortiz" when an article names two Ortizes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Gender {
    pub female: bool,
    pub male: bool,
}

impl Gender {
    /// What a mention says: its honorifics and the given name of its name (a name of one
    /// word is a surname: "Lloyd" says nothing, though Lloyd is also a given name).
    pub fn of(text: &str, m: &Mention) -> Gender {
        let Some(name) = m.name else {
            return Gender::default();
        };
        let lexicon = crate::lexicon::Lexicon::get();
        let before = &text[m.span.start..name.start];
        let mut words = name.slice(text).split_whitespace();
        let given = words
            .next()
            .filter(|_| words.next().is_some() || m.surname.is_some());
        let words = before.split_whitespace().chain(given);
        let mut g = Gender::default();
        for w in words {
            let f = lexicon.flags(w.trim_end_matches('.'));
            g.female |= f.female();
            g.male |= f.male();
        }
        g
    }

    /// What a mention says, from its tokens' flags (no look-up): its honorifics and the given
    /// name of its name (as [`Gender::of`]).
    pub fn of_tokens(tokens: &[Token], m: &Mention) -> Gender {
        let Some(name) = m.name else {
            return Gender::default();
        };
        let own = m.own(tokens);
        let one_word = own
            .iter()
            .any(|t| t.span.start == name.start && t.span.end >= name.end);
        let surname_only = m.surname.is_none() && one_word;
        let mut g = Gender::default();
        for t in own {
            if t.span.start > name.start || (surname_only && t.span.start == name.start) {
                break;
            }
            g.female |= t.flags.female();
            g.male |= t.flags.male();
        }
        g
    }

    /// What the honorifics of a mention say, without its given name ("Mr." in "Mr. Ortiz").
    pub fn of_title_tokens(tokens: &[Token], m: &Mention) -> Gender {
        let Some(name) = m.name else {
            return Gender::default();
        };
        let mut g = Gender::default();
        for t in m
            .own(tokens)
            .iter()
            .take_while(|t| t.span.start < name.start)
        {
            g.female |= t.flags.female();
            g.male |= t.flags.male();
        }
        g
    }

    /// Adds what `other` says.
    pub fn add(&mut self, other: Gender) {
        self.female |= other.female;
        self.male |= other.male;
    }

    /// What one word says (a pronoun: "she", "He").
    pub fn of_word(word: &str) -> Gender {
        let f = crate::lexicon::Lexicon::get().flags(word);
        Gender {
            female: f.female(),
            male: f.male(),
        }
    }

    /// Whether each says one gender, and not the same one.
    pub fn contradicts(self, other: Gender) -> bool {
        matches!((self.known(), other.known()), (Some(a), Some(b)) if a != b)
    }

    /// Only one gender was said.
    pub fn known(self) -> Option<bool> {
        (self.female != self.male).then_some(self.female)
    }
}

impl Entity {
    /// The person's gender as the article shows it: the honorifics' if they say one, else
    /// what a pronoun showed, else what the given name suggests.
    pub fn gender(&self) -> Gender {
        if self.titled.known().is_some() {
            self.titled
        } else if self.heard.get().known().is_some() {
            self.heard.get()
        } else {
            self.said
        }
    }

    /// Whether the person's gender is only guessed from the given name, and `pronoun` says
    /// the other: the article's pronoun is the better evidence.
    pub fn guessed_otherwise(&self, pronoun: Gender) -> bool {
        self.titled.known().is_none()
            && self.heard.get().known().is_none()
            && self.said.contradicts(pronoun)
    }

    /// Records what a pronoun that could stand for nobody else showed.
    pub fn hear(&self, pronoun: Gender) {
        self.heard.set(pronoun);
    }

    /// The role to show when a mention gives none: the first that is more than an
    /// honorific ("glaciologist" rather than "Dr.").
    pub fn best_role(&self, text: &str) -> Option<Span> {
        let honorific = |r: &Span| {
            matches!(
                r.slice(text).trim_end_matches('.'),
                "Mr" | "Mrs"
                    | "Ms"
                    | "Mx"
                    | "Dr"
                    | "Prof"
                    | "Sir"
                    | "Dame"
                    | "Professor"
                    | "Doctor"
            )
        };
        self.roles
            .iter()
            .find(|r| !honorific(r))
            .or(self.roles.first())
            .copied()
    }
}

/// Everyone named in one article.
#[derive(Debug)]
pub(crate) struct Entities<'t> {
    text: &'t str,
    pub list: Vec<Entity>,
    by_name: FxHashMap<&'t str, usize>,
    /// Last name → entity; `None` when two people share it.
    by_surname: FxHashMap<&'t str, Option<usize>>,
    /// Last name → every person of the article with that last name, in order.
    surname_ids: FxHashMap<&'t str, Vec<usize>>,
    by_role: FxHashMap<String, Option<usize>>,
    /// First word of a person's name of several words → the person; `None` when two
    /// people share it ("Dec" for Dec O'Rourke).
    by_given: FxHashMap<&'t str, Option<usize>>,
    /// The person named last, for a family member named by a given name alone ("His wife
    /// Teresa").
    last_person: Option<usize>,
    /// The person named before `last_person`, another one.
    person_before: Option<usize>,
    /// A quoted nickname inside a name → its person ("Big Mick" → Michael Tiernan); `None`
    /// when two people have it.
    by_nickname: FxHashMap<&'t str, Option<usize>>,
    /// Each word of a role key → the keys of `by_role` that hold it, made on the first look-up
    /// that needs it: a role is looked up among the keys that share its rarest word, not
    /// among them all.
    role_words: OnceCell<FxHashMap<String, Vec<String>>>,
}

/// How many keys sharing a word one look-up reads at most; past that the role counts as
/// held by several people (an article with hundreds of roles sharing one word).
const MAX_ROLE_CANDIDATES: usize = 64;

/// Folds a role for comparison: lower case, no determiner, abbreviated titles in full ("Gov."
/// as "governor"), "U.S." as "us", British spelling of "defence" as "defense".
pub(crate) fn role_key(role: &str) -> String {
    let mut key = String::with_capacity(role.len());
    let lexicon = crate::lexicon::Lexicon::get();
    for word in role.split_whitespace() {
        // "Gov." and "the governor" are one role.
        let word = lexicon.title_in_full(word).unwrap_or(word);
        let folded = |w: &str, plain: &str| w.eq_ignore_ascii_case(plain);
        if folded(word, "the") || folded(word, "a") || folded(word, "an") {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        if folded(word, "u.s.") {
            key.push_str("us");
        } else if folded(word, "defence") {
            key.push_str("defense");
        } else if word.is_ascii() {
            let at = key.len();
            key.push_str(word);
            key[at..].make_ascii_lowercase();
        } else {
            key.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    key
}

/// Whether one of a name's words is `word`, in any case ("Westmoor District Council" has
/// "council").
pub(crate) fn has_word(name: &str, word: &str) -> bool {
    name.split_whitespace()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// Records that `key` names entity `id` in an index where a key two entities share names
/// nobody (`None`).
fn claim<'k>(map: &mut FxHashMap<&'k str, Option<usize>>, key: &'k str, id: usize) {
    let slot = map.entry(key).or_insert(Some(id));
    if *slot != Some(id) {
        *slot = None;
    }
}

/// The one entity `key` names in an index of [`claim`], if it names exactly one.
fn one(map: &FxHashMap<&str, Option<usize>>, key: &str) -> Option<usize> {
    map.get(key).copied().flatten()
}

/// The span without a possessive ending ("Austin’s" → "Austin").
pub(super) fn strip_possessive(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let kept = s
        .strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s);
    Span::new(span.start, span.start + kept.len())
}

/// Whether `s` ends with `suffix`, ignoring ASCII case.
pub(super) fn ends_with_ignore_case(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

impl<'t> Entities<'t> {
    pub fn new(text: &'t str) -> Self {
        Entities {
            text,
            list: Vec::new(),
            by_name: FxHashMap::default(),
            by_surname: FxHashMap::default(),
            surname_ids: FxHashMap::default(),
            by_role: FxHashMap::default(),
            by_given: FxHashMap::default(),
            last_person: None,
            person_before: None,
            by_nickname: FxHashMap::default(),
            role_words: OnceCell::new(),
        }
    }

    /// Records a named mention (`tokens` are those of its paragraph); returns its entity.
    pub fn observe(&mut self, m: &Mention, tokens: &[Token]) -> Option<usize> {
        if m.head != Head::Name {
            return None;
        }
        let text = self.text;
        let span = strip_possessive(text, m.name?);
        let name = span.slice(text);
        let single = !name.contains(char::is_whitespace);
        let gender = Gender::of_tokens(tokens, m);
        let titled = Gender::of_title_tokens(tokens, m);
        let surname = m.surname.or_else(|| {
            // "His wife Teresa", "his son, Luis,": a family word ends the role, a given name
            // is the name.
            let role = m.role.filter(|_| single)?;
            let lexicon = crate::lexicon::Lexicon::get();
            let family = role
                .slice(text)
                .rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| lexicon.flags(w).family());
            let given = m
                .own(tokens)
                .iter()
                .any(|t| t.span == span && t.flags.given());
            (family && given && !self.by_surname.contains_key(name))
                .then(|| self.family_surname(name))
                .flatten()
        });
        if let Some(surname) = surname {
            // "his son, Luis,": the one word is a given name here, and says a gender.
            let mut gender = gender;
            if m.surname.is_none() {
                gender.add(Gender::of_word(name));
            }
            let id = self.observe_shared_surname(span, surname, gender);
            self.list[id].titled.add(titled);
            // "His son, Luis,": the family word is a role of his, for telling the younger.
            if let Some(role) = m.role {
                self.note_role(id, role);
            }
            self.note_person(id);
            return Some(id);
        }
        // "Big Mick fumed", after "Michael 'Big Mick' Tiernan".
        let known = self
            .by_name
            .get(name)
            .copied()
            .or_else(|| one(&self.by_nickname, name));
        let id = match known {
            Some(id) => id,
            None if single && m.kind != SpeakerKind::Organization => {
                // A bare surname: only an entity of its own if nobody has that surname, or,
                // when two people have it, if its honorific does not tell which.
                match self.by_surname.get(name) {
                    Some(Some(id)) if self.list[*id].gender().contradicts(gender) => {
                        self.insert(span, SpeakerKind::Person)
                    }
                    Some(Some(id)) => *id,
                    Some(None) => match self.by_gender(name, gender) {
                        Some(id) => id,
                        // Which of them the article does not say; a person all the same.
                        None => self.insert(span, SpeakerKind::Person),
                    },
                    // "Dec, 51, said", after "Dec O'Rourke": the one person of that given
                    // name.
                    None => match one(&self.by_given, name) {
                        Some(id) => id,
                        None => self.insert(span, m.kind),
                    },
                }
            }
            None => self.insert(span, m.kind),
        };
        let e = &mut self.list[id];
        e.said.add(gender);
        e.titled.add(titled);
        e.tag = e.tag.or(m.tag);
        if let Some(role) = m.role {
            self.note_role(id, role);
        }
        let e = &mut self.list[id];
        if e.kind != SpeakerKind::Organization && m.kind != SpeakerKind::Organization {
            self.note_person(id);
        }
        self.note_nickname(m, tokens, id);
        let e = &mut self.list[id];
        match (m.kind, e.kind) {
            (SpeakerKind::Person, SpeakerKind::Unknown) => e.kind = SpeakerKind::Person,
            // A multi-word capitalised name is taken for a person only by default; evidence of
            // a body ("The union, Nurses United,", "X, which …") overrides that guess unless a
            // role was seen.
            (SpeakerKind::Organization, SpeakerKind::Person | SpeakerKind::Unknown)
                if e.roles.is_empty() =>
            {
                e.kind = SpeakerKind::Organization
            }
            _ => {}
        }
        Some(id)
    }

    /// Records `role` as one of entity `id`'s roles, and in the index by role.
    fn note_role(&mut self, id: usize, role: Span) {
        let text = self.text;
        // "The younger Mr. Ferreira": telling namesakes apart by age is no role.
        if seniority_word(role.slice(text)).is_some() {
            return;
        }
        if self.list[id]
            .roles
            .iter()
            .any(|r| r.slice(text) == role.slice(text))
        {
            return;
        }
        self.list[id].roles.push(role);
        let slot = self
            .by_role
            .entry(role_key(role.slice(text)))
            .or_insert(Some(id));
        if *slot != Some(id) {
            *slot = None;
        }
    }

    /// Records the quoted nickname inside a mention's name ("Big Mick" of "Michael 'Big
    /// Mick' Tiernan") as a name of entity `id`.
    fn note_nickname(&mut self, m: &Mention, tokens: &[Token], id: usize) {
        let Some(t) = m.own(tokens).iter().find(|t| t.flags.nickname()) else {
            return;
        };
        let text = self.text;
        let nick = t
            .span
            .slice(text)
            .trim_matches(|c: char| !c.is_alphanumeric());
        if !nick.is_empty() {
            claim(&mut self.by_nickname, nick, id);
        }
    }

    /// Records that person `id` was named last.
    fn note_person(&mut self, id: usize) {
        if self.last_person != Some(id) {
            self.person_before = self.last_person;
            self.last_person = Some(id);
        }
    }

    /// The surname of the person named last, for a family member of theirs: the last word of
    /// their name, or the surname they share.
    fn family_surname(&self, name: &str) -> Option<Span> {
        let mut last = self.last_person?;
        // "son Owen" read a second time: the family is the person named before him.
        if self.list[last].name.slice(self.text) == name {
            last = self.person_before?;
        }
        let mut e = &self.list[last];
        // "raged Geoff … son Owen": a given name alone stands for its full name.
        let name = e.name.slice(self.text);
        if e.surname.is_none() && !name.contains(char::is_whitespace) {
            if let Some(id) = one(&self.by_given, name) {
                e = &self.list[id];
            }
        }
        if e.kind != SpeakerKind::Person {
            return None;
        }
        e.surname.or_else(|| {
            let name = e.name.slice(self.text);
            let last = name.rsplit(char::is_whitespace).next()?;
            Some(Span::new(e.name.end - last.len(), e.name.end))
        })
    }

    /// A person named by a given name and the surname of the name after it ("Irene" of
    /// "Irene and Gabor Szabo").
    fn observe_shared_surname(&mut self, given: Span, surname: Span, gender: Gender) -> usize {
        let text = self.text;
        // The given name may have been read alone just before ("Irene", then "Gabor Szabo").
        let id = match self.by_name.get(given.slice(text)) {
            Some(&id) if self.list[id].surname.is_some() => return id,
            Some(&id) => id,
            None => self.insert(given, SpeakerKind::Person),
        };
        let e = &mut self.list[id];
        e.surname = Some(surname);
        e.kind = SpeakerKind::Person;
        e.said.add(gender);
        let last = surname.slice(text);
        self.surname_ids.entry(last).or_default().push(id);
        claim(&mut self.by_surname, last, id);
        id
    }

    fn insert(&mut self, span: Span, kind: SpeakerKind) -> usize {
        let text = self.text;
        let name = span.slice(text);
        let id = self.list.len();
        self.list.push(Entity {
            name: span,
            kind,
            roles: Vec::new(),
            said: Gender::default(),
            titled: Gender::default(),
            heard: Cell::default(),
            tag: None,
            surname: None,
        });
        self.by_name.insert(name, id);
        if kind == SpeakerKind::Person && name.contains(char::is_whitespace) {
            if let Some(first) = name.split_whitespace().next() {
                claim(&mut self.by_given, first, id);
            }
            if let Some(last) = name.split_whitespace().last() {
                self.surname_ids.entry(last).or_default().push(id);
                claim(&mut self.by_surname, last, id);
            }
        }
        id
    }

    /// Merges entities known only by a surname into the full name that carries it, so a
    /// "Kirby" seen before "John Kirby" ends up as John Kirby. Call after the first pass.
    pub fn settle(&mut self) {
        let text = self.text;
        for id in 0..self.list.len() {
            let name = self.list[id].name.slice(text);
            if name.contains(char::is_whitespace) {
                continue;
            }
            if let Some(Some(full)) = self.by_surname.get(name).copied() {
                // "Mr Whitlow", then only "Elaine Whitlow": not her.
                let other = self.list[id].gender().contradicts(self.list[full].gender());
                if full != id && !other {
                    self.by_name.insert(name, full);
                    let roles = std::mem::take(&mut self.list[id].roles);
                    for r in roles {
                        if !self.list[full]
                            .roles
                            .iter()
                            .any(|f| f.slice(text) == r.slice(text))
                        {
                            self.list[full].roles.push(r);
                        }
                    }
                }
            }
        }
    }

    /// The entity a named mention stands for. A surname that two people of the article
    /// share goes to the one whose gender its honorific names ("Ms. Ortiz"), if only one fits;
    /// else to the first of them the article names whose gender does not contradict it (the
    /// timeline first tries the one spoken of last: `Timeline::resolve`).
    pub fn lookup_name(&self, m: &Mention) -> Option<usize> {
        let name = strip_possessive(self.text, m.name?).slice(self.text);
        let shared = || match self.by_surname.get(name) {
            // "Mr Whitlow" is not the article's one Whitlow if she is Elaine: somebody else.
            Some(Some(id))
                if self.list[*id]
                    .gender()
                    .contradicts(Gender::of(self.text, m)) =>
            {
                None
            }
            Some(Some(id)) => Some(*id),
            Some(None) => {
                let gender = Gender::of(self.text, m);
                self.by_gender(name, gender)
                    .or_else(|| self.fitting_namesakes(name, gender, m).first().copied())
            }
            None => None,
        };
        match self.by_name.get(name) {
            // A surname recorded as an entity of its own because it was seen before the
            // article told which of two people it was: told now.
            Some(&id) if self.is_bare_shared(id) => shared().or(Some(id)),
            Some(&id) => Some(id),
            None => shared()
                .or_else(|| {
                    let single = !name.contains(char::is_whitespace);
                    single.then(|| one(&self.by_given, name)).flatten()
                })
                .or_else(|| one(&self.by_nickname, name)),
        }
    }

    /// For a bare surname that two or more people of the article share and whose honorific
    /// does not tell which: those of them whose gender does not contradict it.
    pub fn undecided_namesakes(&self, m: &Mention) -> Vec<usize> {
        let Some(n) = m.name else {
            return Vec::new();
        };
        let name = strip_possessive(self.text, n).slice(self.text);
        if name.contains(char::is_whitespace) || !matches!(self.by_surname.get(name), Some(None)) {
            return Vec::new();
        }
        let gender = Gender::of(self.text, m);
        if self.by_gender(name, gender).is_some() {
            return Vec::new();
        }
        self.fitting_namesakes(name, gender, m)
    }

    /// The people of the surname `surname` whose gender does not contradict `gender`, in the
    /// order the article names them; when the mention gives a title ("Judge Treviño"), only
    /// those that fit it best (see [`Entities::title_fit`]).
    fn fitting_namesakes(&self, surname: &str, gender: Gender, m: &Mention) -> Vec<usize> {
        let ids = self.surname_ids.get(surname).map_or(&[][..], Vec::as_slice);
        crate::work::step(ids.len());
        let mut fits: Vec<usize> = ids
            .iter()
            .copied()
            .filter(|&id| !self.list[id].gender().contradicts(gender))
            .collect();
        let lexicon = crate::lexicon::Lexicon::get();
        let title = m
            .role
            .and_then(|r| r.slice(self.text).split_whitespace().last())
            .map(|w| lexicon.title_in_full(w).unwrap_or(w))
            .filter(|w| !lexicon.flags(w).honorific());
        if let Some(title) = title {
            let scored: Vec<(usize, u8)> = fits
                .iter()
                .map(|&id| (id, self.title_fit(id, title)))
                .collect();
            let best = scored.iter().map(|&(_, fit)| fit).max();
            fits = scored
                .into_iter()
                .filter(|&(_, fit)| Some(fit) == best)
                .map(|(id, _)| id)
                .collect();
        }
        fits
    }

    /// How well person `id` fits a title given with their surname ("Judge" of "Judge
    /// Treviño"): 2 when one of their roles has the word ("the county judge"), 0 when a role
    /// of theirs is another title of one word ("Mayor", of "Mayor José Treviño"), else 1.
    fn title_fit(&self, id: usize, title: &str) -> u8 {
        let lexicon = crate::lexicon::Lexicon::get();
        let full = |w: &'t str| lexicon.title_in_full(w).unwrap_or(w);
        let roles = &self.list[id].roles;
        if roles.iter().any(|r| {
            r.slice(self.text)
                .split_whitespace()
                .any(|w| full(w).eq_ignore_ascii_case(title))
        }) {
            return 2;
        }
        let other_title = roles.iter().any(|r| {
            let r = r.slice(self.text);
            !r.contains(char::is_whitespace) && {
                let f = lexicon.flags(r);
                f.title() && f.capitalized() && !f.honorific()
            }
        });
        u8::from(!other_title)
    }

    /// Whether entity `id` is a one-word name that two or more people of the article carry.
    fn is_bare_shared(&self, id: usize) -> bool {
        let name = self.list[id].name.slice(self.text);
        !name.contains(char::is_whitespace) && matches!(self.by_surname.get(name), Some(None))
    }

    /// Each word of a role key → the keys that hold it, made the first time a role is
    /// looked up by its words (most articles never do).
    fn role_words(&self) -> &FxHashMap<String, Vec<String>> {
        self.role_words.get_or_init(|| {
            let mut words: FxHashMap<String, Vec<String>> = FxHashMap::default();
            for key in self.by_role.keys() {
                for word in key.split(' ') {
                    words.entry(word.to_string()).or_default().push(key.clone());
                }
            }
            for keys in words.values_mut() {
                keys.sort_unstable();
                keys.dedup();
            }
            words
        })
    }

    /// The one person of a surname two or more people of the article share whose gender fits
    /// `gender` (see [`Entities::lookup_name`]).
    pub fn shared_surname_by_gender(&self, surname: &str, gender: Gender) -> Option<usize> {
        match self.by_surname.get(surname) {
            Some(None) => self.by_gender(surname, gender),
            _ => None,
        }
    }

    /// "The council said", the council's name out of sight: the one body of the article with
    /// that word in its name ("Westmoor District Council").
    pub fn body_with_word(&self, word: &str) -> Option<usize> {
        crate::work::step(self.list.len());
        let mut bodies = self.list.iter().enumerate().filter(|(_, e)| {
            e.kind == SpeakerKind::Organization && has_word(e.name.slice(self.text), word)
        });
        match (bodies.next(), bodies.next()) {
            (Some((id, _)), None) => Some(id),
            _ => None,
        }
    }

    /// "Elaine Whitlow … Her husband calls …": the one other person of the article who shares
    /// person `of`'s surname, whose gender does not contradict the family word `word`'s and
    /// who is not known as another relative ("his son, Marcus Whitlow" is no husband).
    pub fn relative_of(&self, of: usize, word: &str) -> Option<usize> {
        let lexicon = crate::lexicon::Lexicon::get();
        let gender = Gender::of_word(word);
        let other_relative = |id: usize| {
            self.list[id].roles.iter().any(|r| {
                let last = r
                    .slice(self.text)
                    .split_whitespace()
                    .last()
                    .unwrap_or_default();
                lexicon.flags(last).family() && !last.eq_ignore_ascii_case(word)
            })
        };
        let e = &self.list[of];
        let surname = match e.surname {
            Some(s) => s.slice(self.text),
            None => e.name.slice(self.text).split_whitespace().last()?,
        };
        let ids = self.surname_ids.get(surname)?;
        crate::work::step(ids.len());
        let mut kin = ids.iter().copied().filter(|&id| {
            id != of
                && self.list[id].kind == SpeakerKind::Person
                && !self.list[id].gender().contradicts(gender)
                && !other_relative(id)
        });
        // "Ray and Donna Kittredge", later "Ray Kittredge": one man, seen twice.
        let first = kin.next()?;
        let full = |id: usize| {
            let e = &self.list[id];
            let name = e.name.slice(self.text);
            let surname = e.surname.map(|s| s.slice(self.text));
            (
                name.split_whitespace().next(),
                surname.or(name.split_whitespace().last()),
            )
        };
        kin.all(|id| full(id) == full(first)).then_some(first)
    }

    /// "The younger Mr. Pruitt": of `namesakes`, the one the article shows to be the younger
    /// (`younger`) or the elder. Ages written after the names decide ("Dale Pruitt, 52,");
    /// failing them, a child's role ("His son Dale Pruitt") or a parent's ("his father,
    /// Walter Pruitt") does, when only one of them has one.
    pub fn by_seniority(&self, namesakes: &[usize], younger: bool) -> Option<usize> {
        let ages: Vec<Option<u32>> = namesakes.iter().map(|&id| self.age(id)).collect();
        if ages.iter().all(Option::is_some) && namesakes.len() > 1 {
            let pick = if younger {
                namesakes.iter().zip(&ages).min_by_key(|(_, a)| **a)
            } else {
                namesakes.iter().zip(&ages).max_by_key(|(_, a)| **a)
            }?;
            let tied = ages.iter().filter(|a| **a == *pick.1).count() > 1;
            return (!tied).then_some(*pick.0);
        }
        // A child's or a parent's family word in a role (`data/family_words.txt`).
        let lexicon = crate::lexicon::Lexicon::get();
        let has = |id: usize, child: bool| {
            self.list[id].roles.iter().any(|r| {
                r.slice(self.text).split_whitespace().any(|w| {
                    let f = lexicon.flags(w);
                    if child {
                        f.child()
                    } else {
                        f.parent()
                    }
                })
            })
        };
        let (wanted, other) = (younger, !younger);
        let mut with = namesakes.iter().copied().filter(|&id| has(id, wanted));
        if let (Some(id), None) = (with.next(), with.next()) {
            return Some(id);
        }
        let mut without = namesakes.iter().copied().filter(|&id| !has(id, other));
        match (without.next(), without.next()) {
            (Some(id), None) if namesakes.len() == 2 => Some(id),
            _ => None,
        }
    }

    /// The age the article gives after the fullest form of entity `id`'s name ("Dale Pruitt,
    /// 52,").
    pub fn age(&self, id: usize) -> Option<u32> {
        let after = self.text[self.list[id].name.end..].strip_prefix(", ")?;
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let next = after.as_bytes().get(digits).copied();
        if !(1..=3).contains(&digits) || next.is_some_and(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        after[..digits].parse().ok()
    }

    /// Whether a one-word name is the surname of two or more people of the article.
    pub fn is_shared_surname(&self, m: &Mention) -> bool {
        m.name.is_some_and(|n| {
            let name = strip_possessive(self.text, n).slice(self.text);
            matches!(self.by_surname.get(name), Some(None))
        })
    }

    /// The one person with the surname `name` whose gender fits `gender`, when the mention
    /// says one and exactly one such person fits (known to, or else not known not to).
    fn by_gender(&self, surname: &str, gender: Gender) -> Option<usize> {
        gender.known()?;
        let ids = self.surname_ids.get(surname)?;
        crate::work::step(ids.len());
        let only = |keep: &dyn Fn(Gender) -> bool| {
            let mut fits = ids
                .iter()
                .copied()
                .filter(|&id| keep(self.list[id].gender()));
            let id = fits.next()?;
            fits.next().is_none().then_some(id)
        };
        // The one whose gender is known to fit; else, when none is known to, the one whose
        // gender is not known to be the other ("Mr. Castañeda" beside a Renée Castañeda).
        let known_fit = |g: Gender| g.known().is_some() && !g.contradicts(gender);
        let any_known_fit = ids.iter().any(|&id| known_fit(self.list[id].gender()));
        if any_known_fit {
            only(&known_fit)
        } else {
            only(&|g: Gender| !g.contradicts(gender))
        }
    }

    /// The named person who holds `role` in this article, if exactly one does.
    pub fn lookup_role(&self, role: &str) -> Option<usize> {
        let key = role_key(role);
        if let Some(id) = self.by_role.get(&key) {
            return *id;
        }
        // Word-level containment, either way round: "Secretary of Defense" in
        // "US Secretary of Defense", "governor" in "governor of the state". Keys inside this
        // one are among its runs of words; keys around it all hold its rarest word.
        let words: Vec<&str> = key.split(' ').collect();
        let mut found: Option<Option<usize>> = None;
        let mut take = |id: Option<usize>| -> bool {
            if found.is_some() && found != Some(id) {
                return false;
            }
            found = Some(id);
            true
        };
        for from in 0..words.len() {
            for to in from + 1..=words.len() {
                crate::work::step(1);
                if let Some(&id) = self.by_role.get(&words[from..to].join(" ")) {
                    if !take(id) {
                        return None;
                    }
                }
            }
        }
        let padded = format!(" {key} ");
        // A key around this one holds every one of its words; if some word is in no key,
        // none is.
        let postings: Option<Vec<&Vec<String>>> =
            words.iter().map(|w| self.role_words().get(*w)).collect();
        let rarest = postings.and_then(|p| p.into_iter().min_by_key(|keys| keys.len()));
        if let Some(keys) = rarest {
            if keys.len() > MAX_ROLE_CANDIDATES {
                return None;
            }
            for k in keys {
                crate::work::step(1);
                if format!(" {k} ").contains(&padded) && !take(self.by_role[k]) {
                    return None;
                }
            }
        }
        found.flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_keys_fold_spelling_and_determiners() {
        assert_eq!(role_key("the US Defence Secretary"), "us defense secretary");
        assert_eq!(role_key("U.S. Defense Secretary"), "us defense secretary");
        assert_eq!(role_key("Gov."), "governor");
    }

    #[test]
    fn possessives_are_stripped_from_names() {
        let text = "Austin’s";
        assert_eq!(
            strip_possessive(text, Span::new(0, text.len())).slice(text),
            "Austin"
        );
        assert!(ends_with_ignore_case("Senior Official", "official"));
    }

    /// The entities of `text` with the named mentions at `phrases`, settled.
    fn entities<'t>(text: &'t str, phrases: &[&str]) -> Entities<'t> {
        let (_, tokens) = crate::grammar::lex_for_test(text);
        let mut e = Entities::new(text);
        for p in phrases {
            let at = text.find(p).unwrap();
            let i = tokens.iter().position(|t| t.span.start == at).unwrap();
            e.observe(
                &crate::grammar::speaker::parse_right(text, &tokens, i).unwrap(),
                &tokens,
            );
        }
        e.settle();
        e
    }

    /// The mention at the first token of `phrase` in `text`.
    fn mention_at(text: &str, phrase: &str) -> Mention {
        let (_, tokens) = crate::grammar::lex_for_test(text);
        let at = text.find(phrase).unwrap();
        let i = tokens.iter().position(|t| t.span.start == at).unwrap();
        crate::grammar::speaker::parse_right(text, &tokens, i).unwrap()
    }

    /// The full name the mention at `phrase` is looked up as.
    fn who<'t>(e: &Entities<'t>, text: &'t str, phrase: &str) -> Option<&'t str> {
        e.lookup_name(&mention_at(text, phrase))
            .map(|id| e.list[id].name.slice(text))
    }

    #[test]
    fn a_shared_surname_goes_by_the_honorific() {
        let text = "Ann Ortiz and Elijah Ortiz spoke. Ms. Ortiz left. Mr. Ortiz stayed. Ortiz sat.";
        let e = entities(text, &["Ann Ortiz", "Elijah Ortiz"]);
        assert_eq!(who(&e, text, "Ms. Ortiz"), Some("Ann Ortiz"));
        assert_eq!(who(&e, text, "Mr. Ortiz"), Some("Elijah Ortiz"));
        // No honorific: the one the article named first.
        assert_eq!(who(&e, text, "Ortiz sat"), Some("Ann Ortiz"));
        // Only one gender known: "Mr." is the one not known to be a woman.
        let text =
            "Renée Castañeda and Quillon Castañeda spoke. Mr. Castañeda left. Ms. Castañeda too.";
        let e = entities(text, &["Renée Castañeda", "Quillon Castañeda"]);
        assert_eq!(who(&e, text, "Mr. Castañeda"), Some("Quillon Castañeda"));
        assert_eq!(who(&e, text, "Ms. Castañeda"), Some("Renée Castañeda"));
    }

    #[test]
    fn a_title_with_a_shared_surname_picks_who_holds_it() {
        let text = "Mayor Jose Trevino and Ruben Trevino, the county judge, met. Judge Trevino \
                    left. Mayor Trevino stayed.";
        let e = entities(
            text,
            &["Mayor Jose Trevino", "Ruben Trevino, the county judge"],
        );
        assert_eq!(who(&e, text, "Judge Trevino"), Some("Ruben Trevino"));
        assert_eq!(who(&e, text, "Mayor Trevino"), Some("Jose Trevino"));
        // A title nobody holds in the article: who does not hold another title.
        let text = "Mayor Jose Trevino and Ruben Trevino met. Judge Trevino left.";
        let e = entities(text, &["Mayor Jose Trevino", "Ruben Trevino"]);
        assert_eq!(who(&e, text, "Judge Trevino"), Some("Ruben Trevino"));
    }

    #[test]
    fn a_given_name_alone_is_the_one_person_of_that_name() {
        let text = "Dec O'Rourke spoke. Dec, 51, left.";
        let e = entities(text, &["Dec O'Rourke", "Dec, 51"]);
        assert_eq!(who(&e, text, "Dec, 51"), Some("Dec O'Rourke"));
        // Two of that given name: nobody in particular.
        let text = "Dec O'Rourke and Dec Lyons spoke. Dec, 51, left.";
        let e = entities(text, &["Dec O'Rourke", "Dec Lyons", "Dec, 51"]);
        assert_eq!(who(&e, text, "Dec, 51"), Some("Dec"));
    }

    #[test]
    fn a_nickname_alone_is_its_person() {
        let text = "Michael 'Big Mick' Tiernan quit. Big Mick fumed.";
        let e = entities(text, &["Michael 'Big Mick' Tiernan", "Big Mick fumed"]);
        assert_eq!(e.list.len(), 1);
        assert_eq!(
            who(&e, text, "Big Mick fumed"),
            Some("Michael 'Big Mick' Tiernan")
        );
    }

    #[test]
    fn a_family_member_by_given_name_takes_the_family_surname() {
        let text = "Pipefitter Stan Kowalczyk spoke. His wife Teresa left. Union boss Kowalczyk \
                    stayed.";
        let e = entities(
            text,
            &[
                "Pipefitter Stan Kowalczyk",
                "His wife Teresa",
                "Union boss Kowalczyk",
            ],
        );
        let id = e.lookup_name(&mention_at(text, "His wife Teresa")).unwrap();
        let full = (
            e.list[id].name.slice(text),
            e.list[id].surname.map(|s| s.slice(text)),
        );
        assert_eq!(full, ("Teresa", Some("Kowalczyk")));
        // Two people of that surname now: which the bare surname is, the timeline decides.
        assert_eq!(
            e.undecided_namesakes(&mention_at(text, "Kowalczyk stayed"))
                .len(),
            2
        );
        // The family member read alone first, then with the family word: still the family's.
        let text = "Farmer Geoff Tallis spoke. Owen said no. But son Owen said yes.";
        let e = entities(text, &["Farmer Geoff Tallis", "Owen said", "son Owen"]);
        let id = e.lookup_name(&mention_at(text, "son Owen")).unwrap();
        assert_eq!(e.list[id].surname.map(|s| s.slice(text)), Some("Tallis"));
    }

    #[test]
    fn a_pronoun_overrides_a_gender_guessed_from_the_given_name() {
        let text = "Teddy Wexler spoke.";
        let e = entities(text, &["Teddy Wexler"]);
        let she = Gender::of_word("she");
        assert!(e.list[0].gender().contradicts(she));
        assert!(e.list[0].guessed_otherwise(she));
        e.list[0].hear(she);
        assert!(!e.list[0].gender().contradicts(she));
        // An honorific is not a guess.
        let text = "Mr. Teddy Wexler spoke.";
        let e = entities(text, &["Mr. Teddy Wexler"]);
        assert!(!e.list[0].guessed_otherwise(she));
    }

    #[test]
    fn a_body_is_found_by_a_word_of_its_name() {
        let text = "Westmoor District Council and Calloway Dining Ltd met.";
        let e = entities(text, &["Westmoor District Council", "Calloway Dining Ltd"]);
        let name = |w: &str| e.body_with_word(w).map(|id| e.list[id].name.slice(text));
        assert_eq!(name("council"), Some("Westmoor District Council"));
        assert_eq!(name("union"), None);
        let two = "Westmoor District Council and Ashby Town Council met.";
        let e = entities(two, &["Westmoor District Council", "Ashby Town Council"]);
        assert_eq!(e.body_with_word("council"), None);
    }

    #[test]
    fn roles_are_found_inside_and_around_each_other() {
        let text = "US Secretary of Defense Ana Lopez and Deputy Governor Tom Baird met.";
        let e = entities(
            text,
            &[
                "US Secretary of Defense Ana Lopez",
                "Deputy Governor Tom Baird",
            ],
        );
        let name = |role: &str| e.lookup_role(role).map(|id| e.list[id].name.slice(text));
        assert_eq!(name("Secretary of Defense"), Some("Ana Lopez"));
        assert_eq!(name("the deputy governor of the state"), Some("Tom Baird"));
        assert_eq!(name("governor"), Some("Tom Baird"));
        assert_eq!(name("mayor"), None);
        let two = "Deputy Governor Tom Baird and Governor Rosa Vidal met.";
        let e = entities(two, &["Deputy Governor Tom Baird", "Governor Rosa Vidal"]);
        // "governor" is exactly Vidal's role; "deputy" only Baird's.
        assert_eq!(
            e.lookup_role("governor")
                .map(|id| e.list[id].name.slice(two)),
            Some("Rosa Vidal")
        );
        assert_eq!(
            e.lookup_role("deputy").map(|id| e.list[id].name.slice(two)),
            Some("Tom Baird")
        );
    }
}

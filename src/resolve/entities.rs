//! The entity table: every person and body an article names, with their roles, indexed by
//! surname and by role, so that "Kirby" or "the US Secretary of Defense" finds the full name.

use rustc_hash::FxHashMap;

use crate::grammar::speaker::{Head, Mention};
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
}

impl Entity {
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
    by_role: FxHashMap<String, Option<usize>>,
    /// Each word of a role key → the keys of `by_role` that hold it, made by
    /// [`Entities::settle`]: a role is looked up among the keys that share its rarest word,
    /// not among them all.
    role_words: FxHashMap<String, Vec<String>>,
}

/// How many keys sharing a word one look-up reads at most; past that the role counts as
/// held by several people (an article with hundreds of roles sharing one word).
const MAX_ROLE_CANDIDATES: usize = 64;

/// Folds a role for comparison: lower case, no determiner, "U.S." as "us", British spelling
/// of "defence" as "defense".
pub(crate) fn role_key(role: &str) -> String {
    let mut key = String::with_capacity(role.len());
    for word in role.split_whitespace() {
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
        } else {
            key.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    key
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
            by_role: FxHashMap::default(),
            role_words: FxHashMap::default(),
        }
    }

    /// Records a named mention; returns its entity.
    pub fn observe(&mut self, m: &Mention) -> Option<usize> {
        if m.head != Head::Name {
            return None;
        }
        let text = self.text;
        let span = strip_possessive(text, m.name?);
        let name = span.slice(text);
        let single = !name.contains(char::is_whitespace);
        let id = match self.by_name.get(name) {
            Some(&id) => id,
            None if single && m.kind != SpeakerKind::Organization => {
                // A bare surname: only an entity of its own if nobody has that surname.
                match self.by_surname.get(name) {
                    Some(Some(id)) => *id,
                    _ => self.insert(span, m.kind),
                }
            }
            None => self.insert(span, m.kind),
        };
        if let Some(role) = m.role {
            let seen = self.list[id]
                .roles
                .iter()
                .any(|r| r.slice(text) == role.slice(text));
            if !seen {
                self.list[id].roles.push(role);
                let slot = self
                    .by_role
                    .entry(role_key(role.slice(text)))
                    .or_insert(Some(id));
                if *slot != Some(id) {
                    *slot = None;
                }
            }
        }
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

    fn insert(&mut self, span: Span, kind: SpeakerKind) -> usize {
        let text = self.text;
        let name = span.slice(text);
        let id = self.list.len();
        self.list.push(Entity {
            name: span,
            kind,
            roles: Vec::new(),
        });
        self.by_name.insert(name, id);
        if kind == SpeakerKind::Person && name.contains(char::is_whitespace) {
            if let Some(last) = name.split_whitespace().last() {
                let slot = self.by_surname.entry(last).or_insert(Some(id));
                if *slot != Some(id) {
                    *slot = None;
                }
            }
        }
        id
    }

    /// Merges entities known only by a surname into the full name that carries it, so a
    /// "Kirby" seen before "John Kirby" ends up as John Kirby. Call after the first pass.
    pub fn settle(&mut self) {
        for key in self.by_role.keys() {
            for word in key.split(' ') {
                self.role_words
                    .entry(word.to_string())
                    .or_default()
                    .push(key.clone());
            }
        }
        for keys in self.role_words.values_mut() {
            keys.sort_unstable();
            keys.dedup();
        }
        let text = self.text;
        for id in 0..self.list.len() {
            let name = self.list[id].name.slice(text);
            if name.contains(char::is_whitespace) {
                continue;
            }
            if let Some(Some(full)) = self.by_surname.get(name).copied() {
                if full != id {
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

    /// The entity a named mention stands for.
    pub fn lookup_name(&self, m: &Mention) -> Option<usize> {
        let name = strip_possessive(self.text, m.name?).slice(self.text);
        self.by_name
            .get(name)
            .copied()
            .or_else(|| self.by_surname.get(name).copied().flatten())
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
            words.iter().map(|w| self.role_words.get(*w)).collect();
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
            e.observe(&crate::grammar::speaker::parse_right(text, &tokens, i).unwrap());
        }
        e.settle();
        e
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

//! The roster behind `saywho speakers`: per-article speaker ids merged into corpus ids.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::identity;
use crate::resolve::Gender;
use crate::{Extraction, QuoteKind, SpeakerKind};

/// A role and the outlets that gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RoleSeen {
    /// The role as written.
    pub role: String,
    /// How many quotes carried it.
    pub quotes: usize,
    /// The outlets (or article ids, when the outlet is unknown) that used it, sorted.
    pub outlets: Vec<String>,
}

/// One speaker of a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SpeakerEntry {
    /// The corpus id (the id of the fullest name).
    pub id: String,
    /// The fullest name, or `None` for an unnamed source.
    pub name: Option<String>,
    /// Person, organization, anonymous or unknown (the most specific seen).
    pub kind: SpeakerKind,
    /// Every role seen, most used first.
    pub roles: Vec<RoleSeen>,
    /// Number of quotes, all kinds.
    pub quotes: usize,
    /// Of which reported speech (no quote marks).
    pub reported: usize,
    /// The outlets (or article ids) that quoted them, sorted.
    pub outlets: Vec<String>,
    /// Per-article ids merged into this one, other than `id`, sorted.
    pub aliases: Vec<String>,
}

/// The speakers of a corpus, with per-article ids merged into corpus ids.
///
/// ```
/// use saywho::{Article, Extractor, Roster};
///
/// let extractor = Extractor::new();
/// let a = Article::new("a", "Mayor Ana Reyes said: “We are ready.”").with_outlet("Ledger");
/// let b = Article::new("b", "“We are not,” Reyes said.").with_outlet("Courier");
/// let roster = Roster::build(&[extractor.extract(&a), extractor.extract(&b)]);
/// let reyes = &roster.entries()[0];
/// assert_eq!(reyes.id, "ana-reyes");
/// assert_eq!(reyes.quotes, 2);
/// assert_eq!(reyes.outlets, ["Courier", "Ledger"]);
/// assert_eq!(roster.corpus_id("reyes"), "ana-reyes");
/// ```
#[derive(Debug, Clone, Default)]
pub struct Roster {
    entries: Vec<SpeakerEntry>,
    /// Per-article id → corpus id.
    alias: BTreeMap<String, String>,
}

#[derive(Default)]
struct Acc {
    name: Option<String>,
    kind: Option<SpeakerKind>,
    roles: BTreeMap<String, (usize, BTreeSet<String>)>,
    quotes: usize,
    reported: usize,
    outlets: BTreeSet<String>,
    nicknames: BTreeSet<String>,
    /// What the mentions' honorifics and pronouns ("Ms.", "he") and the names' given names
    /// said of the person's gender.
    gender: Gender,
}

impl Acc {
    /// Notes what a speaker's mention and name say of their gender: the mention's first word
    /// as an honorific or a pronoun (a bare "Duarte" is a surname, though Duarte is a given
    /// name too), and the given name of a name of several words.
    fn take_gender(&mut self, mention: &str, name: Option<&str>) {
        let lexicon = crate::lexicon::Lexicon::get();
        fn first(s: &str) -> Option<&str> {
            s.split_whitespace().next().map(|w| w.trim_end_matches('.'))
        }
        let said = first(mention).filter(|w| {
            let f = lexicon.flags(w);
            f.honorific() || f.personal()
        });
        let given = name.filter(|n| n.contains(' ')).and_then(first);
        for w in said.into_iter().chain(given) {
            self.gender.add(Gender::of_word(w));
        }
    }

    /// Keeps the longer name: the fullest form seen wins.
    fn take_name(&mut self, name: Option<&String>) {
        if let Some(n) = name.filter(|n| self.name.as_ref().is_none_or(|old| n.len() > old.len())) {
            self.name = Some(n.clone());
        }
    }

    /// Keeps the most specific kind seen.
    fn take_kind(&mut self, kind: SpeakerKind) {
        if self
            .kind
            .is_none_or(|k| kind.specificity() > k.specificity())
        {
            self.kind = Some(kind);
        }
    }
}

impl Roster {
    /// Builds the roster of a corpus. Deterministic: the same extractions in any order give
    /// the same roster.
    pub fn build(extractions: &[Extraction]) -> Roster {
        let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
        for e in extractions {
            let outlet = e.outlet.clone().unwrap_or_else(|| e.article.clone());
            for q in &e.quotes {
                let Some(s) = &q.speaker else { continue };
                let Some(id) = &s.id else { continue };
                let a = acc.entry(id.clone()).or_default();
                a.take_name(s.name.as_ref());
                a.take_kind(s.kind);
                a.take_gender(&s.mention, s.name.as_deref());
                if let Some(nick) = s.name.as_deref().and_then(super::id::nickname_id) {
                    a.nicknames.insert(nick);
                }
                if let Some(r) = &s.role {
                    let slot = a.roles.entry(r.clone()).or_default();
                    slot.0 += 1;
                    slot.1.insert(outlet.clone());
                }
                a.quotes += 1;
                a.reported += usize::from(q.kind == QuoteKind::Indirect);
                a.outlets.insert(outlet.clone());
            }
        }
        let known = identity::Known {
            ids: acc
                .iter()
                .map(|(id, a)| {
                    let seen = identity::Seen {
                        kind: a.kind,
                        named: a.name.is_some(),
                        role_words: a.roles.keys().flat_map(|r| occupation_words(r)).collect(),
                        quotes: a.quotes,
                        nicknames: a.nicknames.clone(),
                        gender: a.gender,
                    };
                    (id.as_str(), seen)
                })
                .collect(),
        };
        let alias = identity::merge_targets(&known);
        let mut merged: BTreeMap<String, (Acc, BTreeSet<String>)> = BTreeMap::new();
        for (id, a) in acc {
            let target = alias.get(&id).cloned().unwrap_or_else(|| id.clone());
            let (m, aliases) = merged.entry(target.clone()).or_default();
            if id != target {
                aliases.insert(id.clone());
            }
            m.take_name(a.name.as_ref());
            if let Some(k) = a.kind {
                m.take_kind(k);
            }
            for (r, (n, outlets)) in a.roles {
                let slot = m.roles.entry(r).or_default();
                slot.0 += n;
                slot.1.extend(outlets);
            }
            m.quotes += a.quotes;
            m.reported += a.reported;
            m.outlets.extend(a.outlets);
        }
        let mut entries: Vec<SpeakerEntry> = merged
            .into_iter()
            .map(|(id, (a, aliases))| {
                let mut roles: Vec<RoleSeen> = a
                    .roles
                    .into_iter()
                    .map(|(role, (quotes, outlets))| RoleSeen {
                        role,
                        quotes,
                        outlets: outlets.into_iter().collect(),
                    })
                    .collect();
                roles.sort_by(|x, y| y.quotes.cmp(&x.quotes).then_with(|| x.role.cmp(&y.role)));
                SpeakerEntry {
                    id,
                    name: a.name,
                    kind: a.kind.unwrap_or(SpeakerKind::Unknown),
                    roles,
                    quotes: a.quotes,
                    reported: a.reported,
                    outlets: a.outlets.into_iter().collect(),
                    aliases: aliases.into_iter().collect(),
                }
            })
            .collect();
        // People first, then bodies, then unnamed sources; most quoted first; then by id.
        entries.sort_by(|x, y| {
            x.kind
                .listing_order()
                .cmp(&y.kind.listing_order())
                .then_with(|| y.quotes.cmp(&x.quotes))
                .then_with(|| x.id.cmp(&y.id))
        });
        Roster { entries, alias }
    }

    /// The speakers, people first, then organisations, then anonymous and unknown sources,
    /// each group by number of quotes.
    pub fn entries(&self) -> &[SpeakerEntry] {
        &self.entries
    }

    /// The corpus id for a per-article speaker id (itself if nothing was merged into it).
    pub fn corpus_id<'a>(&'a self, id: &'a str) -> &'a str {
        self.alias.get(id).map_or(id, String::as_str)
    }
}

/// The words of a role that say what a person does ("chair", "senator"), in lower case:
/// the title words of `data/titles.txt`, without family words ("Dad-of-three") and
/// honorifics, which say nothing of the job. Two people's roles that share none of them
/// tell them apart.
fn occupation_words(role: &str) -> impl Iterator<Item = String> + '_ {
    let lexicon = crate::lexicon::Lexicon::get();
    role.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(move |w| {
            let head = w.split(['-', '‑']).next().unwrap_or(w);
            let (f, h) = (lexicon.flags(w), lexicon.flags(head));
            f.title() && !h.family() && !f.honorific()
        })
        .map(str::to_lowercase)
}

//! Corpus identity: which per-article speaker ids are one person or body.
//!
//! Inside an article the extractor has already tied each surname and pronoun to the full name
//! it stands for, where the article allows (`resolve/`: a surname two people share goes by
//! the gender an honorific or a pronoun gives). Across the corpus, four steps, each
//! deterministic (steps 2 and 4 merge nothing when both ids have roles whose occupation
//! words share none):
//!
//! 1. **Name variants** across the corpus: a person's ids that differ only by middle initials
//!    ("rosa-m-vidal", "rosa-vidal") are one person, under the id without them when the
//!    corpus has it, else the most quoted variant; a body's ids that differ only by an
//!    abbreviated last word ("pruitt-furniture-co", "pruitt-furniture-company";
//!    [`bodies`]) are one body.
//! 2. **Short forms** of a given name: "teddy-wexler" joins "theodora-wexler" when that is
//!    the one id of the corpus with the same surname and a given name it is a short form of
//!    (`data/short_forms.txt`, or three letters or more that begin it: "dec", "declan").
//! 3. **Nicknames**: an article that writes "Wendell “Dell” Amsel" ties "dell-amsel" to
//!    "wendell-amsel"; another article's "Dell Amsel" (or "Dell Amsell", one letter off)
//!    merges into it when one person alone is known by that nickname.
//! 4. **Bare names** across the corpus: a one-word name merges into the one multi-word name of
//!    the corpus that carries it (people: "kirby" → "john-kirby"; bodies: "veltro" →
//!    "veltro-motors"), unless their roles are known on both sides and share no word. Where
//!    several people carry it, it joins the dominant one (quoted ten times as often as all
//!    the others together), else it stays apart: the evidence is split (two Ortizes quoted
//!    alike).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use crate::lexicon::lists;
use crate::resolve::Gender;
use crate::SpeakerKind;

mod bodies;

/// The speaker ids of one corpus and what they are known as.
pub(super) struct Known<'a> {
    /// Per id: its kind, whether a name was given, its role words, and its quotes.
    pub ids: BTreeMap<&'a str, Seen>,
}

/// What the corpus says of one id.
#[derive(Default)]
pub(super) struct Seen {
    pub kind: Option<SpeakerKind>,
    pub named: bool,
    pub role_words: BTreeSet<String>,
    pub quotes: usize,
    /// The ids its names give with their nickname ("dell-amsel" for "Wendell “Dell” Amsel").
    pub nicknames: BTreeSet<String>,
    /// What its mentions and names say of the person's gender ("Ms.", "she", "Elaine").
    pub gender: Gender,
}

impl Seen {
    /// Whether this id and `other` are known to be of different genders ("Mr Hollis" and
    /// "Ruth Hollis"): never one person.
    fn other_gender(&self, other: &Seen) -> bool {
        self.gender.contradicts(other.gender)
    }
}

/// Whether an id is a person's or body's name of several words (not an unnamed source).
fn is_full(id: &str) -> bool {
    id.contains('-') && !id.contains('/')
}

/// Whether an id is a one-word name.
fn is_bare(id: &str) -> bool {
    !id.contains('-') && !id.contains('/')
}

/// The id without middle initials: "rosa-m-vidal" → "rosa-vidal". First and last words stay,
/// so "j-lindqvist" (an initial and a surname) is kept as it is.
pub(crate) fn name_key(id: &str) -> Cow<'_, str> {
    let words: Vec<&str> = id.split('-').collect();
    if words.len() < 3
        || !words[1..words.len() - 1]
            .iter()
            .any(|w| w.chars().count() == 1)
    {
        return Cow::Borrowed(id);
    }
    let last = words.len() - 1;
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i == last || w.chars().count() > 1)
        .map(|(_, w)| *w)
        .collect();
    Cow::Owned(kept.join("-"))
}

/// Every step: id → the corpus id it merges into.
pub(super) fn merge_targets(known: &Known) -> BTreeMap<String, String> {
    // 1, for bodies: "pruitt-furniture-co" is "pruitt-furniture-company".
    let mut out = bodies::body_variants(known);
    // 1. Variants of one full name.
    let mut variants: BTreeMap<Cow<str>, Vec<&str>> = BTreeMap::new();
    for (&id, seen) in &known.ids {
        if is_full(id) && seen.named && seen.kind != Some(SpeakerKind::Organization) {
            variants.entry(name_key(id)).or_default().push(id);
        }
    }
    // One-letter slips between outlets ("harriet-lindqvist", "harriet-lindquist"): keys with
    // the same given name and last names one edit apart, both of six letters or more, are
    // one person. Compared within a given name only, and not at all for a given name shared
    // by more than 64 keys.
    let keys: Vec<Cow<str>> = variants.keys().cloned().collect();
    // The ids of each key as the corpus has them, before slips are joined: only nicknames
    // need them, and most corpora have none.
    let any_nickname = known.ids.values().any(|s| !s.nicknames.is_empty());
    let variants_of = if any_nickname {
        variants.clone()
    } else {
        BTreeMap::new()
    };
    let mut by_given: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for key in &keys {
        let mut words = key.split('-');
        if let (Some(given), Some(_)) = (words.next(), words.next()) {
            by_given.entry(given).or_default().push(key);
        }
    }
    let mut slips: Vec<(String, String)> = Vec::new();
    for group in by_given.values().filter(|g| g.len() <= 64) {
        for (i, a) in group.iter().enumerate() {
            for b in &group[i + 1..] {
                if one_slip_apart(a, b) {
                    slips.push((a.to_string(), b.to_string()));
                }
            }
        }
    }
    for (a, b) in slips {
        // The less quoted spelling joins the more quoted one (ties: the first in order).
        let quotes = |k: &str| -> usize { variants[k].iter().map(|id| known.ids[id].quotes).sum() };
        let (from, to) = if quotes(&b) > quotes(&a) {
            (a, b)
        } else {
            (b, a)
        };
        if let Some(moved) = variants.remove(from.as_str()) {
            if let Some(into) = variants.get_mut(to.as_str()) {
                into.extend(moved);
            }
        }
    }
    // The id each key's ids merge into.
    let mut key_target: BTreeMap<&str, &str> = BTreeMap::new();
    for (key, ids) in &variants {
        let target = ids
            .iter()
            .copied()
            .find(|&id| id == key.as_ref())
            .unwrap_or_else(|| {
                *ids.iter()
                    .max_by(|a, b| {
                        let q = |id: &str| known.ids[id].quotes;
                        q(a).cmp(&q(b)).then_with(|| b.cmp(a))
                    })
                    .expect("a variant")
            });
        key_target.insert(key, target);
        for &id in ids {
            if id != target {
                out.insert(id.to_string(), target.to_string());
            }
        }
    }
    // 2. Short forms of a given name ("teddy-wexler" → "theodora-wexler"): a key joins the
    // one other key of the same surname whose given name it is a short form of, when no
    // role seen on both sides contradicts it.
    let mut by_rest: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for key in variants.keys() {
        if let Some((_, rest)) = key.split_once('-') {
            by_rest.entry(rest).or_default().push(key);
        }
    }
    for keys in by_rest.values().filter(|k| k.len() > 1 && k.len() <= 64) {
        for &short in keys {
            let given = short.split('-').next().unwrap_or(short);
            let mut fulls = keys.iter().copied().filter(|&full| {
                full != short && is_short_for(given, full.split('-').next().unwrap_or(full))
            });
            let (Some(full), None) = (fulls.next(), fulls.next()) else {
                continue;
            };
            let target = key_target[full];
            // The role words of every spelling of each name ("katherine-duvall" and
            // "katherine-a-duvall" are one person's).
            let roles = |key: &str| -> BTreeSet<&str> {
                variants[key]
                    .iter()
                    .flat_map(|id| known.ids[id].role_words.iter().map(String::as_str))
                    .collect()
            };
            let (mine, theirs) = (roles(short), roles(full));
            if !mine.is_empty() && !theirs.is_empty() && mine.is_disjoint(&theirs) {
                continue;
            }
            for &id in &variants[short] {
                out.insert(id.to_string(), target.to_string());
            }
        }
    }
    // 3. Nicknames: the one person of the corpus whose names give that nickname.
    let mut by_nickname: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (&id, seen) in &known.ids {
        for nick in &seen.nicknames {
            by_nickname.entry(nick.as_str()).or_default().push(id);
        }
    }
    for (nick, ids) in by_nickname {
        let [owner] = ids.as_slice() else { continue };
        // The nickname as written elsewhere, or with a one-letter slip in the surname ("Dee
        // Whittaker" in the article that gives the nickname, "Dee Whitaker" in another).
        let given = nick.split('-').next().unwrap_or(nick);
        let mut nicked: Vec<&str> = by_given
            .get(given)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&key| key == nick || one_slip_apart(key, nick))
            .flat_map(|key| variants_of.get(key).into_iter().flatten().copied())
            .collect();
        if let Some((&exact, _)) = known.ids.get_key_value(nick) {
            nicked.push(exact);
        }
        nicked.sort_unstable();
        nicked.dedup();
        let target = out
            .get(*owner)
            .cloned()
            .unwrap_or_else(|| owner.to_string());
        for id in nicked {
            if id != *owner && !out.contains_key(id) && id != target {
                out.insert(id.to_string(), target.clone());
            }
        }
    }
    // 4. Bare names: indexed by the last word of people's ids and the first of bodies', among
    // the ids that step 1 kept.
    let mut by_last: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    let mut by_first: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (&id, seen) in &known.ids {
        if !is_full(id) || !seen.named || out.contains_key(id) {
            continue;
        }
        if seen.kind == Some(SpeakerKind::Organization) {
            let first = id.split('-').next().unwrap_or(id);
            by_first.entry(first).or_default().push(id);
        } else {
            let last = id.rsplit('-').next().unwrap_or(id);
            by_last.entry(last).or_default().push(id);
        }
    }
    for (&id, seen) in &known.ids {
        if !is_bare(id) || !seen.named {
            continue;
        }
        let mut candidates: Vec<&str> = by_last.get(id).into_iter().flatten().copied().collect();
        candidates.extend(by_first.get(id).into_iter().flatten().copied());
        // "Mr Hollis" is none of the corpus's women named Hollis.
        candidates.retain(|c| !seen.other_gender(&known.ids[c]));
        let Some(target) = dominant(&candidates, known) else {
            continue;
        };
        let (mine, theirs) = (&seen.role_words, &known.ids[target].role_words);
        if !mine.is_empty() && !theirs.is_empty() && mine.is_disjoint(theirs) {
            continue;
        }
        out.insert(id.to_string(), target.to_string());
    }
    out
}

/// Whether the given name `short` is a short form of the given name `full`: listed in
/// `data/short_forms.txt` ("bill", "william"), or three letters or more that begin it and
/// leave two or more ("phil", "philip"; "dec", "declan"). Both are id words (lower case,
/// ASCII).
fn is_short_for(short: &str, full: &str) -> bool {
    static SHORT_FORMS: OnceLock<BTreeMap<&str, Vec<&str>>> = OnceLock::new();
    let forms = SHORT_FORMS.get_or_init(|| {
        lists::pairs(include_str!("../../../data/short_forms.txt"))
            .map(|(short, fulls)| (short, fulls.split_whitespace().collect()))
            .collect()
    });
    (short.len() >= 3 && full.len() >= short.len() + 2 && full.starts_with(short))
        || forms.get(short).is_some_and(|f| f.contains(&full))
}

/// The one candidate a bare name stands for: the only one, or the dominant one, quoted at
/// least [`DOMINANCE`] times as often as all the others together ("Obama" in a corpus that
/// quotes Barack Obama forty times and Michelle Obama twice). `None` when the evidence is
/// split.
fn dominant<'a>(candidates: &[&'a str], known: &Known) -> Option<&'a str> {
    let quotes = |id: &str| known.ids.get(id).map_or(0, |s| s.quotes);
    let &top = candidates
        .iter()
        .max_by(|a, b| quotes(a).cmp(&quotes(b)).then_with(|| b.cmp(a)))?;
    let others: usize = candidates
        .iter()
        .filter(|&&c| c != top)
        .map(|c| quotes(c))
        .sum();
    (candidates.len() == 1 || quotes(top) >= DOMINANCE * others.max(1)).then_some(top)
}

/// How many times as often as all the others together the dominant bearer of a surname must
/// be quoted for a bare surname to join it.
const DOMINANCE: usize = 10;

/// Whether two keys differ only in their last word, by one letter added, dropped or changed,
/// with both last words of six letters or more.
fn one_slip_apart(a: &str, b: &str) -> bool {
    let (Some((a_rest, a_last)), Some((b_rest, b_last))) = (a.rsplit_once('-'), b.rsplit_once('-'))
    else {
        return false;
    };
    let (x, y): (Vec<char>, Vec<char>) = (a_last.chars().collect(), b_last.chars().collect());
    if a_rest != b_rest || x == y || x.len().abs_diff(y.len()) > 1 {
        return false;
    }
    // A doubled letter written once ("Haddad"/"Hadad", "Phillips"/"Philips") is a slip in a
    // shorter name too.
    if x.len().min(y.len()) < 6 {
        return x.len().min(y.len()) >= 4 && doubled_letter_apart(&x, &y);
    }
    let prefix = x.iter().zip(&y).take_while(|(p, q)| p == q).count();
    let suffix = x[prefix..]
        .iter()
        .rev()
        .zip(y[prefix..].iter().rev())
        .take_while(|(p, q)| p == q)
        .count();
    x.len().max(y.len()) - prefix - suffix <= 1
        && x.len() - prefix - suffix <= 1
        && y.len() - prefix - suffix <= 1
}

/// Whether one of two words is the other with one doubled letter written once.
fn doubled_letter_apart(x: &[char], y: &[char]) -> bool {
    let (long, short) = if x.len() > y.len() { (x, y) } else { (y, x) };
    if long.len() != short.len() + 1 {
        return false;
    }
    let at = long.iter().zip(short).take_while(|(p, q)| p == q).count();
    long[at + 1..] == short[at..]
        && (at > 0 && long[at] == long[at - 1] || long.get(at + 1) == Some(&long[at]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn middle_initials_are_not_part_of_the_key() {
        assert_eq!(name_key("rosa-m-vidal"), "rosa-vidal");
        assert_eq!(name_key("paul-d-ryan"), "paul-ryan");
        assert_eq!(name_key("j-lindqvist"), "j-lindqvist");
        assert_eq!(name_key("ana-maria-lopez"), "ana-maria-lopez");
        assert_eq!(name_key("kirby"), "kirby");
    }

    fn person(quotes: usize) -> Seen {
        Seen {
            kind: Some(SpeakerKind::Person),
            named: true,
            quotes,
            ..Seen::default()
        }
    }

    #[test]
    fn a_bare_surname_joins_the_dominant_bearer_only() {
        let known = |barack: usize, michelle: usize| Known {
            ids: [
                ("barack-obama", person(barack)),
                ("michelle-obama", person(michelle)),
                ("obama", person(1)),
            ]
            .into_iter()
            .collect(),
        };
        let merged = merge_targets(&known(40, 2));
        assert_eq!(
            merged.get("obama").map(String::as_str),
            Some("barack-obama")
        );
        // Split evidence: it stays apart.
        assert_eq!(merge_targets(&known(40, 12)).get("obama"), None);
    }

    #[test]
    fn a_short_form_of_a_given_name_joins_the_one_full_form() {
        let known = |ids: &[(&'static str, usize)]| Known {
            ids: ids.iter().map(|&(id, q)| (id, person(q))).collect(),
        };
        let merged = merge_targets(&known(&[
            ("theodora-wexler", 3),
            ("teddy-wexler", 2),
            ("dec-o-rourke", 1),
            ("declan-o-rourke", 4),
        ]));
        assert_eq!(merged["teddy-wexler"], "theodora-wexler");
        assert_eq!(merged["dec-o-rourke"], "declan-o-rourke");
        // Two full forms it could be: it stays apart.
        let merged = merge_targets(&known(&[
            ("theodora-wexler", 3),
            ("theodore-wexler", 3),
            ("teddy-wexler", 2),
        ]));
        assert_eq!(merged.get("teddy-wexler"), None);
        // Roles are compared over every spelling of the full name: "chief" is in the
        // middle-initial variant's role only.
        let with_roles = |q: usize, words: &[&str]| Seen {
            role_words: words.iter().map(|w| w.to_string()).collect(),
            ..person(q)
        };
        let known = Known {
            ids: [
                ("katherine-duvall", with_roles(3, &["ceo"])),
                ("katherine-a-duvall", with_roles(2, &["chief", "executive"])),
                ("kate-duvall", with_roles(1, &["chief"])),
            ]
            .into_iter()
            .collect(),
        };
        assert_eq!(merge_targets(&known)["kate-duvall"], "katherine-duvall");
        assert!(is_short_for("bill", "william"));
        assert!(is_short_for("phil", "philip"));
        assert!(!is_short_for("ann", "anna"));
        assert!(!is_short_for("jo", "joseph"));
        assert!(!is_short_for("william", "bill"));
    }

    #[test]
    fn one_letter_slips_in_a_last_name() {
        assert!(one_slip_apart("harriet-lindqvist", "harriet-lindquist"));
        assert!(one_slip_apart("ana-reinhardt", "ana-reinhard"));
        assert!(one_slip_apart("farid-haddad", "farid-hadad"));
        assert!(!one_slip_apart("farid-haddad", "farid-hadda"));
        assert!(!one_slip_apart("ana-rossi", "ana-ross"));
        assert!(!one_slip_apart("paul-ryland", "paula-ryland"));
        assert!(!one_slip_apart("ana-ortiz", "ana-ortez"));
        assert!(!one_slip_apart("ana-lindqvist", "ana-lindqvist"));
        assert!(!one_slip_apart("ana-lindqvist", "ana-lundquist"));
    }
}

//! Linking: the same statement as reported by different outlets.
//!
//! [`Linker::link`] runs the stages over a corpus, each in its own module:
//! `normalize` (the matching form of each quote, [`normalize()`]) → [`keys`] (MinHash band,
//! rare-bigram and same-speaker keys) → `candidates` (pairs of quotes that share a key) →
//! `verify` (alignment, similarity, speaker agreement: variant and fragment links) → `cluster`
//! (union-find, fragments attached to one parent) → `statement` ([`Statement`]s with a
//! canonical wording, each member's [`Relation`] to it, and `diff`'s word-level
//! [`DiffStep`]s). Every threshold is an option of [`LinkConfig`], set through
//! [`LinkConfigBuilder`]. The JSON form is documented in `docs/link-contract.md`.

mod candidates;
mod cluster;
mod config;
mod diff;
pub mod keys;
mod normalize;
mod statement;
mod verify;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

pub use config::{LinkConfig, LinkConfigBuilder};
pub use diff::{DiffOp, DiffReason, DiffStep, Significance};
#[doc(no_inline)]
pub use keys::{BAND_SEED, PERMUTATION_SEED, SHINGLE_SEED};
pub use normalize::{normalize, Normalized, TOKEN_SEED};
pub use statement::{Member, Relation, Statement};

use crate::grammar::when;
use crate::{Extraction, Quote, QuoteKind, Roster};
use cluster::Edge;

/// Links quotes across articles. Build once, reuse.
///
/// ```
/// use saywho::{Article, Extractor, Linker};
///
/// let ex = Extractor::new();
/// let a = ex.extract(&Article::new("a", "Mayor Ana Reyes said: “We will defend the harbour at any cost.”").with_outlet("Courier"));
/// let b = ex.extract(&Article::new("b", "“We will defend the harbor at any cost,” Mayor Ana Reyes said.").with_outlet("Ledger"));
/// let statements = Linker::default().link(&[a, b]);
/// assert_eq!(statements.len(), 1);
/// assert_eq!(statements[0].quotes, ["a#1", "b#1"]);
/// assert_eq!(statements[0].speaker.as_deref(), Some("ana-reyes"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Linker {
    config: LinkConfig,
}

/// One quote being linked.
struct Item<'a> {
    ext: &'a Extraction,
    quote: &'a Quote,
    /// Corpus speaker id when the speaker is named (not article-scoped).
    named: Option<String>,
    /// The days the quote's occasion may fall on, first and last (its time phrase read
    /// against the article's date, else the `occasion_window_days` before that date); `None`
    /// for an undated article.
    days: Option<(i32, i32)>,
    /// A common phrase: short words quoted from many speakers (set after the items are made).
    generic: bool,
    /// For a quote the article attributes to no one: the named speakers of the quotes of its
    /// article within `NEARBY` bytes, sorted (set after the items are made).
    nearby: Vec<String>,
    norm: Normalized,
}

impl Linker {
    /// A linker with the given configuration.
    pub fn new(config: LinkConfig) -> Self {
        Linker { config }
    }

    /// The configuration.
    pub fn config(&self) -> &LinkConfig {
        &self.config
    }

    /// Dice similarity of two texts after normalisation (0 to 1).
    ///
    /// ```
    /// let s = saywho::Linker::default().similarity("the U.S. will defend itself", "the United States will defend itself");
    /// assert_eq!(s, 1.0);
    /// ```
    pub fn similarity(&self, a: &str, b: &str) -> f64 {
        verify::likeness(&normalize(a), &normalize(b), self.config.max_tokens()).dice
    }

    /// Links the quotes of `extractions` into statements, singletons included. The result is
    /// the same whatever the order of `extractions` and the number of threads.
    pub fn link(&self, extractions: &[Extraction]) -> Vec<Statement> {
        let cfg = &self.config;
        let mut items = items(extractions, cfg.occasion_window_days().min(36_500) as i32);
        mark_generic(&mut items, cfg);
        mark_nearby(&mut items);
        // Identical copies (one speaker, one kind, the same matching tokens and occasion) are
        // one: only the first of each goes through candidates and verification, and the
        // others join it. A quote carried by every outlet then costs one, and never crowds
        // a key's group past its limit.
        let (reps, copies) = copies(&items);
        // Candidate pairs: representatives that share a key.
        let item = |r: usize| &items[reps[r] as usize];
        let speaker_keys: Vec<Option<u64>> = (0..reps.len())
            .map(|r| item(r).named.as_deref().map(keys::speaker_key))
            .collect();
        let rep_lens: Vec<usize> = (0..reps.len()).map(|r| item(r).norm.tokens.len()).collect();
        let index = candidates::Candidates::new(
            |r| keys::band_keys(&item(r).norm, cfg),
            |r| keys::bigram_keys(&item(r).norm),
            &speaker_keys,
            |r, speaker| keys::speaker_word_keys(&item(r).norm, speaker),
            &rep_lens,
            cfg,
        );
        drop(speaker_keys);
        // Verified links, quote by quote: the candidate pairs are never held all at once.
        let mut edges: Vec<Edge> = (0..reps.len() as u32)
            .into_par_iter()
            .map_init(Vec::new, |partners, x| {
                index.partners(x, partners);
                let a = reps[x as usize];
                partners
                    .iter()
                    .filter_map(|&y| {
                        let b = reps[y as usize];
                        verify::edge(&items[a as usize], &items[b as usize], a, b, cfg)
                    })
                    .collect::<Vec<Edge>>()
            })
            .flatten_iter()
            .collect();
        drop(index);
        edges.extend(copies.into_iter().map(|(a, b)| Edge {
            a,
            b,
            dice: 1.0,
            containment: 1.0,
            child: None,
            run: items[b as usize].norm.tokens.len() as u32,
        }));
        let lens: Vec<usize> = items.iter().map(|i| i.norm.tokens.len()).collect();
        edges.sort_by_key(|e| (e.a, e.b));
        // Clusters, then one statement each.
        // A cluster of reported clauses only, or of fragments only, depends on a statement:
        // it attaches to one parent.
        let dependent = |members: &[u32]| {
            let longest = members.iter().map(|&q| lens[q as usize]).max().unwrap_or(0);
            let kind = if members
                .iter()
                .all(|&q| items[q as usize].quote.kind == QuoteKind::Indirect)
            {
                cluster::Dependent::Reported
            } else if members
                .iter()
                .all(|&q| lens[q as usize] <= cfg.fragment_max_tokens())
            {
                cluster::Dependent::Fragment
            } else {
                cluster::Dependent::No
            };
            (kind, longest)
        };
        let days: Vec<Option<(i32, i32)>> = items.iter().map(|i| i.days).collect();
        let occasions = cluster::Occasions {
            days: &days,
            min_run: cfg.occasion_min_run() as u32,
        };
        let roots = cluster::clusters(&speaker_numbers(&items), &occasions, &edges, dependent);
        let mut groups: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for (q, &r) in roots.iter().enumerate() {
            groups.entry(r).or_default().push(q as u32);
        }
        let groups: Vec<Vec<u32>> = groups.into_values().collect();
        groups
            .par_iter()
            .map(|members| statement::build(&items, members, cfg))
            .collect()
    }
}

impl Item<'_> {
    /// Whether the quote's occasion comes from its own time phrase (`Quote::when`).
    fn dated_by_phrase(&self) -> bool {
        self.quote.when.is_some()
    }
}

/// The quotes of `extractions` in a fixed order (by article id, then position), with their
/// corpus speaker ids and matching forms.
fn items(extractions: &[Extraction], window: i32) -> Vec<Item<'_>> {
    let roster = Roster::build(extractions);
    let mut exts: Vec<&Extraction> = extractions.iter().collect();
    exts.sort_by(|a, b| a.article.cmp(&b.article));
    let refs: Vec<(&Extraction, &Quote)> = exts
        .iter()
        .flat_map(|e| e.quotes.iter().map(move |q| (*e, q)))
        .collect();
    refs.par_iter()
        .map(|&(ext, quote)| Item {
            ext,
            quote,
            named: quote
                .speaker
                .as_ref()
                .and_then(|s| s.id.as_deref())
                .filter(|id| !id.contains('/'))
                .map(|id| roster.corpus_id(id).to_string()),
            days: occasion(ext, quote, window),
            generic: false,
            nearby: Vec::new(),
            norm: normalize::tokens_only(&quote.text),
        })
        .collect()
}

/// The representatives of identical copies (the first quote of each group of one named
/// speaker, one kind, the same matching tokens and the same occasion days), in item order,
/// and an edge (representative, copy) for every other member.
fn copies(items: &[Item]) -> (Vec<u32>, Vec<(u32, u32)>) {
    type Key<'i> = (Option<&'i str>, bool, &'i [u64], Option<(i32, i32)>);
    let mut first: rustc_hash::FxHashMap<Key, u32> = Default::default();
    let mut reps = Vec::new();
    let mut copies = Vec::new();
    for (q, i) in items.iter().enumerate() {
        // Unnamed quotes and empty ones stay apart: their links need the full checks.
        if i.named.is_none() || i.norm.tokens.is_empty() {
            reps.push(q as u32);
            continue;
        }
        let key: Key = (
            i.named.as_deref(),
            i.quote.kind == QuoteKind::Indirect,
            &i.norm.tokens,
            i.days,
        );
        match first.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => copies.push((*e.get(), q as u32)),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(q as u32);
                reps.push(q as u32);
            }
        }
    }
    (reps, copies)
}

/// How near (in bytes) another quote of the article must be for its speaker to be taken as
/// the possible speaker of a quote the article attributes to no one.
const NEARBY: usize = 1_500;

/// For each quote with no speaker at all, the named speakers of its article's quotes within
/// [`NEARBY`] bytes: a fragment quoted without attribution may join a statement of a speaker
/// its own article names nearby.
fn mark_nearby(items: &mut [Item]) {
    let mut start = 0;
    while start < items.len() {
        let ext = items[start].ext;
        let end = start
            + items[start..]
                .iter()
                .take_while(|i| std::ptr::eq(i.ext, ext))
                .count();
        for q in start..end {
            if items[q].quote.speaker.is_some() {
                continue;
            }
            // The article's quotes are in text order: only those starting within reach are
            // read (a huge article costs its neighbourhoods, not the square of its quotes).
            let at = items[q].quote.span;
            let article = &items[start..end];
            let from = article.partition_point(|i| i.quote.span.start + NEARBY < at.start);
            let mut near: Vec<String> = article[from..]
                .iter()
                .take_while(|i| i.quote.span.start <= at.end + NEARBY)
                .filter_map(|i| i.named.clone())
                .collect();
            near.sort_unstable();
            near.dedup();
            items[q].nearby = near;
        }
        start = end;
    }
}

/// Marks the common phrases: quotes of at most `generic_max_tokens` tokens whose exact words
/// come from at least `generic_min_speakers` different named speakers.
fn mark_generic(items: &mut [Item], cfg: &LinkConfig) {
    let short = |i: &Item| {
        let n = i.norm.tokens.len();
        n > 0 && n <= cfg.generic_max_tokens()
    };
    let mut speakers: rustc_hash::FxHashMap<&[u64], BTreeSet<&str>> = Default::default();
    for i in items.iter().filter(|i| short(i)) {
        if let Some(s) = i.named.as_deref() {
            let set = speakers.entry(i.norm.tokens.as_slice()).or_default();
            if set.len() < cfg.generic_min_speakers() {
                set.insert(s);
            }
        }
    }
    let generic: rustc_hash::FxHashSet<Vec<u64>> = speakers
        .into_iter()
        .filter(|(_, s)| s.len() >= cfg.generic_min_speakers())
        .map(|(t, _)| t.to_vec())
        .collect();
    if generic.is_empty() {
        return;
    }
    for i in items.iter_mut() {
        i.generic = short(i) && generic.contains(&i.norm.tokens);
    }
}

/// The days a quote's occasion may fall on: its time phrase read against its article's
/// date, else the `window` days up to that date; `None` for an undated article.
fn occasion(ext: &Extraction, quote: &Quote, window: i32) -> Option<(i32, i32)> {
    let day = when::day_number(ext.date.as_deref()?)?;
    quote
        .when
        .as_ref()
        .and_then(|w| when::days(&w.text, day))
        .or(Some((day - window, day)))
}

/// Each quote's named speaker as a number, for the clusters to keep apart: numbered by the id
/// itself, not its (hashed) key, so two speakers are never taken for one.
fn speaker_numbers(items: &[Item]) -> Vec<Option<u32>> {
    let names: BTreeMap<&str, u32> = items
        .iter()
        .filter_map(|i| i.named.as_deref())
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .zip(0..)
        .collect();
    items
        .iter()
        .map(|i| i.named.as_deref().map(|s| names[s]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `as_str` is the serde name, so the sheets and the JSON never disagree.
    #[test]
    fn as_str_is_the_serde_name() {
        fn check<T: serde::Serialize + Copy>(all: &[T], as_str: fn(T) -> &'static str) {
            for &v in all {
                let json = serde_json::to_string(&v).unwrap();
                assert_eq!(json, format!("\"{}\"", as_str(v)));
            }
        }
        use Relation::*;
        check(&[Canonical, Variant, Fragment, Reported], Relation::as_str);
        use DiffOp::*;
        check(&[Equal, Insert, Delete, Replace], DiffOp::as_str);
        use DiffReason::*;
        check(
            &[Spelling, Alias, Number, Inflection, Wording],
            DiffReason::as_str,
        );
    }
}

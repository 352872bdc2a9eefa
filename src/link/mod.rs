//! Linking: the same statement as reported by different outlets.
//!
//! Stages: `normalize` (matching form of each quote) → `candidates` (MinHash-LSH and a
//! rare-bigram index) → `verify` (alignment, similarity, speaker agreement) → `cluster`
//! (union-find, fragments attached to one parent) → [`Statement`]s with a canonical wording and
//! each outlet's variant with a word-level diff.

mod candidates;
mod cluster;
mod config;
mod diff;
mod normalize;
mod statement;
mod verify;

use rayon::prelude::*;

pub use candidates::{BAND_SEED, PERMUTATION_SEED, SHINGLE_SEED};
pub use config::{LinkConfig, LinkConfigBuilder};
pub use diff::{DiffOp, DiffReason, DiffStep};
pub use statement::{Member, Relation, Statement};

use crate::{Extraction, Roster};
use cluster::Edge;
use normalize::Normalized;

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
    quote: &'a crate::Quote,
    /// Corpus speaker id when the speaker is named (not article-scoped).
    named: Option<String>,
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
        verify::likeness(
            &normalize::normalize(a),
            &normalize::normalize(b),
            self.config.max_tokens(),
        )
        .dice
    }

    /// Links the quotes of `extractions` into statements, singletons included. The result is
    /// the same whatever the order of `extractions` and the number of threads.
    pub fn link(&self, extractions: &[Extraction]) -> Vec<Statement> {
        let cfg = &self.config;
        let roster = Roster::build(extractions);
        // Quotes in a fixed order: by article id, then position.
        let mut exts: Vec<&Extraction> = extractions.iter().collect();
        exts.sort_by(|a, b| a.article.cmp(&b.article));
        let refs: Vec<(&Extraction, &crate::Quote)> = exts
            .iter()
            .flat_map(|e| e.quotes.iter().map(move |q| (*e, q)))
            .collect();
        let items: Vec<Item> = refs
            .par_iter()
            .map(|&(ext, quote)| Item {
                ext,
                quote,
                named: quote
                    .speaker
                    .as_ref()
                    .and_then(|s| s.id.as_deref())
                    .filter(|id| !id.contains('/'))
                    .map(|id| roster.corpus_id(id).to_string()),
                norm: normalize::normalize(&quote.text),
            })
            .collect();
        let keys: Vec<Vec<u64>> = items
            .par_iter()
            .map(|i| candidates::band_keys(&i.norm.tokens, cfg))
            .collect();
        let bigrams: Vec<Vec<u64>> = items
            .par_iter()
            .map(|i| candidates::bigrams(&i.norm.tokens))
            .collect();
        let lens: Vec<usize> = items.iter().map(|i| i.norm.tokens.len()).collect();
        let mut pairs = candidates::pairs(&keys, &bigrams, &lens, cfg);
        // Candidates by speaker: rewordings share few shingles but the same named speaker. A
        // speaker with more quotes than `max_speaker_block` is left to the shingles (linear work).
        let mut by_speaker: std::collections::BTreeMap<&str, Vec<u32>> = Default::default();
        for (q, item) in items.iter().enumerate() {
            if let Some(s) = item.named.as_deref() {
                by_speaker.entry(s).or_default().push(q as u32);
            }
        }
        for quotes in by_speaker
            .values()
            .filter(|q| q.len() <= cfg.max_speaker_block())
        {
            for (i, &a) in quotes.iter().enumerate() {
                pairs.extend(quotes[i + 1..].iter().map(|&b| (a, b)));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut edges: Vec<Edge> = pairs
            .par_iter()
            .filter_map(|&(a, b)| verify::edge(&items[a as usize], &items[b as usize], a, b, cfg))
            .collect();
        edges.sort_by_key(|e| (e.a, e.b));
        let is_fragment_cluster = |members: &[u32]| {
            members
                .iter()
                .all(|&q| lens[q as usize] <= cfg.fragment_max_tokens())
        };
        // Named speakers as numbers, for the clusters to keep apart.
        let names: std::collections::BTreeMap<&str, u32> = by_speaker
            .keys()
            .enumerate()
            .map(|(i, s)| (*s, i as u32))
            .collect();
        let speakers: Vec<Option<u32>> = items
            .iter()
            .map(|i| i.named.as_deref().map(|s| names[s]))
            .collect();
        let roots = cluster::clusters(&speakers, &edges, is_fragment_cluster);
        let mut groups: std::collections::BTreeMap<u32, Vec<u32>> =
            std::collections::BTreeMap::new();
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

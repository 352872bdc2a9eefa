//! Linking: the same statement as reported by different outlets.
//!
//! Stages: `normalize` (matching form of each quote) → `candidates` (MinHash-LSH and a
//! rare-bigram index) → `verify` (alignment, similarity, speaker agreement) → `cluster`
//! (union-find, fragments attached to one parent) → [`Statement`]s with a canonical wording and
//! each outlet's variant with a word-level diff.

mod candidates;
mod cluster;
mod normalize;
mod verify;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use candidates::{BAND_SEED, PERMUTATION_SEED, SHINGLE_SEED};
pub use verify::{DiffOp, DiffReason, DiffStep};

use crate::{Extraction, QuoteKind, Roster};
use cluster::Edge;
use normalize::Normalized;

/// Thresholds and sizes of linking. `LinkConfig::default()` documents the defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LinkConfig {
    /// LSH bands. Default 16.
    pub bands: usize,
    /// MinHash rows per band. Default 4 (64 permutations in all). A pair with shingle
    /// Jaccard 0.5 shares a band with probability ≈ 0.65, at 0.7 ≈ 0.98.
    pub rows: usize,
    /// A bucket larger than this is chained, not paired all-to-all; a named speaker with at
    /// most this many quotes has all their quotes compared. Default 64.
    pub max_bucket: usize,
    /// A bigram in more quotes than this is too common to find fragments with. Default 200.
    pub max_df: usize,
    /// Quotes of at most this many tokens are looked up as fragments. Default 12.
    pub fragment_max_tokens: usize,
    /// Minimum Dice similarity of two full variants. Default 0.6.
    pub variant_min: f64,
    /// Minimum Dice similarity of two full variants when both name the same speaker and their
    /// content words (all but `data/stopwords.txt`) are that similar too: a reworded or
    /// translated statement. Default 0.5.
    pub same_speaker_min: f64,
    /// Minimum containment of a fragment in its parent. Default 0.85.
    pub fragment_min_containment: f64,
    /// Minimum length of a fragment, in tokens. Default 2.
    pub fragment_min_tokens: usize,
    /// When either speaker is unnamed or unknown: minimum Dice, or containment with at least
    /// 6 tokens, for a link. Default 0.8.
    pub unattributed_min: f64,
    /// Tokens of a quote considered in alignment. Default 400.
    pub max_tokens: usize,
}

impl Default for LinkConfig {
    fn default() -> Self {
        LinkConfig {
            bands: 16,
            rows: 4,
            max_bucket: 64,
            max_df: 200,
            fragment_max_tokens: 12,
            variant_min: 0.6,
            same_speaker_min: 0.5,
            fragment_min_containment: 0.85,
            fragment_min_tokens: 2,
            unattributed_min: 0.8,
            max_tokens: 400,
        }
    }
}

/// How a member relates to the statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Relation {
    /// The canonical wording itself.
    Canonical,
    /// A full rendering of the statement.
    Variant,
    /// A part of the statement quoted alone.
    Fragment,
}

/// One outlet's rendering of a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Member {
    /// The quote id from `extract`.
    pub quote: String,
    /// The article.
    pub article: String,
    /// The outlet, if known.
    pub outlet: Option<String>,
    /// Direct, partial or reported.
    pub kind: QuoteKind,
    /// The quoted words.
    pub text: String,
    /// Canonical, variant or fragment.
    pub relation: Relation,
    /// Dice similarity to the canonical wording after normalisation, 0 to 1, rounded to
    /// three decimals (for a fragment, its containment in the canonical wording).
    pub similarity: f64,
    /// Word-level differences from the canonical wording.
    pub diff: Vec<DiffStep>,
}

/// One statement: every outlet's rendering of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Stable id: `s-` and the smallest member quote id.
    pub cluster: String,
    /// The speaker's corpus id (see [`Roster`]), when the members name one.
    pub speaker: Option<String>,
    /// The fullest well-supported wording: among the quotes in marks (else the reported ones)
    /// within 70% of the longest, the wording most members share, then the longest.
    pub canonical: String,
    /// Member quote ids, sorted.
    pub quotes: Vec<String>,
    /// The members, in quote id order.
    pub members: Vec<Member>,
}

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

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
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
            self.config.max_tokens,
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
        // speaker with more quotes than `max_bucket` is left to the shingles (linear work).
        let mut by_speaker: std::collections::BTreeMap<&str, Vec<u32>> = Default::default();
        for (q, item) in items.iter().enumerate() {
            if let Some(s) = item.named.as_deref() {
                by_speaker.entry(s).or_default().push(q as u32);
            }
        }
        for quotes in by_speaker.values().filter(|q| q.len() <= cfg.max_bucket) {
            for (i, &a) in quotes.iter().enumerate() {
                pairs.extend(quotes[i + 1..].iter().map(|&b| (a, b)));
            }
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut edges: Vec<Edge> = pairs
            .par_iter()
            .filter_map(|&(a, b)| self.verify(&items[a as usize], &items[b as usize], a, b))
            .collect();
        edges.sort_by_key(|e| (e.a, e.b));
        let is_fragment_cluster = |members: &[u32]| {
            members
                .iter()
                .all(|&q| lens[q as usize] <= cfg.fragment_max_tokens)
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
            .map(|members| self.statement(&items, members))
            .collect()
    }

    /// A verified edge between two quotes, if they render the same statement.
    fn verify(&self, x: &Item, y: &Item, a: u32, b: u32) -> Option<Edge> {
        let cfg = &self.config;
        // Never across two named speakers who differ.
        if let (Some(p), Some(q)) = (&x.named, &y.named) {
            if p != q {
                return None;
            }
        }
        let l = verify::likeness(&x.norm, &y.norm, cfg.max_tokens);
        let short = if x.norm.tokens.len() <= y.norm.tokens.len() {
            a
        } else {
            b
        };
        let short_len = x.norm.tokens.len().min(y.norm.tokens.len());
        let long_len = x.norm.tokens.len().max(y.norm.tokens.len());
        let attributed = x.named.is_some() && y.named.is_some();
        let strong = l.dice >= cfg.unattributed_min || (l.containment >= 0.95 && short_len >= 6);
        if !attributed && !strong {
            return None;
        }
        // Short quotes share too few words to be told apart by similarity: they are variants
        // only when identical, else at most fragments.
        let long_enough = short_len >= 4 || l.dice >= 1.0;
        // The same named speaker on both sides is evidence in itself, when the two also share
        // content words ("we will not hesitate to …" alone is no evidence).
        let content = verify::lcs(&x.norm.content, &y.norm.content, cfg.max_tokens);
        let content_total = x.norm.content.len() + y.norm.content.len();
        let content_dice = 2.0 * content as f64 / content_total.max(1) as f64;
        let min = if attributed && content_dice >= cfg.same_speaker_min {
            cfg.same_speaker_min
        } else {
            cfg.variant_min
        };
        if l.dice >= min && long_enough {
            return Some(Edge {
                a,
                b,
                dice: l.dice,
                containment: l.containment,
                fragment_child: None,
            });
        }
        let fragment = l.containment >= cfg.fragment_min_containment
            && short_len >= cfg.fragment_min_tokens
            && short_len <= cfg.fragment_max_tokens
            && (short_len as f64) <= 0.6 * long_len as f64;
        fragment.then_some(Edge {
            a,
            b,
            dice: l.dice,
            containment: l.containment,
            fragment_child: Some(short),
        })
    }

    fn statement(&self, items: &[Item], members: &[u32]) -> Statement {
        let id = |q: u32| items[q as usize].quote.id.as_str();
        // Canonical: among the fullest members (within 70% of the longest; quotes in marks
        // first), the wording most members share, then the longest, then the smallest id —
        // "well supported" beats one outlet's rewording, and a full statement beats a widely
        // quoted fragment.
        let marked = |q: &u32| items[*q as usize].quote.kind != QuoteKind::Indirect;
        let len = |q: u32| items[q as usize].norm.tokens.len();
        // How many members share each wording, counted once (a statement carried by
        // thousands of outlets must not cost thousands squared).
        let mut wordings: rustc_hash::FxHashMap<&[u64], usize> = Default::default();
        for &q in members {
            *wordings.entry(&items[q as usize].norm.tokens).or_default() += 1;
        }
        let support = |q: u32| wordings[items[q as usize].norm.tokens.as_slice()];
        let pick = |pool: Vec<u32>| {
            let longest = pool.iter().map(|&q| len(q)).max().unwrap_or(0);
            pool.into_iter()
                .filter(|&q| len(q) as f64 >= 0.7 * longest as f64)
                .max_by(|&x, &y| {
                    (support(x), len(x))
                        .cmp(&(support(y), len(y)))
                        .then_with(|| id(y).cmp(id(x)))
                })
        };
        let canon = pick(members.iter().copied().filter(marked).collect())
            .or_else(|| pick(members.to_vec()))
            .unwrap_or(members[0]);
        let c = &items[canon as usize];
        let mut sorted: Vec<u32> = members.to_vec();
        sorted.sort_by(|&a, &b| id(a).cmp(id(b)));
        let mut speakers: std::collections::BTreeMap<&str, usize> =
            std::collections::BTreeMap::new();
        for &q in members {
            if let Some(s) = items[q as usize].named.as_deref() {
                *speakers.entry(s).or_default() += 1;
            }
        }
        let speaker = speakers
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
            .map(|(s, _)| s.to_string());
        let member = |q: u32| {
            let m = &items[q as usize];
            let l = verify::likeness(&c.norm, &m.norm, self.config.max_tokens);
            // A fragment lies inside the canonical wording and is much shorter.
            let (len, canon_len) = (m.norm.tokens.len(), c.norm.tokens.len());
            let relation = if q == canon {
                Relation::Canonical
            } else if l.containment >= self.config.fragment_min_containment
                && (len as f64) <= 0.6 * canon_len as f64
            {
                Relation::Fragment
            } else {
                Relation::Variant
            };
            Member {
                quote: m.quote.id.clone(),
                article: m.ext.article.clone(),
                outlet: m.ext.outlet.clone(),
                kind: m.quote.kind,
                text: m.quote.text.clone(),
                relation,
                similarity: round3(if relation == Relation::Fragment {
                    l.containment
                } else {
                    l.dice
                }),
                diff: verify::diff(&c.quote.text, &c.norm, &m.quote.text, &m.norm),
            }
        };
        Statement {
            cluster: format!("s-{}", id(sorted[0])),
            speaker,
            canonical: c.quote.text.clone(),
            quotes: sorted.iter().map(|&q| id(q).to_string()).collect(),
            members: sorted.iter().map(|&q| member(q)).collect(),
        }
    }
}

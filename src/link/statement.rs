//! Statements: the members of one cluster, the canonical wording they share, and how each
//! member relates to it (canonical, variant, fragment), with its similarity and word diff.

use serde::{Deserialize, Serialize};

use super::{diff, normalize, verify, DiffStep, Item, LinkConfig};
use crate::QuoteKind;

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
    /// The statement reported without quote marks (an indirect quote of a statement that
    /// other members quote).
    Reported,
}

impl Relation {
    /// The name used in JSON: `"canonical"`, `"variant"`, `"fragment"`.
    ///
    /// ```
    /// assert_eq!(saywho::Relation::Fragment.as_str(), "fragment");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Canonical => "canonical",
            Relation::Variant => "variant",
            Relation::Fragment => "fragment",
            Relation::Reported => "reported",
        }
    }

    /// The name shown to readers: `"canonical wording"`, `"variant"`, `"fragment"`.
    ///
    /// ```
    /// assert_eq!(saywho::Relation::Canonical.label(), "canonical wording");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            Relation::Canonical => "canonical wording",
            Relation::Variant => "variant",
            Relation::Fragment => "fragment",
            Relation::Reported => "reported",
        }
    }
}

/// One outlet's rendering of a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
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
    /// It gives other figures than the canonical wording (the words are otherwise the
    /// same): what a fact-checker looks for. Written to JSON only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub numbers_differ: bool,
    /// An altered quote: this member is in quote marks, so is the canonical wording, and
    /// inside the marks its words differ substantively from it — another figure, a negation,
    /// words changed, added or cut — not only in spelling, an alias, a cut it marks with an
    /// ellipsis, or how much of the statement it quotes (see [`Significance`]). The change is
    /// local: the words the two share are at least twice those it touches (more change than
    /// that is a rewording or another stretch of the statement). What the fact-checker looks
    /// for first. Written to JSON only when true.
    ///
    /// [`Significance`]: super::Significance
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub altered: bool,
}

impl Member {
    /// The steps of its diff that alter the quote (substantive or critical), in order; none
    /// unless the member is [`altered`](Member::altered).
    ///
    /// ```
    /// use saywho::{Article, Extractor, Linker};
    /// let ex = Extractor::new();
    /// let a = ex.extract(&Article::new("a", "Mayor Ana Reyes said: “There were 19 attacks on the harbour this summer.”"));
    /// let b = ex.extract(&Article::new("b", "Mayor Ana Reyes said: “There were 19 attacks on the harbour this summer.”"));
    /// let c = ex.extract(&Article::new("c", "“There were 12 attacks on the harbor this summer,” Reyes said."));
    /// let s = &Linker::default().link(&[a, b, c])[0];
    /// let c = s.members.iter().find(|m| m.article == "c").unwrap();
    /// assert!(c.altered);
    /// let changes: Vec<_> = c.alterations().map(|d| (d.canonical.as_str(), d.variant.as_str())).collect();
    /// assert_eq!(changes, [("19", "12")]);
    /// ```
    pub fn alterations(&self) -> impl Iterator<Item = &DiffStep> {
        let altered = self.altered;
        self.diff.iter().filter(move |d| altered && d.alters())
    }
}

/// One statement: every outlet's rendering of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Statement {
    /// Stable id: `s-` and the smallest member quote id.
    pub cluster: String,
    /// The speaker's corpus id (see [`Roster`](crate::Roster)), when the members name one.
    pub speaker: Option<String>,
    /// The fullest well-supported wording: among the quotes in marks (else the reported ones)
    /// within 70% of the longest (by default), the wording most members share, then the
    /// longest, then the smallest id.
    pub canonical: String,
    /// Member quote ids, sorted.
    pub quotes: Vec<String>,
    /// The members, in quote id order.
    pub members: Vec<Member>,
}

/// The statement made of `members` (indices into `items`, not empty).
pub(super) fn build(items: &[Item], members: &[u32], cfg: &LinkConfig) -> Statement {
    let id = |q: u32| items[q as usize].quote.id.as_str();
    // Canonical: among the fullest members (`canonical_min_ratio` of the longest; quotes in marks
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
            .filter(|&q| len(q) as f64 >= cfg.canonical_min_ratio() * longest as f64)
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
    // The words of each member, for its diff (the items keep tokens only). A statement of one
    // quote is one unchanged run of its words.
    let with_words = |q: u32| normalize(&items[q as usize].quote.text);
    let canon_words = (members.len() > 1).then(|| with_words(canon));
    let mut sorted: Vec<u32> = members.to_vec();
    sorted.sort_by(|&a, &b| id(a).cmp(id(b)));
    let mut speakers: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
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
        let diff = match &canon_words {
            Some(cw) => diff::diff(&c.quote.text, cw, &m.quote.text, &with_words(q)),
            None => diff::unchanged(&m.quote.text),
        };
        let l = verify::likeness(&c.norm, &m.norm, cfg.max_tokens());
        // A fragment lies inside the canonical wording and is much shorter.
        let (len, canon_len) = (m.norm.tokens.len(), c.norm.tokens.len());
        let relation = if q == canon {
            Relation::Canonical
        } else if m.quote.kind == QuoteKind::Indirect && c.quote.kind != QuoteKind::Indirect {
            Relation::Reported
        } else if l.containment >= cfg.fragment_min_containment()
            && (len as f64) <= cfg.fragment_max_ratio() * canon_len as f64
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
            numbers_differ: verify::numbers_disagree(&c.norm.numbers, &m.norm.numbers),
            altered: matches!(relation, Relation::Variant | Relation::Fragment)
                && marked(&q)
                && marked(&canon)
                && diff::alters(&diff),
            diff,
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

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

//! Verifying a candidate pair: token alignment, similarity, containment, and the rules that
//! make a pair a variant link, a fragment link or no link.

use super::cluster::Edge;
use super::normalize::Normalized;
use super::{Item, LinkConfig};

/// Longest common subsequence of two token sequences, in O(n·m) time and O(m) memory.
/// Inputs longer than `cap` tokens are cut to `cap` (a statement is rarely that long; this
/// bounds the cost of a pathological pair).
pub(crate) fn lcs(a: &[u64], b: &[u64], cap: usize) -> usize {
    let (a, b) = (&a[..a.len().min(cap)], &b[..b.len().min(cap)]);
    let (a, b) = if a.len() < b.len() { (b, a) } else { (a, b) };
    let mut row = vec![0u32; b.len() + 1];
    for &x in a {
        let mut diag = 0;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()] as usize
}

/// How alike two quotes are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Likeness {
    /// Tokens in common (in order).
    pub matched: usize,
    /// 2·matched / (|a| + |b|): 1 for the same words.
    pub dice: f64,
    /// matched / min(|a|, |b|): 1 when the shorter lies wholly inside the longer.
    pub containment: f64,
}

pub(crate) fn likeness(a: &Normalized, b: &Normalized, cap: usize) -> Likeness {
    let (la, lb) = (a.tokens.len().min(cap), b.tokens.len().min(cap));
    if la == 0 || lb == 0 {
        return Likeness {
            matched: 0,
            dice: 0.0,
            containment: 0.0,
        };
    }
    let matched = lcs(&a.tokens, &b.tokens, cap);
    Likeness {
        matched,
        dice: 2.0 * matched as f64 / (la + lb) as f64,
        containment: matched as f64 / la.min(lb) as f64,
    }
}

/// A verified edge between two quotes, if they render the same statement.
pub(super) fn edge(x: &Item, y: &Item, a: u32, b: u32, cfg: &LinkConfig) -> Option<Edge> {
    // Never across two named speakers who differ.
    if let (Some(p), Some(q)) = (&x.named, &y.named) {
        if p != q {
            return None;
        }
    }
    let l = likeness(&x.norm, &y.norm, cfg.max_tokens());
    let short = if x.norm.tokens.len() <= y.norm.tokens.len() {
        a
    } else {
        b
    };
    let short_len = x.norm.tokens.len().min(y.norm.tokens.len());
    let long_len = x.norm.tokens.len().max(y.norm.tokens.len());
    let attributed = x.named.is_some() && y.named.is_some();
    let strong = l.dice >= cfg.unattributed_min()
        || (l.containment >= cfg.unattributed_min_containment()
            && short_len >= cfg.unattributed_min_tokens());
    if !attributed && !strong {
        return None;
    }
    // Short quotes share too few words to be told apart by similarity: they are variants
    // only when identical, else at most fragments.
    let long_enough = short_len >= cfg.variant_min_tokens() || l.dice >= 1.0;
    // The same named speaker on both sides is evidence in itself, when the two also share
    // content words ("we will not hesitate to …" alone is no evidence).
    let content = lcs(&x.norm.content, &y.norm.content, cfg.max_tokens());
    let content_total = x.norm.content.len() + y.norm.content.len();
    let content_dice = 2.0 * content as f64 / content_total.max(1) as f64;
    let min = if attributed && content_dice >= cfg.same_speaker_min() {
        cfg.same_speaker_min()
    } else {
        cfg.variant_min()
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
    let fragment = l.containment >= cfg.fragment_min_containment()
        && short_len >= cfg.fragment_min_tokens()
        && short_len <= cfg.fragment_max_tokens()
        && (short_len as f64) <= cfg.fragment_max_ratio() * long_len as f64;
    fragment.then_some(Edge {
        a,
        b,
        dice: l.dice,
        containment: l.containment,
        fragment_child: Some(short),
    })
}

#[cfg(test)]
mod tests {
    use super::super::normalize::normalize;
    use super::*;
    use crate::LinkConfig;

    #[test]
    fn lcs_counts_common_subsequence() {
        assert_eq!(lcs(&[1, 2, 3, 4], &[1, 3, 4, 5], 100), 3);
        assert_eq!(lcs(&[], &[1], 100), 0);
        assert_eq!(lcs(&[1, 2, 3], &[1, 2, 3], 2), 2);
    }

    #[test]
    fn likeness_of_variants_and_fragments() {
        let full = normalize("precision self-defense strikes are a response to attacks");
        let uk = normalize("precision self-defence strikes are a response to attacks");
        let frag = normalize("precision self-defense");
        assert_eq!(likeness(&full, &uk, 500).dice, 1.0);
        let f = likeness(&full, &frag, 500);
        assert_eq!(f.containment, 1.0);
        assert!(f.dice < LinkConfig::default().variant_min(), "{f:?}");
    }
}

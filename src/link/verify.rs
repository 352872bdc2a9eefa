//! Verifying a candidate pair: token alignment, similarity, containment, and the rules that
//! make a pair a variant link, a fragment link or no link.

use super::cluster::Edge;
use super::normalize::{self, Normalized};
use super::{Item, LinkConfig};
use crate::QuoteKind;

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

/// The longest run of tokens the two sequences share verbatim (a longest common substring),
/// as its length and where it ends in `a` (exclusive). Inputs are cut to `cap` tokens.
pub(crate) fn longest_run(a: &[u64], b: &[u64], cap: usize) -> (usize, usize) {
    let (a, b) = (&a[..a.len().min(cap)], &b[..b.len().min(cap)]);
    let mut row = vec![0u32; b.len() + 1];
    let mut best = (0, 0);
    for (i, &x) in a.iter().enumerate() {
        let mut diag = 0;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { 0 };
            if row[j + 1] as usize > best.0 {
                best = (row[j + 1] as usize, i + 1);
            }
            diag = up;
        }
    }
    best
}

/// Whether the numbers of two quotes disagree: each has numbers, and the shorter list (as a
/// multiset) is not inside the other ("at least 12 attacks" / "at least 19 attacks"; a
/// fragment that leaves a figure out agrees).
pub(crate) fn numbers_disagree(x: &[u64], y: &[u64]) -> bool {
    if x.is_empty() || y.is_empty() {
        return false;
    }
    let (small, big) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    let (mut small, mut big) = (small.to_vec(), big.to_vec());
    small.sort_unstable();
    big.sort_unstable();
    // Sorted: walk both, each number of the shorter list taking one equal number of the other.
    let mut j = 0;
    for n in small {
        while j < big.len() && big[j] < n {
            j += 1;
        }
        if j == big.len() || big[j] != n {
            return true;
        }
        j += 1;
    }
    false
}

/// How much of a reported clause's content a quote holds: the content words (as synonym
/// groups) they share, and that count over the clause's distinct content words.
fn reported_overlap(clause: &Normalized, quote: &Normalized) -> (usize, f64) {
    let (c, q) = (
        normalize::content_groups(clause),
        normalize::content_groups(quote),
    );
    let shared = c.iter().filter(|t| q.binary_search(t).is_ok()).count();
    (shared, shared as f64 / c.len().max(1) as f64)
}

/// A verified edge between two quotes, if they render the same statement.
pub(super) fn edge(x: &Item, y: &Item, a: u32, b: u32, cfg: &LinkConfig) -> Option<Edge> {
    // Never across two named speakers who differ.
    if let (Some(p), Some(q)) = (&x.named, &y.named) {
        if p != q {
            return None;
        }
    }
    // A common phrase is nobody's statement: only one speaker's identical copies of it join.
    if x.generic || y.generic {
        let same_speaker = x.named.is_some() && x.named == y.named;
        if !(same_speaker && x.norm.tokens == y.norm.tokens) {
            return None;
        }
    }
    // Two quotes whose occasions cannot be one day (by their time phrases, else their
    // articles' dates) render one statement only when they share a long verbatim passage and
    // one of them is not dated by a phrase of its own.
    let far = match (x.days, y.days) {
        (Some(p), Some(q)) => super::cluster::apart(p, q),
        _ => false,
    };
    if far && x.dated_by_phrase() && y.dated_by_phrase() {
        return None;
    }
    let short_len = x.norm.tokens.len().min(y.norm.tokens.len());
    // The longest shared run, computed only when it can matter (it costs another alignment).
    let run_cell = std::cell::OnceCell::new();
    let run =
        || *run_cell.get_or_init(|| longest_run(&x.norm.tokens, &y.norm.tokens, cfg.max_tokens()));
    if far && run().0 < cfg.occasion_min_run() {
        return None;
    }
    let l = likeness(&x.norm, &y.norm, cfg.max_tokens());
    // The run is only read off an edge that is made: pairs turned down never align twice.
    let edge = |child: Option<u32>| Edge {
        a,
        b,
        dice: l.dice,
        containment: l.containment,
        child,
        run: if short_len >= cfg.occasion_min_run() {
            run().0 as u32
        } else {
            0
        },
    };
    // Numbers that disagree make another statement, unless every other word is the same (a
    // figure misquoted by one outlet): then link, and say so.
    if numbers_disagree(&x.norm.numbers, &y.norm.numbers) {
        let words = |n: &Normalized| -> Vec<u64> {
            let mut numbers = n.numbers.clone();
            numbers.sort_unstable();
            n.tokens
                .iter()
                .copied()
                .filter(|t| numbers.binary_search(t).is_err())
                .collect()
        };
        let same_words = !x.norm.tokens.is_empty() && words(&x.norm) == words(&y.norm);
        // The member is marked when its statement is built (`numbers_differ`).
        return same_words.then(|| edge(None));
    }
    let short = if x.norm.tokens.len() <= y.norm.tokens.len() {
        a
    } else {
        b
    };
    let long_len = x.norm.tokens.len().max(y.norm.tokens.len());
    // A quote attributed to no one counts as its neighbour's when its article names the
    // other quote's speaker near it.
    let borrowed = |u: &Item, n: &Item| {
        u.named.is_none()
            && n.named
                .as_ref()
                .is_some_and(|s| u.nearby.binary_search(s).is_ok())
    };
    let attributed = x.named.is_some() && y.named.is_some();
    // A fragment its article attributes to no one may still attach to a statement of a
    // speaker its article names nearby.
    let short_item = if short == a { x } else { y };
    let long_item = if short == a { y } else { x };
    let borrowed_fragment = borrowed(short_item, long_item);
    let strong = l.dice >= cfg.unattributed_min()
        || (l.containment >= cfg.unattributed_min_containment()
            && short_len >= cfg.unattributed_min_tokens());
    let fragment = l.containment >= cfg.fragment_min_containment()
        && short_len >= cfg.fragment_min_tokens()
        && short_len <= cfg.fragment_max_tokens()
        && (short_len as f64) <= cfg.fragment_max_ratio() * long_len as f64;
    if borrowed_fragment && fragment {
        return Some(edge(Some(short)));
    }
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
        return Some(edge(None));
    }
    if fragment {
        return Some(edge(Some(short)));
    }
    if !attributed {
        return None;
    }
    // Overlapping windows of one long statement: a long verbatim run, mostly content words.
    if short_len >= cfg.overlap_min_run() {
        let (run, run_end) = run();
        let run_content = x.norm.tokens[run_end - run..run_end]
            .iter()
            .filter(|&&t| !normalize::is_stopword(t))
            .count();
        if run >= cfg.overlap_min_run() && 2 * run_content >= run {
            return Some(edge(None));
        }
    }
    // A reported clause and the quote it reports, on one occasion: the clause's content
    // words are mostly the quote's. It attaches to one quoted statement, like a fragment.
    let indirect = |i: &Item| i.quote.kind == QuoteKind::Indirect;
    if indirect(x) != indirect(y) && !far {
        let (clause, quote, child) = if indirect(x) { (x, y, a) } else { (y, x, b) };
        let (shared, ratio) = reported_overlap(&clause.norm, &quote.norm);
        if shared >= cfg.reported_min_shared() && ratio >= cfg.reported_min_ratio() {
            return Some(Edge {
                containment: ratio,
                ..edge(Some(child))
            });
        }
    }
    None
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
    fn longest_run_is_contiguous() {
        assert_eq!(
            longest_run(&[1, 2, 3, 9, 4, 5], &[0, 1, 2, 3, 4, 5], 100),
            (3, 3)
        );
        assert_eq!(longest_run(&[1, 2], &[3, 4], 100).0, 0);
    }

    #[test]
    fn numbers_disagree_only_when_both_give_other_figures() {
        assert!(numbers_disagree(&[12], &[19]));
        assert!(
            !numbers_disagree(&[12], &[4, 300, 12]),
            "a fragment that leaves one out"
        );
        assert!(!numbers_disagree(&[], &[19]));
        assert!(numbers_disagree(&[12, 12], &[12, 19]));
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

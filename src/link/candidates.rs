//! Candidate pairs from the keys of every quote ([`keys`](super::keys)): quotes that share a
//! MinHash band (near-duplicates), a rare token bigram (fragments: a fragment lies wholly
//! inside the full statement, so its Jaccard is low but it shares rare bigrams) or a named
//! speaker (rewordings).

use rustc_hash::FxHashMap;

use super::LinkConfig;

/// Candidate pairs `(i, j)`, `i < j`, sorted and unique. For quote q, `bands[q]` are its band
/// keys, `bigrams[q]` its bigram keys, `speakers[q]` its speaker key and `lens[q]` its length
/// in tokens.
pub(crate) fn pairs(
    bands: &[Vec<u64>],
    bigrams: &[Vec<u64>],
    speakers: &[Option<u64>],
    lens: &[usize],
    cfg: &LinkConfig,
) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    // Near-duplicates: quotes sharing a band. A very large bucket (boilerplate quoted
    // everywhere) is chained rather than paired all-to-all, which keeps the work linear and
    // still lets union-find join its members.
    for members in invert(bands, Vec::as_slice).values() {
        if members.len() <= cfg.max_bucket() {
            all_pairs(members, &mut out);
        } else {
            out.extend(members.windows(2).map(|w| (w[0], w[1])));
        }
    }
    // Fragments: a short quote and any quote sharing one of its rare bigrams.
    for members in invert(bigrams, Vec::as_slice).values() {
        if members.len() < 2 || members.len() > cfg.max_df() {
            continue;
        }
        for &short in members
            .iter()
            .filter(|&&q| lens[q as usize] <= cfg.fragment_max_tokens())
        {
            for &other in members {
                if other != short {
                    out.push((short.min(other), short.max(other)));
                }
            }
        }
    }
    // Rewordings share few shingles but the same named speaker. A speaker with more quotes
    // than `max_speaker_block` is left to the other keys (linear work).
    for members in invert(speakers, Option::as_slice).values() {
        if members.len() <= cfg.max_speaker_block() {
            all_pairs(members, &mut out);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The inverted index of one kind of key: each key → the quotes that have it, in quote order.
fn invert<T>(quotes: &[T], keys: impl Fn(&T) -> &[u64]) -> FxHashMap<u64, Vec<u32>> {
    let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (q, item) in quotes.iter().enumerate() {
        for &k in keys(item) {
            index.entry(k).or_default().push(q as u32);
        }
    }
    index
}

/// Every pair of `members` (in quote order, so each pair comes out as `(smaller, larger)`).
fn all_pairs(members: &[u32], out: &mut Vec<(u32, u32)>) {
    for (a, &x) in members.iter().enumerate() {
        out.extend(members[a + 1..].iter().map(|&y| (x, y)));
    }
}

#[cfg(test)]
mod tests {
    use super::super::keys::{band_keys, bigram_keys};
    use super::super::normalize::Normalized;
    use super::*;

    #[test]
    fn near_duplicates_and_fragments_become_candidates() {
        let cfg = LinkConfig::default();
        let a: Vec<u64> = (1..=20).collect();
        let mut b = a.clone();
        b[10] = 99;
        let frag = vec![5, 6, 7];
        let other: Vec<u64> = (100..120).collect();
        let all: Vec<Normalized> = [a, b, frag, other]
            .into_iter()
            .map(Normalized::from_tokens)
            .collect();
        let bands: Vec<_> = all.iter().map(|n| band_keys(n, &cfg)).collect();
        let bigrams: Vec<_> = all.iter().map(bigram_keys).collect();
        let lens: Vec<_> = all.iter().map(|n| n.tokens.len()).collect();
        let p = pairs(&bands, &bigrams, &[None; 4], &lens, &cfg);
        assert!(p.contains(&(0, 1)) && p.contains(&(0, 2)) && p.contains(&(1, 2)));
        assert!(!p.iter().any(|&(x, y)| x == 3 || y == 3));
    }

    #[test]
    fn one_speakers_quotes_become_candidates_up_to_the_block_limit() {
        let none = vec![Vec::new(); 4];
        let speakers = [Some(7), None, Some(7), Some(7)];
        let cfg = LinkConfig::default();
        let p = pairs(&none, &none, &speakers, &[20; 4], &cfg);
        assert_eq!(p, [(0, 2), (0, 3), (2, 3)]);
        let cfg = LinkConfig::builder().max_speaker_block(2).build().unwrap();
        assert!(pairs(&none, &none, &speakers, &[20; 4], &cfg).is_empty());
    }

    #[test]
    fn a_large_bucket_is_chained() {
        let bands = vec![vec![1]; 5];
        let none = vec![Vec::new(); 5];
        let cfg = LinkConfig::builder().max_bucket(4).build().unwrap();
        let p = pairs(&bands, &none, &[None; 5], &[20; 5], &cfg);
        assert_eq!(p, [(0, 1), (1, 2), (2, 3), (3, 4)]);
    }
}

//! Candidate pairs that scale: MinHash-LSH over token 3-shingles for near-duplicates, and an
//! inverted index of rare token bigrams for fragments (a fragment lies wholly inside the full
//! statement, so its Jaccard is low but it shares rare bigrams).
//!
//! Hashing is fixed and documented so that blocking keys are the same on every machine (and
//! could serve as shuffle keys in a distributed job): a shingle's hash is xxh3-64 of its token
//! ids (little-endian) with seed [`SHINGLE_SEED`]; the i-th MinHash permutation is
//! `(h ^ mask_i).wrapping_mul(MULTIPLIER)` with `mask_i = xxh3_64(i as u64 LE, PERMUTATION_SEED)`;
//! a band key is xxh3-64 of the band index and its rows with seed [`BAND_SEED`].

use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::LinkConfig;

/// Seed of shingle hashes.
pub const SHINGLE_SEED: u64 = 0x5a79_7768_6f21_0002;
/// Seed of the MinHash permutation masks.
pub const PERMUTATION_SEED: u64 = 0x5a79_7768_6f21_0003;
/// Seed of LSH band keys.
pub const BAND_SEED: u64 = 0x5a79_7768_6f21_0004;
/// Odd multiplier of the MinHash permutations (the 64-bit golden ratio).
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

fn hash_tokens(tokens: &[u64], seed: u64) -> u64 {
    let mut bytes = Vec::with_capacity(tokens.len() * 8);
    for t in tokens {
        bytes.extend_from_slice(&t.to_le_bytes());
    }
    xxh3_64_with_seed(&bytes, seed)
}

/// Hashes of the k-shingles of `tokens` (the whole sequence if it is shorter than k).
fn shingles(tokens: &[u64], k: usize) -> Vec<u64> {
    if tokens.len() < k {
        return if tokens.is_empty() {
            Vec::new()
        } else {
            vec![hash_tokens(tokens, SHINGLE_SEED)]
        };
    }
    tokens
        .windows(k)
        .map(|w| hash_tokens(w, SHINGLE_SEED))
        .collect()
}

/// The LSH band keys of one token sequence.
pub(crate) fn band_keys(tokens: &[u64], cfg: &LinkConfig) -> Vec<u64> {
    let sh = shingles(tokens, cfg.shingle_tokens());
    if sh.is_empty() {
        return Vec::new();
    }
    let perms = cfg.bands() * cfg.rows();
    let masks: Vec<u64> = (0..perms as u64)
        .map(|i| xxh3_64_with_seed(&i.to_le_bytes(), PERMUTATION_SEED))
        .collect();
    let sig: Vec<u64> = masks
        .iter()
        .map(|m| {
            sh.iter()
                .map(|h| (h ^ m).wrapping_mul(MULTIPLIER))
                .min()
                .unwrap_or(0)
        })
        .collect();
    sig.chunks(cfg.rows())
        .enumerate()
        .map(|(b, rows)| {
            let mut bytes = Vec::with_capacity(8 + rows.len() * 8);
            bytes.extend_from_slice(&(b as u64).to_le_bytes());
            for r in rows {
                bytes.extend_from_slice(&r.to_le_bytes());
            }
            xxh3_64_with_seed(&bytes, BAND_SEED)
        })
        .collect()
}

/// Candidate pairs `(i, j)`, `i < j`, sorted and unique. `keys[q]` are the band keys of
/// quote q and `bigrams[q]` its token bigrams; `lens[q]` its length in tokens.
pub(crate) fn pairs(
    keys: &[Vec<u64>],
    bigrams: &[Vec<u64>],
    lens: &[usize],
    cfg: &LinkConfig,
) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    // Near-duplicates: quotes sharing a band. A very large bucket (boilerplate quoted
    // everywhere) is chained rather than paired all-to-all, which keeps the work linear and
    // still lets union-find join its members.
    let mut buckets: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (q, ks) in keys.iter().enumerate() {
        for &k in ks {
            buckets.entry(k).or_default().push(q as u32);
        }
    }
    for members in buckets.values() {
        emit(members, cfg.max_bucket(), &mut out);
    }
    // Fragments: a short quote and any quote sharing one of its rare bigrams.
    let mut postings: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    for (q, bg) in bigrams.iter().enumerate() {
        for &b in bg {
            postings.entry(b).or_default().push(q as u32);
        }
    }
    for members in postings.values() {
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
    out.sort_unstable();
    out.dedup();
    out
}

fn emit(members: &[u32], max: usize, out: &mut Vec<(u32, u32)>) {
    if members.len() <= max {
        for (a, &x) in members.iter().enumerate() {
            for &y in &members[a + 1..] {
                out.push((x.min(y), x.max(y)));
            }
        }
    } else {
        for w in members.windows(2) {
            out.push((w[0].min(w[1]), w[0].max(w[1])));
        }
    }
}

/// The distinct token bigrams of a sequence (unigrams for a one-token quote).
pub(crate) fn bigrams(tokens: &[u64]) -> Vec<u64> {
    let mut out = shingles(tokens, 2);
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_fixed() {
        // Blocking keys must not change between machines or releases without notice.
        let cfg = LinkConfig::default();
        let k = band_keys(&[1, 2, 3, 4], &cfg);
        assert_eq!(k.len(), cfg.bands());
        assert_eq!(k, band_keys(&[1, 2, 3, 4], &cfg));
        assert_eq!(
            hash_tokens(&[1, 2], SHINGLE_SEED),
            xxh3_64_with_seed(
                &[1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0],
                SHINGLE_SEED
            )
        );
    }

    #[test]
    fn near_duplicates_and_fragments_become_candidates() {
        let cfg = LinkConfig::default();
        let a: Vec<u64> = (1..=20).collect();
        let mut b = a.clone();
        b[10] = 99;
        let frag = vec![5, 6, 7];
        let other: Vec<u64> = (100..120).collect();
        let all = [a, b, frag, other];
        let keys: Vec<_> = all.iter().map(|t| band_keys(t, &cfg)).collect();
        let bg: Vec<_> = all.iter().map(|t| bigrams(t)).collect();
        let lens: Vec<_> = all.iter().map(Vec::len).collect();
        let p = pairs(&keys, &bg, &lens, &cfg);
        assert!(p.contains(&(0, 1)) && p.contains(&(0, 2)) && p.contains(&(1, 2)));
        assert!(!p.iter().any(|&(x, y)| x == 3 || y == 3));
    }
}

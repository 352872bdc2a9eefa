//! Candidate keys: two quotes become a candidate pair when they share a key. Each key is a
//! pure function of a quote's matching form ([`Normalized`], from [`normalize`](fn@super::normalize)) and the
//! [`LinkConfig`] — the speaker key, of the speaker's corpus id — hashed with fixed seeds, so
//! the keys are the same on every machine, in every run and at every thread count, and can
//! serve as the partition (shuffle) keys of a distributed run.
//!
//! There are three kinds, each its own key space (a band key may equal a bigram key: keep the
//! kinds apart). [`Linker::link`](super::Linker::link) groups the quotes by each key and
//! pairs them so:
//!
//! | key | finds | a group is paired |
//! |---|---|---|
//! | [`band_keys`] | near-duplicates (MinHash-LSH over token shingles) | all-to-all, or chained (each quote with the next) when larger than [`LinkConfig::max_bucket`] |
//! | [`bigram_keys`] | fragments (a part quoted alone shares the statement's rare bigrams) | each quote of at most [`LinkConfig::fragment_max_tokens`] tokens with every other; skipped when larger than [`LinkConfig::max_df`] |
//! | [`speaker_key`] | rewordings by one named speaker | all-to-all; skipped when larger than [`LinkConfig::max_speaker_block`] |
//! | [`speaker_word_keys`] | rewordings, swapped words and reported versions by a speaker with more quotes than that | pairs sharing two such keys or more, in groups of at most [`LinkConfig::max_speaker_block`] |
//!
//! Hashing: a token is xxh3-64 of its text with [`TOKEN_SEED`](super::TOKEN_SEED); a shingle is xxh3-64 of its
//! token ids (each as 8 little-endian bytes) with [`SHINGLE_SEED`]; the i-th MinHash
//! permutation is `(h ^ mask_i).wrapping_mul(0x9e37_79b9_7f4a_7c15)` with
//! `mask_i = xxh3_64(i as u64 LE, PERMUTATION_SEED)`; a band key is xxh3-64 of the band index
//! and its rows (8 little-endian bytes each) with [`BAND_SEED`]; a speaker key is xxh3-64 of
//! the corpus id's UTF-8 bytes with [`SPEAKER_SEED`]; a speaker-word key is xxh3-64 of the
//! speaker key and a content token id (8 little-endian bytes each) with
//! [`SPEAKER_WORD_SEED`].
//!
//! In a band group larger than [`LinkConfig::max_bucket`] the quotes are chained in the order
//! of their speaker keys (then quote order), so the copies of one speaker's quote are always
//! neighbours and always join, however many speakers share the group.
//!
//! ```
//! use saywho::link::{keys, normalize};
//! use saywho::LinkConfig;
//!
//! let config = LinkConfig::default();
//! // Two outlets' house styles, one matching form: the same keys.
//! let a = normalize("We will defend the harbour at any cost.");
//! let b = normalize("we will defend the harbor at any cost");
//! assert_eq!(keys::band_keys(&a, &config), keys::band_keys(&b, &config));
//! assert_eq!(keys::band_keys(&a, &config).len(), config.bands());
//! assert_eq!(keys::bigram_keys(&a), keys::bigram_keys(&b));
//! ```

use xxhash_rust::xxh3::xxh3_64_with_seed;

use super::normalize::Normalized;
use super::LinkConfig;

/// Seed of shingle hashes (and of the bigram keys, which are hashes of 2-shingles).
pub const SHINGLE_SEED: u64 = 0x5a79_7768_6f21_0002;
/// Seed of the MinHash permutation masks.
pub const PERMUTATION_SEED: u64 = 0x5a79_7768_6f21_0003;
/// Seed of LSH band keys.
pub const BAND_SEED: u64 = 0x5a79_7768_6f21_0004;
/// Seed of speaker keys.
pub const SPEAKER_SEED: u64 = 0x5a79_7768_6f21_0005;
/// The seed of speaker-word keys ([`speaker_word_keys`]).
pub const SPEAKER_WORD_SEED: u64 = 0x5a79_7768_6f21_0006;
/// Odd multiplier of the MinHash permutations (the 64-bit golden ratio).
const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// The LSH band keys of a quote: one per band ([`LinkConfig::bands`]), each a hash of
/// [`LinkConfig::rows`] MinHash values over its shingles of [`LinkConfig::shingle_tokens`]
/// tokens (the whole quote when it is shorter). Quotes with shingle Jaccard similarity J share
/// a given band with probability J^rows. None for a quote without tokens.
pub fn band_keys(norm: &Normalized, config: &LinkConfig) -> Vec<u64> {
    let sh = shingles(&norm.tokens, config.shingle_tokens());
    if sh.is_empty() {
        return Vec::new();
    }
    let perms = config.bands() * config.rows();
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
    sig.chunks(config.rows())
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

/// The bigram keys of a quote: the hashes of its distinct token bigrams (of its one token, for
/// a one-token quote), sorted. None for a quote without tokens. Which bigrams are rare enough
/// to pair by ([`LinkConfig::max_df`]) is known only over the whole corpus, so all are given.
pub fn bigram_keys(norm: &Normalized) -> Vec<u64> {
    let mut out = shingles(&norm.tokens, 2);
    out.sort_unstable();
    out.dedup();
    out
}

/// The key of the block of quotes by one named speaker. `corpus_id` is the speaker's corpus id
/// ([`Roster::corpus_id`](crate::Roster::corpus_id) of the quote's `speaker.id`); quotes whose
/// speaker is unnamed, unknown or scoped to one article (an id with a `/`) are in no block.
/// Two ids could share a key only by a 64-bit hash collision; verification would still keep
/// their quotes apart.
pub fn speaker_key(corpus_id: &str) -> u64 {
    xxh3_64_with_seed(corpus_id.as_bytes(), SPEAKER_SEED)
}

/// The speaker-word keys of a quote by the speaker of key `speaker` ([`speaker_key`]): one
/// per distinct content word (not in `data/stopwords.txt`). Two quotes of one speaker that
/// share two such keys are a candidate pair whatever their word order, so swapped and
/// reworded renderings, and reported clauses, meet even for a speaker quoted thousands of
/// times.
pub fn speaker_word_keys(norm: &Normalized, speaker: u64) -> Vec<u64> {
    let mut out: Vec<u64> = super::normalize::content_groups(norm)
        .into_iter()
        .map(|group| {
            let mut bytes = [0u8; 16];
            bytes[..8].copy_from_slice(&speaker.to_le_bytes());
            bytes[8..].copy_from_slice(&group.to_le_bytes());
            xxh3_64_with_seed(&bytes, SPEAKER_WORD_SEED)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

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

#[cfg(test)]
mod tests {
    use super::super::normalize::normalize;
    use super::*;

    #[test]
    fn keys_are_fixed() {
        // Blocking keys must not change between machines or releases without notice: these
        // values are part of the contract (docs/link-contract.md).
        let cfg = LinkConfig::default();
        let n = normalize("we will defend the harbour");
        let k = band_keys(&n, &cfg);
        assert_eq!(k.len(), cfg.bands());
        assert_eq!(k[0], 0xeda8_1ae8_5dc1_b9cb);
        assert_eq!(bigram_keys(&n)[0], 0x0fa6_cce9_0c27_6232);
        assert_eq!(speaker_key("ana-reyes"), 0x106e_3417_f8e5_f626);
        assert_eq!(
            hash_tokens(&[1, 2], SHINGLE_SEED),
            xxh3_64_with_seed(
                &[1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0],
                SHINGLE_SEED
            )
        );
    }

    #[test]
    fn keys_are_deterministic() {
        let cfg = LinkConfig::default();
        let text = "Precision self-defence strikes are a response to attacks on U.S. personnel";
        let (a, b) = (normalize(text), normalize(text));
        assert_eq!(band_keys(&a, &cfg), band_keys(&b, &cfg));
        assert_eq!(bigram_keys(&a), bigram_keys(&b));
        assert_eq!(speaker_key("lloyd-austin"), speaker_key("lloyd-austin"));
        assert_ne!(speaker_key("lloyd-austin"), speaker_key("john-kirby"));
    }

    #[test]
    fn identical_matching_forms_share_every_key() {
        let cfg = LinkConfig::default();
        for (x, y) in [
            ("strikes on U.S. personnel", "Strikes on American personnel"),
            ("twenty-one soldiers were hurt", "21 soldiers were hurt"),
            ("to stabilise the region", "to stabilize the region"),
            ("“Strikes,” … he said", "strikes he said"),
        ] {
            let (a, b) = (normalize(x), normalize(y));
            assert_eq!(a.tokens, b.tokens, "{x} / {y}");
            assert_eq!(band_keys(&a, &cfg), band_keys(&b, &cfg), "{x} / {y}");
            assert_eq!(bigram_keys(&a), bigram_keys(&b), "{x} / {y}");
        }
        // Other words, other keys.
        let (a, b) = (normalize("US troops left"), normalize("UK troops left"));
        assert_ne!(band_keys(&a, &cfg), band_keys(&b, &cfg));
    }

    #[test]
    fn short_and_empty_quotes() {
        let cfg = LinkConfig::default();
        assert!(band_keys(&normalize("…"), &cfg).is_empty());
        assert!(bigram_keys(&normalize("")).is_empty());
        // A quote shorter than a shingle is one shingle: still one key per band.
        assert_eq!(band_keys(&normalize("no"), &cfg).len(), cfg.bands());
        assert_eq!(bigram_keys(&normalize("no")).len(), 1);
    }
}

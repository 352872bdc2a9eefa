//! Candidate pairs from the keys of every quote ([`keys`](super::keys)): quotes that share a
//! MinHash band (near-duplicates), a rare token bigram (fragments: a fragment lies wholly
//! inside the full statement, so its Jaccard is low but it shares rare bigrams) or a named
//! speaker (rewordings).
//!
//! The pairs are never materialised as one list: each key family is an inverted index
//! ([`Buckets`]), and [`Candidates::partners`] gives the partners of one quote, so the
//! verification can stream over quotes in parallel and keep only the verified edges.

use rayon::prelude::*;

use super::LinkConfig;

/// One family of keys as an inverted index: the buckets of quotes that share a key, only
/// buckets of two or more quotes kept.
struct Buckets {
    /// The quotes of every bucket, bucket after bucket, each bucket in quote order.
    members: Vec<u32>,
    /// Bucket `b` is `members[starts[b]..starts[b + 1]]`.
    starts: Vec<u32>,
    /// Quote `q`'s entries are `entries[by_quote[q]..by_quote[q + 1]]`.
    by_quote: Vec<u32>,
    /// Each entry: a bucket of the quote and the quote's position in `members`.
    entries: Vec<(u32, u32)>,
}

impl Buckets {
    /// The index of `n` quotes whose keys `keys(q)` gives (computed here, so no quote's keys
    /// outlive the index); within a bucket the quotes are in the order of `order(q)`, then
    /// quote order.
    fn new<K: IntoIterator<Item = u64>>(
        n: usize,
        keys: impl Fn(usize) -> K + Sync,
        order: impl Fn(usize) -> u64 + Sync,
    ) -> Self {
        let mut flat: Vec<(u64, u64, u32)> = (0..n)
            .into_par_iter()
            .flat_map_iter(|q| {
                let o = order(q);
                keys(q).into_iter().map(move |k| (k, o, q as u32))
            })
            .collect();
        flat.par_sort_unstable();
        flat.dedup();
        let mut members = Vec::new();
        let mut starts = vec![0u32];
        let mut per_quote: Vec<u32> = vec![0; n + 1];
        let mut i = 0;
        while i < flat.len() {
            let mut j = i + 1;
            while j < flat.len() && flat[j].0 == flat[i].0 {
                j += 1;
            }
            if j - i >= 2 {
                for &(_, _, q) in &flat[i..j] {
                    members.push(q);
                    per_quote[q as usize + 1] += 1;
                }
                starts.push(members.len() as u32);
            }
            i = j;
        }
        drop(flat);
        for q in 0..n {
            per_quote[q + 1] += per_quote[q];
        }
        let mut fill = per_quote.clone();
        let mut entries = vec![(0u32, 0u32); members.len()];
        for b in 0..starts.len() - 1 {
            for pos in starts[b]..starts[b + 1] {
                let q = members[pos as usize] as usize;
                entries[fill[q] as usize] = (b as u32, pos);
                fill[q] += 1;
            }
        }
        Buckets {
            members,
            starts,
            by_quote: per_quote,
            entries,
        }
    }

    /// The buckets of quote `q`: each as its members and `q`'s position among them.
    fn of(&self, q: u32) -> impl Iterator<Item = (&[u32], usize)> + '_ {
        let (s, e) = (self.by_quote[q as usize], self.by_quote[q as usize + 1]);
        self.entries[s as usize..e as usize]
            .iter()
            .map(move |&(b, pos)| {
                let (lo, hi) = (self.starts[b as usize], self.starts[b as usize + 1]);
                (&self.members[lo as usize..hi as usize], (pos - lo) as usize)
            })
    }
}

/// The candidate pairs of a corpus, quote by quote.
pub(crate) struct Candidates<'c> {
    bands: Buckets,
    bigrams: Buckets,
    speakers: Buckets,
    /// Speaker-word keys, only of quotes whose speaker has more than `max_speaker_block`.
    speaker_words: Buckets,
    lens: &'c [usize],
    cfg: &'c LinkConfig,
}

impl<'c> Candidates<'c> {
    /// The index of a corpus of `lens.len()` quotes: for quote q, `bands(q)` are its band
    /// keys, `bigrams(q)` its bigram keys, `speakers[q]` its speaker key,
    /// `speaker_words(q, key)` its speaker-word keys and `lens[q]` its length in tokens.
    pub fn new(
        bands: impl Fn(usize) -> Vec<u64> + Sync,
        bigrams: impl Fn(usize) -> Vec<u64> + Sync,
        speakers: &[Option<u64>],
        speaker_words: impl Fn(usize, u64) -> Vec<u64> + Sync,
        lens: &'c [usize],
        cfg: &'c LinkConfig,
    ) -> Self {
        let n = lens.len();
        let by_speaker = |q: usize| speakers[q].unwrap_or(0);
        let speakers_index = Buckets::new(n, |q| speakers[q], |_| 0);
        // A speaker too large for one block: its quotes meet by shared content words.
        let large: Vec<bool> = (0..n as u32)
            .map(|q| {
                speakers_index
                    .of(q)
                    .next()
                    .is_some_and(|(members, _)| members.len() > cfg.max_speaker_block())
            })
            .collect();
        Candidates {
            bands: Buckets::new(n, bands, by_speaker),
            bigrams: Buckets::new(n, bigrams, |_| 0),
            speaker_words: Buckets::new(
                n,
                |q| match speakers[q] {
                    Some(key) if large[q] => speaker_words(q, key),
                    _ => Vec::new(),
                },
                |_| 0,
            ),
            speakers: speakers_index,
            lens,
            cfg,
        }
    }

    /// The partners `y > x` of quote `x`, sorted and unique, into `out` (cleared first).
    pub fn partners(&self, x: u32, out: &mut Vec<u32>) {
        out.clear();
        let cfg = self.cfg;
        // Near-duplicates: quotes sharing a band. A very large bucket (boilerplate quoted
        // everywhere) is chained rather than paired all-to-all, which keeps the work linear
        // and still lets union-find join its members.
        for (members, pos) in self.bands.of(x) {
            if members.len() <= cfg.max_bucket() {
                out.extend(members.iter().copied().filter(|&y| y > x));
            } else {
                // Chained in speaker order: each quote with its neighbours (the pair is the
                // smaller one's to give).
                let prev = pos.checked_sub(1).map(|p| members[p]);
                let next = members.get(pos + 1).copied();
                out.extend([prev, next].into_iter().flatten().filter(|&y| y > x));
            }
        }
        // Fragments: a short quote and any quote sharing one of its rare bigrams.
        let short = |q: u32| self.lens[q as usize] <= cfg.fragment_max_tokens();
        let x_short = short(x);
        for (members, pos) in self.bigrams.of(x) {
            if members.len() > cfg.max_df() {
                continue;
            }
            let rest = &members[pos + 1..];
            if x_short {
                out.extend_from_slice(rest);
            } else {
                out.extend(rest.iter().copied().filter(|&y| short(y)));
            }
        }
        // Rewordings share few shingles but the same named speaker. A speaker with more
        // quotes than `max_speaker_block` is left to the other keys (linear work).
        for (members, pos) in self.speakers.of(x) {
            if members.len() <= cfg.max_speaker_block() {
                out.extend_from_slice(&members[pos + 1..]);
            }
        }
        // A large speaker's quotes that share two content words or more.
        let start = out.len();
        for (members, pos) in self.speaker_words.of(x) {
            if members.len() <= cfg.max_speaker_block() {
                out.extend_from_slice(&members[pos + 1..]);
            }
        }
        // Kept in place: each partner met twice or more, once.
        out[start..].sort_unstable();
        let mut keep = start;
        let mut i = start;
        while i < out.len() {
            let j = i + out[i..].iter().take_while(|&&y| y == out[i]).count();
            if j - i >= 2 {
                out[keep] = out[i];
                keep += 1;
            }
            i = j;
        }
        out.truncate(keep);
        out.sort_unstable();
        out.dedup();
    }
}

#[cfg(test)]
mod tests {
    use super::super::keys::{band_keys, bigram_keys};
    use super::super::normalize::Normalized;
    use super::*;

    /// Every candidate pair `(x, y)`, `x < y`, in order.
    fn pairs(
        bands: &[Vec<u64>],
        bigrams: &[Vec<u64>],
        speakers: &[Option<u64>],
        lens: &[usize],
        cfg: &LinkConfig,
    ) -> Vec<(u32, u32)> {
        let c = Candidates::new(
            |q| bands[q].clone(),
            |q| bigrams[q].clone(),
            speakers,
            |q, s| vec![s ^ bands[q].first().copied().unwrap_or(0)],
            lens,
            cfg,
        );
        let mut out = Vec::new();
        let mut p = Vec::new();
        for x in 0..lens.len() as u32 {
            c.partners(x, &mut p);
            out.extend(p.iter().map(|&y| (x, y)));
        }
        out
    }

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
        // Two long quotes sharing a bigram only are no candidates.
        let long: Vec<Vec<u64>> = vec![vec![1, 2], vec![1, 2]];
        let none = vec![Vec::new(); 2];
        assert!(pairs(&none, &long, &[None; 2], &[20; 2], &cfg).is_empty());
        assert_eq!(pairs(&none, &long, &[None; 2], &[20, 3], &cfg), [(0, 1)]);
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
    fn a_large_bucket_is_chained_by_speaker() {
        let bands = vec![vec![1]; 5];
        let none = vec![Vec::new(); 5];
        let cfg = LinkConfig::builder().max_bucket(4).build().unwrap();
        let p = pairs(&bands, &none, &[None; 5], &[20; 5], &cfg);
        assert_eq!(p, [(0, 1), (1, 2), (2, 3), (3, 4)]);
        // Two speakers' copies, interleaved: each speaker's copies are neighbours.
        let speakers = [Some(9), Some(7), Some(9), Some(7), Some(9)];
        let p = pairs(&bands, &none, &speakers, &[20; 5], &cfg);
        assert!(
            p.contains(&(1, 3)) && p.contains(&(0, 2)) && p.contains(&(2, 4)),
            "{p:?}"
        );
    }
}

//! The settings of linking: every threshold and size the linker uses, set through a builder
//! that checks them.

use serde::Serialize;

use crate::{Error, ErrorKind};

/// Thresholds and sizes of linking, checked: made by [`LinkConfigBuilder::build`] (each option
/// is documented there, with its default) or [`LinkConfig::default`]. Read them with the
/// methods of the same names.
///
/// ```
/// use saywho::{LinkConfig, Linker};
///
/// let config = LinkConfig::builder().variant_min(0.7).build()?;
/// assert_eq!(config.variant_min(), 0.7);
/// assert_eq!(config.rows(), 4, "the others keep their defaults");
/// let linker = Linker::new(config);
///
/// // Settings the linker cannot work with are refused, not discovered deep inside it.
/// let err = LinkConfig::builder().rows(0).build().unwrap_err();
/// assert_eq!(err.to_string(), "invalid setting `rows`: must be at least 1");
/// # Ok::<(), saywho::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct LinkConfig {
    shingle_tokens: usize,
    bands: usize,
    rows: usize,
    max_bucket: usize,
    max_df: usize,
    max_speaker_block: usize,
    max_tokens: usize,
    unattributed_min: f64,
    unattributed_min_containment: f64,
    unattributed_min_tokens: usize,
    variant_min: f64,
    same_speaker_min: f64,
    variant_min_tokens: usize,
    fragment_min_containment: f64,
    fragment_min_tokens: usize,
    fragment_max_tokens: usize,
    fragment_max_ratio: f64,
    canonical_min_ratio: f64,
    occasion_window_days: usize,
    occasion_min_run: usize,
    overlap_min_run: usize,
    reported_min_shared: usize,
    reported_min_ratio: f64,
    generic_max_tokens: usize,
    generic_min_speakers: usize,
}

/// The defaults, as documented on each [`LinkConfigBuilder`] method (the unit tests hold the
/// two together).
impl Default for LinkConfig {
    fn default() -> Self {
        LinkConfig {
            shingle_tokens: 3,
            bands: 16,
            rows: 4,
            max_bucket: 64,
            max_df: 200,
            max_speaker_block: 64,
            max_tokens: 400,
            unattributed_min: 0.8,
            unattributed_min_containment: 0.95,
            unattributed_min_tokens: 6,
            variant_min: 0.6,
            same_speaker_min: 0.5,
            variant_min_tokens: 4,
            fragment_min_containment: 0.85,
            fragment_min_tokens: 2,
            fragment_max_tokens: 12,
            fragment_max_ratio: 0.6,
            canonical_min_ratio: 0.7,
            occasion_window_days: 14,
            occasion_min_run: 15,
            overlap_min_run: 6,
            reported_min_shared: 3,
            reported_min_ratio: 0.5,
            generic_max_tokens: 4,
            generic_min_speakers: 3,
        }
    }
}

/// Reading the settings; each is documented, with its default, on the [`LinkConfigBuilder`]
/// method of the same name.
impl LinkConfig {
    /// A builder that starts from the defaults.
    pub fn builder() -> LinkConfigBuilder {
        LinkConfigBuilder::default()
    }

    /// Tokens per MinHash shingle ([`LinkConfigBuilder::shingle_tokens`]).
    pub fn shingle_tokens(&self) -> usize {
        self.shingle_tokens
    }

    /// LSH bands ([`LinkConfigBuilder::bands`]).
    pub fn bands(&self) -> usize {
        self.bands
    }

    /// MinHash rows per band ([`LinkConfigBuilder::rows`]).
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Largest band bucket paired all-to-all ([`LinkConfigBuilder::max_bucket`]).
    pub fn max_bucket(&self) -> usize {
        self.max_bucket
    }

    /// Most quotes a fragment-finding bigram may occur in ([`LinkConfigBuilder::max_df`]).
    pub fn max_df(&self) -> usize {
        self.max_df
    }

    /// Most quotes of one named speaker compared all-to-all
    /// ([`LinkConfigBuilder::max_speaker_block`]).
    pub fn max_speaker_block(&self) -> usize {
        self.max_speaker_block
    }

    /// Tokens of a quote considered in alignment ([`LinkConfigBuilder::max_tokens`]).
    pub fn max_tokens(&self) -> usize {
        self.max_tokens
    }

    /// Minimum Dice of a link with an unnamed speaker ([`LinkConfigBuilder::unattributed_min`]).
    pub fn unattributed_min(&self) -> f64 {
        self.unattributed_min
    }

    /// Minimum containment of a link with an unnamed speaker
    /// ([`LinkConfigBuilder::unattributed_min_containment`]).
    pub fn unattributed_min_containment(&self) -> f64 {
        self.unattributed_min_containment
    }

    /// Minimum tokens of the shorter quote in a containment link with an unnamed speaker
    /// ([`LinkConfigBuilder::unattributed_min_tokens`]).
    pub fn unattributed_min_tokens(&self) -> usize {
        self.unattributed_min_tokens
    }

    /// Minimum Dice of two full variants ([`LinkConfigBuilder::variant_min`]).
    pub fn variant_min(&self) -> f64 {
        self.variant_min
    }

    /// Minimum Dice of two full variants by one named speaker
    /// ([`LinkConfigBuilder::same_speaker_min`]).
    pub fn same_speaker_min(&self) -> f64 {
        self.same_speaker_min
    }

    /// Tokens below which variants must be identical ([`LinkConfigBuilder::variant_min_tokens`]).
    pub fn variant_min_tokens(&self) -> usize {
        self.variant_min_tokens
    }

    /// Minimum containment of a fragment in its statement
    /// ([`LinkConfigBuilder::fragment_min_containment`]).
    pub fn fragment_min_containment(&self) -> f64 {
        self.fragment_min_containment
    }

    /// Shortest fragment, in tokens ([`LinkConfigBuilder::fragment_min_tokens`]).
    pub fn fragment_min_tokens(&self) -> usize {
        self.fragment_min_tokens
    }

    /// Longest fragment, in tokens ([`LinkConfigBuilder::fragment_max_tokens`]).
    pub fn fragment_max_tokens(&self) -> usize {
        self.fragment_max_tokens
    }

    /// Largest length of a fragment relative to its statement
    /// ([`LinkConfigBuilder::fragment_max_ratio`]).
    pub fn fragment_max_ratio(&self) -> f64 {
        self.fragment_max_ratio
    }

    /// Shortest canonical wording relative to the longest member
    /// ([`LinkConfigBuilder::canonical_min_ratio`]).
    pub fn canonical_min_ratio(&self) -> f64 {
        self.canonical_min_ratio
    }

    /// Days between articles beyond which a shared run is needed ([`LinkConfigBuilder::occasion_window_days`]).
    pub fn occasion_window_days(&self) -> usize {
        self.occasion_window_days
    }

    /// Shortest verbatim run that joins quotes from other occasions ([`LinkConfigBuilder::occasion_min_run`]).
    pub fn occasion_min_run(&self) -> usize {
        self.occasion_min_run
    }

    /// Shortest shared run that makes two overlapping windows one statement ([`LinkConfigBuilder::overlap_min_run`]).
    pub fn overlap_min_run(&self) -> usize {
        self.overlap_min_run
    }

    /// Fewest content words a reported clause shares with its quote ([`LinkConfigBuilder::reported_min_shared`]).
    pub fn reported_min_shared(&self) -> usize {
        self.reported_min_shared
    }

    /// Fraction of a reported clause's content words found in its quote ([`LinkConfigBuilder::reported_min_ratio`]).
    pub fn reported_min_ratio(&self) -> f64 {
        self.reported_min_ratio
    }

    /// Longest quote that can be a common phrase ([`LinkConfigBuilder::generic_max_tokens`]).
    pub fn generic_max_tokens(&self) -> usize {
        self.generic_max_tokens
    }

    /// Fewest speakers of a common phrase ([`LinkConfigBuilder::generic_min_speakers`]).
    pub fn generic_min_speakers(&self) -> usize {
        self.generic_min_speakers
    }
}

/// Builds a [`LinkConfig`]. Every option starts at its default, stated below ("By default,
/// …"); [`LinkConfigBuilder::build`] checks them all.
///
/// Counts are in matching tokens: the words of a quote after normalisation (a hyphenated word
/// gives several, "United States" one). Similarities are fractions from 0 to 1: Dice
/// (2 × common tokens / both lengths) and containment (common tokens / the shorter length),
/// with common tokens counted along the longest common subsequence.
#[derive(Debug, Clone, Default)]
pub struct LinkConfigBuilder {
    config: LinkConfig,
}

impl LinkConfigBuilder {
    /// Tokens per shingle in the MinHash signatures that find near-duplicates (a quote
    /// shorter than this is one shingle). At least 1.
    ///
    /// By default, 3.
    pub fn shingle_tokens(mut self, n: usize) -> Self {
        self.config.shingle_tokens = n;
        self
    }

    /// LSH bands: a pair of quotes becomes a candidate when all the rows of one band of their
    /// MinHash signatures agree. More bands find more (and less alike) pairs. At least 1.
    ///
    /// By default, 16.
    pub fn bands(mut self, n: usize) -> Self {
        self.config.bands = n;
        self
    }

    /// MinHash rows per band (the signature has `bands × rows` permutations). More rows
    /// demand more alike pairs. At least 1.
    ///
    /// By default, 4 (64 permutations with 16 bands): a pair with shingle Jaccard 0.5 shares
    /// a band with probability ≈ 0.65, at 0.7 ≈ 0.98.
    pub fn rows(mut self, n: usize) -> Self {
        self.config.rows = n;
        self
    }

    /// A band bucket with more quotes than this (boilerplate quoted everywhere) is chained —
    /// each quote paired with the next — instead of paired all-to-all, which keeps the work
    /// linear and still lets the cluster join its members.
    ///
    /// By default, 64.
    pub fn max_bucket(mut self, n: usize) -> Self {
        self.config.max_bucket = n;
        self
    }

    /// A token bigram found in more quotes than this is too common to find fragments with,
    /// and is skipped; 0 turns fragment candidates off.
    ///
    /// By default, 200.
    pub fn max_df(mut self, n: usize) -> Self {
        self.config.max_df = n;
        self
    }

    /// A named speaker with at most this many quotes has all of them compared pairwise
    /// (rewordings share few shingles but one speaker); a speaker with more is left to the
    /// shingles and bigrams, so the work stays linear. 0 turns these candidates off.
    ///
    /// By default, 64.
    pub fn max_speaker_block(mut self, n: usize) -> Self {
        self.config.max_speaker_block = n;
        self
    }

    /// Tokens of a quote considered in alignment: longer quotes are cut to this many, which
    /// bounds the cost of one pathological pair. At least 1.
    ///
    /// By default, 400.
    pub fn max_tokens(mut self, n: usize) -> Self {
        self.config.max_tokens = n;
        self
    }

    /// When either side's speaker is unnamed or unknown, a link needs at least this Dice
    /// similarity (or the containment of [`unattributed_min_containment`]). From 0 to 1.
    ///
    /// By default, 0.8.
    ///
    /// [`unattributed_min_containment`]: LinkConfigBuilder::unattributed_min_containment
    pub fn unattributed_min(mut self, x: f64) -> Self {
        self.config.unattributed_min = x;
        self
    }

    /// When either side's speaker is unnamed or unknown, a link with less Dice similarity
    /// than [`unattributed_min`] needs at least this containment, with a shorter side of at
    /// least [`unattributed_min_tokens`]. From 0 to 1.
    ///
    /// By default, 0.95.
    ///
    /// [`unattributed_min`]: LinkConfigBuilder::unattributed_min
    /// [`unattributed_min_tokens`]: LinkConfigBuilder::unattributed_min_tokens
    pub fn unattributed_min_containment(mut self, x: f64) -> Self {
        self.config.unattributed_min_containment = x;
        self
    }

    /// The shortest quote, in tokens, that links to an unattributed one by containment alone
    /// (see [`unattributed_min_containment`]).
    ///
    /// By default, 6.
    ///
    /// [`unattributed_min_containment`]: LinkConfigBuilder::unattributed_min_containment
    pub fn unattributed_min_tokens(mut self, n: usize) -> Self {
        self.config.unattributed_min_tokens = n;
        self
    }

    /// Minimum Dice similarity of two full variants of one statement. From 0 to 1.
    ///
    /// By default, 0.6.
    pub fn variant_min(mut self, x: f64) -> Self {
        self.config.variant_min = x;
        self
    }

    /// Minimum Dice similarity of two full variants when both name the same speaker and
    /// their content words (all but `data/stopwords.txt`) are at least this similar too: a
    /// reworded or translated statement. From 0 to 1.
    ///
    /// By default, 0.5.
    pub fn same_speaker_min(mut self, x: f64) -> Self {
        self.config.same_speaker_min = x;
        self
    }

    /// Quotes shorter than this, in tokens, share too few words to be told apart by
    /// similarity: they are variants only when identical, else at most fragments.
    ///
    /// By default, 4.
    pub fn variant_min_tokens(mut self, n: usize) -> Self {
        self.config.variant_min_tokens = n;
        self
    }

    /// Minimum containment of a fragment in the statement it is part of, both when linking
    /// and when a member is labelled [`Relation::Fragment`](crate::Relation::Fragment). From
    /// 0 to 1.
    ///
    /// By default, 0.85.
    pub fn fragment_min_containment(mut self, x: f64) -> Self {
        self.config.fragment_min_containment = x;
        self
    }

    /// The shortest fragment, in tokens.
    ///
    /// By default, 2.
    pub fn fragment_min_tokens(mut self, n: usize) -> Self {
        self.config.fragment_min_tokens = n;
        self
    }

    /// The longest fragment, in tokens: quotes this short are looked up by their bigrams, and
    /// a cluster made only of them attaches to one full statement.
    ///
    /// By default, 12.
    pub fn fragment_max_tokens(mut self, n: usize) -> Self {
        self.config.fragment_max_tokens = n;
        self
    }

    /// A fragment is at most this fraction of the length of the statement it is part of, in
    /// tokens, both when linking and when a member is labelled a fragment. From 0 to 1.
    ///
    /// By default, 0.6.
    pub fn fragment_max_ratio(mut self, x: f64) -> Self {
        self.config.fragment_max_ratio = x;
        self
    }

    /// The canonical wording of a statement is chosen among the members at least this
    /// fraction of the longest one's length, in tokens (then the wording most members share,
    /// then the longest, then the smallest quote id). From 0 to 1.
    ///
    /// By default, 0.7.
    pub fn canonical_min_ratio(mut self, x: f64) -> Self {
        self.config.canonical_min_ratio = x;
        self
    }

    /// Days between two articles' dates beyond which two quotes are taken for the same
    /// statement only when they share a verbatim run of at least `occasion_min_run` tokens: a
    /// speaker who repeats a line weeks later has made another statement. A statement's members
    /// also span at most this many days unless such a run joins them. Quotes of undated
    /// articles are not held to it.
    ///
    /// By default, 14.
    pub fn occasion_window_days(mut self, n: usize) -> Self {
        self.config.occasion_window_days = n;
        self
    }

    /// The shortest verbatim run, in tokens, that joins two quotes further apart than
    /// `occasion_window_days`: a passage this long quoted again is the old statement, a short
    /// stump line said again is a new one.
    ///
    /// By default, 15.
    pub fn occasion_min_run(mut self, n: usize) -> Self {
        self.config.occasion_min_run = n;
        self
    }

    /// Two quotes by the same named speaker that share a verbatim run of at least this many
    /// tokens, at least half of them content words, are one statement even when neither
    /// contains the other (two outlets quoting overlapping windows of one long statement).
    ///
    /// By default, 6.
    pub fn overlap_min_run(mut self, n: usize) -> Self {
        self.config.overlap_min_run = n;
        self
    }

    /// A reported clause (no quote marks) joins a quoted statement of the same named speaker
    /// when they share at least this many content words (stems, with `data/synonyms.txt`), and
    /// its numbers are all in the quote.
    ///
    /// By default, 3.
    pub fn reported_min_shared(mut self, n: usize) -> Self {
        self.config.reported_min_shared = n;
        self
    }

    /// A reported clause joins its quote only when the content words they share are at least
    /// this fraction of the clause's own content words. From 0 to 1.
    ///
    /// By default, 0.5.
    pub fn reported_min_ratio(mut self, x: f64) -> Self {
        self.config.reported_min_ratio = x;
        self
    }

    /// A short quote (at most this many tokens) whose exact words are quoted from at least
    /// `generic_min_speakers` different named speakers is a common phrase, not anyone's
    /// statement ("witch hunt", "top secret", a show's title): it links only to identical
    /// copies by the same speaker, never as a fragment of a longer quote.
    ///
    /// By default, 4.
    pub fn generic_max_tokens(mut self, n: usize) -> Self {
        self.config.generic_max_tokens = n;
        self
    }

    /// The fewest different named speakers whose quotes give the same short wording for it to
    /// be a common phrase (see `generic_max_tokens`).
    ///
    /// By default, 3.
    pub fn generic_min_speakers(mut self, n: usize) -> Self {
        self.config.generic_min_speakers = n;
        self
    }

    /// The configuration, or [`ErrorKind::InvalidConfig`] naming the first option out of its
    /// range: a count documented "at least 1" that is 0, or a fraction outside 0 to 1 (NaN
    /// included).
    pub fn build(self) -> Result<LinkConfig, Error> {
        let c = self.config;
        let counts = [
            ("shingle_tokens", c.shingle_tokens),
            ("bands", c.bands),
            ("rows", c.rows),
            ("max_tokens", c.max_tokens),
        ];
        let fractions = [
            ("unattributed_min", c.unattributed_min),
            (
                "unattributed_min_containment",
                c.unattributed_min_containment,
            ),
            ("variant_min", c.variant_min),
            ("same_speaker_min", c.same_speaker_min),
            ("fragment_min_containment", c.fragment_min_containment),
            ("fragment_max_ratio", c.fragment_max_ratio),
            ("canonical_min_ratio", c.canonical_min_ratio),
            ("reported_min_ratio", c.reported_min_ratio),
        ];
        let invalid =
            |option, expected| Err(Error::new(ErrorKind::InvalidConfig { option, expected }));
        if let Some((option, _)) = counts.iter().find(|(_, n)| *n == 0) {
            return invalid(option, "at least 1");
        }
        if let Some((option, _)) = fractions.iter().find(|(_, x)| !(0.0..=1.0).contains(x)) {
            return invalid(option, "between 0 and 1");
        }
        Ok(c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option a builder is refused for.
    fn refused(b: LinkConfigBuilder) -> &'static str {
        match b.build().expect_err("an invalid setting").kind() {
            ErrorKind::InvalidConfig { option, .. } => option,
            other => panic!("not InvalidConfig: {other:?}"),
        }
    }

    #[test]
    fn defaults_are_the_documented_ones() {
        let c = LinkConfig::default();
        assert_eq!(LinkConfig::builder().build().unwrap(), c);
        let values: [(&str, f64); 25] = [
            ("shingle_tokens", c.shingle_tokens() as f64),
            ("bands", c.bands() as f64),
            ("rows", c.rows() as f64),
            ("max_bucket", c.max_bucket() as f64),
            ("max_df", c.max_df() as f64),
            ("max_speaker_block", c.max_speaker_block() as f64),
            ("max_tokens", c.max_tokens() as f64),
            ("unattributed_min", c.unattributed_min()),
            (
                "unattributed_min_containment",
                c.unattributed_min_containment(),
            ),
            (
                "unattributed_min_tokens",
                c.unattributed_min_tokens() as f64,
            ),
            ("variant_min", c.variant_min()),
            ("same_speaker_min", c.same_speaker_min()),
            ("variant_min_tokens", c.variant_min_tokens() as f64),
            ("fragment_min_containment", c.fragment_min_containment()),
            ("fragment_min_tokens", c.fragment_min_tokens() as f64),
            ("fragment_max_tokens", c.fragment_max_tokens() as f64),
            ("fragment_max_ratio", c.fragment_max_ratio()),
            ("canonical_min_ratio", c.canonical_min_ratio()),
            ("occasion_window_days", c.occasion_window_days() as f64),
            ("occasion_min_run", c.occasion_min_run() as f64),
            ("overlap_min_run", c.overlap_min_run() as f64),
            ("reported_min_shared", c.reported_min_shared() as f64),
            ("reported_min_ratio", c.reported_min_ratio()),
            ("generic_max_tokens", c.generic_max_tokens() as f64),
            ("generic_min_speakers", c.generic_min_speakers() as f64),
        ];
        // Every builder method says "By default, <value>" in its docs: read them from this
        // file and hold them to the values above.
        let mut documented = Vec::new();
        let mut pending = None;
        for line in include_str!("config.rs").lines().map(str::trim) {
            if let Some(rest) = line.strip_prefix("/// By default, ") {
                let value: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.')
                    .collect();
                pending = Some(value.trim_end_matches('.').parse::<f64>().unwrap());
            } else if let Some(rest) = line.strip_prefix("pub fn ") {
                if let (Some(v), Some((name, _))) = (pending.take(), rest.split_once("(mut self")) {
                    documented.push((name.to_string(), v));
                }
            }
        }
        let expected: Vec<(String, f64)> =
            values.iter().map(|(n, v)| (n.to_string(), *v)).collect();
        assert_eq!(documented, expected);
    }

    #[test]
    fn counts_of_zero_are_refused() {
        assert_eq!(refused(LinkConfig::builder().rows(0)), "rows");
        assert_eq!(refused(LinkConfig::builder().bands(0)), "bands");
        assert_eq!(
            refused(LinkConfig::builder().shingle_tokens(0)),
            "shingle_tokens"
        );
        assert_eq!(refused(LinkConfig::builder().max_tokens(0)), "max_tokens");
        // Zero is a meaningful limit for these: it turns a kind of candidate off.
        let off = LinkConfig::builder().max_df(0).max_speaker_block(0).build();
        assert!(off.is_ok());
    }

    #[test]
    fn fractions_outside_0_to_1_are_refused() {
        type Set = fn(LinkConfigBuilder, f64) -> LinkConfigBuilder;
        let options: [(&str, Set); 8] = [
            ("unattributed_min", LinkConfigBuilder::unattributed_min),
            (
                "unattributed_min_containment",
                LinkConfigBuilder::unattributed_min_containment,
            ),
            ("variant_min", LinkConfigBuilder::variant_min),
            ("same_speaker_min", LinkConfigBuilder::same_speaker_min),
            (
                "fragment_min_containment",
                LinkConfigBuilder::fragment_min_containment,
            ),
            ("fragment_max_ratio", LinkConfigBuilder::fragment_max_ratio),
            (
                "canonical_min_ratio",
                LinkConfigBuilder::canonical_min_ratio,
            ),
            ("reported_min_ratio", LinkConfigBuilder::reported_min_ratio),
        ];
        for (name, set) in options {
            for bad in [-0.01, 1.01, f64::NAN, f64::INFINITY] {
                assert_eq!(refused(set(LinkConfig::builder(), bad)), name, "{bad}");
            }
            for good in [0.0, 1.0] {
                assert!(
                    set(LinkConfig::builder(), good).build().is_ok(),
                    "{name} {good}"
                );
            }
        }
    }

    #[test]
    fn the_error_names_the_option() {
        let err = LinkConfig::builder().variant_min(1.5).build().unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid setting `variant_min`: must be between 0 and 1"
        );
    }
}

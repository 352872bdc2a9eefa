//! Normalisation for matching only: the text of a quote becomes a sequence of token hashes
//! that compare equal across outlets' house styles. Offsets in output never come from here.
//!
//! In order: NFKC; lower case; quote marks, dashes and punctuation dropped (an ellipsis too —
//! the alignment treats the words around it as a gap); words split at hyphens; aliases folded
//! (`data/aliases.txt`: "U.S.", "United States", "American" → `us`); number words as digits
//! (`data/number_words.txt`); British spellings as American (the VarCon table of the `varcon`
//! crate: "defence" → "defense", "stabilise" → "stabilize"); then the Snowball English stemmer
//! (`rust-stemmers`). Each token is hashed with xxh3 under a fixed seed, so token ids — and the
//! blocking keys built from them — are the same on every machine.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;
use xxhash_rust::xxh3::xxh3_64_with_seed;

/// The seed of token hashes. Part of the matching contract: changing it changes every key.
pub const TOKEN_SEED: u64 = 0x5a79_7768_6f21_0001;

/// How a word was brought to its matching form, for explaining differences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Fold {
    /// Unchanged but for case.
    Plain,
    /// A number word ("twenty" → 20).
    Number,
    /// An alias ("United States" → us).
    Alias,
    /// A British spelling made American.
    Spelling,
}

/// One word of a quote as written, and where its matching tokens are.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Word {
    /// Byte range of the word in the quote's text.
    pub start: u32,
    pub end: u32,
    /// Its matching tokens are `tokens[first..first + count]` of the quote's [`Normalized`]
    /// (a hyphenated word gives several).
    first: u32,
    count: u32,
    pub fold: Fold,
}

impl Word {
    /// The word's byte range in the quote's text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A quote's matching form, made by [`normalize`]: its words as matching tokens, each
/// the xxh3-64 hash of the token's text with [`TOKEN_SEED`]. The candidate keys
/// ([`keys`](super::keys)) are functions of it.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub(crate) words: Vec<Word>,
    /// All tokens in order.
    pub(crate) tokens: Vec<u64>,
    /// The tokens that are not function words (`data/stopwords.txt`), in order.
    pub(crate) content: Vec<u64>,
    /// The tokens that are numbers (digits, or number words), in order.
    pub(crate) numbers: Vec<u64>,
}

impl Normalized {
    /// The matching tokens, in order: house styles that differ only in spelling, aliases,
    /// number words, punctuation or inflection give the same tokens.
    ///
    /// ```
    /// use saywho::link::normalize;
    ///
    /// let uk = normalize("twenty-one self-defence strikes on U.S. personnel");
    /// let us = normalize("21 self-defense strikes on American personnel");
    /// assert_eq!(uk.tokens(), us.tokens());
    /// assert_eq!(uk.tokens().len(), 7, "21 · self · defense · strike · on · us · personnel");
    /// ```
    pub fn tokens(&self) -> &[u64] {
        &self.tokens
    }

    /// The matching tokens of one of its words.
    pub(crate) fn word_tokens(&self, w: &Word) -> &[u64] {
        &self.tokens[w.first as usize..(w.first + w.count) as usize]
    }

    /// A matching form with these tokens and no words, for tests of what comes after.
    #[cfg(test)]
    pub(crate) fn from_tokens(tokens: Vec<u64>) -> Self {
        Normalized {
            words: Vec::new(),
            content: tokens.clone(),
            tokens,
            numbers: Vec::new(),
        }
    }
}

struct Tables {
    aliases: FxHashMap<String, String>,
    two_word_aliases: FxHashMap<(String, String), String>,
    numbers: FxHashMap<String, u64>,
    american: FxHashMap<&'static str, &'static str>,
    stemmer: Stemmer,
    /// Token ids of function words.
    stopwords: rustc_hash::FxHashSet<u64>,
    /// Token id of a word → the token id of its synonym group (`data/synonyms.txt`).
    synonyms: FxHashMap<u64, u64>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let lines = crate::lexicon::lists::entries;
        let mut aliases = FxHashMap::default();
        let mut two_word_aliases = FxHashMap::default();
        for line in lines(include_str!("../../data/aliases.txt")) {
            let Some((canonical, forms)) = line.split_once('=') else {
                continue;
            };
            let canonical = canonical.trim().to_string();
            for form in forms.split('|').map(str::trim) {
                match form.split_once(' ') {
                    Some((a, b)) => {
                        two_word_aliases.insert((a.to_string(), b.to_string()), canonical.clone());
                    }
                    None => {
                        aliases.insert(form.to_string(), canonical.clone());
                    }
                }
            }
        }
        let numbers = lines(include_str!("../../data/number_words.txt"))
            .filter_map(|l| {
                let (w, n) = l.split_once('\t')?;
                Some((w.trim().to_string(), n.trim().parse().ok()?))
            })
            .collect();
        // Every VarCon spelling → the American one of its entry (the first listed without a
        // "variant" tag), so "defence" and "defense" meet.
        let mut american = FxHashMap::default();
        for cluster in varcon::VARCON {
            for entry in cluster.entries {
                let preferred = entry.variants.iter().find(|v| {
                    v.types
                        .iter()
                        .any(|t| t.category == varcon::Category::American && t.tag.is_none())
                });
                let Some(target) = preferred.map(|v| v.word) else {
                    continue;
                };
                for v in entry.variants {
                    if v.word != target {
                        american.entry(v.word).or_insert(target);
                    }
                }
            }
        }
        let stemmer = Stemmer::create(Algorithm::English);
        let stopwords = lines(include_str!("../../data/stopwords.txt"))
            .flat_map(str::split_whitespace)
            .map(|w| token_id(&stemmer.stem(w)))
            .collect();
        let mut synonyms = FxHashMap::default();
        for line in lines(include_str!("../../data/synonyms.txt")) {
            let group: Vec<u64> = line
                .split('|')
                .map(|w| {
                    let w = w.trim();
                    // A phrase ("step down") stands by its first word.
                    let first = w.split_whitespace().next().unwrap_or(w);
                    token_id(&stemmer.stem(first))
                })
                .collect();
            for &t in &group {
                synonyms.entry(t).or_insert(group[0]);
            }
        }
        Tables {
            synonyms,
            aliases,
            two_word_aliases,
            numbers,
            american,
            stemmer,
            stopwords,
        }
    })
}

/// The hash of one matching token.
pub(crate) fn token_id(token: &str) -> u64 {
    xxh3_64_with_seed(token.as_bytes(), TOKEN_SEED)
}

/// Characters that make up a word: letters and digits of any script (`char::is_alphanumeric`).
/// Inner periods, apostrophes and hyphens ("U.S.", "we're", "self-defence") are not word
/// characters: [`raw_words`] joins them between two word characters.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The raw words of a text: byte ranges of runs of letters and digits, joined across inner
/// `.`, `'`, `’` and `-` (hyphens are split later, into tokens).
pub(crate) fn raw_words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                end = j + d.len_utf8();
                chars.next();
            } else if matches!(d, '.' | '\'' | '’' | '-' | '‑') {
                // A joiner only between word characters ("U.S.", "self-defence"); "U.S." keeps
                // its final period.
                let mut ahead = chars.clone();
                ahead.next();
                match ahead.peek() {
                    Some(&(_, e)) if is_word_char(e) => {
                        end = j + d.len_utf8();
                        chars.next();
                    }
                    _ if d == '.' && text[i..end].contains('.') => {
                        end = j + 1;
                        chars.next();
                        break;
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        out.push((i, end));
    }
    out
}

/// The matching form of a quote's text: NFKC, lower case, punctuation and quote marks
/// dropped, words split at hyphens, aliases, number words and British spellings folded, then
/// Snowball stems (docs/link-contract.md, "Normalisation for matching"). Never fails: text
/// without letters or digits gives no tokens.
pub fn normalize(text: &str) -> Normalized {
    normalize_keeping(text, true)
}

/// The matching form without its words (tokens and content only): what candidates and
/// verification need, at a third of the memory. The words are made again, with
/// [`normalize`], only for the diffs of statements with several members.
pub(crate) fn tokens_only(text: &str) -> Normalized {
    normalize_keeping(text, false)
}

fn normalize_keeping(text: &str, keep_words: bool) -> Normalized {
    let t = tables();
    let mut words: Vec<Word> = Vec::new();
    let mut tokens: Vec<u64> = Vec::new();
    let mut numbers: Vec<u64> = Vec::new();
    let mut push = |start: usize, end: usize, new: &[u64], fold: Fold| {
        let digits = |w: &str| w.bytes().all(|b| b.is_ascii_digit());
        if fold == Fold::Number || digits(&text[start..end]) {
            numbers.extend_from_slice(new);
        }
        if keep_words {
            words.push(Word {
                start: start as u32,
                end: end as u32,
                first: tokens.len() as u32,
                count: new.len() as u32,
                fold,
            });
        }
        tokens.extend_from_slice(new);
    };
    let raw = raw_words(text);
    let lower: Vec<String> = raw
        .iter()
        .map(|&(s, e)| {
            text[s..e]
                .nfkc()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' || c == '‘' { '\'' } else { c })
                .collect()
        })
        .collect();
    let mut i = 0;
    while i < raw.len() {
        let (start, mut end) = raw[i];
        let w = &lower[i];
        // Two-word aliases: "united states".
        if let Some(canonical) = lower
            .get(i + 1)
            .and_then(|next| t.two_word_aliases.get(&(w.clone(), next.clone())))
        {
            end = raw[i + 1].1;
            push(start, end, &[token_id(canonical)], Fold::Alias);
            i += 2;
            continue;
        }
        let mut new: Vec<u64> = Vec::new();
        let mut fold = Fold::Plain;
        if let Some(canonical) = t.aliases.get(w.as_str()) {
            new.push(token_id(canonical));
            fold = Fold::Alias;
        } else {
            // Hyphenated parts; number words summed ("twenty-one" → 21).
            let parts: Vec<&str> = w.split(['-', '‑']).filter(|p| !p.is_empty()).collect();
            let values: Option<Vec<u64>> =
                parts.iter().map(|p| t.numbers.get(*p).copied()).collect();
            match values {
                Some(v) if !v.is_empty() => {
                    let n: u64 = v.iter().sum();
                    let s = n.to_string();
                    new.push(token_id(&s));
                    fold = Fold::Number;
                }
                _ => {
                    for part in parts {
                        let part = part.trim_end_matches('.');
                        let spelled = t.american.get(part).copied();
                        if spelled.is_some() {
                            fold = Fold::Spelling;
                        }
                        let base = spelled.unwrap_or(part);
                        let stem = t.stemmer.stem(base);
                        new.push(token_id(&stem));
                    }
                }
            }
        }
        push(start, end, &new, fold);
        i += 1;
    }
    let content = tokens
        .iter()
        .copied()
        .filter(|t| !tables().stopwords.contains(t))
        .collect();
    Normalized {
        words,
        tokens,
        content,
        numbers,
    }
}

/// Whether a token is a function word (`data/stopwords.txt`).
pub(crate) fn is_stopword(token: u64) -> bool {
    tables().stopwords.contains(&token)
}

/// The distinct synonym groups of a quote's content words, sorted: what reported clauses
/// are compared by and what the speaker-word keys are made of.
pub(crate) fn content_groups(n: &Normalized) -> Vec<u64> {
    let mut g: Vec<u64> = n.content.iter().map(|&t| synonym(t)).collect();
    g.sort_unstable();
    g.dedup();
    g
}

/// A content token as its synonym group (`data/synonyms.txt`), else itself.
pub(crate) fn synonym(token: u64) -> u64 {
    tables().synonyms.get(&token).copied().unwrap_or(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        normalize(a).tokens == normalize(b).tokens
    }

    #[test]
    fn house_styles_compare_equal() {
        assert!(same(
            "precision self-defence strikes",
            "Precision self-defense strikes"
        ));
        assert!(same("against U.S. personnel", "against US personnel"));
        assert!(same("the United States will", "the US will"));
        assert!(same("United States troops", "American troops"));
        assert!(same("American troops", "US troops"));
        assert!(same("twenty-one soldiers", "21 soldiers"));
        assert!(same("to stabilise the region", "to stabilize the region"));
        assert!(same("we’re going", "we're going"));
        assert!(same("“Strikes,” … he said", "strikes he said"));
        assert!(same("precise strikes", "precision strikes"));
    }

    #[test]
    fn different_words_differ() {
        assert!(!same("we will not hesitate", "we will hesitate"));
        assert!(!same("US troops", "UK troops"));
    }

    #[test]
    fn word_characters_are_letters_and_digits_only() {
        assert!(['a', 'É', 'ß', '7', '٣', '語']
            .into_iter()
            .all(is_word_char));
        assert!(!['.', '\'', '’', '-', ' ', '“']
            .into_iter()
            .any(is_word_char));
        // Joiners count only between word characters.
        let text = "we're the U.S. self-defence force - 'yes'";
        let words: Vec<&str> = raw_words(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            words,
            ["we're", "the", "U.S.", "self-defence", "force", "yes"]
        );
    }

    #[test]
    fn words_keep_their_offsets() {
        let text = "the U.S. said";
        let n = normalize(text);
        let words: Vec<&str> = n.words.iter().map(|w| &text[w.range()]).collect();
        assert_eq!(words, ["the", "U.S.", "said"]);
        assert_eq!(n.words[1].fold, Fold::Alias);
    }
}

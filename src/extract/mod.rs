//! The extraction pipeline: paragraphs → quote marks → sentences → cues → speakers → quotes.
//!
//! [`Extractor`] holds the settings; each article is one [`pass::Pass`]: a first pass
//! analyses the paragraphs ([`units`]) and the cues and names of every sentence, a second
//! pass in text order resolves speakers ([`crate::resolve`]) and decides what each quote is
//! ([`judge`]), with the speech nested in it ([`nested`]) and the sentence's reported speech
//! ([`reported`]). [`found`] turns what was found into the output's [`Quote`]s.

use crate::quote::Extraction;
use crate::Article;

mod blocks;
mod found;
mod judge;
mod lede;
mod nested;
mod pass;
mod reported;
mod turns;
mod units;

/// Finds quotations in articles. Build it once and reuse it: it holds no per-article state.
///
/// ```
/// use saywho::{Article, Extractor, QuoteKind};
///
/// let article = Article::new(
///     "demo",
///     "Mayor Ana Reyes opened the bridge on Monday.\n\n\
///      “This bridge belongs to everyone,” she said.",
/// );
/// let quotes = Extractor::new().extract(&article).quotes;
/// assert_eq!(quotes.len(), 1);
/// let q = &quotes[0];
/// assert_eq!(q.id, "demo#1");
/// assert_eq!(q.kind, QuoteKind::Direct);
/// assert_eq!(&article.text[q.span.range()], q.text);
/// assert_eq!(q.text, "This bridge belongs to everyone");
/// let speaker = q.speaker.as_ref().unwrap();
/// assert_eq!(speaker.name.as_deref(), Some("Ana Reyes"));
/// assert_eq!(speaker.role.as_deref(), Some("Mayor"));
/// assert_eq!(speaker.mention, "she");
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    pub(crate) max_quote_paragraphs: usize,
    pub(crate) min_unattributed_words: usize,
    pub(crate) keep_unattributed: bool,
    pub(crate) max_window_bytes: usize,
}

/// Builds an [`Extractor`]. By default, a quote may run over at most 20 paragraphs, a quoted
/// phrase with no speaker needs at least 5 words (or to end like a sentence) to count as a
/// quote rather than a mention, and such unattributed quotes are kept with `speaker: null`.
#[derive(Debug, Clone)]
pub struct ExtractorBuilder {
    inner: Extractor,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            inner: Extractor {
                max_quote_paragraphs: 20,
                min_unattributed_words: 5,
                keep_unattributed: true,
                max_window_bytes: 1 << 20,
            },
        }
    }
}

impl ExtractorBuilder {
    /// How many paragraphs one quote may run over (each reopening with a quote mark).
    /// Default 20; at least 1.
    pub fn max_quote_paragraphs(mut self, n: usize) -> Self {
        self.inner.max_quote_paragraphs = n.max(1);
        self
    }

    /// How many words a quoted phrase with no speaker needs to be kept as a quote; shorter
    /// ones that do not end like a sentence are listed as mentions. Default 5.
    pub fn min_unattributed_words(mut self, n: usize) -> Self {
        self.inner.min_unattributed_words = n;
        self
    }

    /// Whether quotes with no speaker are kept (with `speaker: None`). Default true.
    pub fn keep_unattributed(mut self, keep: bool) -> Self {
        self.inner.keep_unattributed = keep;
        self
    }

    /// How much of an article is read at once, in bytes of its paragraphs. Default 1 MiB,
    /// far above any news article; a longer text (a book, a whole feed pasted as one record)
    /// is read a window of whole paragraphs at a time, so its working memory stays that of
    /// one window (about 100 bytes per byte of text at worst) instead of growing with the
    /// text. Quotes, pronouns and surnames are not followed across windows; the extraction's
    /// [`Extraction::windows`] says how many there were. At least 1.
    ///
    /// ```
    /// use saywho::{Article, Extractor};
    /// let text = "“One,” she said.\n“Two,” he said.\n";
    /// let small = Extractor::builder().max_window_bytes(20).build();
    /// let e = small.extract(&Article::new("a", text));
    /// assert_eq!((e.windows, e.quotes.len()), (2, 2));
    /// ```
    pub fn max_window_bytes(mut self, n: usize) -> Self {
        self.inner.max_window_bytes = n.max(1);
        self
    }

    /// The extractor.
    pub fn build(self) -> Extractor {
        self.inner
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

impl Extractor {
    /// An extractor with the default settings (see [`ExtractorBuilder`]).
    pub fn new() -> Self {
        ExtractorBuilder::default().build()
    }

    /// A builder to change the defaults.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Extracts the quotes of one article, in text order, with ids `"<id>#1"`, `"<id>#2"`, ….
    /// Never fails and never panics: odd input gives fewer quotes, not an error.
    pub fn extract(&self, article: &Article) -> Extraction {
        let text = article.text.as_str();
        let windows = pass::windows(article, self.max_window_bytes);
        let mut found = Vec::new();
        let mut mentions = Vec::new();
        for (i, spans) in windows.iter().enumerate() {
            let (f, m) = pass::Pass::new(self, text, spans, i == 0).run();
            found.extend(f);
            mentions.extend(m);
        }
        mentions.sort_by_key(|m| m.span.start);
        Extraction {
            article: article.id.clone(),
            outlet: article.outlet.clone(),
            date: article.date.clone(),
            title: article.title.clone(),
            quotes: pass::number(text, &article.id, found),
            mentions,
            windows: windows.len(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Extraction {
        Extractor::new().extract(&Article::new("t", text))
    }

    #[test]
    fn spans_slice_the_text() {
        let text = "“One,” he said. Ana Reyes said: “Two.”\n\n“Three\n\n“Four,” she said.";
        let e = run(text);
        for q in &e.quotes {
            assert_eq!(q.span.slice(text), q.text);
        }
        assert_eq!(e.quotes.len(), 3);
        assert_eq!(e.quotes[2].parts.len(), 2);
    }

    #[test]
    fn unclosed_quote_ends_at_its_attribution() {
        let e = run("\"We apologise to everyone, the operator said in a notice.");
        assert_eq!(e.quotes.len(), 1);
        assert_eq!(e.quotes[0].text, "We apologise to everyone");
        assert_eq!(
            e.quotes[0].speaker.as_ref().unwrap().mention,
            "the operator"
        );
    }

    #[test]
    fn he_or_she_after_a_sentence_opener_speaks_for_a_participle() {
        let text = "Marcus Tolliver trails by three points.\n\n\
                    On Saturday he texted volunteers, saying: “Keep knocking.”\n\n\
                    Later he texted them saying: “Keep on.”\n\n\
                    Asked whether he would quit, Ada Lind paused. “Never.”";
        let names: Vec<Option<String>> = run(text)
            .quotes
            .into_iter()
            .map(|q| q.speaker.and_then(|s| s.name))
            .collect();
        let tolliver = Some("Marcus Tolliver".to_string());
        assert_eq!(
            names,
            [tolliver.clone(), tolliver, Some("Ada Lind".to_string())]
        );
    }

    #[test]
    fn builder_options_apply() {
        let text = "The mayor spoke.\n\n“We go on,” the crowd heard.";
        let kept = Extractor::builder().min_unattributed_words(2).build();
        assert_eq!(kept.extract(&Article::new("t", text)).quotes.len(), 1);
        let dropped = Extractor::builder()
            .min_unattributed_words(2)
            .keep_unattributed(false)
            .build();
        assert!(dropped.extract(&Article::new("t", text)).quotes.is_empty());
    }
}

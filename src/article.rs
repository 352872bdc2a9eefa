//! Articles: the input of extraction, and the metadata header of plain-text files.

use serde::{Deserialize, Serialize};

/// One news article.
///
/// `text` is the article as given; every span saywho reports is a byte range into it.
/// The prose begins at byte 0 unless a metadata header was read off the start of a
/// plain-text file (see [`Article::from_txt`] and [`Article::body`]); the header itself is
/// never read as prose. In JSON input only the fields below are read: where the prose starts
/// is never taken from a record.
///
/// ```
/// use saywho::Article;
/// let a = Article::new("a1", "“We are ready,” the mayor said.").with_outlet("Daily Planet");
/// assert_eq!(a.outlet.as_deref(), Some("Daily Planet"));
/// assert_eq!(a.body(), (0, a.text.as_str()));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Identifier, unique within a run (the file stem for `.txt` files).
    pub id: String,
    /// The outlet that published it, if known.
    #[serde(default)]
    pub outlet: Option<String>,
    /// Publication date as written in the input (ISO `YYYY-MM-DD` from a `.txt` header).
    #[serde(default)]
    pub date: Option<String>,
    /// Headline, if known.
    #[serde(default)]
    pub title: Option<String>,
    /// The full text; spans are byte offsets into it.
    pub text: String,
    /// Byte offset where the prose starts (after a metadata header); 0 by default. Set only
    /// by [`Article::from_txt`]; never read from or written to JSON.
    #[serde(skip)]
    pub(crate) body_start: usize,
}

impl Article {
    /// An article with an id and text, no metadata, prose starting at byte 0.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Article {
            id: id.into(),
            outlet: None,
            date: None,
            title: None,
            text: text.into(),
            body_start: 0,
        }
    }

    /// Sets the outlet.
    pub fn with_outlet(mut self, outlet: impl Into<String>) -> Self {
        self.outlet = Some(outlet.into());
        self
    }

    /// Sets the date.
    pub fn with_date(mut self, date: impl Into<String>) -> Self {
        self.date = Some(date.into());
        self
    }

    /// Sets the title.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Where the prose starts (after any metadata header), as a byte offset into `text`, and
    /// the prose itself.
    ///
    /// ```
    /// let a = saywho::Article::from_txt("a", "date 2026-03-04 Rain fell.".into());
    /// assert_eq!(a.body(), (16, "Rain fell."));
    /// ```
    pub fn body(&self) -> (usize, &str) {
        let mut start = self.body_start.min(self.text.len());
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        (start, &self.text[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_clamps_bad_offsets() {
        let mut a = Article::new("a", "é");
        a.body_start = 1;
        assert_eq!(a.body(), (0, "é"));
        a.body_start = 99;
        assert_eq!(a.body(), (2, ""));
    }
}

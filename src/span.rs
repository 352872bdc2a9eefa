//! Byte ranges into an article's text.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `[start, end)` into the text it was taken from.
///
/// Offsets are bytes, starting at 0, and always fall on UTF-8 character boundaries of the
/// original input (never of a normalised copy), so `&text[span.range()]` never panics for
/// the text the span came from. In JSON a span is the array `[start, end]`; an array whose end
/// comes before its start is rejected.
///
/// ```
/// use saywho::Span;
/// let text = "“Hello,” she said.";
/// let span = Span::new(3, 9);
/// assert_eq!(span.slice(text), "Hello,");
/// assert_eq!(serde_json::to_string(&span).unwrap(), "[3,9]");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "(usize, usize)", into = "(usize, usize)")]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// A span from `start` (inclusive) to `end` (exclusive). An `end` before `start` gives
    /// the empty span at `start`.
    ///
    /// ```
    /// assert!(saywho::Span::new(5, 3).is_empty());
    /// ```
    pub const fn new(start: usize, end: usize) -> Self {
        Span {
            start,
            end: if end < start { start } else { end },
        }
    }

    /// The span as a `Range<usize>`, for slicing.
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes (0 for a span whose fields were set to run backwards).
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The text this span covers in `text`.
    ///
    /// # Panics
    /// If the span is out of bounds or not on character boundaries of `text`; spans produced
    /// by saywho always fit the text they were produced from.
    pub fn slice(self, text: &str) -> &str {
        &text[self.range()]
    }

    /// Whether `other` lies entirely inside this span.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Why a pair of offsets is not a span: its end comes before its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackwardSpan {
    /// The start given.
    pub start: usize,
    /// The end given, before the start.
    pub end: usize,
}

impl std::fmt::Display for BackwardSpan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "span [{}, {}] ends before it starts",
            self.start, self.end
        )
    }
}

impl std::error::Error for BackwardSpan {}

impl TryFrom<(usize, usize)> for Span {
    type Error = BackwardSpan;

    fn try_from((start, end): (usize, usize)) -> Result<Self, BackwardSpan> {
        if end < start {
            Err(BackwardSpan { start, end })
        } else {
            Ok(Span { start, end })
        }
    }
}

impl From<Span> for (usize, usize) {
    fn from(s: Span) -> Self {
        (s.start, s.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}

//! The crate's one error type.

use std::fmt;
use std::path::PathBuf;

/// An error from reading input, or from a builder given settings it cannot work with.
/// Extraction itself never fails: any text, however odd, gives a (possibly empty) list of
/// quotes.
///
/// The error says where it happened: the file (or `<stdin>`), and the line for JSONL
/// records.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
    line: Option<usize>,
    record: Option<usize>,
    /// Read from standard input: shown as `<stdin>` when there is no path.
    stdin: bool,
}

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file or stream could not be read.
    Io(std::io::Error),
    /// The bytes are not valid UTF-8; `offset` is the byte where decoding failed.
    Utf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// A JSON or JSONL record could not be parsed as an article.
    Json(JsonError),
    /// The path is neither a supported file (`.txt`, `.json`, `.jsonl`) nor a directory.
    Unsupported,
    /// A builder was given a setting it cannot work with (`rows(0)`, a threshold above 1).
    InvalidConfig {
        /// The builder method (and setting) at fault, e.g. `"rows"`.
        option: &'static str,
        /// What the setting must be, e.g. `"at least 1"`.
        expected: &'static str,
    },
}

/// Why a JSON record is not an article: the parser's message and where in the record it
/// stopped. Its [`source`](std::error::Error::source) is the parser's own error.
#[derive(Debug)]
pub struct JsonError(serde_json::Error);

impl JsonError {
    /// The 1-based line inside the parsed text (for JSONL, always 1: the record is one line;
    /// the record's line in the file is [`Error::line`]).
    pub fn line(&self) -> usize {
        self.0.line()
    }

    /// The 1-based column where parsing stopped.
    pub fn column(&self) -> usize {
        self.0.column()
    }

    /// The parser's message without its position (`key must be a string`, not `key must
    /// be a string at line 1 column 2`); [`Display`](fmt::Display) gives both.
    ///
    /// ```
    /// let err = saywho::input::read_jsonl("{broken\n".as_bytes()).next().unwrap().unwrap_err();
    /// let saywho::ErrorKind::Json(json) = err.kind() else { panic!() };
    /// assert_eq!(json.message(), "key must be a string");
    /// assert_eq!(json.column(), 2);
    /// assert_eq!(err.to_string(), "<stdin>:1: not a valid article record: key must be a string at column 2");
    /// ```
    pub fn message(&self) -> String {
        let full = self.0.to_string();
        if self.0.line() == 0 {
            return full;
        }
        let position = format!(" at line {} column {}", self.0.line(), self.0.column());
        match full.strip_suffix(&position) {
            Some(message) => message.to_string(),
            None => full,
        }
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for JsonError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.0)
    }
}

impl From<serde_json::Error> for JsonError {
    fn from(e: serde_json::Error) -> Self {
        JsonError(e)
    }
}

/// `std::result::Result` with saywho's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error {
            kind,
            path: None,
            line: None,
            record: None,
            stdin: false,
        }
    }

    /// The same error, naming the file it came from (readers of a stream that did not know
    /// its path add it this way).
    pub fn with_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.path = Some(path.into());
        self
    }

    pub(crate) fn with_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// The same error, marked as coming from standard input (shown as `<stdin>` when it
    /// has no path).
    pub(crate) fn on_stdin(mut self) -> Self {
        self.stdin = true;
        self
    }

    pub(crate) fn with_record(mut self, record: usize) -> Self {
        self.record = Some(record);
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// What went wrong, by value (the path and line are dropped).
    ///
    /// ```
    /// let data = "not json\n";
    /// let err = saywho::input::read_jsonl(data.as_bytes()).next().unwrap().unwrap_err();
    /// assert!(matches!(err.into_kind(), saywho::ErrorKind::Json(_)));
    /// ```
    pub fn into_kind(self) -> ErrorKind {
        self.kind
    }

    /// The file the error came from, if any (`None` for standard input).
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// The 1-based line of a JSONL record, if the error concerns one.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The 1-based position of the record in a `.json` array, if the error is about one.
    pub fn record(&self) -> Option<usize> {
        self.record
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(p), Some(l)) => write!(f, "{}:{}: ", p.display(), l)?,
            (Some(p), None) => write!(f, "{}: ", p.display())?,
            (None, Some(l)) => write!(f, "<stdin>:{l}: ")?,
            (None, None) if self.stdin => write!(f, "<stdin>: ")?,
            (None, None) => {}
        }
        if let Some(r) = self.record {
            write!(f, "record {r}: ")?;
        }
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "cannot read: {e}"),
            ErrorKind::Utf8 { offset } => {
                write!(f, "not valid UTF-8 (first bad byte at offset {offset})")
            }
            // A JSONL record is one line, and the line in front is the record's: the parser's
            // own "line 1" would be a second, wrong one, so only its column is kept.
            ErrorKind::Json(e) if self.line.is_some() => {
                write!(f, "not a valid article record: {}", e.message())?;
                if e.column() > 0 {
                    write!(f, " at column {}", e.column())?;
                }
                Ok(())
            }
            ErrorKind::Json(e) => write!(f, "not a valid article record: {e}"),
            ErrorKind::Unsupported => {
                write!(
                    f,
                    "unsupported input (expected .txt, .json, .jsonl or a directory)"
                )
            }
            ErrorKind::InvalidConfig { option, expected } => {
                write!(f, "invalid setting `{option}`: must be {expected}")
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            ErrorKind::Json(e) => Some(e),
            ErrorKind::Utf8 { .. } | ErrorKind::Unsupported | ErrorKind::InvalidConfig { .. } => {
                None
            }
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::new(ErrorKind::Io(e))
    }
}

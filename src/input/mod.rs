//! Reading articles from files, directories and JSONL streams.
//!
//! - `.txt`: one article; its id is the file's path relative to the directory named (see
//!   [`Source`]); a metadata header (`date 2023-10-27`) at the very start is parsed, see
//!   [`Article::from_txt`].
//! - `.jsonl` / `.json`: one article object per line (`id`, `text`, optional `outlet`,
//!   `date`, `title`); a `.json` file may instead hold one JSON array of such objects.
//! - a directory: every such file below it, in sorted path order (other files are skipped),
//!   walked as [`Walk`] says.
//! - standard input ([`read_stdin_with`]): JSONL when it starts with `{`, otherwise one
//!   plain-text article read as a `.txt` file is.
//!
//! Errors are per file, folder or record: a bad record is one `Err` in the stream and the
//! records after it are still read; an unreadable folder is one `Err` and the rest of the
//! tree is still found. A stream that fails to read ends after reporting the failure once.
//! Ids must be unique within a run: [`UniqueIds`] renames repeats.
//!
//! Text must be UTF-8. With [`Decoding::Lossy`] invalid bytes are replaced by U+FFFD instead
//! of failing the file or record; spans then refer to the decoded text. A UTF-8 byte-order
//! mark at the start of a file or record is dropped: it is not part of the text, and spans
//! count from after it.

use std::fs;
use std::io::{BufReader, Read};
use std::path::Path;

use crate::error::{Error, ErrorKind};
use crate::Article;

mod ids;
mod jsonl;
mod stdin;
mod txt;
mod walk;

pub use ids::UniqueIds;
pub use jsonl::{read_jsonl, read_jsonl_with};
pub use stdin::{read_stdin_with, STDIN_ID};
pub use walk::{Source, Walk};

/// What to do with bytes that are not UTF-8.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Decoding {
    /// Fail the file or record with [`ErrorKind::Utf8`] and the offset of the first bad byte.
    #[default]
    Strict,
    /// Replace each invalid sequence by U+FFFD and go on.
    Lossy,
}

impl Decoding {
    /// The text of `bytes`, without a leading byte-order mark.
    pub(crate) fn decode(self, mut bytes: Vec<u8>) -> Result<String, Error> {
        if bytes.starts_with(BOM) {
            bytes.drain(..BOM.len());
        }
        match String::from_utf8(bytes) {
            Ok(s) => Ok(s),
            Err(e) if self == Decoding::Lossy => {
                Ok(String::from_utf8_lossy(e.as_bytes()).into_owned())
            }
            Err(e) => Err(Error::new(ErrorKind::Utf8 {
                offset: e.utf8_error().valid_up_to(),
            })),
        }
    }
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = "\u{feff}".as_bytes();

/// The input files named by `path`, walked with the defaults of [`Walk`]: the file itself,
/// or every supported file below a directory, sorted, each with the id of its article.
///
/// ```
/// let dir = std::env::temp_dir().join("saywho-doc-sources");
/// std::fs::create_dir_all(dir.join("courier")).unwrap();
/// std::fs::write(dir.join("courier/flood.txt"), "Rain fell.").unwrap();
/// for source in saywho::input::sources(&dir) {
///     let source = source.unwrap();
///     assert_eq!(source.id, "courier/flood");
///     let articles: Vec<_> = saywho::input::read_source(&source, Default::default()).collect();
///     assert_eq!(articles[0].as_ref().unwrap().id, "courier/flood");
/// }
/// ```
pub fn sources(path: &Path) -> Vec<Result<Source, Error>> {
    Walk::default().sources(path)
}

/// Reads the articles of one supported file.
///
/// ```no_run
/// for article in saywho::input::read_file("coverage/story.txt".as_ref()) {
///     match article {
///         Ok(a) => println!("{}: {} bytes", a.id, a.text.len()),
///         Err(e) => eprintln!("{e}"),
///     }
/// }
/// ```
pub fn read_file(path: &Path) -> Box<dyn Iterator<Item = Result<Article, Error>>> {
    read_file_with(path, Decoding::Strict)
}

/// [`read_file`] with a choice of what to do with bytes that are not UTF-8.
///
/// ```
/// use saywho::input::{read_file_with, Decoding};
///
/// let path = std::env::temp_dir().join("saywho-doc-latin1.txt");
/// std::fs::write(&path, b"\x93We go,\x94 she said.").unwrap();
/// let strict: Vec<_> = read_file_with(&path, Decoding::Strict).collect();
/// assert!(strict[0].is_err());
/// let lossy: Vec<_> = read_file_with(&path, Decoding::Lossy).collect();
/// assert_eq!(lossy[0].as_ref().unwrap().text, "\u{FFFD}We go,\u{FFFD} she said.");
/// ```
pub fn read_file_with(
    path: &Path,
    decoding: Decoding,
) -> Box<dyn Iterator<Item = Result<Article, Error>>> {
    read_source(&Source::file(path), decoding)
}

/// Reads the articles of one file found by [`sources`]: a `.txt` article takes the
/// source's id.
pub fn read_source(
    source: &Source,
    decoding: Decoding,
) -> Box<dyn Iterator<Item = Result<Article, Error>>> {
    let path = source.path.as_path();
    let owned = path.to_path_buf();
    let fail = |e: Error| -> Box<dyn Iterator<Item = Result<Article, Error>>> {
        Box::new(std::iter::once(Err(e)))
    };
    match path.extension().and_then(|e| e.to_str()) {
        Some("txt") => match read_text(path, decoding) {
            Ok(text) => Box::new(std::iter::once(Ok(Article::from_txt(
                source.id.clone(),
                text,
            )))),
            Err(e) => fail(e),
        },
        Some("json") => match read_text(path, decoding) {
            Ok(text) if text.trim_start().starts_with('[') => {
                // Each record on its own, so one bad record loses only itself.
                match serde_json::from_str::<Vec<serde_json::Value>>(&text) {
                    Ok(v) => Box::new(v.into_iter().enumerate().map(move |(i, record)| {
                        serde_json::from_value::<Article>(record).map_err(|e| {
                            Error::new(ErrorKind::Json(e.into()))
                                .with_path(&owned)
                                .with_record(i + 1)
                        })
                    })),
                    Err(e) => fail(Error::new(ErrorKind::Json(e.into())).with_path(owned)),
                }
            }
            Ok(text) => Box::new(
                read_jsonl_with(std::io::Cursor::new(text.into_bytes()), decoding)
                    .map(move |r| r.map_err(|e| e.with_path(owned.clone())))
                    .collect::<Vec<_>>()
                    .into_iter(),
            ),
            Err(e) => fail(e),
        },
        Some("jsonl") => match fs::File::open(path) {
            Ok(f) => Box::new(
                read_jsonl_with(BufReader::new(f), decoding)
                    .map(move |r| r.map_err(|e| e.with_path(owned.clone()))),
            ),
            Err(e) => fail(Error::from(e).with_path(owned)),
        },
        _ => fail(Error::new(ErrorKind::Unsupported).with_path(owned)),
    }
}

fn read_text(path: &Path, decoding: Decoding) -> Result<String, Error> {
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .map_err(|e| Error::from(e).with_path(path))?;
    decoding.decode(bytes).map_err(|e| e.with_path(path))
}

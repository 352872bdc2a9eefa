//! Reading articles from files, directories and JSONL streams.
//!
//! - `.txt`: one article; the id is the file stem; a metadata header (`date 2023-10-27`) at
//!   the very start is parsed, see [`Article::from_txt`].
//! - `.jsonl` / `.json`: one article object per line (`id`, `text`, optional `outlet`,
//!   `date`, `title`); a `.json` file may instead hold one JSON array of such objects.
//! - a directory: every such file below it, in sorted path order (other files are skipped).
//!
//! Errors are per file or per record: a bad record is one `Err` in the stream and the
//! records after it are still read.
//!
//! Text must be UTF-8. With [`Decoding::Lossy`] invalid bytes are replaced by U+FFFD instead
//! of failing the file or record; spans then refer to the decoded text.

use std::fs;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind};
use crate::Article;

mod jsonl;
mod txt;

pub use jsonl::{read_jsonl, read_jsonl_with};

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
    pub(crate) fn decode(self, bytes: Vec<u8>) -> Result<String, Error> {
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

/// Which reader a path needs.
fn is_supported(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("txt" | "json" | "jsonl")
    )
}

/// The input files named by `path`: the file itself, or every supported file below a
/// directory, sorted. An unreadable directory is an error; so is a file of another type.
pub fn files(path: &Path) -> Result<Vec<PathBuf>, Error> {
    let meta = fs::metadata(path).map_err(|e| Error::from(e).with_path(path))?;
    if meta.is_dir() {
        let mut out = Vec::new();
        walk(path, &mut out)?;
        out.sort();
        Ok(out)
    } else if is_supported(path) {
        Ok(vec![path.to_path_buf()])
    } else {
        Err(Error::new(ErrorKind::Unsupported).with_path(path))
    }
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Error> {
    let entries = fs::read_dir(dir).map_err(|e| Error::from(e).with_path(dir))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::from(e).with_path(dir))?;
        let p = entry.path();
        if p.is_dir() {
            walk(&p, out)?;
        } else if is_supported(&p) {
            out.push(p);
        }
    }
    Ok(())
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
    let owned = path.to_path_buf();
    let fail = |e: Error| -> Box<dyn Iterator<Item = Result<Article, Error>>> {
        Box::new(std::iter::once(Err(e)))
    };
    match path.extension().and_then(|e| e.to_str()) {
        Some("txt") => {
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            match read_text(path, decoding) {
                Ok(text) => Box::new(std::iter::once(Ok(Article::from_txt(id, text)))),
                Err(e) => fail(e),
            }
        }
        Some("json") => match read_text(path, decoding) {
            Ok(text) if text.trim_start().starts_with('[') => {
                match serde_json::from_str::<Vec<Article>>(&text) {
                    Ok(v) => Box::new(v.into_iter().map(Ok)),
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

//! JSONL streams: one article record per line, read a line at a time.

use std::io::BufRead;

use super::Decoding;
use crate::error::{Error, ErrorKind};
use crate::Article;

/// Reads JSONL articles one line at a time, so a stream of any size is held one record at a
/// time. Blank lines are skipped; a bad line is an `Err` carrying its 1-based line number.
/// A failure to read the stream itself (a directory given as a file, a broken pipe) is one
/// `Err`, and the stream ends there: a reader that fails once usually fails for good.
///
/// ```
/// let data = "{\"id\":\"a\",\"text\":\"Hi.\"}\nnot json\n{\"id\":\"b\",\"text\":\"Yo.\"}\n";
/// let got: Vec<_> = saywho::input::read_jsonl(data.as_bytes()).collect();
/// assert_eq!(got.len(), 3);
/// assert!(got[0].is_ok() && got[2].is_ok());
/// assert_eq!(got[1].as_ref().unwrap_err().line(), Some(2));
/// ```
pub fn read_jsonl<R: BufRead>(reader: R) -> impl Iterator<Item = Result<Article, Error>> {
    read_jsonl_with(reader, Decoding::Strict)
}

/// [`read_jsonl`] with a choice of what to do with bytes that are not UTF-8.
pub fn read_jsonl_with<R: BufRead>(
    reader: R,
    decoding: Decoding,
) -> impl Iterator<Item = Result<Article, Error>> {
    let mut lines = reader.split(b'\n').enumerate();
    let mut failed = false;
    std::iter::from_fn(move || loop {
        if failed {
            return None;
        }
        let (i, line) = lines.next()?;
        let line_no = i + 1;
        let bytes = match line {
            Ok(b) => b,
            Err(e) => {
                failed = true;
                return Some(Err(Error::from(e).with_line(line_no)));
            }
        };
        let text = match decoding.decode(bytes) {
            Ok(t) => t,
            Err(e) => return Some(Err(e.with_line(line_no))),
        };
        if text.trim().is_empty() {
            continue;
        }
        return Some(
            serde_json::from_str::<Article>(&text)
                .map_err(|e| Error::new(ErrorKind::Json(e.into())).with_line(line_no)),
        );
    })
}

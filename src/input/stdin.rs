//! Standard input: JSONL records, or one plain-text article.

use std::io::{self, BufRead, Read};

use super::{read_jsonl_with, Decoding, BOM};
use crate::error::Error;
use crate::Article;

/// The id of the plain-text article read from standard input (a front-matter `id:` line
/// overrides it, as in a `.txt` file).
pub const STDIN_ID: &str = "stdin";

/// Reads standard input (or any stream read the same way) as the command line's `-` does:
/// JSONL when its first byte that is not white space (after a byte-order mark) is `{`,
/// otherwise the whole stream as one plain-text article with id [`STDIN_ID`], parsed as a
/// `.txt` file is ([`Article::from_txt`]: a `date` prefix or front matter is read). A stream
/// that is empty or only white space gives no article. Errors are marked as coming from
/// `<stdin>`.
///
/// ```
/// use saywho::input::{read_stdin_with, Decoding};
/// let jsonl = "\n{\"id\":\"a\",\"text\":\"Hi.\"}\n";
/// let got: Vec<_> = read_stdin_with(jsonl.as_bytes(), Decoding::Strict).collect();
/// assert_eq!(got[0].as_ref().unwrap().id, "a");
///
/// let text = "date 2026-03-04 “We are ready,” the mayor said.";
/// let got: Vec<_> = read_stdin_with(text.as_bytes(), Decoding::Strict).collect();
/// let article = got[0].as_ref().unwrap();
/// assert_eq!((article.id.as_str(), article.date.as_deref()), ("stdin", Some("2026-03-04")));
///
/// assert_eq!(read_stdin_with(" \n".as_bytes(), Decoding::Strict).count(), 0);
/// ```
pub fn read_stdin_with<'a, R: BufRead + 'a>(
    mut reader: R,
    decoding: Decoding,
) -> Box<dyn Iterator<Item = Result<Article, Error>> + 'a> {
    let fail = |e: io::Error| -> Box<dyn Iterator<Item = Result<Article, Error>> + 'a> {
        Box::new(std::iter::once(Err(Error::from(e).on_stdin())))
    };
    // The bytes read to find the first one that is not blank, handed back in front of the
    // rest of the stream.
    let mut head = Vec::new();
    let first = loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return fail(e),
        };
        if buf.is_empty() {
            return Box::new(std::iter::empty());
        }
        let n = buf.len();
        head.extend_from_slice(buf);
        reader.consume(n);
        let rest = if head.starts_with(BOM) {
            &head[BOM.len()..]
        } else if BOM.starts_with(&head) {
            continue; // maybe a byte-order mark, not yet whole
        } else {
            &head[..]
        };
        if let Some(&b) = rest.iter().find(|b| !b.is_ascii_whitespace()) {
            break b;
        }
    };
    let stream = io::Cursor::new(head).chain(reader);
    if first == b'{' {
        return Box::new(read_jsonl_with(stream, decoding).map(|r| r.map_err(Error::on_stdin)));
    }
    let mut bytes = Vec::new();
    let mut stream = stream;
    if let Err(e) = stream.read_to_end(&mut bytes) {
        return fail(e);
    }
    Box::new(std::iter::once(
        decoding
            .decode(bytes)
            .map(|text| Article::from_txt(STDIN_ID, text))
            .map_err(Error::on_stdin),
    ))
}

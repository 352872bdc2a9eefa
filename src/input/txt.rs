//! Plain-text articles: a `.txt` file is one article, optionally opened by a metadata
//! header (a `date YYYY-MM-DD` prefix or a `---` front-matter block), parsed with nom on
//! complete input.

use nom::bytes::complete::{tag, take_while, take_while1, take_while_m_n};
use nom::{IResult, Parser};

use crate::Article;

impl Article {
    /// An article read from a plain-text file. A metadata header at the very start is parsed
    /// and skipped by extraction; offsets still refer to the whole text. Two forms:
    ///
    /// - a date prefix, `date 2023-10-27 ` (optionally preceded by white space);
    /// - a front-matter block: a line `---`, lines `key: value` (keys `id`, `outlet`, `date`,
    ///   `title`; others are ignored), and a closing line `---`.
    ///
    /// ```
    /// use saywho::Article;
    /// let a = Article::from_txt("x", " date 2024-03-05 Rain fell.".to_string());
    /// assert_eq!(a.date.as_deref(), Some("2024-03-05"));
    /// assert_eq!(a.body().1, "Rain fell.");
    ///
    /// let b = Article::from_txt("y", "---\noutlet: The Ledger\n---\nRain fell.".to_string());
    /// assert_eq!(b.outlet.as_deref(), Some("The Ledger"));
    /// assert_eq!(b.body().1, "Rain fell.");
    /// ```
    pub fn from_txt(id: impl Into<String>, text: String) -> Self {
        let mut article = Article::new(id, text);
        if let Ok((rest, date)) = header(&article.text) {
            article.date = Some(date.to_string());
            article.body_start = article.text.len() - rest.len();
        } else if let Ok((rest, fields)) = front_matter(&article.text) {
            let fields: Vec<(String, String)> = fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            article.body_start = article.text.len() - rest.len();
            for (key, value) in fields {
                match key.as_str() {
                    "id" => article.id = value,
                    "outlet" => article.outlet = Some(value),
                    "date" => article.date = Some(value),
                    "title" => article.title = Some(value),
                    _ => {}
                }
            }
        }
        article
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

fn digits(n: usize) -> impl FnMut(&str) -> IResult<&str, &str> {
    move |i| take_while_m_n(n, n, |c: char| c.is_ascii_digit()).parse_complete(i)
}

/// The metadata header of a `.txt` article:
/// `<space>* "date" <space>+ YYYY-MM-DD <space>+` → the date.
fn header(i: &str) -> IResult<&str, &str> {
    let (i, _) = take_while(is_space).parse_complete(i)?;
    let (i, _) = tag("date").parse_complete(i)?;
    let (i, _) = take_while1(is_space).parse_complete(i)?;
    let (i, date) =
        nom::combinator::recognize((digits(4), tag("-"), digits(2), tag("-"), digits(2)))
            .parse_complete(i)?;
    let (i, _) = take_while1(is_space).parse_complete(i)?;
    Ok((i, date))
}

/// One line ending: `\n` or `\r\n`.
fn eol(i: &str) -> IResult<&str, &str> {
    nom::branch::alt((tag("\r\n"), tag("\n"))).parse_complete(i)
}

/// `<key> ":" <value> <eol>`, key in `[A-Za-z_]+`, value trimmed.
fn field(i: &str) -> IResult<&str, (&str, &str)> {
    let (i, key) = take_while1(|c: char| c.is_ascii_alphabetic() || c == '_').parse_complete(i)?;
    let (i, _) = tag(":").parse_complete(i)?;
    let (i, value) = take_while(|c: char| c != '\n').parse_complete(i)?;
    let (i, _) = eol(i)?;
    Ok((i, (key, value.trim())))
}

/// `"---" <eol> <field>* "---" <eol>` at the very start of the text.
fn front_matter(i: &str) -> IResult<&str, Vec<(&str, &str)>> {
    let (i, _) = (tag("---"), eol).parse_complete(i)?;
    let (i, fields) = nom::multi::many0(field).parse_complete(i)?;
    let (i, _) = (tag("---"), nom::combinator::opt(eol)).parse_complete(i)?;
    Ok((i, fields))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_parses_date_and_leaves_prose() {
        assert_eq!(
            header(" date 2023-10-27 Jets flew."),
            Ok(("Jets flew.", "2023-10-27"))
        );
        assert_eq!(
            header("date 2023-10-27\nJets."),
            Ok(("Jets.", "2023-10-27"))
        );
    }

    #[test]
    fn header_rejects_prose_that_starts_with_date() {
        assert!(header("date night was cancelled").is_err());
        assert!(header("The date 2023-10-27 was set").is_err());
        assert!(header("date 2023-1-27 x").is_err());
    }

    #[test]
    fn from_txt_keeps_offsets_in_file_bytes() {
        let a = Article::from_txt("a", " date 2023-10-27 Body".into());
        assert_eq!(a.body_start, 17);
        assert_eq!(a.body(), (17, "Body"));
        let b = Article::from_txt("b", "No header here".into());
        assert_eq!((b.date, b.body_start), (None, 0));
    }

    #[test]
    fn front_matter_parses_fields() {
        let text = "---\ntitle: A: B\r\noutlet: X\n---\nBody";
        assert_eq!(
            front_matter(text),
            Ok(("Body", vec![("title", "A: B"), ("outlet", "X")]))
        );
        assert!(front_matter("--- not a header").is_err());
        assert!(front_matter("---\ntitle: never closed\nBody").is_err());
    }
}

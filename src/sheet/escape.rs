//! Escaping, in one place: every text that reaches a sheet passes through here — prose
//! through [`escape_html`] or [`escape_markdown`], ids in Markdown code spans through
//! `markdown_code`, and the file names in links through `url_path`.

/// Text for HTML element content and attribute values.
///
/// ```
/// assert_eq!(saywho::sheet::escape_html(r#"<a href="x">Tom & 'Jerry'</a>"#),
///            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
/// ```
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Text for Markdown (GitHub flavour): characters with a meaning are backslash-escaped and
/// line breaks become spaces, so a quote can never open a list, a table or a link.
///
/// ```
/// assert_eq!(saywho::sheet::escape_markdown("*a* [b] | #c\nd"), r"\*a\* \[b\] \| \#c d");
/// ```
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Where a Markdown code span stands: GitHub splits a table row at every unescaped `|`, code
/// spans included, so there a pipe is escaped (and shows as `|`); elsewhere a backslash in a
/// code span would show, so there it is not.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cell {
    /// In a table cell.
    Table,
    /// In a paragraph, a heading or a list item.
    Text,
}

/// An id as a Markdown code span: fenced with one backtick more than the longest run inside,
/// padded with a space where the text would otherwise touch the fence or lose a space, line
/// breaks as spaces (so nothing inside can close the span, and the line stays one line).
pub(crate) fn markdown_code(s: &str, cell: Cell) -> String {
    let mut text = String::with_capacity(s.len() + 2);
    for c in s.chars() {
        match c {
            '\n' | '\r' => text.push(' '),
            '|' if cell == Cell::Table => text.push_str("\\|"),
            _ => text.push(c),
        }
    }
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    // An empty span is no span: two backticks are just a longer fence.
    if text.is_empty() {
        text.push(' ');
    }
    // CommonMark strips one space from each end when both ends have one (and the span is not
    // all spaces); a backtick at either end would join the fence.
    let pad = text.starts_with('`')
        || text.ends_with('`')
        || (text.starts_with(' ') && text.ends_with(' ') && text.trim() != "");
    let pad = if pad { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A file name stem as the path of a link, in Markdown or in an HTML attribute (which is then
/// HTML-escaped as well): letters, digits, `-` and `_` as they are, every other byte
/// percent-encoded, so no scheme (`javascript:`), query, fragment or parent folder can form.
/// The stems [`Sheets::build`](super::Sheets::build) gives need no encoding; this guards
/// sheets read back from JSON or edited by hand.
pub(crate) fn url_path(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_alphanumeric() || matches!(c, '-' | '_') {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_leaves_no_markup() {
        assert_eq!(escape_html("<b>&amp;</b>"), "&lt;b&gt;&amp;amp;&lt;/b&gt;");
        assert_eq!(escape_html("“plain” words"), "“plain” words");
    }

    #[test]
    fn markdown_keeps_to_one_line() {
        assert_eq!(escape_markdown("a\r\nb"), "a  b");
        assert_eq!(escape_markdown("`code` ~~x~~"), r"\`code\` \~\~x\~\~");
        assert_eq!(escape_markdown(r"back\slash"), r"back\\slash");
    }

    #[test]
    fn code_spans_outlast_the_backticks_inside() {
        assert_eq!(markdown_code("ana-reyes", Cell::Text), "`ana-reyes`");
        assert_eq!(markdown_code("a`b", Cell::Text), "``a`b``");
        assert_eq!(markdown_code("`a``", Cell::Text), "``` `a`` ```");
        assert_eq!(markdown_code(" a ", Cell::Text), "`  a  `");
        assert_eq!(markdown_code("", Cell::Text), "` `");
        assert_eq!(markdown_code("a\nb|c", Cell::Text), "`a b|c`");
        assert_eq!(markdown_code("a|b", Cell::Table), r"`a\|b`");
    }

    #[test]
    fn link_paths_cannot_name_a_scheme_or_a_folder() {
        assert_eq!(url_path("ana-reyes"), "ana-reyes");
        assert_eq!(url_path("правда_x"), "правда_x");
        assert_eq!(url_path("javascript:alert(1)"), "javascript%3Aalert%281%29");
        assert_eq!(url_path("../x y"), "%2E%2E%2Fx%20y");
    }
}

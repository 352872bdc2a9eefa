//! Escaping, in one place: every text that reaches a sheet passes through here.

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
}

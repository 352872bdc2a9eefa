//! The one reader of the word lists in `data/`, for every list in the crate.
//!
//! A list is a text file compiled into the binary with `include_str!`. It opens with a header
//! comment saying what it is and where it comes from; after that, each line is one entry.
//! White space around a line is dropped, and lines that are then empty or start with `#` are
//! comments. Lists with several columns separate them with a tab ([`columns`]).

/// The entries of a list: its lines, trimmed, without blank lines and `#` comment lines.
pub(crate) fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The tab-separated columns of one entry, each trimmed. There is always a first column.
pub(crate) fn columns(entry: &str) -> impl Iterator<Item = &str> {
    entry.split('\t').map(str::trim)
}

/// The first two columns of each entry of a list of two columns or more; entries with one
/// column are skipped.
pub(crate) fn pairs(src: &str) -> impl Iterator<Item = (&str, &str)> {
    entries(src).filter_map(|e| {
        let mut c = columns(e);
        Some((c.next()?, c.next()?))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blank_lines_and_trim() {
        let src = "# header\n#\nsaid\tneutral\n\n  spokesman \r\n\t# indented comment\nWhite House";
        let e: Vec<&str> = entries(src).collect();
        assert_eq!(e, ["said\tneutral", "spokesman", "White House"]);
    }

    #[test]
    fn a_hash_inside_an_entry_is_kept() {
        assert_eq!(entries("C#\n").collect::<Vec<_>>(), ["C#"]);
    }

    #[test]
    fn columns_split_at_tabs_and_trim() {
        let c: Vec<&str> = columns("pointed out \t neutral\tthat").collect();
        assert_eq!(c, ["pointed out", "neutral", "that"]);
        assert_eq!(columns("said").collect::<Vec<_>>(), ["said"]);
    }

    #[test]
    fn pairs_take_two_columns_and_skip_single_ones() {
        let p: Vec<(&str, &str)> = pairs("# h\nco\tcompany\tx\nlone\n").collect();
        assert_eq!(p, [("co", "company")]);
    }

    /// Every file in `data/` opens with a header comment: what it is, and a `Source:` line
    /// (where it comes from and what reads it).
    #[test]
    fn every_list_has_a_header() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
        let mut seen = 0;
        for file in std::fs::read_dir(dir).expect("data/") {
            let path = file.expect("a data file").path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).expect("UTF-8 text");
                let header = text.lines().take_while(|l| l.starts_with('#'));
                let sourced = header.clone().any(|l| l.starts_with("# Source: "));
                assert!(header.count() > 0, "{} has no header", path.display());
                assert!(sourced, "{} has no `# Source:` line", path.display());
                seen += 1;
            }
        }
        assert!(seen > 10, "only {seen} lists in {dir}");
    }
}

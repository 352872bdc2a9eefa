//! File names of a folder of sheets (`saywho sheet --out DIR`).

/// A file name stem for a speaker id: lower-case ASCII letters, digits, `-` and `_` only.
pub(crate) fn file_stem(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_are_lower_case_ascii() {
        assert_eq!(file_stem("ana-reyes"), "ana-reyes");
        assert_eq!(file_stem("b/Senior-Official"), "b_senior-official");
    }
}

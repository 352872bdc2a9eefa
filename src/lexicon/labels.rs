//! The labels that open a paragraph before a colon (`data/turn_labels.txt`): speaker labels
//! of interviews and transcripts ("Q:", "Moderator:") and the scrapers' labels that are never
//! speech ("Related:", "Photo:").

use rustc_hash::FxHashMap;

use super::lists;

/// The longest label looked up, in bytes.
pub(crate) const MAX_LABEL_BYTES: usize = 40;

/// Whether `data/turn_labels.txt` gives `word` the class `class` (compared in lower case).
pub(crate) fn is(word: &str, class: &str) -> bool {
    static CLASSES: std::sync::OnceLock<FxHashMap<String, Vec<&'static str>>> =
        std::sync::OnceLock::new();
    let classes = CLASSES.get_or_init(|| {
        let mut map: FxHashMap<String, Vec<&'static str>> = FxHashMap::default();
        for (w, k) in lists::pairs(include_str!("../../data/turn_labels.txt")) {
            map.entry(w.to_lowercase()).or_default().push(k);
        }
        map
    });
    word.len() <= MAX_LABEL_BYTES
        && classes
            .get(word.to_lowercase().as_str())
            .is_some_and(|k| k.contains(&class))
}

/// Whether a paragraph opens with a label that is never speech ("Related: …", "Photo: …").
pub(crate) fn opens_with_scraper_label(p: &str) -> bool {
    let head = p.get(..p.len().min(MAX_LABEL_BYTES)).unwrap_or(p);
    head.find(':')
        .is_some_and(|colon| is(head[..colon].trim_matches(['*', '_', ' ']), "not"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_by_class() {
        assert!(is("Q", "asks") && is("moderator", "asks") && is("A", "answers"));
        assert!(opens_with_scraper_label("Related: Council votes on budget"));
        assert!(opens_with_scraper_label("**Photo:** The hall"));
        assert!(!opens_with_scraper_label("MENES: We measure the wells."));
    }
}

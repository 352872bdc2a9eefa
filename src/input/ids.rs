//! Article ids unique within a run.

use rustc_hash::FxHashSet;
use xxhash_rust::xxh3::xxh3_64;

use crate::Article;

/// Keeps article ids unique within a run: two articles with one id would give their quotes
/// one set of ids and their statements one cluster, so a later article whose id was already
/// used is renamed `<id>~2` (or `~3`, …: the first free one) and the caller is told, to
/// report it.
///
/// Ids are remembered as 64-bit hashes (16 bytes each), so a stream of millions of articles
/// costs tens of MiB, not the ids themselves.
///
/// ```
/// use saywho::{input::UniqueIds, Article};
/// let mut ids = UniqueIds::default();
/// let mut a = Article::new("story", "One.");
/// let mut b = Article::new("story", "Two.");
/// assert_eq!(ids.admit(&mut a), None);
/// assert_eq!(ids.admit(&mut b).as_deref(), Some("story"));
/// assert_eq!(b.id, "story~2");
/// ```
#[derive(Debug, Default, Clone)]
pub struct UniqueIds {
    seen: FxHashSet<u64>,
}

impl UniqueIds {
    /// Admits `article`'s id, renaming the article if its id was seen before. Returns the
    /// id it had when it was renamed.
    pub fn admit(&mut self, article: &mut Article) -> Option<String> {
        if self.seen.insert(xxh3_64(article.id.as_bytes())) {
            return None;
        }
        let renamed = (2u64..)
            .map(|n| format!("{}~{n}", article.id))
            .find(|id| self.seen.insert(xxh3_64(id.as_bytes())))
            .expect("some suffix is free");
        Some(std::mem::replace(&mut article.id, renamed))
    }
}

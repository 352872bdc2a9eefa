//! Ordered parallel processing of a stream with bounded memory.
//!
//! [`ordered`] pulls items from an iterator into a batch until the batch holds
//! [`Budget::items`] items or [`Budget::bytes`] bytes of input, maps the batch on the current
//! rayon thread pool, and yields the results in input order before it reads the next batch.
//! At most one batch of input and its results are alive at a time, so a stream of any length
//! is processed in memory bounded by the budget (and by the largest single item), and a
//! consumer that writes each result as it comes keeps its output flushed batch by batch.
//!
//! ```
//! use saywho::stream::{ordered, Budget};
//! use saywho::{Article, Extractor};
//!
//! let articles = (0..100).map(|i| Article::new(format!("a{i}"), format!("“Go {i},” she said.")));
//! let extractor = Extractor::new();
//! let budget = Budget { items: 16, bytes: 1 << 20 };
//! let ids: Vec<String> = ordered(articles, budget, |a| a.text.len(), |a| extractor.extract(&a))
//!     .map(|e| e.article)
//!     .collect();
//! assert_eq!(ids[0], "a0");
//! assert_eq!(ids[99], "a99");
//! ```

use std::collections::VecDeque;

use rayon::prelude::*;

/// How much input one batch may hold. A batch closes when either limit is reached; it always
/// takes at least one item, however large.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    /// Most items per batch.
    pub items: usize,
    /// Most input bytes per batch, as measured by the `size` function given to [`ordered`].
    pub bytes: usize,
}

impl Default for Budget {
    /// 1,024 items or 16 MiB: enough work per batch to keep every core busy on news-sized
    /// articles, and tens of MiB of memory at most.
    fn default() -> Self {
        Budget {
            items: 1024,
            bytes: 16 << 20,
        }
    }
}

/// The iterator returned by [`ordered`].
pub struct Ordered<I: Iterator, U, S, F> {
    source: I,
    budget: Budget,
    size: S,
    map: F,
    ready: VecDeque<U>,
    batch: Vec<I::Item>,
}

/// Maps `items` with `map` in parallel, a batch at a time (see the module documentation),
/// yielding the results in input order. `size` weighs an item against [`Budget::bytes`].
pub fn ordered<I, U, S, F>(
    items: I,
    budget: Budget,
    size: S,
    map: F,
) -> Ordered<I::IntoIter, U, S, F>
where
    I: IntoIterator,
    I::Item: Send,
    U: Send,
    S: FnMut(&I::Item) -> usize,
    F: Fn(I::Item) -> U + Sync + Send,
{
    Ordered {
        source: items.into_iter(),
        budget,
        size,
        map,
        ready: VecDeque::new(),
        batch: Vec::new(),
    }
}

impl<I: Iterator, U, S, F> Ordered<I, U, S, F> {
    /// Results of the current batch not yet yielded. Zero after a `next()` means a batch has
    /// just been handed out in full: a good moment for the consumer to flush its output.
    pub fn ready(&self) -> usize {
        self.ready.len()
    }
}

impl<I, U, S, F> Iterator for Ordered<I, U, S, F>
where
    I: Iterator,
    I::Item: Send,
    U: Send,
    S: FnMut(&I::Item) -> usize,
    F: Fn(I::Item) -> U + Sync + Send,
{
    type Item = U;

    fn next(&mut self) -> Option<U> {
        if self.ready.is_empty() {
            let mut bytes = 0;
            // At least one item per batch, whatever the budget says.
            while self.batch.is_empty()
                || (self.batch.len() < self.budget.items && bytes < self.budget.bytes)
            {
                let Some(item) = self.source.next() else {
                    break;
                };
                bytes += (self.size)(&item);
                self.batch.push(item);
            }
            let map = &self.map;
            let mut out = Vec::with_capacity(self.batch.len());
            self.batch.par_drain(..).map(map).collect_into_vec(&mut out);
            self.ready = out.into();
        }
        self.ready.pop_front()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_batches_by_count_and_bytes() {
        let out: Vec<usize> = ordered(
            0..1000,
            Budget {
                items: 7,
                bytes: 1 << 30,
            },
            |_| 1,
            |x| x * 2,
        )
        .collect();
        assert_eq!(out, (0..1000).map(|x| x * 2).collect::<Vec<_>>());
        // A byte budget smaller than one item still makes progress, one item per batch.
        let out: Vec<usize> = ordered(
            0..10,
            Budget {
                items: 100,
                bytes: 1,
            },
            |_| 5,
            |x| x,
        )
        .collect();
        assert_eq!(out.len(), 10);
        // So does an empty budget.
        let empty = Budget { items: 0, bytes: 0 };
        assert_eq!(ordered(0..10, empty, |_| 5, |x| x).count(), 10);
    }

    #[test]
    fn reads_no_further_than_one_batch_ahead() {
        let pulled = std::cell::Cell::new(0);
        let source = (0..100).inspect(|_| pulled.set(pulled.get() + 1));
        let mut it = ordered(
            source,
            Budget {
                items: 10,
                bytes: usize::MAX,
            },
            |_| 0,
            |x| x,
        );
        assert_eq!(it.next(), Some(0));
        assert_eq!(pulled.get(), 10);
        assert_eq!(it.nth(9), Some(10));
        assert_eq!(pulled.get(), 20);
    }
}

//! A quote as found, before it gets its id and its strings.

use crate::quote::{Cue, Quote, QuoteKind, Speaker, Stance};
use crate::resolve::Who;
use crate::Span;

/// A quote before it gets its id.
#[derive(Clone)]
pub(super) struct Found {
    pub kind: QuoteKind,
    pub span: Span,
    pub parts: Vec<Span>,
    pub who: Option<Who>,
    pub cue: Option<(Span, Stance)>,
    /// The span of the quote this one is nested in.
    pub within: Option<Span>,
}

/// The run of `found` (sorted by start) whose quotes start inside `span`, or up to `slack`
/// bytes before it: the quotes a paragraph-long quote may hold, found by binary search.
pub(super) fn starting_in(found: &[Found], span: Span, slack: usize) -> std::ops::Range<usize> {
    let from = found.partition_point(|q| q.span.start + slack < span.start);
    from..from + found[from..].partition_point(|q| q.span.start < span.end)
}

/// Nests in `span` the top-level quotes of `quotes` that it holds.
pub(super) fn nest_in(quotes: &mut [Found], span: Span) {
    for q in quotes {
        if q.within.is_none() && span.contains(q.span) {
            q.within = Some(span);
        }
    }
}

impl Found {
    pub(super) fn into_quote(
        self,
        text: &str,
        article: &str,
        n: usize,
        within: Option<String>,
        times: &[crate::Span],
    ) -> Quote {
        let speaker = self.who.as_ref().map(|w| {
            let name = w.name.map(|n| match w.surname {
                Some(s) => format!("{} {}", n.slice(text), s.slice(text)),
                None => n.slice(text).to_string(),
            });
            // "Sen. Ann Ortiz": the role is "Senator".
            let role = w.role.map(|r| {
                let role = r.slice(text);
                crate::lexicon::Lexicon::get()
                    .title_in_full(role)
                    .unwrap_or(role)
                    .to_string()
            });
            Speaker {
                id: crate::corpus::speaker_id(article, name.as_deref(), role.as_deref(), w.kind),
                name,
                role,
                kind: w.kind,
                affiliation: w.tag.map(|t| t.slice(text).to_string()),
                mention: w.mention.slice(text).to_string(),
                span: w.mention,
            }
        });
        let around = self.cue.map_or(self.span, |(span, _)| span);
        let when = crate::grammar::when::phrase_near(text, times, around, self.span).map(|span| {
            crate::quote::When {
                text: span.slice(text).to_string(),
                span,
            }
        });
        Quote {
            when,
            id: format!("{article}#{n}"),
            kind: self.kind,
            text: self.span.slice(text).to_string(),
            span: self.span,
            parts: self.parts,
            resolved_by: self.who.map(|w| w.by),
            speaker,
            cue: self.cue.map(|(span, stance)| Cue {
                text: span.slice(text).to_string(),
                span,
                stance,
            }),
            within,
        }
    }
}

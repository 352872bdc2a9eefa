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

impl Found {
    pub(super) fn into_quote(
        self,
        text: &str,
        article: &str,
        n: usize,
        within: Option<String>,
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
        Quote {
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

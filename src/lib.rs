//! # saywho
//!
//! Quotation attribution for news: who said what, with exact byte spans.
//!
//! The main types are [`Article`] (the input), [`Extractor`] (built once, reused for every
//! article) and [`Extraction`] (its output: [`Quote`]s with their [`Speaker`] and [`Cue`],
//! plus quoted phrases that are not speech as [`Mention`]s).
//!
//! ```
//! use saywho::{Article, Extractor, QuoteKind, SpeakerKind};
//!
//! let text = "Port Commissioner Dana Whitfield said on Tuesday that the harbour would \
//!             reopen “within the week, weather permitting.”\n\n\
//!             “We have waited long enough,” Whitfield said.";
//! let article = Article::new("harbour-1", text).with_outlet("The Coastal Ledger");
//! let extraction = Extractor::new().extract(&article);
//!
//! let quotes = &extraction.quotes;
//! assert_eq!(quotes.len(), 2);
//! assert_eq!(quotes[0].kind, QuoteKind::Partial);
//! assert_eq!(quotes[1].kind, QuoteKind::Direct);
//! for q in quotes {
//!     // Every span slices the original text.
//!     assert_eq!(&text[q.span.range()], q.text);
//!     let speaker = q.speaker.as_ref().unwrap();
//!     assert_eq!(speaker.name.as_deref(), Some("Dana Whitfield"));
//!     assert_eq!(speaker.role.as_deref(), Some("Port Commissioner"));
//!     assert_eq!(speaker.kind, SpeakerKind::Person);
//! }
//! assert_eq!(quotes[1].speaker.as_ref().unwrap().mention, "Whitfield");
//! ```
//!
//! Reading files, directories and JSONL is in [`input`]; the JSON written by the `saywho`
//! command is the serde form of [`Extraction`], documented in `docs/json-contract.md`.

#![deny(missing_docs)]

mod article;
mod corpus;
mod error;
mod extract;
mod grammar;
pub mod input;
mod lexicon;
pub mod link;
mod quote;
mod resolve;
pub mod sheet;
mod span;
pub mod stream;
#[cfg(feature = "test-support")]
#[doc(hidden)]
pub mod test_support;
mod work;

pub use article::Article;
pub use corpus::{slug, RoleSeen, Roster, SpeakerEntry};
pub use error::{Error, ErrorKind, JsonError, Result};
pub use extract::{Extractor, ExtractorBuilder};
pub use link::{LinkConfig, LinkConfigBuilder, Linker, Member, Relation, Statement};
pub use quote::{
    Cue, Extraction, Mention, MentionKind, Quote, QuoteKind, ResolvedBy, Speaker, SpeakerKind,
    Stance, When,
};
pub use span::{BackwardSpan, Span};

/// The README's examples, compiled and run as doc tests so it stays true to the code.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

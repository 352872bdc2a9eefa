//! Quote sheets: per speaker, who they are, in which roles, everything they said, and how
//! each outlet rendered it — as JSON ([`Sheets`] is the contract), Markdown and HTML.
//!
//! ```
//! use saywho::{Article, Extractor};
//! use saywho::sheet::Sheets;
//!
//! let ex = Extractor::new();
//! let a = ex.extract(&Article::new("a", "Mayor Ana Reyes said: “We will defend the harbour.”").with_outlet("Courier"));
//! let b = ex.extract(&Article::new("b", "“We will defend the harbor,” Reyes said.").with_outlet("Ledger"));
//! let sheets = Sheets::build(&[a, b]);
//! let reyes = &sheets.speakers[0];
//! assert_eq!(reyes.name.as_deref(), Some("Ana Reyes"));
//! assert_eq!(reyes.statements[0].outlets, 2);
//! let mut html = Vec::new();
//! saywho::sheet::write_html(&mut html, &sheets, saywho::sheet::Page::All).unwrap();
//! assert!(String::from_utf8(html).unwrap().contains("<ins"));
//! ```
//!
//! The pipeline: [`Sheets::build`] (`build.rs`) links the statements and groups them by
//! speaker into the data types of `model.rs`; the writers ([`write_markdown`], [`write_html`],
//! [`write_json`]) lay out a [`Page`] of them. What the pages say is in `labels.rs`, shared by
//! both text writers; escaping for HTML and Markdown is in `escape.rs`; file names of a folder
//! of sheets in `files.rs`.

mod build;
mod escape;
mod files;
mod html;
mod json;
mod labels;
mod markdown;
mod model;
mod overview;

pub use escape::{escape_html, escape_markdown};
pub use html::write_html;
pub use json::write_json;
pub use markdown::write_markdown;
pub use model::{
    IndexEntry, NestedSpeech, Page, Rendering, SheetRole, SheetStatement, Sheets, SpeakerSheet,
};
pub use overview::{Altered, Carried, Cell, Day, Form, Overview, Place};

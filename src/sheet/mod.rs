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

mod escape;
mod html;
mod markdown;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub use escape::{escape_html, escape_markdown};
pub use html::write_html;
pub use markdown::write_markdown;

use crate::link::{DiffStep, Linker, Relation};
use crate::{Extraction, QuoteKind, RoleSeen, Roster, Span, SpeakerKind, Stance};

/// All the sheets of a corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sheets {
    /// One entry per speaker, in index order: people, then organisations, then anonymous and
    /// other sources, each by number of statements.
    pub index: Vec<IndexEntry>,
    /// The sheets, in the same order.
    pub speakers: Vec<SpeakerSheet>,
}

/// A line of the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    /// Speaker id (as in `saywho speakers`; `unattributed` for quotes with no speaker).
    pub id: String,
    /// Name, if any.
    pub name: Option<String>,
    /// Kind.
    pub kind: SpeakerKind,
    /// Roles as written, most used first.
    pub roles: Vec<String>,
    /// Number of statements.
    pub statements: usize,
    /// Number of outlets.
    pub outlets: usize,
    /// The speaker's file name stem when sheets are written to a folder.
    pub file: String,
}

/// One speaker's sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerSheet {
    /// Speaker id.
    pub id: String,
    /// Name, if any.
    pub name: Option<String>,
    /// Kind.
    pub kind: SpeakerKind,
    /// Every role seen, with the outlets that used it.
    pub roles: Vec<RoleSeen>,
    /// The outlets that quoted the speaker.
    pub outlets: Vec<String>,
    /// Statements, most widely carried first, then by first date.
    pub statements: Vec<SheetStatement>,
}

/// One statement on a sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetStatement {
    /// The statement's cluster id (as `saywho link` gives it).
    pub cluster: String,
    /// The canonical wording.
    pub canonical: String,
    /// Whether every rendering is reported speech (no quote marks anywhere).
    pub reported_only: bool,
    /// Number of outlets that carried it.
    pub outlets: usize,
    /// The earliest date among its articles.
    pub first_date: Option<String>,
    /// Each outlet's rendering, canonical first, then by outlet.
    pub renderings: Vec<Rendering>,
}

/// One outlet's rendering of a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rendering {
    /// Quote id.
    pub quote: String,
    /// Article id.
    pub article: String,
    /// Outlet (the article id when unknown).
    pub outlet: String,
    /// Article date.
    pub date: Option<String>,
    /// Direct, partial or reported.
    pub kind: QuoteKind,
    /// Canonical, variant or fragment.
    pub relation: Relation,
    /// Similarity to the canonical wording (containment for a fragment).
    pub similarity: f64,
    /// The words as this outlet gave them.
    pub text: String,
    /// Byte span in the article.
    pub span: Span,
    /// The cue, if any.
    pub cue: Option<String>,
    /// The cue's stance.
    pub stance: Option<Stance>,
    /// The role this outlet gave the speaker here.
    pub role: Option<String>,
    /// Word-level differences from the canonical wording.
    pub diff: Vec<DiffStep>,
    /// Speech quoted inside this quote.
    pub nested: Vec<NestedSpeech>,
}

/// Speech reported inside a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NestedSpeech {
    /// Its quote id.
    pub quote: String,
    /// Who speaks, as named.
    pub speaker: Option<String>,
    /// The words.
    pub text: String,
}

/// Which page to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page<'a> {
    /// One document: the index, then every sheet.
    All,
    /// The index alone, linking to one file per speaker (`<file>.<extension>`).
    Index,
    /// One speaker's sheet, by id.
    Speaker(&'a str),
}

/// A file name stem for a speaker id: lower-case ASCII letters, digits, `-` and `_` only.
pub fn file_stem(id: &str) -> String {
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

impl Sheets {
    /// Builds the sheets of a corpus with the default linker.
    pub fn build(extractions: &[Extraction]) -> Sheets {
        Sheets::build_with(extractions, &Linker::default())
    }

    /// Builds the sheets of a corpus with `linker`.
    pub fn build_with(extractions: &[Extraction], linker: &Linker) -> Sheets {
        let roster = Roster::build(extractions);
        let statements = linker.link(extractions);
        let mut quotes = BTreeMap::new();
        for e in extractions {
            for q in &e.quotes {
                quotes.insert(q.id.as_str(), (e, q));
            }
        }
        // Speech nested in each quote.
        let mut nested: BTreeMap<&str, Vec<NestedSpeech>> = BTreeMap::new();
        for (e, q) in quotes.values() {
            let _ = e;
            if let Some(parent) = &q.within {
                nested
                    .entry(parent.as_str())
                    .or_default()
                    .push(NestedSpeech {
                        quote: q.id.clone(),
                        speaker: q
                            .speaker
                            .as_ref()
                            .and_then(|s| s.name.clone().or(s.role.clone())),
                        text: q.text.clone(),
                    });
            }
        }
        let mut by_speaker: BTreeMap<String, Vec<SheetStatement>> = BTreeMap::new();
        for s in &statements {
            let speaker = s.speaker.clone().or_else(|| {
                s.members.iter().find_map(|m| {
                    let (_, q) = quotes.get(m.quote.as_str())?;
                    q.speaker
                        .as_ref()?
                        .id
                        .as_deref()
                        .map(|id| roster.corpus_id(id).to_string())
                })
            });
            let key = speaker.unwrap_or_else(|| "unattributed".to_string());
            let mut renderings: Vec<Rendering> = s
                .members
                .iter()
                .filter_map(|m| {
                    let (e, q) = quotes.get(m.quote.as_str())?;
                    Some(Rendering {
                        quote: m.quote.clone(),
                        article: m.article.clone(),
                        outlet: e.outlet.clone().unwrap_or_else(|| e.article.clone()),
                        date: e.date.clone(),
                        kind: q.kind,
                        relation: m.relation,
                        similarity: m.similarity,
                        text: q.text.clone(),
                        span: q.span,
                        cue: q.cue.as_ref().map(|c| c.text.clone()),
                        stance: q.cue.as_ref().map(|c| c.stance),
                        role: q.speaker.as_ref().and_then(|sp| sp.role.clone()),
                        diff: m.diff.clone(),
                        nested: nested.get(m.quote.as_str()).cloned().unwrap_or_default(),
                    })
                })
                .collect();
            renderings.sort_by(|a, b| {
                (a.relation != Relation::Canonical, &a.outlet, &a.quote).cmp(&(
                    b.relation != Relation::Canonical,
                    &b.outlet,
                    &b.quote,
                ))
            });
            let outlets: BTreeSet<&str> = renderings.iter().map(|r| r.outlet.as_str()).collect();
            by_speaker.entry(key).or_default().push(SheetStatement {
                cluster: s.cluster.clone(),
                canonical: s.canonical.clone(),
                reported_only: renderings.iter().all(|r| r.kind == QuoteKind::Indirect),
                outlets: outlets.len(),
                first_date: renderings.iter().filter_map(|r| r.date.clone()).min(),
                renderings,
            });
        }
        let mut speakers: Vec<SpeakerSheet> = by_speaker
            .into_iter()
            .map(|(id, mut statements)| {
                statements.sort_by(|a, b| {
                    b.outlets
                        .cmp(&a.outlets)
                        .then_with(|| match (&a.first_date, &b.first_date) {
                            (Some(x), Some(y)) => x.cmp(y),
                            (Some(_), None) => std::cmp::Ordering::Less,
                            (None, Some(_)) => std::cmp::Ordering::Greater,
                            (None, None) => std::cmp::Ordering::Equal,
                        })
                        .then_with(|| a.cluster.cmp(&b.cluster))
                });
                let entry = roster.entries().iter().find(|e| e.id == id);
                let outlets: BTreeSet<String> = statements
                    .iter()
                    .flat_map(|s| s.renderings.iter().map(|r| r.outlet.clone()))
                    .collect();
                SpeakerSheet {
                    name: entry.and_then(|e| e.name.clone()),
                    kind: entry.map_or(SpeakerKind::Unknown, |e| e.kind),
                    roles: entry.map(|e| e.roles.clone()).unwrap_or_default(),
                    outlets: outlets.into_iter().collect(),
                    id,
                    statements,
                }
            })
            .collect();
        let group = |k: SpeakerKind| match k {
            SpeakerKind::Person => 0,
            SpeakerKind::Organization => 1,
            _ => 2,
        };
        speakers.sort_by(|a, b| {
            group(a.kind)
                .cmp(&group(b.kind))
                .then_with(|| b.statements.len().cmp(&a.statements.len()))
                .then_with(|| a.id.cmp(&b.id))
        });
        let index = speakers
            .iter()
            .map(|s| IndexEntry {
                id: s.id.clone(),
                name: s.name.clone(),
                kind: s.kind,
                roles: s.roles.iter().map(|r| r.role.clone()).collect(),
                statements: s.statements.len(),
                outlets: s.outlets.len(),
                file: file_stem(&s.id),
            })
            .collect();
        Sheets { index, speakers }
    }

    /// Only the sheets of the given speaker ids (the index keeps only them too).
    pub fn only(mut self, ids: &[String]) -> Sheets {
        if !ids.is_empty() {
            self.speakers.retain(|s| ids.contains(&s.id));
            self.index.retain(|e| ids.contains(&e.id));
        }
        self
    }
}

/// The index in its three groups, empty groups left out: people, organisations, then anonymous
/// and other sources.
pub(crate) fn index_groups(sheets: &Sheets) -> Vec<(&'static str, Vec<&IndexEntry>)> {
    let group = |e: &IndexEntry| match e.kind {
        SpeakerKind::Person => 0,
        SpeakerKind::Organization => 1,
        _ => 2,
    };
    ["People", "Organisations", "Anonymous and other sources"]
        .into_iter()
        .enumerate()
        .map(|(g, heading)| {
            (
                heading,
                sheets
                    .index
                    .iter()
                    .filter(|e| group(e) == g)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, entries)| !entries.is_empty())
        .collect()
}

/// The display name of an index entry: the name, else the first role, else the id.
pub(crate) fn entry_name(e: &IndexEntry) -> &str {
    e.name
        .as_deref()
        .or(e.roles.first().map(String::as_str))
        .unwrap_or(&e.id)
}

/// "4 outlets · first 2026-08-14": how widely a statement was carried, and since when.
pub(crate) fn statement_meta(st: &SheetStatement) -> String {
    let date = st
        .first_date
        .as_deref()
        .map(|d| format!(" · first {d}"))
        .unwrap_or_default();
    format!("{}{date}", count(st.outlets, "outlet"))
}

/// Items escaped for the page and joined with commas ("Courier, The Ledger").
pub(crate) fn escaped_list(items: &[String], escape: fn(&str) -> String) -> String {
    items
        .iter()
        .map(|i| escape(i))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "1 statement", "3 outlets".
pub(crate) fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The display name of a sheet: the name, else the role, else the id.
pub(crate) fn title(s: &SpeakerSheet) -> String {
    s.name
        .clone()
        .or_else(|| s.roles.first().map(|r| r.role.clone()))
        .unwrap_or_else(|| s.id.clone())
}

pub(crate) fn kind_name(k: SpeakerKind) -> &'static str {
    match k {
        SpeakerKind::Person => "person",
        SpeakerKind::Organization => "organization",
        SpeakerKind::Anonymous => "anonymous source",
        _ => "unknown",
    }
}

pub(crate) fn quote_kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct quote",
        QuoteKind::Partial => "partial quote",
        _ => "reported speech",
    }
}

pub(crate) fn stance_name(s: Stance) -> &'static str {
    match s {
        Stance::Assertive => "assertive",
        Stance::Doubtful => "doubtful",
        _ => "neutral",
    }
}

pub(crate) fn reason_name(r: Option<crate::link::DiffReason>) -> &'static str {
    use crate::link::DiffReason::*;
    match r {
        Some(Spelling) => "spelling",
        Some(Alias) => "alias",
        Some(Number) => "number",
        Some(Inflection) => "inflection",
        _ => "wording",
    }
}

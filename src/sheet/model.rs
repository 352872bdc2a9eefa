//! The sheets as data: the JSON contract of `saywho sheet --format json` (see `docs/sheets.md`),
//! and the [`Page`] a writer is asked for.

use serde::{Deserialize, Serialize};

use super::overview::Overview;
use crate::link::{DiffStep, Relation};
use crate::{QuoteKind, Span, SpeakerKind, Stance};

/// All the sheets of a corpus.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Sheets {
    /// The corpus at a glance: the statements most outlets carried with who carried them in
    /// which form, the altered quotes, and quotes by day.
    pub overview: Overview,
    /// One entry per speaker, in index order: people, then organisations, then anonymous and
    /// other sources, each by number of statements.
    pub index: Vec<IndexEntry>,
    /// The sheets, in the same order.
    pub speakers: Vec<SpeakerSheet>,
}

/// A line of the index.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
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
    /// Number of quotes: the speaker's own renderings in those statements, the count
    /// `saywho speakers` gives (a statement carried under two speakers' names, as by an
    /// anonymous source in one outlet and by name in another, is on both sheets).
    pub quotes: usize,
    /// Number of outlets.
    pub outlets: usize,
    /// The file name stem of the page that shows the speaker when sheets are written to a
    /// folder (see [`IndexEntry::file_name`] and [`Sheets::file_names`]): the speaker's own,
    /// unique within the sheets built together, or [`Sheets::ANONYMOUS_FILE`] for an
    /// anonymous source.
    pub file: String,
    /// The id of the speaker's part of that page (and of a whole document), unique within
    /// the sheets built together; the same as `file` for a page of its own.
    pub anchor: String,
}

/// One speaker's sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SpeakerSheet {
    /// Speaker id.
    pub id: String,
    /// Name, if any.
    pub name: Option<String>,
    /// Kind.
    pub kind: SpeakerKind,
    /// Every role seen, with the outlets that used it; roles that differ only in case or
    /// spelling are one, with the other ways they were written.
    pub roles: Vec<SheetRole>,
    /// The outlets that quoted the speaker.
    pub outlets: Vec<String>,
    /// Statements, most widely carried first, then by first date.
    pub statements: Vec<SheetStatement>,
}

impl SpeakerSheet {
    /// Whether the sheet is shown on the page of anonymous sources, under the article that
    /// quotes it, rather than on a page of its own: an anonymous source, or any speaker whose
    /// id belongs to one article (`<article>/<role>`: a group or body known only by a role
    /// there). Every other speaker has a corpus-wide id and a page named after it.
    pub fn by_article(&self) -> bool {
        self.kind == SpeakerKind::Anonymous || self.id.contains('/')
    }
}

/// A role on a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SheetRole {
    /// The role as most quotes wrote it.
    pub role: String,
    /// The other ways it was written (case, spelling), most used first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<String>,
    /// How many of the speaker's quotes gave it.
    pub quotes: usize,
    /// The outlets that used it, sorted.
    pub outlets: Vec<String>,
}

/// One statement on a sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
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
    /// Each outlet's rendering, in date order (undated last), then by outlet.
    pub renderings: Vec<Rendering>,
}

impl SheetStatement {
    /// The id of the statement's part of a page: `st-`, its cluster id with every character
    /// but ASCII letters, digits, `-` and `_` as `-` (at most 60 of them), `-` and eight hex
    /// digits of a hash of the cluster id. Safe in a URL, an HTML attribute and Markdown,
    /// whatever the article ids hold.
    ///
    /// ```
    /// use saywho::{Article, Extractor};
    /// let a = Extractor::new().extract(&Article::new("a", "Mayor Ana Reyes said: “We are ready.”"));
    /// let sheets = saywho::sheet::Sheets::build(&[a]);
    /// let anchor = sheets.speakers[0].statements[0].anchor();
    /// assert!(anchor.starts_with("st-s-a-1-"), "{anchor}"); // the cluster id is `s-a#1`
    /// ```
    pub fn anchor(&self) -> String {
        let readable: String = self
            .cluster
            .chars()
            .take(60)
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let hash = xxhash_rust::xxh3::xxh3_64(self.cluster.as_bytes()) as u32;
        format!("st-{readable}-{hash:08x}")
    }

    /// Whether an outlet prints it altered (see [`Rendering::altered`]).
    pub fn altered(&self) -> bool {
        self.renderings.iter().any(|r| r.altered)
    }
}

/// One outlet's rendering of a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Rendering {
    /// Quote id.
    pub quote: String,
    /// Article id.
    pub article: String,
    /// Outlet: from the article's metadata, else a name made from the article id (the id
    /// without a trailing hash, or "article 3" when nothing readable is left).
    pub outlet: String,
    /// The speaker's corpus id in this article, if any.
    pub speaker: Option<String>,
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
    /// It gives other figures than the canonical wording, the words otherwise the same (see
    /// [`Member::numbers_differ`](crate::Member::numbers_differ)). In JSON only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub numbers_differ: bool,
    /// Its words in quote marks differ substantively from the canonical wording (see
    /// [`Member::altered`](crate::Member::altered)). In JSON only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub altered: bool,
    /// Speech quoted inside this quote.
    pub nested: Vec<NestedSpeech>,
}

impl Rendering {
    /// The steps of its diff that alter it (substantive and critical), in order; none unless
    /// it is [`altered`](Rendering::altered).
    pub fn alterations(&self) -> impl Iterator<Item = &DiffStep> {
        let altered = self.altered;
        self.diff.iter().filter(move |d| altered && d.alters())
    }
}

/// The key that puts dates in order, undated last (ISO dates compare as strings).
pub(crate) fn by_date(date: &Option<String>) -> (bool, Option<&str>) {
    (date.is_none(), date.as_deref())
}

/// Speech reported inside a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
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
#[non_exhaustive]
pub enum Page<'a> {
    /// One document: the index, then every sheet.
    All,
    /// The index alone, linking to one file per speaker (`<file>.<extension>`).
    Index,
    /// One speaker's sheet, by id. Finding it takes a scan of the sheets: to write every
    /// sheet, take the pages from [`Sheets::pages`], which need no search.
    Speaker(&'a str),
    /// One speaker's sheet, by position in [`Sheets::speakers`] (index order).
    SpeakerAt(usize),
    /// Every anonymous source on one page, grouped by the article that quotes them.
    Anonymous,
}

impl IndexEntry {
    /// The name of the speaker's file in a folder of sheets: `<file>.<ext>`.
    ///
    /// ```
    /// use saywho::{Article, Extractor};
    /// let a = Extractor::new().extract(&Article::new("a", "Mayor Ana Reyes said: “We are ready.”"));
    /// let sheets = saywho::sheet::Sheets::build(&[a]);
    /// assert_eq!(sheets.index[0].file_name("html"), "ana-reyes.html");
    /// ```
    pub fn file_name(&self, ext: &str) -> String {
        format!("{}.{ext}", self.file)
    }
}

impl Sheets {
    /// The file name stem of the index, which opens with the overview, in a folder of sheets.
    pub const INDEX_FILE: &'static str = "index";
    /// The file name stem of the page of anonymous sources (and of every speaker known only
    /// within one article, see [`SpeakerSheet::by_article`]) in a folder of sheets.
    pub const ANONYMOUS_FILE: &'static str = "anonymous-sources";

    /// Every page of a folder of sheets with its file name stem: the index
    /// ([`Sheets::INDEX_FILE`]), then one sheet per index entry that has a page of its own,
    /// in index order, then the page of anonymous sources ([`Sheets::ANONYMOUS_FILE`]) when
    /// there are any.
    ///
    /// ```
    /// use saywho::{Article, Extractor};
    /// use saywho::sheet::{Page, Sheets};
    /// let a = Extractor::new().extract(&Article::new("a", "Mayor Ana Reyes said: “We are ready.”"));
    /// let sheets = Sheets::build(&[a]);
    /// let pages: Vec<_> = sheets.pages().collect();
    /// assert_eq!(pages, [("index", Page::Index), ("ana-reyes", Page::SpeakerAt(0))]);
    /// ```
    pub fn pages(&self) -> impl Iterator<Item = (&str, Page<'_>)> {
        let own = |e: &&IndexEntry| e.file != Sheets::ANONYMOUS_FILE;
        let anonymous = self
            .index
            .iter()
            .any(|e| !own(&e))
            .then_some((Sheets::ANONYMOUS_FILE, Page::Anonymous));
        let sheets = self
            .index
            .iter()
            .enumerate()
            .filter(move |(_, e)| own(e))
            .map(|(i, e)| {
                // The index and the sheets are in the same order unless someone edited one of
                // them; then the sheet is found by id.
                let page = match self.speakers.get(i) {
                    Some(s) if s.id == e.id => Page::SpeakerAt(i),
                    _ => Page::Speaker(&e.id),
                };
                (e.file.as_str(), page)
            });
        std::iter::once((Sheets::INDEX_FILE, Page::Index))
            .chain(sheets)
            .chain(anonymous)
    }

    /// The names of the files of a folder of sheets with extension `ext`, in the order of
    /// [`Sheets::pages`]: `index.<ext>` first, then one per speaker. For sheets from
    /// [`Sheets::build`] they are unique, none but the first is the index's, each stem is at
    /// most 100 bytes of letters, digits, `-` and `_`, and the same corpus always gives the
    /// same names (see `docs/sheets.md`, *File names*).
    pub fn file_names(&self, ext: &str) -> Vec<String> {
        self.pages()
            .map(|(stem, _)| format!("{stem}.{ext}"))
            .collect()
    }

    /// The sheet a page shows, with its position in [`Sheets::speakers`]; `None` for the
    /// index, the whole document, the anonymous sources, or a speaker that has no sheet.
    pub(crate) fn sheet(&self, page: Page) -> Option<(usize, &SpeakerSheet)> {
        match page {
            Page::All | Page::Index | Page::Anonymous => None,
            Page::Speaker(id) => self.speakers.iter().enumerate().find(|(_, s)| s.id == id),
            Page::SpeakerAt(i) => self.speakers.get(i).map(|s| (i, s)),
        }
    }

    /// The index entry of the `i`-th sheet (found by position when the two agree, else by
    /// id), if it has one.
    pub(crate) fn entry_of(&self, i: usize) -> Option<&IndexEntry> {
        let s = &self.speakers[i];
        match self.index.get(i) {
            Some(e) if e.id == s.id => Some(e),
            _ => self.index.iter().find(|e| e.id == s.id),
        }
    }

    /// The anchor of the `i`-th sheet: its index entry's. A sheet with no index entry gets
    /// the stem of its id alone.
    pub(crate) fn anchor_of(&self, i: usize) -> std::borrow::Cow<'_, str> {
        self.entry_of(i).map_or_else(
            || {
                super::files::file_stems([self.speakers[i].id.as_str()])
                    .remove(0)
                    .into()
            },
            |e| e.anchor.as_str().into(),
        )
    }
}

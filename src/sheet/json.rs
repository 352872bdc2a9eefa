//! Sheets as JSON: the serde form of [`Sheets`], pretty-printed.

use std::io::{self, Write};

use serde::Serialize;

use super::labels;
use super::model::{IndexEntry, Page, Sheets, SpeakerSheet};
use super::overview::Overview;

/// The index page: the overview and the index.
#[derive(Serialize)]
struct IndexPage<'a> {
    overview: &'a Overview,
    index: &'a [IndexEntry],
}

/// The anonymous sources of one article.
#[derive(Serialize)]
struct ArticleSources<'a> {
    article: &'a str,
    outlet: &'a str,
    date: Option<&'a str>,
    sources: Vec<&'a SpeakerSheet>,
}

/// Writes `page` of `sheets` as pretty JSON and a newline: [`Sheets`] for [`Page::All`],
/// `{"overview", "index"}` for [`Page::Index`], one [`SpeakerSheet`](super::SpeakerSheet) for
/// a speaker (`null` when the speaker has no sheet), and for [`Page::Anonymous`] an array of
/// `{"article", "outlet", "date", "sources": [SpeakerSheet]}`.
pub fn write_json(w: &mut impl Write, sheets: &Sheets, page: Page) -> io::Result<()> {
    match page {
        Page::All => serde_json::to_writer_pretty(&mut *w, sheets)?,
        Page::Index => serde_json::to_writer_pretty(
            &mut *w,
            &IndexPage {
                overview: &sheets.overview,
                index: &sheets.index,
            },
        )?,
        Page::Speaker(_) | Page::SpeakerAt(_) => {
            serde_json::to_writer_pretty(&mut *w, &sheets.sheet(page).map(|(_, s)| s))?
        }
        Page::Anonymous => {
            let groups = labels::anonymous_by_article(sheets);
            let groups: Vec<ArticleSources> = groups
                .iter()
                .map(|g| ArticleSources {
                    article: &g.article,
                    outlet: &g.outlet,
                    date: g.date.as_deref(),
                    sources: g.sheets.iter().map(|&i| &sheets.speakers[i]).collect(),
                })
                .collect();
            serde_json::to_writer_pretty(&mut *w, &groups)?
        }
    }
    writeln!(w)
}

//! Sheets as JSON: the serde form of [`Sheets`], pretty-printed.

use std::io::{self, Write};

use super::model::{Page, Sheets};

/// Writes `page` of `sheets` as pretty JSON and a newline: [`Sheets`] for [`Page::All`], the
/// `index` array for [`Page::Index`], one [`SpeakerSheet`](super::SpeakerSheet) for a speaker
/// (`null` when the speaker has no sheet).
pub fn write_json(w: &mut impl Write, sheets: &Sheets, page: Page) -> io::Result<()> {
    match page {
        Page::All => serde_json::to_writer_pretty(&mut *w, sheets)?,
        Page::Index => serde_json::to_writer_pretty(&mut *w, &sheets.index)?,
        Page::Speaker(_) | Page::SpeakerAt(_) => {
            serde_json::to_writer_pretty(&mut *w, &sheets.sheet(page).map(|(_, s)| s))?
        }
    }
    writeln!(w)
}

//! Sheets as GitHub-flavoured Markdown.

use std::io::{self, Write};

use super::escape::{escape_markdown, markdown_code, url_path, Cell};
use super::labels::{self, Markup};
use super::model::{Page, Rendering, Sheets, SpeakerSheet};
use crate::link::Relation;
use crate::QuoteKind;

/// Markdown's escaping and diff marks: `**added**`, `~~dropped~~`, `~~old~~ **new** *(reason)*`.
struct Md;

impl Markup for Md {
    fn text(s: &str) -> String {
        escape_markdown(s)
    }
    fn inserted(words: &str) -> String {
        format!("**{words}**")
    }
    fn deleted(words: &str) -> String {
        format!("~~{words}~~")
    }
    fn replaced(canonical: &str, variant: &str, reason: &str) -> String {
        format!("~~{canonical}~~ **{variant}** *({reason})*")
    }
}

/// Writes `page` of `sheets` as Markdown. A speaker with no sheet gives an empty page.
pub fn write_markdown(w: &mut impl Write, sheets: &Sheets, page: Page) -> io::Result<()> {
    match page {
        Page::All => {
            index(w, sheets, false)?;
            for s in &sheets.speakers {
                writeln!(w)?;
                speaker(w, s, 2)?;
            }
            Ok(())
        }
        Page::Index => index(w, sheets, true),
        Page::Speaker(_) | Page::SpeakerAt(_) => match sheets.sheet(page) {
            Some((_, s)) => {
                speaker(w, s, 1)?;
                writeln!(w, "\n[{}]({}.md)", labels::ALL_SPEAKERS, Sheets::INDEX_FILE)
            }
            None => Ok(()),
        },
    }
}

fn index(w: &mut impl Write, sheets: &Sheets, links: bool) -> io::Result<()> {
    writeln!(w, "# {}\n", labels::TITLE)?;
    for (heading, entries) in labels::index_groups(sheets) {
        writeln!(w, "## {heading}\n")?;
        writeln!(
            w,
            "| Speaker | Kind | Roles | Statements | Quotes | Outlets |"
        )?;
        writeln!(w, "|---|---|---|---:|---:|---:|")?;
        for e in entries {
            let name = Md::text(labels::entry_name(e));
            let name = if links {
                format!("[{name}]({}.md)", url_path(&e.file))
            } else {
                name
            };
            writeln!(
                w,
                "| {name} | {} | {} | {} | {} | {} |",
                e.kind.label(),
                labels::entry_roles::<Md>(e),
                e.statements,
                e.quotes,
                e.outlets
            )?;
        }
        writeln!(w)?;
    }
    Ok(())
}

fn speaker(w: &mut impl Write, s: &SpeakerSheet, level: usize) -> io::Result<()> {
    let h = "#".repeat(level);
    writeln!(w, "{h} {}\n", Md::text(labels::title(s)))?;
    writeln!(
        w,
        "{} · id {}\n",
        labels::speaker_meta(s),
        markdown_code(&s.id, Cell::Text)
    )?;
    if !s.roles.is_empty() {
        writeln!(w, "**Roles**\n")?;
        for r in labels::roles::<Md>(s) {
            writeln!(w, "- {} ({}) — {}", r.role, r.quotes, r.outlets)?;
        }
        writeln!(w)?;
    }
    for (i, st) in s.statements.iter().enumerate() {
        writeln!(w, "{h}# {}. {}\n", i + 1, labels::statement_meta::<Md>(st))?;
        if st.reported_only {
            writeln!(
                w,
                "Reported (no quote marks): {}\n",
                Md::text(&st.canonical)
            )?;
        } else {
            writeln!(w, "> {}\n", Md::text(&st.canonical))?;
        }
        writeln!(w, "| Outlet | Date | Kind | Cue | As published | Source |")?;
        writeln!(w, "|---|---|---|---|---|---|")?;
        for r in &st.renderings {
            rendering(w, r)?;
        }
        writeln!(w)?;
    }
    Ok(())
}

fn rendering(w: &mut impl Write, r: &Rendering) -> io::Result<()> {
    let cue = labels::cue::<Md>(r).map_or_else(|| "—".to_string(), |(c, s)| format!("{c} ({s})"));
    let mut text = labels::words::<Md>(r);
    if r.kind == QuoteKind::Indirect {
        text = format!("reported: {text}");
    }
    let relation = match (r.relation, r.numbers_differ) {
        (Relation::Fragment, _) => " (fragment)",
        (_, true) => " (**other figures**)",
        (Relation::Canonical | Relation::Variant | Relation::Reported, false) => "",
    };
    for n in &r.nested {
        text.push(' ');
        text.push_str(&labels::nested::<Md>(n));
    }
    let role = labels::role_here::<Md>(r)
        .map(|x| format!(" — {x}"))
        .unwrap_or_default();
    writeln!(
        w,
        "| {}{role} | {} | {}{relation} | {cue} | {text} | {} bytes {}–{} |",
        Md::text(&r.outlet),
        r.date.as_deref().map_or_else(|| "—".to_string(), Md::text),
        r.kind.label(),
        markdown_code(&r.quote, Cell::Table),
        r.span.start,
        r.span.end
    )
}

//! Sheets as GitHub-flavoured Markdown.

use std::io::{self, Write};

use super::escape::escape_markdown as esc;
use super::{
    kind_name, quote_kind_name, reason_name, stance_name, title, Page, Rendering, Sheets,
    SpeakerSheet,
};
use crate::link::{DiffOp, Relation};
use crate::QuoteKind;

/// Writes `page` of `sheets` as Markdown.
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
        Page::Speaker(id) => match sheets.speakers.iter().find(|s| s.id == id) {
            Some(s) => {
                speaker(w, s, 1)?;
                writeln!(w, "\n[All speakers](index.md)")
            }
            None => Ok(()),
        },
    }
}

fn index(w: &mut impl Write, sheets: &Sheets, links: bool) -> io::Result<()> {
    writeln!(w, "# Who said what\n")?;
    for (heading, entries) in super::index_groups(sheets) {
        writeln!(w, "## {heading}\n")?;
        writeln!(w, "| Speaker | Kind | Roles | Statements | Outlets |")?;
        writeln!(w, "|---|---|---|---:|---:|")?;
        for e in entries {
            let name = esc(super::entry_name(e));
            let name = if links {
                format!("[{name}]({}.md)", e.file)
            } else {
                name
            };
            let roles = e
                .roles
                .iter()
                .map(|r| esc(r))
                .collect::<Vec<_>>()
                .join("; ");
            writeln!(
                w,
                "| {name} | {} | {roles} | {} | {} |",
                kind_name(e.kind),
                e.statements,
                e.outlets
            )?;
        }
        writeln!(w)?;
    }
    Ok(())
}

fn speaker(w: &mut impl Write, s: &SpeakerSheet, level: usize) -> io::Result<()> {
    let h = "#".repeat(level);
    writeln!(w, "{h} {}\n", esc(&title(s)))?;
    writeln!(
        w,
        "{} · {} · {} · id `{}`\n",
        kind_name(s.kind),
        super::count(s.statements.len(), "statement"),
        super::count(s.outlets.len(), "outlet"),
        s.id
    )?;
    if !s.roles.is_empty() {
        writeln!(w, "**Roles**\n")?;
        for r in &s.roles {
            let outlets = super::escaped_list(&r.outlets, esc);
            writeln!(w, "- {} ({}) — {outlets}", esc(&r.role), r.quotes)?;
        }
        writeln!(w)?;
    }
    for (i, st) in s.statements.iter().enumerate() {
        writeln!(w, "{h}# {}. {}\n", i + 1, super::statement_meta(st))?;
        if st.reported_only {
            writeln!(w, "Reported (no quote marks): {}\n", esc(&st.canonical))?;
        } else {
            writeln!(w, "> {}\n", esc(&st.canonical))?;
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
    let cue = match (&r.cue, r.stance) {
        (Some(c), Some(s)) => format!("{} ({})", esc(c), stance_name(s)),
        _ => "—".to_string(),
    };
    let mut text = if r.relation == Relation::Canonical {
        esc(&r.text)
    } else {
        r.diff
            .iter()
            .map(|d| match d.op {
                DiffOp::Equal => esc(&d.variant),
                DiffOp::Insert => format!("**{}**", esc(&d.variant)),
                DiffOp::Delete => format!("~~{}~~", esc(&d.canonical)),
                _ => format!(
                    "~~{}~~ **{}** *({})*",
                    esc(&d.canonical),
                    esc(&d.variant),
                    reason_name(d.reason)
                ),
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    if r.kind == QuoteKind::Indirect {
        text = format!("reported: {text}");
    }
    let relation = match r.relation {
        Relation::Fragment => " (fragment)",
        _ => "",
    };
    for n in &r.nested {
        let who = n
            .speaker
            .as_deref()
            .map(esc)
            .unwrap_or_else(|| "someone".into());
        text.push_str(&format!(" ↳ quotes {who}: “{}”", esc(&n.text)));
    }
    writeln!(
        w,
        "| {}{} | {} | {}{relation} | {cue} | {text} | `{}` bytes {}–{} |",
        esc(&r.outlet),
        r.role
            .as_deref()
            .map(|x| format!(" — {}", esc(x)))
            .unwrap_or_default(),
        r.date.as_deref().unwrap_or("—"),
        quote_kind_name(r.kind),
        r.quote,
        r.span.start,
        r.span.end
    )
}

//! Sheets as GitHub-flavoured Markdown.

use std::io::{self, Write};

use super::escape::{escape_markdown, markdown_code, Cell};
use super::labels::{self, Markup};
use super::model::{Page, Rendering, Sheets, SpeakerSheet};
use crate::link::{DiffOp, Relation, Significance};
use crate::QuoteKind;

/// Markdown's escaping and diff marks, the reason always in words: cosmetic steps show the
/// new words with the reason in italics (`harbor *(spelling)*`), substantive ones
/// `~~old~~ **new** *(wording)*`, critical ones the same with a bold `⚠` reason, extent the
/// added words plain and the left-out ones as `…`.
struct Md;

impl Markup for Md {
    fn text(s: &str) -> String {
        escape_markdown(s)
    }
    fn step(
        op: DiffOp,
        canonical: &str,
        variant: &str,
        weight: Significance,
        label: Option<&str>,
    ) -> String {
        let why = |l: &str| match weight {
            Significance::Critical => format!(" **⚠ {l}**"),
            _ => format!(" *({l})*"),
        };
        let why = label.map(why).unwrap_or_default();
        match (weight, op) {
            (Significance::Extent, DiffOp::Delete) => "…".into(),
            (Significance::Extent, _) => variant.into(),
            (Significance::Cosmetic, DiffOp::Delete) => format!("…{why}"),
            (Significance::Cosmetic, _) => format!("{variant}{why}"),
            (_, DiffOp::Insert) => format!("**{variant}**{why}"),
            (_, DiffOp::Delete) => format!("~~{canonical}~~{why}"),
            (_, DiffOp::Replace | DiffOp::Equal) => {
                format!("~~{canonical}~~ **{variant}**{why}")
            }
        }
    }
}

/// Writes `page` of `sheets` as Markdown. A speaker with no sheet gives an empty page.
pub fn write_markdown(w: &mut impl Write, sheets: &Sheets, page: Page) -> io::Result<()> {
    match page {
        Page::All => {
            overview(w, sheets, false)?;
            index(w, sheets, false)?;
            for (i, s) in sheets.speakers.iter().enumerate() {
                if !s.by_article() {
                    writeln!(w)?;
                    speaker(w, s, &sheets.anchor_of(i), 2)?;
                }
            }
            anonymous(w, sheets, 2)
        }
        Page::Index => {
            overview(w, sheets, true)?;
            index(w, sheets, true)
        }
        Page::Anonymous => {
            anonymous(w, sheets, 1)?;
            writeln!(w, "\n[{}]({}.md)", labels::ALL_SPEAKERS, Sheets::INDEX_FILE)
        }
        Page::Speaker(_) | Page::SpeakerAt(_) => match sheets.sheet(page) {
            Some((i, s)) => {
                speaker(w, s, &sheets.anchor_of(i), 1)?;
                writeln!(w, "\n[{}]({}.md)", labels::ALL_SPEAKERS, Sheets::INDEX_FILE)
            }
            None => Ok(()),
        },
    }
}

/// The legend, as a list with a sample of each mark.
fn legend(w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "**{}**\n", labels::LEGEND)?;
    for (name, sample, covers) in labels::legend::<Md>() {
        writeln!(w, "- {name}: {sample} — {covers}")?;
    }
    writeln!(w)
}

/// A link to a page of a folder (`files`) or to a part of the whole document.
fn link(files: bool, file: &str, anchor: &str) -> String {
    labels::target(files, "md", file, anchor)
}

fn overview(w: &mut impl Write, sheets: &Sheets, files: bool) -> io::Result<()> {
    let o = &sheets.overview;
    writeln!(w, "# {}\n", labels::TITLE)?;
    writeln!(
        w,
        "{} · {} · {} · {}\n",
        labels::count(o.articles, "article"),
        labels::count(o.outlets.len(), "outlet"),
        labels::count(o.statements, "statement"),
        labels::count(sheets.index.len(), "speaker"),
    )?;
    legend(w)?;
    writeln!(w, "## {}\n\n{}\n", labels::ALTERED, labels::ALTERED_NOTE)?;
    if o.altered.is_empty() {
        writeln!(w, "None.\n")?;
    }
    for a in &o.altered {
        writeln!(
            w,
            "- [{}]({}): **{}** prints {} {} — “{}”",
            Md::text(&a.place.speaker_name),
            link(files, &a.place.file, &a.place.anchor),
            labels::altered_source::<Md>(a),
            labels::steps::<Md>(&a.changes),
            labels::altered_against::<Md>(a),
            Md::text(&labels::excerpt(&a.canonical))
        )?;
    }
    if !o.altered.is_empty() {
        writeln!(w)?;
    }
    writeln!(w, "## {}\n", labels::CARRIED)?;
    if o.carried.is_empty() {
        writeln!(w, "No statement was carried by two outlets or more.\n")?;
    } else {
        writeln!(w, "{}\n", labels::FORMS_KEY)?;
        write!(w, "| Speaker | Statement |")?;
        for outlet in &o.outlets {
            write!(w, " {} |", Md::text(outlet).replace('|', "\\|"))?;
        }
        write!(w, "\n|---|---|")?;
        for _ in &o.outlets {
            write!(w, ":-:|")?;
        }
        writeln!(w)?;
        for row in &o.carried {
            write!(
                w,
                "| {} | [{}]({}) |",
                Md::text(&row.place.speaker_name).replace('|', "\\|"),
                Md::text(&labels::excerpt(&row.canonical)).replace('|', "\\|"),
                link(files, &row.place.file, &row.place.anchor)
            )?;
            let mut cells = row.cells.iter().peekable();
            for outlet in &o.outlets {
                match cells.next_if(|c| &c.outlet == outlet) {
                    Some(c) => write!(
                        w,
                        " {}{} |",
                        c.form.letter(),
                        if c.altered { "!" } else { "" }
                    )?,
                    None => write!(w, "  |")?,
                }
            }
            writeln!(w)?;
        }
        writeln!(w)?;
        if o.more_carried > 0 {
            writeln!(
                w,
                "{} more carried by two outlets or more: see the speakers' pages.\n",
                o.more_carried
            )?;
        }
    }
    writeln!(w, "## {}\n", labels::TIMELINE)?;
    if o.timeline.is_empty() {
        writeln!(w, "No article is dated.\n")?;
    } else {
        writeln!(
            w,
            "| Date | Quotes | Outlets | First carried |\n|---|---:|---:|---:|"
        )?;
        for d in &o.timeline {
            writeln!(
                w,
                "| {} | {} | {} | {} |",
                Md::text(&d.date),
                d.quotes,
                d.outlets,
                d.new_statements
            )?;
        }
        writeln!(w)?;
        if o.undated > 0 {
            writeln!(w, "{} undated.\n", labels::count(o.undated, "quote"))?;
        }
    }
    Ok(())
}

fn index(w: &mut impl Write, sheets: &Sheets, files: bool) -> io::Result<()> {
    writeln!(w, "## Speakers\n")?;
    for (heading, entries) in labels::index_groups(sheets) {
        writeln!(w, "### {heading}\n")?;
        writeln!(
            w,
            "| Speaker | Kind | Roles | Statements | Quotes | Outlets |"
        )?;
        writeln!(w, "|---|---|---|---:|---:|---:|")?;
        for e in entries {
            let name = format!(
                "[{}]({})",
                Md::text(labels::entry_name(e)),
                link(files, &e.file, &e.anchor)
            );
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

fn speaker(w: &mut impl Write, s: &SpeakerSheet, id: &str, level: usize) -> io::Result<()> {
    let h = "#".repeat(level);
    writeln!(w, "{}\n", anchor(id))?;
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
            let variants = if r.variants.is_empty() {
                String::new()
            } else {
                format!(" ({})", r.variants)
            };
            writeln!(w, "- {}{variants} ({}) — {}", r.role, r.quotes, r.outlets)?;
        }
        writeln!(w)?;
    }
    if level == 1 {
        legend(w)?;
    }
    let mut altered = labels::altered_on_sheet(s).peekable();
    if altered.peek().is_some() {
        writeln!(w, "**{}**\n", labels::ALTERED)?;
        for (i, r) in altered {
            writeln!(
                w,
                "- Statement {}: **{}** prints {}",
                i + 1,
                Md::text(&r.outlet),
                labels::steps::<Md>(r.alterations())
            )?;
        }
        writeln!(w)?;
    }
    for (i, st) in s.statements.iter().enumerate() {
        let flag = if st.altered() { " · **altered**" } else { "" };
        writeln!(w, "{}\n", anchor(&st.anchor()))?;
        writeln!(
            w,
            "{h}# {}. {}{flag}\n",
            i + 1,
            labels::statement_meta::<Md>(st)
        )?;
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
    let mut text = labels::words::<Md>(r).replace('|', "\\|");
    if r.kind == QuoteKind::Indirect {
        text = format!("reported: {text}");
    }
    let relation = match (r.relation, r.numbers_differ, r.altered) {
        (Relation::Canonical, _, _) => " (canonical)",
        (_, true, _) => " (**other figures**)",
        (Relation::Fragment, _, true) => " (fragment, **altered**)",
        (Relation::Fragment, _, false) => " (fragment)",
        (_, _, true) => " (**altered**)",
        (Relation::Variant | Relation::Reported, _, false) => "",
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

/// An HTML anchor for links into a Markdown page (GitHub keeps `<a id>`; headings' own
/// anchors depend on their text).
fn anchor(id: &str) -> String {
    format!("<a id=\"{}\"></a>", super::escape_html(id))
}

/// The anonymous sources grouped by article, under a heading of `level`.
fn anonymous(w: &mut impl Write, sheets: &Sheets, level: usize) -> io::Result<()> {
    let groups = labels::anonymous_by_article(sheets);
    if groups.is_empty() {
        return Ok(());
    }
    let h = "#".repeat(level);
    writeln!(w, "\n{h} {}\n", labels::ANONYMOUS)?;
    if level == 1 {
        legend(w)?;
    }
    for g in groups {
        writeln!(w, "{h}# {}\n", labels::article_heading::<Md>(&g))?;
        for i in g.sheets {
            speaker(w, &sheets.speakers[i], &sheets.anchor_of(i), level + 2)?;
        }
    }
    Ok(())
}

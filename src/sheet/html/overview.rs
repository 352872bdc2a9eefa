//! The overview at the top of the index: counts, the altered quotes, the statement × outlet
//! grid and the quotes by day as an inline SVG chart.

use std::io::{self, Write};

use super::{href, Html};
use crate::sheet::labels::{self, Markup};
use crate::sheet::model::{Sheets, SpeakerSheet};
use crate::sheet::overview::{Altered, Form};

/// The overview: a title and counts, the altered quotes, the grid, the timeline.
pub(super) fn overview(w: &mut impl Write, sheets: &Sheets, files: bool) -> io::Result<()> {
    let o = &sheets.overview;
    writeln!(
        w,
        "<header><h1>{}</h1><p class=\"meta\">{} · {} · {} · {}</p></header>",
        labels::TITLE,
        labels::count(o.articles, "article"),
        labels::count(o.outlets.len(), "outlet"),
        labels::count(o.statements, "statement"),
        labels::count(sheets.index.len(), "speaker"),
    )?;
    super::legend(w)?;
    writeln!(
        w,
        "<section class=\"altered\" id=\"altered\"><h2>{}</h2>",
        labels::ALTERED
    )?;
    writeln!(w, "<p class=\"meta\">{}</p>", labels::ALTERED_NOTE)?;
    altered_list(w, o.altered.iter(), |a| {
        Some(format!(
            "<a href=\"{}\">{}</a>: ",
            Html::text(&href(files, &a.place.file, &a.place.anchor)),
            Html::text(&a.place.speaker_name)
        ))
    })?;
    writeln!(w, "</section>")?;
    grid(w, sheets, files)?;
    timeline(w, sheets)
}

/// The altered quotes among a sheet's statements, above them; nothing when there are none.
pub(super) fn altered_on_sheet(w: &mut impl Write, s: &SpeakerSheet, h: &str) -> io::Result<()> {
    let mut altered = labels::altered_on_sheet(s).peekable();
    if altered.peek().is_none() {
        return Ok(());
    }
    writeln!(
        w,
        "<section class=\"altered\"><{h}>{}</{h}>\n<ul class=\"altered-list\">",
        labels::ALTERED
    )?;
    for (i, r) in altered {
        writeln!(
            w,
            "<li data-filter><strong>{}</strong> prints {} — <a href=\"#{}\">the statement</a></li>",
            labels::dated_outlet::<Html>(&r.outlet, r.date.as_deref()),
            labels::steps::<Html>(r.alterations()),
            Html::text(&crate::sheet::escape::url_path(&s.statements[i].anchor()))
        )?;
    }
    writeln!(w, "</ul></section>")
}

/// A list of altered quotes, each opened by `lead` (the speaker, on the overview).
fn altered_list<'a>(
    w: &mut impl Write,
    altered: impl Iterator<Item = &'a Altered>,
    lead: impl Fn(&Altered) -> Option<String>,
) -> io::Result<()> {
    let mut any = false;
    for a in altered {
        if !any {
            writeln!(w, "<ul class=\"altered-list\">")?;
            any = true;
        }
        writeln!(
            w,
            "<li data-filter>{}<strong>{}</strong> prints {} {} — “{}”</li>",
            lead(a).unwrap_or_default(),
            labels::altered_source::<Html>(a),
            labels::steps::<Html>(&a.changes),
            labels::altered_against::<Html>(a),
            Html::text(&labels::excerpt(&a.canonical))
        )?;
    }
    if any {
        writeln!(w, "</ul>")
    } else {
        writeln!(w, "<p>None: every outlet that quotes a statement in marks prints the same words, up to spelling and marked cuts.</p>")
    }
}

/// The statement × outlet grid.
fn grid(w: &mut impl Write, sheets: &Sheets, files: bool) -> io::Result<()> {
    let o = &sheets.overview;
    writeln!(w, "<section class=\"carried\"><h2>{}</h2>", labels::CARRIED)?;
    if o.carried.is_empty() {
        return writeln!(
            w,
            "<p>No statement was carried by two outlets or more.</p></section>"
        );
    }
    writeln!(
        w,
        "<p class=\"meta\">{}</p>\n<div class=\"grid-wrap\"><table class=\"grid\">\n<thead><tr><th>Speaker</th><th>Statement</th>",
        labels::FORMS_KEY
    )?;
    for outlet in &o.outlets {
        writeln!(w, "<th class=\"outlet\">{}</th>", Html::text(outlet))?;
    }
    writeln!(w, "</tr></thead>\n<tbody>")?;
    for row in &o.carried {
        write!(
            w,
            "<tr data-filter><td>{}</td><td><a href=\"{}\">{}</a> <span class=\"meta\">{}</span></td>",
            Html::text(&row.place.speaker_name),
            Html::text(&href(files, &row.place.file, &row.place.anchor)),
            Html::text(&labels::excerpt(&row.canonical)),
            Html::text(row.first_date.as_deref().unwrap_or("")),
        )?;
        let mut cells = row.cells.iter().peekable();
        for outlet in &o.outlets {
            match cells.next_if(|c| &c.outlet == outlet) {
                Some(c) => {
                    let (class, mark) = if c.altered {
                        (format!("{} altered", c.form.as_str()), "!")
                    } else {
                        (c.form.as_str().to_string(), "")
                    };
                    write!(
                        w,
                        "<td class=\"form\"><span class=\"{class}\" title=\"{}: {}{}\">{}{mark}</span></td>",
                        Html::text(outlet),
                        form_name(c.form),
                        if c.altered { ", altered" } else { "" },
                        c.form.letter()
                    )?;
                }
                None => write!(w, "<td class=\"form\"></td>")?,
            }
        }
        writeln!(w, "</tr>")?;
    }
    writeln!(w, "</tbody></table></div>")?;
    if o.more_carried > 0 {
        writeln!(
            w,
            "<p class=\"meta\">{} more carried by two outlets or more: see the speakers' pages.</p>",
            o.more_carried
        )?;
    }
    writeln!(w, "</section>")
}

fn form_name(f: Form) -> &'static str {
    match f {
        Form::Quoted => "quoted in full",
        Form::Partial => "partial quote",
        Form::Fragment => "fragment",
        Form::Reported => "reported",
    }
}

/// Quotes by day as bars, each with its count above and its date below (readable in print
/// without colour), and the count of undated quotes.
fn timeline(w: &mut impl Write, sheets: &Sheets) -> io::Result<()> {
    let o = &sheets.overview;
    writeln!(
        w,
        "<section class=\"timeline\"><h2>{}</h2>",
        labels::TIMELINE
    )?;
    if o.timeline.is_empty() {
        writeln!(w, "<p>No article is dated.</p>")?;
    } else {
        let n = o.timeline.len();
        let step = (720 / n).clamp(12, 56);
        let (left, top, height) = (8, 18, 120);
        let width = left * 2 + step * n;
        let most = o
            .timeline
            .iter()
            .map(|d| d.quotes)
            .max()
            .unwrap_or(1)
            .max(1);
        // Label every k-th day when the bars are narrow.
        let every = (40 / step).max(1);
        writeln!(
            w,
            "<svg class=\"timeline\" role=\"img\" aria-label=\"Quotes published per day\" viewBox=\"0 0 {width} {}\" width=\"{width}\" height=\"{}\">",
            top + height + 30,
            top + height + 30
        )?;
        for (k, d) in o.timeline.iter().enumerate() {
            let h = (d.quotes * height).div_ceil(most).max(1);
            let x = left + k * step;
            let bar = step * 3 / 4;
            writeln!(
                w,
                "<g><title>{}: {} from {}, {} first carried</title><rect x=\"{x}\" y=\"{}\" width=\"{bar}\" height=\"{h}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>{}</g>",
                Html::text(&d.date),
                labels::count(d.quotes, "quote"),
                labels::count(d.outlets, "outlet"),
                labels::count(d.new_statements, "statement"),
                top + height - h,
                x + bar / 2,
                top + height - h - 4,
                d.quotes,
                if k % every == 0 {
                    format!(
                        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                        x + bar / 2,
                        top + height + 16,
                        Html::text(d.date.get(5..).unwrap_or(&d.date))
                    )
                } else {
                    String::new()
                }
            )?;
        }
        writeln!(w, "</svg>")?;
        let (first, last) = (&o.timeline[0].date, &o.timeline[n - 1].date);
        writeln!(
            w,
            "<p class=\"meta\">{} to {}{}</p>",
            Html::text(first),
            Html::text(last),
            if o.undated > 0 {
                format!(" · {} undated", labels::count(o.undated, "quote"))
            } else {
                String::new()
            }
        )?;
    }
    writeln!(w, "</section>")
}

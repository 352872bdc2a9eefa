//! The `speakers` table: aligned plain text.

use std::io::{self, Write};

use saywho::SpeakerEntry;

/// The roster as an aligned plain-text table: one row a speaker, with the per-article ids
/// merged into it (ALIASES) and its roles last.
pub fn write_table(out: &mut impl Write, entries: &[SpeakerEntry]) -> io::Result<()> {
    let rows: Vec<[String; 7]> = entries
        .iter()
        .map(|e| {
            let roles: Vec<String> = e
                .roles
                .iter()
                .map(|r| format!("{} ({})", r.role, r.quotes))
                .collect();
            [
                e.id.clone(),
                e.name.clone().unwrap_or_else(|| "—".into()),
                e.kind.as_str().to_string(),
                format!("{} ({} reported)", e.quotes, e.reported),
                e.outlets.len().to_string(),
                if e.aliases.is_empty() {
                    "—".into()
                } else {
                    e.aliases.join(", ")
                },
                roles.join("; "),
            ]
        })
        .collect();
    let header = [
        "ID", "NAME", "KIND", "QUOTES", "OUTLETS", "ALIASES", "ROLES",
    ]
    .map(String::from);
    let width = |c: usize| {
        std::iter::once(&header)
            .chain(&rows)
            .map(|r| r[c].chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..6).map(width).collect();
    for row in std::iter::once(&header).chain(&rows) {
        let mut line = String::new();
        for (c, w) in widths.iter().enumerate() {
            line.push_str(&format!("{:<w$}  ", row[c], w = *w));
        }
        line.push_str(&row[6]);
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

//! What the sheets say, in one place: titles, counts, entry names, statement meta, kind and
//! reason names, and the pieces both writers show — roles, the words of a rendering with their
//! differences, nested speech and cues.
//!
//! The pieces are walked here once, generic over a [`Markup`]: a writer says how its format
//! escapes text and marks added and dropped words, and only lays the pieces out.

use super::model::{
    by_date, IndexEntry, NestedSpeech, Rendering, SheetRole, SheetStatement, Sheets, SpeakerSheet,
};
use super::overview::Altered;
use crate::link::{DiffOp, DiffStep, Relation, Significance};
use crate::Stance;

/// The title of a whole document and of the index.
pub(crate) const TITLE: &str = "Who said what";
/// The link from a speaker's page back to the index.
pub(crate) const ALL_SPEAKERS: &str = "All speakers";
/// The heading of the altered quotes.
pub(crate) const ALTERED: &str = "Altered quotes";
/// What the altered quotes are.
pub(crate) const ALTERED_NOTE: &str = "Outlets whose words inside quote marks differ substantively from what the other outlets print for the same statement (another figure, a negation, words changed, added or cut), not only in spelling or a cut marked as one.";
/// The heading of the grid.
pub(crate) const CARRIED: &str = "Statements carried by the most outlets";
/// The key of the grid's letters.
pub(crate) const FORMS_KEY: &str =
    "Q quoted in full · P partial quote · F fragment · R reported, no quote marks · ! altered";
/// The heading of the timeline.
pub(crate) const TIMELINE: &str = "Quotes by day";
/// The title of the page of anonymous sources.
pub(crate) const ANONYMOUS: &str = "Anonymous and unnamed sources";
/// The heading of the legend.
pub(crate) const LEGEND: &str = "How to read the differences";
/// One line of the legend: a weight of difference, a sample step of it (op, canonical and
/// variant words, label) and what it covers.
pub(crate) struct LegendItem {
    pub(crate) weight: Significance,
    pub(crate) op: DiffOp,
    pub(crate) canonical: &'static str,
    pub(crate) variant: &'static str,
    pub(crate) label: Option<&'static str>,
    pub(crate) covers: &'static str,
}

/// The legend: how each weight of difference is shown and what it covers.
pub(crate) const LEGEND_ITEMS: [LegendItem; 4] = [
    LegendItem {
        weight: Significance::Critical,
        op: DiffOp::Replace,
        canonical: "19",
        variant: "12",
        label: Some("other figure"),
        covers: "another figure, or a negation added, dropped or swapped: marked most strongly",
    },
    LegendItem {
        weight: Significance::Substantive,
        op: DiffOp::Replace,
        canonical: "defend",
        variant: "protect",
        label: Some("wording"),
        covers: "words changed, added or left out inside the quote marks, or another word form",
    },
    LegendItem {
        weight: Significance::Cosmetic,
        op: DiffOp::Replace,
        canonical: "harbour",
        variant: "harbor",
        label: Some("spelling"),
        covers: "the same words written another way: spelling, alias, numeral, a cut marked with … or words in [brackets]; case and punctuation are not marked",
    },
    LegendItem {
        weight: Significance::Extent,
        op: DiffOp::Delete,
        canonical: "and then some",
        variant: "",
        label: None,
        covers: "more or less of the statement than the canonical wording: words beyond either end of the quote, greyed (a fragment shows the rest of the statement this way)",
    },
];
/// Who speaks in nested speech with no speaker named.
const SOMEONE: &str = "someone";
/// The headings of the index groups, by [`SpeakerKind::listing_order`](crate::SpeakerKind)
/// (anonymous and unknown sources share the last group).
const GROUPS: [&str; 3] = ["People", "Organisations", "Anonymous and other sources"];

/// How a format writes the pieces the two writers share.
pub(crate) trait Markup {
    /// Text escaped for the format.
    fn text(s: &str) -> String;
    /// A step that is not `equal`: its op, its words on both sides (already escaped; one
    /// side is empty for an insert or a delete), its weight, and what a reader is told it
    /// is ("spelling", "added"; none for extent).
    fn step(
        op: DiffOp,
        canonical: &str,
        variant: &str,
        weight: Significance,
        label: Option<&str>,
    ) -> String;
}

/// "1 statement", "3 outlets".
pub(crate) fn count(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// The display name of a sheet: the name, else the first role, else the id.
pub(crate) fn title(s: &SpeakerSheet) -> &str {
    s.name
        .as_deref()
        .or(s.roles.first().map(|r| r.role.as_str()))
        .unwrap_or(&s.id)
}

/// The display name of an index entry: the name, else the first role, else the id.
pub(crate) fn entry_name(e: &IndexEntry) -> &str {
    e.name
        .as_deref()
        .or(e.roles.first().map(String::as_str))
        .unwrap_or(&e.id)
}

/// "person · 3 statements · 2 outlets": who a sheet is about, in numbers.
pub(crate) fn speaker_meta(s: &SpeakerSheet) -> String {
    format!(
        "{} · {} · {}",
        s.kind.label(),
        count(s.statements.len(), "statement"),
        count(s.outlets.len(), "outlet")
    )
}

/// "4 outlets · first 2026-08-14": how widely a statement was carried, and since when (the
/// date escaped).
pub(crate) fn statement_meta<M: Markup>(st: &SheetStatement) -> String {
    let date = st
        .first_date
        .as_deref()
        .map(|d| format!(" · first {}", M::text(d)))
        .unwrap_or_default();
    format!("{}{date}", count(st.outlets, "outlet"))
}

/// The lines of the legend, escaped for `M`: the weight's name, a sample step of it, and
/// what it covers.
pub(crate) fn legend<M: Markup>() -> impl Iterator<Item = (&'static str, String, String)> {
    LEGEND_ITEMS.iter().map(|item| {
        let sample = M::step(
            item.op,
            item.canonical,
            item.variant,
            item.weight,
            item.label,
        );
        (weight_name(item.weight), sample, M::text(item.covers))
    })
}

/// Where a link to a speaker or statement points: a page of a folder of files with extension
/// `ext` (`files`), or a part of the whole document; `file` and `anchor` as in
/// [`IndexEntry`], percent-encoded.
pub(crate) fn target(files: bool, ext: &str, file: &str, anchor: &str) -> String {
    use super::escape::url_path;
    if !files {
        format!("#{}", url_path(anchor))
    } else if file == anchor {
        format!("{}.{ext}", url_path(file))
    } else {
        format!("{}.{ext}#{}", url_path(file), url_path(anchor))
    }
}

/// How a weight of difference is named in the legend.
pub(crate) fn weight_name(s: Significance) -> &'static str {
    match s {
        Significance::Critical => "Critical",
        Significance::Substantive => "Substantive",
        Significance::Cosmetic => "Cosmetic",
        Significance::Extent => "Extent",
    }
}

/// The index in its three groups, empty groups left out: people, organisations, then
/// anonymous and other sources.
pub(crate) fn index_groups(sheets: &Sheets) -> Vec<(&'static str, Vec<&IndexEntry>)> {
    let mut groups: [Vec<&IndexEntry>; 3] = Default::default();
    for e in &sheets.index {
        groups[usize::from(e.kind.listing_order().min(2))].push(e);
    }
    GROUPS
        .into_iter()
        .zip(groups)
        .filter(|(_, entries)| !entries.is_empty())
        .collect()
}

/// Texts escaped for `M` and joined with `sep`.
fn escaped<'a, M: Markup>(texts: impl IntoIterator<Item = &'a String>, sep: &str) -> String {
    texts
        .into_iter()
        .map(|t| M::text(t))
        .collect::<Vec<_>>()
        .join(sep)
}

/// An index entry's roles, escaped and joined with semicolons.
pub(crate) fn entry_roles<M: Markup>(e: &IndexEntry) -> String {
    escaped::<M>(&e.roles, "; ")
}

/// One role of a sheet, escaped: the role, the other ways it was written ("also written
/// defence secretary", empty when none), how many quotes gave it, and the outlets that used
/// it joined with commas ("Courier, The Ledger").
pub(crate) struct RoleLine {
    pub(crate) role: String,
    pub(crate) variants: String,
    pub(crate) quotes: usize,
    pub(crate) outlets: String,
}

/// The roles of a sheet, most used first.
pub(crate) fn roles<M: Markup>(s: &SpeakerSheet) -> impl Iterator<Item = RoleLine> + '_ {
    s.roles.iter().map(|r: &SheetRole| RoleLine {
        role: M::text(&r.role),
        variants: if r.variants.is_empty() {
            String::new()
        } else {
            format!("also written {}", escaped::<M>(&r.variants, ", "))
        },
        quotes: r.quotes,
        outlets: escaped::<M>(&r.outlets, ", "),
    })
}

/// The role this outlet gave the speaker, escaped.
pub(crate) fn role_here<M: Markup>(r: &Rendering) -> Option<String> {
    r.role.as_deref().map(M::text)
}

/// The cue, escaped, and its stance, when the rendering has both.
pub(crate) fn cue<M: Markup>(r: &Rendering) -> Option<(String, &'static str)> {
    match (&r.cue, r.stance) {
        (Some(c), Some(s)) => Some((M::text(c), Stance::label(s))),
        _ => None,
    }
}

/// The words as this outlet gave them: as published for the canonical wording and a
/// reported version, else the diff from the canonical wording with every step marked.
pub(crate) fn words<M: Markup>(r: &Rendering) -> String {
    match r.relation {
        // A reported version is a paraphrase: a word diff against the quote says nothing.
        Relation::Canonical | Relation::Reported => M::text(&r.text),
        Relation::Variant | Relation::Fragment => steps::<M>(&r.diff),
    }
}

/// Steps of a diff, marked, joined with spaces.
pub(crate) fn steps<'a, M: Markup>(steps: impl IntoIterator<Item = &'a DiffStep>) -> String {
    steps
        .into_iter()
        .map(|d| match (d.op, d.significance) {
            (DiffOp::Equal, _) | (_, None) => M::text(&d.variant),
            (op, Some(weight)) => M::step(
                op,
                &M::text(&d.canonical),
                &M::text(&d.variant),
                weight,
                d.label(),
            ),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "Ledger (2026-08-14)": an outlet and the date it printed something, escaped.
pub(crate) fn dated_outlet<M: Markup>(outlet: &str, date: Option<&str>) -> String {
    match date {
        Some(d) => format!("{} ({})", M::text(outlet), M::text(d)),
        None => M::text(outlet),
    }
}

/// "Ledger (2026-08-14)": who prints an altered quote, escaped.
pub(crate) fn altered_source<M: Markup>(a: &Altered) -> String {
    dated_outlet::<M>(&a.outlet, a.date.as_deref())
}

/// The altered renderings among a sheet's statements, in sheet order, each with the index
/// of its statement: what the top of a speaker's page lists.
pub(crate) fn altered_on_sheet(s: &SpeakerSheet) -> impl Iterator<Item = (usize, &Rendering)> {
    s.statements.iter().enumerate().flat_map(|(i, st)| {
        st.renderings
            .iter()
            .filter(|r| r.altered)
            .map(move |r| (i, r))
    })
}

/// "where Courier, Wire print the canonical wording" (escaped), or where no outlet agrees,
/// "against the canonical wording".
pub(crate) fn altered_against<M: Markup>(a: &Altered) -> String {
    if a.agreeing.is_empty() {
        "against the canonical wording".into()
    } else {
        format!(
            "where {} print{} it as the canonical wording",
            escaped::<M>(&a.agreeing, ", "),
            if a.agreeing.len() == 1 { "s" } else { "" }
        )
    }
}

/// The anonymous sources of one article.
pub(crate) struct ArticleGroup {
    pub(crate) article: String,
    pub(crate) outlet: String,
    pub(crate) date: Option<String>,
    /// Positions in [`Sheets::speakers`], in index order.
    pub(crate) sheets: Vec<usize>,
}

/// The anonymous sources of the sheets grouped by the article that quotes them (the article
/// of a source's own first rendering), by date (undated last), then outlet, then article id.
pub(crate) fn anonymous_by_article(sheets: &Sheets) -> Vec<ArticleGroup> {
    let mut groups: Vec<ArticleGroup> = Vec::new();
    for (i, s) in sheets.speakers.iter().enumerate() {
        if !s.by_article() {
            continue;
        }
        let own = s
            .statements
            .iter()
            .flat_map(|st| &st.renderings)
            .find(|r| r.speaker.as_deref() == Some(s.id.as_str()));
        let (article, outlet, date) = match own {
            Some(r) => (r.article.clone(), r.outlet.clone(), r.date.clone()),
            None => {
                let article = s.id.rsplit_once('/').map_or(s.id.as_str(), |(a, _)| a);
                (article.to_string(), article.to_string(), None)
            }
        };
        match groups.iter_mut().find(|g| g.article == article) {
            Some(g) => g.sheets.push(i),
            None => groups.push(ArticleGroup {
                article,
                outlet,
                date,
                sheets: vec![i],
            }),
        }
    }
    groups.sort_by(|a, b| {
        (by_date(&a.date), &a.outlet, &a.article).cmp(&(by_date(&b.date), &b.outlet, &b.article))
    });
    groups
}

/// "Courier · 2026-08-14 · article `a`"-like heading of an article's anonymous sources,
/// escaped: outlet, date and article id.
pub(crate) fn article_heading<M: Markup>(g: &ArticleGroup) -> String {
    let date = g
        .date
        .as_deref()
        .map(|d| format!(" · {}", M::text(d)))
        .unwrap_or_default();
    format!(
        "{}{date} · article {}",
        M::text(&g.outlet),
        M::text(&g.article)
    )
}

/// `↳ quotes Mia Holt: “We will rebuild”`: speech quoted inside a rendering, escaped.
pub(crate) fn nested<M: Markup>(n: &NestedSpeech) -> String {
    let who = n.speaker.as_deref().map_or_else(|| SOMEONE.into(), M::text);
    format!("↳ quotes {who}: “{}”", M::text(&n.text))
}

/// At most this many characters of a statement's wording in the overview.
const EXCERPT: usize = 90;

/// The first [`EXCERPT`] characters of a wording, cut at a word, with "…" when cut.
pub(crate) fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT {
        return text.to_string();
    }
    let cut: String = text.chars().take(EXCERPT).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SpeakerKind;

    /// Marks words with brackets and escapes nothing, to show the walk alone.
    struct Plain;
    impl Markup for Plain {
        fn text(s: &str) -> String {
            s.to_string()
        }
        fn step(op: DiffOp, c: &str, v: &str, weight: Significance, why: Option<&str>) -> String {
            let why = why.map(|w| format!("({w})")).unwrap_or_default();
            let words = match op {
                DiffOp::Insert => format!("+{v}"),
                DiffOp::Delete => format!("-{c}"),
                _ => format!("{c}>{v}"),
            };
            format!("{words}{why}[{}]", weight.as_str())
        }
    }

    /// Shows that a label escapes what it takes from the input.
    struct Angles;
    impl Markup for Angles {
        fn text(s: &str) -> String {
            s.replace('<', "(").replace('>', ")")
        }
        fn step(_: DiffOp, c: &str, _: &str, _: Significance, _: Option<&str>) -> String {
            c.into()
        }
    }

    fn sheet(name: Option<&str>, roles: &[&str]) -> SpeakerSheet {
        SpeakerSheet {
            id: "x/id".into(),
            name: name.map(Into::into),
            kind: SpeakerKind::Anonymous,
            roles: roles
                .iter()
                .map(|r| SheetRole {
                    role: r.to_string(),
                    variants: vec![],
                    quotes: 2,
                    outlets: vec!["A".into(), "B".into()],
                })
                .collect(),
            outlets: vec!["A".into()],
            statements: vec![],
        }
    }

    #[test]
    fn counts_and_titles() {
        assert_eq!(count(1, "outlet"), "1 outlet");
        assert_eq!(count(0, "statement"), "0 statements");
        assert_eq!(title(&sheet(Some("Ana"), &["Mayor"])), "Ana");
        assert_eq!(title(&sheet(None, &["Mayor"])), "Mayor");
        assert_eq!(title(&sheet(None, &[])), "x/id");
        assert_eq!(
            speaker_meta(&sheet(None, &[])),
            "anonymous source · 0 statements · 1 outlet"
        );
        let line = roles::<Plain>(&sheet(None, &["Mayor"])).next().unwrap();
        assert_eq!((line.role.as_str(), line.quotes), ("Mayor", 2));
        assert_eq!(line.outlets, "A, B");
    }

    #[test]
    fn statement_meta_names_the_first_date() {
        let st = SheetStatement {
            cluster: "s1".into(),
            canonical: "x".into(),
            reported_only: false,
            outlets: 4,
            first_date: Some("2026-08-14".into()),
            renderings: vec![],
        };
        assert_eq!(statement_meta::<Plain>(&st), "4 outlets · first 2026-08-14");
        let st = SheetStatement {
            first_date: Some("<b>".into()),
            ..st
        };
        assert_eq!(statement_meta::<Angles>(&st), "4 outlets · first (b)");
    }

    #[test]
    fn words_show_the_diff_unless_canonical() {
        use crate::link::{DiffReason, DiffStep};
        let step =
            |op, canonical: &str, variant: &str, reason: Option<DiffReason>, weight| DiffStep {
                op,
                canonical: canonical.into(),
                variant: variant.into(),
                reason,
                significance: weight,
            };
        let mut r = Rendering {
            quote: "b/q1".into(),
            article: "b".into(),
            outlet: "Ledger".into(),
            speaker: None,
            date: None,
            kind: crate::QuoteKind::Direct,
            relation: Relation::Variant,
            similarity: 0.9,
            text: "We will defend the harbor now".into(),
            span: crate::Span { start: 0, end: 29 },
            cue: None,
            stance: None,
            role: None,
            diff: vec![
                step(
                    DiffOp::Equal,
                    "We will defend the",
                    "We will defend the",
                    None,
                    None,
                ),
                step(
                    DiffOp::Replace,
                    "harbour",
                    "harbor",
                    Some(DiffReason::Spelling),
                    Some(Significance::Cosmetic),
                ),
                step(
                    DiffOp::Delete,
                    "not",
                    "",
                    Some(DiffReason::Negation),
                    Some(Significance::Critical),
                ),
                step(DiffOp::Insert, "", "now", None, Some(Significance::Extent)),
            ],
            numbers_differ: false,
            altered: true,
            nested: vec![],
        };
        assert_eq!(
            words::<Plain>(&r),
            "We will defend the harbour>harbor(spelling)[cosmetic] -not(negation)[critical] +now[extent]"
        );
        r.relation = Relation::Canonical;
        assert_eq!(words::<Plain>(&r), "We will defend the harbor now");
        assert_eq!(cue::<Plain>(&r), None);
    }

    #[test]
    fn excerpts_cut_at_a_word_and_nested_speech() {
        assert_eq!(excerpt("short"), "short");
        let long = "word ".repeat(40);
        let cut = excerpt(&long);
        assert!(
            cut.ends_with("word…") && cut.chars().count() <= EXCERPT + 1,
            "{cut}"
        );
        let n = NestedSpeech {
            quote: "q".into(),
            speaker: None,
            text: "Go".into(),
        };
        assert_eq!(nested::<Plain>(&n), "↳ quotes someone: “Go”");
    }
}

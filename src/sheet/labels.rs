//! What the sheets say, in one place: titles, counts, entry names, statement meta, kind and
//! reason names, and the pieces both writers show — roles, the words of a rendering with their
//! differences, nested speech and cues.
//!
//! The pieces are walked here once, generic over a [`Markup`]: a writer says how its format
//! escapes text and marks added and dropped words, and only lays the pieces out.

use super::model::{IndexEntry, NestedSpeech, Rendering, SheetStatement, Sheets, SpeakerSheet};
use crate::link::{DiffOp, DiffReason, Relation};
use crate::{RoleSeen, Stance};

/// The title of a whole document and of the index.
pub(crate) const TITLE: &str = "Who said what";
/// The link from a speaker's page back to the index.
pub(crate) const ALL_SPEAKERS: &str = "All speakers";
/// Who speaks in nested speech with no speaker named.
const SOMEONE: &str = "someone";
/// The headings of the index groups, by [`SpeakerKind::listing_order`](crate::SpeakerKind)
/// (anonymous and unknown sources share the last group).
const GROUPS: [&str; 3] = ["People", "Organisations", "Anonymous and other sources"];

/// How a format writes the pieces the two writers share.
pub(crate) trait Markup {
    /// Text escaped for the format.
    fn text(s: &str) -> String;
    /// Words only in the variant (already escaped).
    fn inserted(words: &str) -> String;
    /// Words of the canonical wording the variant leaves out (already escaped).
    fn deleted(words: &str) -> String;
    /// Different words in the same place (already escaped), and why they differ.
    fn replaced(canonical: &str, variant: &str, reason: &str) -> String;
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

/// Why two words in the same place differ; "wording" when the diff gives no reason.
pub(crate) fn reason(r: Option<DiffReason>) -> &'static str {
    match r {
        Some(DiffReason::Spelling) => "spelling",
        Some(DiffReason::Alias) => "alias",
        Some(DiffReason::Number) => "number",
        Some(DiffReason::Inflection) => "inflection",
        Some(DiffReason::Wording) | None => "wording",
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

/// An index entry's roles, escaped and joined with semicolons.
pub(crate) fn entry_roles<M: Markup>(e: &IndexEntry) -> String {
    e.roles
        .iter()
        .map(|r| M::text(r))
        .collect::<Vec<_>>()
        .join("; ")
}

/// One role of a sheet, escaped: the role, how many quotes gave it, and the outlets that
/// used it joined with commas ("Courier, The Ledger").
pub(crate) struct RoleLine {
    pub(crate) role: String,
    pub(crate) quotes: usize,
    pub(crate) outlets: String,
}

/// The roles of a sheet, most used first.
pub(crate) fn roles<M: Markup>(s: &SpeakerSheet) -> impl Iterator<Item = RoleLine> + '_ {
    s.roles.iter().map(|r: &RoleSeen| RoleLine {
        role: M::text(&r.role),
        quotes: r.quotes,
        outlets: r
            .outlets
            .iter()
            .map(|o| M::text(o))
            .collect::<Vec<_>>()
            .join(", "),
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

/// The words as this outlet gave them: as published for the canonical wording, else the
/// diff from it with added, dropped and replaced words marked.
pub(crate) fn words<M: Markup>(r: &Rendering) -> String {
    match r.relation {
        // A reported version is a paraphrase: a word diff against the quote says nothing.
        Relation::Canonical | Relation::Reported => M::text(&r.text),
        Relation::Variant | Relation::Fragment => r
            .diff
            .iter()
            .map(|d| match d.op {
                DiffOp::Equal => M::text(&d.variant),
                DiffOp::Insert => M::inserted(&M::text(&d.variant)),
                DiffOp::Delete => M::deleted(&M::text(&d.canonical)),
                DiffOp::Replace => M::replaced(
                    &M::text(&d.canonical),
                    &M::text(&d.variant),
                    reason(d.reason),
                ),
            })
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// `↳ quotes Mia Holt: “We will rebuild”`: speech quoted inside a rendering, escaped.
pub(crate) fn nested<M: Markup>(n: &NestedSpeech) -> String {
    let who = n.speaker.as_deref().map_or_else(|| SOMEONE.into(), M::text);
    format!("↳ quotes {who}: “{}”", M::text(&n.text))
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
        fn inserted(w: &str) -> String {
            format!("+{w}")
        }
        fn deleted(w: &str) -> String {
            format!("-{w}")
        }
        fn replaced(c: &str, v: &str, why: &str) -> String {
            format!("{c}>{v}({why})")
        }
    }

    /// Shows that a label escapes what it takes from the input.
    struct Angles;
    impl Markup for Angles {
        fn text(s: &str) -> String {
            s.replace('<', "(").replace('>', ")")
        }
        fn inserted(w: &str) -> String {
            w.into()
        }
        fn deleted(w: &str) -> String {
            w.into()
        }
        fn replaced(c: &str, _: &str, _: &str) -> String {
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
                .map(|r| RoleSeen {
                    role: r.to_string(),
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
        use crate::link::DiffStep;
        let step = |op, canonical: &str, variant: &str, reason| DiffStep {
            op,
            canonical: canonical.into(),
            variant: variant.into(),
            reason,
        };
        let mut r = Rendering {
            quote: "b/q1".into(),
            article: "b".into(),
            outlet: "Ledger".into(),
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
                ),
                step(
                    DiffOp::Replace,
                    "harbour",
                    "harbor",
                    Some(DiffReason::Spelling),
                ),
                step(DiffOp::Delete, "today", "", None),
                step(DiffOp::Insert, "", "now", None),
            ],
            numbers_differ: false,
            nested: vec![],
        };
        assert_eq!(
            words::<Plain>(&r),
            "We will defend the harbour>harbor(spelling) -today +now"
        );
        r.relation = Relation::Canonical;
        assert_eq!(words::<Plain>(&r), "We will defend the harbor now");
        assert_eq!(cue::<Plain>(&r), None);
    }

    #[test]
    fn reasons_and_nested_speech() {
        assert_eq!(reason(None), "wording");
        assert_eq!(reason(Some(DiffReason::Spelling)), "spelling");
        let n = NestedSpeech {
            quote: "q".into(),
            speaker: None,
            text: "Go".into(),
        };
        assert_eq!(nested::<Plain>(&n), "↳ quotes someone: “Go”");
    }
}

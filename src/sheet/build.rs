//! From extractions to sheets: link the statements, group them by speaker, order them.
//!
//! Every lookup goes through a map by id, so the work grows with the number of quotes and
//! speakers times a logarithm, never with their product.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::files::file_stems;
use super::model::{
    by_date, IndexEntry, NestedSpeech, Rendering, SheetRole, SheetStatement, Sheets, SpeakerSheet,
};
use super::overview::{Overview, Place};
use crate::link::{Linker, Statement};
use crate::{Extraction, Quote, QuoteKind, RoleSeen, Roster, SpeakerEntry, SpeakerKind};

/// The sheet of statements nobody is named for.
const UNATTRIBUTED: &str = "unattributed";

impl Sheets {
    /// Builds the sheets of a corpus with the default linker.
    pub fn build(extractions: &[Extraction]) -> Sheets {
        Sheets::build_with(extractions, &Linker::default())
    }

    /// Builds the sheets of a corpus with `linker`.
    pub fn build_with(extractions: &[Extraction], linker: &Linker) -> Sheets {
        let roster = Roster::build(extractions);
        let statements = linker.link(extractions);
        // By quote id; where two articles share an id, the later one wins.
        let mut quotes: BTreeMap<&str, (&Extraction, &Quote)> = BTreeMap::new();
        for e in extractions {
            for q in &e.quotes {
                quotes.insert(q.id.as_str(), (e, q));
            }
        }
        let nested = nested_speech(&quotes);
        let names = outlet_names(extractions);
        // Per sheet: its statements, and how many of their quotes are its speaker's own.
        let mut by_speaker: BTreeMap<String, (Vec<SheetStatement>, usize)> = BTreeMap::new();
        for s in &statements {
            let key = speaker_of(s, &quotes, &roster).unwrap_or_else(|| UNATTRIBUTED.to_string());
            // Each member's own speaker: the statement is on every one of their sheets. A
            // member with no speaker counts for the unattributed sheet only when the whole
            // statement is on it.
            let mut own: BTreeMap<String, usize> = BTreeMap::new();
            for m in &s.members {
                let id = quotes
                    .get(m.quote.as_str())
                    .and_then(|(_, q)| q.speaker.as_ref()?.id.as_deref())
                    .map(|id| roster.corpus_id(id));
                match id {
                    Some(id) => *own.entry(id.to_string()).or_default() += 1,
                    None if key == UNATTRIBUTED => *own.entry(key.clone()).or_default() += 1,
                    None => {}
                }
            }
            own.entry(key).or_default();
            let st = statement(s, &quotes, &nested, &names, &roster);
            for (id, n) in own {
                let (list, count) = by_speaker.entry(id).or_default();
                list.push(st.clone());
                *count += n;
            }
        }
        let entries: HashMap<&str, &SpeakerEntry> = roster
            .entries()
            .iter()
            .map(|e| (e.id.as_str(), e))
            .collect();
        let quotes_of: HashMap<String, usize> = by_speaker
            .iter()
            .map(|(id, (_, n))| (id.clone(), *n))
            .collect();
        let mut speakers: Vec<SpeakerSheet> = by_speaker
            .into_iter()
            .map(|(id, (statements, _))| {
                let entry = entries.get(id.as_str()).copied();
                sheet(id, statements, entry, &names)
            })
            .collect();
        // People, then organisations, then anonymous and unknown sources together; most
        // statements first; then by id.
        let group = |k: SpeakerKind| k.listing_order().min(2);
        speakers.sort_by(|a, b| {
            group(a.kind)
                .cmp(&group(b.kind))
                .then_with(|| b.statements.len().cmp(&a.statements.len()))
                .then_with(|| a.id.cmp(&b.id))
        });
        let anchors = file_stems(speakers.iter().map(|s| s.id.as_str()));
        let index: Vec<IndexEntry> = speakers
            .iter()
            .zip(anchors)
            .map(|(s, anchor)| IndexEntry {
                id: s.id.clone(),
                name: s.name.clone(),
                kind: s.kind,
                roles: s.roles.iter().map(|r| r.role.clone()).collect(),
                statements: s.statements.len(),
                quotes: quotes_of[&s.id],
                outlets: s.outlets.len(),
                file: if s.by_article() {
                    Sheets::ANONYMOUS_FILE.to_string()
                } else {
                    anchor.clone()
                },
                anchor,
            })
            .collect();
        let overview = overview(extractions.len(), &index, &speakers);
        Sheets {
            overview,
            index,
            speakers,
        }
    }

    /// Only the sheets of the given speaker ids (the index and the overview keep only them
    /// too); all of them when `ids` is empty. File names stay those of the whole set.
    pub fn only(mut self, ids: &[String]) -> Sheets {
        if !ids.is_empty() {
            let keep: HashSet<&str> = ids.iter().map(String::as_str).collect();
            self.speakers.retain(|s| keep.contains(s.id.as_str()));
            self.index.retain(|e| keep.contains(e.id.as_str()));
            self.overview = overview(self.overview.articles, &self.index, &self.speakers);
        }
        self
    }
}

/// The overview of the sheets: each statement once, placed on the first sheet that shows it.
fn overview(articles: usize, index: &[IndexEntry], speakers: &[SpeakerSheet]) -> Overview {
    let entries: HashMap<&str, &IndexEntry> = index.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut statements: Vec<(Place, &SheetStatement)> = Vec::new();
    for s in speakers {
        let Some(e) = entries.get(s.id.as_str()) else {
            continue;
        };
        for st in &s.statements {
            if seen.insert(st.cluster.as_str()) {
                let place = Place {
                    speaker: s.id.clone(),
                    speaker_name: super::labels::title(s).to_string(),
                    file: e.file.clone(),
                    anchor: st.anchor(),
                };
                statements.push((place, st));
            }
        }
    }
    Overview::build(articles, &statements)
}

/// The outlet shown for each article that names none, by article id: the id without a
/// trailing hash (`-`, `_` or `.` and eight hex digits or more, one of them a digit, or a
/// `~2` renaming), with `_` as spaces; "article N" (its place in the input, from 1) when
/// nothing readable is left.
fn outlet_names(extractions: &[Extraction]) -> HashMap<String, String> {
    extractions
        .iter()
        .enumerate()
        .filter(|(_, e)| e.outlet.is_none())
        .map(|(i, e)| (e.article.clone(), readable_id(&e.article, i + 1)))
        .collect()
}

/// A readable name for article `id`, the `n`-th of the input (see [`outlet_names`]).
fn readable_id(id: &str, n: usize) -> String {
    let hashy = |s: &str| {
        s.len() >= 8
            && s.bytes().all(|b| b.is_ascii_hexdigit())
            && s.bytes().any(|b| b.is_ascii_digit())
    };
    let mut rest = id;
    if let Some((head, tail)) = rest.rsplit_once('~') {
        if !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) {
            rest = head;
        }
    }
    // A path's last part: a JSONL id may be one.
    rest = rest.rsplit(['/', '\\']).next().unwrap_or(rest);
    let parts: Vec<&str> = rest.split(['-', '_', '.', ' ']).collect();
    let keep = parts
        .iter()
        .rposition(|p| !hashy(p) && !p.is_empty())
        .map_or(0, |k| k + 1);
    let name = parts[..keep]
        .iter()
        .filter(|p| !hashy(p) && !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if name.chars().any(char::is_alphabetic) && !hashy(&name.replace(' ', "")) {
        name
    } else {
        format!("article {n}")
    }
}

/// The roles of a speaker, those that differ only in case or spelling as one (the form most
/// quotes used shown, the others listed), most used first, then by role; outlets as shown.
fn sheet_roles(roles: &[RoleSeen], names: &HashMap<String, String>) -> Vec<SheetRole> {
    let mut groups: BTreeMap<Vec<u64>, Vec<&RoleSeen>> = BTreeMap::new();
    for r in roles {
        groups
            .entry(crate::link::normalize(&r.role).tokens)
            .or_default()
            .push(r);
    }
    let mut out: Vec<SheetRole> = groups
        .into_values()
        .map(|mut group| {
            group.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.role.cmp(&b.role)));
            let outlets: BTreeSet<String> = group
                .iter()
                .flat_map(|r| &r.outlets)
                .map(|o| names.get(o).unwrap_or(o).clone())
                .collect();
            SheetRole {
                role: group[0].role.clone(),
                variants: group[1..].iter().map(|r| r.role.clone()).collect(),
                quotes: group.iter().map(|r| r.quotes).sum(),
                outlets: outlets.into_iter().collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| b.quotes.cmp(&a.quotes).then_with(|| a.role.cmp(&b.role)));
    out
}

type Quotes<'a> = BTreeMap<&'a str, (&'a Extraction, &'a Quote)>;

/// Speech nested in each quote, by the id of the quote around it, in quote id order.
fn nested_speech(quotes: &Quotes) -> BTreeMap<String, Vec<NestedSpeech>> {
    let mut nested: BTreeMap<String, Vec<NestedSpeech>> = BTreeMap::new();
    for (_, q) in quotes.values() {
        if let Some(parent) = &q.within {
            nested
                .entry(parent.clone())
                .or_default()
                .push(NestedSpeech {
                    quote: q.id.clone(),
                    speaker: q
                        .speaker
                        .as_ref()
                        .and_then(|s| s.name.clone().or(s.role.clone())),
                    text: q.text.clone(),
                });
        }
    }
    nested
}

/// The corpus id a statement belongs to: the linker's speaker, else the first member's.
fn speaker_of(s: &Statement, quotes: &Quotes, roster: &Roster) -> Option<String> {
    s.speaker.clone().or_else(|| {
        s.members.iter().find_map(|m| {
            let (_, q) = quotes.get(m.quote.as_str())?;
            q.speaker
                .as_ref()?
                .id
                .as_deref()
                .map(|id| roster.corpus_id(id).to_string())
        })
    })
}

/// A statement with each outlet's rendering, in date order (undated last), then by outlet.
fn statement(
    s: &Statement,
    quotes: &Quotes,
    nested: &BTreeMap<String, Vec<NestedSpeech>>,
    names: &HashMap<String, String>,
    roster: &Roster,
) -> SheetStatement {
    let mut renderings: Vec<Rendering> = s
        .members
        .iter()
        .filter_map(|m| {
            let (e, q) = quotes.get(m.quote.as_str())?;
            Some(Rendering {
                quote: m.quote.clone(),
                article: m.article.clone(),
                outlet: e
                    .outlet
                    .clone()
                    .unwrap_or_else(|| names.get(&e.article).unwrap_or(&e.article).clone()),
                speaker: q
                    .speaker
                    .as_ref()
                    .and_then(|sp| sp.id.as_deref())
                    .map(|id| roster.corpus_id(id).to_string()),
                date: e.date.clone(),
                kind: q.kind,
                relation: m.relation,
                similarity: m.similarity,
                text: q.text.clone(),
                span: q.span,
                cue: q.cue.as_ref().map(|c| c.text.clone()),
                stance: q.cue.as_ref().map(|c| c.stance),
                role: q.speaker.as_ref().and_then(|sp| sp.role.clone()),
                diff: m.diff.clone(),
                numbers_differ: m.numbers_differ,
                altered: m.altered,
                nested: nested.get(&m.quote).cloned().unwrap_or_default(),
            })
        })
        .collect();
    renderings.sort_by(|a, b| {
        (by_date(&a.date), &a.outlet, &a.quote).cmp(&(by_date(&b.date), &b.outlet, &b.quote))
    });
    let outlets: BTreeSet<&str> = renderings.iter().map(|r| r.outlet.as_str()).collect();
    SheetStatement {
        cluster: s.cluster.clone(),
        canonical: s.canonical.clone(),
        reported_only: renderings.iter().all(|r| r.kind == QuoteKind::Indirect),
        outlets: outlets.len(),
        first_date: renderings.iter().filter_map(|r| r.date.clone()).min(),
        renderings,
    }
}

/// One speaker's sheet: statements most widely carried first, then dated before undated and
/// by first date, then by cluster id.
fn sheet(
    id: String,
    mut statements: Vec<SheetStatement>,
    entry: Option<&SpeakerEntry>,
    names: &HashMap<String, String>,
) -> SpeakerSheet {
    statements.sort_by(|a, b| {
        b.outlets
            .cmp(&a.outlets)
            .then_with(|| match (&a.first_date, &b.first_date) {
                (Some(x), Some(y)) => x.cmp(y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            })
            .then_with(|| a.cluster.cmp(&b.cluster))
    });
    let outlets: BTreeSet<String> = statements
        .iter()
        .flat_map(|s| s.renderings.iter().map(|r| r.outlet.clone()))
        .collect();
    SpeakerSheet {
        name: entry.and_then(|e| e.name.clone()),
        kind: entry.map_or(SpeakerKind::Unknown, |e| e.kind),
        roles: entry.map_or_else(Vec::new, |e| sheet_roles(&e.roles, names)),
        outlets: outlets.into_iter().collect(),
        id,
        statements,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Article, Extractor};

    fn tiny() -> Sheets {
        let ex = Extractor::new();
        let a = ex.extract(
            &Article::new("a", "Mayor Ana Reyes said: “We will defend the harbour.”")
                .with_outlet("Courier")
                .with_date("2026-08-14"),
        );
        let b = ex.extract(
            &Article::new(
                "b",
                "“We will defend the harbor,” Reyes said. A senior official said the port was shut.",
            )
            .with_outlet("Ledger")
            .with_date("2026-08-13"),
        );
        Sheets::build(&[a, b])
    }

    #[test]
    fn one_sheet_per_speaker_people_first() {
        let sheets = tiny();
        let ids: Vec<&str> = sheets.index.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["ana-reyes", "b/senior-official"]);
        let ids: Vec<&str> = sheets.speakers.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["ana-reyes", "b/senior-official"]);
        // An anonymous source is on the page of anonymous sources, under its own anchor.
        assert_eq!(sheets.index[1].file, Sheets::ANONYMOUS_FILE);
        assert_eq!(sheets.index[1].anchor, "b_senior-official");
        assert_eq!(sheets.index[0].file, sheets.index[0].anchor);
    }

    #[test]
    fn a_statement_carried_by_two_outlets_is_one_statement() {
        let sheets = tiny();
        let reyes = &sheets.speakers[0];
        assert_eq!(
            (reyes.kind, reyes.name.as_deref()),
            (SpeakerKind::Person, Some("Ana Reyes"))
        );
        assert_eq!(reyes.outlets, ["Courier", "Ledger"]);
        let st = &reyes.statements[0];
        assert_eq!(
            (st.outlets, st.first_date.as_deref()),
            (2, Some("2026-08-13"))
        );
        // In date order: the Ledger's of the 13th first.
        assert_eq!(st.renderings[0].outlet, "Ledger");
        assert_eq!(st.renderings.len(), 2);
    }

    #[test]
    fn outlets_without_metadata_get_readable_names() {
        assert_eq!(readable_id("05_wire_service", 1), "05 wire service");
        assert_eq!(readable_id("story-3fa2b1c9e0", 2), "story");
        assert_eq!(readable_id("3fa2b1c9e0d4", 3), "article 3");
        assert_eq!(readable_id("feeds/ledger_9f8e7d6c5b4a~2", 4), "ledger");
        assert_eq!(readable_id("2026-08-14", 5), "article 5");
        // Words that only look like hex stay: "decade" has no digit.
        assert_eq!(readable_id("decade-review", 6), "decade review");
    }

    #[test]
    fn roles_that_differ_in_case_or_spelling_are_one() {
        let seen = |role: &str, quotes, outlet: &str| RoleSeen {
            role: role.into(),
            quotes,
            outlets: vec![outlet.into()],
        };
        let roles = sheet_roles(
            &[
                seen("Defence Secretary", 3, "a"),
                seen("defense secretary", 1, "Ledger"),
                seen("Mayor", 2, "Ledger"),
            ],
            &HashMap::from([("a".to_string(), "Courier".to_string())]),
        );
        assert_eq!(roles.len(), 2);
        assert_eq!(roles[0].role, "Defence Secretary");
        assert_eq!(roles[0].variants, ["defense secretary"]);
        assert_eq!(
            (roles[0].quotes, roles[0].outlets.as_slice()),
            (4, &["Courier".to_string(), "Ledger".into()][..])
        );
    }

    #[test]
    fn the_overview_counts_statements_once_and_grids_the_carried_ones() {
        let sheets = tiny();
        let o = &sheets.overview;
        assert_eq!((o.articles, o.statements), (2, 2));
        // The Ledger's article is the earlier one.
        assert_eq!(o.outlets, ["Ledger", "Courier"]);
        assert_eq!(o.carried.len(), 1);
        let row = &o.carried[0];
        assert_eq!(row.place.speaker, "ana-reyes");
        let forms: Vec<_> = row
            .cells
            .iter()
            .map(|c| (c.outlet.as_str(), c.form))
            .collect();
        assert_eq!(
            forms,
            [
                ("Ledger", super::super::Form::Quoted),
                ("Courier", super::super::Form::Quoted)
            ]
        );
        // Spelling alone does not alter a quote.
        assert!(o.altered.is_empty());
        let days: Vec<_> = o
            .timeline
            .iter()
            .map(|d| (d.date.as_str(), d.quotes))
            .collect();
        assert_eq!(days, [("2026-08-13", 2), ("2026-08-14", 1)]);
        let only = tiny().only(&["b/senior-official".to_string()]);
        assert_eq!(
            (only.overview.statements, only.overview.carried.len()),
            (1, 0)
        );
    }

    #[test]
    fn only_keeps_the_named_speakers() {
        let sheets = tiny().only(&["b/senior-official".to_string()]);
        assert_eq!(sheets.index.len(), 1);
        assert_eq!(sheets.speakers[0].id, "b/senior-official");
        assert_eq!(tiny().only(&[]).index.len(), 2);
    }
}

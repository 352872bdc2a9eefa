//! From extractions to sheets: link the statements, group them by speaker, order them.
//!
//! Every lookup goes through a map by id, so the work grows with the number of quotes and
//! speakers times a logarithm, never with their product.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::files::file_stems;
use super::model::{IndexEntry, NestedSpeech, Rendering, SheetStatement, Sheets, SpeakerSheet};
use crate::link::{Linker, Relation, Statement};
use crate::{Extraction, Quote, QuoteKind, Roster, SpeakerEntry, SpeakerKind};

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
            let st = statement(s, &quotes, &nested);
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
                sheet(id, statements, entry)
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
        let files = file_stems(speakers.iter().map(|s| s.id.as_str()));
        let index = speakers
            .iter()
            .zip(files)
            .map(|(s, file)| IndexEntry {
                id: s.id.clone(),
                name: s.name.clone(),
                kind: s.kind,
                roles: s.roles.iter().map(|r| r.role.clone()).collect(),
                statements: s.statements.len(),
                quotes: quotes_of[&s.id],
                outlets: s.outlets.len(),
                file,
            })
            .collect();
        Sheets { index, speakers }
    }

    /// Only the sheets of the given speaker ids (the index keeps only them too); all of them
    /// when `ids` is empty. File names stay those of the whole set.
    pub fn only(mut self, ids: &[String]) -> Sheets {
        if !ids.is_empty() {
            let keep: HashSet<&str> = ids.iter().map(String::as_str).collect();
            self.speakers.retain(|s| keep.contains(s.id.as_str()));
            self.index.retain(|e| keep.contains(e.id.as_str()));
        }
        self
    }
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

/// A statement with each outlet's rendering, canonical first, then by outlet.
fn statement(
    s: &Statement,
    quotes: &Quotes,
    nested: &BTreeMap<String, Vec<NestedSpeech>>,
) -> SheetStatement {
    let mut renderings: Vec<Rendering> = s
        .members
        .iter()
        .filter_map(|m| {
            let (e, q) = quotes.get(m.quote.as_str())?;
            Some(Rendering {
                quote: m.quote.clone(),
                article: m.article.clone(),
                outlet: e.outlet.clone().unwrap_or_else(|| e.article.clone()),
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
                nested: nested.get(&m.quote).cloned().unwrap_or_default(),
            })
        })
        .collect();
    renderings.sort_by(|a, b| {
        (a.relation != Relation::Canonical, &a.outlet, &a.quote).cmp(&(
            b.relation != Relation::Canonical,
            &b.outlet,
            &b.quote,
        ))
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
        roles: entry.map(|e| e.roles.clone()).unwrap_or_default(),
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
        assert_eq!(sheets.index[1].file, "b_senior-official");
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
        // Canonical first, then by outlet.
        assert_eq!(st.renderings[0].relation, Relation::Canonical);
        assert_eq!(st.renderings.len(), 2);
    }

    #[test]
    fn only_keeps_the_named_speakers() {
        let sheets = tiny().only(&["b/senior-official".to_string()]);
        assert_eq!(sheets.index.len(), 1);
        assert_eq!(sheets.speakers[0].id, "b/senior-official");
        assert_eq!(tiny().only(&[]).index.len(), 2);
    }
}

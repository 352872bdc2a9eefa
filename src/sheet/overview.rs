//! The corpus at a glance, above the index: the statements carried by the most outlets with
//! the form each outlet gave them (a statement × outlet grid), the altered quotes, and quotes
//! by day.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::model::{by_date, Rendering, SheetStatement};
use crate::link::{DiffStep, Relation};
use crate::QuoteKind;

/// At most this many statements in the grid; the overview says how many more there are.
pub(crate) const GRID_ROWS: usize = 40;

/// The corpus at a glance.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Overview {
    /// Articles read.
    pub articles: usize,
    /// Statements found (each linked statement once, however many sheets show it).
    pub statements: usize,
    /// The outlets, by the date of their first article (undated last), then by name: the
    /// columns of the grid.
    pub outlets: Vec<String>,
    /// The statements two outlets or more carried, most outlets first, then by first date:
    /// the rows of the grid, at most 40.
    pub carried: Vec<Carried>,
    /// How many more statements two outlets or more carried than `carried` lists.
    pub more_carried: usize,
    /// Every altered quote (see [`Rendering::altered`]), by statement in the order of the
    /// sheets, then by date.
    pub altered: Vec<Altered>,
    /// Quotes by day of publication, in date order.
    pub timeline: Vec<Day>,
    /// Quotes in articles with no date.
    pub undated: usize,
}

/// Where a statement is shown: its speaker and the page and anchor of its sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Place {
    /// The speaker id of the sheet that shows it first.
    pub speaker: String,
    /// The speaker's display name (the name, else the first role, else the id).
    pub speaker_name: String,
    /// The file name stem of the page that shows it.
    pub file: String,
    /// The id of the statement on that page (and in a whole document).
    pub anchor: String,
}

/// A row of the grid: one statement and how each outlet carried it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Carried {
    /// The statement's cluster id.
    pub cluster: String,
    /// Where it is shown.
    pub place: Place,
    /// The canonical wording.
    pub canonical: String,
    /// The earliest date among its articles.
    pub first_date: Option<String>,
    /// The outlets that carried it, in the order of [`Overview::outlets`], with the form.
    pub cells: Vec<Cell>,
}

/// How one outlet carried a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cell {
    /// The outlet.
    pub outlet: String,
    /// The fullest form it used (quoted before partial before fragment before reported).
    pub form: Form,
    /// Whether its rendering in quote marks is altered.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub altered: bool,
}

/// The form an outlet gave a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Form {
    /// A full quote in marks.
    Quoted,
    /// Part of a sentence in marks.
    Partial,
    /// A short part of the statement quoted alone.
    Fragment,
    /// Reported speech, no quote marks.
    Reported,
}

impl Form {
    /// The form of a rendering.
    pub(crate) fn of(r: &Rendering) -> Form {
        match (r.kind, r.relation) {
            (QuoteKind::Indirect, _) => Form::Reported,
            (_, Relation::Fragment) => Form::Fragment,
            (QuoteKind::Partial, _) => Form::Partial,
            _ => Form::Quoted,
        }
    }

    /// The name used in JSON: `"quoted"`, `"partial"`, `"fragment"`, `"reported"`.
    ///
    /// ```
    /// assert_eq!(saywho::sheet::Form::Reported.as_str(), "reported");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Form::Quoted => "quoted",
            Form::Partial => "partial",
            Form::Fragment => "fragment",
            Form::Reported => "reported",
        }
    }

    /// The letter a grid cell shows: `Q`, `P`, `F`, `R`.
    ///
    /// ```
    /// assert_eq!(saywho::sheet::Form::Quoted.letter(), "Q");
    /// ```
    pub fn letter(self) -> &'static str {
        match self {
            Form::Quoted => "Q",
            Form::Partial => "P",
            Form::Fragment => "F",
            Form::Reported => "R",
        }
    }
}

/// One altered quote: an outlet whose words in quote marks differ substantively from what
/// the other outlets print for the statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Altered {
    /// The statement's cluster id.
    pub cluster: String,
    /// Where the statement is shown.
    pub place: Place,
    /// The canonical wording.
    pub canonical: String,
    /// The altered quote's id.
    pub quote: String,
    /// Its outlet.
    pub outlet: String,
    /// Its article's date.
    pub date: Option<String>,
    /// The steps that alter it: substantive and critical ones, in order.
    pub changes: Vec<DiffStep>,
    /// The outlets whose quotes in marks print the statement as the canonical wording does
    /// (no substantive change), sorted.
    pub agreeing: Vec<String>,
}

/// Quotes published on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Day {
    /// The date as the articles give it (its first ten characters: `YYYY-MM-DD`).
    pub date: String,
    /// Quotes published that day.
    pub quotes: usize,
    /// Statements first carried that day.
    pub new_statements: usize,
    /// Outlets that published that day.
    pub outlets: usize,
}

impl Overview {
    /// The overview of `statements`, each with the place of the sheet that shows it first,
    /// in the order of the sheets; `articles` is the number of articles read.
    pub(crate) fn build(articles: usize, statements: &[(Place, &SheetStatement)]) -> Overview {
        let day = |d: &Option<String>| d.as_deref().map(|d| d.chars().take(10).collect());
        // Outlets by their first date, undated last, then by name.
        let mut first: BTreeMap<&str, Option<String>> = BTreeMap::new();
        for (_, st) in statements {
            for r in &st.renderings {
                let d: Option<String> = day(&r.date);
                let e = first.entry(r.outlet.as_str()).or_insert(d.clone());
                if d.is_some() && (e.is_none() || d < *e) {
                    *e = d;
                }
            }
        }
        let mut outlets: Vec<(&str, Option<String>)> = first.into_iter().collect();
        outlets.sort_by(|a, b| (by_date(&a.1), a.0).cmp(&(by_date(&b.1), b.0)));
        let column: BTreeMap<&str, usize> =
            outlets.iter().enumerate().map(|(i, o)| (o.0, i)).collect();
        let mut carried: Vec<Carried> = statements
            .iter()
            .filter(|(_, st)| st.outlets >= 2)
            .map(|(place, st)| {
                let mut cells: BTreeMap<usize, Cell> = BTreeMap::new();
                for r in &st.renderings {
                    let cell = cells.entry(column[r.outlet.as_str()]).or_insert(Cell {
                        outlet: r.outlet.clone(),
                        form: Form::of(r),
                        altered: false,
                    });
                    cell.form = cell.form.min(Form::of(r));
                    cell.altered |= r.altered;
                }
                Carried {
                    cluster: st.cluster.clone(),
                    place: place.clone(),
                    canonical: st.canonical.clone(),
                    first_date: st.first_date.clone(),
                    cells: cells.into_values().collect(),
                }
            })
            .collect();
        // Most outlets first, then dated before undated and by date, then by cluster.
        carried.sort_by(|a, b| {
            b.cells
                .len()
                .cmp(&a.cells.len())
                .then_with(|| by_date(&a.first_date).cmp(&by_date(&b.first_date)))
                .then_with(|| a.cluster.cmp(&b.cluster))
        });
        let more_carried = carried.len().saturating_sub(GRID_ROWS);
        carried.truncate(GRID_ROWS);
        let altered = statements
            .iter()
            .flat_map(|(place, st)| altered_in(place, st))
            .collect();
        let (timeline, undated) = timeline(statements.iter().map(|(_, st)| *st), day);
        Overview {
            articles,
            statements: statements.len(),
            outlets: outlets.into_iter().map(|(o, _)| o.to_string()).collect(),
            carried,
            more_carried,
            altered,
            timeline,
            undated,
        }
    }
}

/// The altered quotes of one statement, by date then outlet (the renderings' order).
fn altered_in(place: &Place, st: &SheetStatement) -> Vec<Altered> {
    let agreeing: BTreeSet<&str> = st
        .renderings
        .iter()
        .filter(|r| r.kind != QuoteKind::Indirect && r.relation != Relation::Reported)
        .filter(|r| {
            !r.diff
                .iter()
                .any(|d| d.significance.is_some_and(|s| s.alters()))
        })
        .map(|r| r.outlet.as_str())
        .collect();
    st.renderings
        .iter()
        .filter(|r| r.altered)
        .map(|r| Altered {
            cluster: st.cluster.clone(),
            place: place.clone(),
            canonical: st.canonical.clone(),
            quote: r.quote.clone(),
            outlet: r.outlet.clone(),
            date: r.date.clone(),
            changes: r.alterations().cloned().collect(),
            agreeing: agreeing
                .iter()
                .filter(|&&o| o != r.outlet)
                .map(|o| o.to_string())
                .collect(),
        })
        .collect()
}

/// Quotes by day, and how many are undated.
fn timeline<'a>(
    statements: impl Iterator<Item = &'a SheetStatement>,
    day: impl Fn(&Option<String>) -> Option<String>,
) -> (Vec<Day>, usize) {
    #[derive(Default)]
    struct Tally<'a> {
        quotes: usize,
        new_statements: usize,
        outlets: BTreeSet<&'a str>,
    }
    let mut days: BTreeMap<String, Tally> = BTreeMap::new();
    let mut undated = 0;
    for st in statements {
        if let Some(d) = day(&st.first_date) {
            days.entry(d).or_default().new_statements += 1;
        }
        for r in &st.renderings {
            match day(&r.date) {
                Some(d) => {
                    let t = days.entry(d).or_default();
                    t.quotes += 1;
                    t.outlets.insert(&r.outlet);
                }
                None => undated += 1,
            }
        }
    }
    let days = days
        .into_iter()
        .map(|(date, t)| Day {
            date,
            quotes: t.quotes,
            new_statements: t.new_statements,
            outlets: t.outlets.len(),
        })
        .collect();
    (days, undated)
}

//! Word-level differences between the canonical wording of a statement and one member's:
//! which words are the same, added, left out or replaced, and why a replaced word differs
//! (spelling, alias, number, inflection, other wording).

use serde::{Deserialize, Serialize};

use super::normalize::{Fold, Normalized, Word};

/// What one step of a diff does, read from the canonical wording to the variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiffOp {
    /// The same words.
    Equal,
    /// Words only in the variant.
    Insert,
    /// Words of the canonical wording the variant leaves out.
    Delete,
    /// Different words in the same place.
    Replace,
}

/// Why two words in the same place differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DiffReason {
    /// British and American spelling ("defence" / "defense").
    Spelling,
    /// Another name for the same thing ("U.S." / "American").
    Alias,
    /// Another figure ("19" / "12"; when every other word is the same the member is marked
    /// [`numbers_differ`](super::Member::numbers_differ)), or a figure added or left out.
    Number,
    /// The same number written another way ("twenty-one" / "21").
    Numeral,
    /// Another form of the same word ("precise" / "precision", "cut" / "cuts").
    Inflection,
    /// A negation added, left out or swapped ("will" / "won't", "not" added).
    Negation,
    /// Words left out where this outlet marks the cut with an ellipsis ("…", "...").
    Elided,
    /// Words an editor put in square brackets ("[the mayor]" for "she").
    Bracketed,
    /// Other words.
    Wording,
}

/// How much a step of a diff matters to a reader. Sheets show cosmetic steps muted, extent
/// greyed, substantive ones strongly and critical ones most strongly; a quote in marks with a
/// substantive or critical step is [`altered`](super::Member::altered).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Significance {
    /// The same words written another way: spelling, alias, numeral, or a cut or an insertion
    /// the outlet marks as one (ellipsis, square brackets). Case, punctuation and quote marks
    /// never make a step at all.
    Cosmetic,
    /// Words at either end that one outlet quotes and the canonical wording does not, or the
    /// other way round: more or less of the statement, not a change inside the quote marks.
    Extent,
    /// Other words inside the quote: reworded, added or left out, another word form.
    Substantive,
    /// Another figure or a negation: the changes that turn what was said around.
    Critical,
}

impl DiffOp {
    /// The name used in JSON: `"equal"`, `"insert"`, `"delete"`, `"replace"`.
    ///
    /// ```
    /// assert_eq!(saywho::link::DiffOp::Replace.as_str(), "replace");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DiffOp::Equal => "equal",
            DiffOp::Insert => "insert",
            DiffOp::Delete => "delete",
            DiffOp::Replace => "replace",
        }
    }

    /// The name shown to readers: `"unchanged"`, `"added"`, `"left out"`, `"replaced"`.
    ///
    /// ```
    /// assert_eq!(saywho::link::DiffOp::Delete.label(), "left out");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            DiffOp::Equal => "unchanged",
            DiffOp::Insert => "added",
            DiffOp::Delete => "left out",
            DiffOp::Replace => "replaced",
        }
    }
}

impl DiffReason {
    /// The name used in JSON: `"spelling"`, `"alias"`, `"number"`, `"numeral"`,
    /// `"inflection"`, `"negation"`, `"elided"`, `"bracketed"`, `"wording"`.
    ///
    /// ```
    /// assert_eq!(saywho::link::DiffReason::Number.as_str(), "number");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DiffReason::Spelling => "spelling",
            DiffReason::Alias => "alias",
            DiffReason::Number => "number",
            DiffReason::Numeral => "numeral",
            DiffReason::Inflection => "inflection",
            DiffReason::Negation => "negation",
            DiffReason::Elided => "elided",
            DiffReason::Bracketed => "bracketed",
            DiffReason::Wording => "wording",
        }
    }

    /// The name shown to readers on sheets: `"spelling"`, `"alias"`, `"other figure"`,
    /// `"numeral"`, `"word form"`, `"negation"`, `"cut marked …"`, `"editor's words [ ]"`,
    /// `"wording"`.
    ///
    /// ```
    /// assert_eq!(saywho::link::DiffReason::Inflection.label(), "word form");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            DiffReason::Spelling => "spelling",
            DiffReason::Alias => "alias",
            DiffReason::Number => "other figure",
            DiffReason::Numeral => "numeral",
            DiffReason::Inflection => "word form",
            DiffReason::Negation => "negation",
            DiffReason::Elided => "cut marked …",
            DiffReason::Bracketed => "editor's words [ ]",
            DiffReason::Wording => "wording",
        }
    }

    /// How much a step with this reason matters: cosmetic for spelling, alias, numeral, a
    /// marked cut or bracketed words; critical for another figure or a negation; substantive
    /// otherwise.
    ///
    /// ```
    /// use saywho::link::{DiffReason, Significance};
    /// assert_eq!(DiffReason::Spelling.significance(), Significance::Cosmetic);
    /// assert_eq!(DiffReason::Negation.significance(), Significance::Critical);
    /// ```
    pub fn significance(self) -> Significance {
        match self {
            DiffReason::Spelling
            | DiffReason::Alias
            | DiffReason::Numeral
            | DiffReason::Elided
            | DiffReason::Bracketed => Significance::Cosmetic,
            DiffReason::Number | DiffReason::Negation => Significance::Critical,
            DiffReason::Inflection | DiffReason::Wording => Significance::Substantive,
        }
    }
}

impl Significance {
    /// The name used in JSON and in sheet markup: `"cosmetic"`, `"extent"`, `"substantive"`,
    /// `"critical"`.
    ///
    /// ```
    /// assert_eq!(saywho::link::Significance::Extent.as_str(), "extent");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Significance::Cosmetic => "cosmetic",
            Significance::Extent => "extent",
            Significance::Substantive => "substantive",
            Significance::Critical => "critical",
        }
    }

    /// Whether a step of this weight can alter a quote in marks: substantive or critical
    /// (a quote is [`altered`](super::Member::altered) when such steps are a local change).
    ///
    /// ```
    /// use saywho::link::Significance;
    /// assert!(Significance::Critical.alters());
    /// assert!(!Significance::Extent.alters());
    /// ```
    pub fn alters(self) -> bool {
        self >= Significance::Substantive
    }
}

/// One step of a word-level diff between the canonical wording and a variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct DiffStep {
    /// What the step does.
    pub op: DiffOp,
    /// The words in the canonical wording ("" for an insert).
    pub canonical: String,
    /// The words in the variant ("" for a delete).
    pub variant: String,
    /// Why the words differ: always for a replace; for an insert or a delete only when it
    /// is more than plain words added or left out (a figure, a negation, a marked cut,
    /// bracketed words).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<DiffReason>,
    /// How much the step matters to a reader; none for an `equal` step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub significance: Option<Significance>,
}

impl DiffStep {
    /// Whether the step can alter a quote in marks: its weight is substantive or critical
    /// (see [`Significance::alters`]); never for an `equal` step.
    pub fn alters(&self) -> bool {
        self.significance.is_some_and(Significance::alters)
    }

    /// What the step shows a reader: its reason's label, else "added" or "left out"; `None`
    /// for an unchanged run and for extent (words beyond either end of the other quote).
    ///
    /// ```
    /// use saywho::{Article, Extractor, Linker};
    /// let ex = Extractor::new();
    /// let a = ex.extract(&Article::new("a", "Mayor Ana Reyes said: “We will defend the harbour today.”"));
    /// let b = ex.extract(&Article::new("b", "“We will defend the harbor,” Reyes said."));
    /// let s = &Linker::default().link(&[a, b])[0];
    /// let labels: Vec<_> = s.members.iter().flat_map(|m| &m.diff).filter_map(|d| d.label()).collect();
    /// assert_eq!(labels, ["spelling"]);
    /// ```
    pub fn label(&self) -> Option<&'static str> {
        match (self.significance?, self.reason, self.op) {
            (Significance::Extent, _, _) => None,
            (_, Some(r), _) => Some(r.label()),
            (_, None, DiffOp::Insert) => Some("added"),
            (_, None, DiffOp::Delete) => Some("left out"),
            (_, None, _) => Some(DiffReason::Wording.label()),
        }
    }
}

/// A word-level diff from `canon` (text `ct`) to `var` (text `vt`). Words compare by their
/// matching tokens; words equal for matching but written differently become a `replace`
/// with the reason (spelling, alias, numeral, inflection). Every step but an `equal` one gets
/// its [`Significance`]; words added or left out beyond the first or the last word the two
/// share are extent.
pub(crate) fn diff(ct: &str, canon: &Normalized, vt: &str, var: &Normalized) -> Vec<DiffStep> {
    let (cw, vw) = (&canon.words, &var.words);
    let ck = |w: &Word| canon.word_tokens(w);
    let vk = |w: &Word| var.word_tokens(w);
    // LCS table over words (quotes are short; this is only run for cluster members).
    let (n, m) = (cw.len(), vw.len());
    // One flat table, row i at i·(m + 1).
    let width = m + 1;
    let mut cells = vec![0u16; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            cells[i * width + j] = if ck(&cw[i]) == vk(&vw[j]) {
                cells[(i + 1) * width + j + 1] + 1
            } else {
                cells[(i + 1) * width + j].max(cells[i * width + j + 1])
            };
        }
    }
    let t = |i: usize, j: usize| cells[i * width + j];
    let bracketed = in_brackets(vt, vw);
    // The text of the variant between word j - 1 and word j (the gap a delete before word j
    // leaves), to see whether the outlet marks a cut there.
    let gap = |j: usize| {
        let from = j.checked_sub(1).map_or(0, |p| vw[p].end as usize);
        let to = vw.get(j).map_or(vt.len(), |w| w.start as usize);
        &vt[from..to]
    };
    // Word-level steps as byte ranges first, so that a run of words keeps the text between
    // them (punctuation included); runs are merged and strings cut at the end.
    let mut steps: Vec<Run> = Vec::new();
    let span = |w: &Word| Some((w.start as usize, w.end as usize));
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && ck(&cw[i]) == vk(&vw[j]) {
            let (a, b) = (&cw[i], &vw[j]);
            let lower = |s: &str| {
                s.chars()
                    .flat_map(char::to_lowercase)
                    .collect::<Vec<char>>()
            };
            let (x, y) = (&ct[a.range()], &vt[b.range()]);
            if x == y || lower(x) == lower(y) {
                steps.push(Run::new(DiffOp::Equal, span(a), span(b), None));
            } else {
                let reason = match a.fold.max(b.fold) {
                    Fold::Spelling => DiffReason::Spelling,
                    Fold::Alias => DiffReason::Alias,
                    Fold::Number => DiffReason::Numeral,
                    Fold::Plain => DiffReason::Inflection,
                };
                steps.push(Run::new(DiffOp::Replace, span(a), span(b), Some(reason)));
            }
            i += 1;
            j += 1;
        } else if j < m && (i == n || t(i, j + 1) >= t(i + 1, j)) {
            // Pair a delete with this insert as a replace when both are pending.
            if i < n && t(i + 1, j + 1) == t(i, j) {
                let (x, y) = (&ct[cw[i].range()], &vt[vw[j].range()]);
                let reason = if figure(x, &cw[i]) || figure(y, &vw[j]) {
                    // Another figure in the same place is what a fact-checker looks for.
                    DiffReason::Number
                } else if negation(x) != negation(y) {
                    DiffReason::Negation
                } else if bracketed[j] {
                    DiffReason::Bracketed
                } else {
                    DiffReason::Wording
                };
                steps.push(Run::new(
                    DiffOp::Replace,
                    span(&cw[i]),
                    span(&vw[j]),
                    Some(reason),
                ));
                i += 1;
            } else {
                let y = &vt[vw[j].range()];
                let reason = if bracketed[j] {
                    Some(DiffReason::Bracketed)
                } else {
                    loose_reason(y, &vw[j])
                };
                steps.push(Run::new(DiffOp::Insert, None, span(&vw[j]), reason));
            }
            j += 1;
        } else {
            let x = &ct[cw[i].range()];
            let reason = if elided(gap(j)) {
                Some(DiffReason::Elided)
            } else {
                loose_reason(x, &cw[i])
            };
            steps.push(Run::new(DiffOp::Delete, span(&cw[i]), None, reason));
            i += 1;
        }
    }
    // Words added or left out before the first shared word or after the last are more or
    // less of the statement, not a change inside the marks.
    let first = steps.iter().position(|s| s.op == DiffOp::Equal);
    let last = steps.iter().rposition(|s| s.op == DiffOp::Equal);
    if let (Some(first), Some(last)) = (first, last) {
        for (k, s) in steps.iter_mut().enumerate() {
            if (k < first || k > last) && matches!(s.op, DiffOp::Insert | DiffOp::Delete) {
                s.significance = Some(Significance::Extent);
                s.reason = None;
            }
        }
    }
    let mut runs: Vec<Run> = Vec::new();
    for s in steps {
        match runs.last_mut() {
            Some(last) if last.joins(&s) => {
                widen(&mut last.canonical, s.canonical);
                widen(&mut last.variant, s.variant);
            }
            _ => runs.push(s),
        }
    }
    let cut = |text: &str, r: Range| r.map_or(String::new(), |(s, e)| text[s..e].to_string());
    runs.into_iter()
        .map(|r| DiffStep {
            op: r.op,
            canonical: cut(ct, r.canonical),
            variant: cut(vt, r.variant),
            reason: r.reason,
            significance: r.significance,
        })
        .collect()
}

/// Whether a diff alters a quote: it has substantive or critical steps, and they are a local
/// change — the words the two share are at least twice the words those steps touch (the
/// larger side of each). A diff that changes more than that is a rewording or another
/// stretch of the statement (an overlapping window), not an altered copy.
pub(crate) fn alters(diff: &[DiffStep]) -> bool {
    let words = |s: &str| s.split_whitespace().count();
    let (mut shared, mut changed) = (0, 0);
    for d in diff {
        match d.significance {
            None => shared += words(&d.variant),
            Some(s) if s.alters() => changed += words(&d.canonical).max(words(&d.variant)),
            Some(_) => {}
        }
    }
    changed > 0 && shared >= 2 * changed
}

/// A byte range of a text, if the step has words on that side.
type Range = Option<(usize, usize)>;

/// One step of a diff while it is made: byte ranges instead of strings.
struct Run {
    op: DiffOp,
    canonical: Range,
    variant: Range,
    reason: Option<DiffReason>,
    significance: Option<Significance>,
}

impl Run {
    fn new(op: DiffOp, canonical: Range, variant: Range, reason: Option<DiffReason>) -> Run {
        let significance = match (op, reason) {
            (DiffOp::Equal, _) => None,
            (_, Some(r)) => Some(r.significance()),
            (_, None) => Some(Significance::Substantive),
        };
        Run {
            op,
            canonical,
            variant,
            reason,
            significance,
        }
    }

    /// Whether `next` continues this run: the same op, reason and weight, and not a replace
    /// (each replaced word keeps its own reason).
    fn joins(&self, next: &Run) -> bool {
        self.op == next.op
            && self.reason == next.reason
            && self.significance == next.significance
            && self.op != DiffOp::Replace
    }
}

fn widen(acc: &mut Range, add: Range) {
    if let Some((s, e)) = add {
        *acc = Some(acc.map_or((s, e), |(s0, _)| (s0, e)));
    }
}

/// Whether a word is a figure: a number word or digits.
fn figure(text: &str, w: &Word) -> bool {
    w.fold == Fold::Number || text.bytes().any(|b| b.is_ascii_digit())
}

/// The reason of a word added or left out, when it is more than a word: a figure or a
/// negation.
fn loose_reason(text: &str, w: &Word) -> Option<DiffReason> {
    if figure(text, w) {
        Some(DiffReason::Number)
    } else if negation(text) {
        Some(DiffReason::Negation)
    } else {
        None
    }
}

/// Whether a word negates: one of `data/negations.txt`, or any word ending in "n't".
fn negation(word: &str) -> bool {
    static WORDS: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        crate::lexicon::lists::entries(include_str!("../../data/negations.txt")).collect()
    });
    let lower = word.to_lowercase().replace('’', "'");
    lower.ends_with("n't") || words.contains(lower.as_str())
}

/// Whether a gap of text between two words marks a cut: an ellipsis, as one character or as
/// dots.
fn elided(gap: &str) -> bool {
    gap.contains('…') || gap.contains("...") || gap.contains(". . .")
}

/// For each word of `text`, whether it stands inside square brackets (an editor's words).
fn in_brackets(text: &str, words: &[Word]) -> Vec<bool> {
    let mut depth = 0i32;
    let mut at = 0;
    words
        .iter()
        .map(|w| {
            for b in text[at..w.start as usize].bytes() {
                match b {
                    b'[' => depth += 1,
                    b']' => depth = (depth - 1).max(0),
                    _ => {}
                }
            }
            at = w.start as usize;
            depth > 0
        })
        .collect()
}

/// The diff of a text with itself: one `equal` step from its first word to its last (none for
/// a text without words), as [`diff`] gives it.
pub(crate) fn unchanged(text: &str) -> Vec<DiffStep> {
    let words = super::normalize::raw_words(text);
    match (words.first(), words.last()) {
        (Some(&(start, _)), Some(&(_, end))) => vec![DiffStep {
            op: DiffOp::Equal,
            canonical: text[start..end].to_string(),
            variant: text[start..end].to_string(),
            reason: None,
            significance: None,
        }],
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::normalize::normalize;
    use super::*;

    #[test]
    fn diff_explains_differences() {
        let (ct, vt) = (
            "strikes against U.S. personnel began",
            "strikes against American personnel, which started",
        );
        let d = diff(ct, &normalize(ct), vt, &normalize(vt));
        let reasons: Vec<_> = d
            .iter()
            .filter_map(|s| {
                s.reason
                    .map(|r| (r, s.canonical.as_str(), s.variant.as_str()))
            })
            .collect();
        assert!(
            reasons.contains(&(DiffReason::Alias, "U.S.", "American")),
            "{d:?}"
        );
        assert!(d
            .iter()
            .any(|s| s.op == DiffOp::Insert || s.op == DiffOp::Replace));
        let d = diff(
            "self-defence",
            &normalize("self-defence"),
            "self-defense",
            &normalize("self-defense"),
        );
        assert_eq!(d[0].reason, Some(DiffReason::Spelling));
    }

    /// The (reason, weight, canonical, variant) of each step that is not `equal`.
    fn changes(ct: &str, vt: &str) -> Vec<(Option<DiffReason>, Significance, String, String)> {
        diff(ct, &normalize(ct), vt, &normalize(vt))
            .into_iter()
            .filter(|d| d.op != DiffOp::Equal)
            .map(|d| (d.reason, d.significance.unwrap(), d.canonical, d.variant))
            .collect()
    }

    #[test]
    fn steps_are_weighed() {
        use Significance::*;
        let c = changes(
            "We will not raise taxes on families this year",
            "We will raise taxes on families this year",
        );
        assert_eq!(
            c,
            [(
                Some(DiffReason::Negation),
                Critical,
                "not".into(),
                "".into()
            )]
        );
        let c = changes(
            "We counted 19 drones over the harbour",
            "We counted 12 drones over the harbor",
        );
        let got: Vec<_> = c.iter().map(|x| (x.0, x.1)).collect();
        assert_eq!(
            got,
            [
                (Some(DiffReason::Number), Critical),
                (Some(DiffReason::Spelling), Cosmetic)
            ]
        );
        let c = changes(
            "We counted twenty drones over the bay",
            "We counted 20 drones over the bay",
        );
        assert_eq!((c[0].0, c[0].1), (Some(DiffReason::Numeral), Cosmetic));
        // A cut the outlet marks with an ellipsis, and an editor's words in brackets.
        let c = changes(
            "The line held for two days and then the wind took it from us",
            "The line held for two days … the wind took it from us",
        );
        assert_eq!(
            (c[0].0, c[0].1),
            (Some(DiffReason::Elided), Cosmetic),
            "{c:?}"
        );
        let c = changes(
            "She said it would open in May",
            "[The mayor] said it would open in May",
        );
        assert_eq!(
            (c[0].0, c[0].1),
            (Some(DiffReason::Bracketed), Cosmetic),
            "{c:?}"
        );
        // Words beyond either end are extent; inside the quote they alter it.
        let c = changes(
            "We will rebuild the pier",
            "Yes, we will rebuild the pier quickly",
        );
        assert!(c.iter().all(|x| x.1 == Extent && x.0.is_none()), "{c:?}");
        let c = changes(
            "We will rebuild the pier",
            "We will quickly rebuild the pier",
        );
        assert_eq!(c, [(None, Substantive, "".into(), "quickly".into())]);
        let c = changes("We will rebuild", "We won't rebuild");
        assert_eq!(
            (c[0].0, c[0].1),
            (Some(DiffReason::Negation), Critical),
            "{c:?}"
        );
    }

    #[test]
    fn unchanged_is_the_diff_with_itself() {
        for text in [
            "“We will,” he said, “fight on.”",
            "the United States — and U.S. allies",
            "…",
            "",
        ] {
            let n = normalize(text);
            assert_eq!(unchanged(text), diff(text, &n, text, &n), "{text:?}");
        }
    }
}

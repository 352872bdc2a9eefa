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
    /// A number: written out or in digits ("twenty-one" / "21"), or another figure ("19" /
    /// "12", and the member is marked [`numbers_differ`](super::Member::numbers_differ)).
    Number,
    /// Another form of the same word ("precise" / "precision").
    Inflection,
    /// Other words.
    Wording,
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
    /// The name used in JSON: `"spelling"`, `"alias"`, `"number"`, `"inflection"`,
    /// `"wording"`.
    ///
    /// ```
    /// assert_eq!(saywho::link::DiffReason::Number.as_str(), "number");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            DiffReason::Spelling => "spelling",
            DiffReason::Alias => "alias",
            DiffReason::Number => "number",
            DiffReason::Inflection => "inflection",
            DiffReason::Wording => "wording",
        }
    }

    /// The name shown to readers on sheets; the same as [`DiffReason::as_str`]
    /// (`"spelling"`, `"alias"`, `"number"`, `"inflection"`, `"wording"`).
    ///
    /// ```
    /// assert_eq!(saywho::link::DiffReason::Inflection.label(), "inflection");
    /// ```
    pub fn label(self) -> &'static str {
        self.as_str()
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
    /// For a replace, why the words differ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<DiffReason>,
}

/// A word-level diff from `canon` (text `ct`) to `var` (text `vt`). Words compare by their
/// matching tokens; words equal for matching but written differently become a `replace`
/// with the reason (spelling, alias, number, inflection).
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
    // Steps as byte ranges first, so that a run of words keeps the text between them
    // (punctuation included); strings are cut at the end.
    type Range = Option<(usize, usize)>;
    let mut runs: Vec<(DiffOp, Range, Range, Option<DiffReason>)> = Vec::new();
    let mut push = |op: DiffOp, c: Range, v: Range, reason: Option<DiffReason>| {
        let widen = |acc: &mut Range, add: Range| {
            if let Some((s, e)) = add {
                *acc = Some(acc.map_or((s, e), |(s0, _)| (s0, e)));
            }
        };
        if let Some(last) = runs.last_mut() {
            if last.0 == op && last.3 == reason && op != DiffOp::Replace {
                widen(&mut last.1, c);
                widen(&mut last.2, v);
                return;
            }
        }
        runs.push((op, c, v, reason));
    };
    let span = |w: &Word| (w.start as usize, w.end as usize);
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
            let same = x == y || lower(x) == lower(y);
            if same {
                push(DiffOp::Equal, Some(span(a)), Some(span(b)), None);
            } else {
                let reason = match a.fold.max(b.fold) {
                    Fold::Spelling => DiffReason::Spelling,
                    Fold::Alias => DiffReason::Alias,
                    Fold::Number => DiffReason::Number,
                    Fold::Plain => DiffReason::Inflection,
                };
                push(DiffOp::Replace, Some(span(a)), Some(span(b)), Some(reason));
            }
            i += 1;
            j += 1;
        } else if j < m && (i == n || t(i, j + 1) >= t(i + 1, j)) {
            // Pair a delete with this insert as a replace when both are pending.
            if i < n && t(i + 1, j + 1) == t(i, j) {
                // Another figure in the same place is what a fact-checker looks for.
                let figure = |text: &str, w: &Word| {
                    w.fold == Fold::Number || text[w.range()].bytes().all(|b| b.is_ascii_digit())
                };
                let reason = if figure(ct, &cw[i]) && figure(vt, &vw[j]) {
                    DiffReason::Number
                } else {
                    DiffReason::Wording
                };
                push(
                    DiffOp::Replace,
                    Some(span(&cw[i])),
                    Some(span(&vw[j])),
                    Some(reason),
                );
                i += 1;
            } else {
                push(DiffOp::Insert, None, Some(span(&vw[j])), None);
            }
            j += 1;
        } else {
            push(DiffOp::Delete, Some(span(&cw[i])), None, None);
            i += 1;
        }
    }
    let cut = |text: &str, r: Range| r.map_or(String::new(), |(s, e)| text[s..e].to_string());
    runs.into_iter()
        .map(|(op, c, v, reason)| DiffStep {
            op,
            canonical: cut(ct, c),
            variant: cut(vt, v),
            reason,
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

//! What must hold for every output, as checks that return the first violation.
//!
//! Shared by the tests, the property tests and the fuzz targets, so all three check the same
//! contract. Hidden from the documentation: the contract itself is in `docs/json-contract.md`
//! and `docs/link-contract.md`.

use std::collections::HashSet;

use crate::{Article, Extraction, Statement};

/// Checks an extraction against its article: spans slice the text on character boundaries,
/// quote text is exactly its span, ids count from 1 in text order, top-level quotes never
/// overlap (nested speech lies inside the quote marked `within`, one level deep), parts lie
/// inside their quote, speaker and cue spans point at their words, and mentions are never
/// inside a quote.
pub fn extraction(article: &Article, e: &Extraction) -> Result<(), String> {
    let text = &article.text;
    let slice = |what: &str, id: &str, span: crate::Span| -> Result<&str, String> {
        if span.start > span.end || span.end > text.len() {
            return Err(format!("{id}: {what} span {span:?} outside the text"));
        }
        if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
            return Err(format!("{id}: {what} span {span:?} not on char boundaries"));
        }
        Ok(&text[span.range()])
    };
    let mut last_end = 0;
    for (i, q) in e.quotes.iter().enumerate() {
        let id = &q.id;
        if *id != format!("{}#{}", article.id, i + 1) {
            return Err(format!("{id}: expected id {}#{}", article.id, i + 1));
        }
        if slice("quote", id, q.span)? != q.text {
            return Err(format!("{id}: text is not its span"));
        }
        if q.text.is_empty() {
            return Err(format!("{id}: empty quote"));
        }
        match &q.within {
            Some(parent) => {
                let p = e
                    .quotes
                    .iter()
                    .find(|p| &p.id == parent)
                    .ok_or_else(|| format!("{id}: within unknown {parent}"))?;
                if !p.span.contains(q.span) {
                    return Err(format!("{id}: outside its parent {parent}"));
                }
                if p.within.is_some() {
                    return Err(format!("{id}: nested two levels"));
                }
            }
            None => {
                if q.span.start < last_end {
                    return Err(format!("{id}: overlaps the previous quote"));
                }
                last_end = q.span.end;
            }
        }
        for part in &q.parts {
            slice("part", id, *part)?;
            if !q.span.contains(*part) {
                return Err(format!("{id}: part outside the quote"));
            }
        }
        if let Some(s) = &q.speaker {
            if slice("speaker", id, s.span)? != s.mention {
                return Err(format!("{id}: speaker mention is not its span"));
            }
        }
        if let Some(c) = &q.cue {
            if slice("cue", id, c.span)? != c.text {
                return Err(format!("{id}: cue is not its span"));
            }
        }
        if q.speaker.is_some() != q.resolved_by.is_some() {
            return Err(format!("{id}: resolved_by without speaker or the reverse"));
        }
    }
    for m in &e.mentions {
        if slice("mention", &e.article, m.span)? != m.text {
            return Err(format!("mention {:?}: text is not its span", m.span));
        }
        if e.quotes.iter().any(|q| q.span.contains(m.span)) {
            return Err(format!("mention {:?} inside a quote", m.span));
        }
    }
    Ok(())
}

/// Checks statements against the extractions they were linked from: every quote is in
/// exactly one statement, members are sorted and match `quotes`, each statement has exactly
/// one canonical member, and no statement joins two different named speakers (corpus ids
/// from the [`crate::Roster`]).
pub fn statements(extractions: &[Extraction], statements: &[Statement]) -> Result<(), String> {
    let roster = crate::Roster::build(extractions);
    let speaker_of: std::collections::HashMap<&str, Option<&str>> = extractions
        .iter()
        .flat_map(|e| &e.quotes)
        .map(|q| {
            let named = q
                .speaker
                .as_ref()
                .and_then(|s| s.id.as_deref())
                .filter(|id| !id.contains('/'))
                .map(|id| roster.corpus_id(id));
            (q.id.as_str(), named)
        })
        .collect();
    let mut seen = HashSet::new();
    for s in statements {
        let ids: Vec<&str> = s.members.iter().map(|m| m.quote.as_str()).collect();
        if ids != s.quotes.iter().map(String::as_str).collect::<Vec<_>>() {
            return Err(format!("{}: members and quotes differ", s.cluster));
        }
        if !ids.windows(2).all(|w| w[0] < w[1]) {
            return Err(format!("{}: quotes not sorted", s.cluster));
        }
        let canonical = s
            .members
            .iter()
            .filter(|m| m.relation == crate::Relation::Canonical)
            .count();
        if canonical != 1 {
            return Err(format!("{}: {canonical} canonical members", s.cluster));
        }
        let mut named = None;
        for id in ids {
            let speaker = speaker_of
                .get(id)
                .ok_or_else(|| format!("{}: unknown quote {id}", s.cluster))?;
            if !seen.insert(id) {
                return Err(format!("{id} is in two statements"));
            }
            if let Some(sp) = speaker {
                if named.is_some_and(|n| n != *sp) {
                    return Err(format!("{}: joins {} and {sp}", s.cluster, named.unwrap()));
                }
                named = Some(*sp);
            }
        }
    }
    if seen.len() != speaker_of.len() {
        return Err(format!(
            "{} of {} quotes are in a statement",
            seen.len(),
            speaker_of.len()
        ));
    }
    Ok(())
}

/// How the `link` fuzz target and its replay test turn bytes into a small corpus: split at
/// ASCII record separators (0x1E), at most eight articles `a0`…`a7`, invalid UTF-8 replaced,
/// outlets `outlet-0`…`outlet-2` in turn.
pub fn fuzz_corpus(data: &[u8]) -> Vec<Article> {
    data.split(|&b| b == 0x1E)
        .take(8)
        .enumerate()
        .map(|(i, doc)| {
            Article::new(format!("a{i}"), String::from_utf8_lossy(doc))
                .with_outlet(format!("outlet-{}", i % 3))
        })
        .collect()
}

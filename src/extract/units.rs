//! Paragraphs analysed (quote marks, tokens, sentences) and the top-level quotes of an
//! article grouped into units that may run over several paragraphs.

use std::ops::Range;

use crate::grammar::dateline::dateline_end;
use crate::grammar::marks::{self, Family, Region};
use crate::grammar::sentences;
use crate::grammar::words::{self, Tok, Token};
use crate::Span;

use super::judge::ends_like_sentence;

/// One paragraph, analysed.
pub(super) struct Para {
    pub span: Span,
    pub regions: Vec<Region>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Range<usize>>,
}

/// A top-level quote, possibly over several paragraphs: (paragraph, token) of each part.
pub(super) struct Unit {
    pub parts: Vec<(usize, usize)>,
}

/// Groups top-level quotes into units, continuing a quote left open at the end of a
/// paragraph into the next paragraph when that one opens with a mark of the same family.
pub(super) fn units(text: &str, paras: &[Para], max_paragraphs: usize) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut pending: Option<(usize, Family)> = None;
    for (pi, p) in paras.iter().enumerate() {
        let mut next_pending = None;
        for (ti, t) in p.tokens.iter().enumerate() {
            let Tok::Quote(ri) = t.tok else { continue };
            let r = &p.regions[ri];
            // A nickname inside a name (Wendell “Dell” Amsel) is not a quote.
            if t.flags.nickname() || quote_inner(text, p, ri).is_empty() {
                continue;
            }
            let continues = ti == 0
                && pending.is_some_and(|(ui, fam)| {
                    fam == r.family && units[ui].parts.len() < max_paragraphs
                });
            let ui = match (continues, pending) {
                (true, Some((ui, _))) => {
                    units[ui].parts.push((pi, ti));
                    ui
                }
                _ => {
                    units.push(Unit {
                        parts: vec![(pi, ti)],
                    });
                    units.len() - 1
                }
            };
            if r.close.is_none() {
                next_pending = Some((ui, r.family));
            }
        }
        pending = next_pending;
    }
    units
}

/// Analyses one paragraph: its quote marks (an unclosed quote cut at its own attribution),
/// tokens and sentences.
pub(super) fn analyse_paragraph(text: &str, span: Span) -> Para {
    let mut regions = marks::pair(&marks::lex(span.slice(text), span.start));
    for r in regions
        .iter_mut()
        .filter(|r| r.depth == 0 && r.close.is_none())
    {
        if let Some(cut) = attribution_inside(text, r.inner(span.end)) {
            r.close = Some(Span::new(cut, cut));
        }
    }
    let mut tokens = Vec::new();
    words::tokenize(text, span, &regions, &mut tokens);
    let mut sentences = sentences::sentences(text, &tokens, |i| {
        let Tok::Quote(ri) = tokens[i].tok else {
            return false;
        };
        let inner = regions[ri].inner(span.end).slice(text).trim_end();
        ends_like_sentence(inner)
    });
    // A dateline opening the paragraph ("WASHINGTON (AP) —") belongs to no sentence: it is
    // never a speaker, nor a part of what one says.
    if let Some(first) = sentences.first_mut() {
        if let Some(after) = dateline_end(text, &tokens, first.start, first.end) {
            first.start = after;
        }
    }
    Para {
        span,
        regions,
        tokens,
        sentences,
    }
}

/// How far after a comma the words of an attribution inside an unclosed quote are looked for.
const WINDOW: usize = 256;

/// Where an unclosed quote really ends when its own attribution follows inside it
/// (`"We apologise, the operator said in a notice.` with the closing mark lost): the end of
/// the comma before `<up to four words> <cue>` or `<cue> <words>`. `None` if there is no such
/// comma, and the quote then runs to the end of the paragraph.
fn attribution_inside(text: &str, inner: Span) -> Option<usize> {
    // Only a comma can start the pattern, so lex a few words after each comma rather than
    // the whole region: a paragraph-long unclosed quote costs no more than reading it.
    let mut tokens = Vec::with_capacity(6);
    inner.slice(text).match_indices(',').find_map(|(at, _)| {
        let after = inner.start + at + 1;
        tokens.clear();
        // Five words lie in the next few hundred bytes: a window, so that markup that never
        // closes ("[/" after every comma) is not searched to the paragraph's end each time.
        let mut end = inner.end.min(after + WINDOW);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        words::tokenize_some(text, Span::new(after, end), 5, &mut tokens);
        let words = tokens.iter().take_while(|t| t.is_word());
        let mut cues = words.filter(|t| !t.flags.capitalized() && t.flags.cue().is_some());
        cues.next().map(|_| after)
    })
}

/// The quoted words of region `ri` in paragraph `p`: between the marks, trimmed of white
/// space and of a trailing comma (`“…,” he said`).
pub(super) fn quote_inner(text: &str, p: &Para, ri: usize) -> Span {
    trimmed_inner(text, p.regions[ri].inner(p.span.end))
}

/// `inner` trimmed of white space and of a trailing comma.
pub(super) fn trimmed_inner(text: &str, inner: Span) -> Span {
    let s = inner.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim().trim_end_matches(',').trim_end();
    Span::new(inner.start + lead, inner.start + lead + trimmed.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_reopened_in_the_next_paragraph_is_one_unit() {
        let text = "“One.\n“Two,” she said.\n“Three.”";
        let paras: Vec<Para> = sentences::paragraphs(text, 0)
            .map(|span| analyse_paragraph(text, span))
            .collect();
        let parts: Vec<usize> = units(text, &paras, 20)
            .iter()
            .map(|u| u.parts.len())
            .collect();
        assert_eq!(parts, [2, 1]);
        let capped: Vec<usize> = units(text, &paras, 1)
            .iter()
            .map(|u| u.parts.len())
            .collect();
        assert_eq!(capped, [1, 1, 1]);
    }
}

//! One article's extraction as a pass over its state: the paragraphs, their sentences with
//! cues and names, the entity table, the quote units, and what the second pass has resolved
//! so far (pulldown-cmark's `FirstPass` is the model: the state is one struct, the rules are
//! its methods).

use std::cell::OnceCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::grammar::marks;
use crate::grammar::sentences::{self, is_prose};
use crate::Article;

use crate::grammar::attribution::{self, Attribution};
use crate::grammar::cue;
use crate::grammar::speaker::Mention as Np;
use crate::quote::{Mention, Quote, SpeakerKind};
use crate::resolve::{resolve_sentence, scan_names, Entities, Timeline, Who};
use crate::Span;

use super::blocks::{block_quotes, document_quotes};
use super::found::Found;
use super::judge::{Picks, Verdict};
use super::lede::identify_lede;
use super::nested::nested_speech;
use super::reported::reported;
use super::turns::turn_quotes;
use super::units::{analyse_paragraph, units, Para, Unit};
use super::Extractor;

/// A sentence: its paragraph, tokens, cues with speakers, and named mentions.
pub(crate) struct Sent {
    pub para: usize,
    pub range: Range<usize>,
    pub attributions: Vec<Attribution>,
    /// Named mentions and clause-opening pronouns, each with whether it opens a clause.
    pub names: Vec<(Np, bool)>,
}

/// What the second pass resolved in one sentence.
pub(super) struct Resolved {
    /// The speaker of each attribution of the sentence, in order.
    pub whos: Vec<Option<Who>>,
    /// Who spoke last in the sentence (else its subject): a quote opening the next sentence
    /// with no cue of its own is theirs.
    pub speaker: Option<Who>,
    /// The sentence's subject: its first named or pronoun mention that opens a clause.
    pub subject: Option<Who>,
    /// Its attributions indexed for choosing a quote's (a quote may open in this sentence
    /// and close in a later one), made the first time a quote needs them.
    pub picks: OnceCell<Picks>,
}

/// The state of one article's extraction.
pub(super) struct Pass<'a> {
    pub extractor: &'a Extractor,
    pub text: &'a str,
    pub paras: Vec<Para>,
    pub sents: Vec<Sent>,
    entities: Entities<'a>,
    units: Vec<Unit>,
    /// Where each unit closes, (paragraph, token) of its last part, with the unit's index,
    /// in text order: the second pass walks it with a cursor as it walks the sentences.
    closes: Vec<((usize, usize), usize)>,
    /// Index of each paragraph's first sentence (a paragraph's sentences are contiguous),
    /// and one past the last sentence at the end.
    para_first: Vec<usize>,
    /// The resolved sentences, in text order; the second pass appends one per sentence.
    pub done: Vec<Resolved>,
    /// Whether the first paragraph is the article's first (the first window).
    opens_article: bool,
}

impl<'a> Pass<'a> {
    /// The first pass over the paragraphs `spans` of `text`: their sentences with cues,
    /// speakers and names, the entity table, and the quote units.
    pub fn new(
        extractor: &'a Extractor,
        text: &'a str,
        spans: &[Span],
        opens_article: bool,
    ) -> Self {
        let paras: Vec<Para> = spans
            .iter()
            .map(|&span| analyse_paragraph(text, span))
            .collect();
        let mut sents = Vec::new();
        let mut entities = Entities::new(text);
        for (pi, p) in paras.iter().enumerate() {
            for range in &p.sentences {
                let cues = cue::find_cues(text, &p.tokens, range.clone());
                let attributions = attribution::attribute(text, &p.tokens, range.clone(), &cues);
                let names = scan_names(text, &p.tokens, range.clone());
                for (m, _) in &names {
                    entities.observe(m, &p.tokens);
                }
                for m in attributions.iter().filter_map(|a| a.speaker.as_ref()) {
                    entities.observe(m, &p.tokens);
                }
                sents.push(Sent {
                    para: pi,
                    range: range.clone(),
                    attributions,
                    names,
                });
            }
        }
        entities.settle();

        let units = units(text, &paras, extractor.max_quote_paragraphs);
        let mut closes: Vec<((usize, usize), usize)> = units
            .iter()
            .enumerate()
            .map(|(ui, u)| (*u.parts.last().expect("a unit has a part"), ui))
            .collect();
        closes.sort_unstable();
        let mut para_first = vec![0; paras.len() + 1];
        for (si, s) in sents.iter().enumerate().rev() {
            para_first[s.para] = si;
        }
        para_first[paras.len()] = sents.len();
        Pass {
            extractor,
            text,
            done: Vec::with_capacity(sents.len()),
            paras,
            sents,
            entities,
            units,
            closes,
            para_first,
            opens_article,
        }
    }

    /// The sentence holding token `ti` of paragraph `pi`.
    pub fn sentence_at(&self, pi: usize, ti: usize) -> usize {
        let own = &self.sents[self.para_first[pi]..];
        self.para_first[pi] + own.partition_point(|s| s.para == pi && s.range.end <= ti)
    }

    /// The subject of sentence `start_si`, where a quote opens; `subject` is that of the
    /// sentence `si` being resolved, which may be the same one.
    pub fn subject_of(&self, start_si: usize, si: usize, subject: Option<Who>) -> Option<Who> {
        if start_si == si {
            subject
        } else {
            self.done.get(start_si).and_then(|r| r.subject)
        }
    }

    /// The speaker of the sentence before `si`, if any.
    pub fn speaker_before(&self, si: usize) -> Option<Who> {
        si.checked_sub(1)
            .and_then(|k| self.done.get(k))
            .and_then(|r| r.speaker)
    }

    /// The second pass, in text order: resolve each sentence's speakers, then judge each
    /// quote that closes in it, the speech nested in it, and the sentence's reported speech.
    /// Returns the quotes found (not yet in text order) and the mentions.
    pub fn run(mut self) -> (Vec<Found>, Vec<Mention>) {
        let text = self.text;
        let mut timeline = Timeline::default();
        let mut quotes = Vec::new();
        let mut mentions = Vec::new();
        let mut next_close = 0;
        for si in 0..self.sents.len() {
            let s = &self.sents[si];
            let (whos, subject) = resolve_sentence(
                text,
                &s.attributions,
                &s.names,
                &self.entities,
                &mut timeline,
            );
            let mut speaker = whos.iter().rev().flatten().next().cloned();
            let picks = OnceCell::new();
            let sentence_start = quotes.len();
            // The units that close in this sentence, in order.
            while self
                .closes
                .get(next_close)
                .is_some_and(|&((pi, ti), _)| (pi, ti) < (s.para, s.range.start))
            {
                next_close += 1;
            }
            let closing = self.closes[next_close..]
                .iter()
                .take_while(|&&((pi, ti), _)| pi == s.para && ti < s.range.end)
                .count();
            for &(_, ui) in &self.closes[next_close..next_close + closing] {
                let unit = &self.units[ui];
                match self.judge(unit, si, (&whos, &picks), subject) {
                    Verdict::Quote(q) => {
                        if let Some(w) = &q.who {
                            speaker = Some(*w);
                        }
                        let nested = nested_speech(
                            text,
                            &self.paras,
                            unit,
                            q.span,
                            q.who.as_ref(),
                            &self.entities,
                            &timeline,
                        );
                        quotes.push(q);
                        quotes.extend(nested);
                    }
                    Verdict::Mention(m) => mentions.push(m),
                    Verdict::Skip => {}
                }
            }
            let tokens = &self.paras[s.para].tokens;
            for (q, who) in reported(text, tokens, s, &whos, &quotes[sentence_start..]) {
                speaker = Some(who);
                quotes.push(q);
            }
            self.done.push(Resolved {
                whos,
                speaker: speaker.or(subject),
                subject,
                picks,
            });
        }
        turn_quotes(text, &self.paras, &self.entities, &mut quotes);
        // The speaker of a paragraph's last sentence, for a statement set out after it; else
        // its named subject ("House Speaker Dolores Amari followed minutes later:"), whose
        // words must then be in the first person.
        let last_speaker = |pi: usize| {
            let si = self.para_first[pi + 1].checked_sub(1)?;
            if self.sents.get(si)?.para != pi {
                return None;
            }
            let r = self.done.get(si)?;
            let spoke = r.whos.iter().rev().flatten().next().copied();
            let subject = r.subject.filter(|w| {
                w.name.is_some()
                    && matches!(w.kind, SpeakerKind::Person | SpeakerKind::Organization)
            });
            spoke.map(|w| (w, false)).or(subject.map(|w| (w, true)))
        };
        block_quotes(text, &self.paras, last_speaker, &mut quotes);
        document_quotes(text, &self.paras, &self.entities, &mut quotes);
        if self.opens_article {
            identify_lede(text, &self.paras, &self.entities, &mut quotes);
        }
        (quotes, mentions)
    }
}

/// The prose paragraphs of `article`, in windows of whole paragraphs of at most `max_bytes`
/// each. A paragraph longer than that (a text with no line breaks) is cut into pieces that
/// fit, after a sentence's end where there is one, else at a space.
pub(super) fn windows(article: &Article, max_bytes: usize) -> Vec<Vec<Span>> {
    let text = article.text.as_str();
    let (body_start, _) = article.body();
    let mut out: Vec<Vec<Span>> = vec![Vec::new()];
    let mut bytes = 0;
    let mut long: Vec<Span>;
    for para in sentences::paragraphs(text, body_start).filter(|&p| is_prose(p.slice(text))) {
        // Nearly every paragraph fits; only a longer one is cut (and allocates).
        let one = [para];
        let parts = if para.len() <= max_bytes {
            &one[..]
        } else {
            long = pieces(text, para, max_bytes);
            &long[..]
        };
        for &p in parts {
            let window = out.last_mut().expect("a window");
            if !window.is_empty() && bytes + p.len() > max_bytes {
                out.push(Vec::new());
                bytes = 0;
            }
            bytes += p.len();
            out.last_mut().expect("a window").push(p);
        }
    }
    out
}

/// `p` as it is, or cut into pieces of at most `max_bytes` (see [`windows`]). A cut falls
/// outside every quote of the paragraph, so that no quote's marks are split between two
/// pieces (which would pair the rest of the text the wrong way round): after a sentence's end
/// where there is one, else at a space, else (a quote longer than a piece) anywhere.
fn pieces(text: &str, p: Span, max_bytes: usize) -> Vec<Span> {
    if p.len() <= max_bytes {
        return vec![p];
    }
    // The quotes of the paragraph in the writer's text, as (start, end), sorted.
    let quotes: Vec<(usize, usize)> = marks::pair(&marks::lex(p.slice(text), p.start))
        .iter()
        .filter(|r| r.depth == 0)
        .map(|r| {
            let outer = r.outer(p.end);
            (outer.start, outer.end)
        })
        .collect();
    let inside = |at: usize| {
        let k = quotes.partition_point(|&(start, _)| start < at);
        k > 0 && quotes[k - 1].1 > at
    };
    // The last place in `window` (which starts at `from`) after `pat` and outside quotes,
    // trying at most a few hundred.
    let last_outside = |window: &str, from: usize, pat: &str| {
        let mut rest = window;
        for _ in 0..256 {
            let k = rest.rfind(pat)?;
            let at = k + pat.len();
            if at > 0 && !inside(from + at) {
                return Some(at);
            }
            rest = &rest[..k];
        }
        None
    };
    let mut out = Vec::new();
    let mut start = p.start;
    while p.end - start > max_bytes {
        let mut limit = start + max_bytes;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let cut = last_outside(window, start, ". ")
            .or_else(|| last_outside(window, start, " "))
            .unwrap_or(window.len().max(1));
        let mut end = start + cut;
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let trimmed = text[start..end].trim_end();
        if !trimmed.is_empty() {
            out.push(Span::new(start, start + trimmed.len()));
        }
        start = end;
        start += text[start..p.end].len() - text[start..p.end].trim_start().len();
    }
    if start < p.end {
        out.push(Span::new(start, p.end));
    }
    out
}

/// Quotes in text order (a quote before the speech nested in it), with their ids.
pub(super) fn number(text: &str, article: &str, mut found: Vec<Found>) -> Vec<Quote> {
    found.sort_by_key(|q| (q.span.start, q.within.is_some()));
    let mut id_of: FxHashMap<Span, String> = FxHashMap::default();
    // The time phrases around the quotes, read once for the article.
    let mut near: Vec<(usize, usize)> = found
        .iter()
        .flat_map(|q| crate::grammar::when::ranges_near(q.cue.map(|(span, _)| span), q.span))
        .collect();
    let times = crate::grammar::when::phrases_in(text, &mut near);
    found
        .into_iter()
        .enumerate()
        .map(|(i, q)| {
            let within = q.within.and_then(|parent| id_of.get(&parent).cloned());
            let quote = q.into_quote(text, article, i + 1, within, &times);
            id_of.insert(quote.span, quote.id.clone());
            quote
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_paragraphs_are_cut_after_a_sentence_or_a_space() {
        let text = "One two. Three four five. Six";
        let got: Vec<&str> = pieces(text, Span::new(0, text.len()), 12)
            .into_iter()
            .map(|s| s.slice(text))
            .collect();
        assert_eq!(got, ["One two.", "Three four", "five. Six"]);
        let one = "abcdefghij";
        let got: Vec<&str> = pieces(one, Span::new(0, one.len()), 4)
            .into_iter()
            .map(|s| s.slice(one))
            .collect();
        assert_eq!(got, ["abcd", "efgh", "ij"]);
        let short = Span::new(0, 3);
        assert_eq!(pieces("abc", short, 10), [short]);
        // Never inside a quote: the sentence end in the quote is passed over.
        let quoted = "A b. “C d. E f,” g said. H";
        let got: Vec<&str> = pieces(quoted, Span::new(0, quoted.len()), 22)
            .into_iter()
            .map(|s| s.slice(quoted))
            .collect();
        assert_eq!(got, ["A b.", "“C d. E f,” g", "said. H"]);
    }
}

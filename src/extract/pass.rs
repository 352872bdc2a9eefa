//! One article's extraction as a pass over its state: the paragraphs, their sentences with
//! cues and names, the entity table, the quote units, and what the second pass has resolved
//! so far (pulldown-cmark's `FirstPass` is the model: the state is one struct, the rules are
//! its methods).

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::grammar::attribution::{self, Attribution};
use crate::grammar::cue;
use crate::grammar::sentences::{self, is_prose};
use crate::grammar::speaker::Mention as Np;
use crate::quote::{Mention, Quote};
use crate::resolve::{resolve_sentence, scan_names, Entities, Timeline, Who};
use crate::{Article, Span};

use super::found::Found;
use super::judge::Verdict;
use super::nested::nested_speech;
use super::reported::reported;
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
}

/// The state of one article's extraction.
pub(super) struct Pass<'a> {
    pub extractor: &'a Extractor,
    pub text: &'a str,
    pub paras: Vec<Para>,
    pub sents: Vec<Sent>,
    entities: Entities<'a>,
    units: Vec<Unit>,
    /// Where each unit closes: (paragraph, token) of its last part → unit index.
    unit_at: FxHashMap<(usize, usize), usize>,
    /// Index of each paragraph's first sentence (a paragraph's sentences are contiguous),
    /// and one past the last sentence at the end.
    para_first: Vec<usize>,
    /// The resolved sentences, in text order; the second pass appends one per sentence.
    pub done: Vec<Resolved>,
}

impl<'a> Pass<'a> {
    /// The first pass: paragraphs, sentences with their cues, speakers and names, the entity
    /// table, and the quote units.
    pub fn new(extractor: &'a Extractor, article: &'a Article) -> Self {
        let text = article.text.as_str();
        let (body_start, _) = article.body();
        let paras: Vec<Para> = sentences::paragraphs(text, body_start)
            .filter(|&p| is_prose(p.slice(text)))
            .map(|span| analyse_paragraph(text, span))
            .collect();
        let mut sents = Vec::new();
        let mut entities = Entities::new(text);
        for (pi, p) in paras.iter().enumerate() {
            for range in &p.sentences {
                let cues = cue::find_cues(text, &p.tokens, range.clone());
                let attributions = attribution::attribute(text, &p.tokens, range.clone(), &cues);
                let names = scan_names(text, &p.tokens, range.clone());
                for (m, _) in &names {
                    entities.observe(m);
                }
                for m in attributions.iter().filter_map(|a| a.speaker.as_ref()) {
                    entities.observe(m);
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
        let unit_at = units
            .iter()
            .enumerate()
            .map(|(ui, u)| (*u.parts.last().expect("a unit has a part"), ui))
            .collect();
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
            unit_at,
            para_first,
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
            let sentence_start = quotes.len();
            for ti in s.range.clone() {
                let Some(&ui) = self.unit_at.get(&(s.para, ti)) else {
                    continue;
                };
                let unit = &self.units[ui];
                match self.judge(unit, si, &whos, subject) {
                    Verdict::Quote(q) => {
                        if let Some(w) = &q.who {
                            speaker = Some(*w);
                        }
                        let nested = nested_speech(
                            text,
                            &self.paras,
                            unit,
                            q.span,
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
            });
        }
        (quotes, mentions)
    }
}

/// Quotes in text order (a quote before the speech nested in it), with their ids.
pub(super) fn number(text: &str, article: &str, mut found: Vec<Found>) -> Vec<Quote> {
    found.sort_by_key(|q| (q.span.start, q.within.is_some()));
    let mut id_of: FxHashMap<Span, String> = FxHashMap::default();
    found
        .into_iter()
        .enumerate()
        .map(|(i, q)| {
            let within = q.within.and_then(|parent| id_of.get(&parent).cloned());
            let quote = q.into_quote(text, article, i + 1, within);
            id_of.insert(quote.span, quote.id.clone());
            quote
        })
        .collect()
}

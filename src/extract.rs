//! The extraction pipeline: paragraphs → quote marks → sentences → cues → speakers → quotes.

use std::ops::Range;

use crate::grammar::attribution::Attribution;
use crate::grammar::cue;
use crate::grammar::marks::{self, Family, Region};
use crate::grammar::sentences::{self, is_capitalized};
use crate::grammar::speaker::{self as mention, Head, Mention as Np};
use crate::grammar::words::{self, Tok, Token};
use crate::quote::{
    Cue, Extraction, Mention, MentionKind, Quote, QuoteKind, ResolvedBy, Speaker, SpeakerKind,
};
use crate::resolve::{Entities, Known, Timeline, Who};
use crate::{Article, Span};

/// Finds quotations in articles. Build it once and reuse it: it holds no per-article state.
///
/// ```
/// use saywho::{Article, Extractor, QuoteKind};
///
/// let article = Article::new(
///     "demo",
///     "Mayor Ana Reyes opened the bridge on Monday.\n\n\
///      “This bridge belongs to everyone,” she said.",
/// );
/// let quotes = Extractor::new().extract(&article).quotes;
/// assert_eq!(quotes.len(), 1);
/// let q = &quotes[0];
/// assert_eq!(q.id, "demo#1");
/// assert_eq!(q.kind, QuoteKind::Direct);
/// assert_eq!(&article.text[q.span.range()], q.text);
/// assert_eq!(q.text, "This bridge belongs to everyone");
/// let speaker = q.speaker.as_ref().unwrap();
/// assert_eq!(speaker.name.as_deref(), Some("Ana Reyes"));
/// assert_eq!(speaker.role.as_deref(), Some("Mayor"));
/// assert_eq!(speaker.mention, "she");
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    max_quote_paragraphs: usize,
    min_unattributed_words: usize,
    keep_unattributed: bool,
}

/// Builds an [`Extractor`]. By default, a quote may run over at most 20 paragraphs, a quoted
/// phrase with no speaker needs at least 5 words (or to end like a sentence) to count as a
/// quote rather than a mention, and such unattributed quotes are kept with `speaker: null`.
#[derive(Debug, Clone)]
pub struct ExtractorBuilder {
    inner: Extractor,
}

impl Default for ExtractorBuilder {
    fn default() -> Self {
        ExtractorBuilder {
            inner: Extractor {
                max_quote_paragraphs: 20,
                min_unattributed_words: 5,
                keep_unattributed: true,
            },
        }
    }
}

impl ExtractorBuilder {
    /// How many paragraphs one quote may run over (each reopening with a quote mark).
    /// Default 20; at least 1.
    pub fn max_quote_paragraphs(mut self, n: usize) -> Self {
        self.inner.max_quote_paragraphs = n.max(1);
        self
    }

    /// How many words a quoted phrase with no speaker needs to be kept as a quote; shorter
    /// ones that do not end like a sentence are listed as mentions. Default 5.
    pub fn min_unattributed_words(mut self, n: usize) -> Self {
        self.inner.min_unattributed_words = n;
        self
    }

    /// Whether quotes with no speaker are kept (with `speaker: None`). Default true.
    pub fn keep_unattributed(mut self, keep: bool) -> Self {
        self.inner.keep_unattributed = keep;
        self
    }

    /// The extractor.
    pub fn build(self) -> Extractor {
        self.inner
    }
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::new()
    }
}

/// One paragraph, analysed.
struct Para {
    span: Span,
    regions: Vec<Region>,
    tokens: Vec<Token>,
    sentences: Vec<Range<usize>>,
}

/// A sentence: its paragraph, tokens, cues with speakers, and named mentions.
struct Sent {
    para: usize,
    range: Range<usize>,
    attributions: Vec<Attribution>,
    names: Vec<(Np, bool)>,
}

/// A top-level quote, possibly over several paragraphs: (paragraph, token) of each part.
struct Unit {
    parts: Vec<(usize, usize)>,
}

impl Extractor {
    /// An extractor with the default settings (see [`ExtractorBuilder`]).
    pub fn new() -> Self {
        ExtractorBuilder::default().build()
    }

    /// A builder to change the defaults.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Extracts the quotes of one article, in text order, with ids `"<id>#1"`, `"<id>#2"`, ….
    /// Never fails and never panics: odd input gives fewer quotes, not an error.
    pub fn extract(&self, article: &Article) -> Extraction {
        let text = article.text.as_str();
        let (body_start, _) = article.body();
        let paras: Vec<Para> = sentences::paragraphs(text, body_start)
            .filter(|&p| is_prose(p.slice(text)))
            .map(|span| analyse_paragraph(text, span))
            .collect();

        // First pass: cues, speakers and names of every sentence; the entity table.
        let mut sents = Vec::new();
        let mut entities = Entities::new(text);
        for (pi, p) in paras.iter().enumerate() {
            for range in &p.sentences {
                let cues = cue::find_cues(text, &p.tokens, range.clone());
                let attributions = cue::attribute(text, &p.tokens, range.clone(), &cues);
                let names = scan_names(text, &p.tokens, range.clone());
                for (m, _) in &names {
                    entities.observe(m);
                }
                for a in &attributions {
                    if let Some(m) = &a.speaker {
                        entities.observe(m);
                    }
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

        let units = self.units(text, &paras);
        // Where each unit closes: (paragraph, token) of its last part → unit index.
        let mut unit_at = rustc_hash::FxHashMap::default();
        for (ui, u) in units.iter().enumerate() {
            unit_at.insert(*u.parts.last().expect("a unit has a part"), ui);
        }
        // Index of each paragraph's first sentence; a paragraph's sentences are contiguous.
        let mut para_first = vec![0; paras.len() + 1];
        for (si, s) in sents.iter().enumerate().rev() {
            para_first[s.para] = si;
        }
        para_first[paras.len()] = sents.len();
        let first_sentence = |pi: usize, ti: usize| {
            let own = &sents[para_first[pi]..];
            para_first[pi] + own.partition_point(|s| s.para == pi && s.range.end <= ti)
        };

        // Second pass, in text order: resolve speakers, then attribute each quote.
        let mut timeline = Timeline::default();
        let mut resolved: Vec<Vec<Option<Who>>> = Vec::with_capacity(sents.len());
        let mut sentence_speaker: Vec<Option<Who>> = Vec::with_capacity(sents.len());
        let mut subjects: Vec<Option<Who>> = Vec::with_capacity(sents.len());
        let mut quotes = Vec::new();
        let mut mentions = Vec::new();
        for si in 0..sents.len() {
            let s = &sents[si];
            let (whos, subject) = resolve_sentence(text, s, &entities, &mut timeline);
            let mut speaker_here = whos.iter().rev().flatten().next().cloned();
            let sentence_start = quotes.len();
            for ti in s.range.clone() {
                let Some(&ui) = unit_at.get(&(s.para, ti)) else {
                    continue;
                };
                let unit = &units[ui];
                let (fp, ft) = unit.parts[0];
                let start_si = first_sentence(fp, ft);
                let prev_speaker = start_si
                    .checked_sub(1)
                    .and_then(|k| sentence_speaker.get(k).cloned().flatten());
                let start_subject = if start_si == si {
                    subject
                } else {
                    subjects.get(start_si).cloned().flatten()
                };
                let verdict = self.judge(
                    text,
                    &paras,
                    &sents,
                    start_subject,
                    unit,
                    (si, &whos),
                    (start_si, resolved.get(start_si)),
                    prev_speaker,
                );
                match verdict {
                    Verdict::Quote(q) => {
                        if let Some(w) = &q.who {
                            speaker_here = Some(*w);
                        }
                        let nested =
                            nested_speech(text, &paras, unit, q.span, &entities, &timeline);
                        quotes.push(q);
                        quotes.extend(nested);
                    }
                    Verdict::Mention(m) => mentions.push(m),
                    Verdict::Skip => {}
                }
            }
            // Reported speech: attributions no quote in marks used.
            for (q, who) in self.reported(
                text,
                &paras[s.para].tokens,
                s,
                &whos,
                &quotes[sentence_start..],
            ) {
                speaker_here = Some(who);
                quotes.push(q);
            }
            sentence_speaker.push(speaker_here.or(subject));
            subjects.push(subject);
            resolved.push(whos);
        }

        // Text order; a quote before the speech nested in it.
        quotes.sort_by_key(|q| (q.span.start, q.within.is_some()));
        let mut id_of: rustc_hash::FxHashMap<Span, String> = rustc_hash::FxHashMap::default();
        let quotes = quotes
            .into_iter()
            .enumerate()
            .map(|(i, q)| {
                let within = q.within.and_then(|parent| id_of.get(&parent).cloned());
                let quote = q.into_quote(text, &article.id, i + 1, within);
                id_of.insert(quote.span, quote.id.clone());
                quote
            })
            .collect();
        mentions.sort_by_key(|m: &Mention| m.span.start);
        Extraction {
            article: article.id.clone(),
            outlet: article.outlet.clone(),
            date: article.date.clone(),
            title: article.title.clone(),
            quotes,
            mentions,
        }
    }

    /// Groups top-level quotes into units, continuing a quote left open at the end of a
    /// paragraph into the next paragraph when that one opens with a mark of the same family.
    fn units(&self, text: &str, paras: &[Para]) -> Vec<Unit> {
        let mut units: Vec<Unit> = Vec::new();
        let mut pending: Option<(usize, Family)> = None;
        for (pi, p) in paras.iter().enumerate() {
            let mut next_pending = None;
            for (ti, t) in p.tokens.iter().enumerate() {
                let Tok::Quote(ri) = t.tok else { continue };
                let r = &p.regions[ri];
                if quote_inner(text, p, ri).is_empty() {
                    continue;
                }
                let continues = ti == 0
                    && pending.is_some_and(|(ui, fam)| {
                        fam == r.family && units[ui].parts.len() < self.max_quote_paragraphs
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

    /// Decides what a unit is: a quote with its speaker, a mention, or nothing.
    #[allow(clippy::too_many_arguments)]
    fn judge(
        &self,
        text: &str,
        paras: &[Para],
        sents: &[Sent],
        start_subject: Option<Who>,
        unit: &Unit,
        (si, whos): (usize, &[Option<Who>]),
        (start_si, start_whos): (usize, Option<&Vec<Option<Who>>>),
        prev_speaker: Option<Who>,
    ) -> Verdict {
        let &(lp, lt) = unit.parts.last().expect("a unit has a part");
        let &(fp, ft) = &unit.parts[0];
        let parts: Vec<Span> = unit
            .parts
            .iter()
            .map(|&(pi, ti)| {
                let Tok::Quote(ri) = paras[pi].tokens[ti].tok else {
                    unreachable!("units are built from quote tokens")
                };
                quote_inner(text, &paras[pi], ri)
            })
            .collect();
        let span = Span::new(parts[0].start, parts[parts.len() - 1].end);
        let words = span.slice(text).split_whitespace().count();
        let sent_like = ends_like_sentence(span.slice(text));

        // The cue: in the sentence where the quote closes, else where it opens.
        let s = &sents[si];
        let tokens = &paras[lp].tokens;
        let mut picked = pick(tokens, s, lt, whos);
        if picked.is_none() && start_si != si {
            if let Some(w) = start_whos {
                let first = &sents[start_si];
                picked = pick(&paras[fp].tokens, first, ft, w);
            }
        }
        let first_tokens = &paras[fp].tokens;
        let first_sent = &sents[start_si];
        let before = ft.checked_sub(1).filter(|&k| k >= first_sent.range.start);
        let prev_word = before
            .filter(|&k| first_tokens[k].is_word())
            .map(|k| first_tokens[k].span.slice(text));

        // Titles and terms: `a group called “Stop the Pipe”`, `so-called “October surprises”`
        // (a naming word right before the quote, or before its determiner), and `her memoir,
        // “Balancing Acts”` (one up to three tokens back, when nobody speaks the phrase). With
        // an object in between, a naming verb attributes speech: `she called the plan “a
        // disgrace”`.
        let is_naming = |k: usize| first_tokens[k].is_word() && first_tokens[k].flags.naming();
        let adjacent = before.is_some_and(|k| {
            is_naming(k)
                || (k > first_sent.range.start
                    && first_tokens[k].flags.definite() | first_tokens[k].flags.indefinite()
                    && is_naming(k - 1))
        });
        let near = (first_sent.range.start..ft).rev().take(3).any(is_naming);
        let naming = adjacent || (near && picked.is_none());
        let titled = title_case(span.slice(text))
            && !sent_like
            && words <= 8
            && prev_word.is_some_and(|w| {
                matches!(
                    w,
                    "on" | "to"
                        | "told"
                        | "in"
                        | "from"
                        | "of"
                        | "with"
                        | "via"
                        | "host"
                        | "hosted"
                )
            });
        if (naming && !sent_like) || titled {
            return Verdict::Mention(Mention {
                text: span.slice(text).to_string(),
                span,
                kind: MentionKind::Title,
            });
        }

        let opens_sentence = before.is_none();
        let after_colon = before.is_some_and(|k| first_tokens[k].is_punct(':'));
        let unpicked = picked.is_none();
        let (who, cue_hit) = match picked {
            Some((a, w)) => (Some(w), Some(a.cue)),
            None if after_colon => (start_subject, None),
            None if opens_sentence => (
                prev_speaker.map(|w| Who {
                    by: if w.by == ResolvedBy::PreviousSentence {
                        ResolvedBy::PreviousSentence
                    } else {
                        ResolvedBy::Adjacent
                    },
                    ..w
                }),
                None,
            ),
            None => (None, None),
        };
        let who = match (who, after_colon, unpicked) {
            (Some(w), true, true) => Some(Who {
                by: ResolvedBy::Colon,
                ..w
            }),
            (w, _, _) => w,
        };

        let starts_upper = span
            .slice(text)
            .chars()
            .find(|c| c.is_alphanumeric())
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
        let leads_in = before.is_none_or(|k| {
            let t = &first_tokens[k];
            t.is_punct(':') || t.is_punct(',') || t.is_punct('—') || t.is_punct('–') || {
                t.is_word() && t.flags.cue().is_some()
            }
        });
        // With nobody behind it, a short phrase is a scare quote or nickname, unless it stands
        // as a sentence of its own.
        if who.is_none() {
            let standalone = opens_sentence && starts_upper && sent_like;
            if words < self.min_unattributed_words && !standalone {
                return Verdict::Mention(Mention {
                    text: span.slice(text).to_string(),
                    span,
                    kind: MentionKind::Scare,
                });
            }
            if !self.keep_unattributed {
                return Verdict::Skip;
            }
        }
        // `“…,” he said, “and …”`: the second part of an interrupted quote stays direct.
        let resumes = before.is_some_and(|k| first_tokens[k].is_punct(','))
            && (first_sent.range.start..ft)
                .rev()
                .take(8)
                .any(|k| matches!(first_tokens[k].tok, Tok::Quote(_)))
            && cue_hit.is_some_and(|c| c.last < ft);
        let kind = if unit.parts.len() > 1 || (starts_upper && leads_in) || resumes {
            QuoteKind::Direct
        } else {
            QuoteKind::Partial
        };
        Verdict::Quote(Found {
            kind,
            span,
            parts: if parts.len() > 1 { parts } else { Vec::new() },
            who,
            cue: cue_hit.map(|c| (c.span, c.stance)),
            within: None,
        })
    }
}

enum Verdict {
    Quote(Found),
    Mention(Mention),
    Skip,
}

/// A quote before it gets its id.
#[derive(Clone)]
struct Found {
    kind: QuoteKind,
    span: Span,
    parts: Vec<Span>,
    who: Option<Who>,
    cue: Option<(Span, crate::quote::Stance)>,
    /// The span of the quote this one is nested in.
    within: Option<Span>,
}

impl Found {
    fn into_quote(self, text: &str, article: &str, n: usize, within: Option<String>) -> Quote {
        let speaker = self.who.as_ref().map(|w| {
            let name = w.name.map(|n| n.slice(text).to_string());
            let role = w.role.map(|r| r.slice(text).to_string());
            Speaker {
                id: crate::corpus::speaker_id(article, name.as_deref(), role.as_deref(), w.kind),
                name,
                role,
                kind: w.kind,
                mention: w.mention.slice(text).to_string(),
                span: w.mention,
            }
        });
        Quote {
            id: format!("{article}#{n}"),
            kind: self.kind,
            text: self.span.slice(text).to_string(),
            span: self.span,
            parts: self.parts,
            resolved_by: self.who.map(|w| w.by),
            speaker,
            cue: self.cue.map(|(span, stance)| Cue {
                text: span.slice(text).to_string(),
                span,
                stance,
            }),
            within,
        }
    }
}

impl Extractor {
    /// The reported speech of sentence `s`: each attribution with a speaker that no quote in
    /// marks used (`used` are the quotes found in this sentence) and whose clause overlaps no
    /// quote marks, in cue order; overlapping clauses keep the first.
    fn reported(
        &self,
        text: &str,
        tokens: &[Token],
        s: &Sent,
        whos: &[Option<Who>],
        used: &[Found],
    ) -> Vec<(Found, Who)> {
        let marked: Vec<Span> = s
            .range
            .clone()
            .filter(|&k| matches!(tokens[k].tok, Tok::Quote(_)))
            .map(|k| tokens[k].span)
            .collect();
        let overlaps = |a: Span, b: Span| a.start < b.end && b.start < a.end;
        let mut out: Vec<(Found, Who)> = Vec::new();
        for (i, a) in s.attributions.iter().enumerate() {
            let Some(who) = whos.get(i).copied().flatten() else {
                continue;
            };
            if used
                .iter()
                .any(|f| f.cue.is_some_and(|(c, _)| c == a.cue.span))
            {
                continue;
            }
            let Some(span) =
                cue::reported_clause(text, tokens, s.range.clone(), &s.attributions, i)
            else {
                continue;
            };
            if marked.iter().any(|&m| overlaps(m, span))
                || out.iter().any(|(f, _)| overlaps(f.span, span))
            {
                continue;
            }
            out.push((
                Found {
                    kind: QuoteKind::Indirect,
                    span,
                    parts: Vec::new(),
                    who: Some(who),
                    cue: Some((a.cue.span, a.cue.stance)),
                    within: None,
                },
                who,
            ));
        }
        out
    }
}

/// Speech reported inside the quote `unit` (whose span is `parent`), one level down:
///
/// - a quote in marks inside it with a cue inside it (`my coach told me: ‘Never give up.’`);
/// - speech after a cue and a colon, without marks (`as the President said: We will …`).
///
/// Speakers are resolved against the article's entities and what was mentioned before the
/// parent quote. Nested phrases with nobody behind them are left as part of the parent.
fn nested_speech(
    text: &str,
    paras: &[Para],
    unit: &Unit,
    parent: Span,
    entities: &Entities,
    timeline: &Timeline,
) -> Vec<Found> {
    let mut out = Vec::new();
    for &(pi, ti) in &unit.parts {
        let p = &paras[pi];
        let Tok::Quote(ri) = p.tokens[ti].tok else {
            continue;
        };
        let outer = p.regions[ri];
        let inner = outer.inner(p.span.end);
        // The regions one level down become the top level of the quote's own text.
        let inside: Vec<Region> = p
            .regions
            .iter()
            .filter(|r| r.depth == outer.depth + 1 && inner.contains(r.outer(inner.end)))
            .map(|r| Region { depth: 0, ..*r })
            .collect();
        // Nested speech needs a quote inside or a colon ("as he said: …"); most quotes have
        // neither and are not read twice.
        if inside.is_empty() && !inner.slice(text).contains(':') {
            continue;
        }
        let mut tokens = Vec::new();
        words::tokenize(text, inner, &inside, &mut tokens);
        let ends = |i: usize| match tokens[i].tok {
            Tok::Quote(qi) => ends_like_sentence(inside[qi].inner(inner.end).slice(text)),
            _ => false,
        };
        for range in sentences::sentences(text, &tokens, ends) {
            let cues = cue::find_cues(text, &tokens, range.clone());
            let attributions = cue::attribute(text, &tokens, range.clone(), &cues);
            if attributions.is_empty() {
                continue;
            }
            let whos: Vec<Option<Who>> = attributions
                .iter()
                .map(|a| a.speaker.map(|m| timeline.resolve(text, &m, entities)))
                .collect();
            let s = Sent {
                para: pi,
                range: range.clone(),
                attributions,
                names: Vec::new(),
            };
            // Quotes in marks inside the quote.
            for k in range.clone() {
                let Tok::Quote(qi) = tokens[k].tok else {
                    continue;
                };
                let Some((a, who)) = pick(&tokens, &s, k, &whos) else {
                    continue;
                };
                let span = trimmed_inner(text, inside[qi].inner(inner.end));
                if span.is_empty() {
                    continue;
                }
                let opens = k == range.start
                    || tokens[k - 1].is_punct(':')
                    || tokens[k - 1].is_punct(',')
                    || tokens[k - 1].flags.cue().is_some();
                let upper = span.slice(text).chars().find(|c| c.is_alphanumeric());
                let kind = if opens && upper.is_some_and(char::is_uppercase) {
                    QuoteKind::Direct
                } else {
                    QuoteKind::Partial
                };
                out.push(Found {
                    kind,
                    span,
                    parts: Vec::new(),
                    who: Some(who),
                    cue: Some((a.cue.span, a.cue.stance)),
                    within: Some(parent),
                });
            }
            // Speech after "<speaker> <cue>:" without marks.
            for (i, a) in s.attributions.iter().enumerate() {
                let Some(who) = whos[i] else { continue };
                let colon = a.cue.last + 1;
                if a.inverted || !tokens.get(colon).is_some_and(|t| t.is_punct(':')) {
                    continue;
                }
                let mut to = range.end;
                while to > colon + 1 && !tokens[to - 1].is_word() {
                    to -= 1;
                }
                let body = colon + 1..to;
                let words = body.clone().filter(|&k| tokens[k].is_word()).count();
                let marked = body.clone().any(|k| matches!(tokens[k].tok, Tok::Quote(_)));
                if words >= 3 && !marked {
                    out.push(Found {
                        kind: QuoteKind::Direct,
                        span: Span::new(tokens[body.start].span.start, tokens[to - 1].span.end),
                        parts: Vec::new(),
                        who: Some(who),
                        cue: Some((a.cue.span, a.cue.stance)),
                        within: Some(parent),
                    });
                }
            }
        }
    }
    out
}

/// Chooses the attribution of the quote token `q` in sentence `s`:
/// 1. a speaker named right after it (`“…,” Kirby said`, `“…,” said Kirby`);
/// 2. else the nearest cue before it in the sentence (`Austin said: “…”`);
/// 3. else "according to" right after it; 4. else any later cue in the sentence.
fn pick(tokens: &[Token], s: &Sent, q: usize, whos: &[Option<Who>]) -> Option<(Attribution, Who)> {
    let mut k = q + 1;
    if tokens.get(k).is_some_and(|t| t.is_punct(',')) {
        k += 1;
    }
    let with_who = |i: usize| {
        whos.get(i)
            .cloned()
            .flatten()
            .map(|w| (s.attributions[i], w))
    };
    let own_speaker_at = |a: &Attribution| {
        a.speaker.is_some_and(|m| {
            if a.inverted {
                a.cue.first == k
            } else {
                m.tokens.0 == k
            }
        })
    };
    let all = || s.attributions.iter().enumerate();
    all()
        .find(|(_, a)| !a.cue.according && own_speaker_at(a))
        .and_then(|(i, _)| with_who(i))
        .or_else(|| {
            all()
                .rev()
                .filter(|(_, a)| a.cue.last < q)
                .find_map(|(i, _)| with_who(i))
        })
        .or_else(|| {
            all()
                .find(|(_, a)| a.cue.according && a.cue.first == k)
                .and_then(|(i, _)| with_who(i))
        })
        .or_else(|| {
            all()
                .filter(|(_, a)| a.cue.first > q)
                .find_map(|(i, _)| with_who(i))
        })
}

/// Resolves the speakers of a sentence's cues in order, and records the sentence's names
/// and speakers on the timeline. Also returns the sentence's subject: its first named or
/// pronoun mention that opens a clause, resolved.
fn resolve_sentence(
    text: &str,
    s: &Sent,
    entities: &Entities,
    timeline: &mut Timeline,
) -> (Vec<Option<Who>>, Option<Who>) {
    let mut names = s.names.iter().peekable();
    let mut subject: Option<Who> = None;
    let note = |m: &Np, salient: bool, timeline: &mut Timeline, subject: &mut Option<Who>| {
        let who = timeline.resolve(text, m, entities);
        if who.name.is_some() || who.kind == SpeakerKind::Anonymous {
            if salient && subject.is_none() {
                *subject = Some(Who {
                    by: ResolvedBy::PreviousSentence,
                    ..who
                });
            }
            timeline.push(Known {
                who,
                salient,
                statement: false,
            });
        }
    };
    let mut out: Vec<Option<Who>> = Vec::with_capacity(s.attributions.len());
    for a in &s.attributions {
        let pos = a.speaker.map_or(a.cue.span.start, |m| m.span.start);
        while let Some((m, salient)) = names.next_if(|(m, _)| m.span.start < pos) {
            note(m, *salient, timeline, &mut subject);
        }
        let who = match &a.speaker {
            Some(m) => Some(timeline.resolve(text, m, entities)),
            // A participle ("…, explaining:") borrows the sentence's previous speaker, else
            // its subject.
            None if a.borrows => out.iter().rev().flatten().next().cloned().or_else(|| {
                subject.map(|w| Who {
                    by: ResolvedBy::Cue,
                    ..w
                })
            }),
            None => None,
        };
        if let Some(w) = &who {
            if subject.is_none() {
                subject = Some(Who {
                    by: ResolvedBy::PreviousSentence,
                    ..*w
                });
            }
            timeline.push(Known {
                who: *w,
                salient: true,
                statement: a.statement,
            });
        }
        out.push(who);
    }
    for (m, salient) in names {
        note(m, *salient, timeline, &mut subject);
    }
    (out, subject)
}

/// Named mentions (people and bodies) in a sentence, and pronouns that open a clause, each
/// with whether it opens a clause (a likely subject).
fn scan_names(text: &str, tokens: &[Token], range: Range<usize>) -> Vec<(Np, bool)> {
    crate::work::step(range.len());
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let t = &tokens[i];
        let w = t.span.slice(text);
        let opens_clause = i == range.start || tokens[i - 1].is_punct(',');
        let candidate = t.is_word()
            && (is_capitalized(w) || matches!(w, "the" | "The") || opens_clause)
            && (i == range.start
                || !tokens[i - 1].is_word()
                || !is_capitalized(tokens[i - 1].span.slice(text)));
        if candidate {
            if let Some(mut m) = mention::parse_right(text, tokens, i) {
                let pronoun = matches!(m.head, Head::Pronoun(_));
                if (m.head == Head::Name || (pronoun && opens_clause)) && m.tokens.1 < range.end {
                    let next = |k: usize| tokens.get(m.tokens.1 + k);
                    if next(1).is_some_and(|t| t.is_punct(','))
                        && next(2).is_some_and(|t| t.span.slice(text) == "which")
                    {
                        m.kind = SpeakerKind::Organization;
                    }
                    let m = cue::with_appositives(text, tokens, m, range.clone());
                    out.push((m, opens_clause));
                    i = m.tokens.1 + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

fn analyse_paragraph(text: &str, span: Span) -> Para {
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
    let sentences = sentences::sentences(text, &tokens, |i| {
        let Tok::Quote(ri) = tokens[i].tok else {
            return false;
        };
        let inner = regions[ri].inner(span.end).slice(text).trim_end();
        ends_like_sentence(inner)
    });
    Para {
        span,
        regions,
        tokens,
        sentences,
    }
}

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
        words::tokenize_some(text, Span::new(after, inner.end), 5, &mut tokens);
        let words = tokens.iter().take_while(|t| t.is_word());
        let mut cues = words.filter(|t| !t.flags.capitalized() && t.flags.cue().is_some());
        cues.next().map(|_| after)
    })
}

/// The quoted words of region `ri` in paragraph `p`: between the marks, trimmed of white
/// space and of a trailing comma (`“…,” he said`).
fn quote_inner(text: &str, p: &Para, ri: usize) -> Span {
    trimmed_inner(text, p.regions[ri].inner(p.span.end))
}

/// `inner` trimmed of white space and of a trailing comma.
fn trimmed_inner(text: &str, inner: Span) -> Span {
    let s = inner.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim().trim_end_matches(',').trim_end();
    Span::new(inner.start + lead, inner.start + lead + trimmed.len())
}

fn ends_like_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', '…'])
}

/// Whether every longer word of a phrase is capitalised ("Meet the Press").
fn title_case(s: &str) -> bool {
    let mut any = false;
    for w in s.split_whitespace() {
        if w.chars().count() > 3 {
            if !is_capitalized(w) {
                return false;
            }
            any = true;
        }
    }
    any
}

/// Whether a paragraph is prose. Image captions left by scrapers (`…[/caption]`) are not:
/// they never hold speech, and skipping them keeps a quote's neighbours adjacent.
fn is_prose(p: &str) -> bool {
    const EMBEDS: [&str; 8] = [
        "<tweet",
        "<blockquote",
        "<iframe",
        "<script",
        "<style",
        "<figure",
        "<figcaption",
        "<img",
    ];
    let embed = EMBEDS.iter().any(|e| {
        p.get(..e.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(e))
    });
    !(embed || p.ends_with("[/caption]") || p.starts_with("[caption"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Extraction {
        Extractor::new().extract(&Article::new("t", text))
    }

    #[test]
    fn spans_slice_the_text() {
        let e = run("“One,” he said. Ana Reyes said: “Two.”\n\n“Three\n\n“Four,” she said.");
        for q in &e.quotes {
            assert_eq!(
                q.span
                    .slice("“One,” he said. Ana Reyes said: “Two.”\n\n“Three\n\n“Four,” she said."),
                q.text
            );
        }
        assert_eq!(e.quotes.len(), 3);
        assert_eq!(e.quotes[2].parts.len(), 2);
    }

    #[test]
    fn unclosed_quote_ends_at_its_attribution() {
        let e = run("\"We apologise to everyone, the operator said in a notice.");
        assert_eq!(e.quotes.len(), 1);
        assert_eq!(e.quotes[0].text, "We apologise to everyone");
        assert_eq!(
            e.quotes[0].speaker.as_ref().unwrap().mention,
            "the operator"
        );
    }

    #[test]
    fn captions_are_not_prose() {
        assert!(!is_prose("Reuters A view of the port[/caption]"));
        assert!(!is_prose("<tweet id=\"1\">“Hi,” she said.</tweet>"));
        assert!(is_prose("The port reopened."));
    }

    #[test]
    fn title_case_detects_names_of_shows() {
        assert!(title_case("Meet the Press"));
        assert!(!title_case("we will win"));
    }
}

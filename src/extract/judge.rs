//! What a unit of quote marks is: a quote with its speaker and kind, a title or scare quote,
//! or nothing; and which attribution of its sentence it takes.

use std::cell::OnceCell;

use crate::grammar::attribution::Attribution;
use crate::grammar::sentences::title_case;
use crate::grammar::words::{Tok, Token};
use crate::quote::{Mention, MentionKind, QuoteKind, ResolvedBy};
use crate::resolve::Who;
use crate::Span;

use super::found::Found;
use super::pass::{Pass, Sent};
use super::units::{quote_inner, Unit};

/// What [`Pass::judge`] decides a unit is.
pub(super) enum Verdict {
    Quote(Found),
    Mention(Mention),
    Skip,
}

impl Pass<'_> {
    /// Decides what `unit` is. It closes in sentence `si`, whose cues resolved to `whos`
    /// (indexed as `picks`) and whose subject is `subject`; the sentences before it are
    /// already resolved.
    pub(super) fn judge(
        &self,
        unit: &Unit,
        si: usize,
        (whos, picks): (&[Option<Who>], &OnceCell<Picks>),
        subject: Option<Who>,
    ) -> Verdict {
        let text = self.text;
        let &(lp, lt) = unit.parts.last().expect("a unit has a part");
        let &(fp, ft) = &unit.parts[0];
        let start_si = self.sentence_at(fp, ft);
        let parts: Vec<Span> = unit
            .parts
            .iter()
            .map(|&(pi, ti)| {
                let Tok::Quote(ri) = self.paras[pi].tokens[ti].tok else {
                    unreachable!("units are built from quote tokens")
                };
                quote_inner(text, &self.paras[pi], ri)
            })
            .collect();
        let span = Span::new(parts[0].start, parts[parts.len() - 1].end);
        let words = span.slice(text).split_whitespace().count();
        let sent_like = ends_like_sentence(span.slice(text));

        // The cue: in the sentence where the quote closes, else where it opens.
        let s = &self.sents[si];
        let picks = picks.get_or_init(|| Picks::new(&s.attributions, whos));
        let mut picked = picks.pick(&self.paras[lp].tokens, s, lt, whos);
        if picked.is_none() && start_si != si {
            let first = &self.sents[start_si];
            let done = &self.done[start_si];
            picked = done
                .picks
                .get_or_init(|| Picks::new(&first.attributions, &done.whos))
                .pick(&self.paras[fp].tokens, first, ft, &done.whos);
        }
        let first_tokens = &self.paras[fp].tokens;
        let first_sent = &self.sents[start_si];
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
        let (who, cue_hit) = match picked {
            Some((a, w)) => (Some(w), Some(a.cue)),
            // `… said: “…”` with the cue in another clause: the sentence's subject.
            None if after_colon => (
                self.subject_of(start_si, si, subject).map(|w| Who {
                    by: ResolvedBy::Colon,
                    ..w
                }),
                None,
            ),
            // A quote that opens a sentence: the speaker of the sentence before.
            None if opens_sentence => (
                self.speaker_before(start_si).map(|w| Who {
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

        let starts_upper = starts_like_sentence(span.slice(text));
        // With nobody behind it, a short phrase is a scare quote or nickname, unless it stands
        // as a sentence of its own.
        if who.is_none() {
            let standalone = opens_sentence && starts_upper && sent_like;
            if words < self.extractor.min_unattributed_words && !standalone {
                return Verdict::Mention(Mention {
                    text: span.slice(text).to_string(),
                    span,
                    kind: MentionKind::Scare,
                });
            }
            if !self.extractor.keep_unattributed {
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
        let led_in = before.is_none_or(|k| leads_in(&first_tokens[k]));
        let kind = if unit.parts.len() > 1 || resumes {
            QuoteKind::Direct
        } else {
            kind_of(starts_upper, led_in)
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

/// Direct or partial: a quote is direct when its words start like a sentence and the
/// writer's text leads into it (it opens the sentence, or follows a colon, a comma, a dash or
/// a cue); otherwise it is a phrase woven into the writer's sentence.
pub(super) fn kind_of(starts_like_sentence: bool, led_in: bool) -> QuoteKind {
    if starts_like_sentence && led_in {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// Whether the token right before a quote leads into it as speech: `:` `,` `—` `–` or a cue.
pub(super) fn leads_in(t: &Token) -> bool {
    t.is_punct(':')
        || t.is_punct(',')
        || t.is_punct('—')
        || t.is_punct('–')
        || (t.is_word() && t.flags.cue().is_some())
}

/// Whether quoted words start like a sentence: their first letter or digit is a capital or a
/// digit ("We will", "21 people").
pub(super) fn starts_like_sentence(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A sentence's attributions indexed for choosing each quote's: every rule of
/// [`Picks::pick`] is a binary search, so a sentence of many quotes and many cues (`“x” he
/// said “x” he said …`) costs no more than reading it. Built once per sentence.
#[derive(Debug)]
pub(super) struct Picks {
    /// (token, attribution): the first attribution, other than "according to", whose own
    /// speaker stands at that token (`said Kirby` with the cue there, `Kirby said` with the
    /// name there), sorted by token.
    own: Vec<(usize, usize)>,
    /// (token, attribution): the first "according to" whose cue starts at that token.
    according: Vec<(usize, usize)>,
    /// The last token of each attribution's cue, and its first, in order.
    last: Vec<usize>,
    first: Vec<usize>,
    /// For each attribution, the nearest one with a speaker at or before it, and at or after.
    prev: Vec<Option<usize>>,
    next: Vec<Option<usize>>,
}

impl Picks {
    /// Indexes `attributions`, whose speakers resolved to `whos`.
    pub(super) fn new(attributions: &[Attribution], whos: &[Option<Who>]) -> Picks {
        crate::work::step(attributions.len());
        let has = |i: usize| whos.get(i).is_some_and(Option::is_some);
        let firsts = |keyed: &mut Vec<(usize, usize)>| {
            // Stable by token, so the first attribution of each token stays first.
            keyed.sort_by_key(|&(t, _)| t);
            keyed.dedup_by_key(|&mut (t, _)| t);
        };
        let mut own: Vec<(usize, usize)> = attributions
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.cue.according)
            .filter_map(|(i, a)| {
                let m = a.speaker?;
                Some((if a.inverted { a.cue.first } else { m.tokens.0 }, i))
            })
            .collect();
        firsts(&mut own);
        let mut according: Vec<(usize, usize)> = attributions
            .iter()
            .enumerate()
            .filter(|(_, a)| a.cue.according)
            .map(|(i, a)| (a.cue.first, i))
            .collect();
        firsts(&mut according);
        let mut prev = Vec::with_capacity(attributions.len());
        let mut last_seen = None;
        for i in 0..attributions.len() {
            if has(i) {
                last_seen = Some(i);
            }
            prev.push(last_seen);
        }
        let mut next = vec![None; attributions.len()];
        let mut next_seen = None;
        for i in (0..attributions.len()).rev() {
            if has(i) {
                next_seen = Some(i);
            }
            next[i] = next_seen;
        }
        Picks {
            own,
            according,
            last: attributions.iter().map(|a| a.cue.last).collect(),
            first: attributions.iter().map(|a| a.cue.first).collect(),
            prev,
            next,
        }
    }

    /// Chooses the attribution of the quote token `q` of sentence `s` (whose attributions
    /// resolved to `whos`, as when indexed):
    /// 1. a speaker named right after it (`“…,” Kirby said`, `“…,” said Kirby`);
    /// 2. else the nearest cue before it in the sentence (`Austin said: “…”`);
    /// 3. else "according to" right after it; 4. else any later cue in the sentence.
    pub(super) fn pick(
        &self,
        tokens: &[Token],
        s: &Sent,
        q: usize,
        whos: &[Option<Who>],
    ) -> Option<(Attribution, Who)> {
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
        let at = |keyed: &[(usize, usize)]| {
            keyed
                .binary_search_by_key(&k, |&(t, _)| t)
                .ok()
                .map(|j| keyed[j].1)
        };
        at(&self.own)
            .and_then(with_who)
            .or_else(|| {
                let before = self.last.partition_point(|&l| l < q);
                before
                    .checked_sub(1)
                    .and_then(|i| self.prev[i])
                    .and_then(with_who)
            })
            .or_else(|| at(&self.according).and_then(with_who))
            .or_else(|| {
                let after = self.first.partition_point(|&f| f <= q);
                self.next.get(after).copied().flatten().and_then(with_who)
            })
    }
}

/// Whether words end like a sentence (`.`, `!`, `?` or `…`, before trailing space).
pub(super) fn ends_like_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['.', '!', '?', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direct_needs_a_sentence_start_and_a_lead_in() {
        assert!(starts_like_sentence("We go"));
        assert!(starts_like_sentence("21 people were hurt"));
        assert!(!starts_like_sentence("deeply reckless"));
        assert_eq!(kind_of(true, true), QuoteKind::Direct);
        assert_eq!(kind_of(true, false), QuoteKind::Partial);
        assert_eq!(kind_of(false, true), QuoteKind::Partial);
    }

    #[test]
    fn after_a_colon_the_speaker_is_the_subject_after_a_timestamp_too() {
        let text = "State Sen. Renata Quill spoke.\n\n9:40 p.m. — Quill, again on taxes: \
                    “Ask anyone who paid the fee.”\n\n10:09 a.m. — Quill on the budget, and \
                    this will be the clip of the night: “It is a shell game.”";
        let ex = crate::Extractor::new().extract(&crate::Article::new("t", text));
        let who: Vec<_> = ex
            .quotes
            .iter()
            .map(|q| {
                (
                    q.speaker.as_ref().and_then(|s| s.name.as_deref()),
                    q.resolved_by,
                )
            })
            .collect();
        assert_eq!(
            who,
            [
                (Some("Renata Quill"), Some(ResolvedBy::Colon)),
                (Some("Renata Quill"), Some(ResolvedBy::Colon))
            ]
        );
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_like_sentence("We go. "));
        assert!(ends_like_sentence("Why now?"));
        assert!(!ends_like_sentence("a plan,"));
    }
}

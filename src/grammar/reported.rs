//! The clause an attribution reports when no quote marks hold the speech: indirect speech
//! ("Ryder said 21 personnel were injured").

use std::ops::Range;

use super::attribution::Attribution;
use super::speaker::parse_right;
use super::words::{word_at, Tok, Token};
use crate::lexicon::Flags;
use crate::Span;

/// The clause an attribution reports, when nothing in quote marks used it (one at a time, for
/// tests; the pipeline asks [`Clauses`], which indexes the sentence once):
///
/// ```text
/// X <cue> [that] CLAUSE                 Ryder said 21 personnel were injured
/// X <cue> <adverbial> that CLAUSE       Austin said in a statement that …
/// X told <object> [that] CLAUSE         Lowe told the Tribune that the door remained open
/// CLAUSE , X <cue> [<≤5 words>] .       The strikes hurt them, a senior official said.
/// CLAUSE , <cue> X .                    …, said the mayor.
/// According to X , CLAUSE               According to the Pentagon, there were 12 attacks.
/// CLAUSE , according to X .             …, according to the Pentagon.
/// NP , X <cue> , VERB …                 Customers, Okonedo added, would get a credit.
/// X <content cue> to INFINITIVE         Vidal vowed to repeal the tax (speech: "repeal …")
/// X <content cue> NP                    Okonedo denied any attempt to hide the results
/// ```
///
/// The clause needs three words and either "that" before it or a finite verb in it
/// (`data/verb_markers.txt`, or a word in "-ed"): "Austin confirmed this action" reports no
/// clause. A clause before its attribution never runs over another cue of the sentence; one
/// after its cue may ("said that the board had not asked her to resign"). The caller drops clauses
/// that overlap a quote in marks (mixed sentences are reported once, as the partial quote).
#[cfg(test)]
pub(crate) fn reported_clause(
    text: &str,
    tokens: &[Token],
    sent: Range<usize>,
    attributions: &[Attribution],
    index: usize,
) -> Option<Span> {
    Clauses::new(text, tokens, sent, attributions).clause(index)
}

/// One sentence's attributions, indexed so that finding the clause of each costs no more than
/// reading the words near its cue: every question over a stretch of the sentence (how many
/// words, any verb, only quotes, another cue inside, the next attribution set off by a comma)
/// is answered from counts and sorted positions made once per sentence. Without them, "he
/// said he said …" scanned the rest of the sentence once per cue.
pub(crate) struct Clauses<'a> {
    text: &'a str,
    tokens: &'a [Token],
    sent: Range<usize>,
    attributions: &'a [Attribution],
    /// The last token of the sentence that is not closing punctuation, plus one.
    end: usize,
    /// Counts over `sent`: entry `k - sent.start` counts tokens `sent.start..k`.
    words: Vec<u32>,
    verbs: Vec<u32>,
    quotes: Vec<u32>,
    /// Where each attribution's group (speaker and cue) starts, for those set off by a
    /// comma before them, sorted: a clause after a cue stops before the next of these.
    comma_groups: Vec<usize>,
}

impl<'a> Clauses<'a> {
    /// Indexes the attributions of the sentence `sent` (in cue order, as
    /// [`super::attribution::attribute`] gives them).
    pub(crate) fn new(
        text: &'a str,
        tokens: &'a [Token],
        sent: Range<usize>,
        attributions: &'a [Attribution],
    ) -> Self {
        let mut end = sent.end;
        while end > sent.start && !tokens[end - 1].is_word() {
            end -= 1;
        }
        crate::work::step(sent.len() + attributions.len());
        let count = |f: &dyn Fn(&Token) -> bool| {
            let mut acc = 0u32;
            let mut out = Vec::with_capacity(sent.len() + 1);
            out.push(0);
            for t in &tokens[sent.clone()] {
                acc += u32::from(f(t));
                out.push(acc);
            }
            out
        };
        let words = count(&|t| t.is_word());
        let verbs = count(&|t| t.flags.verb());
        let quotes = count(&|t| matches!(t.tok, Tok::Quote(_)));
        let mut comma_groups: Vec<usize> = attributions
            .iter()
            .map(group_start)
            .filter(|&g| g > sent.start && tokens[g - 1].is_punct(','))
            .collect();
        comma_groups.sort_unstable();
        Clauses {
            text,
            tokens,
            sent,
            attributions,
            end,
            words,
            verbs,
            quotes,
            comma_groups,
        }
    }

    /// How many tokens of `from..to` `counts` counts.
    fn count(&self, counts: &[u32], from: usize, to: usize) -> u32 {
        counts[to - self.sent.start] - counts[from - self.sent.start]
    }

    /// Whether an attribution other than `index` has its cue inside `from..to`.
    fn other_cue_in(&self, index: usize, from: usize, to: usize) -> bool {
        let first = self.attributions.partition_point(|o| o.cue.first < from);
        self.attributions[first..]
            .iter()
            .enumerate()
            .filter(|&(i, _)| first + i != index)
            .map(|(_, o)| o)
            .next()
            .is_some_and(|o| o.cue.last < to)
    }

    /// `from..to` as a reported clause. `needs_verb`: a clause after its cue must show a
    /// finite verb unless "that" opens it ("confirmed this action" is no clause); a clause
    /// before its attribution is one. `after_cue`: a clause after its cue may hold another
    /// cue ("said nobody had told them", "said in a statement that the board had not asked
    /// her to resign"); one before its attribution may not.
    fn span(
        &self,
        index: usize,
        from: usize,
        to: usize,
        needs_verb: bool,
        after_cue: bool,
    ) -> Option<Span> {
        if from >= to {
            return None;
        }
        let words = self.count(&self.words, from, to);
        // A finite verb, or a subject pronoun opening the clause ("said he took no
        // pleasure in it": "took" is in no list).
        let opens_with_subject =
            self.tokens[from].is_word() && is_subject_pronoun(self.tokens[from].flags);
        // Read only when a verb is needed and none is listed.
        let verb = || {
            self.count(&self.verbs, from, to) > 0
                || opens_with_subject
                || self.present_tense(from, to, words)
        };
        let quoted = self.count(&self.quotes, from, to) as usize == to - from;
        let nested_cue = !needs_verb && !after_cue && self.other_cue_in(index, from, to);
        // Two words will do for a pronoun and its auxiliary: "Fisk said it could".
        let short_answer = words == 2 && to - from == 2 && {
            let (a, b) = (self.tokens[from].flags, self.tokens[from + 1].flags);
            is_subject_pronoun(a) && (b.auxiliary() || b.be() || b.verb())
        };
        ((words >= 3 || short_answer)
            && (!needs_verb || short_answer || verb())
            && !quoted
            && !nested_cue)
            .then(|| Span::new(self.tokens[from].span.start, self.tokens[to - 1].span.end))
    }

    /// Whether `from..to`, of `words` words, reads as a clause in the present tense whose verb
    /// is in no list: a possessive and four words more ("says its scooters slow automatically
    /// to 8 mph"), or a plain noun, an adverb in "-ly" and a word, five words in all ("say
    /// rematches rarely bring new voters"; not "writes a weekly column", where "weekly"
    /// after an article is an adjective).
    fn present_tense(&self, from: usize, to: usize, words: u32) -> bool {
        if words < 5 {
            return false;
        }
        let (text, tokens) = (self.text, self.tokens);
        let first = &tokens[from];
        if first.is_lower_ascii_word(text) && first.flags.possessive() {
            return true;
        }
        let lower = |i: usize| {
            i < to && tokens[i].is_lower_ascii_word(text) && tokens[i].flags.cue().is_none()
        };
        let f = first.flags;
        lower(from)
            && lower(from + 1)
            && lower(from + 2)
            && !(f.preposition() || f.adverbial() || f.definite() || f.indefinite())
            && tokens[from + 1].span.slice(text).ends_with("ly")
    }

    /// The clause attribution `index` reports (see [`reported_clause`]).
    pub(crate) fn clause(&self, index: usize) -> Option<Span> {
        let (text, tokens, sent, end) = (self.text, self.tokens, &self.sent, self.end);
        let a = &self.attributions[index];
        let (g0, mut g1) = match a.speaker {
            Some(m) => (m.tokens.0.min(a.cue.first), m.tokens.1.max(a.cue.last)),
            None => (a.cue.first, a.cue.last),
        };
        // "…, noted Annika Lowe, a historian who chairs the senate, had voted …": an
        // appositive after the speaker's name belongs to the attribution.
        if let Some(role) = a
            .speaker
            .and_then(|m| m.role.filter(|r| m.name.is_some_and(|n| r.start > n.end)))
        {
            if let Some(k) = (g1 + 1..end)
                .take(MAX_PARENTHETICAL_ROLE)
                .find(|&k| tokens[k].span.end == role.end)
            {
                g1 = k;
            }
        }
        // "CLAUSE, X said." / "CLAUSE, according to X." The attribution may end the sentence
        // with a few words ("told reporters on Monday") or a relative clause ("… official
        // who spoke on condition of anonymity").
        let tail = (g1 + 1).min(end)..end;
        let relative = tokens
            .get(g1 + 1)
            .is_some_and(|t| t.flags.relative() && t.is_lower_ascii_word(text));
        // The tail runs to the end, or to a comma before an appositive ("…, the zoo said
        // Saturday, the first twins in two decades."); only a short one (at most eight
        // tokens) counts, so no more than nine are read.
        let tail_end = tail
            .clone()
            .take(9)
            .find(|&k| tokens[k].is_punct(','))
            .unwrap_or(end);
        let short_tail = tail_end - tail.start <= 8
            && (tail.start..tail_end).all(|k| tokens[k].is_word() && !tokens[k].flags.verb());
        // "Customers, Okonedo added, would receive a credit": the attribution set off in the
        // middle, a short subject before it and the verb after; the whole sentence is the
        // speech.
        let set_off = g0 > sent.start + 1
            && tokens[g0 - 1].is_punct(',')
            && tokens.get(g1 + 1).is_some_and(|t| t.is_punct(','))
            && g1 + 2 < end;
        if set_off
            && self.count(&self.words, sent.start, g0 - 1) <= 6
            && self.count(&self.verbs, sent.start, g0 - 1) == 0
            && self.count(&self.quotes, sent.start, g0 - 1) == 0
            && tokens[g1 + 2].is_word()
            && (tokens[g1 + 2].flags.verb() || tokens[g1 + 2].flags.auxiliary())
        {
            return self.span(index, sent.start, end, true, false);
        }
        // "In the end, he said, nothing changed": a short phrase with no verb before an
        // attribution set off in the middle is no clause.
        if set_off
            && self.count(&self.words, sent.start, g0 - 1) <= 4
            && self.count(&self.verbs, sent.start, g0 - 1) == 0
        {
            return None;
        }
        // "In a farewell letter …, Tiernan thanked the town": a cue that reports only after
        // "that" reports nothing before it when an object follows it (a time phrase may).
        let object_after = tokens[a.cue.last].flags.cue_needs_that()
            && tokens.get(g1 + 1).is_some_and(|t| {
                let f = t.flags;
                t.is_word() && !(f.time() || f.adverbial() || f.preposition())
            })
            && tail.start < end;
        // "CLAUSE, according to an audit by the state's inspector general released on …":
        // the source may run on to the end.
        let according_after = a.cue.according && a.cue.first == g0;
        if g0 > sent.start + 1
            && tokens[g0 - 1].is_punct(',')
            && (relative || short_tail || according_after)
            && !object_after
        {
            return self.span(index, sent.start, g0 - 1, false, false);
        }
        // "According to X, CLAUSE", the source running on to the comma ("according to a
        // filing released on Monday,", "according to the commission's 48-page order,"), after at
        // most two words ("But according to …").
        if a.cue.according {
            let opens = g0 - sent.start <= 2
                && (sent.start..g0).all(|i| tokens[i].is_word() && !tokens[i].flags.verb());
            let comma = (g1 + 1..end)
                .take(MAX_SOURCE_TAIL)
                .find(|&i| !tokens[i].is_word())
                .filter(|&i| tokens[i].is_punct(','));
            return match comma {
                Some(c) if opens => self.span(index, c + 1, end, false, false),
                _ => None,
            };
        }
        if a.inverted {
            return None;
        }
        // "X said (that) CLAUSE": after the cue, over an adverbial or an object before "that".
        // "said Tuesday (that) …", "announced last week (that) …": past a time phrase.
        let mut k = past_time_phrase(text, tokens, a.cue.last + 1, end);
        let is_word =
            |i: usize, w: &str| word_at(text, tokens, i).is_some_and(|x| x.eq_ignore_ascii_case(w));
        let mut after_that = false;
        if is_word(k, "that") {
            k += 1;
            after_that = true;
        } else if let Some(span) = self.content(index, k) {
            // "vowed to repeal the tax", "denied any attempt to hide the results".
            return Some(span);
        } else if tokens[a.cue.last].flags.cue_needs_that()
            && !tokens[a.cue.first].flags.cue_phrase_start()
            && !opens_with_subject(text, tokens, k, end)
        {
            // "declared war", "announced a plan": only "declared that …" reports speech; look
            // for "that" after a short adverbial ("revealed on Monday that").
            let that = (k..(k + MAX_BEFORE_THAT).min(end)).find(|&i| is_word(i, "that"))?;
            // Only an adverbial may stand before "that": "on Monday", "in a statement", "in
            // a report released on Thursday".
            let adverbial = |i: usize| {
                let f = tokens[i].flags;
                let w = tokens[i].span.slice(text);
                let released = i > k
                    && tokens[i - 1].flags.statement()
                    && w.ends_with("ed")
                    && f.cue().is_none();
                tokens[i].is_word()
                    && (f.adverbial()
                        || f.definite()
                        || f.indefinite()
                        || f.statement()
                        || f.capitalized()
                        || released
                        || (f.preposition() && i > k))
            };
            if !(k..that).all(adverbial) {
                return None;
            }
            k = that + 1;
            after_that = true;
        } else {
            let cue = &tokens[a.cue.last];
            let takes_object = cue.flags.cue_takes_object() && cue.is_ascii_word(text);
            let opens = tokens
                .get(k)
                .is_some_and(|t| t.is_word() && t.flags.adverbial());
            if takes_object || opens {
                let that = (k..(k + 8).min(end)).find(|&i| is_word(i, "that"));
                let plain =
                    |upto: usize| (k..upto).all(|i| tokens[i].is_word() && !tokens[i].flags.verb());
                match that {
                    Some(t) if plain(t) => {
                        k = t + 1;
                        after_that = true;
                    }
                    _ if takes_object => {
                        // "told reporters the port would reopen": past the object, a
                        // speaker-like phrase or one plain word.
                        k = match parse_right(text, tokens, k) {
                            Some(object) => object.tokens.1 + 1,
                            None if tokens.get(k).is_some_and(|t| t.is_word()) => k + 1,
                            None => return None,
                        };
                    }
                    _ => {}
                }
            }
        }
        // Past a time phrase after an object too ("told reporters Tuesday she …").
        if !after_that {
            k = past_time_phrase(text, tokens, k, end);
            if is_word(k, "that") {
                k += 1;
                after_that = true;
            }
        }
        if tokens.get(k).is_some_and(|t| t.is_punct(':')) {
            return None;
        }
        if k >= end {
            return None;
        }
        // Stop before a later attribution set off by a comma ("…, officials said"): the
        // first such group that starts after `k`.
        let next = self.comma_groups.partition_point(|&g| g <= k);
        let stop = self.comma_groups.get(next).map_or(end, |&s| {
            let mut s = s.min(end);
            while s > k && !tokens[s - 1].is_word() {
                s -= 1;
            }
            s
        });
        // "Eleanor Vasquez, 86, who said she had bought her dress there, called …": said in a
        // relative clause, the speech ends at the comma that closes it.
        let stop = if a.relative {
            (k..stop)
                .take(MAX_CLAUSE_SCAN)
                .find(|&i| tokens[i].is_punct(','))
                .unwrap_or(stop)
        } else {
            stop
        };
        // In one pass, the clause ends at the first of:
        // - where the writer goes on: ", and he put the report in a drawer", ", though the
        //   coalition faces an election", ", which would have sent …", ", as the opposition
        //   alleged …", ", announcing the decision on …";
        // - "and that" ("said no decision had been taken and that it was ‘reviewing all
        //   options’": the first clause is reported; "but that" often joins one statement);
        // - a semicolon before a clause with a cue of its own ("… said the sirens should have
        //   sounded; the judge said a strike had knocked them out").
        let goes_on = |i: usize| {
            tokens[i].is_punct(',')
                && tokens.get(i + 1).is_some_and(|t| {
                    let w = t.span.slice(text);
                    t.is_lower_ascii_word(text)
                        && (t.flags.conjunction()
                            || t.flags.subordinator()
                            || t.flags.relative()
                            || w == "as"
                            || (w.len() > 5 && w.ends_with("ing")))
                })
        };
        let semicolon = |i: usize| tokens[i].is_punct(';') && self.other_cue_in(index, i + 1, end);
        let and_that = |i: usize| {
            tokens[i].is_lower_ascii_word(text)
                && tokens[i].span.slice(text) == "and"
                && is_word(i + 1, "that")
        };
        let stop = (k..stop)
            .take(MAX_CLAUSE_SCAN + 1)
            .find_map(|i| {
                if i < k + MAX_CLAUSE_SCAN && (goes_on(i) || semicolon(i)) {
                    Some(i)
                } else if i > k && and_that(i) {
                    // A comma before it is the clause's end (found above as ", and").
                    Some(if tokens[i - 1].is_punct(',') {
                        i - 1
                    } else {
                        i
                    })
                } else {
                    None
                }
            })
            .unwrap_or(stop);
        self.span(index, k, stop, !after_that, true)
    }
}

/// How many tokens an appositive role after a speaker's name may hold.
const MAX_PARENTHETICAL_ROLE: usize = 16;

/// How many tokens may stand between a cue that needs "that" and its "that" ("concluded in
/// a report released on Thursday that").
const MAX_BEFORE_THAT: usize = 8;

/// Whether a word is a third-person subject pronoun ("he", "she", "it", "they").
fn is_subject_pronoun(f: Flags) -> bool {
    f.personal() || f.neuter() || f.plural()
}

/// Whether the words at `k` open a clause with its subject and verb: a subject pronoun and
/// its verb ("confirmed it had opened an inquiry", "admitted he had voted"), or a short noun
/// phrase opened by a determiner, or a plain noun, and then a finite verb ("admitted his side
/// had been second best", "announced phones would be banned"). A cue that needs "that"
/// reports such a clause without it; "admitted defeat", "confirmed the date" have no verb and report nothing.
fn opens_with_subject(text: &str, tokens: &[Token], k: usize, end: usize) -> bool {
    let (Some(p), Some(v)) = (tokens.get(k), tokens.get(k + 1)) else {
        return false;
    };
    let f = p.flags;
    let pronoun =
        p.is_word() && (is_subject_pronoun(f) || matches!(p.span.slice(text), "I" | "we"));
    if pronoun {
        return v.is_word() && (v.flags.auxiliary() || v.flags.verb());
    }
    let finite = |t: &Token| {
        t.flags.verb() && t.is_lower_ascii_word(text) && !t.span.slice(text).ends_with("ed")
    };
    // "announced phones would be banned": a plain noun and a finite verb.
    let plain = !f.verb() && !f.connector() && !f.preposition() && !f.adverbial();
    if p.is_lower_ascii_word(text) && plain && finite(v) {
        return true;
    }
    // "admitted Dunmore had few tools", "conceded Port Ellery would wait": a name of up to
    // three words and a finite verb.
    let capital = |t: &Token| t.is_word() && t.flags.capitalized() && !t.flags.not_name();
    if capital(p) {
        let name_end = (k..end.min(k + 3))
            .take_while(|&i| capital(&tokens[i]))
            .last()
            .unwrap_or(k);
        if tokens.get(name_end + 1).is_some_and(&finite) {
            return true;
        }
    }
    let determiner = p.is_lower_ascii_word(text) && (f.definite() || f.indefinite());
    if !determiner {
        return false;
    }
    for t in &tokens[k + 1..end.min(k + 8)] {
        if !t.is_word() || t.span.slice(text) == "that" {
            return false;
        }
        // A finite verb of `data/verb_markers.txt` ("had", "would"), not a word in "-ed",
        // which may be a participle ("declared the fire extinguished").
        if t.flags.verb() {
            return finite(t);
        }
    }
    false
}

/// The token after a time phrase at `k` ("Tuesday", "on Wednesday", "late Monday night",
/// "last week"; `data/time_words.txt`), or `k` when none opens there.
fn past_time_phrase(text: &str, tokens: &[Token], k: usize, end: usize) -> usize {
    let time = |i: usize| i < end && tokens[i].is_word() && tokens[i].flags.time();
    let lead = |i: usize| {
        i < end
            && tokens[i].is_lower_ascii_word(text)
            && matches!(
                tokens[i].span.slice(text),
                "on" | "last" | "this" | "late" | "early"
            )
    };
    let mut i = k;
    if lead(i) && time(i + 1) {
        i += 1;
    }
    if !time(i) {
        return k;
    }
    while time(i) {
        i += 1;
    }
    i
}

impl Clauses<'_> {
    /// What a `content` cue (see `data/cues.txt`) takes at token `k`, as the speech: "to" and
    /// an infinitive (the words after "to"), or a noun phrase opened by a determiner, up to
    /// the end of the sentence, a comma, or "and" before the sentence's next cue.
    fn content(&self, index: usize, k: usize) -> Option<Span> {
        let (text, tokens) = (self.text, self.tokens);
        let a = &self.attributions[index];
        if !tokens[a.cue.last].flags.cue_content() || k >= self.end {
            return None;
        }
        let first = &tokens[k];
        let from = if first.is_lower_ascii_word(text) && first.span.slice(text) == "to" {
            k + 1
        } else if first.is_word() && (first.flags.definite() || first.flags.indefinite())
            || word_at(text, tokens, k).is_some_and(|w| w.eq_ignore_ascii_case("any"))
        {
            k
        } else {
            return None;
        };
        // To the next cue's "and", or a comma, or the end.
        let next_cue = self
            .attributions
            .get(index + 1)
            .map_or(self.end, |o| o.cue.first.min(self.end));
        // A comma inside a number ("£250,000") ends nothing.
        let in_number = |i: usize| {
            let digit = |t: Option<&Token>, last: bool| {
                t.and_then(|t| {
                    let s = t.span.slice(text);
                    if last {
                        s.chars().last()
                    } else {
                        s.chars().next()
                    }
                })
                .is_some_and(|c| c.is_ascii_digit())
            };
            i > 0 && digit(tokens.get(i - 1), true) && digit(tokens.get(i + 1), false)
        };
        let mut to = (from..next_cue)
            .find(|&i| (tokens[i].is_punct(',') && !in_number(i)) || tokens[i].is_punct(';'))
            .unwrap_or(next_cue);
        if to < self.end && to == next_cue {
            while to > from && word_at(text, tokens, to - 1).is_some_and(|w| w == "and") {
                to -= 1;
            }
        }
        crate::work::step(to.saturating_sub(from));
        let words = self.count(&self.words, from, to);
        let quoted = self.count(&self.quotes, from, to) > 0;
        (words >= 2 && !quoted).then(|| Span::new(tokens[from].span.start, tokens[to - 1].span.end))
    }
}

/// How many words may follow the source of "according to" before its comma.
const MAX_SOURCE_TAIL: usize = 10;

/// How many tokens after its start a clause is read for where it ends.
const MAX_CLAUSE_SCAN: usize = 120;

/// Where an attribution's words start: its speaker's first token or its cue's, whichever
/// comes first.
fn group_start(a: &Attribution) -> usize {
    a.speaker
        .map_or(a.cue.first, |m| m.tokens.0.min(a.cue.first))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::attribution::attribute;
    use crate::grammar::cue::find_cues;

    /// The clause each attribution of a one-sentence text reports.
    fn clauses(text: &str) -> Vec<Option<String>> {
        let (_, toks) = crate::grammar::lex_for_test(text);
        let cues = find_cues(text, &toks, 0..toks.len());
        let atts = attribute(text, &toks, 0..toks.len(), &cues);
        (0..atts.len())
            .map(|i| {
                reported_clause(text, &toks, 0..toks.len(), &atts, i)
                    .map(|s| s.slice(text).to_string())
            })
            .collect()
    }

    fn some(s: &str) -> Vec<Option<String>> {
        vec![Some(s.to_string())]
    }

    #[test]
    fn reported_clauses() {
        assert_eq!(
            clauses("Gen. Pat Ryder said 21 personnel were injured."),
            some("21 personnel were injured")
        );
        assert_eq!(
            clauses("Austin said in a statement that the strikes hit depots."),
            some("the strikes hit depots")
        );
        assert_eq!(
            clauses("Lowe told the Tribune that the door remained open."),
            some("the door remained open")
        );
        assert_eq!(
            clauses("The strikes reduced their reach, a senior official said."),
            some("The strikes reduced their reach")
        );
        assert_eq!(
            clauses("According to the Pentagon, there were 12 attacks."),
            some("there were 12 attacks")
        );
        assert_eq!(
            clauses("There were 12 attacks since May, according to the Pentagon."),
            some("There were 12 attacks since May")
        );
        assert_eq!(
            clauses("It rained all week, said the mayor."),
            some("It rained all week")
        );
        assert_eq!(
            clauses("The port reopened, according to an aide who spoke on condition of anonymity."),
            some("The port reopened")
        );
        assert_eq!(
            clauses("The ministry (MoD) said troops had left."),
            some("troops had left")
        );
        assert_eq!(
            clauses("The mayor announced on Monday that the port would reopen."),
            some("the port would reopen")
        );
        assert_eq!(
            clauses("Bello told reporters she had six votes."),
            some("she had six votes")
        );
        assert_eq!(
            clauses("Two cubs were born last month, the zoo said Saturday, the first in years."),
            some("Two cubs were born last month")
        );
        assert_eq!(
            clauses("Repairs are late, engineers warned."),
            some("Repairs are late")
        );
    }

    #[test]
    fn not_reported_clauses() {
        // A noun phrase, not a clause.
        assert_eq!(
            clauses("Austin confirmed this action in a statement."),
            vec![None]
        );
        // Acts, not speech: these verbs report a clause only after "that".
        assert_eq!(
            clauses("Israel declared war on the rebels after the raid."),
            vec![None]
        );
        assert_eq!(clauses("The army continues to pound the city."), vec![None]);
        // Colon-introduced speech without marks is not reported speech.
        assert_eq!(clauses("Austin said: we go now."), vec![None]);
        // Thought, not speech: no cue at all.
        assert!(clauses("Kirby appeared to sidestep questions on Iran.").is_empty());
    }

    #[test]
    fn a_time_phrase_after_the_cue_is_not_the_speech() {
        assert_eq!(
            clauses("Haddadi said Tuesday she would not run."),
            some("she would not run")
        );
        assert_eq!(
            clauses("Norvale Energy said on Wednesday hackers had stolen the names."),
            some("hackers had stolen the names")
        );
        assert_eq!(
            clauses("Ryder said late Monday night that the base was hit."),
            some("the base was hit")
        );
    }

    #[test]
    fn a_clause_ends_before_a_relative_an_as_or_a_participle() {
        assert_eq!(
            clauses("Haddadi said she would not run, announcing the decision on radio."),
            some("she would not run")
        );
        assert_eq!(
            clauses("Farrow wrote she could not oversee the loan, which would have sent 42 works abroad."),
            some("she could not oversee the loan")
        );
        assert_eq!(
            clauses("The commission said it would delay the count, as the opposition feared."),
            some("it would delay the count")
        );
    }

    #[test]
    fn said_in_a_relative_clause() {
        assert_eq!(
            clauses("Eleanor Vasquez, 86, who said she had bought her dress there, called it sad."),
            // ("called" reports nothing here.)
            vec![Some("she had bought her dress there".to_string()), None]
        );
    }

    #[test]
    fn a_cue_that_needs_that_reports_a_pronoun_clause_without_it() {
        assert_eq!(
            clauses("The commission confirmed it had opened an inquiry."),
            some("it had opened an inquiry")
        );
        assert_eq!(
            clauses("Hewitt admitted his side had been second best."),
            some("his side had been second best")
        );
        // Not a clause.
        assert_eq!(clauses("The commission confirmed the date."), vec![None]);
        assert_eq!(clauses("Hewitt admitted defeat on Sunday."), vec![None]);
        assert_eq!(
            clauses("The minister announced last week phones would be banned."),
            some("phones would be banned")
        );
        assert_eq!(
            clauses("The chief declared the fire extinguished on Thursday."),
            vec![None]
        );
        // A clause after "that" may hold another cue.
        assert_eq!(
            clauses("The chair said in a statement that the board had not asked Quist to resign.")
                [0]
            .as_deref(),
            Some("the board had not asked Quist to resign")
        );
        // An irregular past form is a finite verb; the subject may run to seven words.
        assert_eq!(
            clauses("Gale told reporters low turnout always hurt the party."),
            some("low turnout always hurt the party")
        );
        assert_eq!(
            clauses("He suggested the stories about his campaign's finances had been invented."),
            some("the stories about his campaign's finances had been invented")
        );
    }

    #[test]
    fn cues_that_take_an_object() {
        // `object` in `data/cues.txt`: past the object to the clause.
        assert_eq!(
            clauses("Bello told reporters she had six votes."),
            some("she had six votes")
        );
        assert_eq!(
            clauses("Bello said reporters she had six votes."),
            some("reporters she had six votes")
        );
    }

    #[test]
    fn content_cues_report_an_infinitive_or_a_noun_phrase() {
        assert_eq!(
            clauses("Vidal vowed to repeal the wheel tax."),
            some("repeal the wheel tax")
        );
        // Each of two content cues takes its own object.
        assert_eq!(
            clauses("Okonedo denied any attempt to hide it and promised a full review."),
            [
                Some("any attempt to hide it".to_string()),
                Some("a full review".to_string())
            ]
        );
        // "According to" over a long source, after a conjunction.
        assert_eq!(
            clauses("But according to a filing released on Monday, the slate raised $4."),
            some("the slate raised $4")
        );
        // A number's comma ends nothing.
        assert_eq!(
            clauses("The trust has promised to raise £250,000 towards repairs."),
            some("raise £250,000 towards repairs")
        );
        // Other cues still need "that" or a clause.
        assert_eq!(clauses("The council declared war on potholes."), [None]);
    }

    #[test]
    fn a_pronoun_and_its_auxiliary_are_a_clause() {
        // ("Asked" is a cue of its own, with nothing to report.)
        assert_eq!(
            clauses("Asked whether the board could act, Fisk said it could."),
            [None, Some("it could".to_string())]
        );
        assert_eq!(clauses("Fisk said it."), [None]);
        // A subject pronoun opens a clause whose verb no list knows.
        assert_eq!(
            clauses("Kessling said he took no pleasure in it."),
            some("he took no pleasure in it")
        );
    }

    #[test]
    fn a_clause_ends_where_the_writer_goes_on() {
        assert_eq!(
            clauses("The sheriff told him in 2021 that the wing was unsafe, and he filed it."),
            some("the wing was unsafe")
        );
        assert_eq!(
            clauses("Domingo said the bank would not move faster, though an election looms."),
            some("the bank would not move faster")
        );
    }

    #[test]
    fn a_cue_set_off_in_the_middle_reports_the_sentence() {
        assert_eq!(
            clauses("Customers, Okonedo added, would receive a credit."),
            some("Customers, Okonedo added, would receive a credit")
        );
        assert_eq!(clauses("In the end, he said, nothing changed."), [None]);
    }

    #[test]
    fn long_subjects_adverbials_and_appositives_around_the_cue() {
        // A relative clause of more than twenty words between subject and cue.
        assert_eq!(
            clauses(
                "Marta Quill, who has lived in the town since 2011 and who has spent three \
                 years organizing her neighbors to press for voluntary buyouts, said the \
                 residents had been given three weeks."
            ),
            some("the residents had been given three weeks")
        );
        assert_eq!(
            clauses(
                "The corps concluded in a report released on Thursday that raising the \
                 levees would be cheaper."
            ),
            some("raising the levees would be cheaper")
        );
        let got = clauses(
            "The faculty, noted Annika Lowe, a historian who chairs the senate, had voted \
             no confidence only once.",
        );
        assert!(
            got[0]
                .as_deref()
                .is_some_and(|c| c.ends_with("had voted no confidence only once")),
            "{got:?}"
        );
    }

    #[test]
    fn a_possessive_opens_a_present_tense_clause() {
        assert_eq!(
            clauses("The company says its scooters slow automatically in pedestrian zones."),
            some("its scooters slow automatically in pedestrian zones")
        );
        // Too short to be sure of: "said her goodbyes".
        assert_eq!(clauses("She said her goodbyes."), [None]);
        // A plain noun and an adverb in "-ly": the verb follows.
        assert_eq!(
            clauses("Political scientists say rematches rarely bring new voters."),
            some("rematches rarely bring new voters")
        );
        assert_eq!(
            clauses("Harriet Lund writes a weekly column on city life."),
            [None]
        );
    }

    #[test]
    fn a_source_after_according_to_may_run_on_with_a_participle() {
        assert_eq!(
            clauses(
                "The comptroller approved $6 million in contracts, according to an audit by \
                 the inspector general released on Tuesday."
            ),
            some("The comptroller approved $6 million in contracts")
        );
    }

    #[test]
    fn a_described_source_before_who_reports_the_relative_clause() {
        assert_eq!(
            clauses("They heard from a bus driver who said she had nowhere else to go."),
            some("she had nowhere else to go")
        );
    }

    #[test]
    fn and_that_ends_the_first_clause_and_a_name_may_open_one() {
        assert_eq!(
            clauses("The trust said no decision had been taken and that it was reviewing options."),
            some("no decision had been taken")
        );
        assert_eq!(
            clauses("The mayor admitted Dunmore had few tools to keep the mill open."),
            some("Dunmore had few tools to keep the mill open")
        );
    }

    #[test]
    fn a_cue_that_needs_that_reports_nothing_before_its_object() {
        assert_eq!(
            clauses("In a farewell letter published on Friday, Tiernan thanked the town."),
            [None]
        );
        assert_eq!(
            clauses("The war is over, the general declared on Monday."),
            some("The war is over")
        );
    }

    #[test]
    fn a_semicolon_before_another_attribution_ends_the_clause() {
        assert_eq!(
            clauses("The mayor said the sirens should have sounded; the judge said a strike had knocked them out."),
            [
                Some("the sirens should have sounded".to_string()),
                Some("a strike had knocked them out".to_string())
            ]
        );
        // Without a cue after it, the semicolon is the speaker's.
        assert_eq!(
            clauses("The mayor said the sirens failed; the county would pay."),
            some("the sirens failed; the county would pay")
        );
    }

    #[test]
    fn a_relative_clause_ends_the_attribution() {
        assert_eq!(
            clauses("The port reopened, an aide who was there said."),
            some("The port reopened")
        );
    }
}

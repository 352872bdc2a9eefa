//! Quote marks: finding them in a paragraph, telling marks from apostrophes, and pairing them.
//!
//! Every common style is recognised and paired within its family:
//!
//! | family | marks |
//! |---|---|
//! | double | `“ ” „ ‟ "` |
//! | single | `‘ ’ ‚ ‛ '` |
//! | guillemet | `« »` (French `« … »` and German `» … «`) |
//! | single guillemet | `‹ ›` |
//! | corner | `「 」`, `『 』` |
//!
//! Whether a mark can open or close a quote is read off its neighbours (the "flanking" rule
//! that Markdown uses for emphasis): a mark followed by a non-space and preceded by a space,
//! an opening bracket, a dash or the start of the paragraph can open; a mark preceded by a
//! non-space and followed by a space, punctuation or the end can close. A single-family mark
//! between two letters or digits (`I’m`, `Iran‘s`, `don't`) is an apostrophe, and so is one
//! before a digit at the start of a word (`’90s`).
//!
//! Pairing keeps a stack of open marks with a count per family, so a closing mark with nothing
//! to close costs O(1) and the whole pass is linear in the paragraph, whatever its marks.
//! Marks left open when a closing mark of an outer family arrives are dropped (unbalanced);
//! a double-family or guillemet quote still open at the end of the paragraph is reported as
//! open-ended, so that the caller can continue it into the next paragraph or end it there.
//!
//! Markup is skipped so that its quote marks never count: HTML-like tags (`<tweet id="1">`)
//! and shortcodes such as `[/caption]`.
//!
//! The scanners ([`skip_markup`] and the gap between candidates) have the shape of nom
//! parsers on complete input (`IResult`), written out by hand for speed: the closing `>` or
//! `]` of markup is found once per text and remembered ([`Closers`]), so markup that never
//! closes stays linear. [`lex`] is a loop over them and [`pair`] a loop over the marks it
//! found.

use nom::IResult;

use crate::Span;

/// Which marks can pair with which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
    Corner,
    WhiteCorner,
}

impl Family {
    const COUNT: usize = 6;

    fn index(self) -> usize {
        self as usize
    }

    /// Whether a quote of this family left open at the end of a paragraph is kept (running to
    /// the end of the paragraph or into the next one). Single marks are too often apostrophes
    /// for that: an unclosed one is dropped.
    pub(crate) fn survives_paragraph_end(self) -> bool {
        !matches!(self, Family::Single | Family::SingleGuillemet)
    }
}

/// One quote mark, with what it may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    /// Byte range of the mark itself.
    pub span: Span,
    pub family: Family,
    pub can_open: bool,
    pub can_close: bool,
}

/// A paired (or open-ended) quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Region {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quote was still open at the end of the paragraph.
    pub close: Option<Span>,
    /// 0 for a quote in the writer's text, 1 for a quote inside a quote, and so on.
    pub depth: usize,
    pub family: Family,
}

impl Region {
    /// Bytes between the marks (up to `para_end` for an open-ended region).
    pub(crate) fn inner(&self, para_end: usize) -> Span {
        Span::new(self.open.end, self.close.map_or(para_end, |c| c.start))
    }

    /// Bytes from the opening mark to the end of the closing mark.
    pub(crate) fn outer(&self, para_end: usize) -> Span {
        Span::new(self.open.start, self.close.map_or(para_end, |c| c.end))
    }
}

fn is_candidate(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '„'
            | '‟'
            | '"'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '\''
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '<'
            | '['
    )
}

/// Bytes that can start a candidate character: the ASCII ones, and the lead bytes of the
/// two- and three-byte UTF-8 forms of « » (C2), ‘ ’ “ ” „ ‟ ‹ › (E2) and 「 」 『 』 (E3).
const fn candidate_lead_bytes() -> [bool; 256] {
    let mut table = [false; 256];
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table[b'<' as usize] = true;
    table[b'[' as usize] = true;
    table[0xC2] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table
}

static CANDIDATE_LEAD: [bool; 256] = candidate_lead_bytes();

/// `<anything but a candidate>*`: the text up to the next candidate character. A nom parser
/// that scans bytes and decodes a character only at a possible lead byte, so plain prose is
/// skipped at memory speed.
fn to_candidate(i: &str) -> IResult<&str, &str> {
    let bytes = i.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        // Every lead byte in the table starts a character, so `k` is a boundary here.
        if CANDIDATE_LEAD[bytes[k] as usize] && i[k..].chars().next().is_some_and(is_candidate) {
            break;
        }
        k += 1;
    }
    Ok((&i[k..], &i[..k]))
}

pub(crate) fn is_quote_char(c: char) -> bool {
    is_candidate(c) && c != '<' && c != '['
}

/// Characters after which a mark may open: brackets, dashes, slashes, other marks.
fn is_opening_context(c: char) -> bool {
    c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/') || is_quote_char(c)
}

/// Characters before which a mark may close: white space, punctuation, other marks.
fn is_closing_context(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '/' | '…'
        )
        || is_quote_char(c)
}

/// Where the next `>` and `]` are in one text, remembered between calls, so that markup that
/// never closes (`[/caption` or `<a` a thousand times over) costs one scan of the text, not one
/// scan to its end per opening. Each call must pass a suffix of the same text, at or after the
/// previous one.
#[derive(Debug, Default)]
pub(crate) struct Closers {
    /// For `>` and `]`: the length of the text's suffix that starts at the closer found last
    /// (`Some(None)`: none is left).
    found: [Option<Option<usize>>; 2],
}

impl Closers {
    /// Where `close` is in `i`, if anywhere.
    fn find(&mut self, i: &str, close: char) -> Option<usize> {
        let slot = &mut self.found[usize::from(close == ']')];
        match *slot {
            // None left after an earlier, longer suffix: none in this one either.
            Some(None) => None,
            // The closer found before still lies ahead.
            Some(Some(rest)) if rest <= i.len() => Some(i.len() - rest),
            _ => {
                let at = i.find(close);
                // The bytes read: at most the text once per closer, whatever the markup.
                crate::work::step(at.unwrap_or(i.len()) / 16 + 1);
                *slot = Some(at.map(|k| i.len() - k));
                at
            }
        }
    }
}

/// Skips markup starting at `i` (which begins with `<` or `[`): `<tag …>` / `</tag>` /
/// `<!-- … >`, and shortcodes `[/name]` / `[name …]`. Returns the rest after the markup.
/// `closers` remembers where the closing characters are (see [`Closers`]).
pub(crate) fn skip_markup<'i>(i: &'i str, closers: &mut Closers) -> IResult<&'i str, &'i str> {
    let mut chars = i.chars();
    let first = chars.next();
    let second = chars.next();
    let is_tag = match (first, second) {
        (Some('<'), Some(c)) => c.is_ascii_alphabetic() || c == '/' || c == '!',
        (Some('['), Some(c)) => c == '/' || c.is_ascii_lowercase(),
        _ => false,
    };
    let error = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::TakeUntil));
    if !is_tag {
        return Err(error());
    }
    let close = if first == Some('<') { '>' } else { ']' };
    let at = closers.find(i, close).ok_or_else(error)?;
    Ok((&i[at + 1..], &i[..at]))
}

/// Finds the quote marks of one paragraph (`text`, which starts at byte `base` of the article)
/// and classifies each as able to open, close, or both. Apostrophes are left out.
pub(crate) fn lex(text: &str, base: usize) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut rest = text;
    let mut prev: Option<char> = None;
    let mut steps = 0;
    let mut closers = Closers::default();
    while let Ok((after_gap, gap)) = to_candidate(rest) {
        if let Some(c) = gap.chars().next_back() {
            prev = Some(c);
        }
        let Some(c) = after_gap.chars().next() else {
            break;
        };
        let pos = text.len() - after_gap.len();
        steps += 1;
        if c == '<' || c == '[' {
            if let Ok((after, _)) = skip_markup(after_gap, &mut closers) {
                rest = after;
                // Markup is transparent for flanking: it acts like a space.
                prev = Some(' ');
                continue;
            }
            rest = &after_gap[1..];
            prev = Some(c);
            continue;
        }
        let after = &after_gap[c.len_utf8()..];
        let next = after.chars().next();
        if matches!(c, '’' | '\'') && prev == Some('s') && plural_possessive(after) {
            prev = Some(c);
            rest = after;
            continue;
        }
        if let Some((family, can_open, can_close)) = classify(c, prev, next) {
            marks.push(Mark {
                span: Span::new(base + pos, base + pos + c.len_utf8()),
                family,
                can_open,
                can_close,
            });
        }
        prev = Some(c);
        rest = after;
    }
    crate::work::step(steps);
    marks
}

/// Whether `after`, the text right after an `s’`, shows that mark to be the apostrophe of a
/// plural possessive: a space, then a lower-case word that is neither a cue nor a pronoun
/// (‘This is about the drivers’ safety’: "safety"; not ‘… for the drivers’ she said'), or
/// "and"/"or" and another plural possessive (‘the patients’ and visitors’ spaces’).
fn plural_possessive(after: &str) -> bool {
    let Some(word) = after.strip_prefix(' ') else {
        return false;
    };
    let end = word
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(word.len());
    let word = &word[..end];
    if !word.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    // "the patients’ and visitors’ spaces": a second plural possessive after "and" or "or".
    if matches!(word, "and" | "or") {
        let rest = &after[1 + end..];
        let Some(next) = rest.strip_prefix(' ') else {
            return false;
        };
        let stem = next
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(next.len());
        let tail = &next[stem..];
        return stem > 1
            && next[..stem].ends_with('s')
            && ["’", "'"]
                .iter()
                .any(|m| tail.strip_prefix(m).is_some_and(plural_possessive));
    }
    let f = crate::lexicon::Lexicon::get().flags(word);
    !(f.cue().is_some() || f.personal() || f.neuter() || f.plural() || f.conjunction())
}

/// What a mark may do, from the mark and its neighbours; `None` for an apostrophe.
fn classify(c: char, prev: Option<char>, next: Option<char>) -> Option<(Family, bool, bool)> {
    let left_flank =
        next.is_some_and(|n| !n.is_whitespace()) && prev.is_none_or(is_opening_context);
    let right_flank =
        prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(is_closing_context);
    let intraword =
        prev.is_some_and(char::is_alphanumeric) && next.is_some_and(char::is_alphanumeric);
    // An apostrophe at the start of a word before a digit: ’90s, '08.
    let elided_year = prev.is_none_or(|p| p.is_whitespace() || p == '(')
        && next.is_some_and(|n| n.is_ascii_digit());
    // Marks that normally only open or only close, but flip when the flanking is unambiguous
    // the other way round (German „…“, Swedish ”…”, German »…«).
    let only_left = left_flank && !right_flank;
    let only_right = right_flank && !left_flank;
    Some(match c {
        '“' => (Family::Double, true, only_right),
        '”' => (Family::Double, only_left, !only_left),
        '„' | '‟' => (Family::Double, true, false),
        '"' => (
            Family::Double,
            left_flank || !right_flank,
            right_flank || !left_flank,
        ),
        '‘' | '‛' | '‚' => {
            if intraword {
                return None;
            }
            (
                Family::Single,
                !only_right || c != '‘',
                only_right && c == '‘',
            )
        }
        '’' | '\'' => {
            if intraword || elided_year {
                return None;
            }
            let can_open = c == '\'' && only_left;
            (Family::Single, can_open, right_flank)
        }
        // French spacing (`« non »`) defeats flanking, so a right-pointing guillemet always
        // closes an open one; it opens only in German style (`»nein«`), when none is open.
        '«' => (Family::Guillemet, true, only_right),
        '»' => (Family::Guillemet, only_left, true),
        '‹' => (Family::SingleGuillemet, true, only_right),
        '›' => (Family::SingleGuillemet, only_left, true),
        '「' => (Family::Corner, true, false),
        '」' => (Family::Corner, false, true),
        '『' => (Family::WhiteCorner, true, false),
        '』' => (Family::WhiteCorner, false, true),
        _ => return None,
    })
}

/// Pairs the marks of one paragraph into regions, sorted by opening position.
///
/// A mark that can close closes the innermost open mark of its family (dropping any unclosed
/// marks above it); otherwise, if it can open, it opens. Regions still open at the end are
/// kept open-ended (`close: None`) when their family survives the paragraph end.
pub(crate) fn pair(marks: &[Mark]) -> Vec<Region> {
    let mut stack: Vec<Mark> = Vec::new();
    let mut open_per_family = [0usize; Family::COUNT];
    let mut regions = Vec::new();
    let mut pops = 0;
    for &m in marks {
        let f = m.family.index();
        if m.can_close && open_per_family[f] > 0 {
            // There is an open mark of this family: close the innermost one.
            while let Some(top) = stack.pop() {
                pops += 1;
                open_per_family[top.family.index()] -= 1;
                if top.family == m.family {
                    regions.push(Region {
                        open: top.span,
                        close: Some(m.span),
                        depth: stack.len(),
                        family: m.family,
                    });
                    break;
                }
            }
        } else if m.can_open {
            open_per_family[f] += 1;
            stack.push(m);
        }
        // Otherwise a stray closing mark: ignored.
    }
    // What is still open: the outermost surviving mark runs to the end of the paragraph;
    // marks opened inside it are dropped, since nothing closed them.
    if let Some(first) = stack.iter().find(|m| m.family.survives_paragraph_end()) {
        let depth = stack.iter().take_while(|m| m.span != first.span).count();
        regions.push(Region {
            open: first.span,
            close: None,
            depth,
            family: first.family,
        });
    }
    crate::work::step(marks.len() + pops);
    regions.sort_by_key(|r| r.open.start);
    regions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (inner text, depth, closed) for each region of `text`.
    fn quotes(text: &str) -> Vec<(&str, usize, bool)> {
        pair(&lex(text, 0))
            .iter()
            .map(|r| (r.inner(text.len()).slice(text), r.depth, r.close.is_some()))
            .collect()
    }

    #[test]
    fn curly_double_quotes_pair() {
        assert_eq!(
            quotes("“We are ready,” she said."),
            [("We are ready,", 0, true)]
        );
    }

    #[test]
    fn straight_quotes_pair_by_flanking() {
        assert_eq!(
            quotes(r#"a "precision self-defense" measure and "more""#),
            [("precision self-defense", 0, true), ("more", 0, true)]
        );
    }

    #[test]
    fn plural_possessives_inside_single_quotes() {
        assert_eq!(
            quotes("‘This is about the drivers’ safety, not pay,’ the union said."),
            [("This is about the drivers’ safety, not pay,", 0, true)]
        );
        // Two of them joined by "and".
        assert_eq!(
            quotes("‘But the patients’ and visitors’ spaces are full,’ he said."),
            [("But the patients’ and visitors’ spaces are full,", 0, true)]
        );
        // A mark after "s" before a cue still closes.
        assert_eq!(
            quotes("‘We back the nurses’ said Ms Crane."),
            [("We back the nurses", 0, true)]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(
            quotes("I’m sure Iran’s and Iran‘s and don't and ’90s and the '08 race").is_empty()
        );
        assert!(lex("rock ’n’ roll’s", 0).iter().all(|m| !m.can_open));
    }

    #[test]
    fn nested_single_inside_double() {
        assert_eq!(
            quotes("“He told me ‘never again,’ and left,” she said."),
            [
                ("He told me ‘never again,’ and left,", 0, true),
                ("never again,", 1, true)
            ]
        );
    }

    #[test]
    fn guillemets_both_directions() {
        assert_eq!(
            quotes("il a dit « non » hier"),
            [("\u{20}non\u{20}", 0, true)]
        );
        assert_eq!(quotes("er sagte »nein« gestern"), [("nein", 0, true)]);
        assert_eq!(quotes("er sagte „nein“ gestern"), [("nein", 0, true)]);
    }

    #[test]
    fn unclosed_double_runs_to_paragraph_end() {
        assert_eq!(quotes("He said: “We will go"), [("We will go", 0, false)]);
    }

    #[test]
    fn unclosed_single_is_dropped() {
        assert!(quotes("the officials’ plans and ‘maybe").is_empty());
    }

    #[test]
    fn stray_closer_is_ignored() {
        assert_eq!(quotes("done.” Then “yes” again"), [("yes", 0, true)]);
    }

    #[test]
    fn markup_marks_do_not_count() {
        assert_eq!(
            quotes(r#"<tweet id="42"> x [/caption] “hi” it said"#),
            [("hi", 0, true)]
        );
        assert_eq!(quotes("a < b and [sic] “c”"), [("c", 0, true)]);
    }

    #[test]
    fn offsets_are_absolute() {
        let r = pair(&lex("“a”", 10));
        assert_eq!(r[0].open, Span::new(10, 13));
    }

    #[test]
    fn deep_unmatched_input_is_linear_and_safe() {
        // 20,000 single openers then 20,000 guillemet closers with nothing to close.
        let text = "‘x ".repeat(20_000) + &"y» ".repeat(20_000);
        assert!(quotes(&text).is_empty());
        let deep = "“".repeat(10_000) + "x" + &"”".repeat(10_000);
        assert_eq!(quotes(&deep).len(), 10_000);
    }
}

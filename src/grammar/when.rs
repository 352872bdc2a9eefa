//! Time phrases that date a statement: "said on Tuesday", "last month", "on Sept. 3", "three
//! weeks ago", "in March". Extraction keeps the phrase nearest each quote's cue
//! ([`phrase_near`], written to JSON as `when`); linking reads it back against the article's
//! date ([`days`]) to tell one occasion from another. The words are data
//! (`data/calendar_words.txt`).

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::Span;

/// What a calendar word is (`data/calendar_words.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Word {
    /// 0 = Monday.
    Weekday(i32),
    /// 1 to 12.
    Month(i32),
    /// Days from the article's date ("yesterday" is -1).
    Relative(i32),
    /// A part of a day ("morning").
    Part,
    /// Days in one ("week" is 7).
    Unit(i32),
    /// A number written as a word ("three").
    Count(i32),
    /// A word that may open a phrase: "on", "last", "this", "earlier", "late", "early",
    /// "in" (the value says which, as in `data/calendar_words.txt`).
    Opener(i32),
    /// "ago".
    Ago,
}

const LAST: Word = Word::Opener(2);
const THIS: Word = Word::Opener(3);
const EARLIER: Word = Word::Opener(4);
const IN: Word = Word::Opener(7);

/// A lower-case ASCII word of up to 16 bytes packed into one number, the key of the
/// calendar table (so a look-up neither allocates nor validates UTF-8).
fn pack(word: &[u8]) -> Option<u128> {
    if word.len() > 16 {
        return None;
    }
    let mut key = word.len() as u128;
    for &b in word {
        key = (key << 8) | u128::from(b.to_ascii_lowercase());
    }
    Some(key)
}

/// The calendar words (`data/calendar_words.txt`) by packed key, and the set of their
/// shapes ([`shape_bit`]), read once.
struct Calendar {
    words: FxHashMap<u128, Word>,
    shapes: Vec<u64>,
}

impl Calendar {
    /// The meaning of a word, if it is a calendar word: most words fail the shape test and
    /// skip the table look-up.
    fn get(&self, w: &[u8]) -> Option<Word> {
        if w.len() > 16 {
            return None;
        }
        let b = shape_bit(w);
        if self.shapes[b / 64] & (1 << (b % 64)) == 0 {
            return None;
        }
        self.words.get(&pack(w)?).copied()
    }
}

fn calendar() -> &'static Calendar {
    static CALENDAR: OnceLock<Calendar> = OnceLock::new();
    CALENDAR.get_or_init(|| {
        // The words and their shapes in one reading of the list.
        let mut shapes = vec![0u64; 8_192 / 64];
        let words: FxHashMap<u128, Word> =
            crate::lexicon::lists::entries(include_str!("../../data/calendar_words.txt"))
                .filter_map(|line| {
                    let mut cols = crate::lexicon::lists::columns(line);
                    let (word, kind) = (cols.next()?, cols.next()?);
                    let value: i32 = cols.next()?.parse().ok()?;
                    let w = match kind {
                        "weekday" => Word::Weekday(value),
                        "month" => Word::Month(value),
                        "relative" => Word::Relative(value),
                        "part" => Word::Part,
                        "unit" => Word::Unit(value),
                        "count" => Word::Count(value),
                        "opener" => Word::Opener(value),
                        "ago" => Word::Ago,
                        _ => return None,
                    };
                    let key = pack(word.as_bytes())?;
                    let bit = shape_bit(word.as_bytes());
                    shapes[bit / 64] |= 1 << (bit % 64);
                    Some((key, w))
                })
                .collect();
        Calendar { words, shapes }
    })
}

/// A calendar word or a number of a text: its byte range, its ordinal among the text's
/// words, its calendar meaning, its value as a number.
struct Tok {
    range: Range<usize>,
    ord: u32,
    capital: bool,
    word: Option<Word>,
    number: Option<i32>,
}

/// A bit of a word's shape (its length, first two letters and last letter, lower case), in a
/// set of 8,192 bits.
fn shape_bit(w: &[u8]) -> usize {
    let at = |i: usize| usize::from(w[i].to_ascii_lowercase());
    let second = if w.len() > 1 { at(1) } else { 0 };
    (((w.len() * 31 + at(0)) * 31 + second) * 31 + at(w.len() - 1)) % 8_192
}

/// The calendar words and numbers of a text, among its words: runs of ASCII letters and
/// digits (every calendar word and number is one; other characters only separate them).
fn tokens(text: &str) -> Vec<Tok> {
    /// ASCII letters and digits, as a table (a load per byte instead of three comparisons).
    const ALNUM: [bool; 256] = {
        let mut t = [false; 256];
        let mut c = 0;
        while c < 256 {
            t[c] = (c as u8).is_ascii_alphanumeric();
            c += 1;
        }
        t
    };
    let b = text.as_bytes();
    let table = calendar();
    let mut out = Vec::new();
    let mut ord = 0u32;
    let mut rest = b;
    let mut offset = 0;
    while let Some(skip) = rest.iter().position(|&c| ALNUM[c as usize]) {
        let len = rest[skip..]
            .iter()
            .position(|&c| !ALNUM[c as usize])
            .unwrap_or(rest.len() - skip);
        let start = offset + skip;
        let i = start + len;
        let w = &b[start..i];
        rest = &b[i..];
        offset = i;
        let (word, number) = if w[0].is_ascii_digit() {
            let digits = w.iter().take_while(|c| c.is_ascii_digit()).count();
            let n = (digits <= 8).then(|| {
                w[..digits]
                    .iter()
                    .fold(0i32, |n, &d| n * 10 + i32::from(d - b'0'))
            });
            (None, n)
        } else {
            (table.get(w), None)
        };
        if word.is_some() || number.is_some() {
            out.push(Tok {
                range: start..i,
                ord,
                capital: w[0].is_ascii_uppercase(),
                word,
                number,
            });
        }
        ord += 1;
    }
    out
}

/// What a time phrase says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meaning {
    /// "on Tuesday"; `last` for "last Tuesday".
    Weekday { day: i32, last: bool },
    /// "yesterday", "today", "this morning".
    Relative(i32),
    /// "last week", "last month".
    Last(i32),
    /// "this week", "earlier this month".
    This(i32),
    /// "three weeks ago", in days.
    Ago(i32),
    /// "Sept. 3", "3 September 2025".
    Date {
        month: i32,
        day: i32,
        year: Option<i32>,
    },
    /// "in March".
    Month { month: i32, year: Option<i32> },
}

/// The time phrases of a text, from its calendar words and numbers (`tokens`): token ranges
/// and their meanings. Words of a phrase are consecutive words of the text (their ordinals
/// follow each other).
fn phrases(t: &[Tok]) -> Vec<(Range<usize>, Meaning)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        // The token `d` words after (or before) token i, when it is a calendar word or a
        // number: the neighbours of a word are only the words next to it in the text.
        let at = |d: isize| -> Option<(usize, &Tok)> {
            let j = i.checked_add_signed(d)?;
            let x = t.get(j)?;
            (x.ord as i64 - t[i].ord as i64 == d as i64).then_some((j, x))
        };
        let word = |d: isize| at(d).and_then(|(_, x)| x.word);
        let is = |d: isize, w: Word| word(d) == Some(w);
        let opener = |d: isize| matches!(word(d - 1), Some(Word::Opener(_)));
        let number = |d: isize, r: std::ops::RangeInclusive<i32>| {
            at(d).and_then(|(_, x)| x.number).filter(|n| r.contains(n))
        };
        let year = |d: isize| number(d, 1900..=2200);
        let day_of_month = |d: isize| number(d, 1..=31);
        let back = |d: usize| i - d;
        let found = match t[i].word {
            Some(Word::Weekday(day)) if t[i].capital => {
                let start = if opener(0) { back(1) } else { i };
                let end = if is(1, Word::Part) { i + 1 } else { i };
                let last = start < i && t[start].word == Some(LAST);
                Some((start..end + 1, Meaning::Weekday { day, last }))
            }
            Some(Word::Relative(r)) => Some((i..i + 1, Meaning::Relative(r))),
            Some(Word::Part) if is(-1, THIS) => Some((back(1)..i + 1, Meaning::Relative(0))),
            Some(Word::Unit(u)) if is(-1, LAST) => Some((back(1)..i + 1, Meaning::Last(u))),
            Some(Word::Unit(u)) if is(-1, THIS) => {
                let start = if is(-2, EARLIER) { back(2) } else { back(1) };
                Some((start..i + 1, Meaning::This(u)))
            }
            Some(Word::Unit(u)) if is(1, Word::Ago) => {
                let n = match at(-1).map(|(_, x)| (x.number, x.word)) {
                    Some((Some(n), _)) => Some(n),
                    Some((None, Some(Word::Count(n)))) => Some(n),
                    _ => None,
                };
                n.map(|n| (back(1)..i + 2, Meaning::Ago(n * u)))
            }
            Some(Word::Month(month)) if t[i].capital => {
                let date = |day, year| Meaning::Date { month, day, year };
                if let Some(day) = day_of_month(1) {
                    let y = year(2);
                    let end = if y.is_some() { i + 3 } else { i + 2 };
                    let start = if opener(0) { back(1) } else { i };
                    Some((start..end, date(day, y)))
                } else if let Some(day) = day_of_month(-1) {
                    let y = year(1);
                    let end = if y.is_some() { i + 2 } else { i + 1 };
                    let start = if opener(-1) { back(2) } else { back(1) };
                    Some((start..end, date(day, y)))
                } else if is(-1, IN) {
                    let y = year(1);
                    let end = if y.is_some() { i + 2 } else { i + 1 };
                    Some((back(1)..end, Meaning::Month { month, year: y }))
                } else {
                    None
                }
            }
            _ => None,
        };
        match found {
            Some((range, meaning)) => {
                i = range.end;
                out.push((range, meaning));
            }
            None => i += 1,
        }
    }
    out
}

/// The time phrases of a text that lie in the byte ranges `near` (sorted or not; they may
/// overlap), in text order: read once per article and only around its quotes, so that each
/// quote then looks up the phrases of its own sentence ([`phrase_near`]).
pub(crate) fn phrases_in(text: &str, near: &mut [(usize, usize)]) -> Vec<Span> {
    near.sort_unstable();
    let mut out = Vec::new();
    let mut done = 0;
    for &(lo, hi) in near.iter() {
        let floor = |i: usize| text.floor_char_boundary(i);
        let (lo, hi) = (floor(lo.max(done)), floor(hi));
        if lo >= hi {
            continue;
        }
        let toks = tokens(&text[lo..hi]);
        let from = out.len();
        out.extend(phrases(&toks).into_iter().map(|(r, _)| {
            Span::new(
                lo + toks[r.start].range.start,
                lo + toks[r.end - 1].range.end,
            )
        }));
        // Live-blog timestamps opening a paragraph in the range.
        let starts = (lo == 0 || text.as_bytes()[lo - 1] == b'\n')
            .then_some(lo)
            .into_iter()
            .chain(text[lo..hi].match_indices('\n').map(|(k, _)| lo + k + 1));
        let mut stamps: Vec<Span> = starts.filter_map(|at| timestamp_at(text, at)).collect();
        if !stamps.is_empty() {
            stamps.extend(out.drain(from..));
            stamps.sort_unstable_by_key(|s| s.start);
            out.extend(stamps);
        }
        done = hi;
    }
    out
}

/// A live blog's timestamp opening the paragraph at byte `at`: a clock time ("7:54 p.m.",
/// "14:05", "10.32am"), a time zone of capitals if any ("ET", "BST"), then a dash, a colon
/// or a bar. What is said under it was said on the article's day (see [`days`]).
fn timestamp_at(text: &str, at: usize) -> Option<Span> {
    let rest = text.get(at..)?;
    let bold = rest.len() - rest.trim_start_matches('*').len();
    let end = bold + clock_time(&rest[bold..])?;
    let mut i = end;
    // A time zone: two to four capitals.
    let tail = &rest[i..];
    let zone = tail.trim_start_matches(' ');
    let caps = zone.bytes().take_while(u8::is_ascii_uppercase).count();
    if (2..=4).contains(&caps)
        && !zone
            .as_bytes()
            .get(caps)
            .is_some_and(u8::is_ascii_alphanumeric)
    {
        i += tail.len() - zone.len() + caps;
    }
    let after = rest[i..].trim_start_matches(['*', ' ']);
    after
        .starts_with(['—', '–', '-', ':', '|'])
        .then(|| Span::new(at + bold, at + end))
}

/// The length of the clock time that `s` opens with ("7:54 p.m.", "14:05", "10.32am"): one
/// or two digits, `:` or `.`, two digits, then "a.m.", "p.m.", "am" or "pm" if any.
fn clock_time(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let digits = |i: usize| {
        b[i.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let h = digits(0);
    if !(1..=2).contains(&h) || !matches!(b.get(h), Some(b':' | b'.')) || digits(h + 1) != 2 {
        return None;
    }
    let i = h + 3;
    let tail = &s[i..];
    let trimmed = tail.trim_start_matches(' ');
    let meridiem = ["a.m.", "p.m.", "am", "pm", "AM", "PM"]
        .into_iter()
        .find(|m| trimmed.starts_with(m))
        .map_or(0, |m| tail.len() - trimmed.len() + m.len());
    Some(i + meridiem)
}

/// Whether a phrase is a live blog's timestamp: a clock time and nothing else
/// ([`timestamp_at`] finds them).
fn is_timestamp(phrase: &str) -> bool {
    clock_time(phrase) == Some(phrase.len())
}

/// The byte ranges around a quote where its time phrase may be (for [`phrases_in`]): around
/// its cue, or, for a quote without one, before its first word and after its last.
pub(crate) fn ranges_near(cue: Option<Span>, quote: Span) -> impl Iterator<Item = (usize, usize)> {
    let ranges = match cue {
        Some(cue) => [
            Some((cue.start.saturating_sub(WINDOW), cue.end + WINDOW)),
            None,
        ],
        None => [
            Some((quote.start.saturating_sub(WINDOW), quote.start)),
            Some((quote.end, quote.end + WINDOW)),
        ],
    };
    ranges.into_iter().flatten()
}

/// How far from a quote and its cue a time phrase is looked for, in bytes.
const WINDOW: usize = 150;

/// The time phrase nearest `cue` in its sentence (at most `WINDOW` bytes either side), outside
/// `quote` (the quoted words, whose times are the speaker's, not the writer's), among the
/// `phrases` of the text ([`phrases_in`]).
pub(crate) fn phrase_near(text: &str, phrases: &[Span], cue: Span, quote: Span) -> Option<Span> {
    let floor = |i: usize| text.floor_char_boundary(i);
    let (from, to) = (
        cue.start.min(quote.start),
        cue.end.max(quote.end).min(text.len()),
    );
    let lo = floor(from.saturating_sub(WINDOW));
    let hi = floor((to + WINDOW).min(text.len()));
    // The phrases in the window; most sentences have none, and then the sentence is not read.
    let first = phrases.partition_point(|p| p.end <= lo);
    let near: Vec<Span> = phrases[first..]
        .iter()
        .take_while(|p| p.start < hi)
        .filter(|p| p.end <= quote.start || p.start >= quote.end)
        .copied()
        .collect();
    if near.is_empty() {
        return None;
    }
    // A cue in a relative clause ("Voss, who called the response “a masterclass in
    // evasion,” gets her turn") recalls an earlier occasion: the timestamp over the paragraph
    // dates the main clause, not it.
    let recalled = text[..floor(cue.start)]
        .split_whitespace()
        .rev()
        .take(3)
        .any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphabetic()),
                "who" | "which"
            )
        });
    let start = sentence_start(text, lo, floor(from.min(hi)));
    // A quote that closes the sentence ("… safe to drink.” At the first briefing, on Aug. 4,
    // …") ends it at its own last period, just inside the closing mark: read from there.
    let end_from = if quote.end >= cue.end {
        quote.end.saturating_sub(4).max(quote.start)
    } else {
        to
    };
    let end = sentence_end(text, floor(end_from.max(lo)), hi);
    near.into_iter()
        .filter(|p| p.start >= start && p.end <= end)
        .filter(|p| !(recalled && is_timestamp(p.slice(text))))
        .min_by_key(|s| {
            if s.end <= cue.start {
                cue.start - s.end
            } else {
                s.start.saturating_sub(cue.end)
            }
        })
}

/// Whether a sentence ends after the `.`, `!` or `?` at byte `i`: white space and then a
/// capital letter or an opening quote mark follow, and the period does not close a short
/// capitalised abbreviation ("Mr.", "Sept.").
fn ends_sentence(text: &str, i: usize) -> bool {
    let rest = &text[i + 1..];
    let after = rest.trim_start_matches([' ', '\t']);
    if after.len() == rest.len() && !rest.starts_with(['”', '"', '’']) {
        return false;
    }
    let next = after
        .trim_start_matches(['”', '"', '’', ' '])
        .chars()
        .next();
    if !next.is_some_and(|c| c.is_uppercase() || c == '“' || c == '"') {
        return false;
    }
    if text.as_bytes()[i] == b'.' {
        let word: &str = text[..i]
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if word.len() <= 4 && word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    true
}

/// The start of the sentence holding byte `at`, not before `lo` (a line break ends a
/// sentence too).
fn sentence_start(text: &str, lo: usize, at: usize) -> usize {
    let b = text.as_bytes();
    let mut i = at;
    while i > lo {
        i -= 1;
        match b[i] {
            b'\n' => return i + 1,
            b'.' | b'!' | b'?' if ends_sentence(text, i) => return i + 1,
            _ => {}
        }
    }
    lo
}

/// The end of the sentence holding byte `at`, not after `hi`.
fn sentence_end(text: &str, at: usize, hi: usize) -> usize {
    let b = text.as_bytes();
    (at..hi)
        .find(|&i| b[i] == b'\n' || (matches!(b[i], b'.' | b'!' | b'?') && ends_sentence(text, i)))
        .unwrap_or(hi)
}

/// The day number of an ISO date (`YYYY-MM-DD`, anything after the day ignored): days since
/// 1970-01-01 in the proleptic Gregorian calendar. `None` for anything else.
pub(crate) fn day_number(date: &str) -> Option<i32> {
    let b = date.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: Range<usize>| date.get(r)?.parse::<i32>().ok();
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    Some(days_from_civil(y, m, d))
}

/// Days since 1970-01-01 of a calendar date (H. Hinnant's algorithm).
fn days_from_civil(y: i32, m: i32, d: i32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The year of a day number.
fn year_of(day: i32) -> i32 {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    yoe + era * 400 + i32::from(m <= 2)
}

/// The days a time phrase (as [`phrase_near`] found it) can mean, first and last, for an
/// article of day `article` (a [`day_number`]); `None` when the words are no phrase it reads.
/// A live blog's timestamp ("7:54 p.m.") is the article's day.
/// A date without a year is in the article's year, or the year before when that would put
/// it after the article.
pub(crate) fn days(phrase: &str, article: i32) -> Option<(i32, i32)> {
    if is_timestamp(phrase) {
        return Some((article, article));
    }
    let toks = tokens(phrase);
    let (_, meaning) = phrases(&toks).into_iter().next()?;
    let dated = |month: i32, day: i32, year: Option<i32>| {
        let at = |y| days_from_civil(y, month, day);
        match year {
            Some(y) => at(y),
            None => {
                let y = year_of(article);
                if at(y) > article + 3 {
                    at(y - 1)
                } else {
                    at(y)
                }
            }
        }
    };
    Some(match meaning {
        Meaning::Weekday { day, last } => {
            let today = (article + 3).rem_euclid(7);
            let back = (today - day).rem_euclid(7);
            if last {
                let back = if back == 0 { 7 } else { back };
                (article - back - 7, article - back)
            } else {
                (article - back, article - back)
            }
        }
        Meaning::Relative(r) => (article + r, article + r),
        Meaning::Last(unit) => match unit {
            2 => (article - 9, article - 1),
            7 => (article - 13, article - 5),
            30 => (article - 62, article - 15),
            365 => (article - 730, article - 100),
            _ => return None,
        },
        Meaning::This(unit) => (article - unit, article),
        Meaning::Ago(n) => {
            let slack = (n / 4).max(1);
            (article - n - slack, article - n + slack)
        }
        Meaning::Date { month, day, year } => {
            let d = dated(month, day, year);
            (d, d)
        }
        Meaning::Month { month, year } => {
            let first = dated(month, 1, year);
            let next = if month == 12 {
                days_from_civil(year_of(first) + 1, 1, 1)
            } else {
                days_from_civil(year_of(first), month + 1, 1)
            };
            (first, next - 1)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(text: &str, cue: &str) -> Option<String> {
        let at = text.find(cue).unwrap();
        let after = Span::new(at + cue.len(), at + cue.len());
        let quote = text
            .find('“')
            .map_or(after, |s| Span::new(s, text.find('”').unwrap()));
        let cue = Span::new(at, at + cue.len());
        let phrases = phrases_in(text, &mut ranges_near(Some(cue), quote).collect::<Vec<_>>());
        phrase_near(text, &phrases, cue, quote).map(|s| text[s.start..s.end].to_string())
    }

    #[test]
    fn phrases_near_the_cue() {
        let t = "Ana Reyes said on Tuesday that the gates would close.";
        assert_eq!(near(t, "said").as_deref(), Some("on Tuesday"));
        let t = "He said it in Linden Park on Sept. 3 and again at the debate.";
        assert_eq!(near(t, "said").as_deref(), Some("on Sept. 3"));
        let t = "Blaine last week called for a review.";
        assert_eq!(near(t, "called").as_deref(), Some("last week"));
        let t = "Three weeks ago the chief warned residents.";
        assert_eq!(near(t, "warned").as_deref(), Some("Three weeks ago"));
        let t = "The agent's statement on 3 September 2025 set out their case.";
        assert_eq!(near(t, "set out").as_deref(), Some("on 3 September 2025"));
        // Inside the quote the times are the speaker's.
        let t = "“He'll start on Saturday,” Pym said.";
        assert_eq!(near(t, "said"), None);
        // "may" and "march" in lower case are no months.
        let t = "She said they may march 5 miles.";
        assert_eq!(near(t, "said"), None);
        // Another paragraph or sentence is another occasion.
        let t = "On Monday the fire spread.\nChief Marsh said the crews held.";
        assert_eq!(near(t, "said"), None);
        let t = "Since October 17, there were 19 attacks. And he added that it was separate.";
        assert_eq!(near(t, "added"), None);
        let t = "Mr. Teague said on Sept. 3 that the city needed a mechanic.";
        assert_eq!(near(t, "said").as_deref(), Some("on Sept. 3"));
        // A quote that ends its sentence: the next sentence's time is another occasion's.
        let t = "Whitfield gave the same answer: “It is safe.” At the first briefing, on Aug. 4, she said more.";
        assert_eq!(near(t, "gave"), None);
        let t = "“It is safe,” Whitfield said on Aug. 4.";
        assert_eq!(near(t, "said").as_deref(), Some("on Aug. 4"));
        // A live blog's timestamp dates what is said under it.
        let t = "7:54 p.m. — Teague closes: “It needs a mechanic.” That's twice tonight.";
        assert_eq!(near(t, "closes").as_deref(), Some("7:54 p.m."));
        let t = "**14:05 BST** – The minister said the talks had failed.";
        assert_eq!(near(t, "said").as_deref(), Some("14:05"));
        // A cue in a relative clause recalls another occasion.
        let t = "10:31 a.m. — Sen. Voss, who called it “a masterclass in evasion,” speaks.";
        assert_eq!(near(t, "called"), None);
        // A clock time elsewhere, or a score, is no timestamp.
        let t = "He said the vote at 7:54 p.m. was close.";
        assert_eq!(near(t, "said"), None);
    }

    #[test]
    fn phrases_read_against_the_article_date() {
        let day = day_number("2025-09-24").unwrap(); // a Wednesday
        assert_eq!(days("on Wednesday", day), Some((day, day)));
        assert_eq!(days("on Monday night", day), Some((day - 2, day - 2)));
        assert_eq!(days("yesterday", day), Some((day - 1, day - 1)));
        let sept3 = day_number("2025-09-03").unwrap();
        assert_eq!(days("on Sept. 3", day), Some((sept3, sept3)));
        let dec = day_number("2024-12-30").unwrap();
        assert_eq!(days("Dec. 30", day), Some((dec, dec)), "the year before");
        assert_eq!(days("last week", day), Some((day - 13, day - 5)));
        assert_eq!(days("three weeks ago", day), Some((day - 26, day - 16)));
        let (first, last) = days("in March", day).unwrap();
        assert_eq!(
            (first, last - first),
            (day_number("2025-03-01").unwrap(), 30)
        );
        assert_eq!(days("the other day", day), None);
        assert_eq!(days("7:54 p.m.", day), Some((day, day)));
        assert_eq!(days("14:05", day), Some((day, day)));
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2023-10-27"), Some(19_657));
        assert_eq!(year_of(19_657), 2023);
        assert_eq!(year_of(day_number("2024-02-29").unwrap()), 2024);
        assert_eq!(
            day_number("2024-03-01").unwrap() - day_number("2024-02-28").unwrap(),
            2
        );
        assert_eq!(day_number("2023-13-01"), None);
        assert_eq!(day_number("27 Oct 2023"), None);
        assert_eq!(day_number("2023-10-27T08:00"), Some(19_657));
    }
}

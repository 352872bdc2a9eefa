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
    /// A word that may open a phrase ("on", "last").
    Opener,
}

fn calendar() -> &'static FxHashMap<&'static str, Word> {
    static WORDS: OnceLock<FxHashMap<&'static str, Word>> = OnceLock::new();
    WORDS.get_or_init(|| {
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
                    "opener" => Word::Opener,
                    _ => return None,
                };
                Some((word, w))
            })
            .collect()
    })
}

/// One word of a text: its byte range, its calendar meaning, its value as a number.
struct Tok {
    range: Range<usize>,
    lower: String,
    capital: bool,
    word: Option<Word>,
    number: Option<i32>,
}

fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = &text[s..i];
                let lower = w.to_lowercase();
                out.push(Tok {
                    range: s..i,
                    capital: w.chars().next().is_some_and(char::is_uppercase),
                    word: calendar().get(lower.as_str()).copied(),
                    number: w
                        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
                        .parse()
                        .ok()
                        .filter(|_| w.bytes().next().is_some_and(|b| b.is_ascii_digit())),
                    lower,
                });
                start = None;
            }
            _ => {}
        }
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

/// The time phrases of a text: token ranges and their meanings.
fn phrases(t: &[Tok]) -> Vec<(Range<usize>, Meaning)> {
    let mut out = Vec::new();
    let word = |i: usize| t.get(i).and_then(|x| x.word);
    let lower = |i: usize| t.get(i).map_or("", |x| x.lower.as_str());
    let opener = |i: usize| (i > 0 && word(i - 1) == Some(Word::Opener)).then(|| i - 1);
    let year = |i: usize| {
        t.get(i)
            .and_then(|x| x.number)
            .filter(|y| (1900..=2200).contains(y))
    };
    let day_of_month = |i: usize| {
        t.get(i)
            .and_then(|x| x.number)
            .filter(|d| (1..=31).contains(d))
    };
    let mut i = 0;
    while i < t.len() {
        let found = match word(i) {
            Some(Word::Weekday(day)) if t[i].capital => {
                let start = opener(i).unwrap_or(i);
                let end = if word(i + 1) == Some(Word::Part) {
                    i + 1
                } else {
                    i
                };
                let last = lower(start) == "last";
                Some((start..end + 1, Meaning::Weekday { day, last }))
            }
            Some(Word::Relative(r)) => Some((i..i + 1, Meaning::Relative(r))),
            Some(Word::Part) if lower(i.wrapping_sub(1)) == "this" && i > 0 => {
                Some((i - 1..i + 1, Meaning::Relative(0)))
            }
            Some(Word::Unit(u)) if i > 0 && lower(i - 1) == "last" => {
                Some((i - 1..i + 1, Meaning::Last(u)))
            }
            Some(Word::Unit(u)) if i > 0 && lower(i - 1) == "this" => {
                let start = if i > 1 && lower(i - 2) == "earlier" {
                    i - 2
                } else {
                    i - 1
                };
                Some((start..i + 1, Meaning::This(u)))
            }
            Some(Word::Unit(u)) if lower(i + 1) == "ago" && i > 0 => {
                let n = match (t[i - 1].number, word(i - 1)) {
                    (Some(n), _) => Some(n),
                    (None, Some(Word::Count(n))) => Some(n),
                    _ => None,
                };
                n.map(|n| (i - 1..i + 2, Meaning::Ago(n * u)))
            }
            Some(Word::Month(month)) if t[i].capital => {
                if let Some(day) = day_of_month(i + 1) {
                    let y = year(i + 2);
                    let end = if y.is_some() { i + 3 } else { i + 2 };
                    let start = opener(i).unwrap_or(i);
                    Some((
                        start..end,
                        Meaning::Date {
                            month,
                            day,
                            year: y,
                        },
                    ))
                } else if let Some(day) = i.checked_sub(1).and_then(day_of_month) {
                    let y = year(i + 1);
                    let end = if y.is_some() { i + 2 } else { i + 1 };
                    let start = opener(i - 1).unwrap_or(i - 1);
                    Some((
                        start..end,
                        Meaning::Date {
                            month,
                            day,
                            year: y,
                        },
                    ))
                } else if i > 0 && lower(i - 1) == "in" {
                    let y = year(i + 1);
                    let end = if y.is_some() { i + 2 } else { i + 1 };
                    Some((i - 1..end, Meaning::Month { month, year: y }))
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

/// The time phrase nearest `cue` in its sentence (at most 300 bytes either side), outside
/// `quote` (the quoted words, whose times are the speaker's, not the writer's).
pub(crate) fn phrase_near(text: &str, cue: Span, quote: Span) -> Option<Span> {
    let floor = |mut i: usize| {
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (from, to) = (
        cue.start.min(quote.start),
        cue.end.max(quote.end).min(text.len()),
    );
    let lo = floor(from.saturating_sub(300));
    let hi = floor((to + 300).min(text.len()));
    let start = sentence_start(text, lo, floor(from.min(hi)));
    let end = sentence_end(text, floor(to.max(lo)), hi);
    if start >= end {
        return None;
    }
    let region = &text[start..end];
    let toks = tokens(region);
    phrases(&toks)
        .into_iter()
        .map(|(r, _)| {
            Span::new(
                start + toks[r.start].range.start,
                start + toks[r.end - 1].range.end,
            )
        })
        .filter(|s| s.end <= quote.start || s.start >= quote.end)
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
    text[lo..at]
        .char_indices()
        .rev()
        .find(|&(i, c)| c == '\n' || (matches!(c, '.' | '!' | '?') && ends_sentence(text, lo + i)))
        .map_or(lo, |(i, c)| lo + i + c.len_utf8())
}

/// The end of the sentence holding byte `at`, not after `hi`.
fn sentence_end(text: &str, at: usize, hi: usize) -> usize {
    text[at..hi]
        .char_indices()
        .find(|&(i, c)| c == '\n' || (matches!(c, '.' | '!' | '?') && ends_sentence(text, at + i)))
        .map_or(hi, |(i, _)| at + i)
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
/// A date without a year is in the article's year, or the year before when that would put
/// it after the article.
pub(crate) fn days(phrase: &str, article: i32) -> Option<(i32, i32)> {
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
        phrase_near(text, Span::new(at, at + cue.len()), quote)
            .map(|s| text[s.start..s.end].to_string())
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

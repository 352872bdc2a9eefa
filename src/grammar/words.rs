//! Tokens of the writer's text: words, punctuation, and whole quotes as single tokens.
//!
//! A word is a run of word characters ([`is_word_char`]: letters and numbers of any script),
//! joined across one inner joiner at a time: `.` (`U.S.`, `a.m.`), an apostrophe `'` `’` `‘`
//! (`Iran’s`, `don't`), a hyphen `-` `‑` (`Iran-backed`) or `&` (`AT&T`). A final period
//! belongs to the word when the word is an abbreviation (`Gen.`, `Oct.`), an initial (`J.`) or a
//! dotted acronym (`U.S.`); otherwise it is punctuation and may end a sentence.
//!
//! The scanners are nom parsers (`IResult`) on complete input, with byte-level fast paths for
//! ASCII; each word is looked up in the lexicon once, here, and carries its [`Flags`].

use nom::bytes::complete::{take_while, take_while1};
use nom::{IResult, Parser};

use super::marks::Region;
use crate::lexicon::{Flags, Lexicon};
use crate::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tok {
    /// A word.
    Word,
    /// One punctuation character.
    Punct(char),
    /// A whole top-level quote (marks included); the index is into the paragraph's regions.
    Quote(usize),
}

/// A token and its byte range in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub span: Span,
    /// The word lists a word belongs to (empty for punctuation and quotes).
    pub flags: Flags,
}

impl Token {
    pub(crate) fn is_word(&self) -> bool {
        self.tok == Tok::Word
    }

    pub(crate) fn is_punct(&self, c: char) -> bool {
        self.tok == Tok::Punct(c)
    }

    /// Whether the token is a word of ASCII letters alone: "was" or "Was", not "ｗａｓ" (full
    /// width) or "A." (an initial).
    ///
    /// The lexicon drops a final period and folds NFKC before it looks a word up, so a flag
    /// alone also holds for those spellings. The rules over closed-class words (`be`,
    /// `article`, … in `data/function_words.txt`) match the plain spelling only, and ask
    /// for this beside the flag; [`Token::is_lower_ascii_word`] where case matters too.
    pub(crate) fn is_ascii_word(&self, text: &str) -> bool {
        self.is_word()
            && self
                .span
                .slice(text)
                .bytes()
                .all(|b| b.is_ascii_alphabetic())
    }

    /// Whether the token is a word of lower-case ASCII letters alone: "and", not "And",
    /// "ａｎｄ" or "AND". See [`Token::is_ascii_word`].
    pub(crate) fn is_lower_ascii_word(&self, text: &str) -> bool {
        self.is_word()
            && self
                .span
                .slice(text)
                .bytes()
                .all(|b| b.is_ascii_lowercase())
    }
}

/// The text of token `i` if it is a word; `None` for punctuation, a quote, or past the end.
pub(crate) fn word_at<'t>(text: &'t str, tokens: &[Token], i: usize) -> Option<&'t str> {
    tokens
        .get(i)
        .filter(|t| t.is_word())
        .map(|t| t.span.slice(text))
}

/// Whether `c` can be part of a word: a letter or a number of any script, as
/// [`char::is_alphanumeric`] has it (Unicode `Alphabetic` or `Numeric`: `é`, `ж`, `中`, `٣`
/// and `½` count), or a combining mark, so that a name written decomposed (NFD: `e` followed
/// by U+0301) is one word like its composed form. The joiners (`.`, apostrophes, hyphens,
/// `&`) are not word characters: they join two runs of them into one word.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c)
}

/// Characters that join two runs of word characters into one word: `U.S.`, `don't`,
/// `Iran’s`, `Iran-backed`, `AT&T`.
fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '‘' | '-' | '‑' | '&')
}

/// `<alnum>+`, with a fast path for ASCII: bytes are tested directly and only non-ASCII
/// characters are decoded.
fn alnum1(i: &str) -> IResult<&str, &str> {
    let bytes = i.as_bytes();
    let mut k = 0;
    while k < bytes.len() {
        let b = bytes[k];
        if b.is_ascii_alphanumeric() {
            k += 1;
        } else if b < 0x80 {
            break;
        } else {
            let Some(c) = i[k..].chars().next() else {
                break;
            };
            if !is_word_char(c) {
                break;
            }
            k += c.len_utf8();
        }
    }
    if k == 0 {
        // Not a word: let nom build the error.
        return take_while1(is_word_char).parse_complete(i);
    }
    Ok((&i[k..], &i[..k]))
}

/// White space, any Unicode kind, with a fast path for ASCII.
fn space0(i: &str) -> IResult<&str, &str> {
    let k = i.bytes().take_while(u8::is_ascii_whitespace).count();
    if i.as_bytes().get(k).is_some_and(|&b| b >= 0x80) {
        let (rest, _) = take_while(char::is_whitespace).parse_complete(&i[k..])?;
        return Ok((rest, &i[..i.len() - rest.len()]));
    }
    Ok((&i[k..], &i[..k]))
}

/// `<alnum>+ (<joiner> <alnum>+)*`: one word without its final period.
fn word(i: &str) -> IResult<&str, usize> {
    let (mut rest, _) = alnum1(i)?;
    loop {
        let mut chars = rest.chars();
        match (chars.next(), chars.next()) {
            (Some(j), Some(n)) if is_joiner(j) && is_word_char(n) => {
                let (r, _) = alnum1(&rest[j.len_utf8()..])?;
                rest = r;
            }
            _ => break,
        }
    }
    Ok((rest, i.len() - rest.len()))
}

/// Whether `w` (without its final period, with lexicon flags `flags`) takes the period:
/// abbreviation, initial, acronym.
/// Whether a word (before its final period) is an AP party–state tag: a party letter, a
/// hyphen and a state as AP abbreviates it ("R-Kan", "D-Md", "I-Vt", "D-N.Y") or spells it
/// out ("R-Texas", a place of `data/places.txt`).
fn is_party_tag(w: &str, lexicon: &Lexicon) -> bool {
    let Some(state) = w
        .strip_prefix("R-")
        .or_else(|| w.strip_prefix("D-"))
        .or_else(|| w.strip_prefix("I-"))
    else {
        return false;
    };
    let dotted = state.contains('.') && state.split('.').all(|p| p.chars().count() == 1);
    state.chars().next().is_some_and(char::is_uppercase)
        && (dotted || lexicon.flags(state).abbreviation() || lexicon.is_place(state))
}

fn keeps_period(w: &str, flags: Flags) -> bool {
    let mut chars = w.chars();
    let single_capital =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital
        || flags.abbreviation()
        || (w.contains('.') && w.split('.').all(|p| p.chars().count() == 1))
}

/// Tokenises `text[range]` (one paragraph, at article offset `range.start`), turning each
/// top-level region into one `Quote` token.
pub(crate) fn tokenize(text: &str, para: Span, regions: &[Region], out: &mut Vec<Token>) {
    let lexicon = Lexicon::get();
    // About one token per five bytes of news text.
    out.reserve(para.len() / 5);
    let mut pos = para.start;
    let mut top = regions
        .iter()
        .enumerate()
        .filter(|(_, r)| r.depth == 0)
        .peekable();
    while pos < para.end {
        if let Some(&(idx, r)) = top.peek() {
            if r.open.start <= pos {
                let outer = r.outer(para.end);
                out.push(Token {
                    tok: Tok::Quote(idx),
                    span: outer,
                    flags: Flags::default(),
                });
                pos = outer.end.max(pos);
                top.next();
                continue;
            }
        }
        let limit = top.peek().map_or(para.end, |(_, r)| r.open.start);
        lex_plain(text, Span::new(pos, limit), lexicon, usize::MAX, out);
        pos = limit;
    }
    mark_nicknames(text, regions, out);
}

/// Marks the quotes that are nicknames inside a name: one to three capitalised words in marks
/// between two capitalised words (Wendell “Dell” Amsel, Michael 'Big Mick' Tiernan), which
/// the speaker grammar then reads as a part of the name.
fn mark_nicknames(text: &str, regions: &[Region], tokens: &mut [Token]) {
    for k in 1..tokens.len().saturating_sub(1) {
        let Tok::Quote(ri) = tokens[k].tok else {
            continue;
        };
        let capitalised_word =
            |t: &Token| t.is_word() && t.flags.capitalized() && !t.flags.not_name();
        if !(capitalised_word(&tokens[k - 1]) && capitalised_word(&tokens[k + 1])) {
            continue;
        }
        let inner = regions[ri].inner(tokens[k].span.end).slice(text);
        let word = |w: &str| {
            let mut chars = w.chars();
            chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
        };
        if inner.len() <= 24 && inner.split(' ').count() <= 3 && inner.split(' ').all(word) {
            tokens[k].flags = Flags::of_nickname();
        }
    }
}

/// At most `limit` tokens of `text[range]`, read as plain text (quote marks as punctuation).
pub(crate) fn tokenize_some(text: &str, range: Span, limit: usize, out: &mut Vec<Token>) {
    lex_plain(text, range, Lexicon::get(), limit, out);
}

/// Words and punctuation of a stretch of text with no top-level quote in it, up to `limit`
/// tokens.
fn lex_plain(text: &str, range: Span, lexicon: &Lexicon, limit: usize, out: &mut Vec<Token>) {
    let stop = out.len().saturating_add(limit);
    let s = range.slice(text);
    let mut rest = s;
    let mut steps = 0;
    let mut closers = super::marks::Closers::default();
    while !rest.is_empty() && out.len() < stop {
        steps += 1;
        let (r, _) = space0(rest).unwrap_or((rest, ""));
        rest = r;
        let Some(c) = rest.chars().next() else { break };
        let start = range.start + (s.len() - rest.len());
        if let Ok((r, len)) = word(rest) {
            let mut len = len;
            let mut r = r;
            // One lexicon lookup per word (a final period does not change the flags).
            let mut flags = lexicon.flags(&rest[..len]);
            // Cheapest first: hardly any word starts "R-", "D-" or "I-".
            let tag_shape = matches!(rest.as_bytes(), [b'R' | b'D' | b'I', b'-', ..]);
            if tag_shape && is_party_tag(&rest[..len], lexicon) {
                // "R-Kan." keeps its period; "R-Texas" has none.
                if r.starts_with('.') {
                    len += 1;
                    r = &r[1..];
                }
                flags = Flags::of_party_tag();
            } else if r.starts_with('.') && keeps_period(&rest[..len], flags) {
                if len == 1 {
                    flags = flags.as_initial();
                }
                len += 1;
                r = &r[1..];
            } else if rest[..len].ends_with('s') {
                // A plural possessive: "the organisers’ statement". (A closing quote mark
                // here was paired already and is not in this stretch of text.)
                for mark in ['’', '\''] {
                    let mut chars = r.chars();
                    if chars.next() == Some(mark) && chars.next().is_none_or(char::is_whitespace) {
                        len += mark.len_utf8();
                        r = &r[mark.len_utf8()..];
                        // A name keeps what its word says ("Veridane Therapeutics’ trials"
                        // names a body); a common noun is read with its mark.
                        if !flags.capitalized() {
                            flags = lexicon.flags(&rest[..len]);
                        }
                        break;
                    }
                }
            }
            out.push(Token {
                tok: Tok::Word,
                span: Span::new(start, start + len),
                flags,
            });
            rest = r;
        } else if let Ok((r, _)) = super::marks::skip_markup(rest, &mut closers) {
            rest = r;
        } else {
            out.push(Token {
                tok: Tok::Punct(c),
                span: Span::new(start, start + c.len_utf8()),
                // "Harlan & Moss": an ampersand joins the names of a firm.
                flags: if c == '&' {
                    Flags::of_ampersand()
                } else {
                    Flags::default()
                },
            });
            rest = &rest[c.len_utf8()..];
        }
    }
    crate::work::step(steps);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        let (_, out) = crate::grammar::lex_for_test(text);
        out.iter()
            .map(|t| match t.tok {
                Tok::Quote(_) => format!("Q[{}]", t.span.slice(text)),
                _ => t.span.slice(text).to_string(),
            })
            .collect()
    }

    #[test]
    fn word_characters_are_letters_and_numbers_of_any_script() {
        assert!("aZé9ж中٣½\u{301}".chars().all(is_word_char));
        assert!(!".'’‘-‑& ,“".chars().any(is_word_char));
        assert!(".'’‘-‑&".chars().all(is_joiner));
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            toks("Brig. Gen. Pat Ryder of the U.S. said so."),
            ["Brig.", "Gen.", "Pat", "Ryder", "of", "the", "U.S.", "said", "so", "."]
        );
    }

    #[test]
    fn joiners_stay_inside_words() {
        assert_eq!(
            toks("Iran’s Iran-backed don't AT&T a.m."),
            ["Iran’s", "Iran-backed", "don't", "AT&T", "a.m."]
        );
        // One joiner at a time: "--" and ". " end the word.
        assert_eq!(toks("well--known"), ["well", "-", "-", "known"]);
        assert_eq!(
            toks("the organisers’ statement"),
            ["the", "organisers’", "statement"]
        );
    }

    #[test]
    fn quotes_are_single_tokens() {
        assert_eq!(
            toks("“Go. Now,” he said."),
            ["Q[“Go. Now,”]", "he", "said", "."]
        );
    }

    #[test]
    fn markup_is_skipped() {
        assert_eq!(toks("Photo[/caption] <b>Bold</b>"), ["Photo", "Bold"]);
    }
}

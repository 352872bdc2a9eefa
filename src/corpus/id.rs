//! Speaker ids: the slug of a name, scoped to the article for unnamed sources.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::grammar::marks::is_quote_char;
use crate::SpeakerKind;

/// A lower-case ASCII slug: accents dropped, every run of other characters a single `-`.
///
/// ```
/// assert_eq!(saywho::slug("Julián Ferreyra"), "julian-ferreyra");
/// assert_eq!(saywho::slug("Sean O’Brien"), "sean-o-brien");
/// assert_eq!(saywho::slug("U.S. Department of Defense"), "u-s-department-of-defense");
/// ```
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    // ASCII needs no decomposition (the common case, and the hot one: one slug per quote).
    let chars: Box<dyn Iterator<Item = char>> = if s.is_ascii() {
        Box::new(s.chars())
    } else {
        Box::new(s.nfkd().filter(|c| !is_combining_mark(*c)))
    };
    for c in chars {
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if let Some(ascii) = latin_letter(c) {
            // Latin letters that NFKD leaves whole ("ł" in "Paweł", "ø", "ß"): their usual
            // ASCII spelling, so that outlets that write them and outlets that do not agree.
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push_str(ascii);
        } else if c.is_alphanumeric() {
            // Letters with no ASCII form are kept, lower-cased.
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.extend(c.to_lowercase());
        } else {
            dash = true;
        }
    }
    out
}

/// The ASCII spelling of a Latin letter that has no decomposition: ł → l, ø → o, đ → d,
/// ß → ss, æ → ae, œ → oe, þ → th, ð → d, ı → i, ħ → h, ŧ → t, ŀ → l.
fn latin_letter(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' | 'Ł' | 'ŀ' | 'Ŀ' => "l",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        'ħ' | 'Ħ' => "h",
        'ŧ' | 'Ŧ' => "t",
        _ => return None,
    })
}

/// The id of a speaker within one article (see the module docs); `None` when the article
/// gives neither name nor role.
pub(crate) fn speaker_id(
    article: &str,
    name: Option<&str>,
    role: Option<&str>,
    kind: SpeakerKind,
) -> Option<String> {
    match (name, role) {
        (Some(n), _) if !kind.is_unnamed() => Some(slug(&without_nickname(n))),
        (_, Some(r)) => Some(format!("{article}/{}", slug(r))),
        (Some(n), None) => Some(format!("{article}/{}", slug(n))),
        (None, None) => None,
    }
}

/// The words of a name that are its nickname in quote marks (“Dell”, 'Big Mick'): from a
/// word that opens with a mark the grammar pairs ([`is_quote_char`]) to the word that closes
/// with one, three words at most.
fn nickname_words(words: &[&str]) -> Option<std::ops::Range<usize>> {
    let opens = |w: &str| w.chars().count() > 1 && w.starts_with(is_quote_char);
    let closes = |w: &str| w.chars().count() > 1 && w.ends_with(is_quote_char);
    let at = words.iter().position(|w| opens(w))?;
    let end = (at..words.len().min(at + 3))
        .find(|&k| closes(words[k]) && (k > at || words[k].chars().count() > 2))?;
    Some(at..end + 1)
}

/// A name without its quoted nickname: "Wendell “Dell” Amsel" → "Wendell Amsel". The id of
/// a person is that of the name, so that outlets that give the nickname and outlets that do
/// not agree.
pub(crate) fn without_nickname(name: &str) -> std::borrow::Cow<'_, str> {
    // Cheapest first: nearly every name has no word that opens with a quote mark.
    if !name.split(' ').any(|w| w.starts_with(is_quote_char)) {
        return std::borrow::Cow::Borrowed(name);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let Some(nick) = nickname_words(&words) else {
        return std::borrow::Cow::Borrowed(name);
    };
    let kept: Vec<&str> = words[..nick.start]
        .iter()
        .chain(&words[nick.end..])
        .copied()
        .collect();
    std::borrow::Cow::Owned(kept.join(" "))
}

/// The id of a name as its nickname would give it: "Wendell “Dell” Amsel" → "dell-amsel";
/// `None` for a name with no nickname.
pub(crate) fn nickname_id(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let nick = nickname_words(&words)?;
    let inner = words[nick.clone()].join(" ");
    let inner = inner.trim_matches(|c: char| !c.is_alphanumeric());
    let rest = &words[nick.end..];
    (!rest.is_empty()).then(|| slug(&format!("{inner} {}", rest.join(" "))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_stable() {
        assert_eq!(slug("  Ana   Reyes "), "ana-reyes");
        assert_eq!(slug("Ｍａｙｏｒ"), "mayor");
        assert_eq!(slug("Müller"), "muller");
        assert_eq!(slug("李明"), "李明");
        assert_eq!(slug("Paweł Wójcik"), slug("Pawel Wojcik"));
        assert_eq!(slug("Søren Øster"), "soren-oster");
        assert_eq!(slug("Straße"), "strasse");
    }

    #[test]
    fn nicknames_leave_the_id() {
        assert_eq!(without_nickname("Wendell “Dell” Amsel"), "Wendell Amsel");
        assert_eq!(without_nickname("Wendell Amsel"), "Wendell Amsel");
        assert_eq!(
            nickname_id("Wendell “Dell” Amsel").as_deref(),
            Some("dell-amsel")
        );
        assert_eq!(
            nickname_id("Robert \"Bob\" Lee Smith").as_deref(),
            Some("bob-lee-smith")
        );
        assert_eq!(nickname_id("Wendell Amsel"), None);
        // A nickname of two words, in single marks; an apostrophe inside a name is none.
        assert_eq!(
            without_nickname("Michael 'Big Mick' Tiernan"),
            "Michael Tiernan"
        );
        assert_eq!(
            nickname_id("Michael 'Big Mick' Tiernan").as_deref(),
            Some("big-mick-tiernan")
        );
        assert_eq!(without_nickname("Declan O'Rourke"), "Declan O'Rourke");
        assert_eq!(
            speaker_id("a", Some("Wendell “Dell” Amsel"), None, SpeakerKind::Person).as_deref(),
            Some("wendell-amsel")
        );
    }

    #[test]
    fn ids_by_kind() {
        use SpeakerKind::*;
        assert_eq!(
            speaker_id("a", Some("Lloyd Austin"), Some("Secretary"), Person).as_deref(),
            Some("lloyd-austin")
        );
        assert_eq!(
            speaker_id("a", None, Some("senior official"), Anonymous).as_deref(),
            Some("a/senior-official")
        );
        assert_eq!(speaker_id("a", None, None, Unknown), None);
    }
}

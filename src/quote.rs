//! What extraction returns: quotes, their speakers and cues, and non-speech mentions.
//!
//! These types are the JSON contract of `saywho extract` (see `docs/json-contract.md`); every
//! span is a half-open byte range into the article's `text`.

use serde::{Deserialize, Serialize};

use crate::Span;

/// How the words are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum QuoteKind {
    /// One or more whole sentences in quote marks: `“We will respond,” she said.`
    Direct,
    /// A quoted fragment inside the writer's own sentence: `She called it “a disgrace”.`
    Partial,
    /// Reported speech with no quote marks: `She said the talks had failed.`
    Indirect,
}

/// What sort of speaker a mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum SpeakerKind {
    /// A named or role-identified person ("Lloyd Austin", "the US Secretary of Defense").
    Person,
    /// A body, outlet or account ("the Pentagon", "Hezbollah", "Associated Press").
    Organization,
    /// An unnamed source ("a senior official", "sources familiar with the talks").
    Anonymous,
    /// A class of people speaking as one ("lawmakers", "analysts", "Senate Democrats"):
    /// unnamed like an anonymous source, but no one source.
    Group,
    /// Not decided by the text (a bare surname never introduced, an unresolved "it").
    Unknown,
}

/// The writer's distance from what is reported, read off the cue verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Stance {
    /// Reports without judging: said, told, added, according to.
    Neutral,
    /// The speaker insists: stressed, warned, insisted, confirmed.
    Assertive,
    /// The writer signals doubt or concession: claimed, alleged, admitted.
    Doubtful,
}

impl Stance {
    /// Every stance, in declaration order.
    pub const ALL: [Stance; 3] = [Stance::Neutral, Stance::Assertive, Stance::Doubtful];

    /// The stance named as in JSON and in `data/cues.txt` (`"doubtful"`).
    pub(crate) fn from_name(name: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// The name used in JSON: `"neutral"`, `"assertive"`, `"doubtful"`.
    ///
    /// ```
    /// assert_eq!(saywho::Stance::Doubtful.as_str(), "doubtful");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Neutral => "neutral",
            Stance::Assertive => "assertive",
            Stance::Doubtful => "doubtful",
        }
    }

    /// The name shown to readers; the same as [`Stance::as_str`].
    pub fn label(self) -> &'static str {
        self.as_str()
    }
}

impl QuoteKind {
    /// The name used in JSON: `"direct"`, `"partial"`, `"indirect"`.
    ///
    /// ```
    /// assert_eq!(saywho::QuoteKind::Indirect.as_str(), "indirect");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
        }
    }

    /// The name shown to readers on sheets: `"direct quote"`, `"partial quote"`,
    /// `"reported speech"`.
    ///
    /// ```
    /// assert_eq!(saywho::QuoteKind::Indirect.label(), "reported speech");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct quote",
            QuoteKind::Partial => "partial quote",
            QuoteKind::Indirect => "reported speech",
        }
    }
}

impl SpeakerKind {
    /// The name used in JSON and in the `speakers` table: `"person"`, `"organization"`,
    /// `"anonymous"`, `"group"`, `"unknown"`.
    ///
    /// ```
    /// assert_eq!(saywho::SpeakerKind::Anonymous.as_str(), "anonymous");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Group => "group",
            SpeakerKind::Unknown => "unknown",
        }
    }

    /// The name shown to readers on sheets (`"anonymous source"` for
    /// [`SpeakerKind::Anonymous`], otherwise as [`SpeakerKind::as_str`]).
    ///
    /// ```
    /// assert_eq!(saywho::SpeakerKind::Anonymous.label(), "anonymous source");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            SpeakerKind::Anonymous => "anonymous source",
            other => other.as_str(),
        }
    }

    /// Whether speakers of this kind are nobody in particular (anonymous sources, groups): their
    /// ids are scoped to their article.
    pub(crate) fn is_unnamed(self) -> bool {
        matches!(self, SpeakerKind::Anonymous | SpeakerKind::Group)
    }

    /// How much a kind says about who speaks: 2 for a person or an organisation, 1 for an
    /// anonymous source or a group, 0 for unknown. Where mentions of one speaker disagree,
    /// the most specific kind wins.
    pub(crate) fn specificity(self) -> u8 {
        match self {
            SpeakerKind::Person | SpeakerKind::Organization => 2,
            SpeakerKind::Anonymous | SpeakerKind::Group => 1,
            SpeakerKind::Unknown => 0,
        }
    }

    /// Where speakers of this kind are listed: people (0), organisations (1), anonymous
    /// sources (2), groups (3), unknown (4).
    pub(crate) fn listing_order(self) -> u8 {
        match self {
            SpeakerKind::Person => 0,
            SpeakerKind::Organization => 1,
            SpeakerKind::Anonymous => 2,
            SpeakerKind::Group => 3,
            SpeakerKind::Unknown => 4,
        }
    }
}

impl ResolvedBy {
    /// The name used in JSON (`"previous_sentence"`).
    ///
    /// ```
    /// assert_eq!(saywho::ResolvedBy::PreviousSentence.as_str(), "previous_sentence");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            ResolvedBy::Cue => "cue",
            ResolvedBy::Pronoun => "pronoun",
            ResolvedBy::Role => "role",
            ResolvedBy::Anaphor => "anaphor",
            ResolvedBy::Statement => "statement",
            ResolvedBy::Adjacent => "adjacent",
            ResolvedBy::Colon => "colon",
            ResolvedBy::PreviousSentence => "previous_sentence",
            ResolvedBy::Label => "label",
        }
    }
}

impl MentionKind {
    /// The name used in JSON: `"title"`, `"scare"`.
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Title => "title",
            MentionKind::Scare => "scare",
        }
    }
}

/// How the speaker of a quote was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ResolvedBy {
    /// Named next to the cue in the quote's own sentence: `“…,” Kirby said.`
    Cue,
    /// A pronoun at the cue ("he", "it") bound to an earlier speaker or subject.
    Pronoun,
    /// A role with no name at the cue, bound to the person who holds it in the article.
    Role,
    /// A definite description ("the official") bound to an earlier mention of that source.
    Anaphor,
    /// "The statement" bound to whoever issued the statement.
    Statement,
    /// A quote with no cue of its own, right after an attributed sentence: same speaker.
    Adjacent,
    /// A quote introduced by a colon with no cue: the subject of its sentence.
    Colon,
    /// A quote with no cue of its own, after a sentence whose subject is a person or body.
    PreviousSentence,
    /// A turn of an interview or transcript: the speaker label opening the paragraph ("Q:",
    /// "MR. BRISCO:", "**Menes:**"), with or without quote marks.
    Label,
}

/// Who speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Speaker {
    /// A stable id: the slug of the name ("lloyd-austin") for named people and bodies, so the
    /// same name agrees across articles; `<article>/<slug of role>` for unnamed sources;
    /// `None` when the article gives neither name nor role. See [`crate::Roster`] for
    /// merging across a corpus.
    pub id: Option<String>,
    /// The speaker's name, as fully as the article gives it ("John Kirby" even where the cue
    /// says "Kirby" or "he"); `None` for anonymous sources and unresolved mentions.
    pub name: Option<String>,
    /// The role or title the article gives the speaker ("Defense Secretary",
    /// "senior official"); `None` if it gives none.
    pub role: Option<String>,
    /// What sort of speaker this is.
    pub kind: SpeakerKind,
    /// The party and state of a politician as AP-style copy tags them ("R-Kan." of "Sen. Ann
    /// Ortiz, R-Kan., said"); absent from JSON when the article gives none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// The words at the cue that name the speaker, as written ("he", "Kirby",
    /// "A statement by the US Secretary of Defense" gives "the US Secretary of Defense").
    pub mention: String,
    /// Where `mention` is in the text.
    pub span: Span,
}

/// The words that mark speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cue {
    /// The cue as written ("said", "according to", "long-vowed").
    pub text: String,
    /// Where it is in the text.
    pub span: Span,
    /// The writer's stance, from the cue lexicon.
    pub stance: Stance,
}

/// One quotation.
///
/// `text` is exactly `&article.text[span]`: the quoted words without the surrounding marks
/// (white space and a trailing comma trimmed). A quote that runs over several paragraphs has
/// a span from its first word to its last, so `text` includes the paragraph breaks and the
/// marks that reopen each paragraph; `parts` then lists each paragraph's piece.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Quote {
    /// `"<article id>#<n>"`, n counting from 1 in text order.
    pub id: String,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// The quoted words.
    pub text: String,
    /// Where `text` is in the article.
    pub span: Span,
    /// For a quote over several paragraphs, the piece in each; empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Span>,
    /// Who said it, if the article says.
    pub speaker: Option<Speaker>,
    /// The cue that attributes it, if any.
    pub cue: Option<Cue>,
    /// How the speaker was found; `None` when there is no speaker.
    pub resolved_by: Option<ResolvedBy>,
    /// For speech reported inside another quote ("as the President said: …" inside a
    /// spokesman's quote), the id of that quote; `None` for a quote in the writer's text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
    /// When the words were said, as the writer dates them: the time phrase nearest the cue
    /// in its paragraph, outside the quoted words ("on Tuesday", "last month", "on Sept. 3",
    /// "three weeks ago"). Linking reads it against the article's date to tell one occasion
    /// from another. Absent from JSON when the paragraph has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
}

/// A time phrase as written, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct When {
    /// The phrase ("on Sept. 3").
    pub text: String,
    /// Where it is in the text.
    pub span: Span,
}

/// Why a quoted phrase is not speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MentionKind {
    /// The name of a show, work or operation ("Meet the Press"), or a term being named
    /// ("so-called “smart sanctions”").
    Title,
    /// A short phrase in quote marks with nobody behind it: a scare quote or nickname.
    Scare,
}

/// A phrase in quote marks that is not reported speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Mention {
    /// The phrase, `&article.text[span]`.
    pub text: String,
    /// Where it is.
    pub span: Span,
    /// Why it is not a quote.
    pub kind: MentionKind,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Extraction {
    /// The article's id.
    pub article: String,
    /// The article's outlet.
    pub outlet: Option<String>,
    /// The article's date.
    pub date: Option<String>,
    /// The article's title.
    pub title: Option<String>,
    /// The quotes, in text order.
    pub quotes: Vec<Quote>,
    /// Quoted phrases that are not speech, in text order.
    pub mentions: Vec<Mention>,
    /// How many windows the article was read in: 1 for any article up to
    /// [`ExtractorBuilder::max_window_bytes`](crate::ExtractorBuilder::max_window_bytes)
    /// (1 MiB by default), more for a longer text, whose quotes, pronouns and surnames were
    /// not followed from one window to the next. Written to JSON only when above 1.
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub windows: usize,
}

fn one() -> usize {
    1
}

fn is_one(n: &usize) -> bool {
    *n == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `as_str` is the serde name, so the table, the sheets and the JSON never disagree.
    #[test]
    fn as_str_is_the_serde_name() {
        for k in [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect] {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        for k in [
            SpeakerKind::Person,
            SpeakerKind::Organization,
            SpeakerKind::Anonymous,
            SpeakerKind::Group,
            SpeakerKind::Unknown,
        ] {
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        for s in Stance::ALL {
            assert_eq!(
                serde_json::to_string(&s).unwrap(),
                format!("\"{}\"", s.as_str())
            );
            assert_eq!(Stance::from_name(s.as_str()), Some(s));
        }
        for m in [MentionKind::Title, MentionKind::Scare] {
            assert_eq!(
                serde_json::to_string(&m).unwrap(),
                format!("\"{}\"", m.as_str())
            );
        }
        for r in [
            ResolvedBy::Cue,
            ResolvedBy::Pronoun,
            ResolvedBy::Role,
            ResolvedBy::Anaphor,
            ResolvedBy::Statement,
            ResolvedBy::Adjacent,
            ResolvedBy::Colon,
            ResolvedBy::PreviousSentence,
        ] {
            assert_eq!(
                serde_json::to_string(&r).unwrap(),
                format!("\"{}\"", r.as_str())
            );
        }
    }
}

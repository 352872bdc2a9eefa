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
    pub(crate) fn from_name(name: &str) -> Option<Stance> {
        match name {
            "neutral" => Some(Stance::Neutral),
            "assertive" => Some(Stance::Assertive),
            "doubtful" => Some(Stance::Doubtful),
            _ => None,
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
}

/// Who speaks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
    /// The words at the cue that name the speaker, as written ("he", "Kirby",
    /// "A statement by the US Secretary of Defense" gives "the US Secretary of Defense").
    pub mention: String,
    /// Where `mention` is in the text.
    pub span: Span,
}

/// The words that mark speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

//! One speaker across a corpus: stable ids, and the roster behind `saywho speakers`.
//!
//! Within an article, [`Extractor`](crate::Extractor) gives every speaker an id:
//!
//! - a named person or body: the slug of the fullest name the article gives
//!   (`"Lloyd Austin"` → `lloyd-austin`), so the same name agrees across articles;
//! - an unnamed source: the slug of its role, scoped to the article
//!   (`<article>/senior-official`), since "a senior official" in two outlets need not be
//!   the same person.
//!
//! A [`Roster`] built over many extractions then merges what the articles alone cannot
//! (`identity/`): ids that differ only by middle initials ("rosa-m-vidal", "rosa-vidal")
//! or by a one-letter slip, bodies' ids that differ by an abbreviated last word
//! ("pruitt-furniture-co"), a short form of a given name into its full form ("teddy-wexler"
//! → "theodora-wexler"), a nickname into its person, and a bare surname or short name
//! ("Kirby", "Veltro") into the full name of the corpus that carries it ("John Kirby",
//! "Veltro Motors") — only when one such person or body exists or dominates, and no role
//! seen on both sides contradicts it. Different people who share a surname stay apart.

mod id;
mod identity;
mod roster;

pub use id::slug;
pub(crate) use id::speaker_id;
pub use roster::{RoleSeen, Roster, SpeakerEntry};

//! Annotations: short factual notes on the changes between the drafts that readers ask about.
//!
//! Why: the word diff shows *what* changed, but not which changes matter or what they do (a
//! dropped phrase about "information weapons" looks like any other deletion). Notes say so in a
//! sentence or three, neutrally and in our own words, and sit beside the provisions they are
//! about and under the themes they touch.
//!
//! Each note names its **basis**, the verbatim words of the drafts it rests on, and `build.rs`
//! (via `build/notes_data.rs`) refuses to build if those words are not in the provisions the
//! note names: a note cannot silently outlive a corrected transcription. Where the wording it
//! rests on is unconfirmed, the note carries a [`Note::caveat`] for readers. Everything here is
//! static data generated from `data/notes.toml`: no TOML parsing at run time, no web types.
//!
//! ```
//! use draftdiff_core::notes;
//! let weapons = notes::by_id("information-weapons").unwrap();
//! assert!(weapons.provisions.contains(&("A/66/359", "b")));
//! assert!(notes::for_provision("A/69/723", "2").any(|n| n.id == "information-weapons"));
//! assert!(notes::for_themes(&["confidence-building"]).any(|n| n.provisions == [("A/69/723", "10")]));
//! ```

/// One annotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Note {
    /// Stable id, used in URLs: lowercase ASCII letters, digits and `-`.
    pub id: &'static str,
    /// Short heading.
    pub title: &'static str,
    /// One to three sentences (at most 450 characters) saying what the change does.
    pub text: &'static str,
    /// A warning for readers when the wording the note rests on is not confirmed against the
    /// official text; always present when one of its provisions is `recalled`.
    pub caveat: Option<&'static str>,
    /// The provisions the note is about, as (document symbol, provision id), at least one.
    pub provisions: &'static [(&'static str, &'static str)],
    /// Ids of the themes (see [`crate::themes`]) the note belongs under; may be empty.
    pub themes: &'static [&'static str],
    /// The words the note rests on, as (document symbol, provision id, verbatim fragment); each
    /// fragment occurs in that provision, which is one of [`Note::provisions`].
    pub basis: &'static [(&'static str, &'static str, &'static str)],
}

mod generated {
    use super::Note;
    include!(concat!(env!("OUT_DIR"), "/notes.rs"));
}

/// Every note, in the order of `data/notes.toml` (document order of their provisions).
pub static NOTES: [Note; generated::NOTES.len()] = generated::NOTES;

/// Every note; the slice form of [`NOTES`].
pub fn all() -> &'static [Note] {
    &NOTES
}

/// The notes about provision `id` of the document `symbol`, in [`NOTES`] order. None for a
/// document readers bring: notes are written for the bundled drafts only.
pub fn for_provision<'a>(symbol: &'a str, id: &'a str) -> impl Iterator<Item = &'static Note> + 'a {
    NOTES
        .iter()
        .filter(move |n| n.provisions.iter().any(|&(s, i)| s == symbol && i == id))
}

/// The note with this id.
pub fn by_id(id: &str) -> Option<&'static Note> {
    NOTES.iter().find(|n| n.id == id)
}

/// The notes under at least one of the themes `theme_ids`, in [`NOTES`] order; none for an
/// empty selection, so a theme filter shows only the notes that explain it.
pub fn for_themes<'a>(theme_ids: &'a [&'a str]) -> impl Iterator<Item = &'static Note> + 'a {
    NOTES
        .iter()
        .filter(move |n| n.themes.iter().any(|t| theme_ids.contains(t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups() {
        assert!(by_id("no-such-note").is_none());
        assert!(by_id("INFORMATION-WEAPONS").is_none());
        assert_eq!(for_provision("A/69/723", "zz").count(), 0);
        assert_eq!(for_provision("X/1", "b").count(), 0);
        // Provision ids repeat across documents: the symbol must match too.
        assert!(for_provision("A/69/723", "b").next().is_none());
        let on_c: Vec<&str> = for_provision("A/66/359", "c").map(|n| n.id).collect();
        assert_eq!(on_c, ["non-interference", "separatism-and-hatred"]);
        assert_eq!(for_themes(&[]).count(), 0);
        assert_eq!(for_themes(&["no-such-theme"]).count(), 0);
        let both: Vec<&str> = for_themes(&["confidence-building", "dispute-settlement"])
            .map(|n| n.id)
            .collect();
        assert_eq!(both, ["confidence-building-measures", "disputes-from-ict-use"]);
        // As many notes as the data file holds.
        assert_eq!(
            all().len(),
            include_str!("../../../data/notes.toml")
                .lines()
                .filter(|l| l.trim() == "[[note]]")
                .count()
        );
    }

    #[test]
    fn ids_are_unique_and_url_safe() {
        let mut ids: Vec<&str> = all().iter().map(|n| n.id).collect();
        assert!(ids.iter().all(|id| !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), NOTES.len());
    }
}

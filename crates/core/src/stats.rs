//! How much changed: counts of pair kinds and words, for the whole comparison or any subset.
//!
//! The theme filter shows this for the pairs it keeps, so "what happened to human rights?"
//! gets a number as well as a redline.
//!
//! ```
//! use draftdiff_core::{compare::Comparison, corpus::bundled, stats::Summary};
//! let [old, new] = bundled();
//! let cmp = Comparison::new(old.clone(), new.clone());
//! let all = Summary::of(&cmp, 0..cmp.pairs.len());
//! assert_eq!(all.pairs, cmp.pairs.len());
//! assert!(all.words_deleted > 0 && all.words_inserted > 0);
//! ```

use crate::align::RowKind;
use crate::compare::Comparison;
use crate::diff::words;

/// Counts over a set of aligned pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Summary {
    /// Pairs counted.
    pub pairs: usize,
    /// Identical in both versions.
    pub unchanged: usize,
    /// Paired and reworded.
    pub changed: usize,
    /// Paired after moving.
    pub moved: usize,
    /// Only in the later version.
    pub added: usize,
    /// Only in the earlier version.
    pub dropped: usize,
    /// Later provisions that also draw on another earlier one (splits and merges).
    pub split: usize,
    /// Words inserted (including whole new provisions).
    pub words_inserted: usize,
    /// Words deleted (including whole dropped provisions).
    pub words_deleted: usize,
    /// Words of the earlier version in these pairs that survive unchanged, as a share of all words on both sides.
    pub similarity: f32,
}

/// Number of words, by the diff's own definition ([`words`]): the counts here and the diff's
/// inserted / deleted words must agree, or the shares below stop adding up.
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

impl Summary {
    /// Counts the pairs with these indices.
    pub fn of(cmp: &Comparison, pairs: impl IntoIterator<Item = usize>) -> Summary {
        let mut s = Summary::default();
        let (mut kept, mut total) = (0usize, 0usize);
        for i in pairs {
            let pair = &cmp.pairs[i];
            let w = cmp.words(i);
            s.pairs += 1;
            total += w.old + w.new;
            s.words_inserted += w.inserted;
            s.words_deleted += w.deleted;
            if !pair.row.also_draws_on.is_empty() {
                s.split += 1;
            }
            match pair.row.kind {
                RowKind::Unchanged => {
                    s.unchanged += 1;
                    kept += w.old + w.new;
                }
                RowKind::Changed | RowKind::Moved => {
                    if pair.row.kind == RowKind::Moved {
                        s.moved += 1;
                    } else {
                        s.changed += 1;
                    }
                    if pair.diff.is_some() {
                        // Saturating: a summary must never wrap round, whatever a reader pastes.
                        kept += (w.old + w.new).saturating_sub(w.inserted + w.deleted);
                    }
                }
                RowKind::Added => s.added += 1,
                RowKind::Dropped => s.dropped += 1,
            }
        }
        s.similarity = if total == 0 { 1.0 } else { kept as f32 / total as f32 };
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::bundled;

    /// The bundled drafts' alignment, one reviewed line per row (see `tests/align.rs`).
    const ALIGNMENT: &str = include_str!("../tests/snapshots/align__the_bundled_drafts_align_as_a_reader_would.snap");

    /// The counts the reviewed alignment snapshot shows, counted from its text: one line per
    /// row, the kind as a word, "also draws on" for a split.
    #[test]
    fn counts_are_those_of_the_reviewed_alignment() {
        let [old, new] = bundled();
        let cmp = Comparison::new(old.clone(), new.clone());
        let s = Summary::of(&cmp, 0..cmp.pairs.len());
        let rows: Vec<&str> = ALIGNMENT.splitn(3, "---\n").nth(2).unwrap().lines().collect();
        let kind = |k: &str| rows.iter().filter(|r| r.split(' ').any(|w| w == k)).count();
        assert_eq!(
            [s.pairs, s.unchanged, s.changed, s.moved, s.added, s.dropped],
            [
                rows.len(),
                kind("unchanged"),
                kind("changed"),
                kind("moved"),
                kind("added"),
                kind("dropped")
            ],
            "{s:?}"
        );
        assert_eq!(s.split, rows.iter().filter(|r| r.contains(" also draws on ")).count());
        // Every word is kept or changed, with as many kept on both sides.
        let words = |d: &crate::corpus::Document| d.provisions.iter().map(|p| word_count(&p.text)).sum::<usize>();
        assert_eq!(words(old) - s.words_deleted, words(new) - s.words_inserted, "{s:?}");
        assert!(s.similarity > 0.3 && s.similarity < 1.0, "{s:?}");
        let none = Summary::of(&cmp, []);
        assert_eq!((none.pairs, none.similarity), (0, 1.0));
    }

    #[test]
    fn words_are_counted_without_punctuation() {
        assert_eq!(word_count("States, (a) and; 19"), 4);
        assert_eq!(word_count(" \n"), 0);
    }
}

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
            let old_words = pair.row.old.map_or(0, |o| word_count(&cmp.old.provisions[o].text));
            let new_words = pair.row.new.map_or(0, |n| word_count(&cmp.new.provisions[n].text));
            s.pairs += 1;
            total += old_words + new_words;
            if !pair.row.also_draws_on.is_empty() {
                s.split += 1;
            }
            match pair.row.kind {
                RowKind::Unchanged => {
                    s.unchanged += 1;
                    kept += old_words + new_words;
                }
                RowKind::Changed | RowKind::Moved => {
                    if pair.row.kind == RowKind::Moved {
                        s.moved += 1;
                    } else {
                        s.changed += 1;
                    }
                    if let Some(d) = &pair.diff {
                        s.words_inserted += d.words_inserted();
                        s.words_deleted += d.words_deleted();
                        // Saturating: a summary must never wrap round, whatever a reader pastes.
                        kept += (old_words + new_words).saturating_sub(d.words_inserted() + d.words_deleted());
                    }
                }
                RowKind::Added => {
                    s.added += 1;
                    s.words_inserted += new_words;
                }
                RowKind::Dropped => {
                    s.dropped += 1;
                    s.words_deleted += old_words;
                }
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

    #[test]
    fn counts_add_up_on_the_real_corpus() {
        let [old, new] = bundled();
        let cmp = Comparison::new(old.clone(), new.clone());
        let s = Summary::of(&cmp, 0..cmp.pairs.len());
        assert_eq!(s.unchanged + s.changed + s.moved + s.added + s.dropped, s.pairs);
        assert!(s.added >= 2, "2015 (10) and pre-10 are new: {s:?}");
        assert!(s.split >= 1, "2015 (3) draws on 2011 (c): {s:?}");
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

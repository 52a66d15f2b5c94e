//! The alignment and the word diff put together: every aligned row, and for each reworded or
//! moved pair the word diff of its two texts. The core wraps this with the two documents as its
//! `Comparison`; the build script packs it ([`crate::packed`]) for the bundled drafts.

use crate::align::{align_with, Options, Row, RowKind};
use crate::diff::{word_diff_within, WordDiff};
use crate::Paragraph;
use std::time::Duration;

/// One aligned row and, where both sides exist and differ, their word diff.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// The alignment row.
    pub row: Row,
    /// Word diff of the pair (changed and moved rows only).
    pub diff: Option<WordDiff>,
}

/// Every pair of a comparison, in reading order.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Pairs {
    /// Aligned rows in reading order, with their word diffs.
    pub pairs: Vec<Pair>,
    /// True when a time or size budget made the alignment or a diff cruder than it could be.
    pub simplified: bool,
}

/// Time a single pair's word diff may take before it is simplified (user documents only matter).
const DIFF_BUDGET: Duration = Duration::from_millis(250);

/// Aligns `old` with `new` and word-diffs every changed or moved pair.
pub fn pair_up<P: Paragraph>(old: &[P], new: &[P], options: &Options) -> Pairs {
    let alignment = align_with(old, new, options);
    let mut simplified = alignment.simplified;
    let pairs = alignment
        .rows
        .into_iter()
        .map(|row| {
            let diff = match (row.kind, row.old, row.new) {
                (RowKind::Changed | RowKind::Moved, Some(o), Some(n)) => {
                    let d = word_diff_within(old[o].text(), new[n].text(), DIFF_BUDGET);
                    simplified |= d.simplified;
                    Some(d)
                }
                _ => None,
            };
            Pair { row, diff }
        })
        .collect();
    Pairs { pairs, simplified }
}

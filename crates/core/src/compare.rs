//! The comparison: two documents, their alignment, and the word diff of every changed pair.
//!
//! Computed once per pair of documents and then only read: theme filters, views, search and
//! links all work on this value, so toggling them never re-runs the alignment or a diff.
//!
//! ```
//! use draftdiff_core::{compare::Comparison, corpus::bundled};
//! let [old, new] = bundled();
//! let cmp = Comparison::new(old.clone(), new.clone());
//! let f = draftdiff_core::link::Anchor::parse("2011-f").unwrap();
//! let pair = cmp.pair_of_anchor(&f).unwrap();
//! assert_eq!(cmp.new.provisions[cmp.pairs[pair].row.new.unwrap()].id, "7");
//! ```

use crate::align::{align_with, Options, Row, RowKind};
use crate::corpus::{Document, Part};
use crate::diff::{word_diff_within, WordDiff};
use crate::link::Anchor;
use std::time::Duration;

/// Which version a provision belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The earlier version.
    Old,
    /// The later version.
    New,
}

/// One aligned row and, where both sides exist and differ, their word diff.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    /// The alignment row.
    pub row: Row,
    /// Word diff of the pair (changed and moved rows only).
    pub diff: Option<WordDiff>,
}

/// Two versions of one document, aligned and diffed.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The earlier version.
    pub old: Document,
    /// The later version.
    pub new: Document,
    /// Aligned rows in reading order.
    pub pairs: Vec<Pair>,
    /// True when a time or size budget made the alignment or a diff cruder than it could be.
    pub simplified: bool,
}

/// Time a single pair's word diff may take before it is simplified (user documents only matter).
const DIFF_BUDGET: Duration = Duration::from_millis(250);

impl Comparison {
    /// The bundled drafts compared: what the page, the embeds, the build step and most tests show.
    pub fn bundled() -> Comparison {
        let [old, new] = crate::corpus::bundled();
        Comparison::new(old.clone(), new.clone())
    }

    /// Aligns and diffs two versions with the default options.
    pub fn new(old: Document, new: Document) -> Comparison {
        Comparison::with_options(old, new, &Options::default())
    }

    /// Aligns and diffs with explicit alignment options (custom documents pass a budget).
    pub fn with_options(old: Document, new: Document, options: &Options) -> Comparison {
        let alignment = align_with(&old.provisions, &new.provisions, options);
        let mut simplified = alignment.simplified;
        let pairs = alignment
            .rows
            .into_iter()
            .map(|row| {
                let diff = match (row.kind, row.old, row.new) {
                    (RowKind::Changed | RowKind::Moved, Some(o), Some(n)) => {
                        let d = word_diff_within(&old.provisions[o].text, &new.provisions[n].text, DIFF_BUDGET);
                        simplified |= d.simplified;
                        Some(d)
                    }
                    _ => None,
                };
                Pair { row, diff }
            })
            .collect();
        Comparison {
            old,
            new,
            pairs,
            simplified,
        }
    }

    /// The document of one side.
    pub fn doc(&self, side: Side) -> &Document {
        match side {
            Side::Old => &self.old,
            Side::New => &self.new,
        }
    }

    /// The provision index a pair holds on one side.
    pub fn index(&self, pair: usize, side: Side) -> Option<usize> {
        let row = &self.pairs[pair].row;
        match side {
            Side::Old => row.old,
            Side::New => row.new,
        }
    }

    /// The pair holding the provision addressed by a public anchor (`2015-7`), and its side.
    /// Takes the [`Anchor`] type, never a string: the one parser is [`Anchor::parse`].
    pub fn locate(&self, anchor: &Anchor) -> Option<(usize, Side)> {
        let side = [Side::Old, Side::New]
            .into_iter()
            .find(|s| self.doc(*s).year == anchor.year)?;
        let index = self.doc(side).index_of(&anchor.id)?;
        let pair = self.pairs.iter().position(|p| match side {
            Side::Old => p.row.old == Some(index),
            Side::New => p.row.new == Some(index),
        })?;
        Some((pair, side))
    }

    /// The pair holding the provision addressed by a public anchor.
    pub fn pair_of_anchor(&self, anchor: &Anchor) -> Option<usize> {
        self.locate(anchor).map(|(pair, _)| pair)
    }

    /// The public anchor of one side of a pair, if that side exists.
    pub fn anchor(&self, pair: usize, side: Side) -> Option<Anchor> {
        self.index(pair, side).map(|i| self.doc(side).anchor(i))
    }

    /// Pairs grouped by part, in document order, with their global indices.
    pub fn sections(&self) -> Vec<(Part, Vec<usize>)> {
        let mut out: Vec<(Part, Vec<usize>)> = Vec::new();
        for (i, p) in self.pairs.iter().enumerate() {
            match out.last_mut() {
                Some((part, list)) if *part == p.row.part => list.push(i),
                _ => out.push((p.row.part, vec![i])),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp() -> Comparison {
        Comparison::bundled()
    }

    #[test]
    fn anchors_locate_their_pairs_on_both_sides() {
        let c = cmp();
        let at = |s: &str| Anchor::parse(s).unwrap();
        let (pair, side) = c.locate(&at("2015-7")).unwrap();
        assert_eq!(side, Side::New);
        assert_eq!(c.anchor(pair, Side::Old), Some(at("2011-f")));
        assert_eq!(c.locate(&at("2011-f")), Some((pair, Side::Old)));
        for absent in ["2015-99", "1999-a", "2015-f", "2011-7"] {
            assert_eq!(c.locate(&at(absent)), None, "{absent}");
        }
        // What the one parser rejects can never reach a lookup (the old string lookup took these).
        for bad in ["", "2015", "2015-", "x-7", "1-a", "+001-a", "2015-7 "] {
            assert_eq!(Anchor::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_provision_is_in_exactly_one_pair_and_sections_follow_parts() {
        let c = cmp();
        for side in [Side::Old, Side::New] {
            for i in 0..c.doc(side).provisions.len() {
                let n = (0..c.pairs.len()).filter(|p| c.index(*p, side) == Some(i)).count();
                assert_eq!(n, 1, "{side:?} {i}");
            }
        }
        let parts: Vec<Part> = c.sections().into_iter().map(|(p, _)| p).collect();
        assert_eq!(parts, Part::ALL);
    }

    #[test]
    fn changed_pairs_carry_a_diff_and_unchanged_ones_do_not() {
        let c = cmp();
        for p in &c.pairs {
            assert_eq!(
                p.diff.is_some(),
                matches!(p.row.kind, RowKind::Changed | RowKind::Moved),
                "{:?}",
                p.row
            );
        }
        assert!(!c.simplified);
    }
}

//! Layering highlights over the redline: what one rendered piece of text is.
//!
//! A provision's text is shown as a sequence of runs: unchanged, deleted or inserted (the word
//! diff), and inside those, theme keyword hits, search hits and a linked passage. The three
//! highlight layers are computed on each side's own text (byte ranges); this module splits
//! the redline at every highlight boundary so the UI can nest `<mark>` *inside* `<ins>`/`<del>`
//! and a highlight can never break or reorder the redline.
//!
//! ```
//! use draftdiff_core::{diff::Change, segments::{layer, Piece, Highlight, Layer}, compare::Side};
//! let text = "information weapons";
//! let pieces = [Piece { change: Change::Delete, side: Side::Old, range: 0..text.len() }];
//! let marks = [Highlight { range: 0..11, layer: Layer::Theme(3) }];
//! let segs = layer(&pieces, |_| text, |side| if side == Side::Old { &marks[..] } else { &[] });
//! assert_eq!(segs.len(), 2);
//! assert_eq!((segs[0].text.as_str(), segs[0].theme, segs[0].change), ("information", Some(3), Change::Delete));
//! ```

use crate::align::RowKind;
use crate::compare::Side;
use crate::diff::{Change, WordDiff};
use std::ops::Range;

/// A run of one side's text with one change status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Unchanged, deleted or inserted.
    pub change: Change,
    /// Whose text `range` indexes.
    pub side: Side,
    /// Byte range in that side's text.
    pub range: Range<usize>,
}

/// Which highlight a range belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// A keyword of the theme with this index.
    Theme(u8),
    /// A search hit.
    Search,
    /// The passage a link points at.
    Passage,
}

/// A highlighted byte range of one side's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Highlight {
    /// Byte range (on char boundaries).
    pub range: Range<usize>,
    /// What it marks.
    pub layer: Layer,
}

/// One rendered run: text with its change and the highlights covering all of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// Redline status.
    pub change: Change,
    /// Theme keyword covering this run, if any.
    pub theme: Option<u8>,
    /// Inside a search hit.
    pub search: bool,
    /// Inside the linked passage.
    pub passage: bool,
}

/// How a pair's kind marks a whole provision that has no diff: all inserted for an added
/// one, all deleted for a dropped one, unmarked otherwise (the `whole` of [`side_pieces`]).
pub fn whole_change(kind: RowKind) -> Change {
    match kind {
        RowKind::Added => Change::Insert,
        RowKind::Dropped => Change::Delete,
        _ => Change::Equal,
    }
}

/// The pieces of one side shown alone (side-by-side view): equal and that side's own changes.
pub fn side_pieces(diff: Option<&WordDiff>, side: Side, text_len: usize, whole: Change) -> Vec<Piece> {
    let Some(diff) = diff else {
        return vec![Piece {
            change: whole,
            side,
            range: 0..text_len,
        }];
    };
    let mut pos = 0;
    let mut out = Vec::new();
    for span in &diff.spans {
        let own = match (span.change, side) {
            (Change::Equal, _) | (Change::Delete, Side::Old) | (Change::Insert, Side::New) => true,
            (Change::Delete, Side::New) | (Change::Insert, Side::Old) => false,
        };
        if own {
            out.push(Piece {
                change: span.change,
                side,
                range: pos..pos + span.text.len(),
            });
            pos += span.text.len();
        }
    }
    out
}

/// The pieces of a merged redline (inline view): deletions from the old text, insertions from the new.
pub fn inline_pieces(diff: &WordDiff) -> Vec<Piece> {
    let (mut old_pos, mut new_pos) = (0, 0);
    let mut out = Vec::with_capacity(diff.spans.len());
    for span in &diff.spans {
        let len = span.text.len();
        let (side, start) = match span.change {
            Change::Insert => (Side::New, new_pos),
            Change::Equal | Change::Delete => (Side::Old, old_pos),
        };
        out.push(Piece {
            change: span.change,
            side,
            range: start..start + len,
        });
        if span.change != Change::Insert {
            old_pos += len;
        }
        if span.change != Change::Delete {
            new_pos += len;
        }
    }
    out
}

/// Splits pieces at every highlight boundary. `text` gives each side's text, `marks` each side's
/// highlights (any order, may overlap across layers). Out-of-range or non-boundary marks are
/// clamped or ignored, never a panic.
pub fn layer<'t, 'm>(
    pieces: &[Piece],
    text: impl Fn(Side) -> &'t str,
    marks: impl Fn(Side) -> &'m [Highlight],
) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for piece in pieces {
        let src = text(piece.side);
        let hs = marks(piece.side);
        let mut cuts = vec![piece.range.start, piece.range.end];
        for h in hs {
            for b in [h.range.start, h.range.end] {
                if b > piece.range.start && b < piece.range.end && src.is_char_boundary(b) {
                    cuts.push(b);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let (a, b) = (w[0], w[1]);
            let Some(slice) = src.get(a..b) else { continue };
            let covers =
                |l: &dyn Fn(Layer) -> bool| hs.iter().find(|h| l(h.layer) && h.range.start <= a && b <= h.range.end);
            let seg = Segment {
                text: slice.to_string(),
                change: piece.change,
                theme: covers(&|l| matches!(l, Layer::Theme(_))).and_then(|h| match h.layer {
                    Layer::Theme(t) => Some(t),
                    _ => None,
                }),
                search: covers(&|l| l == Layer::Search).is_some(),
                passage: covers(&|l| l == Layer::Passage).is_some(),
            };
            match out.last_mut() {
                Some(last)
                    if (last.change, last.theme, last.search, last.passage)
                        == (seg.change, seg.theme, seg.search, seg.passage) =>
                {
                    last.text.push_str(&seg.text)
                }
                _ => out.push(seg),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::word_diff;
    use proptest::prelude::*;

    fn joined(segs: &[Segment], keep: impl Fn(Change) -> bool) -> String {
        segs.iter()
            .filter(|s| keep(s.change))
            .map(|s| s.text.as_str())
            .collect()
    }

    #[test]
    fn side_and_inline_pieces_rebuild_the_texts() {
        let (old, new) = (
            "Not to proliferate information weapons;",
            "Not to carry out activities;",
        );
        let d = word_diff(old, new);
        let text = |s: Side| if s == Side::Old { old } else { new };
        let none = |_: Side| -> &[Highlight] { &[] };
        let o = layer(&side_pieces(Some(&d), Side::Old, old.len(), Change::Equal), text, none);
        let n = layer(&side_pieces(Some(&d), Side::New, new.len(), Change::Equal), text, none);
        assert_eq!(joined(&o, |_| true), old);
        assert_eq!(joined(&n, |_| true), new);
        assert!(o.iter().all(|s| s.change != Change::Insert) && n.iter().all(|s| s.change != Change::Delete));
        let i = layer(&inline_pieces(&d), text, none);
        assert_eq!(joined(&i, |c| c != Change::Insert), old);
        assert_eq!(joined(&i, |c| c != Change::Delete), new);
    }

    #[test]
    fn highlights_nest_inside_the_redline_and_never_change_it() {
        let old = "to proliferate information weapons or";
        let new = "to carry out activities or";
        let d = word_diff(old, new);
        let start = old.find("information").unwrap();
        let marks = [
            Highlight {
                range: start..start + "information weapons".len(),
                layer: Layer::Theme(3),
            },
            Highlight {
                range: 0..2,
                layer: Layer::Search,
            },
        ];
        let text = |s: Side| if s == Side::Old { old } else { new };
        let segs = layer(
            &inline_pieces(&d),
            text,
            |s| if s == Side::Old { &marks[..] } else { &[] },
        );
        let themed: String = segs
            .iter()
            .filter(|s| s.theme == Some(3))
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(themed, "information weapons");
        assert!(segs
            .iter()
            .filter(|s| s.theme.is_some())
            .all(|s| s.change == Change::Delete));
        assert!(segs[0].search && segs[0].text == "to");
        assert_eq!(joined(&segs, |c| c != Change::Insert), old);
    }

    #[test]
    fn whole_provisions_without_diff() {
        let t = "New item.";
        let segs = layer(&side_pieces(None, Side::New, t.len(), Change::Insert), |_| t, |_| &[]);
        assert_eq!(
            segs,
            [Segment {
                text: t.into(),
                change: Change::Insert,
                theme: None,
                search: false,
                passage: false
            }]
        );
    }

    proptest! {
        #[test]
        fn layering_never_loses_or_reorders_text(
            old in "[a-zé ,;\n]{0,40}", new in "[a-zé ,;\n]{0,40}",
            marks in proptest::collection::vec((0usize..50, 0usize..50, 0u8..3), 0..6)
        ) {
            let d = word_diff(&old, &new);
            let hs: Vec<Highlight> = marks.iter().map(|&(a, b, l)| Highlight {
                range: a.min(b)..a.max(b),
                layer: match l { 0 => Layer::Theme(1), 1 => Layer::Search, _ => Layer::Passage },
            }).collect();
            let text = |s: Side| if s == Side::Old { old.as_str() } else { new.as_str() };
            let segs = layer(&inline_pieces(&d), text, |_| &hs[..]);
            prop_assert_eq!(joined(&segs, |c| c != Change::Insert), old.clone());
            prop_assert_eq!(joined(&segs, |c| c != Change::Delete), new.clone());
            prop_assert!(segs.iter().all(|s| !s.text.is_empty()));
        }
    }
}

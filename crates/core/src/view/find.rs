//! What the widget's search finds and what stepping to a hit opens, for the whole comparison.
//!
//! Every part is searched, collapsed or not: a collapsed part keeps its text on the page
//! (hidden until found), so the count is the number of hits a reader can reach, never only
//! those in the parts that happen to be open. A hit is counted as the page shows it: one run of
//! highlighted text in one rendered provision, in page order (parts in document order, pairs
//! in order, the earlier draft's cell before the later one's), so the page's `n`-th run of
//! `mark.dd-hit` elements is hit `n` here.

use super::state::{part_shown, AppState};
use crate::align::RowKind;
use crate::compare::{Comparison, Side};
use crate::corpus::Part;
use crate::diff::Change;
use crate::link::View;
use crate::search;
use crate::segments::{inline_pieces, layer, side_pieces, Highlight, Layer, Piece, Segment};

/// One search hit as the page renders it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The aligned pair whose row holds it.
    pub pair: usize,
    /// The part that row is in.
    pub part: Part,
}

/// Every hit of `query` in the rows `shown` (the pairs the filter keeps, plus a revealed one),
/// in page order, for the view mode `view`.
pub fn hits(cmp: &Comparison, view: View, query: &str, shown: &[usize]) -> Vec<Hit> {
    let mut out = Vec::new();
    for (part, pairs) in cmp.sections() {
        for pair in pairs.into_iter().filter(|p| shown.contains(p)) {
            let n = row_hits(cmp, view, query, pair);
            out.extend(std::iter::repeat_n(Hit { pair, part }, n));
        }
    }
    out
}

/// The part to open before showing `hit`, if it is collapsed in `state`. `focus_pair` is the
/// pair of the linked provision (a part holding it is open unless the reader collapsed it).
pub fn opens(state: &AppState, hit: Hit, focus_pair: Option<usize>, cmp: &Comparison) -> Option<Part> {
    let holds_focus = focus_pair.is_some_and(|f| cmp.pairs[f].row.part == hit.part);
    (!part_shown(state, hit.part, holds_focus)).then_some(hit.part)
}

/// The hit to show after `current` when stepping forwards or backwards through `count` hits
/// (wrapping around); `None` when there is nothing to step to.
pub fn step(current: Option<usize>, count: usize, forward: bool) -> Option<usize> {
    if count == 0 {
        return None;
    }
    Some(match (current.filter(|&i| i < count), forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(i), true) => (i + 1) % count,
        (Some(i), false) => (i + count - 1) % count,
    })
}

/// How many highlighted runs one row shows: per rendered provision, the way the UI layers them.
fn row_hits(cmp: &Comparison, view: View, query: &str, pair: usize) -> usize {
    let p = &cmp.pairs[pair];
    let text = |side: Side| cmp.index(pair, side).map(|i| cmp.doc(side).provisions[i].text.as_ref());
    let side_runs = |side: Side| {
        let Some(t) = text(side) else { return 0 };
        let whole = match p.row.kind {
            RowKind::Added => Change::Insert,
            RowKind::Dropped => Change::Delete,
            _ => Change::Equal,
        };
        let pieces = side_pieces(p.diff.as_ref(), side, t.len(), whole);
        runs(&pieces, |_| t, query)
    };
    match view {
        View::Side => side_runs(Side::Old) + side_runs(Side::New),
        View::Old => side_runs(Side::Old),
        View::New => side_runs(Side::New),
        View::Inline => match (&p.diff, text(Side::Old), text(Side::New)) {
            (Some(diff), Some(old), Some(new)) => {
                runs(&inline_pieces(diff), |s| if s == Side::Old { old } else { new }, query)
            }
            (_, _, Some(_)) => side_runs(Side::New),
            _ => side_runs(Side::Old),
        },
    }
}

/// Runs of consecutive search-marked segments once `pieces` are layered with the query's hits.
fn runs<'t>(pieces: &[Piece], text: impl Fn(Side) -> &'t str + Copy, query: &str) -> usize {
    let marks = |side: Side| -> Vec<Highlight> {
        search::hits(text(side), query)
            .into_iter()
            .map(|range| Highlight {
                range,
                layer: Layer::Search,
            })
            .collect()
    };
    let (old, new) = (marks(Side::Old), marks(Side::New));
    let segs: Vec<Segment> = layer(pieces, text, |s| if s == Side::Old { &old[..] } else { &new[..] });
    segs.iter()
        .enumerate()
        .filter(|(i, s)| s.search && (*i == 0 || !segs[i - 1].search))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::ViewState;
    use crate::view::state::Action;
    use crate::view::{selected_themes, visible_pairs};

    fn cmp() -> Comparison {
        Comparison::bundled()
    }

    /// Occurrences counted by hand-free means: the bundled texts, folded naively.
    fn naive(cmp: &Comparison, needle: &str) -> usize {
        [&cmp.old, &cmp.new]
            .iter()
            .flat_map(|d| d.provisions.iter())
            .map(|p| {
                p.text
                    .to_lowercase()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .matches(needle)
                    .count()
            })
            .sum()
    }

    fn all(cmp: &Comparison) -> Vec<usize> {
        visible_pairs(cmp, &ViewState::default(), selected_themes(&[]))
    }

    #[test]
    fn collapsed_parts_are_searched_and_the_count_is_every_occurrence() {
        let c = cmp();
        for q in ["mutual respect", "recalling its resolutions", "information", "states"] {
            let found = hits(&c, View::Side, q, &all(&c));
            assert_eq!(found.len(), naive(&c, q), "{q}");
        }
        let recalling = hits(&c, View::Side, "Recalling its resolutions", &all(&c));
        assert!(!recalling.is_empty() && recalling.iter().all(|h| h.part == Part::Preamble));
    }

    #[test]
    fn hits_come_in_page_order() {
        let c = cmp();
        let found = hits(&c, View::Side, "information", &all(&c));
        let order: Vec<usize> = c.sections().into_iter().flat_map(|(_, p)| p).collect();
        let pos = |pair| order.iter().position(|&p| p == pair).unwrap();
        assert!(found.windows(2).all(|w| pos(w[0].pair) <= pos(w[1].pair)));
    }

    #[test]
    fn stepping_into_a_collapsed_part_opens_it_and_collapsing_keeps_the_count() {
        let c = cmp();
        let s = AppState::default();
        let found = hits(&c, View::Side, "mutual respect", &all(&c));
        let first = found[step(None, found.len(), true).unwrap()];
        let part = opens(&s, first, None, &c).expect("the hit is in a collapsed part");
        let s = s.reduce(Action::OpenPart(part, false));
        assert_eq!(opens(&s, first, None, &c), None);
        let s = s.reduce(Action::TogglePart(part, false));
        assert_eq!(opens(&s, first, None, &c), Some(part));
        assert_eq!(hits(&c, View::Side, "mutual respect", &all(&c)).len(), found.len());
    }

    #[test]
    fn the_inline_view_counts_shared_words_once() {
        let c = cmp();
        let side = hits(&c, View::Side, "information security", &all(&c)).len();
        let inline = hits(&c, View::Inline, "information security", &all(&c)).len();
        assert!(inline < side && inline > 0, "{inline} < {side}");
        assert!(hits(&c, View::New, "information security", &all(&c)).len() <= side);
    }

    #[test]
    fn steps_wrap_both_ways() {
        assert_eq!(step(None, 0, true), None);
        assert_eq!(step(None, 3, true), Some(0));
        assert_eq!(step(None, 3, false), Some(2));
        assert_eq!(step(Some(2), 3, true), Some(0));
        assert_eq!(step(Some(0), 3, false), Some(2));
        assert_eq!(step(Some(7), 3, true), Some(0), "a stale index restarts");
    }
}

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
///
/// Linear in the rows and in the length of the folded texts, which the comparison folds once
/// ([`Comparison::search_text`]): a row whose folded texts lack the query is skipped without
/// folding, layering or diffing anything, so a keystroke on a megabyte comparison costs a
/// substring search plus the work on the rows that hold a hit.
pub fn hits(cmp: &Comparison, view: View, query: &str, shown: &[usize]) -> Vec<Hit> {
    let mut out = Vec::new();
    let Some(needle) = search::needle(query) else {
        return out;
    };
    let mut kept = vec![false; cmp.pairs.len()];
    for &p in shown {
        if let Some(k) = kept.get_mut(p) {
            *k = true;
        }
    }
    let found = |pair: usize, side: Side| {
        cmp.index(pair, side)
            .is_some_and(|i| cmp.search_text(side, i).contains(needle.as_str()))
    };
    for (part, pairs) in cmp.sections() {
        for pair in pairs.into_iter().filter(|&p| kept[p]) {
            if !found(pair, Side::Old) && !found(pair, Side::New) {
                continue;
            }
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

    /// What [`hits`] computed before the comparison cached anything: every shown row (found by
    /// a linear `contains`) layered with hits from a fresh fold of its texts.
    fn uncached_hits(cmp: &Comparison, view: View, query: &str, shown: &[usize]) -> Vec<Hit> {
        let mut out = Vec::new();
        for (part, pairs) in cmp.sections() {
            for pair in pairs.into_iter().filter(|p| shown.contains(p)) {
                out.extend(std::iter::repeat_n(
                    Hit { pair, part },
                    row_hits(cmp, view, query, pair),
                ));
            }
        }
        out
    }

    /// What [`visible_pairs`] computed before: themes detected afresh for every provision.
    fn uncached_visible(cmp: &Comparison, view: &ViewState, selected: crate::themes::ThemeSet) -> Vec<usize> {
        let tags = |pair, side: Side| {
            cmp.index(pair, side).map_or(crate::themes::ThemeSet::EMPTY, |i| {
                let doc = cmp.doc(side);
                let p = &doc.provisions[i];
                if p.status.is_some() {
                    crate::themes::tags(&doc.symbol, &p.id)
                } else {
                    crate::themes::detect(&p.text)
                }
            })
        };
        let one_side = match view.view {
            View::Old => Some(Side::Old),
            View::New => Some(Side::New),
            _ => None,
        };
        (0..cmp.pairs.len())
            .filter(|&p| one_side.is_none_or(|s| cmp.index(p, s).is_some()))
            .filter(|&p| crate::themes::row_matches(tags(p, Side::Old), tags(p, Side::New), selected, view.match_mode))
            .collect()
    }

    /// What `Comparison::locate` computed before: the provision by id, then its pair by a scan.
    fn uncached_locate(cmp: &Comparison, anchor: &crate::link::Anchor) -> Option<(usize, Side)> {
        let side = [Side::Old, Side::New]
            .into_iter()
            .find(|s| cmp.doc(*s).year == anchor.year)?;
        let index = cmp.doc(side).index_of(&anchor.id)?;
        let pair = cmp.pairs.iter().position(|p| match side {
            Side::Old => p.row.old == Some(index),
            Side::New => p.row.new == Some(index),
        })?;
        Some((pair, side))
    }

    /// A reader's pair of versions: `paragraphs` pseudo-random paragraphs each (the e2e test's
    /// generator), the later one a revision of the earlier (some paragraphs reworded, some
    /// dropped, some added), with labels and theme keywords here and there.
    fn readers(paragraphs: usize) -> Comparison {
        let text = |seed: u64, revised: bool| {
            let mut x = seed;
            let mut rnd = move || {
                x = (x * 1103515245 + 12345) % 2147483648;
                x
            };
            let mut out = Vec::new();
            for p in 0..paragraphs {
                if revised && p % 7 == 3 {
                    continue;
                }
                let mut words: Vec<String> = (0..30).map(|_| format!("w{:x}", rnd() % 5000)).collect();
                if p % 5 == 0 {
                    words.insert(3, "human rights and fundamental freedoms".into());
                }
                if revised && p % 4 == 1 {
                    words[10] = "sovereignty".into();
                }
                let label = if p % 3 == 0 {
                    format!("({}) ", p + 1)
                } else {
                    String::new()
                };
                out.push(format!("{label}{}.", words.join(" ")));
                if revised && p % 11 == 5 {
                    out.push("(x) A new paragraph on information weapons.".into());
                }
            }
            out.join("\n\n")
        };
        let read = |t: &str, year| crate::custom::from_plain_text("v", t, "v", year).unwrap();
        let (mut old, mut new) = (read(&text(1, false), 1), read(&text(1, true), 2));
        crate::custom::distinct_years(&mut old, &mut new);
        Comparison::with_options(old, new, &crate::custom::options())
    }

    /// The caches change nothing: on the bundled drafts and on a reader's comparison, every
    /// view's hits, every filter's rows and every anchor's pair are what the uncached
    /// computation gives (and the queries do find something, so the comparison can fail).
    #[test]
    fn cached_results_equal_the_uncached_computation() {
        use crate::link::Match;
        for c in [cmp(), readers(120)] {
            let everything = all(&c);
            let every_other: Vec<usize> = everything.iter().copied().step_by(2).collect();
            let mut found = 0;
            for q in [
                "information",
                "States",
                "w1",
                "human rights",
                "x",
                "  ",
                "sovereignty",
                "(7)",
            ] {
                for view in [View::Side, View::Inline, View::Old, View::New] {
                    for shown in [&everything, &every_other] {
                        let cached = hits(&c, view, q, shown);
                        assert_eq!(cached, uncached_hits(&c, view, q, shown), "{q} {view:?}");
                        found += cached.len();
                    }
                }
            }
            assert!(found > 100, "{found}");
            for ids in [
                &["human-rights"][..],
                &["sovereignty", "human-rights"],
                &["use-of-force"],
                &[],
            ] {
                for mode in [Match::Any, Match::All] {
                    for v in [View::Side, View::Old] {
                        let view = ViewState {
                            themes: ids.iter().map(|s| s.to_string()).collect(),
                            match_mode: mode,
                            view: v,
                            ..ViewState::default()
                        };
                        let selected = selected_themes(&view.themes);
                        assert_eq!(
                            visible_pairs(&c, &view, selected),
                            uncached_visible(&c, &view, selected),
                            "{ids:?}"
                        );
                    }
                }
            }
            for side in [Side::Old, Side::New] {
                let doc = c.doc(side);
                for i in 0..doc.provisions.len() {
                    let a = doc.anchor(i);
                    assert_eq!(c.locate(&a), uncached_locate(&c, &a), "{a}");
                    assert_eq!(
                        c.search_text(side, i),
                        draftdiff_data::fold::fold(&doc.provisions[i].text)
                    );
                    let text = &doc.provisions[i].text;
                    assert_eq!(c.keyword_themes(side, i), crate::themes::detect(text), "{text}");
                }
                let absent = crate::link::Anchor {
                    year: doc.year,
                    id: "no-such-id".into(),
                };
                assert_eq!(c.locate(&absent), None);
            }
        }
    }

    /// Milliseconds of one call of `f` (the best of `runs`).
    fn best_ms(runs: usize, mut f: impl FnMut()) -> f64 {
        (0..runs)
            .map(|_| {
                let t = std::time::Instant::now();
                f();
                t.elapsed().as_secs_f64() * 1000.0
            })
            .fold(f64::INFINITY, f64::min)
    }

    /// A search keystroke's core work on a reader's 2 × 1 MB comparison (6,500 paragraphs a
    /// side, the later a revision of the earlier), before the caches
    /// (themes detected, rows found by `contains` and every text folded on each keystroke)
    /// and after. A measurement, not a check: run it with
    /// `cargo test --release -p draftdiff-core keystroke -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement: run it on purpose, in release mode"]
    fn keystroke_on_two_megabytes() {
        let t = std::time::Instant::now();
        let c = readers(6500);
        let bytes: usize = [&c.old, &c.new]
            .iter()
            .flat_map(|d| d.provisions.iter())
            .map(|p| p.text.len())
            .sum();
        eprintln!(
            "comparison of {:.2} MB in {} pairs made in {:?}",
            bytes as f64 / 1e6,
            c.pairs.len(),
            t.elapsed()
        );
        let texts: Vec<&str> = [&c.old, &c.new]
            .iter()
            .flat_map(|d| d.provisions.iter())
            .map(|p| p.text.as_ref())
            .collect();
        let with_map = best_ms(3, || {
            for t in &texts {
                std::hint::black_box(draftdiff_data::fold::Folded::new(t).text().to_string());
            }
        });
        let without = best_ms(3, || {
            for t in &texts {
                std::hint::black_box(draftdiff_data::fold::fold(t));
            }
        });
        eprintln!("folding every text: {with_map:.1} ms with the map to the source, {without:.1} ms without");
        let view = ViewState::default();
        let selected = selected_themes(&[]);
        let keystroke = |q: &str, cached: bool| {
            if cached {
                let shown = visible_pairs(&c, &view, selected);
                hits(&c, View::Side, q, &shown).len()
            } else {
                let shown = uncached_visible(&c, &view, selected);
                uncached_hits(&c, View::Side, q, &shown).len()
            }
        };
        let render = best_ms(1, || {
            visible_pairs(&c, &view, selected);
        });
        // A query found nowhere: the first search's cost is then the folding alone.
        let first = best_ms(1, || {
            keystroke("zz", true);
        });
        eprintln!(
            "once per comparison: themes of every provision (first render) {render:.1} ms, folded texts (first search) {first:.1} ms"
        );
        for q in ["zz", "w1", "w1a", "w1ab", "human rights", "sovereignty"] {
            let n = keystroke(q, true);
            assert_eq!(n, keystroke(q, false), "{q}");
            let before = best_ms(3, || {
                keystroke(q, false);
            });
            let after = best_ms(5, || {
                keystroke(q, true);
            });
            eprintln!("keystroke {q:?} ({n} hits): before {before:.1} ms, after {after:.1} ms");
        }
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

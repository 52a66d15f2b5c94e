//! Rendering a very long comparison in steps, so the page never freezes.
//!
//! A reader's own documents can align into thousands of pairs; rendering them all in one task
//! blocked the main thread for seconds (8,000 rows: 5–9 s). The rows are in document order, so
//! the first [`STEP`] render at once and the rest follow a step per frame, each below the
//! previous: nothing the reader is looking at moves, and the page answers between steps. The
//! bundled drafts (a few dozen pairs) render whole in the first step.
//!
//! Rows of collapsed parts wait for [`use_collapsed_later`]: they are on the page for
//! find-in-page, not on screen, so the first render leaves them to a task after the first frame.

use crate::Shared;
use draftdiff_platform::browser;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// Rows added per frame: about 30 ms of rendering on a 2-core laptop, measured on a reader's
/// 8,000-row comparison.
pub const STEP: usize = 60;

/// How many of `shared`'s pairs (by index) to render now. Starts at [`STEP`] for every new
/// comparison and grows a step per frame until all are there.
#[hook]
pub fn use_row_limit(shared: &Shared) -> usize {
    let total = shared.0.pairs.len();
    let progress = use_state(|| (shared.clone(), STEP));
    // A new comparison starts again from the first step.
    let limit = if progress.0 == *shared { progress.1 } else { STEP }.min(total);
    {
        let progress = progress.clone();
        use_effect_with((shared.clone(), limit), move |(shared, limit)| {
            let cancelled = Rc::new(Cell::new(false));
            if *limit < shared.0.pairs.len() {
                let (cancelled, shared, next) = (cancelled.clone(), shared.clone(), limit + STEP);
                browser::after_paint(move || {
                    if !cancelled.get() {
                        progress.set((shared, next));
                    }
                });
            }
            move || cancelled.set(true)
        });
    }
    limit
}

/// Whether the rows of collapsed parts may render yet: not in the widget's first render, from a
/// task after its first frame on.
///
/// Why: the bundled drafts open with three of their four parts collapsed, 18 of 32 rows that
/// show nothing (hidden until found, at no height) yet made most of the one long task of
/// start-up. Rendered a task later they move nothing on screen, and start-up is two shorter
/// tasks with the first frame between them.
#[hook]
pub fn use_collapsed_later() -> bool {
    let later = use_state(|| false);
    {
        let later = later.clone();
        use_effect_with((), move |_| {
            let cancelled = Rc::new(Cell::new(false));
            let stop = cancelled.clone();
            browser::after_frame(move || {
                if !cancelled.get() {
                    later.set(true);
                }
            });
            move || stop.set(true)
        });
    }
    *later
}

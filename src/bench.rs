//! Benchmark hooks for `tools/bench`: the word-diffed text pairs of the bundled comparison, and
//! timed loops of the core (align + diff, diff only) so the browser can compare them with jsdiff
//! on the same texts in the same page. Nothing in the widget calls these.

use crate::bundled_comparison;
use draftdiff_core::align::RowKind;
use draftdiff_core::compare::Comparison;
use draftdiff_core::corpus::bundled;
use draftdiff_core::diff::word_diff;
use std::hint::black_box;
use wasm_bindgen::prelude::*;

/// The (old, new) texts of every pair the comparison word-diffs (changed and moved rows).
fn pairs() -> Vec<(String, String)> {
    let cmp = bundled_comparison();
    cmp.pairs
        .iter()
        .filter_map(|p| match (p.row.kind, p.row.old, p.row.new) {
            (RowKind::Changed | RowKind::Moved, Some(o), Some(n)) => Some((
                cmp.old.provisions[o].text.to_string(),
                cmp.new.provisions[n].text.to_string(),
            )),
            _ => None,
        })
        .collect()
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// The word-diffed pairs as `[[old, new], …]`.
#[wasm_bindgen]
pub fn bench_pairs() -> JsValue {
    pairs()
        .into_iter()
        .map(|(o, n)| js_sys::Array::of2(&o.into(), &n.into()))
        .collect::<js_sys::Array>()
        .into()
}

/// Milliseconds taken by `iterations` runs of the whole comparison (alignment and every word
/// diff) of the bundled documents.
#[wasm_bindgen]
pub fn bench_compare(iterations: u32) -> f64 {
    let [old, new] = bundled();
    let start = now();
    for _ in 0..iterations {
        black_box(Comparison::new(black_box(old.clone()), black_box(new.clone())));
    }
    now() - start
}

/// Milliseconds taken by `iterations` runs of the word diff over every pair of
/// [`bench_pairs`] (no alignment: the work jsdiff's `diffWords` does on the same pairs).
#[wasm_bindgen]
pub fn bench_diff_pairs(iterations: u32) -> f64 {
    let pairs = pairs();
    let start = now();
    for _ in 0..iterations {
        for (o, n) in &pairs {
            black_box(word_diff(black_box(o), black_box(n)));
        }
    }
    now() - start
}

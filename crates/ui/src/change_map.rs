//! The change map: one segment per aligned pair, shaded by how much it changed, marked for new
//! and dropped provisions. It reflects the current filter, hovering names the provision, and
//! each segment is a link (keyboard- and screen-reader-usable) that jumps to the pair.
//!
//! The segments are markup from the core (`view::change_map`), parsed by the browser in one go;
//! one click listener on the strip reads which link was followed.

use crate::store::{Action, Dispatch};
use crate::Shared;
use draftdiff_core::view::change_map::{self, SEG};
use draftdiff_platform::browser;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of the change map.
#[derive(Properties, PartialEq, Clone)]
pub struct ChangeMapProps {
    pub cmp: Shared,
    /// Pairs the filter keeps, in order.
    pub visible: Rc<Vec<usize>>,
    pub dispatch: Dispatch,
}

/// The strip.
#[function_component(ChangeMap)]
pub fn change_map(p: &ChangeMapProps) -> Html {
    let segments = use_memo((p.cmp.clone(), p.visible.clone()), |(cmp, visible)| {
        Html::from_html_unchecked(change_map::segments(&cmp.0, visible).into())
    });
    // A followed link (click, or Enter on a focused one) focuses its pair in the view.
    let onclick = {
        let (d, cmp) = (p.dispatch.clone(), p.cmp.clone());
        Callback::from(move |e: MouseEvent| {
            let pair = browser::target_attribute(&e, "data-pair").and_then(|v| v.parse::<usize>().ok());
            if let Some(pair) = pair.filter(|&p| p < cmp.0.pairs.len()) {
                e.prevent_default();
                d.dispatch(Action::Focus(change_map::anchor(&cmp.0, pair)));
            }
        })
    };
    let width = (p.visible.len().max(1) * SEG).to_string();
    html! {
        <nav class="dd-map" aria-label="Change map: one link per aligned pair">
            // 28 px per pair at most; the stylesheet caps the strip at the widget's width.
            <svg viewBox={format!("0 0 {width} 20")} width={(p.visible.len().max(1) * 28).to_string()} preserveAspectRatio="none" class="dd-map-svg" {onclick}>
                { (*segments).clone() }
            </svg>
            <p class="dd-map-legend" aria-hidden="true">
                <span class="dd-key dd-map-unchanged"></span>{ "unchanged " }
                <span class="dd-key dd-map-changed"></span>{ "changed (darker: more) " }
                <span class="dd-key dd-map-added"></span>{ "new " }
                <span class="dd-key dd-map-dropped"></span>{ "dropped" }
            </p>
        </nav>
    }
}

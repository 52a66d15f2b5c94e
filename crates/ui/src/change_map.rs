//! The change map: one segment per aligned pair, shaded by how much it changed, marked for new
//! and dropped provisions. It reflects the current filter, hovering names the provision, and
//! each segment is a link (keyboard- and screen-reader-usable) that jumps to the pair.

use crate::store::{Action, Dispatch};
use crate::Shared;
use draftdiff_core::align::RowKind;
use draftdiff_core::compare::Side;
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

/// Width of one segment in SVG units.
const SEG: usize = 12;

/// The strip.
#[function_component(ChangeMap)]
pub fn change_map(p: &ChangeMapProps) -> Html {
    let cmp = &p.cmp.0;
    let segments = p.visible.iter().enumerate().map(|(i, &pair)| {
        let row = &cmp.pairs[pair].row;
        // Link to the later version where there is one: that is where readers land.
        let side = if row.new.is_some() { Side::New } else { Side::Old };
        let index = cmp.index(pair, side).unwrap_or_default();
        let doc = cmp.doc(side);
        let anchor = doc.anchor(index);
        let label = {
            let names: Vec<String> = [Side::Old, Side::New]
                .into_iter()
                .filter_map(|s| {
                    cmp.index(pair, s).map(|i| {
                        format!(
                            "{} {}",
                            cmp.doc(s).short_name(),
                            cmp.doc(s).provisions[i].display_label()
                        )
                    })
                })
                .collect();
            let what = match row.kind {
                RowKind::Unchanged => "unchanged".to_string(),
                RowKind::Changed | RowKind::Moved => {
                    format!("changed, {}% similar", (row.similarity * 100.0).round() as u32)
                }
                RowKind::Added => "new".to_string(),
                RowKind::Dropped => "dropped".to_string(),
            };
            format!("{}: {what}", names.join(" → "))
        };
        let (class, opacity) = match row.kind {
            RowKind::Unchanged => ("dd-map-unchanged", 100),
            // 25% opacity for a near-identical pair up to 100% for a full rewrite.
            RowKind::Changed | RowKind::Moved => {
                ("dd-map-changed", 25 + (75.0 * (1.0 - row.similarity)).round() as u32)
            }
            RowKind::Added => ("dd-map-added", 100),
            RowKind::Dropped => ("dd-map-dropped", 100),
        };
        let onclick = {
            let (d, a) = (p.dispatch.clone(), anchor.clone());
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                d.dispatch(Action::Focus(a.clone()));
            })
        };
        html! {
            <a href={format!("#{anchor}")} aria-label={label.clone()} {onclick} class="dd-map-link" key={pair}>
                <title>{ label }</title>
                <rect x={(i * SEG).to_string()} y="0" width={(SEG - 2).to_string()} height="20" rx="2"
                    class={class} fill-opacity={format!("{}.{:02}", opacity / 100, opacity % 100)} />
            </a>
        }
    });
    let width = (p.visible.len().max(1) * SEG).to_string();
    html! {
        <nav class="dd-map" aria-label="Change map: one link per aligned pair">
            // 28 px per pair at most; the stylesheet caps the strip at the widget's width.
            <svg viewBox={format!("0 0 {width} 20")} width={(p.visible.len().max(1) * 28).to_string()} preserveAspectRatio="none" class="dd-map-svg">
                { for segments }
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

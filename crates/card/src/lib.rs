//! The card entry: the wasm a `<draft-diff>` element loads when its options make a card (a
//! provision, a theme, a search: the core decides, `view::card`). It mounts
//! [`draftdiff_ui::CardApp`] and links nothing else of the page (header, toolbar, parts,
//! panels, dialogs), so a blog post that embeds a provision downloads about a quarter less than
//! the full widget (BENCHMARKS.md). Options that make no card return nothing, and so does an
//! update that turns a card into something else: the loader (`www/draftdiff-embed.js`) then
//! mounts the full widget in its place.
#![cfg(target_arch = "wasm32")]

use draftdiff::element::{props_for, warn, Mounted};
use draftdiff_ui::{is_card, CardApp};
use wasm_bindgen::prelude::*;

/// A mounted card.
#[wasm_bindgen]
pub struct Handle(Mounted<CardApp>);

/// Mounts a card inside `element`, or returns `undefined` when the options name no card.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Option<Handle> {
    // What the options got wrong is said once, by the widget that keeps them.
    let (props, warnings) = props_for(&element, options);
    is_card(&props).then(|| {
        warn(&warnings);
        Handle(Mounted::new(element, props))
    })
}

#[wasm_bindgen]
impl Handle {
    /// Applies new options; false (and nothing changed) when they no longer make a card.
    pub fn update(&mut self, options: JsValue) -> bool {
        let (props, warnings) = props_for(self.0.element(), options);
        let card = is_card(&props);
        if card {
            warn(&warnings);
            self.0.update(props);
        }
        card
    }

    /// Unmounts the card and frees it.
    pub fn destroy(&mut self) {
        self.0.destroy();
    }
}

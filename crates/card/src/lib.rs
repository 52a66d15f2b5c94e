//! The card entry: the wasm a `<draft-diff>` element loads when its options make a card (a
//! provision, a theme, a search: the core decides, `view::card`). It mounts
//! [`draftdiff_ui::CardApp`] and links nothing else of the page (header, toolbar, parts,
//! panels, dialogs), so a blog post that embeds a provision downloads about a quarter less than
//! the full widget (BENCHMARKS.md). Options that make no card return nothing, and so does an
//! update that turns a card into something else: the loader (`www/draftdiff-embed.js`) then
//! mounts the full widget in its place.
//!
//! It also mounts the card page (`embed.html`, the iframe of card snippets: [`frame`]), read
//! from the page's address as the full page reads it (`draftdiff::address`).
#![cfg(target_arch = "wasm32")]

use draftdiff::element::{props_for, warn, Mounted};
use draftdiff::{address, bundled_comparison, frame as heights};
use draftdiff_platform::browser;
use draftdiff_ui::{is_card, AppProps, CardApp, Host, Shared};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Mounts the card the page's address names on the page's root (`#draftdiff`, the card page's
/// static text) and returns true; false, with nothing changed, when the address names no card
/// (`show=all`, say): the loader then starts the full widget, which takes the page over itself.
#[wasm_bindgen]
pub fn frame() -> bool {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("draftdiff"))
    else {
        return false;
    };
    let props = AppProps {
        cmp: Shared(bundled_comparison()),
        host: address::host(&root),
        initial: Rc::new(address::view(&root)),
        on_navigate: None,
        settled: false,
    };
    if !is_card(&props) {
        return false;
    }
    // Instantiating the module was this task's work: the first render gets a task of its own
    // (the static text stays until then), as on the full page.
    browser::next_task(move || {
        address::apply_scheme();
        address::clear(&root);
        if let Host::Frame { instance } = &props.host {
            heights::post_height_changes(instance.clone());
        }
        // The card lives as long as the page.
        std::mem::forget(Mounted::<CardApp>::new(root, props));
    });
    true
}

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

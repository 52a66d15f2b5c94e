//! draftdiff's one entry: the cdylib Trunk builds. It starts the widget when the module loads,
//! mounts it in the page, an iframe or a Shadow DOM (the JS API behind `<draft-diff>`), posts the
//! iframe's height, and installs the panic hook. Everything else lives in the layers below:
//! `draftdiff_core` (pure), `draftdiff_platform` (browser services), `draftdiff_ui` (components).
#![cfg(target_arch = "wasm32")]

#[cfg(feature = "hooks")]
mod bench;
pub mod element;
mod frame;
pub mod panic;

use draftdiff_core::compare::Comparison;
use draftdiff_core::corpus::bundled;
use draftdiff_core::link;
use draftdiff_platform::browser;
use draftdiff_ui::{App, AppProps, Host, Shared};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

thread_local! {
    static BUNDLED: Rc<Comparison> = {
        let [old, new] = bundled();
        Rc::new(Comparison::new(old.clone(), new.clone()))
    };
}

/// The bundled comparison, computed once per page however many widgets it holds.
pub fn bundled_comparison() -> Rc<Comparison> {
    BUNDLED.with(Rc::clone)
}

/// Runs when the module loads: mounts the page or iframe widget if the page has its root.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    panic::install();
    let Some(root) = document.get_element_by_id("draftdiff") else {
        return;
    };
    panic::register(&root);
    let params =
        web_sys::UrlSearchParams::new_with_str(&web_sys::window().unwrap().location().search().unwrap_or_default())
            .ok();
    let param = |k: &str| params.as_ref().and_then(|p| p.get(k));
    // `?embed=1` turns the page into the compact iframe widget.
    let host = match param("embed").as_deref() {
        Some("1" | "true") => Host::Frame {
            instance: param("id").unwrap_or_default(),
        },
        _ => Host::Page,
    };
    if let Some(theme) = param("theme").filter(|t| t == "light" || t == "dark") {
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("data-theme", &theme);
        }
    }
    // The static text from build time stays until the app replaces it (readable at once, and
    // deep links land before the wasm starts).
    while let Some(child) = root.first_child() {
        let _ = root.remove_child(&child);
    }
    let parsed = link::parse(&browser::current_hash());
    if let Host::Frame { instance } = &host {
        frame::post_height_changes(instance.clone());
    }
    yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            cmp: Shared(bundled_comparison()),
            host,
            initial: Rc::new(parsed),
            on_navigate: None,
        },
    )
    .render();
}

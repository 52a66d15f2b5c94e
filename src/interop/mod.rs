//! The one place where Rust meets the page: starting the widget, mounting it in a page, an
//! iframe or a Shadow DOM, the exported JS API, the iframe height messages, and browser calls.

mod bench;
pub mod browser;
pub mod element;
mod frame;
pub mod keys;
pub mod panic;
pub mod storage;

use crate::compare::Comparison;
use crate::corpus::bundled;
use crate::link;
use crate::ui::{App, AppProps, Host, Shared};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// An event listener that is removed when dropped.
pub struct Listener {
    target: web_sys::EventTarget,
    kind: &'static str,
    callback: Closure<dyn FnMut(web_sys::Event)>,
    also: Option<Box<Listener>>,
}

impl Listener {
    /// Listens for `kind` events on `target`.
    pub fn new(target: &web_sys::EventTarget, kind: &'static str, f: impl FnMut(web_sys::Event) + 'static) -> Listener {
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(f);
        let _ = target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
        Listener {
            target: target.clone(),
            kind,
            callback,
            also: None,
        }
    }

    /// Two listeners that live and die together.
    pub fn pair(mut a: Listener, b: Listener) -> Listener {
        a.also = Some(Box::new(b));
        a
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
    }
}

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

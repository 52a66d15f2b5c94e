//! The JS API behind `<draft-diff>` and for hosts that build pages in code:
//! `mount(element, options)` returns a handle with `update(options)` and `destroy()`.
//! Every mounted widget is its own Yew app; all share one wasm module and one comparison.

use crate::bundled_comparison;
use draftdiff_core::embed::{EmbedOptions, Resolved};
use draftdiff_core::link::Parsed;
use draftdiff_core::view;
use draftdiff_ui::{App, AppProps, Host, Shared};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::AppHandle;

/// Reads options from JS, an object of strings, name by name; a value that is not text is
/// ignored with a warning naming it, and anything but an object gives the defaults.
fn read_options(options: JsValue) -> EmbedOptions {
    let mut read = EmbedOptions::default();
    if options.is_undefined() || options.is_null() {
        return read;
    }
    if !options.is_object() {
        web_sys::console::warn_1(&"draft-diff: options ignored (not an object); using defaults".into());
        return read;
    }
    for name in EmbedOptions::NAMES {
        let value = js_sys::Reflect::get(&options, &name.into()).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() || value.is_null() {
            continue;
        }
        match value.as_string() {
            Some(text) => {
                read.set(name, text);
            }
            None => web_sys::console::warn_1(&format!("draft-diff: option {name} is ignored: expected text").into()),
        }
    }
    read
}

/// The full page's URL as the loader reported it, if it is one a link may point at.
fn page_url(options: &EmbedOptions) -> String {
    options
        .page
        .as_deref()
        .filter(|p| p.starts_with("http://") || p.starts_with("https://") || p.starts_with("file:"))
        .unwrap_or_default()
        .to_string()
}

fn resolve(options: &EmbedOptions) -> Resolved {
    let cmp = bundled_comparison();
    let r = options.resolve(view::known_theme, |a| cmp.locate(a).is_some());
    for w in &r.warnings {
        web_sys::console::warn_1(&w.as_str().into());
    }
    r
}

/// A mounted widget.
#[wasm_bindgen]
pub struct Handle {
    app: Option<AppHandle<App>>,
    element: web_sys::Element,
}

fn props_for(element: &web_sys::Element, options: &EmbedOptions) -> AppProps {
    let r = resolve(options);
    draftdiff_platform::scheme::apply_to(element, r.color);
    let target = element.clone();
    AppProps {
        cmp: Shared(bundled_comparison()),
        host: Host::Element {
            page: page_url(options),
        },
        initial: Rc::new(Parsed {
            state: r.state,
            problems: Vec::new(),
        }),
        on_navigate: Some(yew::Callback::from(move |hash: String| {
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&hash.into());
            init.set_bubbles(true);
            init.set_composed(true);
            if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("draftdiff-navigate", &init) {
                let _ = target.dispatch_event(&ev);
            }
        })),
        settled: false,
    }
}

/// Mounts a widget inside `element` (for `<draft-diff>`, a box inside its Shadow DOM).
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Handle {
    crate::panic::install();
    crate::panic::register(&element);
    let props = props_for(&element, &read_options(options));
    let app = yew::Renderer::<App>::with_root_and_props(element.clone(), props).render();
    Handle {
        app: Some(app),
        element,
    }
}

#[wasm_bindgen]
impl Handle {
    /// Applies new options (the element's attributes changed).
    pub fn update(&mut self, options: JsValue) {
        let props = props_for(&self.element, &read_options(options));
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Unmounts the widget and frees it.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
            crate::panic::unregister(&self.element);
        }
    }
}

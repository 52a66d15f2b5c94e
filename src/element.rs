//! The JS API behind `<draft-diff>` and for hosts that build pages in code:
//! `mount(element, options)` returns a handle with `update(options)` and `destroy()`.
//! Every mounted widget is its own Yew app; all share one wasm module and one comparison.
//! [`Mounted`] does the work for any root component, so the full widget (the exports below,
//! feature `page`) and the lean card entry (`crates/card`) mount, update and free the same way.

use crate::bundled_comparison;
use draftdiff_core::embed::{EmbedOptions, Resolved};
use draftdiff_core::link::Parsed;
use draftdiff_core::view;
use draftdiff_ui::{AppProps, Host, Shared};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::{AppHandle, BaseComponent};

/// Reads options from JS, an object of strings, name by name; a value that is not text is
/// ignored with a warning naming it, and anything but an object gives the defaults.
fn read_options(options: JsValue, warnings: &mut Vec<String>) -> EmbedOptions {
    let mut read = EmbedOptions::default();
    if options.is_undefined() || options.is_null() {
        return read;
    }
    if !options.is_object() {
        warnings.push("draft-diff: options ignored (not an object); using defaults".into());
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
            None => warnings.push(format!("draft-diff: option {name} is ignored: expected text")),
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
    options.resolve(view::known_theme, |a| cmp.locate(a).is_some())
}

/// The props a widget gets from the options JS passed (an object of strings, read name by name), and the
/// warnings about options it ignored, for [`warn`] once the widget that keeps them is chosen.
pub fn props_for(element: &web_sys::Element, options: JsValue) -> (AppProps, Vec<String>) {
    let mut warnings = Vec::new();
    let options = &read_options(options, &mut warnings);
    let r = resolve(options);
    warnings.extend(r.warnings);
    draftdiff_platform::scheme::apply_to(element, r.color);
    let target = element.clone();
    let props = AppProps {
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
    };
    (props, warnings)
}

/// Tells the host's developer, in the console, what the options got wrong.
pub fn warn(warnings: &[String]) {
    for w in warnings {
        web_sys::console::warn_1(&w.as_str().into());
    }
}

/// A widget mounted in an element, with `C` as its root.
pub struct Mounted<C: BaseComponent<Properties = AppProps>> {
    app: Option<AppHandle<C>>,
    element: web_sys::Element,
}

impl<C: BaseComponent<Properties = AppProps>> Mounted<C> {
    /// Mounts a widget inside `element` (for `<draft-diff>`, a box inside its Shadow DOM).
    pub fn new(element: web_sys::Element, props: AppProps) -> Self {
        let app = yew::Renderer::<C>::with_root_and_props(element.clone(), props).render();
        Mounted {
            app: Some(app),
            element,
        }
    }

    /// The element the widget is mounted in.
    pub fn element(&self) -> &web_sys::Element {
        &self.element
    }

    /// Applies new props (the element's attributes changed).
    pub fn update(&mut self, props: AppProps) {
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Unmounts the widget and frees it.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// The full widget's JS API (the card entry has its own, for its own root).
#[cfg(feature = "page")]
mod full {
    use super::{props_for, warn, Mounted};
    use draftdiff_ui::App;
    use wasm_bindgen::prelude::*;

    /// A mounted widget.
    #[wasm_bindgen]
    pub struct Handle(Mounted<App>);

    /// Mounts a widget inside `element` (for `<draft-diff>`, a box inside its Shadow DOM).
    #[wasm_bindgen]
    pub fn mount(element: web_sys::Element, options: JsValue) -> Handle {
        let (props, warnings) = props_for(&element, options);
        warn(&warnings);
        Handle(Mounted::new(element, props))
    }

    #[wasm_bindgen]
    impl Handle {
        /// Applies new options (the element's attributes changed).
        pub fn update(&mut self, options: JsValue) {
            let (props, warnings) = props_for(self.0.element(), options);
            warn(&warnings);
            self.0.update(props);
        }

        /// Unmounts the widget and frees it.
        pub fn destroy(&mut self) {
            self.0.destroy();
        }
    }
}

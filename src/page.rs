//! The full page: at load, the widget takes over the page's (or the iframe's) static text.

use crate::{address, bundled_comparison, frame};
use draftdiff_core::corpus::Part;
use draftdiff_core::fragment;
use draftdiff_platform::{browser, place};
use draftdiff_ui::{App, AppProps, Host, Shared};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Runs when the module loads: mounts the page or iframe widget if the page has its root.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.get_element_by_id("draftdiff") else {
        return;
    };
    // Instantiating the module was this task's work: the first render gets a task of its own
    // (start-up is then two tasks, not one long one, and the static text stays until then).
    browser::next_task(move || mount_page(root));
}

/// Takes over the page's static text with the app.
fn mount_page(root: web_sys::Element) {
    let host = address::host(&root);
    address::apply_scheme();
    // The static text from build time stays until the app replaces it (readable at once, and
    // deep links land before the wasm starts). Measure where the reader is in it first, so the
    // app can put them back before its first frame: same provision at the same height, the same
    // selection and focus, the parts find-in-page opened still open.
    let place = place::capture(&root);
    address::clear(&root);
    let mut parsed = address::view(&root);
    parsed
        .state
        .open
        .extend(place.revealed().iter().filter_map(|k| Part::from_key(k)));
    // A text fragment (`#:~:text=…`, which `location` hides): the browser highlighted the phrase
    // in the static text; the app shows it again, with its part open.
    let cmp = bundled_comparison();
    let phrase = fragment::text_directives(&place::navigation_url())
        .first()
        .and_then(|p| fragment::find(&cmp, p));
    if let Some(p) = &phrase {
        parsed.state.open.insert(p.part);
    }
    if let Host::Frame { instance } = &host {
        frame::post_height_changes(instance.clone());
    }
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            cmp: Shared(cmp),
            host,
            initial: Rc::new(parsed),
            on_navigate: None,
            settled: place.settled(),
        },
    )
    .render();
    place::before_first_frame(root, move |root| {
        place::restore(root, &place);
        if let Some(p) = phrase {
            place::show_words(root, &p.anchor.to_string(), p.utf16.start, p.utf16.end);
        }
    });
}

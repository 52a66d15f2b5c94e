//! A panic must never leave a blank or frozen box. The wasm instance is unusable after one
//! (panic = abort), so the hook builds its message with plain DOM calls, in every widget this
//! module mounted, with a reload link (no script needed) and the details for a bug report.

use std::cell::RefCell;
#[cfg(feature = "hooks")]
use wasm_bindgen::prelude::*;
use web_sys::Element;

thread_local! {
    static ROOTS: RefCell<Vec<Element>> = const { RefCell::new(Vec::new()) };
}

/// Remembers a widget's mount point so a panic can explain itself there.
pub fn register(root: &Element) {
    ROOTS.with(|r| r.borrow_mut().push(root.clone()));
}

/// Forgets a destroyed widget.
pub fn unregister(root: &Element) {
    ROOTS.with(|r| r.borrow_mut().retain(|e| e != root));
}

/// Installs the hook (once per page; Yew then keeps it instead of its own).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let details = info.to_string();
        web_sys::console::error_1(&format!("draftdiff stopped: {details}").into());
        ROOTS.with(|r| {
            for root in r.borrow().iter() {
                show(root, &details);
            }
        });
    }));
}

/// The same page with a changed query, so following the link really reloads it.
fn reload_url() -> String {
    let Some(loc) = web_sys::window().map(|w| w.location()) else {
        return String::new();
    };
    let (path, search, hash) = (
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default(),
        loc.hash().unwrap_or_default(),
    );
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    if let Some(p) = &params {
        p.set("reload", &(js_sys::Date::now() as u64).to_string());
    }
    let query = params.map(|p| String::from(p.to_string())).unwrap_or_default();
    format!("{path}?{query}{hash}")
}

fn el(doc: &web_sys::Document, tag: &str, class: &str, text: &str) -> Option<Element> {
    let e = doc.create_element(tag).ok()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    e.set_text_content(Some(text));
    Some(e)
}

fn show(root: &Element, details: &str) {
    let Some(doc) = root.owner_document() else { return };
    if root.query_selector(".dd-crash").ok().flatten().is_some() {
        return;
    }
    let Some(box_) = el(&doc, "div", "dd-crash", "") else {
        return;
    };
    let _ = box_.set_attribute("role", "alert");
    let parts = [
        el(
            &doc,
            "p",
            "",
            "Something went wrong and the comparison stopped. Reloading usually fixes it.",
        ),
        el(&doc, "a", "dd-button", "Reload").inspect(|a| {
            let _ = a.set_attribute("href", &reload_url());
        }),
        el(&doc, "details", "", "").inspect(|d| {
            if let (Some(s), Some(pre)) = (
                el(&doc, "summary", "", "Details for a bug report"),
                el(&doc, "pre", "", details),
            ) {
                let _ = d.append_child(&s);
                let _ = d.append_child(&pre);
            }
        }),
    ];
    for p in parts.into_iter().flatten() {
        let _ = box_.append_child(&p);
    }
    let _ = root.insert_before(&box_, root.first_child().as_ref());
}

/// Panics on purpose, so the browser tests can prove the hook works.
#[cfg(feature = "hooks")]
#[wasm_bindgen(js_name = crashForTesting)]
pub fn crash_for_testing() {
    panic!("crash requested by crashForTesting()");
}

//! The colour scheme on the page: `data-theme` on `<html>` (which the stylesheet reads), and the
//! full page's per-reader choice kept in localStorage. One type for it everywhere:
//! [`ColorScheme`], with `None` for "follow the system".

use crate::storage;
pub use draftdiff_core::link::options::ColorScheme;
use web_sys::Element;

/// Where the full page keeps the reader's choice.
const KEY: &str = "draftdiff:theme";
/// The attribute the stylesheet reads.
const ATTRIBUTE: &str = "data-theme";

fn html() -> Option<Element> {
    web_sys::window()?.document()?.document_element()
}

/// Sets (or, for `None`, removes) the scheme on `element` (the page's `<html>`, or an embed's box).
pub fn apply_to(element: &Element, scheme: Option<ColorScheme>) {
    let _ = match scheme {
        Some(s) => element.set_attribute(ATTRIBUTE, s.key()),
        None => element.remove_attribute(ATTRIBUTE),
    };
}

/// Sets (or removes) the page's scheme.
pub fn apply(scheme: Option<ColorScheme>) {
    if let Some(html) = html() {
        apply_to(&html, scheme);
    }
}

/// The scheme the full page opens with: one the URL asked for (`?scheme=`, already applied at
/// start-up) wins; otherwise the reader's stored choice, which is applied here.
pub fn initial() -> Option<ColorScheme> {
    if let Some(s) = html().and_then(|h| h.get_attribute(ATTRIBUTE)) {
        return ColorScheme::from_key(&s);
    }
    let stored = storage::load(KEY).and_then(|s| ColorScheme::from_key(&s));
    apply(stored);
    stored
}

/// Applies the reader's choice and keeps it for their next visit.
pub fn choose(scheme: Option<ColorScheme>) {
    apply(scheme);
    match scheme {
        Some(s) => {
            let _ = storage::save(KEY, s.key());
        }
        None => storage::forget(&[KEY]),
    }
}

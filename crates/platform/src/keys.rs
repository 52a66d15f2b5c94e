//! Keyboard shortcuts and the reader's colour-theme preference: the browser side of both.
//!
//! Shortcuts act on the widget only. The full page listens on its document (the page *is* the
//! widget); an iframe embed also listens on its own document, which only receives keys while
//! focus is inside the frame; a `<draft-diff>` element listens on its own root inside the
//! Shadow DOM, so it hears keys only while focus is inside it and never takes a blog's keys.

use crate::Listener;
use draftdiff_core::view::Host;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, ScrollLogicalPosition};

/// What a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// `j`: the next provision in reading order.
    Next,
    /// `k`: the previous provision.
    Previous,
    /// `/`: the search field.
    Search,
    /// `?`: show or hide the list of shortcuts.
    Help,
    /// `Escape`: close the list of shortcuts (never swallowed: dialogs may close too).
    Escape,
}

/// Whether keys typed at `el` are text (a field, an editable region) rather than commands.
fn typing_in(el: &Element) -> bool {
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "input" | "textarea" | "select")
        || el.dyn_ref::<HtmlElement>().is_some_and(|h| h.is_content_editable())
}

/// Reads a key press as a shortcut, or `None` (modifier keys, typing, anything else).
fn shortcut_of(ev: &web_sys::KeyboardEvent) -> Option<Shortcut> {
    if ev.default_prevented() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.is_composing() {
        return None;
    }
    // The real target, also from inside a Shadow DOM.
    let target = ev
        .composed_path()
        .get(0)
        .dyn_into::<Element>()
        .ok()
        .or_else(|| ev.target().and_then(|t| t.dyn_into::<Element>().ok()));
    if target.as_ref().is_some_and(typing_in) {
        return None;
    }
    match ev.key().as_str() {
        "j" => Some(Shortcut::Next),
        "k" => Some(Shortcut::Previous),
        "/" => Some(Shortcut::Search),
        "?" => Some(Shortcut::Help),
        "Escape" => Some(Shortcut::Escape),
        _ => None,
    }
}

/// Calls `f` for every shortcut pressed while the widget has the keyboard (see the module
/// notes for what that means per host). `None` until the widget is mounted.
pub fn on_shortcut(root: Option<Element>, host: &Host, f: impl Fn(Shortcut) + 'static) -> Option<Listener> {
    let target: web_sys::EventTarget = match host {
        Host::Page | Host::Frame { .. } => web_sys::window()?.document()?.into(),
        Host::Element { .. } => root?.into(),
    };
    // Not passive: a shortcut's key must not also type into the page (`/` into the search box).
    let options = gloo_events::EventListenerOptions::enable_prevent_default();
    Some(Listener::new_with_options(
        &target,
        "keydown",
        options,
        move |e: &web_sys::Event| {
            let Some(ev) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if let Some(s) = shortcut_of(ev) {
                if s != Shortcut::Escape {
                    ev.prevent_default();
                }
                f(s);
            }
        },
    ))
}

/// The focused element, seen from inside `root`'s document or shadow root.
fn active_in(root: &Element) -> Option<Element> {
    let holder = root.get_root_node();
    let active = js_sys::Reflect::get(&holder, &"activeElement".into()).ok()?;
    active.dyn_into::<Element>().ok().filter(|a| root.contains(Some(a)))
}

/// Moves keyboard focus to the next (or previous) provision in reading order and scrolls it
/// into view; instantly when the reader asked for less motion.
pub fn step_provision(root: Option<Element>, forward: bool) {
    let Some(root) = root else { return };
    let Ok(list) = root.query_selector_all(".dd-prov[id]") else {
        return;
    };
    // Provisions of collapsed parts are on the page but hidden until found: not stepped to.
    let items: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|el| el.closest("[hidden]").ok().flatten().is_none())
        .collect();
    if items.is_empty() {
        return;
    }
    let active = active_in(&root);
    let current = active
        .as_ref()
        .and_then(|a| a.closest(".dd-prov[id]").ok().flatten())
        .and_then(|c| items.iter().position(|i| **i == c));
    let target = match (current, active) {
        (Some(i), _) if forward => items.get(i + 1),
        (Some(i), _) => i.checked_sub(1).and_then(|i| items.get(i)),
        // Focus elsewhere in the widget (a toolbar button, a heading): the nearest provision after or before it.
        (None, Some(a)) => {
            let follows =
                |el: &HtmlElement| a.compare_document_position(el) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING != 0;
            if forward {
                items.iter().find(|el| follows(el))
            } else {
                items.iter().rev().find(|el| !follows(el))
            }
        }
        // Nothing focused: start from what is on screen.
        (None, None) => {
            let top = |el: &HtmlElement| el.get_bounding_client_rect().top();
            if forward {
                items.iter().find(|el| top(el) >= 0.0).or(items.last())
            } else {
                items.iter().rev().find(|el| top(el) < 0.0).or(items.first())
            }
        }
    };
    let Some(el) = target else { return };
    let fo = web_sys::FocusOptions::new();
    fo.set_prevent_scroll(true);
    let _ = el.focus_with_options(&fo);
    super::browser::scroll_into_view(el, ScrollLogicalPosition::Start);
}

/// Focuses the first element matching `selector` inside the widget; true if there was one.
pub fn focus_in(root: Option<Element>, selector: &str) -> bool {
    let Some(el) = root
        .and_then(|r| r.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        return false;
    };
    el.focus().is_ok()
}

/// Whether keyboard focus is inside the element matching `selector` within the widget.
pub fn focus_within(root: Option<Element>, selector: &str) -> bool {
    root.and_then(|r| active_in(&r))
        .and_then(|a| a.closest(selector).ok().flatten())
        .is_some()
}

/// Selects the text of the search field after focusing it, so typing replaces the query. A
/// field behind a closed disclosure (a card's Options) opens it first: hidden, it takes no focus.
pub fn focus_search(root: Option<Element>) {
    let input = root
        .and_then(|r| r.query_selector("#dd-search-input").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        if let Ok(Some(details)) = input.closest("details:not([open])") {
            let _ = details.set_attribute("open", "");
        }
        let _ = input.focus();
        input.select();
    }
}

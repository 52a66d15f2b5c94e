//! The reader's place on the page, kept across the moment the app replaces the static text.
//!
//! The build writes the whole comparison into the page, so readers (and the browser's own
//! fragment and text-fragment scrolling) are somewhere in it before the wasm starts. When the
//! app mounts, those nodes are replaced: [`capture`] measures what the reader has (the
//! provision under the viewport's top and its offset, focus, a text selection, the parts the
//! browser revealed for find-in-page) before the swap, and [`restore`] puts the same provision
//! at the same offset, the selection and focus back, before the next frame is painted, so the
//! reader sees no movement. Both sides mark a provision the same way (`.dd-prov[id] .dd-text`
//! holding exactly the provision's text), which is what makes the mapping exact.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// A point in a provision's text: its anchor and a UTF-16 offset in its `.dd-text`.
#[derive(Clone, Debug)]
struct Point {
    id: String,
    offset: u32,
}

/// What the reader had before the app mounted.
#[derive(Clone, Debug, Default)]
pub struct Place {
    /// The provision whose text is under the viewport's top, and its text's top (px from it).
    anchor: Option<(String, f64)>,
    /// The focused element: an id, or a link's `href`.
    focus: Option<(String, String)>,
    /// A selection inside provision texts.
    selection: Option<(Point, Point)>,
    /// Keys of the collapsed parts the browser opened (find-in-page, a fragment).
    revealed: Vec<String>,
}

impl Place {
    /// Whether the page had been scrolled (by the reader or the browser): the first landing
    /// of the app must then leave the scroll position alone.
    pub fn settled(&self) -> bool {
        self.anchor.is_some()
    }

    /// The collapsed parts the browser revealed before the app started (their keys).
    pub fn revealed(&self) -> &[String] {
        &self.revealed
    }
}

/// The provision texts inside `root`, in page order, with their provision's anchor.
fn texts(root: &Element) -> Vec<(String, Element)> {
    let Ok(list) = root.query_selector_all(".dd-prov[id] .dd-text") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .filter_map(|t| Some((t.closest(".dd-prov[id]").ok()??.id(), t)))
        .collect()
}

fn text_of(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("[id=\"{id}\"] .dd-text")).ok().flatten()
}

/// Measures the reader's place inside `root` (call before its children are replaced).
pub fn capture(root: &Element) -> Place {
    let scrolled = window().scroll_y().unwrap_or(0.0) > 0.0;
    let anchor = scrolled
        .then(|| {
            texts(root).into_iter().find_map(|(id, t)| {
                let r = t.get_bounding_client_rect();
                (r.height() > 0.0 && r.bottom() > 0.0).then(|| (id, r.top()))
            })
        })
        .flatten();
    let doc = window().document();
    let focus = doc
        .as_ref()
        .and_then(|d| d.active_element())
        .filter(|a| root.contains(Some(a)))
        .and_then(|a| {
            if !a.id().is_empty() {
                Some(("id".to_string(), a.id()))
            } else {
                a.get_attribute("href").map(|h| ("href".to_string(), h))
            }
        });
    let selection = window().get_selection().ok().flatten().and_then(|sel| {
        if sel.range_count() == 0 || sel.is_collapsed() {
            return None;
        }
        let range = sel.get_range_at(0).ok()?;
        Some((
            point(root, &range.start_container().ok()?, range.start_offset().ok()?)?,
            point(root, &range.end_container().ok()?, range.end_offset().ok()?)?,
        ))
    });
    let revealed = root
        .query_selector_all("[data-until-found][data-part]:not([hidden])")
        .map(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()?.get_attribute("data-part"))
                .collect()
        })
        .unwrap_or_default();
    Place {
        anchor,
        focus,
        selection,
        revealed,
    }
}

/// Where (`node`, `offset`) is in its provision's text, if it is in one.
fn point(root: &Element, node: &Node, offset: u32) -> Option<Point> {
    let el = match node.dyn_ref::<Element>() {
        Some(e) => e.clone(),
        None => node.parent_element()?,
    };
    let text = el.closest(".dd-text").ok()??;
    if !root.contains(Some(&text)) {
        return None;
    }
    let id = text.closest(".dd-prov[id]").ok()??.id();
    let range = window().document()?.create_range().ok()?;
    range.select_node_contents(&text).ok()?;
    range.set_end(node, offset).ok()?;
    let len = range.to_string().length();
    Some(Point { id, offset: len })
}

/// The text node and offset `offset` UTF-16 units into `el`'s text.
fn locate(el: &Node, offset: u32) -> Option<(Node, u32)> {
    let mut left = offset;
    let mut last: Option<Node> = None;
    fn walk(n: &Node, left: &mut u32, last: &mut Option<Node>) -> Option<(Node, u32)> {
        if n.node_type() == Node::TEXT_NODE {
            let len = js_sys::JsString::from(n.text_content().unwrap_or_default()).length();
            if *left <= len {
                return Some((n.clone(), *left));
            }
            *left -= len;
            *last = Some(n.clone());
            return None;
        }
        let kids = n.child_nodes();
        (0..kids.length()).find_map(|i| walk(&kids.item(i)?, left, last))
    }
    walk(el, &mut left, &mut last).or_else(|| {
        let l = last?;
        let len = js_sys::JsString::from(l.text_content().unwrap_or_default()).length();
        Some((l, len))
    })
}

/// A DOM range over UTF-16 offsets `from..to` of the text of provision `id` inside `root`.
fn range_in(root: &Element, id: &str, from: u32, to: u32) -> Option<web_sys::Range> {
    let text = text_of(root, id)?;
    let (a, ao) = locate(&text, from)?;
    let (b, bo) = locate(&text, to)?;
    let range = window().document()?.create_range().ok()?;
    range.set_start(&a, ao).ok()?;
    range.set_end(&b, bo).ok()?;
    Some(range)
}

fn scroll_by(dy: f64) {
    if dy.abs() < 0.5 {
        return;
    }
    let opts = web_sys::ScrollToOptions::new();
    opts.set_top(window().scroll_y().unwrap_or(0.0) + dy);
    opts.set_behavior(web_sys::ScrollBehavior::Instant);
    window().scroll_to_with_scroll_to_options(&opts);
}

/// Puts the reader back where [`capture`] found them, now that `root` holds the app.
pub fn restore(root: &Element, place: &Place) {
    if let Some((id, top)) = &place.anchor {
        if let Some(t) = text_of(root, id) {
            scroll_by(t.get_bounding_client_rect().top() - top);
        }
    }
    if let Some((a, b)) = &place.selection {
        if let (Some(start), Some(end)) = (
            range_in(root, &a.id, a.offset, a.offset),
            range_in(root, &b.id, b.offset, b.offset),
        ) {
            if let (Ok(sn), Ok(so), Ok(en), Ok(eo)) = (
                start.start_container(),
                start.start_offset(),
                end.start_container(),
                end.start_offset(),
            ) {
                if let Some(sel) = window().get_selection().ok().flatten() {
                    let _ = sel.set_base_and_extent(&sn, so, &en, eo);
                }
            }
        }
    }
    if let Some((kind, value)) = &place.focus {
        let target = match kind.as_str() {
            "id" => root.query_selector(&format!("[id=\"{value}\"]")),
            _ => root.query_selector(&format!("a[href=\"{}\"]", value.replace('"', "\\\""))),
        };
        if let Some(el) = target
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let fo = web_sys::FocusOptions::new();
            fo.set_prevent_scroll(true);
            let _ = el.focus_with_options(&fo);
        }
    }
}

/// Runs `f` just before the first frame in which `root` holds the mounted app (`.dd-app`): after
/// the app's DOM is in place, before the reader sees it.
pub fn before_first_frame(root: Element, f: impl FnOnce(&Element) + 'static) {
    fn again(root: Element, f: Box<dyn FnOnce(&Element)>, tries: u32) {
        let cb = Closure::once_into_js(move || {
            let mounted = root.query_selector(".dd-app").ok().flatten().is_some();
            if mounted || tries == 0 {
                f(&root);
            } else {
                again(root, f, tries - 1);
            }
        });
        let _ = window().request_animation_frame(cb.unchecked_ref());
    }
    again(root, Box::new(f), 120);
}

/// The URL this document was navigated to, with its fragment directive (`:~:text=…`), which
/// `location` hides from scripts; empty if the browser does not say.
pub fn navigation_url() -> String {
    let perf = js_sys::Reflect::get(&window(), &"performance".into()).ok();
    let entries = perf
        .as_ref()
        .and_then(|p| js_sys::Reflect::get(p, &"getEntriesByType".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| {
            f.call1(perf.as_ref().unwrap_or(&JsValue::NULL), &"navigation".into())
                .ok()
        })
        .and_then(|l| l.dyn_into::<js_sys::Array>().ok());
    entries
        .and_then(|l| js_sys::Reflect::get(&l.get(0), &"name".into()).ok())
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// Scrolls UTF-16 range `from..to` of provision `id`'s text into view if it is not already
/// in the viewport, and selects it (the browser's own text-fragment highlight was on nodes the
/// app replaced). Leaves a reader's own selection alone.
pub fn show_words(root: &Element, id: &str, from: u32, to: u32) {
    let Some(range) = range_in(root, id, from, to) else {
        return;
    };
    let r = range.get_bounding_client_rect();
    let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    if r.bottom() <= 0.0 || r.top() >= height {
        scroll_by(r.top() - height / 3.0);
    }
    if let Some(sel) = window().get_selection().ok().flatten() {
        if sel.is_collapsed() {
            let _ = sel.remove_all_ranges();
            let _ = sel.add_range(&range);
        }
    }
}

/// Calls `f` with the part key (`data-part`) of a hidden-until-found part the browser is about
/// to reveal because find-in-page, a fragment or a text fragment reached words inside it
/// (`beforematch` bubbles, so one listener on the widget's root serves every part).
pub fn on_before_match(root: Option<Element>, f: impl Fn(String) + 'static) -> Option<crate::Listener> {
    let root = root?;
    Some(crate::Listener::new(&root, "beforematch", move |e: &web_sys::Event| {
        let part = e
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|el| el.closest("[data-part]").ok().flatten())
            .and_then(|el| el.get_attribute("data-part"));
        if let Some(key) = part {
            f(key);
        }
    }))
}

/// Gives the provision with this anchor keyboard focus without scrolling (the first landing on
/// a page whose reader is already in place).
pub fn focus_provision(root: Option<Element>, anchor: &str) {
    let target = root
        .and_then(|r| r.query_selector(&format!("[id=\"{anchor}\"]")).ok().flatten())
        .map(|e| e.closest(".dd-prov").ok().flatten().unwrap_or(e));
    if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let fo = web_sys::FocusOptions::new();
        fo.set_prevent_scroll(true);
        let _ = el.focus_with_options(&fo);
    }
}

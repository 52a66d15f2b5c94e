//! Every browser call the UI makes: history, hash changes, clipboard, focus and scrolling,
//! the text selection. Kept here so components stay plain render-and-dispatch code.

use crate::Listener;
use draftdiff_core::link::{self, ViewState};
use draftdiff_core::view::Host;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// The current `#hash` without its `#`, and without the reader's comparison a link may
/// carry (`cmp=…`, read once at start-up by `share`): what is left is the view.
pub fn current_hash() -> String {
    let raw = window().location().hash().unwrap_or_default();
    link::shared::split(&raw).0
}

/// `hash` with the reader's comparison this page carries, if any (`share::link_segment`).
fn with_comparison(hash: &str) -> String {
    match crate::share::link_segment() {
        Some(segment) => link::shared::join(hash, &segment),
        None => hash.to_string(),
    }
}

thread_local! {
    /// The hash the widget last read or wrote. popstate and hashchange both fire for one
    /// traversal (act once), and our own pushState/replaceState fire neither: so `set_hash`
    /// records what it wrote, or going back to the hash the page opened with would be ignored.
    static SEEN: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Calls `f` with the new hash on back/forward and on edited or followed `#links`.
pub fn on_hash_change(f: impl Fn(String) + 'static) -> [Listener; 2] {
    let f = std::rc::Rc::new(f);
    SEEN.with(|s| *s.borrow_mut() = current_hash());
    let handler = move |_: &web_sys::Event| {
        // A link to another reader's comparison, pasted into this page's address bar or reached
        // by Back: the page opens it as it opens any link, from the start.
        if crate::share::other_comparison() {
            let _ = window().location().reload();
            return;
        }
        let hash = current_hash();
        let new = SEEN.with(|s| std::mem::replace(&mut *s.borrow_mut(), hash.clone()) != hash);
        if new {
            f(hash);
        }
    };
    let target: web_sys::EventTarget = window().into();
    let h2 = handler.clone();
    [
        Listener::new(&target, "hashchange", handler),
        Listener::new(&target, "popstate", h2),
    ]
}

fn set_hash(view: &str, push: bool) {
    let hash = &with_comparison(view);
    let loc = window().location();
    let base = loc.href().unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default();
    let url = if hash.is_empty() {
        base.to_string()
    } else {
        format!("{base}#{hash}")
    };
    if loc.hash().unwrap_or_default().trim_start_matches('#') != hash {
        if let Ok(history) = window().history() {
            let _ = if push {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            };
        }
    }
    SEEN.with(|s| *s.borrow_mut() = current_hash());
}

/// Records the view in a new history entry (the reader went somewhere).
pub fn push_hash(hash: &str) {
    set_hash(hash, true);
}

/// Updates the URL without adding history (filters and views).
pub fn replace_hash(hash: &str) {
    set_hash(hash, false);
}

/// Whether the reader asked for less motion.
pub fn reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Scrolls `el` into view at `block`, smoothly unless the reader asked for less motion.
pub fn scroll_into_view(el: &Element, block: ScrollLogicalPosition) {
    let opts = ScrollIntoViewOptions::new();
    opts.set_block(block);
    opts.set_behavior(if reduced_motion() {
        ScrollBehavior::Instant
    } else {
        ScrollBehavior::Smooth
    });
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

/// Scrolls the provision with this anchor into view and gives it keyboard focus.
pub fn land_on(root: Option<Element>, anchor: &str, passage: bool) {
    let Some(root) = root else { return };
    let find = |within: &Element, selector: &str| within.query_selector(selector).ok().flatten();
    // The provision; in a merged redline the anchor is an empty alias inside the merged text,
    // which is what the reader should land on; in a one-draft view that leaves the linked
    // side out, its counterpart in the linked row (or the row itself).
    let provision = find(&root, &format!("[id=\"{anchor}\"]"))
        .map(|e| e.closest(".dd-prov").ok().flatten().unwrap_or(e))
        .or_else(|| find(&root, ".dd-focused .dd-prov[id]"))
        .or_else(|| find(&root, ".dd-focused"));
    let Some(provision) = provision else { return };
    let target = passage
        .then(|| find(&provision, ".dd-passage"))
        .flatten()
        .unwrap_or_else(|| provision.clone());
    scroll_into_view(&target, ScrollLogicalPosition::Center);
    if let Ok(el) = provision.dyn_into::<web_sys::HtmlElement>() {
        let fo = web_sys::FocusOptions::new();
        fo.set_prevent_scroll(true);
        let _ = el.focus_with_options(&fo);
    }
}

/// Scrolls the widget's own document back to its top, at once: a focused card in an iframe
/// replaces a longer pre-rendered page the browser had scrolled to the linked provision, and a
/// fixed-height frame would otherwise stay clamped at the card's bottom. Only for documents the
/// widget owns (never a host page around a `<draft-diff>` element).
pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// The URL that opens the full comparison at `hash` (with the reader's comparison, when the
/// page carries one).
pub fn share_url(host: &Host, hash: &str) -> String {
    let hash = &with_comparison(hash);
    let page = match host {
        Host::Page | Host::Frame { .. } => {
            let href = window().location().href().unwrap_or_default();
            let frame = matches!(host, Host::Frame { .. });
            // The iframe is this page with `?embed=1…`, or the card page: readers get the full page.
            let cut: &[char] = if frame { &['#', '?'] } else { &['#'] };
            let page = href.split(cut).next().unwrap_or_default();
            // The card page (`embed.html`) is for iframes only: the full page sits beside it.
            match page.strip_suffix(draftdiff_core::embed::CARD_PAGE) {
                Some(folder) if frame => format!("{folder}index.html"),
                _ => page.to_string(),
            }
        }
        Host::Element { page } => page.clone(),
    };
    if hash.is_empty() {
        page
    } else {
        format!("{page}#{hash}")
    }
}

/// The site root whose provision pages (`p/<anchor>/`) this widget can link to, if any.
///
/// The page's `rel=canonical` says where it is published (relative to the page, or the
/// absolute `DRAFTDIFF_PUBLIC_URL`); the single file drops a relative one, having no address
/// and no `p/` folders next to it, and there the answer is `None`. So is a page read from
/// `file://`: a local path is no link to share, and a `p/<anchor>/` folder opens there as a
/// directory listing, not a page. An element's site is the comparison page its loader named.
fn pages_root(host: &Host) -> Option<String> {
    let page = match host {
        Host::Element { page } => page.clone(),
        Host::Page | Host::Frame { .. } => window()
            .document()?
            .query_selector(r#"link[rel="canonical"]"#)
            .ok()??
            .dyn_into::<web_sys::HtmlLinkElement>()
            .ok()?
            // `href` as the browser resolved it against the page.
            .href(),
    };
    (page.starts_with("https://") || page.starts_with("http://")).then(|| link::site_root(&page))
}

/// The link to `state`'s provision: its own page (`…/p/2015-7/`, which unfurls with that
/// provision's preview and forwards the rest of the view in its hash) where the site has those
/// pages, else the comparison page at that view (`draftdiff.html#2015-7`). A passage also
/// travels as the browser's text directive (`:~:text=…`), so a browser without the app still
/// highlights the words. Links and citations both use this one URL.
pub fn provision_url(host: &Host, state: &ViewState) -> String {
    // A reader's comparison has no pages of its own: its links are the page's, carrying it.
    let pages = if crate::share::shareable() {
        None
    } else {
        pages_root(host)
    };
    pages
        .and_then(|root| link::page_link(&root, state))
        .unwrap_or_else(|| share_url(host, &link::hash_with_directive(state)))
}

/// The folder the widget is served from, ending in `/` (embed snippets point there).
pub fn widget_base() -> String {
    let href = window().location().href().unwrap_or_default();
    let page = href.split(['#', '?']).next().unwrap_or_default();
    match page.rfind('/') {
        Some(i) => page[..=i].to_string(),
        None => page.to_string(),
    }
}

/// Copies text to the clipboard, then reports whether it worked (false: offer a fallback).
pub fn copy(text: &str, done: impl FnOnce(bool) + 'static) {
    let clipboard = window().navigator().clipboard();
    // `navigator.clipboard` is undefined on insecure origins (file://, plain http hosts).
    if JsValue::from(clipboard.clone()).is_undefined() {
        done(false);
        return;
    }
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// The selected text, if the whole selection lies inside the text (`.dd-text`) of this
/// provision element (its text is parsed markup, so the provision is what the view holds).
pub fn selection_in_text(provision: Option<Element>) -> Option<String> {
    let el = web_sys::Node::from(provision?.query_selector(".dd-text").ok()??);
    let root = el.get_root_node();
    // Inside a shadow root the document's selection is retargeted; ask the root when it can say.
    let sel = js_sys::Reflect::get(&root, &"getSelection".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call0(&root).ok())
        .and_then(|s| s.dyn_into::<web_sys::Selection>().ok())
        .or_else(|| window().get_selection().ok().flatten())?;
    let inside = |n: Option<web_sys::Node>| n.is_some_and(|n| el.contains(Some(&n)));
    (sel.range_count() > 0 && inside(sel.anchor_node()) && inside(sel.focus_node()))
        .then(|| String::from(sel.to_string()))
}

/// Runs `f` in a task of its own after the current one, so that long start-up work is two
/// tasks the browser can paint and answer input between, not one.
pub fn next_task(f: impl FnOnce() + 'static) {
    gloo_timers::callback::Timeout::new(0, f).forget();
}

/// Runs `f` at the next frame, before the browser lays it out (`requestAnimationFrame`): the DOM
/// of this render is in place, and what `f` changes is in that frame.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let cb = Closure::once_into_js(f);
    let _ = window().request_animation_frame(cb.unchecked_ref());
}

/// Runs `f` in a task of its own once the next frame is painted: work that must not delay that
/// frame nor share a task with what came before it.
pub fn after_frame(f: impl FnOnce() + 'static) {
    after_paint(move || next_task(f));
}

/// The search hits rendered inside the widget that contains `node`, one group of `<mark>`s per
/// hit: a hit that crosses an insertion or deletion is several marks with nothing between them.
/// Hits in collapsed (hidden-until-found) parts are on the page too, in page order, so group
/// `n` is the core's hit `n` (`draftdiff_core::view::find`).
fn hits_near(node: Option<Element>) -> Vec<Vec<Element>> {
    let Some(app) = node.and_then(|e| e.closest(".dd-app").ok().flatten()) else {
        return Vec::new();
    };
    let Ok(list) = app.query_selector_all("mark.dd-hit") else {
        return Vec::new();
    };
    let range = window().document().and_then(|d| d.create_range().ok());
    let mut groups: Vec<Vec<Element>> = Vec::new();
    for mark in (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()) {
        let text = mark.closest(".dd-text").ok().flatten();
        let joins = groups.last().and_then(|g| g.last()).is_some_and(|prev| {
            let same = prev.closest(".dd-text").ok().flatten() == text;
            same && range.as_ref().is_some_and(|r| {
                r.set_start_after(prev).is_ok()
                    && r.set_end_before(&mark).is_ok()
                    && String::from(r.to_string()).is_empty()
            })
        });
        match groups.last_mut() {
            Some(g) if joins => g.push(mark),
            _ => groups.push(vec![mark]),
        }
    }
    groups
}

/// How many search hits the widget has on the page (open parts and collapsed ones).
pub fn count_hits(node: Option<Element>) -> usize {
    hits_near(node).len()
}

/// Marks the `index`-th search hit as current and scrolls it into view.
pub fn show_hit(node: Option<Element>, index: usize) {
    for (i, group) in hits_near(node).iter().enumerate() {
        for hit in group {
            let _ = hit.class_list().toggle_with_force("dd-hit-current", i == index);
        }
        if i == index {
            scroll_into_view(&group[0], ScrollLogicalPosition::Center);
        }
    }
}

/// The current value of the text field or text area an event came from (empty for anything else).
pub fn field_value(event: &web_sys::Event) -> String {
    let target = event.target();
    if let Some(input) = target.as_ref().and_then(|t| t.dyn_ref::<web_sys::HtmlInputElement>()) {
        input.value()
    } else if let Some(area) = target
        .as_ref()
        .and_then(|t| t.dyn_ref::<web_sys::HtmlTextAreaElement>())
    {
        area.value()
    } else {
        String::new()
    }
}

/// Whether the `<details>` a `toggle` event came from is now open.
pub fn is_open(event: &web_sys::Event) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| el.has_attribute("open"))
}

/// The `attr` attribute of the nearest element, from an event's target outwards, that has one:
/// how a listener set once on a container (the change map's strip) learns which of the links
/// parsed into it was clicked.
pub fn target_attribute(event: &web_sys::Event, attr: &str) -> Option<String> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    target.closest(&format!("[{attr}]")).ok()??.get_attribute(attr)
}

/// The file input an event came from, if it came from one.
pub fn file_input(event: &web_sys::Event) -> Option<web_sys::HtmlInputElement> {
    event.target()?.dyn_into().ok()
}

/// Moves keyboard focus to `element`.
pub fn focus(element: Option<Element>) {
    if let Some(el) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Watches whether the box the widget `root` is mounted in is narrower than `rem` root ems,
/// calling `f` with the answer at once and whenever it changes. An element embed sits in its
/// host's column, so its layout must follow its own width, not the window's (media queries see
/// the window). The mount box, not the root: the root is replaced when the widget switches
/// between card and full view. Dropping the guard stops it.
pub fn on_narrow(root: Option<Element>, rem: u32, f: impl Fn(bool) + 'static) -> Option<WidthWatch> {
    let root = root?;
    let el = root.parent_element().unwrap_or(root);
    let root_px = window()
        .document()
        .and_then(|d| d.document_element())
        .and_then(|r| window().get_computed_style(&r).ok().flatten())
        .and_then(|s| s.get_property_value("font-size").ok())
        // Whole pixels are enough here, and integer parsing keeps float parsing out of the wasm.
        .and_then(|v| v.split(['.', 'p']).next().and_then(|n| n.parse::<u32>().ok()))
        .unwrap_or(16);
    let limit = f64::from(rem * root_px);
    let last = std::cell::Cell::new(None::<bool>);
    let closure = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let Some(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>().ok() else {
            return;
        };
        let narrow = entry.content_rect().width() < limit;
        if last.replace(Some(narrow)) != Some(narrow) {
            f(narrow);
        }
    });
    let observer = web_sys::ResizeObserver::new(closure.as_ref().unchecked_ref()).ok()?;
    observer.observe(&el);
    Some(WidthWatch {
        observer,
        _closure: closure,
    })
}

/// Keeps an [`on_narrow`] watch alive; dropping it disconnects the observer.
pub struct WidthWatch {
    observer: web_sys::ResizeObserver,
    _closure: Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for WidthWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

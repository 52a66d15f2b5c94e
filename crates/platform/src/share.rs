//! A reader's own comparison, kept and shared: in the link (`#…&cmp=1.…`) when it is small
//! enough, or in a saved single file (`draftdiff.html` with the documents inside).
//!
//! The grammar, the payload and the limit are the core's (`draftdiff_core::link::shared`);
//! this module adds what only the browser has: its own DEFLATE (`CompressionStream` /
//! `DecompressionStream` with `"deflate-raw"`, so the viewer's wasm carries no compressor), the
//! one comparison this page currently carries (which `browser`'s links and hash writes add as
//! their last segment), and making and downloading the saved file.
//!
//! The saved file is the single file `draftdiff.html` with one more element, an inert
//! `<script type="application/json" id="draftdiff-comparison">` holding the same value as a
//! link (base64url: nothing in it can close the element). Where the running page is itself a
//! single file (it carries the compare worker's source, `#draftdiff-worker`), its own document
//! is the source: a page read from `file://` may fetch nothing. Elsewhere the page fetches
//! `draftdiff.html` from beside its glue, as the build writes it. Either way the copy's
//! widget root is emptied (its static text is the bundled drafts', not the reader's) and its
//! forced colour scheme dropped.

use crate::browser;
use draftdiff_core::link::shared::{self, Input};
use js_sys::{Array, Reflect, Uint8Array};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    // Not in web-sys's stable API yet; the constructors are all we call.
    type CompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
}

/// The comparison this page carries (shared pieces: it is read on every render of a link).
#[derive(Clone)]
struct Kept {
    /// The compressed payload (what a link's or a file's value encodes); `None` where this
    /// browser could not compress it.
    compressed: Option<Rc<[u8]>>,
    /// The link's segment, or why the link cannot carry it (for readers).
    link: Result<Rc<str>, Rc<str>>,
    /// It came from this saved file: links to the file itself need no segment.
    in_file: bool,
}

thread_local! {
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
    /// The comparison the page came with was taken (by the panel that compares it): later
    /// panels open with the reader's own texts.
    static TAKEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// What the page carries now (one accessor: each closure over a thread-local costs the wasm a copy).
fn current() -> Option<Kept> {
    KEPT.with(|k| k.borrow().clone())
}

fn set(kept: Option<Kept>) {
    KEPT.with(|k| *k.borrow_mut() = kept);
}

fn carry(compressed: Result<Vec<u8>, String>, in_file: bool) {
    let link = match &compressed {
        Ok(c) => shared::segment(c).map_err(|e| format!("{e}.")),
        Err(why) => Err(format!("This browser cannot put your texts in a link ({why}).")),
    };
    set(Some(Kept {
        compressed: compressed.ok().map(Rc::from),
        link: link.map(Rc::from).map_err(Rc::from),
        in_file,
    }));
}

/// The `cmp=…` segment the page's links and its address carry, if it carries a comparison that fits.
pub fn link_segment() -> Option<Rc<str>> {
    current()?.link.ok()
}

/// Whether links to the comparison on show open it elsewhere: it travels in them, or they
/// point into the saved file that holds it.
pub fn shareable() -> bool {
    current().is_some_and(|k| k.link.is_ok() || k.in_file)
}

/// Why the link cannot carry the comparison on show (over the limit, or this browser cannot
/// compress), if it cannot; `None` also when there is none.
pub fn link_problem() -> Option<Rc<str>> {
    current()?.link.err()
}

/// Whether the address now names a comparison (`cmp=…`) other than the one this page carries.
pub fn other_comparison() -> bool {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    match shared::split(&hash).1 {
        Some(value) => link_segment().is_none_or(|ours| ours.strip_prefix("cmp=") != Some(value)),
        None => false,
    }
}

/// Whether there is a comparison to save as a file.
pub fn kept() -> bool {
    current().is_some_and(|k| k.compressed.is_some())
}

/// The page no longer shows a reader's comparison ("Back to the bundled drafts"): its links
/// and address stop carrying it.
pub fn forget() {
    set(None);
    browser::replace_hash(&browser::current_hash());
}

async fn through(bytes: &[u8], transform: &JsValue) -> Result<Vec<u8>, JsValue> {
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes)))?;
    let stream = blob.stream().pipe_through(transform.unchecked_ref());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&stream))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

fn reason(e: &JsValue) -> String {
    Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "this browser cannot compress".into())
}

/// Keeps the comparison of `inputs` as the one this page carries (compressed by the browser),
/// puts it in the address, then calls `done`. Where the browser cannot compress, links do not
/// carry it and [`link_problem`] says why.
pub fn keep(inputs: &[Input; 2], done: impl FnOnce() + 'static) {
    let payload = shared::pack(inputs);
    wasm_bindgen_futures::spawn_local(async move {
        let compressed = match CompressionStream::new("deflate-raw") {
            Ok(c) => through(&payload, &c.into()).await.map_err(|e| reason(&e)),
            Err(e) => Err(reason(&e)),
        };
        carry(compressed, false);
        browser::replace_hash(&browser::current_hash());
        done();
    });
}

/// Where a comparison to open comes from.
pub enum Incoming {
    /// The link's `cmp=` value.
    Link(String),
    /// This saved file's embedded value.
    File(String),
}

/// The comparison this page was opened with, if any, and not yet taken: a link's `cmp=`
/// value (which wins), or the value a saved file embeds.
pub fn incoming() -> Option<Incoming> {
    if TAKEN.with(|t| t.get()) {
        return None;
    }
    let hash = web_sys::window()?.location().hash().unwrap_or_default();
    if let (_, Some(value)) = shared::split(&hash) {
        return Some(Incoming::Link(value.to_string()));
    }
    let element = web_sys::window()?.document()?.get_element_by_id(shared::EMBEDDED_ID)?;
    Some(Incoming::File(element.text_content().unwrap_or_default()))
}

/// [`incoming`], once: later calls give `None`.
pub fn take_incoming() -> Option<Incoming> {
    let incoming = incoming();
    TAKEN.with(|t| t.set(true));
    incoming
}

/// Reads the documents `incoming` carries, then calls `done` with them or why they could not
/// be read (for readers). From then on the page carries that comparison (its links and address
/// keep the segment), so a view changed while it is being compared keeps it too.
pub fn open(incoming: Incoming, done: impl FnOnce(Result<[Input; 2], String>) + 'static) {
    let (value, in_file) = match incoming {
        Incoming::Link(v) => (v, false),
        Incoming::File(v) => (v, true),
    };
    let compressed = match shared::read_value(&value) {
        Ok(c) => c,
        Err(e) => return done(Err(format!("{e}"))),
    };
    carry(Ok(compressed.clone()), in_file);
    wasm_bindgen_futures::spawn_local(async move {
        let payload = match DecompressionStream::new("deflate-raw") {
            Ok(d) => through(&compressed, &d.into())
                .await
                .map_err(|_| "its data is damaged (it does not decompress)".to_string()),
            Err(e) => Err(reason(&e)),
        };
        let read = payload.and_then(|p| shared::unpack(&p).map_err(|e| e.to_string()));
        if read.is_err() {
            // Nothing to carry: links and the address stop repeating the damaged value.
            set(None);
        }
        done(read);
    });
}

/// The name a saved file gets.
const FILE_NAME: &str = "draftdiff-comparison.html";

/// Saves the comparison this page carries as one HTML file (a download), then calls `done`
/// with why it could not, if it could not.
pub fn save_file(done: impl FnOnce(Result<(), String>) + 'static) {
    let Some(compressed) = current().and_then(|k| k.compressed) else {
        return done(Err("there is no comparison to save".into()));
    };
    wasm_bindgen_futures::spawn_local(async move {
        done(saved_page(&compressed[..]).await.and_then(|html| download(&html)));
    });
}

fn document() -> Result<web_sys::Document, String> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "no document".to_string())
}

/// The `<html>` element of the single file to save: this page's own (a copy), or the fetched `draftdiff.html`.
async fn single_file() -> Result<web_sys::Element, String> {
    let doc = document()?;
    if doc.get_element_by_id("draftdiff-worker").is_some() {
        return doc
            .document_element()
            .and_then(|e| e.clone_node_with_deep(true).ok())
            .and_then(|n| n.dyn_into().ok())
            .ok_or_else(|| "this page could not be copied".into());
    }
    let url = crate::worker::beside_glue("draftdiff.html")?;
    let failed = |_| format!("the single file {url} could not be fetched");
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("the single file {url} is not there ({})", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?
        .as_string()
        .unwrap_or_default();
    web_sys::DomParser::new()
        .ok()
        .and_then(|p| p.parse_from_string(&text, web_sys::SupportedType::TextHtml).ok())
        .and_then(|d| d.document_element())
        .ok_or_else(|| format!("the single file {url} could not be read"))
}

/// The saved page's HTML: the single file with the comparison inside.
async fn saved_page(compressed: &[u8]) -> Result<String, String> {
    let html = single_file().await?;
    let find = |selector: &str| html.query_selector(selector).ok().flatten();
    let root = find("#draftdiff").ok_or("the single file has no widget root")?;
    root.set_text_content(Some(
        "This file holds a comparison of two readers' documents; it opens with JavaScript on.",
    ));
    let _ = html.remove_attribute("data-theme");
    if let Some(old) = find(&format!("#{}", shared::EMBEDDED_ID)) {
        old.remove();
    }
    let data = document()?.create_element("script").map_err(|_| "no script element")?;
    let _ = data.set_attribute("type", "application/json");
    data.set_id(shared::EMBEDDED_ID);
    data.set_text_content(Some(&shared::embedded(compressed)));
    root.insert_adjacent_element("afterend", &data)
        .map_err(|_| "the comparison could not be put in the file")?;
    Ok(format!("<!DOCTYPE html>\n{}", html.outer_html()))
}

fn download(html: &str) -> Result<(), String> {
    let failed = |_| "this browser refused the download".to_string();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/html");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&Array::of1(&html.into()), &options).map_err(failed)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let doc = document()?;
    let a: web_sys::HtmlElement = doc.create_element("a").map_err(failed)?.unchecked_into();
    // (`setAttribute`, already imported, rather than more bindings in the glue.)
    let _ = a.set_attribute("href", &url);
    let _ = a.set_attribute("download", FILE_NAME);
    let body = doc.body().ok_or("no body")?;
    let _ = body.append_child(&a);
    a.click();
    a.remove();
    // The download has its own copy by the time it starts; free ours a while later.
    gloo_timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

//! What the "Compare your own" panel needs from the browser besides the worker: keeping pasted
//! text across reloads (localStorage) and reading a chosen file. (The JSON is read in the
//! compare worker: see `draftdiff-worker`.)
//!
//! Saving is debounced ([`Saver`]): a megabyte paste typed into is written once after the
//! typing stops (and at once when the field loses focus or the page goes away), not on every
//! keystroke, which would copy the whole text each time. A refusal (full storage, storage
//! turned off) is reported in words, and the text itself never leaves the field.

use crate::Listener;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn storage() -> Result<web_sys::Storage, String> {
    // localStorage can be missing or throw (privacy modes, sandboxed iframes).
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or_else(|| {
            "This browser does not let the page keep your text (its storage is turned off), so it will not be here after a reload. It stays in the field until you leave the page.".into()
        })
}

/// The text kept under `key`, if any.
pub fn load(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

/// Keeps `value` under `key`, or says why the browser refused (for readers).
pub fn save(key: &str, value: &str) -> Result<(), String> {
    storage()?.set_item(key, value).map_err(|e| {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string())
            .unwrap_or_default();
        if name == "QuotaExceededError" {
            "This browser's storage for the page is full, so your latest text will not be here after a reload. It stays in the field: compare it now, or copy it somewhere safe.".to_string()
        } else {
            format!("This browser refused to keep your text ({name}), so it will not be here after a reload. It stays in the field until you leave the page.")
        }
    })
}

/// Forgets these keys.
pub fn forget(keys: &[&str]) {
    if let Ok(s) = storage() {
        for k in keys {
            let _ = s.remove_item(k);
        }
    }
}

/// How long typing must pause before a text is saved.
const QUIET_MS: u32 = 600;

struct Pending {
    texts: Vec<(&'static str, String)>,
    timer: Option<gloo_timers::callback::Timeout>,
}

/// Saves texts a while after the last change ([`Saver::later`]), or at once ([`Saver::now`]:
/// on blur, and by itself when the page is hidden or the saver dropped), and reports each
/// attempt: `Ok` or why the browser refused.
pub struct Saver {
    pending: Rc<RefCell<Pending>>,
    report: Rc<dyn Fn(Result<(), String>)>,
    _pagehide: Option<Listener>,
}

fn flush(pending: &RefCell<Pending>, report: &dyn Fn(Result<(), String>)) {
    let texts = {
        let mut p = pending.borrow_mut();
        p.timer = None;
        std::mem::take(&mut p.texts)
    };
    if texts.is_empty() {
        return;
    }
    report(texts.iter().try_for_each(|(key, value)| save(key, value)));
}

impl Saver {
    /// A saver that tells `report` how each save went.
    pub fn new(report: impl Fn(Result<(), String>) + 'static) -> Saver {
        let pending = Rc::new(RefCell::new(Pending {
            texts: Vec::new(),
            timer: None,
        }));
        let report: Rc<dyn Fn(Result<(), String>)> = Rc::new(report);
        // `pagehide`, not `unload`: it fires on reloads, closes and the back-forward cache alike.
        let _pagehide = web_sys::window().map(|w| {
            let (weak, report) = (Rc::downgrade(&pending), report.clone());
            Listener::new(&w, "pagehide", move |_| {
                if let Some(p) = weak.upgrade() {
                    flush(&p, &*report);
                }
            })
        });
        Saver {
            pending,
            report,
            _pagehide,
        }
    }

    /// Saves `value` under `key` once changes have paused for a moment.
    pub fn later(&self, key: &'static str, value: String) {
        let mut p = self.pending.borrow_mut();
        p.texts.retain(|(k, _)| *k != key);
        p.texts.push((key, value));
        let (weak, report): (Weak<_>, _) = (Rc::downgrade(&self.pending), self.report.clone());
        p.timer = Some(gloo_timers::callback::Timeout::new(QUIET_MS, move || {
            if let Some(p) = weak.upgrade() {
                flush(&p, &*report);
            }
        }));
    }

    /// Saves what is waiting now.
    pub fn now(&self) {
        flush(&self.pending, &*self.report);
    }

    /// Drops what is waiting (the texts were forgotten).
    pub fn cancel(&self) {
        let mut p = self.pending.borrow_mut();
        p.texts.clear();
        p.timer = None;
    }
}

impl Drop for Saver {
    fn drop(&mut self) {
        self.now();
    }
}

/// Reads the first file chosen in `input`, at most `max_bytes`, with `start` (one of the
/// FileReader's `read_as_…`), then calls `done` with its name and what `take` makes of the
/// reader's result, or a reason (`unreadable` when `take` gives nothing).
fn read_first<T: 'static>(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
    start: fn(&web_sys::FileReader, &web_sys::File) -> Result<(), JsValue>,
    take: fn(JsValue) -> Option<T>,
    unreadable: &'static str,
    done: impl FnOnce(Result<(String, T), String>) + 'static,
) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    let name = file.name();
    if file.size() > max_bytes as f64 {
        done(Err(format!("{name} is larger than {} MB", max_bytes / (1024 * 1024))));
        return;
    }
    let Ok(reader) = web_sys::FileReader::new() else {
        done(Err("this browser cannot read files".into()));
        return;
    };
    let r = reader.clone();
    let on_load = Closure::once_into_js(move || {
        let read = r.result().ok().and_then(take);
        done(
            read.map(|t| (name.clone(), t))
                .ok_or_else(|| format!("{name} {unreadable}")),
        );
    });
    reader.set_onloadend(Some(on_load.unchecked_ref()));
    let _ = start(&reader, &file);
}

/// Reads the first file chosen in a file input as bytes (a Word file: it must not be decoded
/// as text on its way to the worker), then calls `done` with its name and bytes or a reason.
pub fn read_file_bytes(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
    done: impl FnOnce(Result<(String, Vec<u8>), String>) + 'static,
) {
    read_first(
        input,
        max_bytes,
        |r, f| r.read_as_array_buffer(f),
        |v| {
            v.is_instance_of::<js_sys::ArrayBuffer>()
                .then(|| js_sys::Uint8Array::new(&v).to_vec())
        },
        "could not be read",
        done,
    );
}

/// Reads the first file chosen in a file input as text, then calls `done` with it or a reason.
pub fn read_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
    done: impl FnOnce(Result<(String, String), String>) + 'static,
) {
    read_first(
        input,
        max_bytes,
        |r, f| r.read_as_text(f),
        |v| v.as_string(),
        "could not be read as text",
        done,
    );
}

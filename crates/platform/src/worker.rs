//! The compare worker, seen from the viewer: start it, send it two texts, hear its progress
//! and its answer, and stop it.
//!
//! Why a worker: reading, aligning and diffing a reader's documents is the heaviest work the
//! widget does (seconds for two megabyte texts) and the code for it is the largest part most
//! pages never run. The worker (crate `draftdiff-worker`, its own wasm; the protocol is
//! documented there) is only fetched when a reader presses "Compare", and the page stays
//! responsive while it works. The comparison comes back as [`draftdiff_core::wire`] bytes,
//! which the viewer decodes without linking any of that code.
//!
//! Where the worker is: next to this module's glue (`draftdiff-worker-loader.js`, a classic
//! worker script from `www/`), unless the page names another URL in `globalThis.draftdiffWorkerUrl` — the single
//! file `draftdiff.html` does, with a `blob:` URL of the worker it carries inline.

use gloo_events::EventListener;
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    type ImportMeta;
    #[wasm_bindgen(thread_local_v2, js_namespace = import, js_name = meta)]
    static IMPORT_META: ImportMeta;
    #[wasm_bindgen(method, getter)]
    fn url(this: &ImportMeta) -> String;
}

/// The worker's start-up script (`www/draftdiff-worker-loader.js`), next to the viewer's glue.
const LOADER: &str = "draftdiff-worker-loader.js";

/// What the worker says, in order: progress, then one answer.
pub enum Heard {
    /// A stage has begun (text for the progress line).
    Progress(String),
    /// The inputs could not be read: the messages for the earlier and the later version.
    Errors([Vec<String>; 2]),
    /// The comparison, as [`draftdiff_core::wire`] bytes, and notes on the Word files read
    /// (what was done with tables, footnotes, tracked changes).
    Done(Vec<u8>, Vec<String>),
    /// The worker could not start, or stopped unexpectedly (why, for readers).
    Failed(String),
}

/// A running comparison. Dropping it stops the worker (`Worker.terminate()`), wherever it is:
/// that is how "Cancel" works, and a closed panel never leaves a worker computing.
pub struct Job {
    worker: web_sys::Worker,
    _listeners: [EventListener; 2],
}

impl Drop for Job {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

fn worker_url() -> Result<String, String> {
    let given = web_sys::window()
        .and_then(|w| Reflect::get(&w, &"draftdiffWorkerUrl".into()).ok())
        .and_then(|v| v.as_string());
    if let Some(url) = given {
        return Ok(url);
    }
    beside_glue(LOADER)
}

/// The address of the build's file `name`, next to the viewer's glue (`draftdiff.js`).
pub(crate) fn beside_glue(name: &str) -> Result<String, String> {
    let base = IMPORT_META.with(ImportMeta::url);
    web_sys::Url::new_with_base(name, &base)
        .map(|u| u.href())
        .map_err(|_| format!("no address for {name} next to {base}"))
}

fn text(value: &JsValue, key: &str) -> String {
    Reflect::get(value, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn strings(value: &JsValue, key: &str) -> Vec<String> {
    Reflect::get(value, &key.into())
        .ok()
        .and_then(|v| v.dyn_into::<Array>().ok())
        .map(|a| a.iter().filter_map(|s| s.as_string()).collect())
        .unwrap_or_default()
}

/// A Word file chosen for one side: its name (errors name it) and its bytes.
pub type WordFile<'a> = (&'a str, &'a [u8]);

/// Starts a worker that compares `texts` (earlier, later; `labels` name them in errors), or
/// for a side with a Word file in `files` that file, and calls `heard` with everything it says. Fails at once if the browser refuses to start a
/// worker (no Worker, or a Content-Security-Policy without `worker-src` for it).
pub fn compare(
    labels: [&str; 2],
    texts: [&str; 2],
    files: [Option<WordFile>; 2],
    heard: impl Fn(Heard) + 'static,
) -> Result<Job, String> {
    let url = worker_url()?;
    // A classic worker (the default): a file:// page may start one from a blob: URL, not a module worker.
    let worker = web_sys::Worker::new(&url).map_err(|e| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        format!("this browser did not start the compare worker ({why})")
    })?;
    let heard = std::rc::Rc::new(heard);
    let request = js_sys::Object::new();
    let _ = Reflect::set(
        &request,
        &"labels".into(),
        &Array::of2(&labels[0].into(), &labels[1].into()),
    );
    let _ = Reflect::set(
        &request,
        &"texts".into(),
        &Array::of2(&texts[0].into(), &texts[1].into()),
    );
    let [old, new] = files.map(|file| -> JsValue {
        let Some((name, bytes)) = file else {
            return JsValue::NULL;
        };
        let f = js_sys::Object::new();
        let _ = Reflect::set(&f, &"name".into(), &name.into());
        let _ = Reflect::set(&f, &"bytes".into(), &Uint8Array::from(bytes).into());
        f.into()
    });
    let _ = Reflect::set(&request, &"files".into(), &Array::of2(&old, &new));
    let on_message = {
        let (heard, worker) = (heard.clone(), worker.clone());
        EventListener::new(&worker.clone(), "message", move |e| {
            let Some(data) = e.dyn_ref::<web_sys::MessageEvent>().map(|e| e.data()) else {
                return;
            };
            match text(&data, "kind").as_str() {
                "ready" => {
                    let _ = worker.post_message(&request);
                }
                "progress" => heard(Heard::Progress(text(&data, "text"))),
                "errors" => heard(Heard::Errors([strings(&data, "old"), strings(&data, "new")])),
                "done" => {
                    let bytes = Reflect::get(&data, &"bytes".into()).unwrap_or_default();
                    heard(Heard::Done(Uint8Array::new(&bytes).to_vec(), strings(&data, "notes")));
                }
                "failed" => heard(Heard::Failed(format!(
                    "the comparison stopped: {}",
                    text(&data, "text")
                ))),
                _ => {}
            }
        })
    };
    let on_error = EventListener::new(&worker, "error", move |e| {
        // Loading failures (a missing file, a refused wasm) carry no message; a trap does.
        let why = e
            .dyn_ref::<web_sys::ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| format!("{url} could not be loaded"));
        heard(Heard::Failed(format!("the compare worker stopped ({why})")));
    });
    Ok(Job {
        worker,
        _listeners: [on_message, on_error],
    })
}

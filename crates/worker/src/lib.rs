//! draftdiff's compare worker: the second wasm, run in a Web Worker and loaded only when a
//! reader presses "Compare" in "Compare your own drafts".
//!
//! Why a wasm of its own: reading readers' documents (plain text, JSON through
//! `JSON.parse` and `serde-wasm-bindgen`, Word and OpenDocument files through `zip` and `quick-xml`), aligning them and diffing every changed pair is
//! the heaviest code of the project and the one most pages never run. Here it costs nothing
//! to the viewer that every embed loads, and a megabyte comparison runs without freezing the
//! page: the main thread only sends the texts and receives the answer.
//!
//! It is a classic worker: `www/draftdiff-worker-loader.js` imports this crate's wasm-bindgen
//! glue (the `no-modules` output, Trunk's default for `data-type="worker"`) and starts the
//! wasm; the single file runs the same from a `blob:` URL (module workers are refused there).
//!
//! The protocol (the viewer's side is `draftdiff_platform::worker`):
//!
//! * worker → viewer `{kind: "ready"}` once the wasm runs; only then does the viewer send;
//! * viewer → worker `{labels: [earlier, later], texts: [earlier, later], files: [a, b]}`: the
//!   two inputs and the names errors use for them; `files[i]`, when not null, is a Word or
//!   OpenDocument file
//!   the reader chose for that side, `{name, bytes}` (a `Uint8Array`: the file's bytes, never
//!   decoded as text on the way), read here instead of the text;
//! * worker → viewer `{kind: "progress", text}` at each stage, then exactly one of
//!   `{kind: "errors", old: [..], new: [..]}` (the messages for each input, the same the
//!   panel always showed), `{kind: "done", bytes, notes}` (the comparison as
//!   [`draftdiff_core::wire`] bytes, its buffer transferred, not copied, and what readers
//!   should know about their Word files: tables, footnotes, tracked changes), or
//!   `{kind: "failed", text}` if the worker panicked (the wasm then traps; the viewer also
//!   hears the worker's `error` event) or, from the loader, if the wasm could not be loaded.
//!
//! Cancel is `Worker.terminate()` on the viewer's side: nothing here needs to poll for it.
#![cfg(target_arch = "wasm32")]

use draftdiff_core::compare::Comparison;
use draftdiff_core::corpus::Document;
use draftdiff_core::custom::{self, JsonDocument, MAX_BYTES};
use draftdiff_core::wire;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// A message `{kind, …fields}`.
fn message(kind: &str, fields: &[(&str, JsValue)]) -> Object {
    let m = Object::new();
    let _ = Reflect::set(&m, &"kind".into(), &kind.into());
    for (k, v) in fields {
        let _ = Reflect::set(&m, &(*k).into(), v);
    }
    m
}

fn post(kind: &str, fields: &[(&str, JsValue)]) {
    let _ = scope().post_message(&message(kind, fields));
}

fn progress(text: &str) {
    post("progress", &[("text", text.into())]);
}

/// Runs when the worker's wasm is instantiated: listens, and says it is ready.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| post("failed", &[("text", info.to_string().into())])));
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| compare(&e.data()));
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post("ready", &[]);
}

/// The `i`th string of the array field `key` of a request, empty if absent.
fn field(request: &JsValue, key: &str, i: u32) -> String {
    Reflect::get(request, &key.into())
        .ok()
        .and_then(|a| a.dyn_into::<Array>().ok())
        .and_then(|a| a.get(i).as_string())
        .unwrap_or_default()
}

/// Answers one request: errors for each input, or the comparison.
fn compare(request: &JsValue) {
    let labels = [0, 1].map(|i| field(request, "labels", i));
    let texts = [0, 1].map(|i| field(request, "texts", i));
    let files = [0, 1].map(|i| word_file(request, i));
    let mut notes = Vec::new();
    let mut read = |side: usize| match &files[side] {
        Some((name, bytes)) => custom::from_word_file(name, bytes, name, side as u16 + 1)
            .map(|word| {
                notes.extend(word.notes);
                word.document
            })
            .map_err(|errors| errors.iter().map(ToString::to_string).collect()),
        None => read_version(side, &labels[side], &texts[side]),
    };
    progress("Reading the earlier version…");
    let old = read(0);
    progress("Reading the later version…");
    let new = read(1);
    match (old, new) {
        (Ok(mut old), Ok(mut new)) => {
            custom::distinct_years(&mut old, &mut new);
            progress(&format!(
                "Aligning {} and {} provisions and comparing their wording…",
                old.provisions.len(),
                new.provisions.len()
            ));
            let cmp = Comparison::with_options(old, new, &custom::options());
            let bytes = Uint8Array::from(&wire::encode(&cmp)[..]);
            let _ = scope().post_message_with_transfer(
                &message(
                    "done",
                    &[
                        ("bytes", bytes.clone().into()),
                        ("notes", notes.into_iter().map(JsValue::from).collect::<Array>().into()),
                    ],
                ),
                &Array::of1(&bytes.buffer()),
            );
        }
        (old, new) => {
            let list = |r: Result<Document, Vec<String>>| -> JsValue {
                r.err()
                    .unwrap_or_default()
                    .into_iter()
                    .map(JsValue::from)
                    .collect::<Array>()
                    .into()
            };
            post("errors", &[("old", list(old)), ("new", list(new))]);
        }
    }
}

/// The Word file sent for side `i` (`files[i]`, `{name, bytes}`), if any.
fn word_file(request: &JsValue, i: u32) -> Option<(String, Vec<u8>)> {
    let file = Reflect::get(request, &"files".into())
        .ok()
        .and_then(|a| a.dyn_into::<Array>().ok())
        .map(|a| a.get(i))
        .filter(|f| f.is_object())?;
    let name = Reflect::get(&file, &"name".into()).ok()?.as_string()?;
    let bytes = Reflect::get(&file, &"bytes".into())
        .ok()?
        .dyn_into::<Uint8Array>()
        .ok()?;
    Some((name, bytes.to_vec()))
}

/// Reads one version: JSON when it looks like JSON, plain text otherwise. The messages name
/// the input by its label (side 0 is the earlier version, dated year 1, side 1 year 2, until
/// the document itself says otherwise).
fn read_version(side: usize, label: &str, text: &str) -> Result<Document, Vec<String>> {
    if text.len() > MAX_BYTES {
        return Err(vec![format!(
            "{label}: the text is larger than {} MB.",
            MAX_BYTES / (1024 * 1024)
        )]);
    }
    let year = side as u16 + 1;
    let result = if text.trim_start().starts_with('{') {
        let doc = json_document(text).map_err(|e| vec![format!("{label}: {e}.")])?;
        custom::from_json(label, doc, year)
    } else {
        custom::from_plain_text(label, text, label, year)
    };
    result.map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

/// Parses JSON with the browser's `JSON.parse` (there is no JSON parser in the wasm) and reads
/// it into the loose document shape.
///
/// The nesting is bounded first ([`custom::check_nesting`]): reading a deeper value would
/// overflow the worker's stack.
fn json_document(text: &str) -> Result<JsonDocument, String> {
    custom::check_nesting(text)?;
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let msg = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        format!("not valid JSON ({msg})")
    })?;
    serde_wasm_bindgen::from_value(value).map_err(|e| format!("not a document of the expected shape ({e})"))
}

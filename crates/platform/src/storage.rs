//! What the "Compare your own" panel needs from the browser besides the worker: keeping pasted
//! text across reloads (localStorage) and reading a chosen file. (The JSON is read in the
//! compare worker: see `draftdiff-worker`.)

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn storage() -> Option<web_sys::Storage> {
    // localStorage can be missing or throw (privacy modes, sandboxed iframes): then we simply don't keep text.
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text kept under `key`, if any.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Keeps `value` under `key`; returns false when the browser refused (quota, privacy mode).
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Forgets these keys.
pub fn forget(keys: &[&str]) {
    if let Some(s) = storage() {
        for k in keys {
            let _ = s.remove_item(k);
        }
    }
}

/// Reads the first file chosen in a file input as bytes (a Word file: it must not be decoded
/// as text on its way to the worker), then calls `done` with its name and bytes or a reason.
pub fn read_file_bytes(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
    done: impl FnOnce(Result<(String, Vec<u8>), String>) + 'static,
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
        let bytes = r
            .result()
            .ok()
            .filter(|v| v.is_instance_of::<js_sys::ArrayBuffer>())
            .map(|v| js_sys::Uint8Array::new(&v).to_vec());
        done(
            bytes
                .map(|b| (name.clone(), b))
                .ok_or_else(|| format!("{name} could not be read")),
        );
    });
    reader.set_onloadend(Some(on_load.unchecked_ref()));
    let _ = reader.read_as_array_buffer(&file);
}

/// Reads the first file chosen in a file input as text, then calls `done` with it or a reason.
pub fn read_file(
    input: &web_sys::HtmlInputElement,
    max_bytes: usize,
    done: impl FnOnce(Result<(String, String), String>) + 'static,
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
        let text = r.result().ok().and_then(|v| v.as_string());
        done(
            text.map(|t| (name.clone(), t))
                .ok_or_else(|| format!("{name} could not be read as text")),
        );
    });
    reader.set_onloadend(Some(on_load.unchecked_ref()));
    let _ = reader.read_as_text(&file);
}

//! The iframe side of auto-height: post the content height to the host page whenever it
//! changes. The message carries only our namespace, the instance id and a number; we never
//! read anything from the host.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Message type the host script (`draftdiff-host.js`) listens for.
pub const HEIGHT_MESSAGE: &str = "draftdiff:height";

/// Starts observing the document's height and posting it to the parent window.
pub fn post_height_changes(instance: String) {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    if parent == window {
        return; // opened directly, not framed
    }
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let last = std::rc::Rc::new(std::cell::Cell::new(0));
    let send = move |height: i32| {
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&msg, &"id".into(), &instance.as_str().into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &height.into());
        let _ = parent.post_message(&msg, "*");
    };
    let height = || {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .map(|e| e.scroll_height())
    };
    let send = std::rc::Rc::new(send);
    let post = {
        let (send, last) = (send.clone(), last.clone());
        Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let Some(h) = height() else { return };
            if h != last.get() {
                last.set(h);
                send(h);
            }
        })
    };
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    // The page lives as long as the observer: keep the callback alive for it.
    post.forget();
    // The host script may start after our first message (it is deferred behind the blog's other
    // scripts, and a message sent before it listens is lost): say the height again a few times.
    for delay in [500, 1500, 4000] {
        let (send, last) = (send.clone(), last.clone());
        let again = Closure::once_into_js(move || {
            if let Some(h) = height().filter(|h| *h > 0) {
                last.set(h);
                send(h);
            }
        });
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(again.unchecked_ref(), delay);
    }
}

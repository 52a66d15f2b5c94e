//! draftdiff's browser services: location and history, clipboard, selection, scrolling and
//! focus, storage and files. Components call these instead of `web_sys`; this crate never imports
//! the UI (it cannot: the UI depends on it), and takes the elements it works on as arguments.
#![warn(missing_docs)]

pub mod browser;
pub mod keys;
pub mod scheme;
pub mod storage;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// An event listener that is removed when dropped.
pub struct Listener {
    target: web_sys::EventTarget,
    kind: &'static str,
    callback: Closure<dyn FnMut(web_sys::Event)>,
    also: Option<Box<Listener>>,
}

impl Listener {
    /// Listens for `kind` events on `target`.
    pub fn new(target: &web_sys::EventTarget, kind: &'static str, f: impl FnMut(web_sys::Event) + 'static) -> Listener {
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(f);
        let _ = target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
        Listener {
            target: target.clone(),
            kind,
            callback,
            also: None,
        }
    }

    /// Two listeners that live and die together.
    pub fn pair(mut a: Listener, b: Listener) -> Listener {
        a.also = Some(Box::new(b));
        a
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
    }
}

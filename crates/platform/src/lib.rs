//! draftdiff's browser services: location and history, clipboard, selection, scrolling and
//! focus, storage and files, the compare worker, and keeping a reader's comparison (links, saved files). Components call these instead of `web_sys`; this crate never imports
//! the UI (it cannot: the UI depends on it), and takes the elements it works on as arguments.
#![warn(missing_docs)]

pub mod browser;
pub mod keys;
pub mod place;
pub mod scheme;
pub mod share;
pub mod storage;
pub mod worker;

/// An event listener that is removed when dropped (gloo's, the maintained one Yew also uses).
pub use gloo_events::EventListener as Listener;

//! draftdiff: compare two versions of a diplomatic text, provision by provision.
//!
//! The crate is a pure core (text model, alignment, word diff, themes, URL state) that
//! builds and tests natively, plus a thin Yew UI and one JS interop layer that exist only
//! on `wasm32`. Nothing in the core knows about the browser.
#![warn(missing_docs)]

pub mod corpus;

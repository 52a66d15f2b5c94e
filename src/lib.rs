//! draftdiff: compare two versions of a diplomatic text, provision by provision.
//!
//! The crate is a pure core (text model, alignment, word diff, themes, URL state, statistics,
//! search) that builds and tests natively, plus a thin Yew UI and one JS interop layer that
//! exist only on `wasm32`. Nothing in the core knows about the browser.
#![warn(missing_docs)]

pub mod align;
pub mod compare;
pub mod corpus;
pub mod custom;
pub mod diff;
pub mod embed;
pub mod link;
pub mod notes;
pub mod search;
pub mod segments;
pub mod sequence;
pub mod stats;
pub mod themes;

#[cfg(target_arch = "wasm32")]
pub mod interop;
#[cfg(target_arch = "wasm32")]
pub mod ui;

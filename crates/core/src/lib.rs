//! draftdiff's pure core: compare two versions of a diplomatic text, provision by provision.
//!
//! Text model, alignment, word diff, themes, notes, the link grammar, search, statistics, embed
//! options, readers' own documents, and the view layer (state, actions, reducer, what a view
//! shows and says). Nothing here knows about the browser: no `web_sys`, `yew` or
//! `wasm_bindgen`, so everything is tested natively with `cargo test`.
#![warn(missing_docs)]

// The engine lives in its own crate so the build script can run it (see `compare`); its
// modules keep their paths here for everything above the core.
pub use draftdiff_engine::{align, diff, sequence};
pub mod compare;
pub mod corpus;
pub mod custom;
pub mod embed;
pub mod fragment;
pub mod link;
pub mod notes;
pub mod passage;
pub mod search;
pub mod segments;
pub mod stats;
pub mod themes;
pub mod view;
pub mod wire;

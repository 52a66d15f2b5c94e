//! draftdiff's one entry: the cdylib Trunk builds. It starts the widget when the module loads,
//! mounts it in the page, an iframe or a Shadow DOM (the JS API behind `<draft-diff>`), posts the
//! iframe's height, and holds the crash-on-demand hook for tests. Everything else lives in the layers below:
//! `draftdiff_core` (pure), `draftdiff_platform` (browser services), `draftdiff_ui` (components).
//! Without its default feature `page` it is the library the lean card entry (`crates/card`)
//! mounts with: the same mounting, options, address reading and comparison, none of the page.
#![cfg(target_arch = "wasm32")]

pub mod address;
#[cfg(feature = "hooks")]
mod bench;
pub mod element;
pub mod frame;
#[cfg(feature = "page")]
mod page;
pub mod panic;

use draftdiff_core::compare::Comparison;
use std::rc::Rc;

/// The global allocator (single-threaded wasm: no atomics).
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    static BUNDLED: Rc<Comparison> = {
        Rc::new(Comparison::bundled())
    };
}

/// The bundled comparison, computed once per page however many widgets it holds.
pub fn bundled_comparison() -> Rc<Comparison> {
    BUNDLED.with(Rc::clone)
}

//! Panics. Release builds rebuild std with panics as immediate aborts (`tools/trunk`; BENCHMARKS.md,
//! size levers): a panic is a bare trap, no Rust code runs after it, and the panic hook that
//! drew the crash box here could never run. The box is JS now (`www/draftdiff-crash.js`, joined
//! to the loader and the single file by the build): one home for every build. Other builds keep
//! Yew's default hook, which logs the panic message to the console before the trap.

#[cfg(feature = "hooks")]
use wasm_bindgen::prelude::*;

/// Panics on purpose, so the browser tests can prove that a crash shows the box.
#[cfg(feature = "hooks")]
#[wasm_bindgen(js_name = crashForTesting)]
pub fn crash_for_testing() {
    panic!("crash requested by crashForTesting()");
}

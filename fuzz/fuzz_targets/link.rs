//! Any bytes as a URL hash: never a panic, and what `format` writes reads back to the same state.
#![no_main]
use draftdiff_core::link::{format, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let hash = String::from_utf8_lossy(data);
    let first = parse(&hash);
    let again = parse(&format(&first.state));
    assert_eq!(again.state, first.state);
    assert!(again.problems.is_empty());
});

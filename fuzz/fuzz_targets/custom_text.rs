//! Any bytes as a pasted version: never a panic; an accepted document has unique ids whose
//! anchors parse as links, and no empty text.
#![no_main]
use draftdiff_core::custom::from_plain_text;
use draftdiff_core::link::Anchor;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(doc) = from_plain_text("fuzz", &text, "Fuzz", 1) {
        let mut ids = std::collections::HashSet::new();
        for (i, p) in doc.provisions.iter().enumerate() {
            assert!(ids.insert(p.id.to_string()), "duplicate id {}", p.id);
            assert!(Anchor::parse(&doc.anchor(i).to_string()).is_some(), "{}", doc.anchor(i));
            assert!(!p.text.trim().is_empty());
        }
    }
});

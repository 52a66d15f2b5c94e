//! Two documents (the input split at its first NUL) through alignment and word diff: every
//! provision appears exactly once per side, and every diff reassembles both texts exactly.
#![no_main]
use draftdiff_core::compare::{Comparison, Side};
use draftdiff_core::custom::{distinct_years, from_plain_text, options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (a, b) = text.split_once('\0').unwrap_or((&text, ""));
    let (Ok(mut old), Ok(mut new)) = (from_plain_text("a", a, "A", 1), from_plain_text("b", b, "B", 2)) else {
        return;
    };
    distinct_years(&mut old, &mut new);
    let cmp = Comparison::with_options(old, new, &options());
    for side in [Side::Old, Side::New] {
        for i in 0..cmp.doc(side).provisions.len() {
            assert_eq!((0..cmp.pairs.len()).filter(|&p| cmp.index(p, side) == Some(i)).count(), 1);
        }
    }
    for (p, pair) in cmp.pairs.iter().enumerate() {
        if let Some(d) = &pair.diff {
            let (o, n) = (cmp.index(p, Side::Old).unwrap(), cmp.index(p, Side::New).unwrap());
            assert_eq!(d.old_text(), cmp.old.provisions[o].text);
            assert_eq!(d.new_text(), cmp.new.provisions[n].text);
        }
    }
});

//! The one door into `similar`: sequence diffs over interned `u32` ids.
//!
//! Why one door: `similar`'s convenience entry points dispatch on an `Algorithm` value at run
//! time, so every call site compiles all six algorithms for its element type. Routing words,
//! paragraphs and word runs through one function over `u32` keeps a single Myers in the wasm.
//! It is the *raw* Myers: exact (a shortest edit script) and, under a deadline, bounded; the
//! heuristic variant's pre-scans and special cases cost tens of kilobytes of wasm and buy
//! nothing at the sizes of a provision or a document's list of paragraphs.
//!
//! ```
//! use draftdiff_engine::sequence::{diff_ids, intern};
//! let (a, b) = intern(["a", "b", "c"].into_iter(), ["a", "c"].into_iter());
//! let ops = diff_ids(&a, &b, None);
//! assert_eq!(ops.len(), 3); // equal a, delete b, equal c
//! ```

use similar::algorithms::{myers, Capture, Compact, Replace};
use similar::DiffOp;
use std::collections::HashMap;
use std::hash::Hash;

/// The clock `similar` takes deadlines in: `web_time`'s on the web (std's panics there),
/// std's natively, where `similar` does not re-export it.
#[cfg(target_arch = "wasm32")]
pub use similar::Instant;
#[cfg(not(target_arch = "wasm32"))]
pub use std::time::Instant;

/// Maps both sequences to ids, equal items to equal ids.
pub fn intern<T: Hash + Eq>(old: impl Iterator<Item = T>, new: impl Iterator<Item = T>) -> (Vec<u32>, Vec<u32>) {
    let mut ids: HashMap<T, u32> = HashMap::new();
    let mut id = |t: T| {
        let next = ids.len() as u32;
        *ids.entry(t).or_insert(next)
    };
    let a = old.map(&mut id).collect();
    let b = new.map(&mut id).collect();
    (a, b)
}

/// Diff operations (compacted, replaces merged) turning `old` into `new`, giving up on
/// minimality once `deadline` passes.
pub fn diff_ids(old: &[u32], new: &[u32], deadline: Option<Instant>) -> Vec<DiffOp> {
    let mut hook = Compact::new(Replace::new(Capture::new()), old, new);
    match myers::diff_deadline_raw(&mut hook, old, 0..old.len(), new, 0..new.len(), deadline) {
        Ok(()) => hook.into_inner().into_inner().into_ops(),
        Err(never) => match never {},
    }
}

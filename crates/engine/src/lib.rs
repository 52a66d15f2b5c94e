//! draftdiff's comparison engine: which provisions of two versions belong together ([`align`]),
//! what changed inside each pair ([`diff`], on `similar`'s Myers through [`sequence`]), the two
//! put together ([`pairing`]), and the compact form of a finished comparison ([`packed`]).
//!
//! Why a crate of its own, below the core: the two bundled drafts give the same comparison at
//! every page load, so the core's build script runs this engine natively and ships the result as
//! data ([`packed`]); the viewer wasm only decodes it. A build script can only use crates below
//! the one it builds, hence this layer. The engine still runs in the browser for documents
//! readers bring, and in the native tests, which check that the shipped data is what it computes.
//!
//! The engine knows nothing of documents beyond the [`Paragraph`] trait: a part and a text.
#![warn(missing_docs)]

pub mod align;
pub mod diff;
pub mod packed;
pub mod pairing;
pub mod sequence;

pub use draftdiff_data::model::Part;

/// What the engine reads of a provision: where it belongs (alignment never pairs across parts)
/// and its wording. The core's `Provision` implements it, and so does the build script's view
/// of the data files, so both feed the same engine.
pub trait Paragraph {
    /// The part the paragraph belongs to.
    fn part(&self) -> Part;
    /// The wording, exactly as transcribed.
    fn text(&self) -> &str;
}

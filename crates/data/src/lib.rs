//! draftdiff's data layer: the model types shared with the core ([`model`]) and, behind the
//! default `compile` feature, the build-time compiler that reads `data/*.toml`, validates it and
//! emits static Rust for the core's build script. The wasm never carries a TOML parser.

pub mod fold;
pub mod ids;
pub mod model;

#[cfg(feature = "compile")]
pub mod corpus;
#[cfg(feature = "compile")]
pub mod notes;
#[cfg(feature = "compile")]
pub mod themes;

//! The URL state: what a shared link (the part after `#`) says about the view.
//!
//! By concept: [`Anchor`] (the address of one provision, `anchor.rs`), [`ViewState`] and its
//! rules (`state.rs`), the value grammar shared with embed attributes (`options.rs`), and the
//! hash itself (`hash.rs`: [`parse`], [`format()`]), and the URL of one provision's own page
//! (`page.rs`: [`page_path`], [`page_link`]), and the browser's text directives, read and
//! written (`directive.rs`: [`text_directive`], [`text_directives`]). Finding a passage in a
//! text is search's business (`crate::passage`).
//!
//! Why a module of its own, with no web types: links are a *public contract*. Readers
//! paste them into e-mails, footnotes and reports, so a link that works today must open
//! the same view in every later version. Keeping the grammar in one pure module makes it
//! testable natively (round trips, fuzzing) and keeps the UI down to
//! `parse(location.hash)` and [`format(&state)`](format()). The grammar is documented for readers in
//! `docs/url-grammar.md`; the promises are:
//!
//! - the **short form** `#<year>-<id>` (`#2015-7`, `#2011-letter-2`) addresses one
//!   provision, forever;
//! - everything else is optional `key=value` pairs after it, `&`-separated, with defaults
//!   left out, so links stay short and old links keep their meaning when keys are added;
//! - unknown keys are ignored silently (a newer link opens in an older widget), bad values
//!   are reported as [`Problem`]s and replaced by defaults: parsing never fails.
//!
//! ```
//! use draftdiff_core::link::{self, Anchor, View};
//! let parsed = link::parse("#2015-7&view=inline&q=information%20weapons");
//! assert!(parsed.problems.is_empty());
//! assert_eq!(parsed.state.focus, Anchor::parse("2015-7"));
//! assert_eq!(parsed.state.view, View::Inline);
//! assert_eq!(parsed.state.query, "information weapons");
//! assert_eq!(link::format(&parsed.state), "2015-7&view=inline&q=information%20weapons");
//! assert_eq!(link::format(&link::parse("2011-f").state), "2011-f");
//! ```
mod anchor;
mod directive;
mod hash;
pub mod options;
mod page;
pub mod shared;
mod state;
#[cfg(test)]
mod tests;

pub use crate::themes::Match;
pub use anchor::Anchor;
pub use directive::{text_directive, text_directives};
pub use hash::{format, parse};
pub use page::{hash_with_directive, page_link, page_path, site_root};
pub(crate) use state::tidy;
pub use state::{Parsed, Passage, Problem, Reason, Show, View, ViewState};

/// Longest hash [`parse`] reads, in bytes (after the leading `#`); the rest is cut off
/// (on a character boundary) with a [`Problem`]. Every state [`format()`] can produce fits.
pub const MAX_HASH_BYTES: usize = 8192;
/// Longest search query kept, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most themes kept in a filter; later ones are dropped.
pub const MAX_THEMES: usize = 16;
/// Most provisions an embed can list in `show=`; later ones are dropped.
pub const MAX_SHOWN: usize = 32;
/// Longest theme id, in characters.
pub const MAX_THEME_CHARS: usize = 40;
/// Longest provision id in an [`Anchor`], in characters.
pub use draftdiff_data::ids::MAX_ID_CHARS;
/// Longest [`Passage::start`] or [`Passage::end`], in characters.
pub const MAX_PASSAGE_CHARS: usize = 100;
/// Selections of at most this many words become a start-only [`Passage`].
pub use crate::passage::SHORT_SELECTION_WORDS;
/// What a focus should look like, for [`Reason::Invalid`].
const ANCHOR_SYNTAX: &str = "<year>-<id>, e.g. 2015-7";

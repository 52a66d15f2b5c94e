//! Finding a reader's query in provision texts.
//!
//! Through the one folding rule (`draftdiff_data::fold`): case-insensitive, whitespace-tolerant
//! (a space in the query matches any run of spaces or line breaks), blind to typographic quotes
//! and dashes, and returning byte ranges in the original text so highlights land exactly,
//! whatever the folding did.
//!
//! ```
//! let text = "proliferate Information\nweapons";
//! let hits = draftdiff_core::search::hits(text, "information weapons");
//! assert_eq!(&text[hits[0].clone()], "Information\nweapons");
//! ```

use draftdiff_data::fold::{fold, Folded};
use std::ops::Range;

/// Shortest query searched for, in characters other than spaces.
pub const MIN_QUERY_CHARS: usize = 2;

/// Non-overlapping matches of `query` in `text`, in order, as byte ranges of `text`.
pub fn hits(text: &str, query: &str) -> Vec<Range<usize>> {
    match needle(query) {
        Some(needle) => Folded::new(text).find_all(&needle).collect(),
        None => Vec::new(),
    }
}

/// The query as [`hits`] looks for it in folded text (`draftdiff_data::fold::fold`), or
/// `None` when it is too short to search for. A text whose folded form does not contain it
/// has no hits: callers holding folded texts (`Comparison::search_text`) skip those
/// without folding them again.
pub fn needle(query: &str) -> Option<String> {
    let needle = fold(query);
    (needle.chars().filter(|c| *c != ' ').count() >= MIN_QUERY_CHARS).then_some(needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn finds_every_occurrence_case_insensitively() {
        let t = "States and states; STATES";
        assert_eq!(hits(t, "states").len(), 3);
        assert_eq!(hits(t, "and states").len(), 1);
        assert!(hits(t, "s").is_empty(), "too short");
        assert!(hits(t, "  ").is_empty());
    }

    #[test]
    fn unicode_case_mapping_keeps_byte_ranges_right() {
        let t = "İstanbul ÉTATS états";
        for r in hits(t, "états") {
            assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
            assert_eq!(t[r].to_lowercase(), "états");
        }
        assert_eq!(hits(t, "états").len(), 2);
    }

    proptest! {
        #[test]
        fn ranges_are_ordered_boundaries(text in "\\PC{0,60}", query in "\\PC{0,8}") {
            let hs = hits(&text, &query);
            let mut last = 0;
            for r in hs {
                prop_assert!(r.start >= last && r.start < r.end && r.end <= text.len());
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                last = r.end;
            }
        }
    }
}

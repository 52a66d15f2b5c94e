//! Finding a reader's query in provision texts.
//!
//! Case-insensitive (ASCII and simple Unicode lower-casing), whitespace-tolerant (a space in
//! the query matches any run of spaces or line breaks in the text), and returning byte ranges
//! in the original text so highlights land exactly, whatever the case mapping did.
//!
//! ```
//! let text = "proliferate Information\nweapons";
//! let hits = draftdiff_core::search::hits(text, "information weapons");
//! assert_eq!(&text[hits[0].clone()], "Information\nweapons");
//! ```

use std::ops::Range;

/// Shortest query that is searched (one letter would mark half the page).
pub const MIN_QUERY_CHARS: usize = 2;

/// Non-overlapping matches of `query` in `text`, in order, as byte ranges of `text`.
pub fn hits(text: &str, query: &str) -> Vec<Range<usize>> {
    let words: Vec<Vec<char>> = query
        .split_whitespace()
        .map(|w| w.chars().map(fold).collect())
        .collect();
    if words.iter().map(Vec::len).sum::<usize>() < MIN_QUERY_CHARS {
        return Vec::new();
    }
    // One lower-cased char per original char, with its byte offset: case mapping can change lengths.
    let chars: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        match match_at(&chars, i, &words) {
            Some(end) => {
                let stop = chars.get(end).map_or(text.len(), |(b, _)| *b);
                out.push(chars[i].0..stop);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// Simple one-to-one case folding (the first char of the lower-case mapping), same for text and query.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// If the query's words match starting at char `i` (separated by whitespace runs), the char index after the match.
fn match_at(chars: &[(usize, char)], mut i: usize, words: &[Vec<char>]) -> Option<usize> {
    for (n, word) in words.iter().enumerate() {
        if n > 0 {
            let start = i;
            while chars.get(i).is_some_and(|(_, c)| c.is_whitespace()) {
                i += 1;
            }
            if i == start {
                return None;
            }
        }
        for wc in word {
            if chars.get(i).map(|(_, c)| *c) != Some(*wc) {
                return None;
            }
            i += 1;
        }
    }
    Some(i)
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

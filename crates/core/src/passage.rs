//! Passages: a reader's selection turned into words a link can carry ([`passage_from_selection`]),
//! and those words found again in a provision's text ([`find_passage`]), through the one folding
//! rule search and keywords use (`draftdiff_data::fold`), so a passage survives typographic
//! quotes, dashes, case and line breaks.

use crate::link::Passage;
use draftdiff_data::fold::Folded;
use std::ops::Range;

/// Selections of at most this many words become a start-only [`Passage`].
pub const SHORT_SELECTION_WORDS: usize = 8;
/// Words kept at each end of a longer selection.
const EDGE_WORDS: usize = 4;

fn tidy(s: &str) -> String {
    crate::link::tidy(s).0
}

/// The passage a reader selected: whitespace-normalised; at most
/// [`SHORT_SELECTION_WORDS`] words become the start alone, longer selections are kept as
/// their first and last four words. `None` for a blank selection.
///
/// ```
/// use draftdiff_core::passage::passage_from_selection;
/// let p = passage_from_selection("  not to use\n information  ").unwrap();
/// assert_eq!((p.start.as_str(), p.end), ("not to use information", None));
/// let p = passage_from_selection("one two three four five six seven eight nine").unwrap();
/// assert_eq!((p.start.as_str(), p.end.as_deref()), ("one two three four", Some("six seven eight nine")));
/// ```
pub fn passage_from_selection(selected: &str) -> Option<Passage> {
    let words: Vec<&str> = selected.split_whitespace().collect();
    let (start, end) = match words.len() {
        0 => return None,
        // Nothing visible (only soft hyphens, zero-width spaces…): nothing to look for.
        _ if Folded::new(selected).text().is_empty() => return None,
        n if n <= SHORT_SELECTION_WORDS => (words.join(" "), None),
        n => (words[..EDGE_WORDS].join(" "), Some(words[n - EDGE_WORDS..].join(" "))),
    };
    Some(Passage {
        start: tidy(&start),
        end: end.map(|e| tidy(&e)),
    })
}

/// Where `passage` is in `text`, as a byte range on char boundaries. Case-insensitive and
/// tolerant of whitespace (line breaks), typographic quotes and dashes. Tries, in order:
/// start … end (the first start followed by an end); the start alone; the end alone; the
/// longest leading run of at least two start words; the longest trailing run of at least
/// two end words. `None` if none of these occurs.
///
/// ```
/// use draftdiff_core::link::Passage;
/// use draftdiff_core::passage::find_passage;
/// let text = "Not to use\ninformation and communications technologies";
/// let p = Passage { start: "to USE information".into(), end: Some("technologies".into()) };
/// assert_eq!(find_passage(text, &p), Some(4..text.len()));
/// ```
pub fn find_passage(text: &str, passage: &Passage) -> Option<Range<usize>> {
    let hay = Folded::new(text);
    let start = draftdiff_data::fold::fold(&passage.start);
    let end = passage
        .end
        .as_deref()
        .map(draftdiff_data::fold::fold)
        .unwrap_or_default();
    if !start.is_empty() && !end.is_empty() {
        for (at, _) in hay.text().match_indices(start.as_str()) {
            let after = at + start.len();
            if let Some(e) = hay.text().get(after..).and_then(|rest| rest.find(end.as_str())) {
                return hay.source(at, after + e + end.len());
            }
        }
    }
    if let Some(found) = hay.find(&start).or_else(|| hay.find(&end)) {
        return Some(found);
    }
    let start_words: Vec<&str> = start.split(' ').collect();
    let end_words: Vec<&str> = end.split(' ').collect();
    (2..start_words.len())
        .rev()
        .find_map(|n| hay.find(&start_words[..n].join(" ")))
        .or_else(|| {
            (2..end_words.len())
                .rev()
                .find_map(|n| hay.find(&end_words[end_words.len() - n..].join(" ")))
        })
}

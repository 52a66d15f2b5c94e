//! Landing on the phrase of a browser's text fragment (`page#2015-7:~:text=start,end`), the
//! links Chrome's "Copy link to highlight" and search engines make, when the browser's own
//! highlight was on the static text the app replaced.
//!
//! The directive is read where it is written (`link::text_directives`, re-exported here): only
//! its `start[,end]` is used, and the phrase is found with the passage rule
//! (`crate::passage::find_passage`), which tolerates case, line breaks, typographic quotes and
//! dashes as the browser does.
//!
//! ```
//! let found = draftdiff_core::fragment::text_directives("https://x/index.html#2015-7:~:text=information%20weapons");
//! assert_eq!(found[0].start, "information weapons");
//! ```

use crate::compare::{Comparison, Side};
use crate::corpus::Part;
pub use crate::link::text_directives;
use crate::link::{Anchor, Passage};
use crate::passage::find_passage;
use std::ops::Range;

/// Where a phrase is: the provision holding it, its part, and the phrase's range in the
/// provision's text in UTF-16 units (what the DOM counts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// The provision.
    pub anchor: Anchor,
    /// Its part (which must be open for the phrase to be seen).
    pub part: Part,
    /// The phrase in the provision's text, UTF-16 offsets.
    pub utf16: Range<u32>,
}

/// The first provision, in page order (parts, pairs, the earlier draft first), holding `passage`.
pub fn find(cmp: &Comparison, passage: &Passage) -> Option<Phrase> {
    cmp.sections().into_iter().find_map(|(part, pairs)| {
        pairs.into_iter().find_map(|pair| {
            [Side::Old, Side::New].into_iter().find_map(|side| {
                let index = cmp.index(pair, side)?;
                let text: &str = cmp.doc(side).provisions[index].text.as_ref();
                let bytes = exact(text, passage)?;
                let units = |b: usize| text[..b].encode_utf16().count() as u32;
                Some(Phrase {
                    anchor: cmp.doc(side).anchor(index),
                    part,
                    utf16: units(bytes.start)..units(bytes.end),
                })
            })
        })
    })
}

/// The passage's range in `text` only if its start (and end) really occur: the passage rule's
/// fallbacks to partial runs are right for our own links, not for the browser's phrase match.
fn exact(text: &str, passage: &Passage) -> Option<Range<usize>> {
    let folded = draftdiff_data::fold::Folded::new(text);
    let holds = |s: &str| folded.find(&draftdiff_data::fold::fold(s)).is_some();
    (holds(&passage.start) && passage.end.as_deref().is_none_or(holds)).then(|| find_passage(text, passage))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_found_in_collapsed_parts_and_in_the_code() {
        let cmp = Comparison::bundled();
        let at = |url: &str| find(&cmp, &text_directives(url)[0]);
        let p = at("i#:~:text=Recalling%20its%20resolutions").expect("in the preamble");
        assert_eq!(p.part, Part::Preamble);
        let text: &str = cmp
            .locate(&p.anchor)
            .map(|(pair, side)| {
                let i = cmp.index(pair, side).unwrap();
                cmp.doc(side).provisions[i].text.as_ref()
            })
            .unwrap();
        let words: String = text
            .encode_utf16()
            .skip(p.utf16.start as usize)
            .take((p.utf16.end - p.utf16.start) as usize)
            .map(|u| char::from_u32(u as u32).unwrap_or('?'))
            .collect();
        assert_eq!(words.to_lowercase(), "recalling its resolutions");
        let w = at("i#:~:text=information%20weapons").expect("in the drafts");
        assert!(w.anchor.to_string().starts_with("2011"), "{}", w.anchor);
        assert_eq!(at("i#:~:text=no%20such%20words%20anywhere"), None);
    }
}

//! Reading the browser's text fragments (`page#2015-7:~:text=start,end`), the links Chrome's
//! "Copy link to highlight" and search engines make to a phrase, so the widget can land on
//! the phrase itself when the browser's own highlight was on the static text it replaced.
//!
//! Only the directive's `start[,end]` is used (a `prefix-,` or `,-suffix` context is dropped):
//! the phrase is then found with the passage rule (`crate::passage::find_passage`), which
//! tolerates case, line breaks, typographic quotes and dashes as the browser does.
//!
//! ```
//! let found = draftdiff_core::fragment::text_directives("https://x/index.html#2015-7:~:text=information%20weapons");
//! assert_eq!(found[0].start, "information weapons");
//! ```

use crate::compare::{Comparison, Side};
use crate::corpus::Part;
use crate::link::{Anchor, Passage};
use crate::passage::find_passage;
use percent_encoding::percent_decode_str;
use std::ops::Range;

/// The text directives of `url`, in order, as passages.
pub fn text_directives(url: &str) -> Vec<Passage> {
    let Some((_, directives)) = url.split_once(":~:") else {
        return Vec::new();
    };
    directives
        .split('&')
        .filter_map(|d| d.strip_prefix("text="))
        .filter_map(|value| {
            let mut terms: Vec<String> = value
                .split(',')
                .map(|t| percent_decode_str(t).decode_utf8_lossy().into_owned())
                .collect();
            if terms.first().is_some_and(|t| t.ends_with('-')) {
                terms.remove(0);
            }
            if terms.len() > 1 && terms.last().is_some_and(|t| t.starts_with('-')) {
                terms.pop();
            }
            let mut terms = terms.into_iter().filter(|t| !t.trim().is_empty());
            let start = terms.next()?;
            Some(Passage {
                start,
                end: terms.next(),
            })
        })
        .collect()
}

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
    fn directives_drop_context_and_decode() {
        let d = text_directives("x#2015-7:~:text=to-,information%20weapons,-and&text=a,b");
        assert_eq!(d.len(), 2);
        assert_eq!(
            (d[0].start.as_str(), d[0].end.as_deref()),
            ("information weapons", None)
        );
        assert_eq!((d[1].start.as_str(), d[1].end.as_deref()), ("a", Some("b")));
        assert!(text_directives("x#2015-7").is_empty());
        assert!(text_directives("x#:~:text=").is_empty());
    }

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

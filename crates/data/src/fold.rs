//! The one text-folding rule: how two pieces of text are compared when a reader (or a data
//! file) means "the same words". Search, passage links, theme keywords and the notes' basis
//! words all match through [`Folded`], and the build validates the data with the same rule the
//! widget later matches with, so a note the build accepted is always found at run time.
//!
//! Rules, in order, for each character of the source:
//! - a run of whitespace (spaces, tabs, line breaks, no-break spaces) becomes one space, and
//!   leading or trailing whitespace disappears;
//! - invisible characters (soft hyphen, zero-width space and joiners, word joiner, BOM) and
//!   combining marks (accents typed as separate characters, U+0300–U+036F) are dropped;
//! - typographic quotes become `'` or `"`, dashes and the minus sign become `-`;
//! - letters are lower-cased (full Unicode lower-casing).
//!
//! [`verbatim`] applies the spacing rules alone, for words that claim to be quoted exactly.
//!
//! Every folded character remembers the byte range of the source it came from, so a match in
//! the folded text maps back to an exact range of the original ([`Folded::source`]).
//!
//! ```
//! use draftdiff_data::fold::Folded;
//! let text = "States’  “information\nweapons”";
//! let f = Folded::new(text);
//! assert_eq!(f.text(), "states' \"information weapons\"");
//! let hit = f.find("information weapons").unwrap();
//! assert_eq!(&text[hit], "information\nweapons");
//! ```

use std::ops::Range;

/// Text folded for matching, with a map back to the source.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    text: String,
    /// For each folded char: its byte offset in `text` and the source bytes it stands for.
    map: Vec<(usize, Range<usize>)>,
}

/// Whether `c` is dropped because it is invisible in print.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
    ) || ('\u{300}'..='\u{36f}').contains(&c)
}

impl Folded {
    /// Folds `src` by the rules above.
    pub fn new(src: &str) -> Folded {
        let mut folded = Folded {
            text: String::with_capacity(src.len()),
            map: Vec::with_capacity(src.len()),
        };
        let mut space: Option<Range<usize>> = None;
        for (i, c) in src.char_indices() {
            let here = i..i + c.len_utf8();
            if c.is_whitespace() {
                space = Some(space.map_or(here.clone(), |s| s.start..here.end));
                continue;
            }
            if invisible(c) {
                continue;
            }
            if let Some(s) = space.take().filter(|_| !folded.text.is_empty()) {
                folded.push(' ', s);
            }
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{2bc}' => folded.push('\'', here),
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => folded.push('"', here),
                '\u{2010}'..='\u{2015}' | '\u{2212}' => folded.push('-', here),
                c if c.is_ascii() => folded.push(c.to_ascii_lowercase(), here),
                _ => c
                    .to_lowercase()
                    .filter(|l| !invisible(*l))
                    .for_each(|l| folded.push(l, here.clone())),
            }
        }
        folded
    }

    fn push(&mut self, c: char, src: Range<usize>) {
        self.map.push((self.text.len(), src));
        self.text.push(c);
    }

    /// The folded text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The source bytes behind the folded bytes `from..to` (both on folded char boundaries).
    pub fn source(&self, from: usize, to: usize) -> Option<Range<usize>> {
        let first = self.map.binary_search_by_key(&from, |m| m.0).ok()?;
        let last = self.map.partition_point(|m| m.0 < to).checked_sub(1)?;
        Some(self.map.get(first)?.1.start..self.map.get(last)?.1.end)
    }

    /// The source range of the first occurrence of `needle` (already folded).
    pub fn find(&self, needle: &str) -> Option<Range<usize>> {
        if needle.is_empty() {
            return None;
        }
        let at = self.text.find(needle)?;
        self.source(at, at + needle.len())
    }

    /// Source ranges of every non-overlapping occurrence of `needle` (already folded).
    pub fn find_all<'a>(&'a self, needle: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
        self.text
            .match_indices(needle)
            .filter(|_| !needle.is_empty())
            .filter_map(|(at, m)| self.source(at, at + m.len()))
    }
}

/// `s` folded, without the map: for comparing two texts.
pub fn fold(s: &str) -> String {
    Folded::new(s).text
}

/// `s` with only the spacing rules applied (whitespace runs to one space, invisible characters
/// and combining marks dropped), keeping case, quotes and dashes: the strict level for words
/// that claim to be *verbatim*, like a note's basis and quotes, checked against the drafts.
pub fn verbatim(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !invisible(*c)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_quotes_dashes_case_and_marks_fold() {
        assert_eq!(fold("  A\u{a0}\tB\n\nC  "), "a b c");
        assert_eq!(fold("‘x’ “y” a–b a—b −1"), "'x' \"y\" a-b a-b -1");
        assert_eq!(fold("co\u{ad}ope\u{200b}ration"), "cooperation");
        assert_eq!(fold("peace \u{301}\u{301}"), "peace");
        assert_eq!(verbatim("  “Are”\n necessary–  "), "“Are” necessary–");
        assert_eq!(fold("ÉTATS İ"), "états i");
    }

    #[test]
    fn matches_map_back_to_exact_source_bytes() {
        let text = "Use of ICTs — “to undermine”   the STATES’ peace";
        let f = Folded::new(text);
        let r = f.find(&fold("to undermine\" the states'")).unwrap();
        assert_eq!(&text[r], "to undermine”   the STATES’");
        assert_eq!(f.find_all("e").count(), text.to_lowercase().matches('e').count());
        assert_eq!(f.find(""), None);
        assert_eq!(f.find("war"), None);
    }
}

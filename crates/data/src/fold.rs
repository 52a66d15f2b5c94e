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
//! - letters are lower-cased by [`lower`]: the scripts of the six UN official languages (Latin
//!   with all its accented letters, Greek, Cyrillic; Arabic and Chinese have no case), exactly
//!   as Unicode lower-cases them; letters of other cased scripts (Armenian, Georgian…) are
//!   kept as they are. A hand-made table rather than `char::to_lowercase`, whose full Unicode
//!   table is about 12 KB of the viewer wasm that every embed downloads.
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
        each_folded(src, |c, here| folded.push(c, here));
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

/// The folding rule itself: `emit(folded char, source bytes it stands for)` for each folded
/// char, in order. [`Folded::new`] keeps both; [`fold`] keeps only the chars, so a caller that
/// only compares texts (theme detection, a comparison's search text) never builds the map,
/// which takes several times the text's memory.
fn each_folded(src: &str, mut emit: impl FnMut(char, Range<usize>)) {
    let mut space: Option<Range<usize>> = None;
    let mut started = false;
    for (i, c) in src.char_indices() {
        let here = i..i + c.len_utf8();
        if c.is_whitespace() {
            space = Some(space.map_or(here.clone(), |s| s.start..here.end));
            continue;
        }
        if invisible(c) {
            continue;
        }
        if let Some(s) = space.take().filter(|_| started) {
            emit(' ', s);
        }
        started = true;
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{2bc}' => emit('\'', here),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => emit('"', here),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => emit('-', here),
            c => emit(lower(c), here),
        }
    }
}

/// `c` lower-cased, for the scripts named in the module docs (others are returned unchanged).
/// Unicode maps `İ` to `i` plus a combining dot, which folding drops: here it is plain `i`.
pub fn lower(c: char) -> char {
    let u = c as u32;
    let pair =
        |first: u32, last: u32, even_upper: bool| (first..=last).contains(&u) && u.is_multiple_of(2) == even_upper;
    let to = match u {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde => u + 0x20,
        0x130 => 0x69,
        0x178 => 0xff,
        0x181 => 0x253,
        0x186 => 0x254,
        0x189 => 0x256,
        0x18a => 0x257,
        0x18e => 0x1dd,
        0x18f => 0x259,
        0x190 => 0x25b,
        0x193 => 0x260,
        0x194 => 0x263,
        0x196 => 0x269,
        0x197 => 0x268,
        0x19c => 0x26f,
        0x19d => 0x272,
        0x19f => 0x275,
        0x1a6 => 0x280,
        0x1a9 => 0x283,
        0x1ae => 0x288,
        0x1b1 => 0x28a,
        0x1b2 => 0x28b,
        0x1b7 => 0x292,
        0x1c4 | 0x1c7 | 0x1ca | 0x1f1 => u + 2,
        0x1c5 | 0x1c8 | 0x1cb | 0x1f2 => u + 1,
        0x1f6 => 0x195,
        0x1f7 => 0x1bf,
        0x220 => 0x19e,
        0x23a => 0x2c65,
        0x23d => 0x19a,
        0x23e => 0x2c66,
        0x243 => 0x180,
        0x244 => 0x289,
        0x245 => 0x28c,
        0x37f => 0x3f3,
        0x386 => 0x3ac,
        0x388..=0x38a => u + 37,
        0x38c => 0x3cc,
        0x38e | 0x38f => u + 63,
        0x391..=0x3a1 | 0x3a3..=0x3ab => u + 0x20,
        0x3cf => 0x3d7,
        0x3f4 => 0x3b8,
        0x3f7 | 0x3fa => u + 1,
        0x3f9 => 0x3f2,
        0x3fd..=0x3ff => u - 130,
        0x400..=0x40f => u + 0x50,
        0x410..=0x42f => u + 0x20,
        0x4c0 => 0x4cf,
        0x1e9e => 0xdf,
        _ if pair(0x100, 0x12f, true)
            || pair(0x132, 0x137, true)
            || pair(0x139, 0x148, false)
            || pair(0x14a, 0x177, true)
            || pair(0x179, 0x17e, false)
            || pair(0x182, 0x185, true)
            || pair(0x187, 0x188, false)
            || pair(0x18b, 0x18c, false)
            || pair(0x191, 0x192, false)
            || pair(0x198, 0x199, true)
            || pair(0x1a0, 0x1a5, true)
            || pair(0x1a7, 0x1a8, false)
            || pair(0x1ac, 0x1ad, true)
            || pair(0x1af, 0x1b0, false)
            || pair(0x1b3, 0x1b6, false)
            || pair(0x1b8, 0x1b9, true)
            || pair(0x1bc, 0x1bd, true)
            || pair(0x1cd, 0x1dc, false)
            || pair(0x1de, 0x1ef, true)
            || pair(0x1f4, 0x1f5, true)
            || pair(0x1f8, 0x21f, true)
            || pair(0x222, 0x233, true)
            || pair(0x23b, 0x23c, false)
            || pair(0x241, 0x242, false)
            || pair(0x246, 0x24f, true)
            || pair(0x370, 0x373, true)
            || pair(0x376, 0x377, true)
            || pair(0x3d8, 0x3ef, true)
            || pair(0x460, 0x481, true)
            || pair(0x48a, 0x4bf, true)
            || pair(0x4c1, 0x4ce, false)
            || pair(0x4d0, 0x52f, true)
            || pair(0x1e00, 0x1e95, true)
            || pair(0x1ea0, 0x1eff, true) =>
        {
            u + 1
        }
        _ => u,
    };
    char::from_u32(to).unwrap_or(c)
}

/// `s` lower-cased by [`lower`], without any other folding (the alignment's word bags).
pub fn lowercase(s: &str) -> String {
    s.chars().map(lower).collect()
}

/// `s` folded, without the map: for comparing two texts.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    each_folded(s, |c, _| out.push(c));
    out
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

    /// The covered scripts lower-case exactly as Unicode does (where Unicode gives one char);
    /// every other char is left alone, and nothing else is changed.
    #[test]
    fn lower_agrees_with_unicode_on_the_un_languages_scripts() {
        let covered = [0..0x250, 0x370..0x400, 0x400..0x530, 0x1e00..0x1f00];
        let mut checked = 0;
        for range in covered {
            for c in range.filter_map(char::from_u32) {
                let mut unicode = c.to_lowercase();
                let (Some(one), None) = (unicode.next(), unicode.next()) else {
                    continue;
                };
                assert_eq!(lower(c), one, "U+{:04X} {c}", c as u32);
                checked += 1;
            }
        }
        assert!(checked > 1200, "only {checked} chars checked");
        assert_eq!(lower('İ'), 'i');
        assert_eq!(lower('ẞ'), 'ß');
        // Outside the covered scripts: unchanged, even where Unicode has a lower case.
        for c in ['Ա', 'Ⴀ', '日', 'ا', '1', ' '] {
            assert_eq!(lower(c), c);
        }
        assert_eq!(lowercase("ÉTATS Российской ΕΛΛΆΔΑ"), "états российской ελλάδα");
    }

    /// [`fold`] skips the map but must give the very text [`Folded::new`] gives: every pair of
    /// the pieces below, which cover each rule, at the start, middle and end of a text.
    #[test]
    fn fold_without_the_map_is_the_folded_text() {
        let pieces = [
            "", " ", "  \n\t", "\u{a0}", "A", "états", "İ", "\u{ad}", "\u{200b}", "\u{301}", "’", "“", "—", "\u{2212}",
            "x y", "人权", "ß",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}");
                    assert_eq!(fold(&s), Folded::new(&s).text(), "{s:?}");
                }
            }
        }
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

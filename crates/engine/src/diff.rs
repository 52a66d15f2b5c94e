//! Word diff of two versions of one provision.
//!
//! Why words and not characters: diplomats read a revision as "this phrase became that
//! phrase". A character diff shows confetti (`secession` → `separat` + `ism`), a line diff
//! shows nothing useful for one-paragraph provisions. So the text is cut into words,
//! single punctuation marks and runs of whitespace (see [`tokenize`]); a change of mark
//! (`States,` → `States;`) stays a change of mark.
//!
//! Why a clean-up after the diff: a minimal edit script happily keeps an isolated `the`
//! or a lone space as "unchanged" between two rewritten phrases. Like diff-match-patch's
//! `diff_cleanupSemantic`, but on tokens, such small unchanged islands are absorbed into
//! the surrounding deletion and insertion, and pure insertions or deletions are slid to the
//! nicest word boundary, so readers see whole phrases replaced.
//!
//! Every [`WordDiff`] reassembles both inputs exactly, whatever the input.
//!
//! ```
//! use draftdiff_engine::diff::{word_diff, Change};
//! let d = word_diff("all States,", "all States;");
//! assert_eq!(d.old_text(), "all States,");
//! assert_eq!(d.new_text(), "all States;");
//! assert_eq!(d.spans[0].text, "all States");
//! assert_eq!(d.spans[1].change, Change::Delete);
//! assert_eq!(d.words_deleted(), 0); // only a punctuation mark changed
//! ```

use crate::sequence::{diff_ids, intern, Instant};
use similar::DiffOp;
use std::ops::Range;
use std::time::Duration;

/// What happened to a span of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Present in both versions.
    Equal,
    /// Only in the old version.
    Delete,
    /// Only in the new version.
    Insert,
}

/// A run of text with one [`Change`].
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// What happened to the text.
    pub change: Change,
    /// The text itself, never empty.
    pub text: String,
}

/// The word diff of two texts: spans in reading order, a deletion before the insertion
/// that replaces it, never two adjacent spans with the same [`Change`].
#[derive(Clone, Debug, PartialEq, Default)]
pub struct WordDiff {
    /// The spans in reading order.
    pub spans: Vec<Span>,
    /// The time budget ran out, so the diff is correct but coarser than it could be.
    pub simplified: bool,
}

impl WordDiff {
    /// The old text, reassembled from the equal and deleted spans.
    pub fn old_text(&self) -> String {
        self.text_without(Change::Insert)
    }

    /// The new text, reassembled from the equal and inserted spans.
    pub fn new_text(&self) -> String {
        self.text_without(Change::Delete)
    }

    /// Words (not whitespace or punctuation) in inserted spans.
    pub fn words_inserted(&self) -> usize {
        self.words_in(Change::Insert)
    }

    /// Words (not whitespace or punctuation) in deleted spans.
    pub fn words_deleted(&self) -> usize {
        self.words_in(Change::Delete)
    }

    /// Word-level similarity `2 * equal / (old + new)`, in `0..=1`; `1.0` when both texts
    /// hold no words at all.
    pub fn similarity(&self) -> f32 {
        let equal = self.words_in(Change::Equal);
        let total = 2 * equal + self.words_inserted() + self.words_deleted();
        if total == 0 {
            1.0
        } else {
            (2 * equal) as f32 / total as f32
        }
    }

    fn text_without(&self, skip: Change) -> String {
        self.spans
            .iter()
            .filter(|s| s.change != skip)
            .map(|s| s.text.as_str())
            .collect()
    }

    fn words_in(&self, change: Change) -> usize {
        self.spans
            .iter()
            .filter(|s| s.change == change)
            .map(|s| words(&s.text).count())
            .sum()
    }
}

/// Cuts `text` into tokens whose concatenation is `text` exactly:
///
/// * words: letters, digits and combining marks, joined across an inner hyphen or
///   apostrophe (`capacity-building`, `people's`). A trailing apostrophe is a mark of its
///   own (`countries'` is `countries` + `'`), so adding or dropping it changes only the mark;
/// * each Chinese or Japanese character on its own, since those scripts write no spaces;
/// * a run of whitespace;
/// * any other single character (punctuation, symbols).
///
/// ```
/// use draftdiff_engine::diff::tokenize;
/// assert_eq!(tokenize("other countries' capacity-building;"),
///            ["other", " ", "countries", "'", " ", "capacity-building", ";"]);
/// ```
pub fn tokenize(text: &str) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let mut end = start + c.len_utf8();
        match class(c) {
            Class::Space => {
                while let Some(&(i, n)) = chars.peek().filter(|(_, n)| n.is_whitespace()) {
                    end = i + n.len_utf8();
                    chars.next();
                }
            }
            Class::Word => loop {
                let mut ahead = chars.clone();
                match ahead.next() {
                    Some((i, n)) if class(n) == Class::Word => end = i + n.len_utf8(),
                    Some((_, n)) if is_joiner(n) => match ahead.next() {
                        Some((i, w)) if class(w) == Class::Word => {
                            end = i + w.len_utf8();
                            chars.next();
                        }
                        _ => break,
                    },
                    _ => break,
                }
                chars.next();
            },
            Class::Single => {}
        }
        tokens.push(&text[start..end]);
    }
    tokens
}

/// The words of `text`, in order (tokens that are neither whitespace nor punctuation): the one
/// definition of a word, used by the diff's counts and the statistics.
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    tokenize(text).into_iter().filter(|t| is_word(t))
}

/// Whether a token is a word.
fn is_word(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| class(c) == Class::Word || is_ideograph(c))
}

/// Short function words: they carry little meaning on their own, so an unchanged one
/// between two edits does not deserve to split a rewritten phrase.
pub(crate) fn is_stopword(word: &str) -> bool {
    const STOPWORDS: [&str; 24] = [
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "has", "in", "is", "it", "its", "of", "on",
        "or", "that", "the", "their", "this", "to", "which",
    ];
    STOPWORDS.iter().any(|s| s.eq_ignore_ascii_case(word))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Word,
    Single,
}

fn class(c: char) -> Class {
    if c.is_whitespace() {
        Class::Space
    } else if is_ideograph(c) {
        Class::Single
    } else if c.is_alphanumeric() || is_combining(c) {
        Class::Word
    } else {
        Class::Single
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '\u{2019}' | '\u{2010}' | '\u{2011}')
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{3FFFF}')
}

/// The exact word diff of `old` and `new`.
pub fn word_diff(old: &str, new: &str) -> WordDiff {
    diff(old, new, None)
}

/// The word diff of `old` and `new`, giving up on minimality once `budget` has elapsed
/// (then [`WordDiff::simplified`] is set; the spans still reassemble both texts).
pub fn word_diff_within(old: &str, new: &str, budget: Duration) -> WordDiff {
    let deadline = Instant::now().checked_add(budget);
    let mut result = diff(old, new, deadline);
    result.simplified = deadline.is_some_and(|d| Instant::now() > d);
    result
}

/// A stretch of the diff: token ranges in the old and new texts, either equal (same
/// tokens on both sides) or an edit (old range deleted, new range inserted).
#[derive(Clone, Debug)]
struct Chunk {
    equal: bool,
    old: Range<usize>,
    new: Range<usize>,
}

/// The two token streams with what the clean-up needs to know about them.
struct Sides<'a> {
    old: Vec<&'a str>,
    new: Vec<&'a str>,
    /// Prefix sums of [`weight`] over each side.
    old_weight: Vec<u32>,
    new_weight: Vec<u32>,
}

/// How much a token counts when judging whether an unchanged island is worth keeping:
/// content words 4, function words 2, whitespace and punctuation 0.
fn weight(token: &str) -> u32 {
    match (is_word(token), is_stopword(token)) {
        (false, _) => 0,
        (true, true) => 2,
        (true, false) => 4,
    }
}

fn prefix_weights(tokens: &[&str]) -> Vec<u32> {
    std::iter::once(0)
        .chain(tokens.iter().scan(0u32, |sum, t| {
            *sum = sum.saturating_add(weight(t));
            Some(*sum)
        }))
        .collect()
}

impl Sides<'_> {
    fn old_w(&self, r: &Range<usize>) -> u32 {
        self.old_weight[r.end] - self.old_weight[r.start]
    }

    fn new_w(&self, r: &Range<usize>) -> u32 {
        self.new_weight[r.end] - self.new_weight[r.start]
    }

    fn edit_w(&self, c: &Chunk) -> u32 {
        self.old_w(&c.old).max(self.new_w(&c.new))
    }
}

fn diff(old: &str, new: &str, deadline: Option<Instant>) -> WordDiff {
    let (a, b) = (tokenize(old), tokenize(new));
    let (ia, ib) = intern(a.iter().copied(), b.iter().copied());
    let ops = diff_ids(&ia, &ib, deadline);
    let sides = Sides {
        old_weight: prefix_weights(&a),
        new_weight: prefix_weights(&b),
        old: a,
        new: b,
    };
    let mut chunks = Vec::with_capacity(ops.len());
    for op in &ops {
        let (_, o, n) = op.as_tag_tuple();
        push(
            &mut chunks,
            Chunk {
                equal: matches!(op, DiffOp::Equal { .. }),
                old: o,
                new: n,
            },
        );
    }
    let mut chunks = factor_common_ends(absorb_small_equalities(chunks, &sides), &sides);
    slide_to_word_boundaries(&mut chunks, &sides);
    WordDiff {
        spans: spans(&chunks, old, new, &sides),
        simplified: false,
    }
}

/// Appends `c`, dropping it if empty and merging it into the last chunk if of the same kind.
fn push(out: &mut Vec<Chunk>, c: Chunk) {
    if c.old.is_empty() && c.new.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.equal == c.equal => {
            last.old.end = c.old.end;
            last.new.end = c.new.end;
        }
        _ => out.push(c),
    }
}

/// Absorbs each unchanged island that sits between two edits and weighs less than the edit
/// on either side (or nothing at all: whitespace, punctuation) into one replacement.
/// Stack-based, so each merge is checked again against the island before it, in linear time.
fn absorb_small_equalities(chunks: Vec<Chunk>, sides: &Sides) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::with_capacity(chunks.len());
    for mut c in chunks {
        if !c.equal {
            while let [.., before, island] = out.as_slice() {
                if before.equal || !island.equal || !absorbs(before, island, &c, sides) {
                    break;
                }
                let start = (before.old.start, before.new.start);
                out.truncate(out.len() - 2);
                c = Chunk {
                    equal: false,
                    old: start.0..c.old.end,
                    new: start.1..c.new.end,
                };
            }
        }
        push(&mut out, c);
    }
    out
}

fn absorbs(before: &Chunk, island: &Chunk, after: &Chunk, sides: &Sides) -> bool {
    let deletes = !before.old.is_empty() || !after.old.is_empty();
    let inserts = !before.new.is_empty() || !after.new.is_empty();
    let w = sides.old_w(&island.old);
    // Merging two pure insertions (or deletions) would invent a deletion (insertion).
    deletes && inserts && (w == 0 || (w < sides.edit_w(before) && w < sides.edit_w(after)))
}

/// Moves tokens that begin (or end) both sides of a replacement into the equal text
/// around it: `x[- a-]{+ b+}` becomes `x [-a-]{+b+}`.
fn factor_common_ends(chunks: Vec<Chunk>, sides: &Sides) -> Vec<Chunk> {
    let mut out = Vec::with_capacity(chunks.len());
    for c in chunks {
        if c.equal || c.old.is_empty() || c.new.is_empty() {
            push(&mut out, c);
            continue;
        }
        let (o, n) = (&sides.old[c.old.clone()], &sides.new[c.new.clone()]);
        let head = o.iter().zip(n).take_while(|(a, b)| a == b).count();
        let tail = o[head..]
            .iter()
            .rev()
            .zip(n[head..].iter().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let (old_mid, new_mid) = (
            c.old.start + head..c.old.end - tail,
            c.new.start + head..c.new.end - tail,
        );
        push(
            &mut out,
            Chunk {
                equal: true,
                old: c.old.start..old_mid.start,
                new: c.new.start..new_mid.start,
            },
        );
        push(
            &mut out,
            Chunk {
                equal: false,
                old: old_mid.clone(),
                new: new_mid.clone(),
            },
        );
        push(
            &mut out,
            Chunk {
                equal: true,
                old: old_mid.end..c.old.end,
                new: new_mid.end..c.new.end,
            },
        );
    }
    out
}

/// Slides each pure insertion or deletion along equal neighbours (`a{+ b+} c` and
/// `a {+b +}c` say the same) to where its edges fall on whitespace, so the equal text
/// keeps the spaces and the edit starts with a word.
fn slide_to_word_boundaries(chunks: &mut Vec<Chunk>, sides: &Sides) {
    /// Bounds the work on repetitive text such as `a a a a`.
    const MAX_SLIDE: usize = 32;
    // A slide moves equal tokens from one neighbour of an edit to the other: give edits at
    // either end of the text an (empty) equal neighbour to receive them.
    if chunks.first().is_some_and(|c| !c.equal) {
        chunks.insert(
            0,
            Chunk {
                equal: true,
                old: 0..0,
                new: 0..0,
            },
        );
    }
    if chunks.last().is_some_and(|c| !c.equal) {
        let (o, n) = (sides.old.len(), sides.new.len());
        chunks.push(Chunk {
            equal: true,
            old: o..o,
            new: n..n,
        });
    }
    for i in 0..chunks.len() {
        let c = &chunks[i];
        if c.equal || (!c.old.is_empty() && !c.new.is_empty()) {
            continue;
        }
        let (toks, r) = if c.old.is_empty() {
            (&sides.new, c.new.clone())
        } else {
            (&sides.old, c.old.clone())
        };
        let room_left = i.checked_sub(1).map_or(0, |p| chunks[p].old.len()).min(MAX_SLIDE);
        let room_right = chunks.get(i + 1).map_or(0, |n| n.old.len()).min(MAX_SLIDE);
        let left = (1..=room_left)
            .take_while(|&k| toks[r.start - k] == toks[r.end - k])
            .count();
        let right = (0..room_right)
            .take_while(|&k| toks[r.start + k] == toks[r.end + k])
            .count();
        let mut best = (boundary_score(toks, r.clone()), 0isize);
        for shift in (1..=left).map(|k| -(k as isize)).chain((1..=right).map(|k| k as isize)) {
            let moved = r.start.saturating_add_signed(shift)..r.end.saturating_add_signed(shift);
            let score = boundary_score(toks, moved);
            if score > best.0 {
                best = (score, shift);
            }
        }
        let shift = best.1;
        if shift != 0 {
            let move_range = |r: &mut Range<usize>, start: bool, end: bool| {
                if start {
                    r.start = r.start.saturating_add_signed(shift);
                }
                if end {
                    r.end = r.end.saturating_add_signed(shift);
                }
            };
            if let Some(p) = i.checked_sub(1) {
                move_range(&mut chunks[p].old, false, true);
                move_range(&mut chunks[p].new, false, true);
            }
            move_range(&mut chunks[i].old, true, true);
            move_range(&mut chunks[i].new, true, true);
            if let Some(n) = chunks.get_mut(i + 1) {
                move_range(&mut n.old, true, false);
                move_range(&mut n.new, true, false);
            }
        }
    }
    let slid = std::mem::take(chunks);
    for c in slid {
        push(chunks, c);
    }
}

/// How good the edges of an edit over `toks[r]` are, in the spirit of diff-match-patch's
/// semantic score: text edges and line breaks best, then whitespace, then punctuation;
/// ties go to the edit that starts with a word rather than with whitespace.
fn boundary_score(toks: &[&str], r: Range<usize>) -> u32 {
    let edge = |x: Option<&&str>, y: Option<&&str>| match (x, y) {
        (Some(x), Some(y)) => {
            let ws = |t: &str| t.starts_with(char::is_whitespace);
            if [x, y].iter().any(|t| ws(t) && t.contains('\n')) {
                4
            } else if ws(x) || ws(y) {
                2
            } else if !is_word(x) || !is_word(y) {
                1
            } else {
                0
            }
        }
        _ => 6,
    };
    let left = edge(r.start.checked_sub(1).and_then(|p| toks.get(p)), toks.get(r.start));
    let right = edge(r.end.checked_sub(1).and_then(|l| toks.get(l)), toks.get(r.end));
    let starts_with_word = toks.get(r.start).is_some_and(|t| !t.starts_with(char::is_whitespace));
    2 * (left + right) + u32::from(starts_with_word)
}

fn spans(chunks: &[Chunk], old: &str, new: &str, sides: &Sides) -> Vec<Span> {
    let offsets = |toks: &[&str]| -> Vec<usize> {
        std::iter::once(0)
            .chain(toks.iter().scan(0, |sum, t| {
                *sum += t.len();
                Some(*sum)
            }))
            .collect()
    };
    let (old_at, new_at) = (offsets(&sides.old), offsets(&sides.new));
    let slice = |text: &str, at: &[usize], r: &Range<usize>| text[at[r.start]..at[r.end]].to_string();
    let mut out = Vec::with_capacity(chunks.len() + 1);
    for c in chunks {
        if c.equal {
            out.push(Span {
                change: Change::Equal,
                text: slice(old, &old_at, &c.old),
            });
            continue;
        }
        if !c.old.is_empty() {
            out.push(Span {
                change: Change::Delete,
                text: slice(old, &old_at, &c.old),
            });
        }
        if !c.new.is_empty() {
            out.push(Span {
                change: Change::Insert,
                text: slice(new, &new_at, &c.new),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn render(d: &WordDiff) -> String {
        d.spans
            .iter()
            .map(|s| match s.change {
                Change::Equal => s.text.clone(),
                Change::Delete => format!("[-{}-]", s.text),
                Change::Insert => format!("{{+{}+}}", s.text),
            })
            .collect()
    }

    #[test]
    fn tokens_are_words_marks_and_whitespace() {
        assert_eq!(tokenize("States, and"), ["States", ",", " ", "and"]);
        assert_eq!(tokenize("  a\n\tb "), ["  ", "a", "\n\t", "b", " "]);
        assert_eq!(tokenize("people's non-State"), ["people's", " ", "non-State"]);
        assert_eq!(tokenize("-x- 'y'"), ["-", "x", "-", " ", "'", "y", "'"]);
        assert_eq!(tokenize("A/66/359"), ["A", "/", "66", "/", "359"]);
        assert_eq!(tokenize("信息安全 café"), ["信", "息", "安", "全", " ", "café"]);
        assert_eq!(tokenize("cafe\u{301}!"), ["cafe\u{301}", "!"]);
        assert!(tokenize("").is_empty());
        assert_eq!(
            words("Not to use, ICTs").collect::<Vec<_>>(),
            ["Not", "to", "use", "ICTs"]
        );
    }

    #[test]
    fn only_the_mark_changes() {
        let d = word_diff("all States,", "all States;");
        assert_eq!(render(&d), "all States[-,-]{+;+}");
        assert_eq!((d.words_deleted(), d.words_inserted(), d.similarity()), (0, 0, 1.0));
    }

    #[test]
    fn whitespace_stays_in_the_equal_part() {
        assert_eq!(render(&word_diff("a c", "a b c")), "a {+b +}c");
        assert_eq!(render(&word_diff("a b c", "a c")), "a [-b -]c");
        assert_eq!(render(&word_diff("x, z", "x, y, z")), "x, {+y, +}z");
        assert_eq!(render(&word_diff("a", "a b")), "a{+ b+}");
    }

    #[test]
    fn small_islands_are_absorbed_into_phrases() {
        let d = word_diff(
            "to carry out hostile acts of aggression now",
            "to carry out tasks of peace now",
        );
        assert_eq!(
            render(&d),
            "to carry out [-hostile acts of aggression-]{+tasks of peace+} now"
        );
        // A content word between two one-word edits is worth keeping.
        assert_eq!(
            render(&word_diff("red States blue", "green States yellow")),
            "[-red-]{+green+} States [-blue-]{+yellow+}"
        );
    }

    #[test]
    fn identical_and_empty_texts() {
        assert_eq!(word_diff("", ""), WordDiff::default());
        assert_eq!(word_diff("", "").similarity(), 1.0);
        let d = word_diff("same text", "same text");
        assert_eq!(
            d.spans,
            [Span {
                change: Change::Equal,
                text: "same text".into()
            }]
        );
        assert_eq!(render(&word_diff("", "new")), "{+new+}");
        assert_eq!(render(&word_diff("old", "")), "[-old-]");
        assert_eq!(word_diff("old", "").similarity(), 0.0);
    }

    #[test]
    fn budget_variant_reassembles_and_flags_only_overruns() {
        let d = word_diff_within("a b c", "a x c", Duration::from_secs(60));
        assert!(!d.simplified);
        assert_eq!(d, word_diff("a b c", "a x c"));
        let old = "w ".repeat(3000) + &"v ".repeat(3000);
        let new = "v ".repeat(3000) + &"w ".repeat(3000);
        let d = word_diff_within(&old, &new, Duration::ZERO);
        assert!(d.simplified);
        assert_eq!((d.old_text(), d.new_text()), (old, new));
        assert!(word_diff_within("a", "b", Duration::MAX).spans.len() == 2);
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let token = prop_oneof![
            4 => prop::sample::select(vec!["the", "of", "States", "State", "code", "a", "x-y", "it's", "Ü", "信"]),
            2 => prop::sample::select(vec![" ", "  ", "\n", "\t ", ""]),
            2 => prop::sample::select(vec![",", ";", ".", "'", "-", "(", ")", "’", "\u{301}", "😀"]),
        ];
        (prop::collection::vec(token, 0..24), ".{0,6}").prop_map(|(toks, noise)| toks.concat() + &noise)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2500))]
        #[test]
        fn diff_invariants(old in text_strategy(), new in text_strategy()) {
            let d = word_diff(&old, &new);
            prop_assert_eq!(d.old_text(), old.clone());
            prop_assert_eq!(d.new_text(), new.clone());
            prop_assert!(d.spans.iter().all(|s| !s.text.is_empty()));
            prop_assert!(d.spans.windows(2).all(|w| w[0].change != w[1].change));
            prop_assert!(d.spans.windows(2).all(|w| (w[0].change, w[1].change) != (Change::Insert, Change::Delete)));
            prop_assert!((0.0..=1.0).contains(&d.similarity()));
            prop_assert_eq!(tokenize(&old).concat(), old.clone());
            let same = word_diff(&old, &old);
            prop_assert_eq!(same.spans.len(), usize::from(!old.is_empty()));
            prop_assert_eq!(same.similarity(), 1.0);
            prop_assert_eq!(word_diff(&old, &new), d);
        }
    }
}

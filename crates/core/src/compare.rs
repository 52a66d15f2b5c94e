//! The comparison: two documents, their alignment, and the word diff of every changed pair.
//!
//! Computed once per pair of documents and then only read: theme filters, views, search and
//! links all work on this value, so toggling them never re-runs the alignment or a diff.
//!
//! The bundled drafts give the same comparison every time, so it is not computed at run time:
//! the build script runs the same engine natively and ships its result as compact bytes
//! (`draftdiff_engine::packed`), and [`Comparison::bundled`] only decodes them, on every target.
//! A native test checks the decoded value against [`Comparison::new`], so the two cannot drift.
//!
//! ```
//! use draftdiff_core::{compare::Comparison, corpus::bundled};
//! let [old, new] = bundled();
//! let cmp = Comparison::new(old.clone(), new.clone());
//! let f = draftdiff_core::link::Anchor::parse("2011-f").unwrap();
//! let pair = cmp.pair_of_anchor(&f).unwrap();
//! assert_eq!(cmp.new.provisions[cmp.pairs[pair].row.new.unwrap()].id, "7");
//! assert_eq!(cmp, Comparison::bundled());
//! ```

use crate::align::{Options, RowKind};
use crate::corpus::{Document, Part};
use crate::diff::words;
use crate::link::Anchor;
use crate::themes::{self, ThemeSet};
use draftdiff_data::fold::fold;
use draftdiff_engine::{packed, pairing};
use std::sync::OnceLock;

pub use draftdiff_engine::pairing::Pair;

/// Which version a provision belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Side {
    /// The earlier version.
    Old,
    /// The later version.
    New,
}

/// Two versions of one document, aligned and diffed.
///
/// The fields are public to read; a comparison is never changed once made (its caches of
/// themes, search text and anchors are computed from the fields on first use and kept).
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The earlier version.
    pub old: Document,
    /// The later version.
    pub new: Document,
    /// Aligned rows in reading order.
    pub pairs: Vec<Pair>,
    /// True when a time or size budget made the alignment or a diff cruder than it could be.
    pub simplified: bool,
    /// What views ask of every provision on every render, computed once per comparison.
    caches: Caches,
}

/// Per-comparison caches. Why: a reader's comparison holds megabytes of text in thousands of
/// provisions, and every render asks each row for its themes, every search keystroke needs
/// each provision's folded text, and every rendered provision looks up an anchor. Computed
/// from scratch those are a scan of the whole text per render (themes), per keystroke
/// (folding) and a quadratic walk (anchor → pair); here each is computed once, on first use,
/// so a page that never filters or searches never pays for it.
///
/// Derived data only: two comparisons are equal when their documents and pairs are, whatever
/// has been cached, and a clone starts with empty caches.
#[derive(Default)]
struct Caches {
    /// Themes of every provision, per side (hand tags or keyword detection: [`Comparison::themes_of`]).
    themes: OnceLock<[Vec<ThemeSet>; 2]>,
    /// Every provision's text folded by the one folding rule, per side.
    folded: OnceLock<[Vec<String>; 2]>,
    /// (provision index, pair index) of every provision in a pair, sorted by the provision's
    /// id, per side: a binary search finds an anchor's pair (no hash map, whose code the
    /// viewer's wasm would carry for this alone).
    anchors: OnceLock<[Vec<(usize, usize)>; 2]>,
    /// Every pair's word counts ([`Comparison::words`]).
    words: OnceLock<Vec<PairWords>>,
}

/// How many words a pair holds on each side and how many its change inserts and deletes, by the
/// diff's one definition of a word ([`words`]).
///
/// Why a cache: counting means tokenizing every text, and the toolbar's summary adds these up
/// at start-up and again for every theme filter (its pairs change, the counts never do).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PairWords {
    /// Words of the earlier provision (0 where there is none).
    pub old: usize,
    /// Words of the later provision (0 where there is none).
    pub new: usize,
    /// Words inserted: the diff's inserted words, or all of an added provision's.
    pub inserted: usize,
    /// Words deleted: the diff's deleted words, or all of a dropped provision's.
    pub deleted: usize,
}

impl Clone for Caches {
    fn clone(&self) -> Self {
        Caches::default()
    }
}

impl PartialEq for Caches {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::fmt::Debug for Caches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Caches")
    }
}

/// Index of a side in the caches' arrays.
fn slot(side: Side) -> usize {
    match side {
        Side::Old => 0,
        Side::New => 1,
    }
}

/// The bundled comparison as the build script computed it (`build.rs`, `draftdiff_engine::packed`).
static BUNDLED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/comparison.bin"));

impl Comparison {
    /// The bundled drafts compared: what the page, the embeds, the build step and most tests show.
    /// Decoded from the data the build computed, never computed here (see the module docs).
    pub fn bundled() -> Comparison {
        let [old, new] = crate::corpus::bundled();
        let pairs = packed::decode(BUNDLED, &old.provisions, &new.provisions)
            .expect("the build script packs the comparison of these very documents");
        Comparison::from_parts(old.clone(), new.clone(), pairs)
    }

    /// Aligns and diffs two versions with the default options.
    pub fn new(old: Document, new: Document) -> Comparison {
        Comparison::with_options(old, new, &Options::default())
    }

    /// Aligns and diffs with explicit alignment options (custom documents pass a budget).
    pub fn with_options(old: Document, new: Document, options: &Options) -> Comparison {
        let pairs = pairing::pair_up(&old.provisions, &new.provisions, options);
        Comparison::from_parts(old, new, pairs)
    }

    /// A comparison from pairs already computed for these two documents (decoded from the
    /// build's data, or received from wherever the engine ran); the pairs' indices must point
    /// into `old` and `new`.
    pub fn from_parts(old: Document, new: Document, pairs: pairing::Pairs) -> Comparison {
        Comparison {
            old,
            new,
            pairs: pairs.pairs,
            simplified: pairs.simplified,
            caches: Caches::default(),
        }
    }

    /// Builds a per-provision cache of both sides with `f(document, provision index)`.
    fn per_provision<T>(&self, f: impl Fn(&Document, usize) -> T) -> [Vec<T>; 2] {
        [Side::Old, Side::New].map(|side| {
            let doc = self.doc(side);
            (0..doc.provisions.len()).map(|i| f(doc, i)).collect()
        })
    }

    /// The themes of provision `index` of one side: the hand tags of a bundled draft, the
    /// keywords' themes ([`themes::detect`]) for a reader's own text. Detected once per
    /// comparison, on first use.
    pub fn themes_of(&self, side: Side, index: usize) -> ThemeSet {
        self.all_themes()[slot(side)][index]
    }

    /// The themes whose keywords occur in provision `index` of one side: what highlighting the
    /// selected themes' keywords can mark there. For a reader's text these are its themes
    /// ([`Comparison::themes_of`]: detected once, by the worker); a bundled draft's hand tags
    /// may differ from its keywords, so its (short) text is scanned.
    pub fn keyword_themes(&self, side: Side, index: usize) -> ThemeSet {
        let p = &self.doc(side).provisions[index];
        if p.status.is_none() {
            self.themes_of(side, index)
        } else {
            themes::detect(&p.text)
        }
    }

    /// The themes of every provision, old side then new (see [`Comparison::themes_of`]).
    /// [`crate::wire`] ships them with a reader's comparison, so the worker detects them and
    /// the viewer's first render does not scan megabytes of text for keywords.
    pub(crate) fn all_themes(&self) -> &[Vec<ThemeSet>; 2] {
        self.caches.themes.get_or_init(|| {
            self.per_provision(|doc, i| {
                let p = &doc.provisions[i];
                if p.status.is_some() {
                    themes::tags(&doc.symbol, &p.id)
                } else {
                    themes::detect(&p.text)
                }
            })
        })
    }

    /// This comparison with its themes already known (as [`Comparison::all_themes`] gave them
    /// where it was computed). Lists that do not fit the documents are not taken.
    pub(crate) fn with_themes(self, themes: [Vec<ThemeSet>; 2]) -> Comparison {
        if themes[0].len() == self.old.provisions.len() && themes[1].len() == self.new.provisions.len() {
            let _ = self.caches.themes.set(themes);
        }
        self
    }

    /// Whether the themes are known without detecting them (for tests of what ships them).
    #[cfg(test)]
    pub(crate) fn themes_known(&self) -> bool {
        self.caches.themes.get().is_some()
    }

    /// The word counts of pair `pair` (see [`PairWords`]), for every pair at once on first use.
    pub fn words(&self, pair: usize) -> PairWords {
        let all = self.caches.words.get_or_init(|| {
            let count = |doc: &Document, i: Option<usize>| i.map_or(0, |i| words(&doc.provisions[i].text).count());
            self.pairs
                .iter()
                .map(|p| {
                    let (old, new) = (count(&self.old, p.row.old), count(&self.new, p.row.new));
                    let (inserted, deleted) = match p.row.kind {
                        RowKind::Added => (new, 0),
                        RowKind::Dropped => (0, old),
                        RowKind::Changed | RowKind::Moved => p
                            .diff
                            .as_ref()
                            .map_or((0, 0), |d| (d.words_inserted(), d.words_deleted())),
                        RowKind::Unchanged => (0, 0),
                    };
                    PairWords {
                        old,
                        new,
                        inserted,
                        deleted,
                    }
                })
                .collect()
        });
        all[pair]
    }

    /// The text of provision `index` of one side folded by the one folding rule
    /// (`draftdiff_data::fold`), as search matches it: folded once per comparison, on the
    /// first search, so a keystroke only looks for its query.
    pub fn search_text(&self, side: Side, index: usize) -> &str {
        let all = self
            .caches
            .folded
            .get_or_init(|| self.per_provision(|doc, i| fold(&doc.provisions[i].text)));
        &all[slot(side)][index]
    }

    /// The pair holding provision `id` of one side, through the sorted index built on first use.
    fn pair_of_id(&self, side: Side, id: &str) -> Option<usize> {
        let all = self.caches.anchors.get_or_init(|| {
            let mut index = [Vec::new(), Vec::new()];
            for (pair, p) in self.pairs.iter().enumerate() {
                for (side, provision) in [(Side::Old, p.row.old), (Side::New, p.row.new)] {
                    if let Some(i) = provision {
                        index[slot(side)].push((i, pair));
                    }
                }
            }
            for (side, list) in [Side::Old, Side::New].into_iter().zip(&mut index) {
                let ids = &self.doc(side).provisions;
                // Stable: of two pairs holding one provision, the first stays first.
                list.sort_by(|a, b| ids[a.0].id.cmp(&ids[b.0].id));
            }
            index
        });
        let list = &all[slot(side)];
        let ids = &self.doc(side).provisions;
        let at = list.partition_point(|e| ids[e.0].id.as_ref() < id);
        list.get(at).filter(|e| ids[e.0].id == id).map(|e| e.1)
    }

    /// The document of one side.
    pub fn doc(&self, side: Side) -> &Document {
        match side {
            Side::Old => &self.old,
            Side::New => &self.new,
        }
    }

    /// The provision index a pair holds on one side.
    pub fn index(&self, pair: usize, side: Side) -> Option<usize> {
        let row = &self.pairs[pair].row;
        match side {
            Side::Old => row.old,
            Side::New => row.new,
        }
    }

    /// The pair holding the provision addressed by a public anchor (`2015-7`), and its side.
    /// Takes the [`Anchor`] type, never a string: the one parser is [`Anchor::parse`].
    pub fn locate(&self, anchor: &Anchor) -> Option<(usize, Side)> {
        let side = [Side::Old, Side::New]
            .into_iter()
            .find(|s| self.doc(*s).year == anchor.year)?;
        let pair = self.pair_of_id(side, &anchor.id)?;
        Some((pair, side))
    }

    /// The pair holding the provision addressed by a public anchor.
    pub fn pair_of_anchor(&self, anchor: &Anchor) -> Option<usize> {
        self.locate(anchor).map(|(pair, _)| pair)
    }

    /// The public anchor of one side of a pair, if that side exists.
    pub fn anchor(&self, pair: usize, side: Side) -> Option<Anchor> {
        self.index(pair, side).map(|i| self.doc(side).anchor(i))
    }

    /// Pairs grouped by part, in document order, with their global indices.
    pub fn sections(&self) -> Vec<(Part, Vec<usize>)> {
        let mut out: Vec<(Part, Vec<usize>)> = Vec::new();
        for (i, p) in self.pairs.iter().enumerate() {
            match out.last_mut() {
                Some((part, list)) if *part == p.row.part => list.push(i),
                _ => out.push((p.row.part, vec![i])),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp() -> Comparison {
        Comparison::bundled()
    }

    /// The shipped data is what the engine computes: `bundled()` decodes the build's bytes
    /// through the very path the wasm takes, and must equal a fresh computation.
    #[test]
    fn the_shipped_comparison_is_what_the_engine_computes() {
        let [old, new] = crate::corpus::bundled();
        let computed = Comparison::new(old.clone(), new.clone());
        assert_eq!(Comparison::bundled(), computed);
        assert_eq!(
            packed::encode(&pairing::Pairs {
                pairs: computed.pairs,
                simplified: computed.simplified
            }),
            BUNDLED
        );
    }

    #[test]
    fn anchors_locate_their_pairs_on_both_sides() {
        let c = cmp();
        let at = |s: &str| Anchor::parse(s).unwrap();
        let (pair, side) = c.locate(&at("2015-7")).unwrap();
        assert_eq!(side, Side::New);
        assert_eq!(c.anchor(pair, Side::Old), Some(at("2011-f")));
        assert_eq!(c.locate(&at("2011-f")), Some((pair, Side::Old)));
        for absent in ["2015-99", "1999-a", "2015-f", "2011-7"] {
            assert_eq!(c.locate(&at(absent)), None, "{absent}");
        }
        // What the one parser rejects can never reach a lookup (the old string lookup took these).
        for bad in ["", "2015", "2015-", "x-7", "1-a", "+001-a", "2015-7 "] {
            assert_eq!(Anchor::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_provision_is_in_exactly_one_pair_and_sections_follow_parts() {
        let c = cmp();
        for side in [Side::Old, Side::New] {
            for i in 0..c.doc(side).provisions.len() {
                let n = (0..c.pairs.len()).filter(|p| c.index(*p, side) == Some(i)).count();
                assert_eq!(n, 1, "{side:?} {i}");
            }
        }
        let parts: Vec<Part> = c.sections().into_iter().map(|(p, _)| p).collect();
        assert_eq!(parts, Part::ALL);
    }

    #[test]
    fn changed_pairs_carry_a_diff_and_unchanged_ones_do_not() {
        let c = cmp();
        for p in &c.pairs {
            assert_eq!(
                p.diff.is_some(),
                matches!(p.row.kind, RowKind::Changed | RowKind::Moved),
                "{:?}",
                p.row
            );
        }
        assert!(!c.simplified);
    }

    /// The cached counts are the diff's own and the texts' own, pair by pair: every word of a
    /// side is kept or changed, and a pair with a diff shows the diff's numbers.
    #[test]
    fn word_counts_agree_with_the_texts_and_the_diffs() {
        let c = cmp();
        let count = |side: Side, pair: usize| {
            c.index(pair, side)
                .map_or(0, |i| words(&c.doc(side).provisions[i].text).count())
        };
        for (i, p) in c.pairs.iter().enumerate() {
            let w = c.words(i);
            assert_eq!((w.old, w.new), (count(Side::Old, i), count(Side::New, i)), "{i}");
            match &p.diff {
                Some(d) => assert_eq!((w.inserted, w.deleted), (d.words_inserted(), d.words_deleted()), "{i}"),
                None => assert_eq!(w.old - w.deleted, w.new - w.inserted, "{i}: {w:?}"),
            }
        }
        let all = |f: fn(PairWords) -> usize| (0..c.pairs.len()).map(|i| f(c.words(i))).sum::<usize>();
        assert!(all(|w| w.inserted) > 0 && all(|w| w.deleted) > 0);
    }
}

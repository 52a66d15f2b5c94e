//! Pairing the provisions of two versions of a document.
//!
//! Why not just compare paragraph 1 with paragraph 1: drafts grow. A new item is inserted
//! early and every later label shifts ((i) of 2011 is (11) of 2015), a provision is split
//! in two, another is moved. Readers need each old provision beside the new one that
//! descends from it, whatever the labels say. The pairing is computed from the wording
//! alone, part by part, in stages from cheap and certain to dear and tentative:
//!
//! 1. identical paragraphs anchor first (a patience diff over paragraph texts), which
//!    splits the problem into small gaps between anchors;
//! 2. inside each gap an order-preserving alignment (weighted LCS, Needleman–Wunsch style)
//!    maximises the total bag-of-words similarity of the pairs it makes;
//! 3. what is still unpaired is checked for moves, as Wikipedia's diff does: an old and a
//!    new paragraph whose word diff is close enough are paired wherever they sit;
//! 4. finally each new paragraph is checked for wording it takes from an old paragraph
//!    other than its partner (a provision split in two, or two merged in one): those old
//!    paragraphs are listed in [`Row::also_draws_on`].
//!
//! All work is bounded: past [`Options::budget`] or the caps documented on the constants
//! below, cheaper pairings take over and [`Alignment::simplified`] says so.
//!
//! ```
//! use draftdiff_engine::align::{align, RowKind};
//! use draftdiff_engine::{Paragraph, Part};
//! struct P(&'static str);
//! impl Paragraph for P {
//!     fn part(&self) -> Part { Part::Code }
//!     fn text(&self) -> &str { self.0 }
//! }
//! let old = [P("States shall cooperate in good faith."), P("Disputes go to a panel of three arbiters.")];
//! let new = [P("A new opening provision on the register of vessels."), P("Disputes go to a panel of three arbiters."),
//!            P("States shall cooperate fully and in good faith.")];
//! let alignment = align(&old, &new);
//! let moved = alignment.rows.iter().find(|r| r.old == Some(0)).unwrap();
//! assert_eq!((moved.new, moved.kind), (Some(2), RowKind::Moved));
//! let same = alignment.rows.iter().find(|r| r.old == Some(1)).unwrap();
//! assert_eq!((same.new, same.kind), (Some(1), RowKind::Unchanged));
//! ```

use crate::diff::{self, WordDiff};
use crate::sequence::{diff_ids, intern, Instant};
use crate::{Paragraph, Part};
use similar::DiffOp;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::time::Duration;

/// How an old and a new provision relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// Paired, and the texts are identical (after trimming).
    Unchanged,
    /// Paired in document order, with different texts.
    Changed,
    /// Paired out of document order: the provision moved.
    Moved,
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Dropped,
}

/// One line of the comparison: an old provision, a new one, or a pair.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// The part both provisions belong to.
    pub part: Part,
    /// Index into the old provisions; `None` for [`RowKind::Added`].
    pub old: Option<usize>,
    /// Index into the new provisions; `None` for [`RowKind::Dropped`].
    pub new: Option<usize>,
    /// How the two relate.
    pub kind: RowKind,
    /// Word-diff similarity of the pair (see [`WordDiff::similarity`]): 1.0 when unchanged,
    /// 0.0 for a provision without partner.
    pub similarity: f32,
    /// Other old provisions (indices, ascending) whose wording reappears in `new`.
    pub also_draws_on: Vec<usize>,
}

/// The pairing of two versions.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Alignment {
    /// Rows in document order: part by part; within a part in the new version's order,
    /// each dropped provision where it sat among its aligned neighbours.
    pub rows: Vec<Row>,
    /// The budget or a size cap forced a cheaper pairing somewhere.
    pub simplified: bool,
}

/// Tuning of [`align_with`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Least bag-of-words similarity (Dice over content words) for the order-preserving
    /// pass to pair two provisions.
    pub match_threshold: f32,
    /// Least word-diff similarity for two leftover provisions to be paired as a move.
    pub move_threshold: f32,
    /// Least number of a new provision's words, in runs of three or more words shared with
    /// another old provision (and not explained by either's partner), for an "also draws on" link.
    pub draws_on_min_words: usize,
    /// The same count as a share of all the new provision's words.
    pub draws_on_min_share: f32,
    /// Time after which cheaper pairings take over; `None` waits for the exact answer
    /// (the size caps still apply).
    pub budget: Option<Duration>,
}

impl Default for Options {
    /// Values tuned on the two bundled drafts and on synthetic edits:
    ///
    /// * `match_threshold` 0.25: unrelated provisions of one text share vocabulary and
    ///   score 0.0–0.3 in content-word Dice; the order-preserving pass keeps those from
    ///   pairing as long as real partners exist, and a heavily expanded provision (2011 (f)
    ///   inside the three times longer 2015 (7)) still scores 0.28;
    /// * `move_threshold` 0.5: a move is claimed only if at least half the words survive
    ///   in order, since a wrong move is more confusing than an added and a dropped row;
    /// * `draws_on_min_words` 4 and `draws_on_min_share` 0.1: one distinctive clause is
    ///   enough (2011 (c)'s "political, economic and social stability" makes 5 of the 33
    ///   words of 2015 (3)); stock phrases never count (see `STOCK_PHRASE_SOURCES`), and a
    ///   lone three-word coincidence or a long provision echoing a few words does not link;
    /// * `budget` 1.5 s: comfortably above the bundled drafts (milliseconds), short enough
    ///   that a pasted book stays responsive.
    fn default() -> Self {
        Options {
            match_threshold: 0.25,
            move_threshold: 0.5,
            draws_on_min_words: 4,
            draws_on_min_share: 0.1,
            budget: Some(Duration::from_millis(1500)),
        }
    }
}

/// Most similarity cells the order-preserving pass (per gap) or the move search (per
/// part) computes; beyond it a windowed greedy pairing is used (about 1,000 × 1,000).
const MAX_CELLS: usize = 1 << 20;
/// How far the greedy fallback looks ahead on either side.
const GREEDY_WINDOW: usize = 8;
/// Most word diffs the move search runs per part.
const MAX_MOVE_DIFFS: usize = 512;
/// Shortest run of shared consecutive words that counts as reused wording.
const MIN_RUN: usize = 3;
/// A run of three words found in this many old provisions of a part is a stock phrase of the
/// text ("information and communications technologies"): it points at no particular source,
/// so it neither suggests nor supports an "also draws on" link (this also keeps the search
/// linear).
const STOCK_PHRASE_SOURCES: usize = 3;
/// Most old provisions examined as sources of one new provision.
const MAX_SOURCES: usize = 8;

/// Aligns two versions with [`Options::default`].
pub fn align<P: Paragraph>(old: &[P], new: &[P]) -> Alignment {
    align_with(old, new, &Options::default())
}

/// Aligns two versions: see the module documentation for the method.
pub fn align_with<P: Paragraph>(old: &[P], new: &[P], opts: &Options) -> Alignment {
    let mut aligner = Aligner {
        opts,
        deadline: opts.budget.and_then(|b| Instant::now().checked_add(b)),
        words: HashMap::new(),
        simplified: false,
    };
    let mut rows = Vec::with_capacity(old.len().max(new.len()));
    for part in Part::ALL {
        let pick = |side: &[P]| -> Vec<usize> { (0..side.len()).filter(|&i| side[i].part() == part).collect() };
        let (o, n) = (pick(old), pick(new));
        if o.is_empty() && n.is_empty() {
            continue;
        }
        let old_side = aligner.side(old, o);
        let new_side = aligner.side(new, n);
        rows.extend(aligner.part(part, &old_side, &new_side));
    }
    Alignment {
        rows,
        simplified: aligner.simplified,
    }
}

/// The provisions of one part on one side, with what the stages need about them.
struct Side<'a> {
    /// Global indices.
    index: Vec<usize>,
    text: Vec<&'a str>,
    /// Sorted content-word ids (a multiset) for the Dice score.
    bag: Vec<Vec<u32>>,
    /// Every word, lower-cased, as ids in order, for reused-wording runs.
    seq: Vec<Vec<u32>>,
}

struct Aligner<'o> {
    opts: &'o Options,
    deadline: Option<Instant>,
    /// Interned lower-cased words.
    words: HashMap<String, u32>,
    simplified: bool,
}

/// An old and a new local index paired.
type Pair = (usize, usize);

impl Aligner<'_> {
    fn side<'a, P: Paragraph>(&mut self, all: &'a [P], index: Vec<usize>) -> Side<'a> {
        let text: Vec<&str> = index.iter().map(|&i| all[i].text()).collect();
        let mut bag = Vec::with_capacity(text.len());
        let mut seq = Vec::with_capacity(text.len());
        for t in &text {
            let words: Vec<String> = diff::words(t).map(draftdiff_data::fold::lowercase).collect();
            let content: Vec<u32> = words
                .iter()
                .filter(|w| !diff::is_stopword(w))
                .map(|w| self.intern(fold_plural(w)))
                .collect();
            let mut b = if content.is_empty() {
                words.iter().map(|w| self.intern(fold_plural(w))).collect()
            } else {
                content
            };
            b.sort_unstable();
            bag.push(b);
            seq.push(words.iter().map(|w| self.intern(w)).collect());
        }
        Side { index, text, bag, seq }
    }

    fn intern(&mut self, word: &str) -> u32 {
        let next = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        *self.words.entry(word.to_string()).or_insert(next)
    }

    fn expired(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() > d)
    }

    fn word_diff(&mut self, old: &str, new: &str) -> WordDiff {
        let d = match self.deadline {
            None => diff::word_diff(old, new),
            Some(d) => diff::word_diff_within(old, new, d.saturating_duration_since(Instant::now())),
        };
        self.simplified |= d.simplified;
        d
    }

    fn part(&mut self, part: Part, old: &Side, new: &Side) -> Vec<Row> {
        // Stage 1 and 2: anchors, then the gaps between them; `chain` holds the pairs that
        // keep document order.
        let mut chain: BTreeMap<usize, usize> = BTreeMap::new();
        let keys = |s: &Side| -> Vec<String> {
            s.text
                .iter()
                .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        };
        let (ka, kb) = intern(keys(old).into_iter(), keys(new).into_iter());
        let ops = diff_ids(&ka, &kb, self.deadline);
        let mut gap_start = (0, 0);
        for op in ops.iter().filter(|op| matches!(op, DiffOp::Equal { .. })) {
            let (_, o, n) = op.as_tag_tuple();
            self.fill_gap(old, new, gap_start.0..o.start, gap_start.1..n.start, &mut chain);
            chain.extend(o.clone().zip(n.clone()));
            gap_start = (o.end, n.end);
        }
        self.fill_gap(
            old,
            new,
            gap_start.0..old.text.len(),
            gap_start.1..new.text.len(),
            &mut chain,
        );

        // Stage 3: moves among what is left.
        let moved = self.moves(old, new, &mut chain);

        // Stage 4 and the rows.
        let mut partner_of_new: HashMap<usize, usize> = chain.iter().map(|(&o, &n)| (n, o)).collect();
        partner_of_new.extend(moved.iter().map(|&(o, n)| (n, o)));
        let partner_of_old: HashMap<usize, usize> = partner_of_new.iter().map(|(&n, &o)| (o, n)).collect();
        let draws_on = self.draws_on(old, new, &partner_of_new, &partner_of_old);

        // Dropped provisions go right after the chained pair that precedes them.
        let mut dropped_before: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for o in (0..old.text.len()).filter(|o| !partner_of_old.contains_key(o)) {
            let slot = chain.range(..o).next_back().map_or(0, |(_, &n)| n + 1);
            dropped_before.entry(slot).or_default().push(o);
        }
        let mut rows = Vec::with_capacity(old.text.len() + new.text.len());
        let dropped_row = |o: usize| Row {
            part,
            old: Some(old.index[o]),
            new: None,
            kind: RowKind::Dropped,
            similarity: 0.0,
            also_draws_on: Vec::new(),
        };
        for n in 0..=new.text.len() {
            rows.extend(
                dropped_before
                    .remove(&n)
                    .unwrap_or_default()
                    .into_iter()
                    .map(dropped_row),
            );
            if n == new.text.len() {
                break;
            }
            let also_draws_on = draws_on.get(&n).cloned().unwrap_or_default();
            let (old_index, kind, similarity) = match partner_of_new.get(&n) {
                None => (None, RowKind::Added, 0.0),
                Some(&o) if old.text[o].trim() == new.text[n].trim() => {
                    let kind = if chain.contains_key(&o) {
                        RowKind::Unchanged
                    } else {
                        RowKind::Moved
                    };
                    (Some(old.index[o]), kind, 1.0)
                }
                Some(&o) => {
                    let kind = if chain.contains_key(&o) {
                        RowKind::Changed
                    } else {
                        RowKind::Moved
                    };
                    (
                        Some(old.index[o]),
                        kind,
                        self.word_diff(old.text[o], new.text[n]).similarity(),
                    )
                }
            };
            rows.push(Row {
                part,
                old: old_index,
                new: Some(new.index[n]),
                kind,
                similarity,
                also_draws_on,
            });
        }
        rows
    }

    /// Pairs the provisions of one gap between anchors in document order.
    fn fill_gap(
        &mut self,
        old: &Side,
        new: &Side,
        o: Range<usize>,
        n: Range<usize>,
        chain: &mut BTreeMap<usize, usize>,
    ) {
        if o.is_empty() || n.is_empty() {
            return;
        }
        let pairs = match self.best_chain(old, new, o.clone(), n.clone()) {
            Some(pairs) => pairs,
            None => {
                self.simplified = true;
                self.greedy_chain(old, new, o, n)
            }
        };
        chain.extend(pairs);
    }

    /// The order-preserving pairing with the greatest total similarity (weighted LCS), or
    /// `None` when the gap exceeds [`MAX_CELLS`] or the budget runs out.
    fn best_chain(&self, old: &Side, new: &Side, o: Range<usize>, n: Range<usize>) -> Option<Vec<Pair>> {
        let (rows, cols) = (o.len(), n.len());
        if rows.checked_mul(cols)? > MAX_CELLS {
            return None;
        }
        const DIAGONAL: u8 = 0;
        const UP: u8 = 1;
        const LEFT: u8 = 2;
        let mut step = vec![LEFT; rows * cols];
        let mut prev = vec![0f32; cols + 1];
        let mut cur = vec![0f32; cols + 1];
        for i in 0..rows {
            if self.expired() {
                return None;
            }
            for j in 0..cols {
                let s = dice(&old.bag[o.start + i], &new.bag[n.start + j]);
                let diagonal = if s >= self.opts.match_threshold {
                    prev[j] + s
                } else {
                    f32::NEG_INFINITY
                };
                let (up, left) = (prev[j + 1], cur[j]);
                (cur[j + 1], step[i * cols + j]) = if diagonal > up.max(left) {
                    (diagonal, DIAGONAL)
                } else if up >= left {
                    (up, UP)
                } else {
                    (left, LEFT)
                };
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        let (mut i, mut j, mut pairs) = (rows, cols, Vec::new());
        while i > 0 && j > 0 {
            match step[(i - 1) * cols + (j - 1)] {
                DIAGONAL => {
                    pairs.push((o.start + i - 1, n.start + j - 1));
                    (i, j) = (i - 1, j - 1);
                }
                UP => i -= 1,
                _ => j -= 1,
            }
        }
        Some(pairs)
    }

    /// Linear fallback: walks both sides, pairing the current provisions when similar
    /// enough, else the best match within [`GREEDY_WINDOW`] ahead on either side.
    fn greedy_chain(&self, old: &Side, new: &Side, o: Range<usize>, n: Range<usize>) -> Vec<Pair> {
        let sim = |i: usize, j: usize| dice(&old.bag[i], &new.bag[j]);
        let (mut i, mut j, mut pairs) = (o.start, n.start, Vec::new());
        while i < o.end && j < n.end {
            let ahead = (0..=GREEDY_WINDOW).flat_map(|d| [(i + d, j), (i, j + d)]);
            let best = ahead
                .filter(|&(a, b)| a < o.end && b < n.end)
                .map(|(a, b)| (sim(a, b), a, b))
                .filter(|&(s, _, _)| s >= self.opts.match_threshold)
                .fold(None, |best: Option<(f32, usize, usize)>, c| match best {
                    Some(b) if b.0 >= c.0 => Some(b),
                    _ => Some(c),
                });
            match best {
                Some((_, a, b)) => {
                    pairs.push((a, b));
                    (i, j) = (a + 1, b + 1);
                }
                None => (i, j) = (i + 1, j + 1),
            }
        }
        pairs
    }

    /// Pairs leftovers whose word diff reaches [`Options::move_threshold`], best first.
    /// A pair that fits the document order joins `chain`; the others are returned as moves.
    fn moves(&mut self, old: &Side, new: &Side, chain: &mut BTreeMap<usize, usize>) -> Vec<Pair> {
        let paired_new: std::collections::HashSet<usize> = chain.values().copied().collect();
        let lone_old: Vec<usize> = (0..old.text.len()).filter(|o| !chain.contains_key(o)).collect();
        let lone_new: Vec<usize> = (0..new.text.len()).filter(|n| !paired_new.contains(n)).collect();
        if lone_old.is_empty() || lone_new.is_empty() {
            return Vec::new();
        }
        if lone_old.len().saturating_mul(lone_new.len()) > MAX_CELLS || self.expired() {
            self.simplified = true;
            return Vec::new();
        }
        let mut candidates: Vec<(f32, usize, usize)> = Vec::new();
        for &o in &lone_old {
            for &n in &lone_new {
                let s = dice(&old.bag[o], &new.bag[n]);
                if s >= self.opts.match_threshold.min(self.opts.move_threshold) {
                    candidates.push((s, o, n));
                }
            }
        }
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        if candidates.len() > MAX_MOVE_DIFFS {
            self.simplified = true;
            candidates.truncate(MAX_MOVE_DIFFS);
        }
        let mut scored = Vec::with_capacity(candidates.len());
        for (_, o, n) in candidates {
            if self.expired() {
                self.simplified = true;
                break;
            }
            let ratio = self.word_diff(old.text[o], new.text[n]).similarity();
            if ratio >= self.opts.move_threshold {
                scored.push((ratio, o, n));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        let (mut used_old, mut used_new) = (vec![false; old.text.len()], vec![false; new.text.len()]);
        let mut moved = Vec::new();
        for (_, o, n) in scored {
            if used_old[o] || used_new[n] {
                continue;
            }
            (used_old[o], used_new[n]) = (true, true);
            let before = chain.range(..o).next_back().is_none_or(|(_, &pn)| pn < n);
            let after = chain.range(o + 1..).next().is_none_or(|(_, &nn)| nn > n);
            if before && after {
                chain.insert(o, n);
            } else {
                moved.push((o, n));
            }
        }
        moved
    }

    /// For each new provision (local index), the other old provisions (global indices)
    /// whose wording it reuses.
    fn draws_on(
        &mut self,
        old: &Side,
        new: &Side,
        partner_of_new: &HashMap<usize, usize>,
        partner_of_old: &HashMap<usize, usize>,
    ) -> HashMap<usize, Vec<usize>> {
        let mut sources_of: HashMap<[u32; MIN_RUN], Vec<usize>> = HashMap::new();
        for (o, seq) in old.seq.iter().enumerate() {
            for shingle in seq.windows(MIN_RUN) {
                let key = [shingle[0], shingle[1], shingle[2]];
                let sources = sources_of.entry(key).or_default();
                if sources.last() != Some(&o) {
                    sources.push(o);
                }
            }
        }
        let mut old_cover: HashMap<usize, Vec<bool>> = HashMap::new();
        let mut out = HashMap::new();
        for (n, seq) in new.seq.iter().enumerate() {
            let partner = partner_of_new.get(&n).copied();
            let mut shared: HashMap<usize, usize> = HashMap::new();
            for shingle in seq.windows(MIN_RUN) {
                let key = [shingle[0], shingle[1], shingle[2]];
                if let Some(sources) = sources_of.get(&key).filter(|s| s.len() < STOCK_PHRASE_SOURCES) {
                    for &o in sources.iter().filter(|&&o| Some(o) != partner) {
                        *shared.entry(o).or_default() += 1;
                    }
                }
            }
            let least_shingles = self.opts.draws_on_min_words.saturating_sub(MIN_RUN - 1).max(1);
            let mut candidates: Vec<(usize, usize)> =
                shared.into_iter().filter(|&(_, c)| c >= least_shingles).collect();
            if candidates.is_empty() {
                continue;
            }
            candidates.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            candidates.truncate(MAX_SOURCES);
            if self.expired() {
                self.simplified = true;
                break;
            }
            let new_cover = match partner {
                Some(p) => covered(seq, &old.seq[p], self.deadline),
                None => vec![false; seq.len()],
            };
            let mut sources = Vec::new();
            for (o, _) in candidates {
                let cover = old_cover.entry(o).or_insert_with(|| match partner_of_old.get(&o) {
                    Some(&p) => covered(&old.seq[o], &new.seq[p], self.deadline),
                    None => vec![false; old.seq[o].len()],
                });
                // Words of distinctive shared runs that neither partner explains.
                let mut reused = vec![false; seq.len()];
                for (rn, ro) in runs(seq, &old.seq[o], self.deadline) {
                    for (k, shingle) in seq[rn.clone()].windows(MIN_RUN).enumerate() {
                        let key = [shingle[0], shingle[1], shingle[2]];
                        if sources_of.get(&key).is_some_and(|s| s.len() < STOCK_PHRASE_SOURCES) {
                            for w in rn.start + k..rn.start + k + MIN_RUN {
                                reused[w] |= !new_cover[w] && !cover[ro.start + (w - rn.start)];
                            }
                        }
                    }
                }
                let reused = reused.into_iter().filter(|&r| r).count();
                if reused >= self.opts.draws_on_min_words
                    && reused as f32 >= self.opts.draws_on_min_share * seq.len() as f32
                {
                    sources.push(old.index[o]);
                }
            }
            if !sources.is_empty() {
                sources.sort_unstable();
                out.insert(n, sources);
            }
        }
        out
    }
}

/// Dice coefficient of two sorted multisets: `2 |a ∩ b| / (|a| + |b|)`; 1.0 for two empty ones.
fn dice(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, common) = (i + 1, j + 1, common + 1),
        }
    }
    (2 * common) as f32 / (a.len() + b.len()) as f32
}

/// English plural folding, enough for bag-of-words matching (`freedoms` ~ `freedom`).
fn fold_plural(word: &str) -> &str {
    match word.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 3 && !stem.ends_with('s') => stem,
        _ => word,
    }
}

/// Runs of at least [`MIN_RUN`] consecutive words that `a` and `b` share, as index ranges
/// into `a` and `b`.
fn runs(a: &[u32], b: &[u32], deadline: Option<Instant>) -> Vec<(Range<usize>, Range<usize>)> {
    diff_ids(a, b, deadline)
        .into_iter()
        .filter_map(|op| match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } if len >= MIN_RUN => Some((old_index..old_index + len, new_index..new_index + len)),
            _ => None,
        })
        .collect()
}

/// Which words of `a` lie in runs shared with `b`.
fn covered(a: &[u32], b: &[u32], deadline: Option<Instant>) -> Vec<bool> {
    let mut cover = vec![false; a.len()];
    for (r, _) in runs(a, b, deadline) {
        cover[r].fill(true);
    }
    cover
}

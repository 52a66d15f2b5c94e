//! What the widget calls things, in one place for the app, the static pre-render, the pages
//! per provision and their preview cards: provision names ("2015 (7)"), pair titles
//! ("2011 (f) → 2015 (7)"), row kinds, a row's badge line and the summary line.
//!
//! The pre-render (xtask) writes the same rows the app renders, so the words of a row's static
//! parts live here, not in either: when the app takes over the page, nothing changes size.

use crate::align::{Row, RowKind};
use crate::compare::{Comparison, PairWords, Side};
use crate::corpus::Document;
use crate::stats::Summary;

/// A provision as readers name it: the version and the label, e.g. `2015 (7)`, `2011 Preamble ¶3`.
pub fn provision_name(doc: &Document, index: usize) -> String {
    format!("{} {}", doc.short_name(), doc.provisions[index].display_label())
}

/// A provision's accessible name: the document symbol and the label, e.g. `A/69/723 (7)`.
pub fn provision_aria_label(doc: &Document, index: usize) -> String {
    format!("{} {}", doc.symbol, doc.provisions[index].display_label())
}

/// How much of a changed or moved pair's wording the versions share: `83% similar`; `None` for
/// the other kinds (identical, or one side only).
pub fn similarity(row: &Row) -> Option<String> {
    matches!(row.kind, RowKind::Changed | RowKind::Moved)
        .then(|| format!("{}% similar", (row.similarity * 100.0).round() as u32))
}

/// What [`similarity`] means, as its tooltip.
pub const SIMILARITY_TITLE: &str = "Share of words the two versions have in common";

/// The size of a pair's change: `+12 / −3 words` (shown for pairs with a word diff).
pub fn word_counts(words: PairWords) -> String {
    format!("+{} / −{} words", words.inserted, words.deleted)
}

/// What the empty cell of a pair says: `Not in the earlier draft.` (`side` is the missing one).
pub fn absent(side: Side) -> &'static str {
    match side {
        Side::Old => "Not in the earlier draft.",
        Side::New => "Not in the later draft.",
    }
}

/// The count after a part's heading: ` (5 of 12)`, provisions the filter keeps of the part's.
pub fn part_count(shown: usize, total: usize) -> String {
    format!(" ({shown} of {total})")
}

/// An aligned pair as readers name it: `2011 (f) → 2015 (7)`, or one side alone when the other
/// has none.
pub fn pair_title(cmp: &Comparison, pair: usize) -> String {
    [Side::Old, Side::New]
        .into_iter()
        .filter_map(|s| cmp.index(pair, s).map(|i| provision_name(cmp.doc(s), i)))
        .collect::<Vec<_>>()
        .join(" → ")
}

/// Where a note's basis fragment sits, for readers: `2015 (7)`; the raw symbol and id when the
/// documents at hand do not hold it.
pub fn place(cmp: &Comparison, symbol: &str, id: &str) -> String {
    [&cmp.old, &cmp.new]
        .into_iter()
        .find(|d| d.symbol == symbol)
        .and_then(|d| d.index_of(id).map(|i| provision_name(d, i)))
        .unwrap_or_else(|| format!("{symbol} {id}"))
}

/// Reader-facing name of a row kind.
pub fn kind_label(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Unchanged => "Unchanged",
        RowKind::Changed => "Changed",
        RowKind::Moved => "Moved",
        RowKind::Added => "New in the later draft",
        RowKind::Dropped => "Dropped from the later draft",
    }
}

/// CSS key of a row kind.
pub fn kind_key(kind: RowKind) -> &'static str {
    match kind {
        RowKind::Unchanged => "unchanged",
        RowKind::Changed => "changed",
        RowKind::Moved => "moved",
        RowKind::Added => "added",
        RowKind::Dropped => "dropped",
    }
}

/// "3 changed · 1 new · … · +40 / −12 words".
pub fn summary_line(s: &Summary) -> String {
    let mut parts = Vec::new();
    for (n, label) in [
        (s.changed, "changed"),
        (s.moved, "moved"),
        (s.added, "new"),
        (s.dropped, "dropped"),
        (s.unchanged, "unchanged"),
        (s.split, "drawing on a second provision"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {label}"));
        }
    }
    if parts.is_empty() {
        parts.push("nothing to compare".into());
    }
    format!(
        "{} · +{} / −{} words",
        parts.join(" · "),
        s.words_inserted,
        s.words_deleted
    )
}

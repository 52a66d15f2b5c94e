//! What the widget calls things, in one place for the app, the static pre-render, the pages
//! per provision and their preview cards: provision names ("2015 (7)"), pair titles
//! ("2011 (f) → 2015 (7)"), row kinds and the summary line.

use crate::align::RowKind;
use crate::compare::{Comparison, Side};
use crate::corpus::Document;
use crate::stats::Summary;

/// A provision as readers name it: the version and the label, e.g. `2015 (7)`, `2011 Preamble ¶3`.
pub fn provision_name(doc: &Document, index: usize) -> String {
    format!("{} {}", doc.short_name(), doc.provisions[index].display_label())
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

//! The change map's strip as markup: one SVG link per pair the filter keeps, shaded by how much
//! the pair changed, named for both versions' provisions.
//!
//! Why one string and not a component per segment: the strip is about a hundred SVG elements
//! with three hundred attributes, a quarter of the attributes of the widget's first render.
//! Built node by node that is some six hundred calls from the wasm into the DOM; the browser
//! parses the same markup from one string in a single call. The component
//! (`draftdiff_ui::change_map`) renders this inside its `<svg>` and listens for clicks once, on
//! the strip, reading a link's `data-pair`.
//!
//! ```
//! use draftdiff_core::{compare::Comparison, view::change_map};
//! let cmp = Comparison::bundled();
//! let strip = change_map::segments(&cmp, &[0, 1]);
//! assert_eq!(strip.matches("<a ").count(), 2);
//! assert!(strip.contains(r#"data-pair="1""#));
//! ```

use super::markup::escape;
use crate::align::RowKind;
use crate::compare::{Comparison, Side};
use crate::link::Anchor;
use std::fmt::Write;

/// Width of one segment in SVG units (the strip's `viewBox` is this many per kept pair).
pub const SEG: usize = 12;

/// Where a pair's segment leads: its later provision where there is one (that is where readers
/// land), else its earlier one.
pub fn anchor(cmp: &Comparison, pair: usize) -> Anchor {
    let side = if cmp.pairs[pair].row.new.is_some() {
        Side::New
    } else {
        Side::Old
    };
    cmp.doc(side).anchor(cmp.index(pair, side).unwrap_or_default())
}

/// What a segment says on hover and to screen readers: `2011 (b) → 2015 (2): changed, 80% similar`.
pub fn label(cmp: &Comparison, pair: usize) -> String {
    let row = &cmp.pairs[pair].row;
    let names: Vec<String> = [Side::Old, Side::New]
        .into_iter()
        .filter_map(|s| {
            let doc = cmp.doc(s);
            cmp.index(pair, s)
                .map(|i| format!("{} {}", doc.short_name(), doc.provisions[i].display_label()))
        })
        .collect();
    let what = match row.kind {
        RowKind::Unchanged => "unchanged".to_string(),
        RowKind::Changed | RowKind::Moved => {
            format!("changed, {}% similar", (row.similarity * 100.0).round() as u32)
        }
        RowKind::Added => "new".to_string(),
        RowKind::Dropped => "dropped".to_string(),
    };
    format!("{}: {what}", names.join(" → "))
}

/// The strip's links for the pairs in `visible`, in order: the content of its `<svg>`.
pub fn segments(cmp: &Comparison, visible: &[usize]) -> String {
    let mut out = String::new();
    for (i, &pair) in visible.iter().enumerate() {
        let row = &cmp.pairs[pair].row;
        let (class, opacity) = match row.kind {
            RowKind::Unchanged => ("dd-map-unchanged", 100),
            // 25% opacity for a near-identical pair up to 100% for a full rewrite.
            RowKind::Changed | RowKind::Moved => {
                ("dd-map-changed", 25 + (75.0 * (1.0 - row.similarity)).round() as u32)
            }
            RowKind::Added => ("dd-map-added", 100),
            RowKind::Dropped => ("dd-map-dropped", 100),
        };
        let label = escape(&label(cmp, pair));
        let _ = write!(
            out,
            r##"<a href="#{href}" data-pair="{pair}" aria-label="{label}" class="dd-map-link"><title>{label}</title><rect x="{x}" y="0" width="{w}" height="20" rx="2" class="{class}" fill-opacity="{whole}.{part:02}"></rect></a>"##,
            href = escape(&anchor(cmp, pair).to_string()),
            x = i * SEG,
            w = SEG - 2,
            whole = opacity / 100,
            part = opacity % 100,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::Comparison;

    /// Every kept pair is one link, in the order given, at its own place along the strip, with
    /// the pair's number for the click handler and its provision's anchor for the address.
    #[test]
    fn one_link_per_kept_pair_in_order_at_its_place() {
        let cmp = Comparison::bundled();
        let kept: Vec<usize> = (0..cmp.pairs.len()).step_by(3).collect();
        let strip = segments(&cmp, &kept);
        let links: Vec<&str> = strip.split("<a ").skip(1).collect();
        assert_eq!(links.len(), kept.len());
        for (i, (link, &pair)) in links.iter().zip(&kept).enumerate() {
            assert!(link.contains(&format!(r#"data-pair="{pair}""#)), "{link}");
            assert!(link.contains(&format!(r#" x="{}""#, i * SEG)), "{link}");
            assert!(link.contains(&format!(r##"href="#{}""##, anchor(&cmp, pair))), "{link}");
        }
    }

    #[test]
    fn labels_name_both_versions_and_the_change() {
        let cmp = Comparison::bundled();
        let f = cmp.pair_of_anchor(&Anchor::parse("2011-f").unwrap()).unwrap();
        let l = label(&cmp, f);
        assert!(l.starts_with("2011 (f) → 2015 (7): "), "{l}");
        assert_eq!(anchor(&cmp, f).to_string(), "2015-7");
        let added = (0..cmp.pairs.len())
            .find(|&p| cmp.pairs[p].row.kind == RowKind::Added)
            .unwrap();
        assert!(label(&cmp, added).ends_with(": new"));
        assert!(segments(&cmp, &[added]).contains(r#"class="dd-map-added" fill-opacity="1.00""#));
    }

    /// A reader's own provision names reach the strip escaped: the browser parses this markup.
    #[test]
    fn names_from_data_are_escaped() {
        let mut cmp = Comparison::bundled();
        let pair = 0;
        let side = if cmp.pairs[pair].row.new.is_some() {
            Side::New
        } else {
            Side::Old
        };
        let i = cmp.index(pair, side).unwrap();
        let doc = match side {
            Side::Old => &mut cmp.old,
            Side::New => &mut cmp.new,
        };
        doc.provisions.to_mut()[i].label = r#"<img src=x onerror="alert(1)">"#.into();
        let strip = segments(&cmp, &[pair]);
        assert!(!strip.contains("<img"), "{strip}");
        assert!(
            strip.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"),
            "{strip}"
        );
    }
}

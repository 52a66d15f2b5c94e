//! The link-preview cards (1200×630 PNG): one for the whole comparison (`preview.png`) and one
//! per aligned pair (`p/<anchor>/preview.png`), drawn at build time from the same comparison
//! the widget shows.
//!
//! Where scripts and iframes are not allowed (Medium, Substack, social apps), a pasted link
//! still unfurls into something a reader can use: for a provision, both wordings with the
//! deletions struck through in red and the insertions underlined in green, in the widget's
//! own colours; for the whole document, the counts and a change map.

use crate::canvas::{hex, Canvas, Face, Fonts, Rgb};
use crate::png;
use crate::prerender::{pair_label, side_segments};
use draftdiff_core::align::RowKind;
use draftdiff_core::compare::{Comparison, Side};
use draftdiff_core::diff::Change;
use draftdiff_core::stats::Summary;
use draftdiff_core::view::labels;

/// Card size: what Open Graph and Twitter's `summary_large_image` display without cropping.
pub const W: usize = 1200;
pub const H: usize = 630;

const MARGIN: f32 = 64.0;
// The widget's light palette (www/draftdiff.css).
const BG: Rgb = hex(0xffffff);
const FG: Rgb = hex(0x1b1f24);
const MUTED: Rgb = hex(0x4d5661);
const LINE: Rgb = hex(0xd5dae0);
const PANEL: Rgb = hex(0xf5f7f9);
const ACCENT: Rgb = hex(0x1d4f7a);
const INS_BG: Rgb = hex(0xd9f2df);
const INS_FG: Rgb = hex(0x0b4a1f);
const INS_LINE: Rgb = hex(0x1f7a3d);
const DEL_BG: Rgb = hex(0xfbe0e0);
const DEL_FG: Rgb = hex(0x7a1010);
const DEL_LINE: Rgb = hex(0xb42318);

/// What a row kind is called on a badge, and the badge's colours.
pub fn badge(kind: RowKind) -> (&'static str, Rgb, Rgb) {
    match kind {
        RowKind::Unchanged => ("Unchanged", hex(0xe8ecf0), MUTED),
        RowKind::Changed => ("Changed", hex(0xdce8f4), ACCENT),
        RowKind::Moved => ("Moved", hex(0xdce8f4), ACCENT),
        RowKind::Added => ("New", INS_BG, INS_FG),
        RowKind::Dropped => ("Dropped", DEL_BG, DEL_FG),
    }
}

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    [0, 1, 2].map(|i| (f32::from(a[i]) + (f32::from(b[i]) - f32::from(a[i])) * t).round() as u8)
}

/// "15 changed · 5 new · 12 unchanged".
pub fn counts(s: &Summary) -> String {
    let mut parts = vec![format!("{} changed", s.changed + s.moved), format!("{} new", s.added)];
    if s.dropped > 0 {
        parts.push(format!("{} dropped", s.dropped));
    }
    parts.push(format!("{} unchanged", s.unchanged));
    parts.join(" · ")
}

/// "74% similar · +12 / −8 words" for a pair (empty for pairs with one side).
pub fn pair_facts(cmp: &Comparison, pair: usize) -> String {
    let p = &cmp.pairs[pair];
    // The words of the row's badge line (one home: the app and the pre-render show the same).
    let facts = [
        labels::similarity(&p.row),
        p.diff.as_ref().map(|_| labels::word_counts(cmp.words(pair))),
    ];
    facts.into_iter().flatten().collect::<Vec<_>>().join(" · ")
}

// ---- Wrapped, marked text -------------------------------------------------------------

/// A piece of a laid-out line: text at `x` (relative to the column) in one change style.
#[derive(Clone, Debug, PartialEq)]
struct Piece {
    x: f32,
    text: String,
    change: Change,
}

/// Words (runs of non-space text, possibly in several styles) and the style of the space
/// before each.
fn words(segments: &[(String, Change)]) -> Vec<(Change, Vec<(String, Change)>)> {
    let mut out: Vec<(Change, Vec<(String, Change)>)> = Vec::new();
    let mut gap: Option<Change> = None;
    let mut current: Vec<(String, Change)> = Vec::new();
    // A space is marked only when the words on both sides of it carry the same mark.
    let flush = |out: &mut Vec<(Change, Vec<(String, Change)>)>,
                 current: &mut Vec<(String, Change)>,
                 gap: &mut Option<Change>| {
        if let Some(first) = current.first().map(|(_, c)| *c) {
            let before = out.last().and_then(|(_, w)| w.last()).map(|(_, c)| *c);
            let g = match gap.take() {
                Some(g) if g == first && before.is_none_or(|b| b == g) => g,
                _ => Change::Equal,
            };
            out.push((g, std::mem::take(current)));
        }
    };
    for (text, change) in segments {
        for c in text.chars() {
            if c.is_whitespace() {
                flush(&mut out, &mut current, &mut gap);
                gap = Some(match gap {
                    Some(g) if g != *change => Change::Equal,
                    _ => *change,
                });
            } else {
                match current.last_mut() {
                    Some((t, ch)) if ch == change => t.push(c),
                    _ => current.push((c.to_string(), *change)),
                }
            }
        }
    }
    flush(&mut out, &mut current, &mut gap);
    out
}

/// Greedy line breaking into `width` pixels; at most `max_lines`, the last ending in "…"
/// when the text does not fit. Returns the lines and whether the text was cut.
fn lay_out(
    fonts: &Fonts,
    face: Face,
    size: f32,
    width: f32,
    segments: &[(String, Change)],
    max_lines: usize,
) -> (Vec<Vec<Piece>>, bool) {
    let space = fonts.width(face, size, " ");
    let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
    let mut x = 0.0;
    for (gap, word) in words(segments) {
        let w: f32 = word.iter().map(|(t, _)| fonts.width(face, size, t)).sum();
        let line = lines.last_mut().expect("one line");
        if !line.is_empty() && x + space + w > width {
            lines.push(Vec::new());
            x = 0.0;
        }
        let line = lines.last_mut().expect("one line");
        if !line.is_empty() {
            line.push(Piece {
                x,
                text: " ".into(),
                change: gap,
            });
            x += space;
        }
        for (text, change) in word {
            let w = fonts.width(face, size, &text);
            line.push(Piece { x, text, change });
            x += w;
        }
    }
    if lines.len() <= max_lines {
        return (lines, false);
    }
    lines.truncate(max_lines.max(1));
    let ellipsis = fonts.width(face, size, "…");
    let last = lines.last_mut().expect("one line");
    // Drop whole words (and the space before them) until "…" fits after the last one.
    loop {
        while last.last().is_some_and(|p| p.text == " ") {
            last.pop();
        }
        let end = last.last().map_or(0.0, |p| p.x + fonts.width(face, size, &p.text));
        if end + ellipsis <= width || last.is_empty() {
            break;
        }
        while last.last().is_some_and(|p| p.text != " ") {
            last.pop();
        }
    }
    let (x, change) = last.last().map_or((0.0, Change::Equal), |p| {
        (p.x + fonts.width(face, size, &p.text), p.change)
    });
    last.push(Piece {
        x,
        text: "…".into(),
        change,
    });
    (lines, true)
}

/// Draws laid-out lines with the first baseline at `y`. `whole` is for a provision that is
/// new or dropped as a whole: its tint says so, and the text stays in plain ink (a paragraph
/// struck through or underlined from end to end is hard to read and says nothing more).
fn draw_lines(
    c: &mut Canvas,
    (face, size, line_height): (Face, f32, f32),
    (x0, y): (f32, f32),
    lines: &[Vec<Piece>],
    whole: bool,
) {
    let fonts = c.fonts();
    let ascent = fonts.ascent(face, size);
    let thickness = (size / 14.0).max(1.5);
    for (i, line) in lines.iter().enumerate() {
        let baseline = (y + i as f32 * line_height).round();
        // Backgrounds first, so a highlight never covers the previous piece's glyphs.
        for p in line {
            let w = fonts.width(face, size, &p.text);
            let bg = match p.change {
                Change::Delete => DEL_BG,
                Change::Insert => INS_BG,
                Change::Equal => continue,
            };
            let top = baseline - ascent - size * 0.08;
            c.rect(
                (x0 + p.x).floor() as i32,
                top as i32,
                (w + 1.0).ceil() as i32,
                (size * 1.3).round() as i32,
                bg,
            );
        }
        for p in line {
            let w = fonts.width(face, size, &p.text);
            let (fg, mark_at) = match p.change {
                Change::Equal => (FG, None),
                _ if whole => (FG, None),
                Change::Delete => (DEL_FG, Some((baseline - size * 0.3, DEL_LINE))),
                Change::Insert => (INS_FG, Some((baseline + size * 0.14, INS_LINE))),
            };
            c.text(face, size, x0 + p.x, baseline, &p.text, fg);
            if let Some((at, colour)) = mark_at {
                c.round_rect(x0 + p.x, at - thickness / 2.0, w, thickness, 0.0, colour);
            }
        }
    }
}

// ---- Shared frame ---------------------------------------------------------------------

fn frame(c: &mut Canvas, kicker: &str) {
    c.rect(0, 0, W as i32, 8, ACCENT);
    let mut kicker = kicker.to_uppercase();
    let brand_w = c.width_of(Face::SansBold, 22.0, "draftdiff");
    while c.width_of(Face::SansBold, 16.0, &kicker) > W as f32 - 2.0 * MARGIN - brand_w - 32.0 {
        kicker.pop();
    }
    c.text(Face::SansBold, 16.0, MARGIN, 58.0, &kicker, MUTED);
    c.text(
        Face::SansBold,
        22.0,
        W as f32 - MARGIN - brand_w,
        60.0,
        "draftdiff",
        ACCENT,
    );
}

fn footer(c: &mut Canvas, left: &str, legend: bool) {
    c.rect(0, H as i32 - 62, W as i32, 62, PANEL);
    c.rect(0, H as i32 - 62, W as i32, 1, LINE);
    let y = H as f32 - 24.0;
    c.text(Face::Sans, 19.0, MARGIN, y, left, MUTED);
    if legend {
        let size = 18.0;
        let del_w = c.width_of(Face::Serif, size, "deleted");
        let ins_w = c.width_of(Face::Serif, size, "inserted");
        let x = W as f32 - MARGIN - del_w - ins_w - 24.0;
        draw_lines(
            c,
            (Face::Serif, size, 0.0),
            (x, y),
            &[vec![
                Piece {
                    x: 0.0,
                    text: "deleted".into(),
                    change: Change::Delete,
                },
                Piece {
                    x: del_w + 24.0,
                    text: "inserted".into(),
                    change: Change::Insert,
                },
            ]],
            false,
        );
    }
}

// ---- The cards ------------------------------------------------------------------------

/// The card of one aligned pair as PNG bytes.
pub fn pair_image(fonts: &Fonts, cmp: &Comparison, pair: usize) -> Result<Vec<u8>, String> {
    let mut c = Canvas::new(W, H, BG, fonts);
    frame(&mut c, &cmp.new.title);
    let kind = cmp.pairs[pair].row.kind;
    let whole = matches!(kind, RowKind::Added | RowKind::Dropped);

    // Title line and badge; long labels (Preamble ¶10 → Preamble ¶11) get a smaller size.
    let title = pair_label(cmp, pair);
    let (badge_text, badge_bg, badge_fg) = badge(kind);
    let badge_w = c.width_of(Face::SansBold, 20.0, badge_text) + 32.0;
    let mut size = 46.0;
    while size > 30.0 && c.width_of(Face::SansBold, size, &title) + 24.0 + badge_w > W as f32 - 2.0 * MARGIN {
        size -= 2.0;
    }
    let end = c.text(Face::SansBold, size, MARGIN, 122.0, &title, FG);
    c.round_rect(end + 24.0, 122.0 - 31.0, badge_w, 38.0, 19.0, badge_bg);
    c.text(
        Face::SansBold,
        20.0,
        end + 24.0 + 16.0,
        122.0 - 5.0,
        badge_text,
        badge_fg,
    );
    c.rect(MARGIN as i32, 150, (W as f32 - 2.0 * MARGIN) as i32, 1, LINE);

    // The columns: both wordings side by side, or one full-width where the other is absent.
    let sides: Vec<Side> = [Side::Old, Side::New]
        .into_iter()
        .filter(|s| cmp.index(pair, *s).is_some())
        .collect();
    let gutter = 48.0;
    let col_w = (W as f32 - 2.0 * MARGIN - gutter * (sides.len() as f32 - 1.0)) / sides.len() as f32;
    let texts: Vec<Vec<(String, Change)>> = sides
        .iter()
        .map(|s| {
            side_segments(cmp, pair, *s)
                .unwrap_or_default()
                .into_iter()
                .map(|seg| (seg.text, seg.change))
                .collect()
        })
        .collect();
    let (top, bottom) = (236.0, H as f32 - 62.0 - 26.0);
    let mut chosen = None;
    // The largest size that fits; below 22 px a card shown at phone width is hard to read, so
    // a long pair is cut ("…") rather than set smaller.
    for size in [30.0, 28.0, 26.0, 25.0, 24.0, 23.0, 22.0] {
        let line_height = (size * 1.42_f32).round();
        let max_lines = ((bottom - top) / line_height) as usize + 1;
        let laid: Vec<_> = texts
            .iter()
            .map(|t| lay_out(fonts, Face::Serif, size, col_w, t, max_lines))
            .collect();
        let cut = laid.iter().any(|(_, cut)| *cut);
        chosen = Some((size, line_height, laid));
        if !cut {
            break;
        }
    }
    let (size, line_height, laid) = chosen.expect("at least one size was tried");
    for (i, (side, (lines, _))) in sides.iter().zip(&laid).enumerate() {
        let doc = cmp.doc(*side);
        let x = MARGIN + i as f32 * (col_w + gutter);
        let heading = format!("{} · {}", doc.symbol, doc.year);
        let after = c.text(Face::SansBold, 17.0, x, 190.0, &heading, MUTED);
        if sides.len() == 1 {
            let other = cmp.doc(if *side == Side::Old { Side::New } else { Side::Old });
            let note = if *side == Side::New {
                format!("  —  not in the {} draft ({})", other.year, other.symbol)
            } else {
                format!("  —  dropped from the {} draft ({})", other.year, other.symbol)
            };
            c.text(Face::Sans, 17.0, after, 190.0, &note, MUTED);
        }
        if i == 1 {
            c.rect((x - gutter / 2.0) as i32, 172, 1, (bottom - 172.0) as i32, LINE);
        }
        if whole {
            let colour = if *side == Side::New { INS_LINE } else { DEL_LINE };
            c.rect(
                x as i32 - 20,
                top as i32 - 30,
                4,
                (lines.len() as f32 * line_height) as i32 + 6,
                colour,
            );
        }
        draw_lines(&mut c, (Face::Serif, size, line_height), (x, top), lines, whole);
    }
    let facts = pair_facts(cmp, pair);
    let left = if facts.is_empty() {
        format!(
            "{} ({}) → {} ({})",
            cmp.old.symbol, cmp.old.year, cmp.new.symbol, cmp.new.year
        )
    } else {
        facts
    };
    footer(&mut c, &left, kind != RowKind::Unchanged && !whole);
    png::encode(W as u32, H as u32, &c.into_pixels())
}

/// The card of the whole comparison as PNG bytes.
pub fn image(fonts: &Fonts, cmp: &Comparison) -> Result<Vec<u8>, String> {
    let mut c = Canvas::new(W, H, BG, fonts);
    frame(&mut c, "The 2011 and 2015 drafts compared");
    // The title on one line if it fits at a good size, else on two.
    let title = cmp.new.title.to_string();
    let width = W as f32 - 2.0 * MARGIN;
    let mut size = 50.0;
    while size > 40.0 && c.width_of(Face::SansBold, size, &title) > width {
        size -= 1.0;
    }
    let (lines, _) = lay_out(fonts, Face::SansBold, size, width, &[(title, Change::Equal)], 2);
    let mut y = 146.0;
    for line in &lines {
        let text: String = line.iter().map(|p| p.text.as_str()).collect();
        c.text(Face::SansBold, size, MARGIN, y, &text, FG);
        y += size * 1.2;
    }
    c.text(
        Face::Sans,
        26.0,
        MARGIN,
        y + 10.0,
        &format!(
            "{} ({}) → {} ({}), provision by provision",
            cmp.old.symbol, cmp.old.year, cmp.new.symbol, cmp.new.year
        ),
        MUTED,
    );

    // The counts, big.
    let s = Summary::of(cmp, 0..cmp.pairs.len());
    let mut stats = vec![
        (s.changed + s.moved, "changed", ACCENT),
        (s.added, "new", INS_LINE),
        (s.dropped, "dropped", DEL_LINE),
        (s.unchanged, "unchanged", MUTED),
    ];
    stats.retain(|(n, label, _)| *n > 0 || *label != "dropped");
    let mut x = MARGIN;
    let ny = y + 124.0;
    for (n, label, colour) in stats {
        let end = c.text(Face::SansBold, 64.0, x, ny, &n.to_string(), colour);
        let end = c.text(Face::Sans, 26.0, end + 12.0, ny, label, FG);
        x = end + 52.0;
    }

    // The change map: one bar per aligned pair, darker the more it changed.
    let n = cmp.pairs.len().max(1) as f32;
    let (left, top, height) = (MARGIN, ny + 36.0, 96.0);
    let bar = width / n;
    let (quiet, new_bar, dropped_bar) = (hex(0xd5dae0), hex(0x3f9e5f), hex(0xd0524a));
    let changed_bar = |similarity: f32| mix(hex(0xa9c6e3), ACCENT, 1.0 - similarity);
    for (i, p) in cmp.pairs.iter().enumerate() {
        let colour = match p.row.kind {
            RowKind::Unchanged => quiet,
            RowKind::Changed | RowKind::Moved => changed_bar(p.row.similarity),
            RowKind::Added => new_bar,
            RowKind::Dropped => dropped_bar,
        };
        c.round_rect(left + i as f32 * bar, top, (bar - 4.0).max(1.0), height, 3.0, colour);
    }
    // Its legend.
    let ly = top + height + 34.0;
    let mut lx = MARGIN;
    let mut key = vec![(changed_bar(0.2), "changed (darker: more)"), (new_bar, "new")];
    if s.dropped > 0 {
        key.push((dropped_bar, "dropped"));
    }
    key.push((quiet, "unchanged"));
    for (colour, label) in key {
        c.round_rect(lx, ly - 15.0, 16.0, 16.0, 3.0, colour);
        lx = c.text(Face::Sans, 18.0, lx + 24.0, ly, label, MUTED) + 32.0;
    }
    footer(
        &mut c,
        &format!(
            "+{} / −{} words · every provision, every change, word by word",
            s.words_inserted, s.words_deleted
        ),
        false,
    );
    png::encode(W as u32, H as u32, &c.into_pixels())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp() -> Comparison {
        Comparison::bundled()
    }

    fn plain(text: &str) -> Vec<(String, Change)> {
        vec![(text.to_string(), Change::Equal)]
    }

    #[test]
    fn lines_fit_their_width_and_a_long_text_ends_in_an_ellipsis() {
        let fonts = Fonts::load().unwrap();
        let text = "Each State should cooperate in combating criminal and terrorist activities that use information and communications technologies. ".repeat(6);
        let (lines, cut) = lay_out(&fonts, Face::Serif, 24.0, 500.0, &plain(&text), 5);
        assert!(cut);
        assert_eq!(lines.len(), 5);
        for line in &lines {
            let last = line.last().unwrap();
            assert!(last.x + fonts.width(Face::Serif, 24.0, &last.text) <= 500.0 + 0.01);
        }
        let end: String = lines[4].iter().map(|p| p.text.as_str()).collect();
        assert!(end.ends_with('…') && !end.ends_with(" …"), "{end:?}");
        let (short, cut) = lay_out(&fonts, Face::Serif, 24.0, 500.0, &plain("Two words"), 5);
        assert!(!cut && short.len() == 1);
    }

    #[test]
    fn marks_keep_their_style_across_line_breaks_and_spaces() {
        let segs = vec![
            ("keep ".to_string(), Change::Equal),
            ("old words".to_string(), Change::Delete),
            (" tail".to_string(), Change::Equal),
        ];
        let w = words(&segs);
        assert_eq!(w.len(), 4);
        assert_eq!(w[2].0, Change::Delete, "the space inside a deletion is deleted");
        assert_eq!(w[3].0, Change::Equal);
        assert_eq!(w[1].1, vec![("old".to_string(), Change::Delete)]);
    }

    #[test]
    fn the_cards_are_1200_by_630_and_differ_between_pairs() {
        let fonts = Fonts::load().unwrap();
        let cmp = cmp();
        let seven = pair_image(
            &fonts,
            &cmp,
            cmp.pair_of_anchor(&draftdiff_core::link::Anchor::parse("2015-7").unwrap())
                .unwrap(),
        )
        .unwrap();
        let ten = pair_image(
            &fonts,
            &cmp,
            cmp.pair_of_anchor(&draftdiff_core::link::Anchor::parse("2015-10").unwrap())
                .unwrap(),
        )
        .unwrap();
        let (w, h, a) = png::decode(&seven);
        assert_eq!((w, h), (1200, 630));
        let (_, _, b) = png::decode(&ten);
        assert_ne!(a, b);
        // The changed pair shows both marks in the widget's colours; the new one no deletion.
        // (Above the footer, whose legend shows both marks on every changed card.)
        let has = |px: &[u8], rgb: Rgb| px[..W * (H - 62) * 3].chunks(3).any(|p| p == rgb);
        assert!(has(&a, DEL_BG) && has(&a, INS_BG));
        assert!(has(&b, INS_BG) && !has(&b, DEL_BG));
        let main = image(&fonts, &cmp).unwrap();
        assert_eq!(&main[16..24], &[0, 0, 4, 176, 0, 0, 2, 118]);
    }
}

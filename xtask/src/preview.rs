//! The link-preview card (`preview.png`, 1200×630) and the Open Graph / Twitter meta tags.
//!
//! Where scripts and iframes are not allowed (Medium, Substack, social apps), a pasted link
//! still unfurls into something informative: the title, both document symbols, the counts of
//! what changed, and a change map of every aligned pair, all drawn at build time from the
//! same comparison the widget shows.

use crate::html::escape;
use crate::png;
use draftdiff_core::align::RowKind;
use draftdiff_core::compare::Comparison;
use draftdiff_core::stats::Summary;

const W: usize = 1200;
const H: usize = 630;

/// 5×7 glyphs, one byte a row (low five bits, left to right).
fn glyph(c: char) -> [u8; 7] {
    match c {
        'A' => [14, 17, 17, 31, 17, 17, 17],
        'B' => [30, 17, 17, 30, 17, 17, 30],
        'C' => [14, 17, 16, 16, 16, 17, 14],
        'D' => [30, 17, 17, 17, 17, 17, 30],
        'E' => [31, 16, 16, 30, 16, 16, 31],
        'F' => [31, 16, 16, 30, 16, 16, 16],
        'G' => [14, 17, 16, 23, 17, 17, 15],
        'H' => [17, 17, 17, 31, 17, 17, 17],
        'I' => [14, 4, 4, 4, 4, 4, 14],
        'J' => [7, 2, 2, 2, 2, 18, 12],
        'K' => [17, 18, 20, 24, 20, 18, 17],
        'L' => [16, 16, 16, 16, 16, 16, 31],
        'M' => [17, 27, 21, 21, 17, 17, 17],
        'N' => [17, 17, 25, 21, 19, 17, 17],
        'O' => [14, 17, 17, 17, 17, 17, 14],
        'P' => [30, 17, 17, 30, 16, 16, 16],
        'Q' => [14, 17, 17, 17, 21, 18, 13],
        'R' => [30, 17, 17, 30, 20, 18, 17],
        'S' => [15, 16, 16, 14, 1, 1, 30],
        'T' => [31, 4, 4, 4, 4, 4, 4],
        'U' => [17, 17, 17, 17, 17, 17, 14],
        'V' => [17, 17, 17, 17, 17, 10, 4],
        'W' => [17, 17, 17, 21, 21, 21, 10],
        'X' => [17, 17, 10, 4, 10, 17, 17],
        'Y' => [17, 17, 10, 4, 4, 4, 4],
        'Z' => [31, 1, 2, 4, 8, 16, 31],
        '0' => [14, 17, 19, 21, 25, 17, 14],
        '1' => [4, 12, 4, 4, 4, 4, 14],
        '2' => [14, 17, 1, 2, 4, 8, 31],
        '3' => [31, 2, 4, 2, 1, 17, 14],
        '4' => [2, 6, 10, 18, 31, 2, 2],
        '5' => [31, 16, 30, 1, 1, 17, 14],
        '6' => [6, 8, 16, 30, 17, 17, 14],
        '7' => [31, 1, 2, 4, 8, 8, 8],
        '8' => [14, 17, 17, 14, 17, 17, 14],
        '9' => [14, 17, 17, 15, 1, 2, 12],
        ':' => [0, 12, 12, 0, 12, 12, 0],
        '.' => [0, 0, 0, 0, 0, 12, 12],
        '·' => [0, 0, 0, 12, 12, 0, 0],
        '/' => [0, 1, 2, 4, 8, 16, 0],
        '-' => [0, 0, 0, 31, 0, 0, 0],
        '→' => [0, 4, 2, 31, 2, 4, 0],
        '(' => [2, 4, 8, 8, 8, 4, 2],
        ')' => [8, 4, 2, 2, 2, 4, 8],
        ',' => [0, 0, 0, 0, 12, 4, 8],
        '%' => [24, 25, 2, 4, 8, 19, 3],
        '+' => [0, 4, 4, 31, 4, 4, 0],
        _ => [0; 7],
    }
}

struct Canvas(Vec<u8>);

impl Canvas {
    fn rect(&mut self, x: usize, y: usize, w: usize, h: usize, rgb: [u8; 3]) {
        for yy in y..(y + h).min(H) {
            for xx in x..(x + w).min(W) {
                self.0[(yy * W + xx) * 3..][..3].copy_from_slice(&rgb);
            }
        }
    }

    /// Draws upper-cased `text` with its top-left at (x, y), each font pixel `scale` pixels wide.
    fn text(&mut self, x: usize, y: usize, scale: usize, text: &str, rgb: [u8; 3]) {
        for (i, c) in text.to_uppercase().chars().enumerate() {
            for (row, bits) in glyph(c).iter().enumerate() {
                for col in 0..5 {
                    if bits & (16 >> col) != 0 {
                        self.rect(x + i * 6 * scale + col * scale, y + row * scale, scale, scale, rgb);
                    }
                }
            }
        }
    }
}

fn mix(a: [u8; 3], b: [u8; 3], t: f32) -> [u8; 3] {
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

/// The preview card as PNG bytes.
pub fn image(cmp: &Comparison) -> Vec<u8> {
    let (bg, fg, muted) = ([0x1d, 0x3b, 0x5a], [0xff, 0xff, 0xff], [0xb8, 0xcc, 0xe0]);
    let mut c = Canvas(vec![0; W * H * 3]);
    c.rect(0, 0, W, H, bg);
    c.text(60, 60, 6, "Information security code", fg);
    c.text(
        60,
        140,
        5,
        &format!(
            "{} ({}) → {} ({})",
            cmp.old.symbol, cmp.old.year, cmp.new.symbol, cmp.new.year
        ),
        muted,
    );
    let s = Summary::of(cmp, 0..cmp.pairs.len());
    c.text(60, 215, 4, &counts(&s), fg);
    c.text(
        60,
        265,
        4,
        &format!("+{} / -{} words", s.words_inserted, s.words_deleted),
        muted,
    );
    // The change map: one bar per aligned pair.
    let n = cmp.pairs.len().max(1);
    let (left, width, top, height) = (60, W - 120, 360, 170);
    let bar = width / n;
    for (i, p) in cmp.pairs.iter().enumerate() {
        let colour = match p.row.kind {
            RowKind::Unchanged => [0x5b, 0x74, 0x8c],
            RowKind::Changed | RowKind::Moved => mix([0x9f, 0xc9, 0xf0], [0xff, 0xd2, 0x4d], 1.0 - p.row.similarity),
            RowKind::Added => [0x6f, 0xcf, 0x8f],
            RowKind::Dropped => [0xf0, 0x8a, 0x8a],
        };
        c.rect(left + i * bar, top, bar.saturating_sub(4).max(1), height, colour);
    }
    c.text(
        60,
        560,
        3,
        "Every provision, every change, word by word · draftdiff",
        muted,
    );
    png::encode(W as u32, H as u32, &c.0)
}

/// Meta tags for link previews; `base` is the absolute URL the site is published at, if known
/// (`DRAFTDIFF_PUBLIC_URL`), since most unfurlers need an absolute image URL.
pub fn meta_tags(cmp: &Comparison, base: &str) -> String {
    let s = Summary::of(cmp, 0..cmp.pairs.len());
    let title = format!(
        "{}: the {} and {} drafts compared",
        cmp.new.title, cmp.old.year, cmp.new.year
    );
    let description = format!(
        "{} ({}) and {} ({}), provision by provision: {}; +{} / -{} words. Every change marked word by word.",
        cmp.old.symbol,
        cmp.old.year,
        cmp.new.symbol,
        cmp.new.year,
        counts(&s),
        s.words_inserted,
        s.words_deleted
    );
    let image = format!("{base}preview.png");
    let alt = "Title, document symbols, counts of changed, new and unchanged provisions, and a bar per provision pair.";
    [
        ("property", "og:type", "website"),
        ("property", "og:title", title.as_str()),
        ("property", "og:description", description.as_str()),
        ("property", "og:image", image.as_str()),
        ("property", "og:image:width", "1200"),
        ("property", "og:image:height", "630"),
        ("property", "og:image:alt", alt),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title.as_str()),
        ("name", "twitter:description", description.as_str()),
        ("name", "twitter:image", image.as_str()),
    ]
    .iter()
    .map(|(attr, key, value)| format!("<meta {attr}=\"{key}\" content=\"{}\">", escape(value)))
    .collect::<Vec<_>>()
    .join("\n  ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use draftdiff_core::corpus::bundled;

    #[test]
    fn the_card_and_the_tags_describe_the_real_comparison() {
        let [old, new] = bundled();
        let cmp = Comparison::new(old.clone(), new.clone());
        let png = image(&cmp);
        assert_eq!(&png[16..24], &[0, 0, 4, 176, 0, 0, 2, 118]); // 1200 × 630
        let tags = meta_tags(&cmp, "https://example.org/dd/");
        assert!(tags.contains(r#"<meta property="og:image" content="https://example.org/dd/preview.png">"#));
        assert!(tags.contains("A/66/359 (2011) and A/69/723 (2015)"));
        assert!(tags.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
    }

    #[test]
    fn every_character_the_card_writes_has_a_glyph() {
        let [old, new] = bundled();
        let cmp = Comparison::new(old.clone(), new.clone());
        let s = Summary::of(&cmp, 0..cmp.pairs.len());
        for text in [
            counts(&s),
            "Information security code · draftdiff → ( ) / + - , %".into(),
        ] {
            for ch in text.to_uppercase().chars().filter(|c| *c != ' ') {
                assert_ne!(glyph(ch), [0; 7], "{ch}");
            }
        }
    }
}

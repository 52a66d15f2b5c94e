//! An RGB canvas with anti-aliased type, for the preview cards drawn at build time.
//!
//! Glyphs are outlined and rasterised by `ab_glyph` from the DejaVu fonts compiled in by the
//! `dejavu` crate, so the build needs no system font. Coverage masks are cached per glyph,
//! size and quarter-pixel offset: a card repeats the same few dozen glyphs hundreds of times.

use ab_glyph::{Font, FontRef, GlyphId, PxScale, ScaleFont};
use std::collections::HashMap;

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// `#rrggbb` as a colour (constants only; panics at compile time on a bad literal).
pub const fn hex(v: u32) -> Rgb {
    [(v >> 16) as u8, (v >> 8) as u8, v as u8]
}

/// The typefaces the cards use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Face {
    /// DejaVu Sans: labels, counts.
    Sans,
    /// DejaVu Sans Bold: titles and badges.
    SansBold,
    /// DejaVu Serif Condensed: the provision wording, as in a printed document.
    Serif,
}

/// The loaded fonts.
pub struct Fonts {
    faces: [FontRef<'static>; 3],
}

impl Fonts {
    /// Parses the compiled-in fonts.
    pub fn load() -> Result<Fonts, String> {
        let parse =
            |name: &str, bytes: &'static [u8]| FontRef::try_from_slice(bytes).map_err(|e| format!("font {name}: {e}"));
        Ok(Fonts {
            faces: [
                parse("DejaVu Sans", dejavu::sans::regular())?,
                parse("DejaVu Sans Bold", dejavu::sans::bold())?,
                parse("DejaVu Serif Condensed", dejavu::serif_condensed::regular())?,
            ],
        })
    }

    fn font(&self, face: Face) -> &FontRef<'static> {
        &self.faces[face as usize]
    }

    /// Width of `text` set in `face` at `size` pixels, with kerning.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let font = self.font(face).as_scaled(PxScale::from(size));
        let mut width = 0.0;
        let mut prev: Option<GlyphId> = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = prev {
                width += font.kern(p, id);
            }
            width += font.h_advance(id);
            prev = Some(id);
        }
        width
    }

    /// Ascent of `face` at `size` pixels (baseline to the top of tall glyphs).
    pub fn ascent(&self, face: Face, size: f32) -> f32 {
        self.font(face).as_scaled(PxScale::from(size)).ascent()
    }
}

/// A rasterised glyph: its offset from the pen position and its coverage mask.
struct Mask {
    left: i32,
    top: i32,
    width: usize,
    coverage: Vec<u8>,
}

/// A `width × height` RGB image being drawn.
pub struct Canvas<'f> {
    pub width: usize,
    pub height: usize,
    pixels: Vec<u8>,
    fonts: &'f Fonts,
    masks: HashMap<(Face, u32, GlyphId, u8), Option<Mask>>,
}

impl<'f> Canvas<'f> {
    /// A canvas filled with `background`.
    pub fn new(width: usize, height: usize, background: Rgb, fonts: &'f Fonts) -> Canvas<'f> {
        Canvas {
            width,
            height,
            pixels: background.repeat(width * height),
            fonts,
            masks: HashMap::new(),
        }
    }

    /// The fonts this canvas draws with.
    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    /// Row-major RGB bytes.
    pub fn into_pixels(self) -> Vec<u8> {
        self.pixels
    }

    /// Mixes `rgb` into one pixel with opacity `alpha` (0–255, kept to 16 steps: the eye cannot
    /// tell, and the card then fits a small palette); outside the canvas does nothing.
    fn blend(&mut self, x: i32, y: i32, rgb: Rgb, alpha: u8) {
        let alpha = (alpha.saturating_add(8) / 17) * 17;
        if x < 0 || y < 0 || x as usize >= self.width || y as usize >= self.height || alpha == 0 {
            return;
        }
        let at = (y as usize * self.width + x as usize) * 3;
        let a = u32::from(alpha);
        for (dst, src) in self.pixels[at..at + 3].iter_mut().zip(rgb) {
            *dst = ((u32::from(*dst) * (255 - a) + u32::from(src) * a + 127) / 255) as u8;
        }
    }

    /// Fills a rectangle (pixel-aligned).
    pub fn rect(&mut self, x: i32, y: i32, w: i32, h: i32, rgb: Rgb) {
        for yy in y.max(0)..(y + h).min(self.height as i32) {
            for xx in x.max(0)..(x + w).min(self.width as i32) {
                let at = (yy as usize * self.width + xx as usize) * 3;
                self.pixels[at..at + 3].copy_from_slice(&rgb);
            }
        }
    }

    /// Fills a rectangle with anti-aliased round corners of radius `r`.
    pub fn round_rect(&mut self, x: f32, y: f32, w: f32, h: f32, r: f32, rgb: Rgb) {
        let r = r.min(w / 2.0).min(h / 2.0);
        for yy in y.floor() as i32..(y + h).ceil() as i32 {
            for xx in x.floor() as i32..(x + w).ceil() as i32 {
                // Distance from the pixel centre to the rounded rectangle, sampled once.
                let (px, py) = (xx as f32 + 0.5, yy as f32 + 0.5);
                let dx = (x + r - px).max(px - (x + w - r)).max(0.0);
                let dy = (y + r - py).max(py - (y + h - r)).max(0.0);
                let outside = (dx * dx + dy * dy).sqrt() - r;
                let edge = (x - px).max(px - (x + w)).max(y - py).max(py - (y + h));
                let d = outside.max(edge + 0.5);
                let alpha = (0.5 - d).clamp(0.0, 1.0);
                self.blend(xx, yy, rgb, (alpha * 255.0).round() as u8);
            }
        }
    }

    /// Draws `text` with its baseline at `y`, starting at `x`; returns the pen position after it.
    pub fn text(&mut self, face: Face, size: f32, x: f32, y: f32, text: &str, rgb: Rgb) -> f32 {
        let fonts = self.fonts;
        let font = fonts.font(face).as_scaled(PxScale::from(size));
        let mut pen = x;
        let mut prev: Option<GlyphId> = None;
        let baseline = y.round() as i32;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(p) = prev {
                pen += font.kern(p, id);
            }
            prev = Some(id);
            let whole = pen.floor();
            let quarter = ((pen - whole) * 4.0).round() as u8;
            let (whole, quarter) = if quarter == 4 {
                (whole + 1.0, 0)
            } else {
                (whole, quarter)
            };
            let key = (face, size.to_bits(), id, quarter);
            let mask = self.masks.entry(key).or_insert_with(|| {
                let glyph = id.with_scale_and_position(size, ab_glyph::point(f32::from(quarter) / 4.0, 0.0));
                fonts.font(face).outline_glyph(glyph).map(|outlined| {
                    let b = outlined.px_bounds();
                    let width = b.width() as usize;
                    let mut coverage = vec![0u8; width * b.height() as usize];
                    outlined.draw(|gx, gy, v| {
                        coverage[gy as usize * width + gx as usize] = (v.clamp(0.0, 1.0) * 255.0).round() as u8;
                    });
                    Mask {
                        left: b.min.x as i32,
                        top: b.min.y as i32,
                        width,
                        coverage,
                    }
                })
            });
            if let Some(mask) = mask.take() {
                let (ox, oy) = (whole as i32 + mask.left, baseline + mask.top);
                for (i, &a) in mask.coverage.iter().enumerate() {
                    let (gx, gy) = ((i % mask.width) as i32, (i / mask.width) as i32);
                    self.blend(ox + gx, oy + gy, rgb, a);
                }
                self.masks.insert(key, Some(mask));
            }
            pen += font.h_advance(id);
        }
        pen
    }

    /// Text width in this canvas's fonts.
    pub fn width_of(&self, face: Face, size: f32, text: &str) -> f32 {
        self.fonts.width(face, size, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_anti_aliased_and_measured_like_it_is_drawn() {
        let fonts = Fonts::load().unwrap();
        let mut c = Canvas::new(200, 60, [255; 3], &fonts);
        let end = c.text(Face::Sans, 24.0, 10.0, 40.0, "Code (7)", [0; 3]);
        assert!((end - 10.0 - fonts.width(Face::Sans, 24.0, "Code (7)")).abs() < 0.01);
        let px = c.into_pixels();
        let grey = px.chunks(3).filter(|p| p[0] > 0 && p[0] < 255).count();
        let black = px.chunks(3).filter(|p| p[0] == 0).count();
        assert!(black > 50 && grey > 50, "solid and partial coverage: {black} {grey}");
    }

    #[test]
    fn round_corners_are_soft_and_the_inside_is_solid() {
        let fonts = Fonts::load().unwrap();
        let mut c = Canvas::new(40, 40, [255; 3], &fonts);
        c.round_rect(5.0, 5.0, 30.0, 20.0, 10.0, [0; 3]);
        let at = |x: usize, y: usize, p: &[u8]| p[(y * 40 + x) * 3];
        let px = c.into_pixels();
        assert_eq!(at(20, 15, &px), 0);
        assert_eq!(at(5, 5, &px), 255, "the corner is cut");
        assert_eq!(at(2, 15, &px), 255);
    }
}

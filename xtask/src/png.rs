//! PNG encoding of the preview cards through the `png` crate.
//!
//! A card has a few flat colours and anti-aliased type between them, so it usually fits a
//! 256-colour palette exactly: then it is written as an indexed PNG (one byte a pixel, a
//! fraction of the size of RGB, losslessly); otherwise as 8-bit RGB.

use std::collections::HashMap;

/// The exact palette of `rgb` and each pixel's index in it, if it has at most 256 colours.
fn palette(rgb: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let mut colours: HashMap<[u8; 3], u8> = HashMap::new();
    let mut table = Vec::new();
    let mut indices = Vec::with_capacity(rgb.len() / 3);
    for px in rgb.chunks_exact(3) {
        let key = [px[0], px[1], px[2]];
        let index = match colours.get(&key) {
            Some(&i) => i,
            None => {
                let i = u8::try_from(colours.len()).ok()?;
                colours.insert(key, i);
                table.extend_from_slice(&key);
                i
            }
        };
        indices.push(index);
    }
    Some((table, indices))
}

/// Encodes `rgb` (row-major, 3 bytes a pixel) as a PNG.
pub fn encode(width: u32, height: u32, rgb: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Balanced);
    let indexed = palette(rgb);
    match &indexed {
        Some((table, _)) => {
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_palette(table.clone());
        }
        None => encoder.set_color(png::ColorType::Rgb),
    }
    let mut writer = encoder.write_header().map_err(|e| format!("png: {e}"))?;
    let data = indexed.as_ref().map_or(rgb, |(_, indices)| indices.as_slice());
    writer.write_image_data(data).map_err(|e| format!("png: {e}"))?;
    writer.finish().map_err(|e| format!("png: {e}"))?;
    Ok(out)
}

/// Width, height and RGB pixels of a PNG (tests only: they check what the cards show).
#[cfg(test)]
pub fn decode(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

#[cfg(test)]
mod tests {
    #[test]
    fn round_trips_indexed_and_rgb() {
        let few = [255, 0, 0, 0, 0, 255];
        let png = super::encode(2, 1, &few).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(png[25], 3, "colour type: indexed");
        assert_eq!(super::decode(&png), (2, 1, few.to_vec()));
        let many: Vec<u8> = (0..300u32)
            .flat_map(|i| [(i % 256) as u8, (i / 256) as u8, 7])
            .collect();
        let png = super::encode(300, 1, &many).unwrap();
        assert_eq!(png[25], 2, "colour type: RGB");
        assert_eq!(super::decode(&png), (300, 1, many));
    }
}

//! A comparison as bytes: how a comparison computed elsewhere reaches the code that shows it.
//!
//! Why: readers' documents are parsed, aligned and diffed in a Web Worker (its own wasm), and
//! the viewer that every embed loads must not carry the parsers or the alignment engine just
//! to receive the answer. [`encode`] runs where the comparison was computed; [`decode`] is all
//! the viewer links: a few loops over little-endian `u32`s and UTF-8 strings, no serde. The
//! bytes cross `postMessage` as one transferable buffer (no copy, no per-field JS objects).
//!
//! The format is private to one build (worker and viewer always come from the same build),
//! so it carries a version word only to fail loudly on a mix-up, never to stay compatible.
//! The two documents are written field by field: every number a `u32`, every string its `u32`
//! byte length and its bytes. The pairs (rows and word diffs) follow in the one compact form
//! the build also ships the bundled comparison in, `draftdiff_engine::packed`, whose spans are
//! cut from the provision texts rather than repeated. Last come the themes of every provision
//! (a `u32` of theme bits each, old side then new), detected where the comparison was made so
//! the viewer's first render does not scan megabytes of text for keywords. [`decode`] checks lengths, UTF-8, enum values and that
//! every row's indices point at a provision, so malformed bytes give an error, never a panic
//! later in a view.
//!
//! ```
//! use draftdiff_core::{compare::Comparison, wire};
//! let cmp = Comparison::bundled();
//! assert_eq!(wire::decode(&wire::encode(&cmp)).unwrap(), cmp);
//! assert!(wire::decode(b"not a comparison").is_err());
//! ```

use crate::compare::Comparison;
use crate::corpus::{Document, Part, Provision, Status, Text};
use crate::themes::ThemeSet;
use draftdiff_engine::{packed, pairing::Pairs};
use std::borrow::Cow;

/// First word of every encoding: "dd" and the format version.
const MAGIC: u32 = 0x6464_0002;

/// Why bytes could not be read back into a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed(&'static str);

impl std::fmt::Display for Malformed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the comparison could not be read ({})", self.0)
    }
}

/// The comparison as bytes, for [`decode`].
pub fn encode(cmp: &Comparison) -> Vec<u8> {
    let mut w = Writer(Vec::with_capacity(
        2 * (text_bytes(&cmp.old) + text_bytes(&cmp.new)) + 64 * cmp.pairs.len(),
    ));
    w.u32(MAGIC);
    w.doc(&cmp.old);
    w.doc(&cmp.new);
    let pairs = packed::encode(&Pairs {
        pairs: cmp.pairs.clone(),
        simplified: cmp.simplified,
    });
    w.u32(pairs.len() as u32);
    w.0.extend_from_slice(&pairs);
    // The themes of every provision, detected here (in the worker) so the viewer does not.
    for side in cmp.all_themes() {
        for set in side {
            w.u32(set.bits().into());
        }
    }
    w.0
}

/// Reads back what [`encode`] wrote.
pub fn decode(bytes: &[u8]) -> Result<Comparison, Malformed> {
    let mut r = Reader { bytes, at: 0 };
    if r.u32()? != MAGIC {
        return Err(Malformed("not from this build"));
    }
    let old = r.doc()?;
    let new = r.doc()?;
    let n = r.u32()? as usize;
    let pairs = r.take(n)?;
    let pairs = packed::decode(pairs, &old.provisions, &new.provisions).ok_or(Malformed("the pairs"))?;
    let mut themes = |n: usize| -> Result<Vec<ThemeSet>, Malformed> {
        (0..n)
            .map(|_| {
                let bits = u16::try_from(r.u32()?).ok();
                bits.and_then(ThemeSet::from_bits).ok_or(Malformed("a theme"))
            })
            .collect()
    };
    let themes = [themes(old.provisions.len())?, themes(new.provisions.len())?];
    if r.at != bytes.len() {
        return Err(Malformed("bytes left over"));
    }
    Ok(Comparison::from_parts(old, new, pairs).with_themes(themes))
}

/// Bytes of text a document holds (to size the buffer once).
fn text_bytes(doc: &Document) -> usize {
    doc.provisions
        .iter()
        .map(|p| p.text.len() + p.id.len() + p.label.len())
        .sum()
}

fn position<T: PartialEq>(all: &[T], value: &T) -> u32 {
    all.iter().position(|v| v == value).unwrap_or_default() as u32
}

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn strs(&mut self, list: &[Text]) {
        self.u32(list.len() as u32);
        for s in list {
            self.str(s);
        }
    }

    fn doc(&mut self, d: &Document) {
        for s in [
            &d.symbol,
            &d.date,
            &d.letter_date,
            &d.title,
            &d.official_url,
            &d.transcription_note,
        ] {
            self.str(s);
        }
        self.u32(d.year.into());
        self.strs(&d.submitted_by);
        self.u32(d.provisions.len() as u32);
        for p in d.provisions.iter() {
            self.str(&p.id);
            self.u32(position(&Part::ALL, &p.part));
            self.str(&p.label);
            self.str(&p.text);
            self.u32(p.status.map_or(0, |s| 1 + position(&Status::ALL, &s)));
            self.strs(&p.sources);
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], Malformed> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(Malformed("cut short"))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, Malformed> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A count of things still to come: each takes at least 4 bytes, so a count beyond what
    /// is left is refused before anything is allocated for it.
    fn count(&mut self) -> Result<usize, Malformed> {
        let n = self.u32()? as usize;
        if n > (self.bytes.len() - self.at) / 4 {
            return Err(Malformed("a count"));
        }
        Ok(n)
    }

    fn pick<'t, T>(&mut self, all: &'t [T]) -> Result<&'t T, Malformed> {
        all.get(self.u32()? as usize).ok_or(Malformed("an unknown kind"))
    }

    fn str(&mut self) -> Result<Text, Malformed> {
        let n = self.u32()? as usize;
        let bytes = self.take(n)?;
        let s = std::str::from_utf8(bytes).map_err(|_| Malformed("text that is not UTF-8"))?;
        Ok(Cow::Owned(s.to_owned()))
    }

    fn strs(&mut self) -> Result<Cow<'static, [Text]>, Malformed> {
        let n = self.count()?;
        (0..n)
            .map(|_| self.str())
            .collect::<Result<Vec<_>, _>>()
            .map(Cow::Owned)
    }

    fn doc(&mut self) -> Result<Document, Malformed> {
        let [symbol, date, letter_date, title, official_url, transcription_note] = [(); 6].map(|_| self.str());
        let year = u16::try_from(self.u32()?).map_err(|_| Malformed("a year"))?;
        let submitted_by = self.strs()?;
        let n = self.count()?;
        let mut provisions = Vec::with_capacity(n);
        for _ in 0..n {
            let id = self.str()?;
            let part = *self.pick(&Part::ALL)?;
            let label = self.str()?;
            let text = self.str()?;
            let status = match self.u32()? {
                0 => None,
                s => Some(*Status::ALL.get(s as usize - 1).ok_or(Malformed("a status"))?),
            };
            let sources = self.strs()?;
            provisions.push(Provision {
                id,
                part,
                label,
                text,
                status,
                sources,
            });
        }
        Ok(Document {
            symbol: symbol?,
            year,
            date: date?,
            letter_date: letter_date?,
            title: title?,
            official_url: official_url?,
            transcription_note: transcription_note?,
            submitted_by,
            provisions: Cow::Owned(provisions),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::custom::{distinct_years, from_plain_text, options};

    fn readers() -> Comparison {
        let mut old = from_plain_text("Earlier", "(a) One é.\n\n(b) Two.\n\n(c) Three words here.", "A", 2020).unwrap();
        let mut new = from_plain_text("Later", "(a) One ü.\n\n(c) Three words there.\n\n(d) Four.", "B", 2020).unwrap();
        distinct_years(&mut old, &mut new);
        Comparison::with_options(old, new, &options())
    }

    #[test]
    fn both_kinds_of_comparison_come_back_equal() {
        for cmp in [Comparison::bundled(), readers()] {
            let bytes = encode(&cmp);
            assert_eq!(decode(&bytes).unwrap(), cmp);
        }
    }

    /// The themes arrive with the comparison: known without detecting them, and what a fresh
    /// detection gives (the keyword themes of a reader's text, here one about human rights).
    #[test]
    fn themes_arrive_with_the_comparison() {
        let mut old = from_plain_text("E", "(a) Human rights online.\n\n(b) Nothing.", "A", 2020).unwrap();
        let mut new = from_plain_text("L", "(a) Human rights and sovereignty.", "B", 2020).unwrap();
        distinct_years(&mut old, &mut new);
        let cmp = Comparison::with_options(old, new, &options());
        let decoded = decode(&encode(&cmp)).unwrap();
        assert!(decoded.themes_known() && !Comparison::clone(&cmp).themes_known());
        let fresh = Comparison::from_parts(
            cmp.old.clone(),
            cmp.new.clone(),
            draftdiff_engine::pairing::Pairs {
                pairs: cmp.pairs.clone(),
                simplified: cmp.simplified,
            },
        );
        let mut found = 0;
        for side in [crate::compare::Side::Old, crate::compare::Side::New] {
            for i in 0..decoded.doc(side).provisions.len() {
                assert_eq!(decoded.themes_of(side, i), fresh.themes_of(side, i));
                found += fresh.themes_of(side, i).len();
            }
        }
        assert_eq!(found, 3);
    }

    #[test]
    fn every_cut_or_flipped_byte_is_an_error_or_a_valid_comparison_never_a_panic() {
        let bytes = encode(&readers());
        for n in 0..bytes.len() {
            assert!(decode(&bytes[..n]).is_err(), "cut at {n}");
        }
        for i in 0..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 0xff;
            if let Ok(cmp) = decode(&b) {
                for p in &cmp.pairs {
                    assert!(p.row.old.is_none_or(|o| o < cmp.old.provisions.len()));
                    assert!(p.row.new.is_none_or(|o| o < cmp.new.provisions.len()));
                }
            }
        }
        assert_eq!(decode(&[0; 4]), Err(Malformed("not from this build")));
    }
}

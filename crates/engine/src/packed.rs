//! A finished comparison as compact bytes, and back: what the core's build script ships for the
//! bundled drafts, so the viewer decodes the comparison instead of computing it at every load.
//!
//! Why bytes of indices and lengths, not generated Rust: the decoded value holds owned spans
//! (`WordDiff` is shared with readers' documents), so statics would be copied anyway; a byte
//! string is the smallest thing to ship (a few KB for the bundled drafts, before compression)
//! and one linear pass to read. The texts are not repeated: a span is a change and a length, and
//! its text is cut from the provision texts the decoder is given.
//!
//! The format is a stream of unsigned LEB128 integers:
//!
//! ```text
//! comparison := simplified(0|1) rows(n) row{n}
//! row        := part·8+kind  old+1 (0: none)  new+1 (0: none)  similarity (f32 bits)
//!               draws(n) old-index{n}  diff
//! diff       := 0 (none) | 1+simplified(0|1) spans(n) (length·4+change){n}
//! ```
//!
//! ```
//! use draftdiff_engine::{align::Options, packed, pairing::pair_up, Paragraph, Part};
//! struct P(&'static str);
//! impl Paragraph for P {
//!     fn part(&self) -> Part { Part::Code }
//!     fn text(&self) -> &str { self.0 }
//! }
//! let (old, new) = ([P("All States shall cooperate.")], [P("All States shall cooperate fully.")]);
//! let pairs = pair_up(&old, &new, &Options::default());
//! assert_eq!(packed::decode(&packed::encode(&pairs), &old, &new), Some(pairs));
//! ```

use crate::align::{Row, RowKind};
use crate::diff::{Change, Span, WordDiff};
use crate::pairing::{Pair, Pairs};
use crate::{Paragraph, Part};

/// Row kinds by their code in the stream.
const KINDS: [RowKind; 5] = [
    RowKind::Unchanged,
    RowKind::Changed,
    RowKind::Moved,
    RowKind::Added,
    RowKind::Dropped,
];
/// Span changes by their code in the stream.
const CHANGES: [Change; 3] = [Change::Equal, Change::Delete, Change::Insert];

/// The position of `x` in `list`: its code in the stream.
fn code<T: PartialEq>(list: &[T], x: T) -> usize {
    list.iter().position(|y| *y == x).expect("every value is listed")
}

/// The bytes of `pairs` (see the module documentation for the format).
pub fn encode(pairs: &Pairs) -> Vec<u8> {
    let mut out = Vec::new();
    let mut put = |n: usize| {
        let mut n = u32::try_from(n).expect("a comparison's numbers fit in 32 bits");
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                break;
            }
            out.push(byte | 0x80);
        }
    };
    put(usize::from(pairs.simplified));
    put(pairs.pairs.len());
    for Pair { row, diff } in &pairs.pairs {
        put(code(&Part::ALL, row.part) * 8 + code(&KINDS, row.kind));
        put(row.old.map_or(0, |o| o + 1));
        put(row.new.map_or(0, |n| n + 1));
        put(row.similarity.to_bits() as usize);
        put(row.also_draws_on.len());
        for &o in &row.also_draws_on {
            put(o);
        }
        match diff {
            None => put(0),
            Some(d) => {
                put(1 + usize::from(d.simplified));
                put(d.spans.len());
                for s in &d.spans {
                    put(s.text.len() * 4 + code(&CHANGES, s.change));
                }
            }
        }
    }
    out
}

/// Reads what [`encode`] wrote, cutting span texts from `old` and `new`: `None` if the bytes do
/// not fit these documents (an index out of range, spans that do not reassemble both texts).
pub fn decode<P: Paragraph>(bytes: &[u8], old: &[P], new: &[P]) -> Option<Pairs> {
    let mut r = Reader { bytes, at: 0 };
    let simplified = r.flag()?;
    let rows = r.next()?;
    let mut pairs = Vec::with_capacity(rows.min(old.len() + new.len()));
    for _ in 0..rows {
        let head = r.next()?;
        let part = *Part::ALL.get(head / 8)?;
        let kind = *KINDS.get(head % 8)?;
        let side = |i: usize, len: usize| match i {
            0 => Some(None),
            i if i <= len => Some(Some(i - 1)),
            _ => None,
        };
        let o = side(r.next()?, old.len())?;
        let n = side(r.next()?, new.len())?;
        let similarity = f32::from_bits(u32::try_from(r.next()?).ok()?);
        let draws = r.next()?;
        let also_draws_on = (0..draws)
            .map(|_| r.next().filter(|&i| i < old.len()))
            .collect::<Option<Vec<_>>>()?;
        let diff = match r.next()? {
            0 => None,
            tag @ (1 | 2) => Some(r.diff(tag == 2, old[o?].text(), new[n?].text())?),
            _ => return None,
        };
        let row = Row {
            part,
            old: o,
            new: n,
            kind,
            similarity,
            also_draws_on,
        };
        pairs.push(Pair { row, diff });
    }
    (r.at == bytes.len()).then_some(Pairs { pairs, simplified })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Option<usize> {
        let mut n: u32 = 0;
        for shift in (0..35).step_by(7) {
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            n |= u32::from(byte & 0x7f).checked_shl(shift)?;
            if byte & 0x80 == 0 {
                return usize::try_from(n).ok();
            }
        }
        None
    }

    fn flag(&mut self) -> Option<bool> {
        match self.next()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    /// The spans of one word diff, cut from the two texts it reassembles.
    fn diff(&mut self, simplified: bool, old: &str, new: &str) -> Option<WordDiff> {
        let count = self.next()?;
        let (mut o, mut n) = (0, 0);
        let mut spans = Vec::with_capacity(count.min(old.len() + new.len()));
        for _ in 0..count {
            let code = self.next()?;
            let (len, change) = (code / 4, *CHANGES.get(code % 4)?);
            let text = match change {
                Change::Insert => new.get(n..n + len)?,
                _ => old.get(o..o + len)?,
            };
            if change != Change::Delete {
                (new.get(n..n + len)? == text).then_some(())?;
                n += len;
            }
            if change != Change::Insert {
                o += len;
            }
            spans.push(Span {
                change,
                text: text.to_string(),
            });
        }
        (o == old.len() && n == new.len()).then_some(WordDiff { spans, simplified })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Options;
    use crate::pairing::pair_up;
    use proptest::prelude::*;

    struct P(Part, String);
    impl Paragraph for P {
        fn part(&self) -> Part {
            self.0
        }
        fn text(&self) -> &str {
            &self.1
        }
    }

    fn doc(texts: &[(usize, &str)]) -> Vec<P> {
        texts.iter().map(|&(p, t)| P(Part::ALL[p], t.to_string())).collect()
    }

    #[test]
    fn bytes_that_do_not_fit_the_documents_are_refused() {
        let old = doc(&[
            (3, "All States shall cooperate."),
            (3, "Dropped entirely, never seen again."),
        ]);
        let new = doc(&[(3, "All States shall cooperate fully.")]);
        let pairs = pair_up(&old, &new, &Options::default());
        let bytes = encode(&pairs);
        assert_eq!(decode(&bytes, &old, &new).as_ref(), Some(&pairs));
        // Other texts, a truncated or extended stream, a damaged length: never a wrong value.
        let other = doc(&[(3, "All States shall cooperate!"), (3, "x")]);
        assert_eq!(decode(&bytes, &other, &new), None);
        assert_eq!(decode(&bytes, &old[..1], &new), None);
        assert_eq!(decode(&bytes[..bytes.len() - 1], &old, &new), None);
        assert_eq!(decode(&[&bytes[..], &[0]].concat(), &old, &new), None);
        assert_eq!(decode(&[], &old, &new), None);
    }

    fn texts() -> impl Strategy<Value = Vec<(usize, String)>> {
        let word = prop::sample::select(vec![
            "States", "the", "code", "of", "peace", "ICT", "信", "é", ",", " ", "\n",
        ]);
        let text = prop::collection::vec(word, 0..16).prop_map(|w| w.concat());
        prop::collection::vec((0..4usize, text), 0..8).prop_map(|mut v| {
            v.sort_by_key(|(p, _)| *p);
            v
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// Whatever the engine computes comes back unchanged from its bytes.
        #[test]
        fn every_comparison_survives_its_bytes(old in texts(), new in texts()) {
            let old: Vec<P> = old.into_iter().map(|(p, t)| P(Part::ALL[p], t)).collect();
            let new: Vec<P> = new.into_iter().map(|(p, t)| P(Part::ALL[p], t)).collect();
            let pairs = pair_up(&old, &new, &Options::default());
            prop_assert_eq!(decode(&encode(&pairs), &old, &new), Some(pairs));
        }
    }
}

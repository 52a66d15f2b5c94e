//! A reader's own comparison carried by a link (`#…&cmp=1.<data>`) or by a saved file.
//!
//! Why: a reader's two documents live only in their browser, so a link to a view of them would
//! open the bundled drafts anywhere else. For documents small enough, the link carries the
//! documents themselves, in the URL fragment: browsers never send the fragment to a server, so
//! the texts go from one reader to the next without passing through anyone's server. Larger
//! ones travel in a saved single file instead, as the same value inside an inert
//! `<script type="application/json">`.
//!
//! What the value is (documented for readers in `docs/url-grammar.md`, "Your own comparison"):
//!
//! ```text
//! cmp-segment = "cmp=" version "." data
//! version     = "1"
//! data        = 1*( ALPHA / DIGIT / "-" / "_" )   ; base64url (RFC 4648 §5), no padding,
//!                                                 ; of the raw DEFLATE (RFC 1951) of the payload
//! payload     = side side                         ; the earlier version, then the later
//! side        = %x74 bytes                        ; "t": text (UTF-8), compared as pasted
//!             / %x77 bytes bytes                  ; "w": a Word or OpenDocument file: its name, its bytes
//! bytes       = length *OCTET                     ; length: unsigned LEB128
//! ```
//!
//! The compression is the browser's own (`CompressionStream("deflate-raw")`, in
//! `draftdiff-platform`), so the viewer carries no compressor; this module does everything
//! else and is pure: the payload, base64url, the version, the size limit, where the segment
//! sits in a hash. The documents are then compared by the compare worker as if pasted.
//!
//! ```
//! use draftdiff_core::link::shared::{self, Input};
//! let inputs = [Input::Text("(a) Old.".into()), Input::Text("(a) New.".into())];
//! let payload = shared::pack(&inputs);
//! assert_eq!(shared::unpack(&payload).unwrap(), inputs);
//! // (the platform compresses `payload`; any bytes stand in for them here)
//! let segment = shared::segment(b"\x01\x02\xfe").unwrap();
//! assert_eq!(segment, "cmp=1.AQL-");
//! let hash = shared::join("0002-a&view=inline", &segment);
//! assert_eq!(hash, "0002-a&view=inline&cmp=1.AQL-");
//! let (rest, value) = shared::split(&hash);
//! assert_eq!((rest.as_str(), value), ("0002-a&view=inline", Some("1.AQL-")));
//! assert_eq!(shared::read_value(value.unwrap()).unwrap(), b"\x01\x02\xfe");
//! ```

use crate::custom::{MAX_BYTES, MAX_WORD_FILE_BYTES};

/// The key of the segment in a hash.
pub const KEY: &str = "cmp";
/// The version of the value this build writes (and the only one it reads).
pub const VERSION: &str = "1";
/// Longest value (after `cmp=`) a link carries, in characters: about 24 KB of compressed
/// documents, which treaty-length texts fit in (the two bundled drafts, compressed together,
/// need about 5,700). Browsers take far longer URLs, but mail clients, chat apps and
/// link shorteners cut or refuse them well before; over this, readers save a file instead.
pub const MAX_LINK_CHARS: usize = 32_000;
/// Most payload bytes read back (after decompression): two of the largest inputs the panel
/// takes, and their names. A link or file that unpacks to more is refused, not read.
pub const MAX_PAYLOAD_BYTES: usize = 2 * (MAX_BYTES + MAX_WORD_FILE_BYTES);
/// The id of the element that holds the value in a saved file.
pub const EMBEDDED_ID: &str = "draftdiff-comparison";

/// One side of a reader's comparison, as the panel had it when it compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Text pasted or read from a text or JSON file.
    Text(String),
    /// A Word (or OpenDocument) file: its name and bytes, read by the worker.
    File {
        /// The file's name (errors name it, and its extension says how to read it).
        name: String,
        /// The file's bytes.
        bytes: Vec<u8>,
    },
}

/// Why a link's or a file's comparison could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Broken {
    /// A version this build does not know (a newer build wrote it).
    Version(String),
    /// The data is not base64url.
    Encoding,
    /// The payload is damaged (cut short, bytes left over, not UTF-8, unknown kind of side).
    Damaged(&'static str),
    /// It unpacks to more than [`MAX_PAYLOAD_BYTES`].
    TooLarge,
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Broken::Version(v) => write!(
                f,
                "it was made by a newer version of draftdiff (format “{v}”); this one reads format {VERSION}"
            ),
            Broken::Encoding => {
                f.write_str("its data is not in the expected encoding (it may have been cut or changed)")
            }
            Broken::Damaged(what) => write!(f, "its data is damaged ({what})"),
            Broken::TooLarge => f.write_str("its documents are larger than this page accepts"),
        }
    }
}

/// The comparison is too large for a link: how long the value would be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLong {
    /// Characters the value would have.
    pub chars: usize,
}

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Your texts are too long to travel in a link ({} characters; a link carries at most {MAX_LINK_CHARS}). Save them as one file instead: it opens offline, with this comparison",
            self.chars
        )
    }
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    let mut n = bytes.len();
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            break;
        }
        out.push(low | 0x80);
    }
    out.extend_from_slice(bytes);
}

/// The payload of two inputs (before compression).
pub fn pack(inputs: &[Input; 2]) -> Vec<u8> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            Input::Text(text) => {
                out.push(b't');
                put_bytes(&mut out, text.as_bytes());
            }
            Input::File { name, bytes } => {
                out.push(b'w');
                put_bytes(&mut out, name.as_bytes());
                put_bytes(&mut out, bytes);
            }
        }
    }
    out
}

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, Broken> {
        let (&b, rest) = self.0.split_first().ok_or(Broken::Damaged("cut short"))?;
        self.0 = rest;
        Ok(b)
    }
    fn bytes(&mut self) -> Result<&'a [u8], Broken> {
        let mut n: usize = 0;
        for shift in (0..).step_by(7) {
            let b = self.byte()?;
            if shift > 28 {
                return Err(Broken::TooLarge);
            }
            n |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                break;
            }
        }
        if n > MAX_PAYLOAD_BYTES {
            return Err(Broken::TooLarge);
        }
        if n > self.0.len() {
            return Err(Broken::Damaged("cut short"));
        }
        let (taken, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(taken)
    }
    fn text(&mut self) -> Result<String, Broken> {
        String::from_utf8(self.bytes()?.to_vec()).map_err(|_| Broken::Damaged("a text is not UTF-8"))
    }
}

/// Reads back what [`pack`] wrote.
pub fn unpack(payload: &[u8]) -> Result<[Input; 2], Broken> {
    if payload.len() > MAX_PAYLOAD_BYTES {
        return Err(Broken::TooLarge);
    }
    let mut r = Reader(payload);
    let mut side = || -> Result<Input, Broken> {
        match r.byte()? {
            b't' => Ok(Input::Text(r.text()?)),
            b'w' => Ok(Input::File {
                name: r.text()?,
                bytes: r.bytes()?.to_vec(),
            }),
            _ => Err(Broken::Damaged("an unknown kind of document")),
        }
    };
    let sides = [side()?, side()?];
    if !r.0.is_empty() {
        return Err(Broken::Damaged("bytes left over"));
    }
    Ok(sides)
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding (RFC 4648 §5): the characters a fragment, an attribute and a
/// script element all carry unescaped.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

/// Reads base64url without padding (padding `=` is accepted too, for hand-made values).
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            let v = ALPHABET.iter().position(|&a| a == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// The value (`1.<data>`) of compressed payload bytes, with no limit (a saved file's).
pub fn value(compressed: &[u8]) -> String {
    format!("{VERSION}.{}", base64url(compressed))
}

/// The hash segment `cmp=1.<data>` for compressed payload bytes, or how long it would be when
/// it is over [`MAX_LINK_CHARS`].
pub fn segment(compressed: &[u8]) -> Result<String, TooLong> {
    let value = value(compressed);
    if value.len() > MAX_LINK_CHARS {
        return Err(TooLong { chars: value.len() });
    }
    Ok(format!("{KEY}={value}"))
}

/// The compressed payload a value names. Surrounding whitespace is ignored, and so are the
/// quotes of a saved file's JSON string.
pub fn read_value(value: &str) -> Result<Vec<u8>, Broken> {
    let value = value.trim();
    let value = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .unwrap_or(value);
    let (version, data) = value.split_once('.').unwrap_or((value, ""));
    if version != VERSION {
        return Err(Broken::Version(version.chars().take(12).collect()));
    }
    from_base64url(data).ok_or(Broken::Encoding)
}

/// What a saved file holds in its `<script type="application/json" id="draftdiff-comparison">`:
/// the value as a JSON string. Its characters (letters, digits, `-`, `_`, `.`, quotes) can never
/// close the element or mean markup, so no escaping is needed.
pub fn embedded(compressed: &[u8]) -> String {
    format!("\"{}\"", value(compressed))
}

/// Where the fragment directive (`:~:`) starts, or the end.
fn directive_at(hash: &str) -> usize {
    hash.find(":~:").unwrap_or(hash.len())
}

/// The hash without its `cmp=` segment, and that segment's value if there is one (the last,
/// if several). A leading `#` is kept out of both. Everything else is left as it was, so
/// [`crate::link::parse`] reads the rest of the view as usual (and never meets the long value,
/// which would pass its 8 KiB limit).
pub fn split(hash: &str) -> (String, Option<&str>) {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let (view, directive) = hash.split_at(directive_at(hash));
    let mut value = None;
    let mut kept = Vec::new();
    for seg in view.split('&') {
        match seg.strip_prefix(KEY).and_then(|s| s.strip_prefix('=')) {
            Some(v) => value = Some(v),
            None => kept.push(seg),
        }
    }
    let mut rest = kept.join("&");
    rest.push_str(directive);
    (rest, value)
}

/// `hash` (a view as [`crate::link::format`] or [`crate::link::hash_with_directive`] writes it)
/// with the comparison's `segment` added last, before any text directive. An empty hash
/// becomes `&cmp=…`, so the segment is never read as a provision.
pub fn join(hash: &str, segment: &str) -> String {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let (view, directive) = hash.split_at(directive_at(hash));
    format!("{view}&{segment}{directive}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link;
    use flate2::write::DeflateEncoder;
    use std::io::Write;

    /// What the browser's `CompressionStream("deflate-raw")` produces (raw DEFLATE).
    fn deflate(bytes: &[u8]) -> Vec<u8> {
        let mut e = DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn inflate(bytes: &[u8]) -> Vec<u8> {
        let mut d = flate2::write::DeflateDecoder::new(Vec::new());
        d.write_all(bytes).unwrap();
        d.finish().unwrap()
    }

    #[test]
    fn base64url_matches_the_rfc_vectors_without_padding() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64url(plain.as_bytes()), enc);
            assert_eq!(from_base64url(enc).unwrap(), plain.as_bytes());
        }
        // The URL-safe alphabet: `-` and `_` where standard base64 has `+` and `/`.
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(from_base64url("Zg==").unwrap(), b"f");
        for bad in ["Z", "Zm9v+A", "Zm/v", "Zm 9"] {
            assert_eq!(from_base64url(bad), None, "{bad}");
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(from_base64url(&base64url(&all)).unwrap(), all);
    }

    #[test]
    fn payloads_round_trip_and_damage_is_named() {
        let inputs = [
            Input::Text("(a) États « cités » — 1.\n\n(b) \u{0}nul".into()),
            Input::File {
                name: "draft.docx".into(),
                bytes: (0..=255).cycle().take(1000).collect(),
            },
        ];
        let payload = pack(&inputs);
        assert_eq!(unpack(&payload).unwrap(), inputs);
        // Lengths over 127 take two LEB128 bytes: 1000 = 0xe8 0x07.
        assert!(payload.windows(2).any(|w| w == [0xe8, 0x07]));
        assert_eq!(unpack(&payload[..payload.len() - 1]), Err(Broken::Damaged("cut short")));
        let mut longer = payload.clone();
        longer.push(0);
        assert_eq!(unpack(&longer), Err(Broken::Damaged("bytes left over")));
        assert_eq!(
            unpack(b"x\x00t\x00"),
            Err(Broken::Damaged("an unknown kind of document"))
        );
        assert_eq!(unpack(b"t\x01\xfft\x00"), Err(Broken::Damaged("a text is not UTF-8")));
        assert_eq!(unpack(b"t\xff\xff\xff\xff\x7f"), Err(Broken::TooLarge));
        assert_eq!(unpack(b""), Err(Broken::Damaged("cut short")));
    }

    #[test]
    fn a_link_carries_treaty_length_documents_and_refuses_more() {
        let [old, new] = crate::corpus::bundled();
        let text = |d: &crate::corpus::Document| {
            d.provisions
                .iter()
                .map(|p| format!("{} {}", p.label, p.text))
                .collect::<Vec<_>>()
                .join("\n\n")
        };
        let inputs = [Input::Text(text(old)), Input::Text(text(new))];
        let compressed = deflate(&pack(&inputs));
        let seg = segment(&compressed).expect("the bundled drafts fit in a link");
        assert!(seg.len() < MAX_LINK_CHARS, "{}", seg.len());
        eprintln!("the bundled drafts in a link: {} characters", seg.len());
        let hash = join("0002-7&view=inline", &seg);
        let (rest, carried) = split(&hash);
        assert_eq!(rest, "0002-7&view=inline");
        assert_eq!(
            unpack(&inflate(&read_value(carried.unwrap()).unwrap())).unwrap(),
            inputs
        );

        // Text that does not compress (pseudo-random words) goes over the limit.
        let mut x: u32 = 1;
        let noise: String = (0..40_000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                char::from(b'a' + ((x >> 16) % 26) as u8)
            })
            .collect();
        let big = deflate(&pack(&[Input::Text(noise), Input::Text("b".into())]));
        let too_long = segment(&big).unwrap_err();
        assert_eq!(too_long.chars, value(&big).len());
        assert!(too_long.chars > MAX_LINK_CHARS);
        assert!(too_long.to_string().contains("a link carries at most 32000"));
        assert!(too_long.to_string().contains("Save them as one file"));
        // A saved file has no such limit.
        assert_eq!(read_value(&embedded(&big)).unwrap(), big);
    }

    #[test]
    fn the_segment_stays_out_of_the_view_grammar() {
        let seg = "cmp=1.AQID";
        for (view, joined) in [
            ("", "&cmp=1.AQID"),
            ("0002-a", "0002-a&cmp=1.AQID"),
            ("0002-a&text=x:~:text=x", "0002-a&text=x&cmp=1.AQID:~:text=x"),
        ] {
            let hash = join(view, seg);
            assert_eq!(hash, joined);
            assert_eq!(split(&hash), (view.to_string(), Some("1.AQID")));
            assert_eq!(split(&format!("#{hash}")).0, view);
            // The rest parses as the view it was, without problems.
            let parsed = link::parse(&split(&hash).0);
            assert_eq!(parsed.state, link::parse(view).state);
            assert!(parsed.problems.is_empty());
        }
        // Anywhere in the hash, first or not; the last wins; no segment: the hash as it was.
        assert_eq!(split("cmp=1.AA&view=old"), ("view=old".into(), Some("1.AA")));
        assert_eq!(
            split("view=old&cmp=1.AA&q=x&cmp=1.BB"),
            ("view=old&q=x".into(), Some("1.BB"))
        );
        assert_eq!(split("2015-7&view=old"), ("2015-7&view=old".into(), None));
        assert_eq!(split("2015-7&cmpx=1"), ("2015-7&cmpx=1".into(), None));
        // A long value never reaches `link::parse`'s 8 KiB limit.
        let long = join("2015-7", &format!("cmp=1.{}", "A".repeat(20_000)));
        assert!(link::parse(&split(&long).0).problems.is_empty());
    }

    #[test]
    fn values_are_versioned_and_safe_in_a_script_element() {
        assert_eq!(read_value("1.AQID").unwrap(), [1, 2, 3]);
        assert_eq!(read_value(" \"1.AQID\"\n").unwrap(), [1, 2, 3]);
        assert_eq!(read_value("2.AQID"), Err(Broken::Version("2".into())));
        assert_eq!(read_value("AQID"), Err(Broken::Version("AQID".into())));
        assert_eq!(read_value("1.AQ%ID"), Err(Broken::Encoding));
        assert!(Broken::Version("2".into()).to_string().contains("newer version"));
        let all: Vec<u8> = (0..=255).collect();
        let inert = embedded(&all);
        assert!(inert.chars().all(|c| c.is_ascii_alphanumeric() || "-_.\"".contains(c)));
        assert!(!inert.contains('<'));
    }
}

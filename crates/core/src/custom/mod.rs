//! Documents readers bring: "Compare your own".
//!
//! Why a module of its own: the bundled drafts are checked at build time, but a reader's
//! paste or file arrives at run time and may hold anything — megabytes, markup, a JSON file
//! written for another tool. Everything that turns such input into a [`Document`] lives
//! here, as a pure core with no web types, so it is tested natively (property tests
//! included) and the engines downstream can rely on what they always rely on: ids that are
//! unique, valid anchors, non-empty texts and a year that makes anchors parse.
//!
//! Two ways in:
//!
//! * [`from_plain_text`]: paragraphs separated by blank lines, a printed label such as
//!   `(a)`, `1.` or `(iv)` recognised at the start of a paragraph;
//! * [`from_json`]: the shape of the bundled corpus, read into the deliberately loose
//!   [`JsonDocument`] so that a wrong type is reported by field and provision instead of
//!   failing in the deserializer. In the browser the JSON is parsed by `JSON.parse` and
//!   handed over with `serde-wasm-bindgen`, so the wasm carries no JSON parser.
//!
//! * [`from_word_file`]: a word-processor file, a Word document (`.docx`) or an OpenDocument
//!   text (`.odt`, told apart by what the archive holds), its paragraphs, automatic numbers,
//!   tables, footnotes and tracked changes read as a reader sees them, then labelled like
//!   pasted text.
//!
//! Then [`distinct_years`] keeps the two versions' anchors apart and [`options`] bounds the
//! alignment. Texts stay text: nothing here (or in the UI, which renders text nodes only)
//! interprets markup.
//!
//! ```
//! use draftdiff_core::compare::Comparison;
//! use draftdiff_core::custom::{distinct_years, from_plain_text, options};
//!
//! let earlier = "(a) States should cooperate.\n\n(b) States should share information.";
//! let later = "1. States shall cooperate.\r\n\r\n2. States shall share information.\r\n";
//! let mut old = from_plain_text("Earlier version", earlier, "Draft 1", 2020).unwrap();
//! let mut new = from_plain_text("Later version", later, "Draft 2", 2020).unwrap();
//! assert_eq!((old.provisions[1].label.as_ref(), old.provisions[1].id.as_ref()), ("(b)", "b"));
//! assert_eq!(new.provisions[1].text, "States shall share information.");
//!
//! distinct_years(&mut old, &mut new);
//! assert_eq!((old.year, new.year), (2019, 2020));
//! let cmp = Comparison::with_options(old, new, &options());
//! assert_eq!(cmp.anchor(1, draftdiff_core::compare::Side::Old).map(|a| a.to_string()).as_deref(), Some("2019-b"));
//!
//! let errors = from_plain_text("Later version", " \n\n\t\n", "Draft 2", 2020).unwrap_err();
//! assert_eq!(errors[0].to_string(), "Later version: there is no text to compare.");
//! ```
//!
//! One file per concept: `plain.rs` reads pasted text and its labels, `json.rs` the JSON
//! shape, `office.rs` what word-processor files share (the archive, its limits and errors,
//! the notes), `docx.rs` and `odt.rs` each format's XML, `problems.rs` holds the error type
//! and the collector every way in reports through; this file holds the public surface, the
//! limits and what all ways in share.

mod docx;
mod json;
mod odt;
mod office;
mod plain;
mod problems;

pub use json::{check_nesting, from_json, JsonDocument, JsonItem, JsonProvision, Loose, MAX_NESTING};
pub use office::{from_word_file, WordDocument, MAX_WORD_FILE_BYTES};
pub use plain::from_plain_text;
pub use problems::InputError;

use crate::align::Options;
use crate::corpus::{Document, Provision};
use std::borrow::Cow;
use std::ops::RangeInclusive;
use std::time::Duration;

/// Most bytes of text one version may hold (2 MiB): far above any treaty text, low enough
/// that alignment and rendering stay responsive on a phone.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;
/// Most provisions (paragraphs) one version may hold.
pub const MAX_PROVISIONS: usize = 20_000;
/// Most problems reported for one input; the rest are summed up in one last entry, so a
/// file that is wrong 20,000 times does not bury the first, most useful messages.
pub const MAX_ERRORS: usize = 100;
/// Years a document may carry: links spell the year with exactly four digits
/// (see [`crate::link::Anchor::parse`]), so version 1 of a reader's text is `0001-…` and is
/// labelled `v1` ([`crate::corpus::Document::short_name`]).
pub const YEARS: RangeInclusive<u16> = 1..=9999;
/// Alignment time budget for reader documents (see [`options`]).
const BUDGET: Duration = Duration::from_millis(1500);

/// `\r\n` and lone `\r` become `\n`: pasted text comes from every platform.
fn normalise_breaks(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A text as kept: line breaks normalised, surrounding whitespace (layout, not wording)
/// trimmed, everything else verbatim.
fn clean(text: &str) -> String {
    normalise_breaks(text).trim().to_string()
}

/// A document as readers' versions carry it: no letter date, sponsors or transcription note.
fn reader_document(
    symbol: String,
    year: u16,
    date: String,
    title: String,
    official_url: String,
    provisions: Vec<Provision>,
) -> Document {
    Document {
        symbol: Cow::Owned(symbol),
        year,
        date: Cow::Owned(date),
        letter_date: Cow::Borrowed(""),
        title: Cow::Owned(title),
        official_url: Cow::Owned(official_url),
        transcription_note: Cow::Borrowed(""),
        submitted_by: Cow::Owned(Vec::new()),
        provisions: Cow::Owned(provisions),
    }
}

/// Makes the two versions' years distinct and valid, so every anchor `<year>-<id>` names
/// one provision of one version and parses as a link.
///
/// Both years are first clamped into [`YEARS`]. If they are then equal, the later version
/// keeps its year and the earlier one is dated a year before (the later one a year after
/// when the year is already 1): readers most often compare two drafts of one year, and
/// the later version is the one they cite. Distinct years are left alone, in whatever order.
pub fn distinct_years(old: &mut Document, new: &mut Document) {
    let (first, last) = (*YEARS.start(), *YEARS.end());
    old.year = old.year.clamp(first, last);
    new.year = new.year.clamp(first, last);
    if old.year == new.year {
        if old.year > first {
            old.year -= 1;
        } else {
            new.year += 1;
        }
    }
}

/// Alignment options for reader documents: the default tuning with a time budget of
/// 1.5 s, after which cheaper pairings take over, so two unrelated megabyte texts never
/// freeze the page (the result is then marked simplified).
pub fn options() -> Options {
    Options {
        budget: Some(BUDGET),
        ..Options::default()
    }
}

#[cfg(test)]
mod tests {
    use super::json::is_web_address;
    use super::*;
    use crate::link::Anchor;
    use serde_json::{json, Value};
    use std::collections::HashSet;

    pub(super) const XSS: [&str; 3] = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "javascript:alert(1)",
    ];

    pub(super) fn plain(text: &str) -> Result<Document, Vec<InputError>> {
        from_plain_text("Earlier version", text, "Draft", 2020)
    }

    pub(super) fn json(value: Value) -> Result<Document, Vec<String>> {
        let doc: JsonDocument = serde_json::from_str(&value.to_string()).expect("any JSON value deserializes");
        from_json("draft.json", doc, 2024).map_err(|e| e.iter().map(ToString::to_string).collect())
    }

    /// `(label, id, text)` of every provision.
    pub(super) fn shape(doc: &Document) -> Vec<(String, String, String)> {
        doc.provisions
            .iter()
            .map(|p| (p.label.to_string(), p.id.to_string(), p.text.to_string()))
            .collect()
    }

    /// Every promise a reader document keeps; `Err` names the first one broken.
    pub(super) fn valid(doc: &Document) -> Result<(), String> {
        if doc.symbol.trim().is_empty() || doc.provisions.is_empty() || !YEARS.contains(&doc.year) {
            return Err(format!("symbol, provisions or year: {doc:?}"));
        }
        if !doc.official_url.is_empty() && !is_web_address(&doc.official_url) {
            return Err(format!("url {:?}", doc.official_url));
        }
        let mut ids = HashSet::new();
        for (i, p) in doc.provisions.iter().enumerate() {
            let anchor = Anchor::parse(&doc.anchor(i).to_string()).ok_or(format!("anchor {}", doc.anchor(i)))?;
            if anchor.id != p.id || !ids.insert(p.id.as_ref()) {
                return Err(format!("id {:?}", p.id));
            }
            if p.text.trim().is_empty() || p.text.trim() != p.text || p.text.contains('\r') {
                return Err(format!("text {:?}", p.text));
            }
            if p.status.is_some() || !p.sources.is_empty() {
                return Err("provenance".into());
            }
        }
        Ok(())
    }

    pub(super) fn normalise_ws(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn markup_stays_text_and_never_becomes_an_id() {
        for payload in XSS {
            let doc = plain(&format!("{payload}\n\n(a) {payload}")).unwrap();
            assert_eq!(
                shape(&doc),
                [
                    ("".into(), "p-1".into(), payload.into()),
                    ("(a)".into(), "a".into(), payload.into())
                ]
            );
            let ok = json(json!({"symbol": payload, "title": payload, "provisions": [
                {"id": "a", "label": payload, "text": payload}
            ]}))
            .unwrap();
            assert_eq!((ok.symbol.as_ref(), ok.title.as_ref()), (payload, payload));
            assert_eq!(shape(&ok), [(payload.into(), "a".into(), payload.into())]);
            let bad = json(json!({"symbol": "S", "provisions": [{"id": payload, "text": "t"}]})).unwrap_err();
            assert_eq!(
                bad,
                [format!(
                    "draft.json, provision #1 (id “{payload}”), “id”: may hold only ASCII letters, digits and “-”, since it becomes part of a link."
                )]
            );
        }
    }

    #[test]
    fn years_become_distinct_and_valid() {
        let doc = |year| plain("x").map(|d| Document { year, ..d }).unwrap();
        for ((a, b), expected) in [
            ((2015, 2015), (2014, 2015)),
            ((2011, 2015), (2011, 2015)),
            ((2015, 2011), (2015, 2011)),
            ((1000, 1000), (999, 1000)),
            ((0, 0), (1, 2)),
            ((1, 2), (1, 2)),
            ((u16::MAX, 9999), (9998, 9999)),
            ((20000, 3), (9999, 3)),
        ] {
            let (mut old, mut new) = (doc(a), doc(b));
            distinct_years(&mut old, &mut new);
            assert_eq!((old.year, new.year), expected, "{a} {b}");
        }
    }
}

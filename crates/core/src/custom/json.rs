//! The JSON shape of a reader's document (that of the bundled corpus) and its validation.
//!
//! Why a file of its own: a JSON file declares everything (ids, parts, year, link) and may
//! get any of it wrong in any type, so it is read into the deliberately loose
//! [`JsonDocument`] and every field is checked here with a message naming field and
//! provision. The JSON itself is parsed outside the wasm (by `JSON.parse` in the browser).

use super::problems::{quote, too_big, too_many, whole, Problems};
use super::{clean, reader_document, InputError, MAX_BYTES, MAX_PROVISIONS, YEARS};
use crate::corpus::{Document, Part, Provision};
use crate::link::MAX_ID_CHARS;
use serde::de::IgnoredAny;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;

/// Any JSON value, kept only as far as validation needs it. Every field of
/// [`JsonDocument`] and [`JsonProvision`] has this type, so a wrong type is never a
/// deserializer error but a precise message from [`from_json`]. `L` is what a list holds,
/// `O` what an object is read as.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Loose<L = IgnoredAny, O = IgnoredAny> {
    /// `null` (a `null` field reads as absent; this is for list entries).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A string.
    Str(String),
    /// A list. (Tried before `Object`, since serde would read a list positionally into a struct.)
    List(Vec<L>),
    /// An object.
    Object(O),
}

impl<L, O> Loose<L, O> {
    /// What the value is, for a message: `a number (7)`, `a list of 2 items`.
    fn describe(&self) -> String {
        match self {
            Loose::Null => "null".into(),
            Loose::Bool(b) => b.to_string(),
            Loose::Num(n) => format!("a number ({n})"),
            Loose::Str(s) => format!("a string ({})", quote(s)),
            Loose::List(items) if items.len() == 1 => "a list of 1 item".into(),
            Loose::List(items) => format!("a list of {} items", items.len()),
            Loose::Object(_) => "an object".into(),
        }
    }
}

/// One entry of `provisions`: normally an object, but whatever else the file holds there
/// is kept to be reported.
pub type JsonItem = Loose<IgnoredAny, JsonProvision>;

/// One provision as a JSON file gives it: `{ "id", "part"?, "label"?, "text" }`. Unknown
/// fields (`status`, `sources` of the bundled corpus) are ignored.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct JsonProvision {
    /// Required: ASCII letters, digits and `-`, at most [`MAX_ID_CHARS`], unique.
    pub id: Option<Loose>,
    /// `letter`, `preamble`, `purpose` or `code` (the default).
    pub part: Option<Loose>,
    /// The printed label, such as `(7)`; may be absent.
    pub label: Option<Loose>,
    /// Required: the wording.
    pub text: Option<Loose>,
}

/// A document file, read loosely (see [`Loose`]): `{ "symbol", "title"?, "date"?,
/// "year"?, "official_url"?, "provisions": [...] }`. Unknown fields are ignored.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(from = "Loose<IgnoredAny, JsonFields>")]
pub struct JsonDocument {
    /// Set when the file holds something other than an object (a list, a string…); every
    /// other field is then `None`.
    pub not_an_object: Option<Loose>,
    /// Required: the document symbol or a name for the version.
    pub symbol: Option<Loose>,
    /// Document title.
    pub title: Option<Loose>,
    /// `YYYY-MM-DD`.
    pub date: Option<Loose>,
    /// Year of the version, 1000–9999.
    pub year: Option<Loose>,
    /// Link to the official text: `https://` or `http://` only.
    pub official_url: Option<Loose>,
    /// Required: the provisions in document order.
    pub provisions: Option<Loose<JsonItem>>,
}

/// The fields of an object-shaped [`JsonDocument`], as serde reads them.
#[derive(Deserialize)]
struct JsonFields {
    symbol: Option<Loose>,
    title: Option<Loose>,
    date: Option<Loose>,
    year: Option<Loose>,
    official_url: Option<Loose>,
    provisions: Option<Loose<JsonItem>>,
}

impl From<Loose<IgnoredAny, JsonFields>> for JsonDocument {
    fn from(value: Loose<IgnoredAny, JsonFields>) -> Self {
        let not_an_object = match value {
            Loose::Object(f) => {
                return JsonDocument {
                    not_an_object: None,
                    symbol: f.symbol,
                    title: f.title,
                    date: f.date,
                    year: f.year,
                    official_url: f.official_url,
                    provisions: f.provisions,
                }
            }
            Loose::Null => Loose::Null,
            Loose::Bool(b) => Loose::Bool(b),
            Loose::Num(n) => Loose::Num(n),
            Loose::Str(s) => Loose::Str(s),
            Loose::List(items) => Loose::List(items),
        };
        JsonDocument {
            not_an_object: Some(not_an_object),
            ..JsonDocument::default()
        }
    }
}

impl Problems<'_> {
    /// `value` as a string, or `None` after reporting what it is instead.
    pub(super) fn string<'v>(&mut self, at: Option<&str>, field: &'static str, value: &'v Loose) -> Option<&'v str> {
        match value {
            Loose::Str(s) => Some(s),
            other => {
                self.push(
                    at,
                    Some(field),
                    format!("expected a string, found {}", other.describe()),
                );
                None
            }
        }
    }
}

/// How deeply a document file may nest lists and objects. The shape needs 3 (document,
/// provisions list, provision); the rest is room for extra fields a tool adds.
pub const MAX_NESTING: usize = 32;

/// Checks, before the JSON is turned into a [`JsonDocument`], that it nests no deeper than
/// [`MAX_NESTING`]. Why: `JSON.parse` accepts a megabyte of `[`, but reading that value into
/// Rust recurses once per level and would overflow the wasm stack, a trap no message can
/// explain. One pass over the text, outside strings, without recursion.
pub fn check_nesting(text: &str) -> Result<(), String> {
    let (mut depth, mut deepest, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') => in_string = false,
            (true, false, _) => {}
            (false, _, b'"') => in_string = true,
            (false, _, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (false, _, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest > MAX_NESTING {
        Err(format!(
            "lists and objects nested {deepest} levels deep; a document needs 3, and at most {MAX_NESTING} are read"
        ))
    } else {
        Ok(())
    }
}

/// Validates a document file and builds the [`Document`]; every problem is reported (up
/// to [`MAX_ERRORS`](super::MAX_ERRORS)), by field and provision.
///
/// * `symbol` and a non-empty `provisions` list are required; each provision needs an
///   `id` (ASCII letters, digits, `-`; at most [`MAX_ID_CHARS`]; unique; it becomes the
///   anchor `<year>-<id>`) and a non-empty `text`. `part` defaults to `code`.
/// * Parts may come in any order: alignment pairs provisions part by part and the
///   comparison always shows letter, preamble, purpose, code in that order; the document
///   keeps the file's order.
/// * The year is `year` (a whole number in [`YEARS`]), else the first four digits of
///   `date`, else `default_year` (clamped into [`YEARS`]). Where `year` and `date` disagree, `year`
///   wins.
/// * `official_url` is kept only if it is an `https://` or `http://` address; anything
///   else (`javascript:`…) is an error, never a link.
/// * Texts are trimmed and their line breaks (`\r\n`, `\r`) become `\n`; otherwise they are
///   verbatim. Labels are trimmed.
///   More than [`MAX_BYTES`] of text or [`MAX_PROVISIONS`] provisions is an error.
pub fn from_json(input: &str, doc: JsonDocument, default_year: u16) -> Result<Document, Vec<InputError>> {
    if let Some(found) = &doc.not_an_object {
        return Err(whole(
            input,
            format!(
                "expected a JSON object with “symbol” and “provisions”, found {}",
                found.describe()
            ),
        ));
    }
    let items: &[JsonItem] = match &doc.provisions {
        Some(Loose::List(items)) => items,
        _ => &[],
    };
    if items.len() > MAX_PROVISIONS {
        return Err(too_many(input, "the file has"));
    }
    let mut p = Problems::new(input);

    let symbol = match &doc.symbol {
        None => {
            p.field("symbol", "required but missing (the document symbol, or any name)");
            None
        }
        Some(v) => p.string(None, "symbol", v).map(str::trim),
    };
    if symbol == Some("") {
        p.field("symbol", "empty");
    }
    let title = doc
        .title
        .as_ref()
        .and_then(|v| p.string(None, "title", v))
        .map(str::trim);
    let date = doc.date.as_ref().and_then(|v| p.string(None, "date", v)).map(str::trim);
    let date = match date {
        Some(d) if !d.is_empty() && !is_date(d) => {
            p.field(
                "date",
                format!("{} is not a date of the form YYYY-MM-DD (years 1000 to 9999)", quote(d)),
            );
            None
        }
        other => other,
    };
    let year = match &doc.year {
        Some(Loose::Num(y)) if y.fract() == 0.0 && (1000.0..=9999.0).contains(y) => *y as u16,
        Some(other) => {
            p.field(
                "year",
                format!("expected a whole number from 1000 to 9999, found {}", other.describe()),
            );
            *YEARS.start()
        }
        None => date
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
            .unwrap_or(default_year.clamp(*YEARS.start(), *YEARS.end())),
    };
    let official_url = doc
        .official_url
        .as_ref()
        .and_then(|v| p.string(None, "official_url", v))
        .map(str::trim);
    if let Some(url) = official_url.filter(|u| !u.is_empty() && !is_web_address(u)) {
        p.field(
            "official_url",
            format!(
                "{} is not a web address (it must start with https:// or http://)",
                quote(url)
            ),
        );
    }

    match &doc.provisions {
        None => p.field("provisions", "required but missing (a list of provisions)"),
        Some(Loose::List(items)) if items.is_empty() => p.field("provisions", "the list is empty"),
        Some(Loose::List(_)) => {}
        Some(other) => p.field(
            "provisions",
            format!("expected a list of provisions, found {}", other.describe()),
        ),
    }
    let mut first_with_id: HashMap<&str, usize> = HashMap::new();
    let mut bytes = 0;
    let mut provisions = Vec::with_capacity(items.len());
    for (n, item) in items.iter().enumerate() {
        let position = n + 1;
        let Loose::Object(fields) = item else {
            p.push(
                Some(&format!("#{position}")),
                None,
                format!("expected an object with “id” and “text”, found {}", item.describe()),
            );
            continue;
        };
        let at = match &fields.id {
            Some(Loose::Str(id)) if !id.is_empty() => format!("#{position} (id {})", quote(id)),
            _ => format!("#{position}"),
        };
        let at = Some(at.as_str());
        let id = match &fields.id {
            None => {
                p.push(at, Some("id"), "required but missing");
                None
            }
            Some(v) => p.string(at, "id", v),
        };
        if let Some(id) = id {
            if let Some(problem) = id_problem(id) {
                p.push(at, Some("id"), problem);
            } else if let Some(first) = first_with_id.get(id) {
                p.push(
                    at,
                    Some("id"),
                    format!("provision #{first} has the same id (ids must be unique)"),
                );
            } else {
                first_with_id.insert(id, position);
            }
        }
        let part = match &fields.part {
            None => Some(Part::Code),
            Some(v) => p.string(at, "part", v).and_then(|key| {
                let part = Part::from_key(key);
                if part.is_none() {
                    p.push(
                        at,
                        Some("part"),
                        format!(
                            "unknown part {} (expected letter, preamble, purpose or code)",
                            quote(key)
                        ),
                    );
                }
                part
            }),
        };
        let label = fields
            .label
            .as_ref()
            .and_then(|v| p.string(at, "label", v))
            .map(str::trim);
        let text = match &fields.text {
            None => {
                p.push(at, Some("text"), "required but missing");
                None
            }
            Some(v) => p.string(at, "text", v),
        };
        bytes += text.map_or(0, str::len);
        if text.is_some_and(|t| t.trim().is_empty()) {
            p.push(at, Some("text"), "empty");
        }
        if let (Some(id), Some(part), Some(text)) = (id, part, text) {
            provisions.push(Provision {
                id: Cow::Owned(id.to_string()),
                part,
                label: Cow::Owned(label.unwrap_or_default().to_string()),
                text: Cow::Owned(clean(text)),
                status: None,
                sources: Cow::Owned(Vec::new()),
            });
        }
    }
    if bytes > MAX_BYTES {
        return Err(too_big(input, "the texts add up to", bytes));
    }
    let document = reader_document(
        symbol.unwrap_or_default().to_string(),
        year,
        date.unwrap_or_default().to_string(),
        title.unwrap_or_default().to_string(),
        official_url.unwrap_or_default().to_string(),
        provisions,
    );
    p.into_result(document)
}

/// Why `id` cannot be a provision id, if it cannot.
fn id_problem(id: &str) -> Option<String> {
    if id.is_empty() {
        Some("empty".into())
    } else if !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        Some("may hold only ASCII letters, digits and “-”, since it becomes part of a link".into())
    } else if id.len() > MAX_ID_CHARS {
        Some(format!("longer than {MAX_ID_CHARS} characters"))
    } else {
        None
    }
}

/// `YYYY-MM-DD` with a year in [`YEARS`], a month 01–12 and a day 01–31.
fn is_date(s: &str) -> bool {
    let [y @ .., b'-', m1, m2, b'-', d1, d2] = s.as_bytes() else {
        return false;
    };
    let number = |digits: &[u8]| -> Option<u16> {
        digits
            .iter()
            .try_fold(0u16, |n, &d| d.is_ascii_digit().then(|| n * 10 + u16::from(d - b'0')))
    };
    y.len() == 4
        && number(y).is_some_and(|y| YEARS.contains(&y))
        && number(&[*m1, *m2]).is_some_and(|m| (1..=12).contains(&m))
        && number(&[*d1, *d2]).is_some_and(|d| (1..=31).contains(&d))
}

/// An `https://` or `http://` address (scheme in any case) with something after the scheme
/// and no whitespace or control characters.
pub(super) fn is_web_address(url: &str) -> bool {
    let rest = ["https://", "http://"].into_iter().find_map(|scheme| {
        url.get(..scheme.len())
            .filter(|head| head.eq_ignore_ascii_case(scheme))
            .map(|_| &url[scheme.len()..])
    });
    rest.is_some_and(|r| !r.is_empty() && !r.chars().any(|c| c.is_whitespace() || c.is_control()))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{json, shape, valid};
    use super::super::MAX_ERRORS;
    use super::*;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    #[test]
    fn nesting_is_bounded_before_the_value_is_read_and_strings_do_not_count() {
        let guide = include_str!("../../../../docs/custom-documents.md");
        let example = guide
            .split("```json\n")
            .nth(1)
            .and_then(|r| r.split("```").next())
            .unwrap();
        assert_eq!(check_nesting(example), Ok(()));
        let deep = "[".repeat(2 * 1024 * 1024);
        let err = check_nesting(&deep).unwrap_err();
        assert!(err.contains("2097152 levels"), "{err}");
        let edge = "[".repeat(MAX_NESTING) + &"]".repeat(MAX_NESTING);
        assert_eq!(check_nesting(&edge), Ok(()));
        assert!(check_nesting(&format!("[{edge}]")).is_err());
        // Brackets inside strings, escaped quotes included, are text.
        let text = format!(r#"{{"text": "{} \" {}"}}"#, "[".repeat(100), "{".repeat(100));
        assert_eq!(check_nesting(&text), Ok(()));
    }

    /// The example of docs/custom-documents.md is a valid document.
    #[test]
    fn the_documented_example_loads() {
        let guide = include_str!("../../../../docs/custom-documents.md");
        let example = guide
            .split("```json\n")
            .nth(1)
            .and_then(|rest| rest.split("```").next())
            .expect("a ```json block");
        let doc: JsonDocument = serde_json::from_str(example).unwrap();
        let doc = from_json("example.json", doc, 2000).unwrap();
        valid(&doc).unwrap();
        assert_eq!(
            (doc.symbol.as_ref(), doc.year, doc.date.as_ref()),
            ("A/69/723", 2015, "2015-01-13")
        );
        assert_eq!(doc.official_url, "https://undocs.org/A/69/723");
        let parts: Vec<Part> = doc.provisions.iter().map(|p| p.part).collect();
        assert_eq!(parts, [Part::Preamble, Part::Code, Part::Code]);
        assert_eq!(doc.provisions[2].label, "(7)");
    }

    #[test]
    fn json_fields_and_defaults() {
        let doc = json(json!({
            "symbol": " Draft B ", "date": "2019-03-04", "status": "ignored",
            "provisions": [
                {"id": "intro", "text": "  Line one\r\nline two \n", "sources": []},
                {"id": "7", "part": "letter", "label": " (7) ", "text": "x"}
            ]
        }))
        .unwrap();
        valid(&doc).unwrap();
        assert_eq!((doc.symbol.as_ref(), doc.year), ("Draft B", 2019));
        assert_eq!(
            shape(&doc),
            [
                ("".into(), "intro".into(), "Line one\nline two".into()),
                ("(7)".into(), "7".into(), "x".into())
            ]
        );
        // Parts in any order; the file's order is kept.
        assert_eq!(doc.provisions[1].part, Part::Letter);
        let year = |v: Value| json(v).unwrap().year;
        let p = json!([{"id": "a", "text": "t"}]);
        assert_eq!(
            year(json!({"symbol": "S", "year": 2015, "date": "2014-12-30", "provisions": p})),
            2015
        );
        assert_eq!(year(json!({"symbol": "S", "year": 2015.0, "provisions": p})), 2015);
        assert_eq!(year(json!({"symbol": "S", "date": "", "provisions": p})), 2024);
        assert_eq!(year(json!({"symbol": "S", "year": null, "provisions": p})), 2024);
        let doc: JsonDocument = serde_json::from_value(json!({"symbol": "S", "provisions": p})).unwrap();
        assert_eq!(from_json("f", doc.clone(), 0).unwrap().year, 1);
        assert_eq!(from_json("f", doc, u16::MAX).unwrap().year, 9999);
        for url in ["https://undocs.org/A/69/723", "HTTP://example.org/x?y=1#z", ""] {
            let doc = json(json!({"symbol": "S", "official_url": url, "provisions": p})).unwrap();
            assert_eq!(doc.official_url, url);
        }
    }

    #[test]
    fn json_errors_name_input_provision_and_field() {
        let p = json!([{"id": "a", "text": "t"}]);
        let cases = [
            (json!([1, 2]), vec!["draft.json: expected a JSON object with “symbol” and “provisions”, found a list of 2 items."]),
            (json!("A/1"), vec!["draft.json: expected a JSON object with “symbol” and “provisions”, found a string (“A/1”)."]),
            (json!({}), vec![
                "draft.json, “symbol”: required but missing (the document symbol, or any name).",
                "draft.json, “provisions”: required but missing (a list of provisions).",
            ]),
            (json!({"symbol": 7, "provisions": {"id": "a"}}), vec![
                "draft.json, “symbol”: expected a string, found a number (7).",
                "draft.json, “provisions”: expected a list of provisions, found an object.",
            ]),
            (json!({"symbol": " ", "provisions": []}), vec![
                "draft.json, “symbol”: empty.",
                "draft.json, “provisions”: the list is empty.",
            ]),
            (json!({"symbol": "S", "title": ["x"], "date": "13/01/2015", "year": "2015", "provisions": p}), vec![
                "draft.json, “title”: expected a string, found a list of 1 item.",
                "draft.json, “date”: “13/01/2015” is not a date of the form YYYY-MM-DD (years 1000 to 9999).",
                "draft.json, “year”: expected a whole number from 1000 to 9999, found a string (“2015”).",
            ]),
            (json!({"symbol": "S", "year": 2015.5, "date": "2015-13-01", "provisions": p}), vec![
                "draft.json, “date”: “2015-13-01” is not a date of the form YYYY-MM-DD (years 1000 to 9999).",
                "draft.json, “year”: expected a whole number from 1000 to 9999, found a number (2015.5).",
            ]),
            (json!({"symbol": "S", "official_url": "javascript:alert(1)", "provisions": p}), vec![
                "draft.json, “official_url”: “javascript:alert(1)” is not a web address (it must start with https:// or http://).",
            ]),
            (json!({"symbol": "S", "official_url": "https://", "provisions": p}), vec![
                "draft.json, “official_url”: “https://” is not a web address (it must start with https:// or http://).",
            ]),
            (json!({"symbol": "S", "provisions": [
                {"id": "a", "text": "x"},
                null,
                "just text",
                {"id": 7, "text": 7},
                {"text": "x", "part": "annex"},
                {"id": "a", "text": " \n ", "label": false},
                {"id": "", "part": 1},
                {"id": "x".repeat(MAX_ID_CHARS + 1), "text": "x"},
                {"id": "b", "text": {"en": "x"}},
                ["b", "code", "(b)", "text"],
            ]}), vec![
                "draft.json, provision #2: expected an object with “id” and “text”, found null.",
                "draft.json, provision #3: expected an object with “id” and “text”, found a string (“just text”).",
                "draft.json, provision #4, “id”: expected a string, found a number (7).",
                "draft.json, provision #4, “text”: expected a string, found a number (7).",
                "draft.json, provision #5, “id”: required but missing.",
                "draft.json, provision #5, “part”: unknown part “annex” (expected letter, preamble, purpose or code).",
                "draft.json, provision #6 (id “a”), “id”: provision #1 has the same id (ids must be unique).",
                "draft.json, provision #6 (id “a”), “label”: expected a string, found false.",
                "draft.json, provision #6 (id “a”), “text”: empty.",
                "draft.json, provision #7, “id”: empty.",
                "draft.json, provision #7, “part”: expected a string, found a number (1).",
                "draft.json, provision #7, “text”: required but missing.",
                "draft.json, provision #8 (id “xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”), “id”: longer than 64 characters.",
                "draft.json, provision #9 (id “b”), “text”: expected a string, found an object.",
                "draft.json, provision #10: expected an object with “id” and “text”, found a list of 4 items.",
            ]),
        ];
        for (value, expected) in cases {
            assert_eq!(
                json(value.clone()),
                Err(expected.iter().map(|s| s.to_string()).collect()),
                "{value}"
            );
        }
    }

    #[test]
    fn json_limits() {
        let items: Vec<Value> = (0..=MAX_PROVISIONS)
            .map(|i| json!({"id": i.to_string(), "text": "x"}))
            .collect();
        assert_eq!(
            json(json!({"symbol": "S", "provisions": items})),
            Err(vec![
                "draft.json: the file has more than 20000 provisions; compare a part of it.".to_string()
            ])
        );
        let big = "x".repeat(MAX_BYTES / 2 + 1);
        assert_eq!(
            json(json!({"symbol": "S", "provisions": [{"id": "a", "text": big}, {"id": "b", "text": big}]})),
            Err(vec![
                "draft.json: the texts add up to 2.0 MB, more than the 2 MB a version may hold.".to_string()
            ])
        );
        let items: Vec<Value> = (0..500).map(|_| json!({"id": "a b", "text": ""})).collect();
        let errors = json(json!({"symbol": "S", "provisions": items})).unwrap_err();
        assert_eq!(errors.len(), MAX_ERRORS + 1);
        assert_eq!(errors[MAX_ERRORS], "draft.json: and 900 more problems not listed.");
    }

    fn json_value() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            (900u16..10100).prop_map(|n| json!(n)),
            any::<String>().prop_map(Value::String),
            prop::sample::select(vec![
                "",
                " ",
                "a",
                "7",
                "code",
                "preamble",
                "letter",
                "purpose",
                "annex",
                "2015-01-13",
                "2015",
                "https://undocs.org/A/69/723",
                "javascript:alert(1)",
                "<script>alert(1)</script>",
                "a b",
                "(a)",
            ])
            .prop_map(|s| Value::String(s.to_string())),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map(
                    prop::sample::select(vec!["id", "text", "part", "label", "symbol", "provisions", "x"]),
                    inner,
                    0..4
                )
                .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_string(), v)).collect())),
            ]
        })
    }

    /// A field: absent (`None`), a plausible value, or any JSON value.
    fn field(good: Vec<&'static str>) -> impl Strategy<Value = Option<Value>> {
        prop_oneof![
            2 => Just(None),
            6 => prop::sample::select(good).prop_map(|s| Some(json!(s))),
            1 => json_value().prop_map(Some),
        ]
    }

    fn provision_value() -> impl Strategy<Value = Value> {
        let provision = (
            field(vec!["a", "b", "7", "code-chapeau", "pre-1", "a b", "", "<b>"]),
            field(vec!["code", "preamble", "letter", "purpose", "annex"]),
            field(vec!["(a)", "", "1."]),
            field(vec![
                "States shall cooperate.",
                " x \r\n y ",
                "",
                "<script>alert(1)</script>",
            ]),
        )
            .prop_map(|(id, part, label, text)| {
                let fields = [("id", id), ("part", part), ("label", label), ("text", text)];
                Value::Object(
                    fields
                        .into_iter()
                        .filter_map(|(k, v)| Some((k.to_string(), v?)))
                        .collect(),
                )
            });
        prop_oneof![8 => provision, 1 => json_value()]
    }

    fn document_value() -> impl Strategy<Value = Value> {
        let provisions = prop_oneof![
            1 => Just(None),
            8 => prop::collection::vec(provision_value(), 0..8).prop_map(|v| Some(Value::Array(v))),
            1 => json_value().prop_map(Some),
        ];
        let document = (
            field(vec!["A/69/723", " ", "Draft"]),
            field(vec!["Title", ""]),
            field(vec!["2015-01-13", "2015-1-13", "", "0999-01-01"]),
            prop_oneof![
                2 => Just(None),
                6 => (900u16..10100).prop_map(|y| Some(json!(y))),
                1 => json_value().prop_map(Some),
            ],
            field(vec![
                "https://undocs.org/A/69/723",
                "javascript:alert(1)",
                "",
                "http://x",
            ]),
            provisions,
        )
            .prop_map(|(symbol, title, date, year, url, provisions)| {
                let fields = [
                    ("symbol", symbol),
                    ("title", title),
                    ("date", date),
                    ("year", year),
                    ("official_url", url),
                    ("provisions", provisions),
                ];
                Value::Object(
                    fields
                        .into_iter()
                        .filter_map(|(k, v)| Some((k.to_string(), v?)))
                        .collect(),
                )
            });
        prop_oneof![9 => document, 1 => json_value()]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn arbitrary_json_never_panics_and_ok_is_valid(value in document_value(), default_year in any::<u16>()) {
            let doc: JsonDocument = serde_json::from_str(&value.to_string()).expect("any JSON value deserializes");
            match from_json("f.json", doc, default_year) {
                Ok(doc) => prop_assert_eq!(valid(&doc), Ok(())),
                Err(errors) => {
                    prop_assert!(!errors.is_empty() && errors.len() <= MAX_ERRORS + 1);
                    for e in &errors {
                        prop_assert_eq!(e.input.as_str(), "f.json");
                        prop_assert!(e.to_string().ends_with('.'));
                    }
                }
            }
        }
    }
}

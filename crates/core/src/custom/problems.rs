//! What is wrong with a reader's input, and how it is said.
//!
//! Why a file of its own: both ways in ([`from_plain_text`](super::from_plain_text) and
//! [`from_json`](super::from_json)) report problems the same way — located by input,
//! provision and field, at most [`MAX_ERRORS`] of them, quoting the reader's value shortened
//! and without control characters — so the error type, the collector and the shared
//! messages live here once.

use super::{MAX_BYTES, MAX_ERRORS, MAX_PROVISIONS};
use std::fmt;

/// How much of a reader's value an error message quotes.
const QUOTE_CHARS: usize = 40;

/// One problem with a reader's input, located as precisely as the input allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// Which input: the name the caller gave it ("Earlier version", a file name).
    pub input: String,
    /// Which provision, if the problem is in one: position and, where readable, its id
    /// (`#3 (id “7”)`).
    pub provision: Option<String>,
    /// Which field, as named in the JSON shape (`text`, `official_url`).
    pub field: Option<&'static str>,
    /// What is wrong, as a clause without final stop.
    pub message: String,
}

impl fmt::Display for InputError {
    /// One sentence: `Later version, provision #3 (id “7”), “text”: expected a string, found a number (7).`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.input)?;
        if let Some(p) = &self.provision {
            write!(f, ", provision {p}")?;
        }
        if let Some(field) = self.field {
            write!(f, ", “{field}”")?;
        }
        write!(f, ": {}.", self.message)
    }
}

impl std::error::Error for InputError {}

/// Collects the problems of one input, at most [`MAX_ERRORS`] of them.
pub(super) struct Problems<'a> {
    input: &'a str,
    list: Vec<InputError>,
    unlisted: usize,
}

impl<'a> Problems<'a> {
    pub(super) fn new(input: &'a str) -> Self {
        Problems {
            input,
            list: Vec::new(),
            unlisted: 0,
        }
    }

    pub(super) fn push(&mut self, provision: Option<&str>, field: Option<&'static str>, message: impl Into<String>) {
        if self.list.len() < MAX_ERRORS {
            self.list.push(InputError {
                input: self.input.to_string(),
                provision: provision.map(str::to_string),
                field,
                message: message.into(),
            });
        } else {
            self.unlisted += 1;
        }
    }

    /// A problem with the input as a whole.
    pub(super) fn whole(&mut self, message: impl Into<String>) {
        self.push(None, None, message);
    }

    /// A problem with one document-level field.
    pub(super) fn field(&mut self, field: &'static str, message: impl Into<String>) {
        self.push(None, Some(field), message);
    }

    pub(super) fn into_result<T>(mut self, value: T) -> Result<T, Vec<InputError>> {
        if self.unlisted > 0 {
            let more = self.unlisted;
            self.list.push(InputError {
                input: self.input.to_string(),
                provision: None,
                field: None,
                message: format!("and {more} more problems not listed"),
            });
        }
        if self.list.is_empty() {
            Ok(value)
        } else {
            Err(self.list)
        }
    }
}

/// A single error about the input as a whole.
pub(super) fn whole(input: &str, message: String) -> Vec<InputError> {
    let mut p = Problems::new(input);
    p.whole(message);
    p.list
}

/// The size message shared by both ways in.
pub(super) fn too_big(input: &str, what: &str, bytes: usize) -> Vec<InputError> {
    over_limit(input, what, bytes, MAX_BYTES, "a version may hold")
}

/// `{what} 3.1 MB, more than the 2 MB {holder}`: a size over one of the limits.
pub(super) fn over_limit(input: &str, what: &str, bytes: usize, limit: usize, holder: &str) -> Vec<InputError> {
    whole(
        input,
        format!(
            "{what} {} MB, more than the {} MB {holder}",
            megabytes(bytes, 1),
            megabytes(limit, 0)
        ),
    )
}

/// `bytes` in MiB, rounded to `decimals` places: integer arithmetic, because formatting a float
/// would bring Rust's float printer (some 10 KB of wasm) into the viewer for this message alone.
fn megabytes(bytes: usize, decimals: u32) -> String {
    let scale = 10u64.pow(decimals);
    let mib = 1024 * 1024;
    let scaled = (bytes as u64 * scale + mib / 2) / mib;
    match decimals {
        0 => scaled.to_string(),
        _ => format!(
            "{}.{:0width$}",
            scaled / scale,
            scaled % scale,
            width = decimals as usize
        ),
    }
}

/// The count message shared by both ways in.
pub(super) fn too_many(input: &str, what: &str) -> Vec<InputError> {
    whole(
        input,
        format!("{what} more than {MAX_PROVISIONS} provisions; compare a part of it"),
    )
}

/// A reader's value, shortened and stripped of control characters, in quotes for a message.
pub(super) fn quote(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(QUOTE_CHARS)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if s.chars().nth(QUOTE_CHARS).is_some() {
        out.push('…');
    }
    format!("“{out}”")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_is_one_sentence_naming_input_provision_and_field() {
        let e = InputError {
            input: "Later version".into(),
            provision: Some("#3 (id “7”)".into()),
            field: Some("text"),
            message: "empty".into(),
        };
        assert_eq!(e.to_string(), "Later version, provision #3 (id “7”), “text”: empty.");
    }

    #[test]
    fn sizes_read_as_the_float_printer_would_round_them() {
        let mib = 1024 * 1024;
        for bytes in [
            0,
            1,
            mib / 20 - 1,
            mib / 20 + 1,
            mib,
            3 * mib + mib / 10,
            2 * mib - 1,
            47 * mib / 10 + 7,
        ] {
            let f = bytes as f64 / mib as f64;
            assert_eq!(megabytes(bytes, 1), format!("{f:.1}"), "{bytes}");
            assert_eq!(megabytes(bytes, 0), format!("{f:.0}"), "{bytes}");
        }
    }

    #[test]
    fn quotes_are_short_and_free_of_control_characters() {
        assert_eq!(quote("a\nb\u{0}c"), "“a b c”");
        let long = "x".repeat(QUOTE_CHARS + 1);
        assert_eq!(quote(&long), format!("“{}…”", "x".repeat(QUOTE_CHARS)));
        assert_eq!(quote(&long[1..]), format!("“{}”", &long[1..]));
    }
}

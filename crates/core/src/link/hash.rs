//! The hash itself: [`parse`] reads any string into a usable state plus problems, [`format`]
//! writes the shortest canonical form. Values are percent-encoded with the `percent-encoding`
//! crate; which values a key takes is shared with embed attributes (`super::options`).

use super::state::{Parsed, Passage, Problem, Reason, Show, View, ViewState};
use super::{options, Anchor, Match, ANCHOR_SYNTAX, MAX_HASH_BYTES};
use crate::corpus::Part;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// The raw (still encoded) value of every known key; later occurrences overwrite earlier.
#[derive(Default)]
struct Raw<'a> {
    text: Option<&'a str>,
    themes: Option<&'a str>,
    match_mode: Option<&'a str>,
    view: Option<&'a str>,
    query: Option<&'a str>,
    open: Option<&'a str>,
    notes: Option<&'a str>,
    show: Option<&'a str>,
}

/// Reads a hash (with or without the leading `#`). Never fails and never panics:
/// bad values become [`Problem`]s and defaults, unknown keys and bare words after the
/// first segment are ignored, and when a key appears twice **the last one wins** (so an
/// override can be appended to an existing link). See `docs/url-grammar.md`.
///
/// ```
/// use draftdiff_core::link::{parse, Match};
/// let p = parse("2011-purpose-1&themes=sovereignty&match=all&match=sometimes&future=1");
/// assert_eq!(p.state.themes, ["sovereignty"]);
/// assert_eq!(p.state.match_mode, Match::Any); // the last `match` wins, and is bad
/// assert_eq!(p.problems.len(), 1);
/// ```
pub fn parse(hash: &str) -> Parsed {
    let mut problems = Vec::new();
    let mut hash = hash.trim();
    hash = hash.strip_prefix('#').unwrap_or(hash);
    // The browser's own fragment directive (`:~:text=…`) is normally stripped from
    // `location.hash`; if it reaches us anyway it is not ours to read.
    if let Some(i) = hash.find(":~:") {
        hash = &hash[..i];
    }
    if hash.len() > MAX_HASH_BYTES {
        let mut cut = MAX_HASH_BYTES;
        while !hash.is_char_boundary(cut) {
            cut -= 1;
        }
        problems.push(Problem::new("link", "", Reason::TooLong(MAX_HASH_BYTES)));
        hash = &hash[..cut];
    }

    let mut state = ViewState::default();
    let mut raw = Raw::default();
    for (i, segment) in hash.split('&').enumerate() {
        let Some((key, value)) = segment.split_once('=') else {
            if i == 0 && !segment.is_empty() {
                state.focus = Anchor::parse(segment);
                if state.focus.is_none() {
                    problems.push(Problem::new("focus", segment, Reason::Invalid(ANCHOR_SYNTAX)));
                }
            }
            continue;
        };
        let slot = match key {
            "text" => &mut raw.text,
            "themes" => &mut raw.themes,
            "match" => &mut raw.match_mode,
            "view" => &mut raw.view,
            "q" => &mut raw.query,
            "open" => &mut raw.open,
            "notes" => &mut raw.notes,
            "show" => &mut raw.show,
            _ => continue,
        };
        *slot = Some(value);
    }

    let mut dec = |key: &'static str, raw: &str| {
        let (value, ok) = decode(raw);
        if !ok {
            problems.push(Problem::new(key, &value, Reason::BadEncoding));
        }
        value
    };
    let text = raw
        .text
        .map(|v| v.split(',').map(|item| dec("text", item)).collect::<Vec<_>>());
    let themes = raw
        .themes
        .map(|v| v.split(',').map(|item| dec("themes", item)).collect::<Vec<_>>());
    let open = raw
        .open
        .map(|v| v.split(',').map(|item| dec("open", item)).collect::<Vec<_>>());
    let match_mode = raw.match_mode.map(|v| dec("match", v));
    let view = raw.view.map(|v| dec("view", v));
    let notes = raw.notes.map(|v| dec("notes", v));
    let show = raw
        .show
        .map(|v| v.split(',').map(|item| dec("show", item)).collect::<Vec<_>>());
    if let Some(q) = raw.query {
        state.query = dec("q", q);
    }

    match text.as_deref() {
        None | Some([]) => {}
        Some([start]) if start.is_empty() => {}
        Some([start]) => {
            state.passage = Some(Passage {
                start: start.clone(),
                end: None,
            })
        }
        Some([start, end]) => {
            state.passage = Some(Passage {
                start: start.clone(),
                end: Some(end.clone()),
            })
        }
        Some(items) => problems.push(Problem::new(
            "text",
            &items.join(","),
            Reason::Invalid("text=start[,end]"),
        )),
    }
    state.themes = themes
        .unwrap_or_default()
        .into_iter()
        .filter(|t| !t.is_empty())
        .collect();
    if let Some(items) = open {
        state.open.clear();
        let none = matches!(items.as_slice(), [only] if only.is_empty() || only.eq_ignore_ascii_case("none"));
        for item in items.iter().filter(|_| !none) {
            match Part::from_key(&item.to_ascii_lowercase()) {
                Some(part) => {
                    state.open.insert(part);
                }
                None if item.is_empty() => {}
                None => problems.push(Problem::new(
                    "open",
                    item,
                    Reason::Invalid("letter, preamble, purpose, code or none"),
                )),
            }
        }
    }
    for (key, value) in [("match", match_mode), ("view", view), ("notes", notes)] {
        if let Some(v) = value.filter(|v| !v.is_empty()) {
            if let Err(expected) = options::apply(key, &v, &mut state) {
                problems.push(Problem::new(key, &v, Reason::Invalid(expected)));
            }
        }
    }
    if let Some(items) = show {
        state.show = match items.as_slice() {
            [only] if only.eq_ignore_ascii_case("all") => Show::All,
            _ => {
                let mut list = Vec::new();
                for item in items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()) {
                    match Anchor::parse(item) {
                        Some(a) => list.push(a),
                        None => problems.push(Problem::new("show", item, Reason::Invalid(Show::EXPECTED))),
                    }
                }
                Show::Provisions(list)
            }
        };
    }
    problems.extend(state.normalize());
    Parsed { state, problems }
}

/// Writes the hash for `state` (normalised first, see [`ViewState::normalize`]), without
/// the leading `#`: defaults are left out (`""` for the default state, the bare short form
/// for a focus alone) and keys come in the canonical order
/// `text, themes, match, view, q, open, notes, show`. [`parse`] reads it back exactly.
pub fn format(state: &ViewState) -> String {
    let mut state = state.clone();
    state.normalize();
    let mut out = state.focus.as_ref().map(Anchor::to_string).unwrap_or_default();
    if let Some(p) = &state.passage {
        let o = pair(&mut out, "text");
        encode_into(o, &p.start);
        if let Some(end) = &p.end {
            o.push(',');
            encode_into(o, end);
        }
    }
    if !state.themes.is_empty() {
        let o = pair(&mut out, "themes");
        for (i, t) in state.themes.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            encode_into(o, t);
        }
    }
    if state.match_mode != Match::default() {
        pair(&mut out, "match").push_str(state.match_mode.key());
    }
    if state.view != View::default() {
        pair(&mut out, "view").push_str(state.view.key());
    }
    if !state.query.is_empty() {
        encode_into(pair(&mut out, "q"), &state.query);
    }
    if state.open != ViewState::default().open {
        let o = pair(&mut out, "open");
        if state.open.is_empty() {
            o.push_str("none");
        }
        for (i, part) in state.open.iter().enumerate() {
            if i > 0 {
                o.push(',');
            }
            o.push_str(part.key());
        }
    }
    if !state.notes {
        pair(&mut out, "notes").push_str("off");
    }
    match &state.show {
        Show::Named => {}
        Show::All => pair(&mut out, "show").push_str("all"),
        Show::Provisions(list) => {
            let o = pair(&mut out, "show");
            for (i, a) in list.iter().enumerate() {
                if i > 0 {
                    o.push(',');
                }
                o.push_str(&a.to_string());
            }
        }
    }
    out
}

/// Starts `key=` in `out` (after a `&` unless it is the first segment) and returns `out`.
fn pair<'a>(out: &'a mut String, key: &str) -> &'a mut String {
    if !out.is_empty() {
        out.push('&');
    }
    out.push_str(key);
    out.push('=');
    out
}

/// Everything but ASCII letters, digits, `-`, `.` and `_` is escaped: the separators of the
/// grammar (`&`, `=`, `,`) can never leak out of a value, and the result is the same in every
/// browser's address bar.
const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_');

fn encode_into(out: &mut String, s: &str) {
    out.extend(utf8_percent_encode(s, ESCAPED));
}

/// Percent-decodes `s`; `false` if the bytes were not UTF-8 (they become U+FFFD).
fn decode(s: &str) -> (String, bool) {
    let bytes: Vec<u8> = percent_decode_str(s).collect();
    match String::from_utf8(bytes) {
        Ok(text) => (text, true),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), false),
    }
}

//! The URL state: what a shared link (the part after `#`) says about the view.
//!
//! Why a module of its own, with no web types: links are a *public contract*. Readers
//! paste them into e-mails, footnotes and reports, so a link that works today must open
//! the same view in every later version. Keeping the grammar in one pure module makes it
//! testable natively (round trips, fuzzing) and keeps the UI down to
//! `parse(location.hash)` and `format(&state)`. The grammar is documented for readers in
//! `docs/url-grammar.md`; the promises are:
//!
//! - the **short form** `#<year>-<id>` (`#2015-7`, `#2011-letter-2`) addresses one
//!   provision, forever;
//! - everything else is optional `key=value` pairs after it, `&`-separated, with defaults
//!   left out, so links stay short and old links keep their meaning when keys are added;
//! - unknown keys are ignored silently (a newer link opens in an older widget), bad values
//!   are reported as [`Problem`]s and replaced by defaults: parsing never fails.
//!
//! ```
//! use draftdiff_core::link::{self, Anchor, View};
//! let parsed = link::parse("#2015-7&view=inline&q=information%20weapons");
//! assert!(parsed.problems.is_empty());
//! assert_eq!(parsed.state.focus, Anchor::parse("2015-7"));
//! assert_eq!(parsed.state.view, View::Inline);
//! assert_eq!(parsed.state.query, "information weapons");
//! assert_eq!(link::format(&parsed.state), "2015-7&view=inline&q=information%20weapons");
//! assert_eq!(link::format(&link::parse("2011-f").state), "2011-f");
//! ```

use crate::corpus::Part;
use std::collections::BTreeSet;
use std::fmt;
use std::ops::Range;

/// Longest hash [`parse`] reads, in bytes (after the leading `#`); the rest is cut off
/// (on a character boundary) with a [`Problem`]. Every state [`format`] can produce fits.
pub const MAX_HASH_BYTES: usize = 8192;
/// Longest search query kept, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most themes kept in a filter; later ones are dropped.
pub const MAX_THEMES: usize = 16;
/// Longest theme id, in characters.
pub const MAX_THEME_CHARS: usize = 40;
/// Longest provision id in an [`Anchor`], in characters.
pub const MAX_ID_CHARS: usize = 64;
/// Longest [`Passage::start`] or [`Passage::end`], in characters.
pub const MAX_PASSAGE_CHARS: usize = 100;
/// Selections of at most this many words become a start-only [`Passage`].
pub const SHORT_SELECTION_WORDS: usize = 8;
/// Words kept at each end of a longer selection.
const EDGE_WORDS: usize = 4;
/// What a focus should look like, for [`Reason::Invalid`].
const ANCHOR_SYNTAX: &str = "<year>-<id>, e.g. 2015-7";
/// Longest offending value quoted in a [`Problem`], in characters.
const SHOWN_CHARS: usize = 40;

/// The public address of one provision: `<year>-<id>`, as in `2015-7` or `2011-letter-2`.
///
/// Only the syntax is checked here; whether the provision exists is the caller's business
/// (see [`ViewState::retain_known`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Anchor {
    /// Year of the document version (four digits in links).
    pub year: u16,
    /// Provision id within that document: 1 to [`MAX_ID_CHARS`] ASCII letters, digits or `-`.
    pub id: String,
}

impl Anchor {
    /// Parses `<4 digits>-<id>`; `None` unless the syntax is exactly right.
    ///
    /// ```
    /// use draftdiff_core::link::Anchor;
    /// let a = Anchor::parse("2015-code-chapeau").unwrap();
    /// assert_eq!((a.year, a.id.as_str()), (2015, "code-chapeau"));
    /// assert_eq!(Anchor::parse("15-7"), None);
    /// ```
    pub fn parse(s: &str) -> Option<Anchor> {
        let (year, id) = s.split_once('-')?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) || !valid_id(id) {
            return None;
        }
        Some(Anchor {
            year: year.parse().ok()?,
            id: id.to_owned(),
        })
    }

    /// Whether [`Display`](fmt::Display) of this anchor parses back to it.
    pub fn is_valid(&self) -> bool {
        self.year <= 9999 && valid_id(&self.id)
    }
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{}", self.year, self.id)
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_ID_CHARS && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn valid_theme(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_THEME_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// How a filter on several themes combines them (`match=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Match {
    /// A provision matching any selected theme is shown (`any`, the default).
    #[default]
    Any,
    /// Only provisions matching every selected theme are shown (`all`).
    All,
}

impl Match {
    /// The value used in links.
    pub fn key(self) -> &'static str {
        match self {
            Match::Any => "any",
            Match::All => "all",
        }
    }

    /// Parses [`Match::key`] back (ASCII case-insensitive).
    pub fn from_key(key: &str) -> Option<Match> {
        [Match::Any, Match::All]
            .into_iter()
            .find(|m| m.key().eq_ignore_ascii_case(key))
    }
}

/// How the two versions are laid out (`view=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum View {
    /// The two versions side by side (`side`, the default).
    #[default]
    Side,
    /// One text with insertions and deletions marked inline (`inline`).
    Inline,
    /// The older version only (`old`).
    Old,
    /// The newer version only (`new`).
    New,
}

impl View {
    /// Every view, in the order the UI offers them.
    pub const ALL: [View; 4] = [View::Side, View::Inline, View::Old, View::New];

    /// The value used in links.
    pub fn key(self) -> &'static str {
        match self {
            View::Side => "side",
            View::Inline => "inline",
            View::Old => "old",
            View::New => "new",
        }
    }

    /// Parses [`View::key`] back (ASCII case-insensitive).
    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key().eq_ignore_ascii_case(key))
    }
}

/// A passage within the focused provision, in the style of the browser's `#:~:text=`:
/// its first words, and for longer passages its last words too (`text=start[,end]`).
///
/// Words rather than offsets, so the link survives corrections of the transcription.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Passage {
    /// The passage's first words (or the whole passage), whitespace-normalised, non-empty.
    pub start: String,
    /// The passage's last words, if it is longer than [`SHORT_SELECTION_WORDS`]; non-empty.
    pub end: Option<String>,
}

/// Everything a link can express. [`Default`] is the plain page: no focus, no filter,
/// side by side, only the code open, annotations shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    /// The provision scrolled to and highlighted (the short form).
    pub focus: Option<Anchor>,
    /// Theme ids filtering the provisions, in the order chosen; empty = no filter.
    pub themes: Vec<String>,
    /// How several themes combine.
    pub match_mode: Match,
    /// Layout of the two versions.
    pub view: View,
    /// Free-text search; empty = none.
    pub query: String,
    /// Expanded sections.
    pub open: BTreeSet<Part>,
    /// A passage within [`ViewState::focus`]; never set without a focus.
    pub passage: Option<Passage>,
    /// Whether annotations are shown.
    pub notes: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            focus: None,
            themes: Vec::new(),
            match_mode: Match::Any,
            view: View::Side,
            query: String::new(),
            open: BTreeSet::from([Part::Code]),
            passage: None,
            notes: true,
        }
    }
}

/// Why a part of a link was not used as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The value is not well-formed; the text says what was expected. The default is used.
    Invalid(&'static str),
    /// Longer than the cap (characters, or bytes for the whole link); the rest was cut off.
    TooLong(usize),
    /// More items than the cap; only the first ones were kept.
    TooMany(usize),
    /// Percent-encoding that is not UTF-8; the broken bytes became U+FFFD.
    BadEncoding,
    /// Well-formed but not in these documents (see [`ViewState::retain_known`]); dropped.
    Unknown,
    /// A passage without a provision to belong to; dropped.
    NeedsFocus,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Invalid(expected) => write!(f, "expected {expected}; ignored"),
            Reason::TooLong(cap) => write!(f, "too long (over {cap}); cut short"),
            Reason::TooMany(cap) => write!(f, "more than {cap}; only the first {cap} kept"),
            Reason::BadEncoding => f.write_str("broken percent-encoding; unreadable characters replaced"),
            Reason::Unknown => f.write_str("not found in these documents; ignored"),
            Reason::NeedsFocus => f.write_str("a passage needs a provision to belong to; ignored"),
        }
    }
}

/// One part of a link that was not used as written. [`Display`](fmt::Display) gives a
/// sentence for readers, e.g. `view "sideways": expected side, inline, old or new; ignored`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The key (`themes`, `view`, …), `focus` for the short form, `link` for the whole hash.
    pub key: &'static str,
    /// The offending value as decoded, shortened for display (may be empty).
    pub value: String,
    /// What was wrong and what was done about it.
    pub reason: Reason,
}

impl Problem {
    fn new(key: &'static str, value: &str, reason: Reason) -> Problem {
        let mut shown: String = value.chars().take(SHOWN_CHARS).collect();
        if shown.len() < value.len() {
            shown.push('…');
        }
        Problem {
            key,
            value: shown,
            reason,
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.value.is_empty() {
            write!(f, "{}: {}", self.key, self.reason)
        } else {
            write!(f, "{} {:?}: {}", self.key, self.value, self.reason)
        }
    }
}

/// The result of [`parse`]: always a usable state, plus what could not be used.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Parsed {
    /// The state; valid even when there are problems (defaults replace bad values).
    pub state: ViewState,
    /// What was dropped, cut or replaced, in the order met. Unknown keys are not problems.
    pub problems: Vec<Problem>,
}

impl ViewState {
    /// Brings the state within the grammar: invalid focus and themes dropped, theme ids
    /// lower-cased and de-duplicated, caps applied, passage whitespace-normalised and
    /// dropped without a focus. Returns what was lost (lower-casing, de-duplication and
    /// whitespace are silent). [`parse`] always returns normalised states; [`format`]
    /// formats the normalised version of what it is given.
    pub fn normalize(&mut self) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(anchor) = self.focus.take_if(|a| !a.is_valid()) {
            problems.push(Problem::new(
                "focus",
                &anchor.to_string(),
                Reason::Invalid(ANCHOR_SYNTAX),
            ));
        }
        let mut themes: Vec<String> = Vec::with_capacity(self.themes.len().min(MAX_THEMES));
        for theme in self.themes.drain(..) {
            let lower = theme.to_ascii_lowercase();
            if !valid_theme(&lower) {
                problems.push(Problem::new(
                    "themes",
                    &theme,
                    Reason::Invalid("a theme id (a-z, 0-9, -)"),
                ));
            } else if themes.contains(&lower) {
                continue;
            } else if themes.len() == MAX_THEMES {
                problems.push(Problem::new("themes", &theme, Reason::TooMany(MAX_THEMES)));
            } else {
                themes.push(lower);
            }
        }
        self.themes = themes;
        if let Some(cut) = char_cap(&self.query, MAX_QUERY_CHARS) {
            problems.push(Problem::new("q", &self.query, Reason::TooLong(MAX_QUERY_CHARS)));
            self.query.truncate(cut);
        }
        if let Some(passage) = self.passage.take() {
            if self.focus.is_none() {
                problems.push(Problem::new("text", &passage.start, Reason::NeedsFocus));
            } else {
                let (start, long_start) = tidy(&passage.start);
                let (end, long_end) = passage.end.as_deref().map(tidy).unwrap_or_default();
                if long_start || long_end {
                    problems.push(Problem::new("text", &passage.start, Reason::TooLong(MAX_PASSAGE_CHARS)));
                }
                if start.is_empty() {
                    problems.push(Problem::new("text", "", Reason::Invalid("text=start[,end]")));
                } else {
                    self.passage = Some(Passage {
                        start,
                        end: Some(end).filter(|e| !e.is_empty()),
                    });
                }
            }
        }
        problems
    }

    /// Drops what is well-formed but absent from the documents at hand: themes for which
    /// `known_theme` is false, and a focus (with its passage) for which `known_anchor` is
    /// false. Returns one [`Reason::Unknown`] problem per item dropped.
    pub fn retain_known(
        &mut self,
        known_theme: impl Fn(&str) -> bool,
        known_anchor: impl Fn(&Anchor) -> bool,
    ) -> Vec<Problem> {
        let mut problems = Vec::new();
        self.themes.retain(|t| {
            let known = known_theme(t);
            if !known {
                problems.push(Problem::new("themes", t, Reason::Unknown));
            }
            known
        });
        if let Some(anchor) = self.focus.take_if(|a| !known_anchor(a)) {
            problems.push(Problem::new("focus", &anchor.to_string(), Reason::Unknown));
            self.passage = None;
        }
        problems
    }
}

/// Byte length of the first `cap` characters of `s`, if `s` is longer than that.
fn char_cap(s: &str, cap: usize) -> Option<usize> {
    s.char_indices().nth(cap).map(|(i, _)| i)
}

/// Whitespace-normalised `s`, capped at [`MAX_PASSAGE_CHARS`]; whether it was cut.
fn tidy(s: &str) -> (String, bool) {
    let mut out = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match char_cap(&out, MAX_PASSAGE_CHARS) {
        Some(cut) => {
            out.truncate(cut);
            out.truncate(out.trim_end().len());
            (out, true)
        }
        None => (out, false),
    }
}

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
    if let Some(v) = match_mode.filter(|v| !v.is_empty()) {
        match Match::from_key(&v) {
            Some(m) => state.match_mode = m,
            None => problems.push(Problem::new("match", &v, Reason::Invalid("any or all"))),
        }
    }
    if let Some(v) = view.filter(|v| !v.is_empty()) {
        match View::from_key(&v) {
            Some(m) => state.view = m,
            None => problems.push(Problem::new("view", &v, Reason::Invalid("side, inline, old or new"))),
        }
    }
    if let Some(v) = notes.filter(|v| !v.is_empty()) {
        match v.to_ascii_lowercase().as_str() {
            "on" => state.notes = true,
            "off" => state.notes = false,
            _ => problems.push(Problem::new("notes", &v, Reason::Invalid("on or off"))),
        }
    }
    problems.extend(state.normalize());
    Parsed { state, problems }
}

/// Writes the hash for `state` (normalised first, see [`ViewState::normalize`]), without
/// the leading `#`: defaults are left out (`""` for the default state, the bare short form
/// for a focus alone) and keys come in the canonical order
/// `text, themes, match, view, q, open, notes`. [`parse`] reads it back exactly.
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

/// Percent-encodes everything but `A–Z a–z 0–9 - . _` (UTF-8 bytes, upper-case hex), so
/// `& = , % # + ~` and spaces can never be mistaken for syntax.
fn encode_into(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
}

/// Lenient percent-decoding: `%` not followed by two hex digits stays literal, `+` is a
/// plus. Returns the text and whether the decoded bytes were valid UTF-8 (if not, the
/// broken bytes become U+FFFD).
fn decode(s: &str) -> (String, bool) {
    fn hex(b: u8) -> Option<u8> {
        char::from(b).to_digit(16).and_then(|d| u8::try_from(d).ok())
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            if let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).and_then(|&h| hex(h)),
                bytes.get(i + 2).and_then(|&l| hex(l)),
            ) {
                out.push(hi << 4 | lo);
                i += 3;
                continue;
            }
        }
        out.push(b);
        i += 1;
    }
    match String::from_utf8(out) {
        Ok(text) => (text, true),
        Err(e) => (String::from_utf8_lossy(e.as_bytes()).into_owned(), false),
    }
}

/// The passage a reader selected: whitespace-normalised; at most
/// [`SHORT_SELECTION_WORDS`] words become the start alone, longer selections are kept as
/// their first and last four words. `None` for a blank selection.
///
/// ```
/// use draftdiff_core::link::passage_from_selection;
/// let p = passage_from_selection("  not to use\n information  ").unwrap();
/// assert_eq!((p.start.as_str(), p.end), ("not to use information", None));
/// let p = passage_from_selection("one two three four five six seven eight nine").unwrap();
/// assert_eq!((p.start.as_str(), p.end.as_deref()), ("one two three four", Some("six seven eight nine")));
/// ```
pub fn passage_from_selection(selected: &str) -> Option<Passage> {
    let words: Vec<&str> = selected.split_whitespace().collect();
    let (start, end) = match words.len() {
        0 => return None,
        // Nothing visible (only soft hyphens, zero-width spaces…): nothing to look for.
        _ if Folded::new(selected).text.is_empty() => return None,
        n if n <= SHORT_SELECTION_WORDS => (words.join(" "), None),
        n => (words[..EDGE_WORDS].join(" "), Some(words[n - EDGE_WORDS..].join(" "))),
    };
    Some(Passage {
        start: tidy(&start).0,
        end: end.map(|e| tidy(&e).0),
    })
}

/// Text folded for matching (lower case, one space for any whitespace run, typographic
/// quotes and dashes made plain, invisible characters dropped), with, for every folded
/// character, its byte offset in the folded text and the byte range of its source char.
struct Folded {
    text: String,
    map: Vec<(usize, Range<usize>)>,
}

impl Folded {
    fn new(src: &str) -> Folded {
        let mut folded = Folded {
            text: String::with_capacity(src.len()),
            map: Vec::with_capacity(src.len()),
        };
        let mut space: Option<Range<usize>> = None;
        for (i, c) in src.char_indices() {
            let here = i..i + c.len_utf8();
            if c.is_whitespace() {
                space = Some(space.map_or(here.clone(), |s| s.start..here.end));
                continue;
            }
            if matches!(
                c,
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
            ) {
                continue;
            }
            if let Some(s) = space.take().filter(|_| !folded.text.is_empty()) {
                folded.push(' ', s);
            }
            match c {
                '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' | '\u{2bc}' => folded.push('\'', here),
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => folded.push('"', here),
                '\u{2010}'..='\u{2015}' | '\u{2212}' => folded.push('-', here),
                _ => c.to_lowercase().for_each(|l| folded.push(l, here.clone())),
            }
        }
        folded
    }

    fn push(&mut self, c: char, src: Range<usize>) {
        self.map.push((self.text.len(), src));
        self.text.push(c);
    }

    /// Source byte range of the folded bytes `from..to` (both on folded char boundaries).
    fn source(&self, from: usize, to: usize) -> Option<Range<usize>> {
        let first = self.map.binary_search_by_key(&from, |m| m.0).ok()?;
        let last = self.map.partition_point(|m| m.0 < to).checked_sub(1)?;
        Some(self.map.get(first)?.1.start..self.map.get(last)?.1.end)
    }

    /// First occurrence of a non-empty needle, as a source range.
    fn find(&self, needle: &str) -> Option<Range<usize>> {
        if needle.is_empty() {
            return None;
        }
        let at = self.text.find(needle)?;
        self.source(at, at + needle.len())
    }
}

/// Where `passage` is in `text`, as a byte range on char boundaries. Case-insensitive and
/// tolerant of whitespace (line breaks), typographic quotes and dashes. Tries, in order:
/// start … end (the first start followed by an end); the start alone; the end alone; the
/// longest leading run of at least two start words; the longest trailing run of at least
/// two end words. `None` if none of these occurs.
///
/// ```
/// use draftdiff_core::link::{find_passage, Passage};
/// let text = "Not to use\ninformation and communications technologies";
/// let p = Passage { start: "to USE information".into(), end: Some("technologies".into()) };
/// assert_eq!(find_passage(text, &p), Some(4..text.len()));
/// ```
pub fn find_passage(text: &str, passage: &Passage) -> Option<Range<usize>> {
    let hay = Folded::new(text);
    let start = Folded::new(&passage.start).text;
    let end = passage.end.as_deref().map(|e| Folded::new(e).text).unwrap_or_default();
    if !start.is_empty() && !end.is_empty() {
        for (at, _) in hay.text.match_indices(start.as_str()) {
            let after = at + start.len();
            if let Some(e) = hay.text.get(after..).and_then(|rest| rest.find(end.as_str())) {
                return hay.source(at, after + e + end.len());
            }
        }
    }
    if let Some(found) = hay.find(&start).or_else(|| hay.find(&end)) {
        return Some(found);
    }
    let start_words: Vec<&str> = start.split(' ').collect();
    let end_words: Vec<&str> = end.split(' ').collect();
    (2..start_words.len())
        .rev()
        .find_map(|n| hay.find(&start_words[..n].join(" ")))
        .or_else(|| {
            (2..end_words.len())
                .rev()
                .find_map(|n| hay.find(&end_words[end_words.len() - n..].join(" ")))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn anchor(s: &str) -> Anchor {
        Anchor::parse(s).unwrap_or_else(|| panic!("bad test anchor {s}"))
    }

    fn clean(hash: &str) -> ViewState {
        let parsed = parse(hash);
        assert_eq!(parsed.problems, [], "{hash}");
        parsed.state
    }

    #[test]
    fn short_forms_forever() {
        for (hash, year, id) in [
            ("#2011-f", 2011, "f"),
            ("#2015-7", 2015, "7"),
            ("#2015-code-chapeau", 2015, "code-chapeau"),
            ("#2011-purpose-1", 2011, "purpose-1"),
            ("#2015-pre-3", 2015, "pre-3"),
            ("#2011-letter-2", 2011, "letter-2"),
            ("#2011-letter-signatures", 2011, "letter-signatures"),
        ] {
            for h in [hash, &hash[1..]] {
                let state = clean(h);
                let expected = ViewState {
                    focus: Some(Anchor { year, id: id.into() }),
                    ..ViewState::default()
                };
                assert_eq!(state, expected, "{h}");
                assert_eq!(format(&state), &hash[1..]);
                assert_eq!(state.focus.map(|a| a.to_string()).as_deref(), Some(&hash[1..]));
            }
        }
    }

    #[test]
    fn anchors() {
        assert_eq!(
            Anchor::parse("0042-x").map(|a| a.to_string()).as_deref(),
            Some("0042-x")
        );
        for bad in [
            "", "2015", "2015-", "15-7", "20155-7", "2015-a b", "2015-é", "abcd-7", "2015_7", "+015-7",
        ] {
            assert_eq!(Anchor::parse(bad), None, "{bad}");
        }
        assert!(Anchor::parse(&format!("2015-{}", "x".repeat(MAX_ID_CHARS))).is_some());
        assert_eq!(Anchor::parse(&format!("2015-{}", "x".repeat(MAX_ID_CHARS + 1))), None);
        assert!(!Anchor {
            year: 10000,
            id: "x".into()
        }
        .is_valid());
    }

    #[test]
    fn default_state_is_empty_hash() {
        assert_eq!(format(&ViewState::default()), "");
        for h in ["", "#", "  #  ", "&", "#&&"] {
            assert_eq!(clean(h), ViewState::default(), "{h:?}");
        }
    }

    #[test]
    fn full_example() {
        let h = "#2015-7&themes=human-rights,sovereignty&match=all&view=inline&q=information%20weapons\
                 &open=letter,preamble&text=start,end";
        let s = clean(h);
        assert_eq!(s.focus, Some(anchor("2015-7")));
        assert_eq!(s.themes, ["human-rights", "sovereignty"]);
        assert_eq!(s.match_mode, Match::All);
        assert_eq!(s.view, View::Inline);
        assert_eq!(s.query, "information weapons");
        assert_eq!(s.open, BTreeSet::from([Part::Letter, Part::Preamble]));
        assert_eq!(
            s.passage,
            Some(Passage {
                start: "start".into(),
                end: Some("end".into())
            })
        );
        assert!(s.notes);
        assert_eq!(
            format(&s),
            "2015-7&text=start,end&themes=human-rights,sovereignty&match=all&view=inline\
             &q=information%20weapons&open=letter,preamble"
        );
    }

    #[test]
    fn documented_example_is_canonical() {
        let h = concat!(
            "2015-7&text=not%20to%20use,communications%20technologies&themes=human-rights,sovereignty",
            "&match=all&view=inline&q=information%20weapons&open=letter,preamble&notes=off"
        );
        assert_eq!(format(&clean(h)), h);
    }

    #[test]
    fn themes_key() {
        assert_eq!(clean("themes=a,b-2").themes, ["a", "b-2"]);
        assert_eq!(
            clean("themes=B,a,b,,").themes,
            ["b", "a"],
            "lower-cased, de-duplicated, empties skipped"
        );
        assert_eq!(clean("themes=").themes, Vec::<String>::new());
        let p = parse("themes=ok,not%20ok,x_y");
        assert_eq!(p.state.themes, ["ok"]);
        assert_eq!(p.problems.len(), 2);
        assert!(p
            .problems
            .iter()
            .all(|p| p.key == "themes" && matches!(p.reason, Reason::Invalid(_))));
        let many: Vec<String> = (0..MAX_THEMES + 3).map(|i| format!("t{i}")).collect();
        let p = parse(&format!("themes={}", many.join(",")));
        assert_eq!(p.state.themes, many[..MAX_THEMES]);
        assert_eq!(p.problems.len(), 3);
        assert_eq!(
            format(&ViewState {
                themes: vec!["x".into()],
                ..ViewState::default()
            }),
            "themes=x"
        );
    }

    #[test]
    fn match_key() {
        assert_eq!(clean("match=all").match_mode, Match::All);
        assert_eq!(clean("match=ALL").match_mode, Match::All);
        assert_eq!(clean("match=any").match_mode, Match::Any);
        assert_eq!(clean("match=").match_mode, Match::Any);
        let p = parse("match=most");
        assert_eq!((p.state.match_mode, p.problems.len()), (Match::Any, 1));
        assert_eq!(
            format(&ViewState {
                match_mode: Match::All,
                ..ViewState::default()
            }),
            "match=all"
        );
    }

    #[test]
    fn view_key() {
        for v in View::ALL {
            assert_eq!(clean(&format!("view={}", v.key())).view, v);
            let expected = if v == View::Side {
                String::new()
            } else {
                format!("view={}", v.key())
            };
            assert_eq!(
                format(&ViewState {
                    view: v,
                    ..ViewState::default()
                }),
                expected
            );
        }
        let p = parse("view=sideways");
        assert_eq!((p.state.view, p.problems.len()), (View::Side, 1));
        assert_eq!(
            p.problems[0].to_string(),
            "view \"sideways\": expected side, inline, old or new; ignored"
        );
    }

    #[test]
    fn q_key() {
        assert_eq!(clean("q=information%20weapons").query, "information weapons");
        assert_eq!(clean("q=a+b").query, "a+b", "plus is a plus");
        assert_eq!(clean("q=caf%C3%A9%2C%26%3D%25%23").query, "café,&=%#");
        assert_eq!(clean("q=café").query, "café", "raw UTF-8 accepted");
        let s = ViewState {
            query: "a b,&=%#~+é".into(),
            ..ViewState::default()
        };
        assert_eq!(format(&s), "q=a%20b%2C%26%3D%25%23%7E%2B%C3%A9");
        let p = parse(&format!("q={}", "é".repeat(MAX_QUERY_CHARS + 5)));
        assert_eq!(p.state.query.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(p.problems[0].reason, Reason::TooLong(MAX_QUERY_CHARS));
    }

    #[test]
    fn open_key() {
        assert_eq!(
            clean("open=letter,code").open,
            BTreeSet::from([Part::Letter, Part::Code])
        );
        assert_eq!(clean("open=none").open, BTreeSet::new());
        assert_eq!(clean("open=").open, BTreeSet::new());
        assert_eq!(clean("open=code").open, BTreeSet::from([Part::Code]));
        let p = parse("open=annex,purpose");
        assert_eq!((p.state.open, p.problems.len()), (BTreeSet::from([Part::Purpose]), 1));
        let closed = ViewState {
            open: BTreeSet::new(),
            ..ViewState::default()
        };
        assert_eq!(format(&closed), "open=none");
        let all = ViewState {
            open: Part::ALL.into(),
            ..ViewState::default()
        };
        assert_eq!(format(&all), "open=letter,preamble,purpose,code");
        assert_eq!(
            format(&ViewState {
                open: BTreeSet::from([Part::Code]),
                ..ViewState::default()
            }),
            ""
        );
    }

    #[test]
    fn text_key() {
        let s = clean("2015-7&text=not%20to%20use");
        assert_eq!(
            s.passage,
            Some(Passage {
                start: "not to use".into(),
                end: None
            })
        );
        let s = clean("2015-7&text=a%2Cb,c%20%20d");
        assert_eq!(
            s.passage,
            Some(Passage {
                start: "a,b".into(),
                end: Some("c d".into())
            })
        );
        assert_eq!(format(&s), "2015-7&text=a%2Cb,c%20d");
        assert_eq!(clean("2015-7&text=").passage, None);
        assert_eq!(
            clean("2015-7&text=a,").passage,
            Some(Passage {
                start: "a".into(),
                end: None
            })
        );
        let p = parse("text=a");
        assert_eq!(
            (p.state.passage, p.problems[0].reason.clone()),
            (None, Reason::NeedsFocus)
        );
        assert_eq!(parse("2015-7&text=a,b,c").problems.len(), 1);
        assert_eq!(parse("2015-7&text=,b").problems.len(), 1);
        let orphan = ViewState {
            passage: Some(Passage {
                start: "x".into(),
                end: None,
            }),
            ..ViewState::default()
        };
        assert_eq!(format(&orphan), "");
    }

    #[test]
    fn notes_key() {
        assert!(!clean("notes=off").notes);
        assert!(clean("notes=on").notes);
        let p = parse("notes=maybe");
        assert!(p.state.notes && p.problems.len() == 1);
        assert_eq!(
            format(&ViewState {
                notes: false,
                ..ViewState::default()
            }),
            "notes=off"
        );
    }

    #[test]
    fn compatibility_rules() {
        // Unknown keys and later bare words are ignored silently; the last duplicate wins.
        let s = clean("2011-f&colour=red&flag&view=old&view=new&zz=%ZZ");
        assert_eq!((s.focus, s.view), (Some(anchor("2011-f")), View::New));
        // Keys are case-sensitive: `View` is an unknown key.
        assert_eq!(clean("View=old").view, View::Side);
        // The browser's fragment directive is not ours.
        assert_eq!(clean("2015-7:~:text=foo").focus, Some(anchor("2015-7")));
        let p = parse("#2015 7&view=old");
        assert_eq!(
            (p.state.focus, p.state.view, p.problems[0].key),
            (None, View::Old, "focus")
        );
    }

    #[test]
    fn broken_percent_encoding() {
        assert_eq!(clean("q=%").query, "%");
        assert_eq!(clean("q=100%25%G1%4").query, "100%%G1%4");
        let p = parse("q=%E2%82");
        assert_eq!(p.state.query, "\u{fffd}");
        assert_eq!(p.problems[0].reason, Reason::BadEncoding);
    }

    #[test]
    fn huge_hash_is_cut_on_a_char_boundary() {
        let h = format!("2015-7&q={}", "é".repeat(MAX_HASH_BYTES));
        let p = parse(&h);
        assert_eq!(p.problems[0], Problem::new("link", "", Reason::TooLong(MAX_HASH_BYTES)));
        assert_eq!(p.state.query.chars().count(), MAX_QUERY_CHARS);
        assert_eq!(p.state.focus, Some(anchor("2015-7")));
    }

    #[test]
    fn largest_state_fits_the_cap() {
        let wide = "\u{10348}";
        let s = ViewState {
            focus: Some(Anchor {
                year: 2015,
                id: "x".repeat(MAX_ID_CHARS),
            }),
            themes: (0..MAX_THEMES)
                .map(|i| format!("{i:0>width$}", width = MAX_THEME_CHARS))
                .collect(),
            match_mode: Match::All,
            view: View::Inline,
            query: wide.repeat(MAX_QUERY_CHARS),
            open: BTreeSet::from([Part::Letter, Part::Preamble, Part::Purpose]),
            passage: Some(Passage {
                start: wide.repeat(MAX_PASSAGE_CHARS),
                end: Some(wide.repeat(MAX_PASSAGE_CHARS)),
            }),
            notes: false,
        };
        let h = format(&s);
        assert!(h.len() <= MAX_HASH_BYTES, "{}", h.len());
        assert_eq!(
            parse(&h),
            Parsed {
                state: s,
                problems: vec![]
            }
        );
    }

    #[test]
    fn retain_known_drops_unknown() {
        let mut s = clean("2015-99&themes=a,zz,b&text=x");
        let problems = s.retain_known(|t| t != "zz", |a| a.id != "99");
        assert_eq!(
            (s.themes, s.focus, s.passage),
            (vec!["a".to_string(), "b".into()], None, None)
        );
        assert_eq!(problems.iter().map(|p| p.key).collect::<Vec<_>>(), ["themes", "focus"]);
        assert!(problems.iter().all(|p| p.reason == Reason::Unknown));
    }

    #[test]
    fn selections() {
        assert_eq!(passage_from_selection(" \n\t"), None);
        let eight = "a b c d e f g h";
        assert_eq!(
            passage_from_selection(eight),
            Some(Passage {
                start: eight.into(),
                end: None
            })
        );
        let long = "x".repeat(MAX_PASSAGE_CHARS + 10);
        let p = passage_from_selection(&long).unwrap();
        assert_eq!(p.start.chars().count(), MAX_PASSAGE_CHARS);
    }

    #[test]
    fn finding_passages() {
        let text = "Each State should cooperate\nin  combating “criminal” and terrorist activities that use \
                    information and communications technologies—including networks.";
        let find = |start: &str, end: Option<&str>| {
            find_passage(
                text,
                &Passage {
                    start: start.into(),
                    end: end.map(Into::into),
                },
            )
            .map(|r| &text[r])
        };
        assert_eq!(find("COOPERATE IN combating", None), Some("cooperate\nin  combating"));
        assert_eq!(find("\"criminal\"", None), Some("“criminal”"));
        assert_eq!(find("technologies-including", None), Some("technologies—including"));
        assert_eq!(
            find("in combating", Some("communications technologies")),
            Some(concat!(
                "in  combating “criminal” and terrorist activities that use ",
                "information and communications technologies"
            ))
        );
        // End missing: the start alone. Start missing: the end alone.
        assert_eq!(
            find("terrorist activities", Some("no such words")),
            Some("terrorist activities")
        );
        assert_eq!(
            find("no such words", Some("including networks.")),
            Some("including networks.")
        );
        // Small edits: the longest leading run of start words, then trailing run of end words.
        assert_eq!(
            find("terrorist activities which use", None),
            Some("terrorist activities")
        );
        assert_eq!(
            find("zz", Some("altered text including networks.")),
            Some("including networks.")
        );
        assert_eq!(find("absent", Some("also absent")), None);
        assert_eq!(find("", None), None);
        assert_eq!(
            find_passage(
                "",
                &Passage {
                    start: "a".into(),
                    end: None
                }
            ),
            None
        );
        // Expanding lower-case maps back to whole source characters.
        let text = "İstanbul İ";
        let r = find_passage(
            text,
            &Passage {
                start: "i\u{307}stanbul".into(),
                end: None,
            },
        )
        .unwrap();
        assert_eq!(&text[r], "İstanbul");
        let r = find_passage(
            text,
            &Passage {
                start: "\u{307}".into(),
                end: None,
            },
        )
        .unwrap();
        assert_eq!(&text[r], "İ");
    }

    /// The states `format` can express, and so `parse` can return.
    fn is_valid(state: &ViewState) -> bool {
        let mut normalized = state.clone();
        normalized.normalize().is_empty()
            && normalized == *state
            && state.focus.as_ref().is_none_or(Anchor::is_valid)
            && state.themes.len() <= MAX_THEMES
            && state.themes.iter().all(|t| valid_theme(t))
            && state.query.chars().count() <= MAX_QUERY_CHARS
            && state
                .passage
                .as_ref()
                .is_none_or(|p| state.focus.is_some() && !p.start.is_empty())
    }

    /// A character from a random word: mostly lower-case letters, then URL syntax and
    /// whitespace, then any character at all, then some awkward ones (wide, expanding, typographic).
    fn tricky_char(seed: u32) -> char {
        const SYNTAX: [char; 14] = [
            ' ', ',', '&', '=', '%', '#', '~', ':', '+', '\n', '\t', '/', '?', '\u{a0}',
        ];
        const AWKWARD: [char; 10] = [
            'é',
            'ß',
            'İ',
            '中',
            '\u{10348}',
            '\u{fffd}',
            '’',
            '—',
            '\u{ad}',
            '\u{200b}',
        ];
        let pick = |list: &[char]| list[(seed >> 8) as usize % list.len()];
        match seed % 9 {
            0..=3 => char::from(b'a' + ((seed >> 8) % 26) as u8),
            4 | 5 => pick(&SYNTAX),
            6 | 7 => char::from_u32((seed >> 8) % 0x11_0000).unwrap_or('\u{fffd}'),
            _ => pick(&AWKWARD),
        }
    }

    /// Up to `max` characters of [`tricky_char`]s (plain `u32`s are much cheaper to generate).
    fn tricky_string(max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(any::<u32>(), 0..=max).prop_map(|seeds| seeds.into_iter().map(tricky_char).collect())
    }

    const ID_CHARS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-";

    /// 1 to `max` characters from `chars`.
    fn ascii_word(chars: &'static [u8], max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(any::<u8>(), 1..=max).prop_map(move |b| {
            b.into_iter()
                .map(|i| char::from(chars[usize::from(i) % chars.len()]))
                .collect()
        })
    }

    fn passage_text() -> impl Strategy<Value = String> {
        tricky_string(MAX_PASSAGE_CHARS).prop_map(|s| tidy(&s).0)
    }

    fn valid_state() -> impl Strategy<Value = ViewState> {
        let focus = prop::option::of(
            (0u16..=9999, ascii_word(ID_CHARS, MAX_ID_CHARS)).prop_map(|(year, id)| Anchor { year, id }),
        );
        let passage = prop::option::of((passage_text(), prop::option::of(passage_text())));
        let themes = prop::collection::vec(ascii_word(&ID_CHARS[26..], MAX_THEME_CHARS), 0..=MAX_THEMES);
        let open = prop::collection::btree_set(prop::sample::select(Part::ALL.to_vec()), 0..=4);
        let enums = (
            prop::sample::select(vec![Match::Any, Match::All]),
            prop::sample::select(View::ALL.to_vec()),
        );
        (
            focus,
            passage,
            themes,
            enums,
            tricky_string(MAX_QUERY_CHARS),
            open,
            any::<bool>(),
        )
            .prop_map(|(focus, passage, mut themes, (match_mode, view), query, open, notes)| {
                let mut seen = BTreeSet::new();
                themes.retain(|t| seen.insert(t.clone()));
                let passage = passage
                    .filter(|(start, _)| focus.is_some() && !start.is_empty())
                    .map(|(start, end)| Passage {
                        start,
                        end: end.filter(|e| !e.is_empty()),
                    });
                ViewState {
                    focus,
                    themes,
                    match_mode,
                    view,
                    query,
                    open,
                    passage,
                    notes,
                }
            })
    }

    /// Hashes as found in the wild: generated from tokens, random text, random bytes,
    /// huge repetitions, and mutations of well-formed links.
    fn wild_hash() -> impl Strategy<Value = String> {
        const TOKENS: &str = "#|&|=|,|%|%G1|%E2%82|%C3%A9|%2C|%26|%00|%FF|:~:|2015-7|2011-f|2015-code-chapeau|2011-|\
            text|themes|match|view|q|open|notes|none|all|any|inline|old|new|side|on|off|letter|code|human-rights|\
            Sovereignty| |\n|é|İ|\u{10348}|+|~|zz";
        let token = prop::sample::select(TOKENS.split('|').collect::<Vec<_>>());
        let tokens = prop::collection::vec(token, 0..40).prop_map(|t| t.concat());
        let bytes = prop::collection::vec(any::<u8>(), 0..300).prop_map(|b| String::from_utf8_lossy(&b).into_owned());
        let huge = (tricky_string(20), 100usize..2000).prop_map(|(s, n)| format!("2015-7&q={}", s.repeat(n)));
        let mutation = (any::<prop::sample::Index>(), 0usize..4, tricky_string(6));
        let mutated = (valid_state(), prop::collection::vec(mutation, 1..6)).prop_map(|(state, edits)| {
            let mut h: Vec<char> = format(&state).chars().collect();
            for (at, kind, with) in edits {
                let i = at.index(h.len() + 1);
                match kind {
                    0 => h.splice(i..i, with.chars()).for_each(drop),
                    1 => h.truncate(i),
                    2 => h.drain(i..(i + 3).min(h.len())).for_each(drop),
                    _ => h.splice(i..(i + 1).min(h.len()), with.chars()).for_each(drop),
                }
            }
            String::from_iter(h)
        });
        prop_oneof![
            3 => tokens,
            2 => tricky_string(200),
            1 => bytes,
            1 => huge,
            3 => valid_state().prop_map(|s| format(&s)),
            4 => mutated,
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3_000))]

        #[test]
        fn valid_states_round_trip(state in valid_state()) {
            prop_assert!(is_valid(&state), "generator made an invalid state: {state:?}");
            let hash = format(&state);
            prop_assert!(hash.len() <= MAX_HASH_BYTES);
            prop_assert_eq!(parse(&hash), Parsed { state: state.clone(), problems: vec![] });
            prop_assert_eq!(parse(&format!("#{hash}")).state, state);
        }

        #[test]
        fn any_state_formats_as_its_normalised_self(
            state in valid_state(),
            extra_theme in tricky_string(50),
            query in tricky_string(MAX_QUERY_CHARS + 50),
            start in tricky_string(MAX_PASSAGE_CHARS + 30),
        ) {
            let mut state = state;
            state.themes.push(extra_theme);
            state.query = query;
            state.passage = Some(Passage { start, end: None });
            let mut normalized = state.clone();
            normalized.normalize();
            prop_assert!(is_valid(&normalized));
            prop_assert_eq!(parse(&format(&state)).state, normalized);
        }

        #[test]
        fn selections_are_found(text in tricky_string(300), a: prop::sample::Index, b: prop::sample::Index) {
            let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            let (x, y) = (a.get(&bounds), b.get(&bounds));
            let selected = &text[*x.min(y)..*x.max(y)];
            if let Some(passage) = passage_from_selection(selected) {
                prop_assert!(passage.start.chars().count() <= MAX_PASSAGE_CHARS);
                let range = find_passage(&text, &passage);
                let range = range.ok_or_else(|| TestCaseError::fail(format!("{passage:?} not in {text:?}")))?;
                prop_assert!(text.get(range).is_some());
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn fuzz_parse(hash in wild_hash(), text in tricky_string(80)) {
            let parsed = parse(&hash);
            let state = &parsed.state;
            prop_assert!(is_valid(state), "invalid state {state:?} from {hash:?}");
            let again = parse(&format(state));
            prop_assert_eq!(&again.state, state, "not idempotent for {:?}", hash);
            prop_assert_eq!(again.problems, vec![]);
            // Every problem names what the reader wrote: the link as a whole, its short
            // form, or a key the hash holds.
            for p in &parsed.problems {
                prop_assert!(
                    matches!(p.key, "link" | "focus") || hash.contains(&format!("{}=", p.key)),
                    "{p:?} names no key of {hash:?}"
                );
            }
            // Whatever passage a link carries, looking for it is safe.
            let passage = Passage { start: hash.chars().take(20).collect(), end: Some(text.clone()) };
            if let Some(r) = find_passage(&text, &passage) {
                prop_assert!(text.get(r).is_some());
            }
        }
    }
}

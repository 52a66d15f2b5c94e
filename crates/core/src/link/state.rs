//! Everything a link can express ([`ViewState`]), the rules that keep a state within the
//! grammar ([`ViewState::normalize`], [`ViewState::retain_known`]) and the reader-facing account
//! of what a link could not do ([`Problem`]).

use super::{Anchor, Match, ANCHOR_SYNTAX, MAX_PASSAGE_CHARS, MAX_QUERY_CHARS, MAX_SHOWN, MAX_THEMES, MAX_THEME_CHARS};
use crate::corpus::Part;
use std::collections::BTreeSet;
use std::fmt;

/// Longest offending value quoted in a [`Problem`], in characters.
const SHOWN_CHARS: usize = 40;

/// Whether `id` can be a theme id in a link.
pub(super) fn valid_theme(id: &str) -> bool {
    id.len() <= MAX_THEME_CHARS && draftdiff_data::ids::name_problem(id).is_none()
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

/// What an embed shows (`show=`). The full page always shows the whole document; an iframe or
/// a `<draft-diff>` element shows what its snippet is about, so a post about one change is not
/// a window onto the whole treaty (see `view::card`).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Default)]
pub enum Show {
    /// What the rest of the state names (the default, omitted from links): the focused
    /// provision as a card, else the pairs the theme filter or search keeps, else everything.
    #[default]
    Named,
    /// The whole document with the full toolbar (`show=all`).
    All,
    /// Exactly these provisions, in this order (`show=2015-7,2015-8`; ≤ [`MAX_SHOWN`]).
    Provisions(Vec<Anchor>),
}

impl Show {
    /// What `show=` expects, for [`Reason::Invalid`].
    pub const EXPECTED: &'static str = "all, or provisions such as 2015-7,2015-8";
}

/// A passage within the focused provision, in the style of the browser's `#:~:text=`:
/// its first words, and for longer passages its last words too (`text=start[,end]`).
///
/// Words rather than offsets, so the link survives corrections of the transcription.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Passage {
    /// The passage's first words (or the whole passage), whitespace-normalised, non-empty.
    pub start: String,
    /// The passage's last words, if it is longer than [`SHORT_SELECTION_WORDS`](super::SHORT_SELECTION_WORDS); non-empty.
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
    /// What an embed shows; ignored by the full page.
    pub show: Show,
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
            show: Show::Named,
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
    pub(super) fn new(key: &'static str, value: &str, reason: Reason) -> Problem {
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

/// The result of [`parse`](super::parse): always a usable state, plus what could not be used.
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
    /// whitespace are silent). [`parse`](super::parse) always returns normalised states; [`format`](super::format())
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
        if let Show::Provisions(list) = &mut self.show {
            let mut kept: Vec<Anchor> = Vec::with_capacity(list.len().min(MAX_SHOWN));
            for a in list.drain(..) {
                if !a.is_valid() {
                    problems.push(Problem::new("show", &a.to_string(), Reason::Invalid(ANCHOR_SYNTAX)));
                } else if kept.contains(&a) {
                    continue;
                } else if kept.len() == MAX_SHOWN {
                    problems.push(Problem::new("show", &a.to_string(), Reason::TooMany(MAX_SHOWN)));
                } else {
                    kept.push(a);
                }
            }
            self.show = if kept.is_empty() {
                Show::Named
            } else {
                Show::Provisions(kept)
            };
        }
        problems
    }

    /// Drops what is well-formed but absent from the documents at hand: themes for which
    /// `known_theme` is false, and a focus (with its passage) for which `known_anchor` is
    /// false, and so for the provisions of [`Show::Provisions`] (an emptied list becomes
    /// [`Show::Named`]). Returns one [`Reason::Unknown`] problem per item dropped.
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
        if let Show::Provisions(list) = &mut self.show {
            list.retain(|a| {
                let known = known_anchor(a);
                if !known {
                    problems.push(Problem::new("show", &a.to_string(), Reason::Unknown));
                }
                known
            });
            if list.is_empty() {
                self.show = Show::Named;
            }
        }
        problems
    }
}

/// Byte length of the first `cap` characters of `s`, if `s` is longer than that.
pub(super) fn char_cap(s: &str, cap: usize) -> Option<usize> {
    s.char_indices().nth(cap).map(|(i, _)| i)
}

/// Whitespace-normalised `s`, capped at [`MAX_PASSAGE_CHARS`]; whether it was cut.
pub(crate) fn tidy(s: &str) -> (String, bool) {
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

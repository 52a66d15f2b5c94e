//! The widget's state and the one reducer that changes it.
//!
//! Everything a link can express lives in [`ViewState`] (so sharing and history are a
//! `format`/`parse` away); the rest is transient (a notice about a bad link, a toast).
//! Components never mutate state themselves: they dispatch an [`Action`].

use crate::corpus::Part;
use crate::link::{Anchor, Match, Parsed, Passage, View, ViewState};
use std::rc::Rc;

/// How the last change of view state should reach the address bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum HistoryMode {
    /// Replace the current entry (filters, views: no history spam).
    #[default]
    Replace,
    /// Push a new entry (the reader navigated to a provision).
    Push,
    /// Leave the URL alone (the state came from the URL).
    None,
}

/// The whole UI state.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct AppState {
    /// What a link can express.
    pub view: ViewState,
    /// How the URL should follow the last change.
    pub history: HistoryMode,
    /// A notice about the link the page was opened with (unknown provision, bad value).
    pub notice: Option<String>,
    /// A short confirmation ("Link copied").
    pub toast: Option<String>,
    /// Text to offer in a selectable field when the clipboard is unavailable.
    pub fallback_copy: Option<String>,
    /// Bumped on every explicit navigation, so the same focus can be scrolled to twice.
    pub focus_serial: u32,
    /// The reader collapsed the part holding the linked provision (which a link opens even
    /// when `view.open` leaves it out). Cleared by the next navigation.
    pub focus_part_closed: bool,
}

/// Everything the UI can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The URL changed (page load, back/forward, a pasted hash): adopt its state.
    FromUrl(Rc<Parsed>, Option<String>),
    /// Switch view mode.
    SetView(View),
    /// Add or remove one theme (by id) from the filter.
    ToggleTheme(String),
    /// Any / all of the selected themes.
    SetMatch(Match),
    /// Drop every theme from the filter.
    ClearThemes,
    /// Expand or collapse a part; the flag says whether it holds the linked provision.
    TogglePart(Part, bool),
    /// Expand a part if it is collapsed (find-in-page, a text fragment or a search step reached
    /// words inside it); the flag says whether it holds the linked provision. Never collapses.
    OpenPart(Part, bool),
    /// Navigate to a provision (pushes history).
    Focus(Anchor),
    /// Focus a passage within a provision.
    FocusPassage(Anchor, Passage),
    /// Set the search query.
    Search(String),
    /// Show or hide the annotations.
    SetNotes(bool),
    /// Confirm something to the reader.
    Toast(String),
    /// Offer text for manual copying (clipboard unavailable).
    OfferCopy(String),
    /// Close notices, toasts and copy fallbacks.
    Dismiss,
}

impl AppState {
    /// The one reducer: the state after `action`.
    pub fn reduce(&self, action: Action) -> AppState {
        let mut s = self.clone();
        s.history = HistoryMode::Replace;
        match action {
            Action::FromUrl(parsed, notice) => {
                s.view = parsed.state.clone();
                s.notice = notice;
                s.history = HistoryMode::None;
                s.focus_serial += 1;
                s.focus_part_closed = false;
            }
            Action::SetView(v) => s.view.view = v,
            Action::ToggleTheme(id) => match s.view.themes.iter().position(|t| *t == id) {
                Some(i) => {
                    s.view.themes.remove(i);
                }
                None => s.view.themes.push(id),
            },
            Action::SetMatch(m) => s.view.match_mode = m,
            Action::ClearThemes => {
                s.view.themes.clear();
                s.view.match_mode = Match::Any;
            }
            Action::TogglePart(p, holds_focus) => {
                if part_shown(&s, p, holds_focus) {
                    s.view.open.remove(&p);
                    s.focus_part_closed |= holds_focus;
                } else {
                    s.view.open.insert(p);
                }
            }
            Action::OpenPart(p, holds_focus) => {
                if part_shown(&s, p, holds_focus) {
                    s.history = HistoryMode::None;
                } else {
                    s.view.open.insert(p);
                }
            }
            Action::Focus(anchor) => {
                s.view.focus = Some(anchor);
                s.view.passage = None;
                s.history = HistoryMode::Push;
                s.focus_serial += 1;
                s.focus_part_closed = false;
            }
            Action::FocusPassage(anchor, passage) => {
                s.view.focus = Some(anchor);
                s.view.passage = Some(passage);
                s.history = HistoryMode::Push;
                s.focus_serial += 1;
                s.focus_part_closed = false;
            }
            Action::Search(q) => s.view.query = q,
            Action::SetNotes(on) => s.view.notes = on,
            Action::Toast(t) => {
                s.toast = Some(t);
                s.history = HistoryMode::None;
            }
            Action::OfferCopy(t) => {
                s.fallback_copy = Some(t);
                s.history = HistoryMode::None;
            }
            Action::Dismiss => {
                s.notice = None;
                s.toast = None;
                s.fallback_copy = None;
                s.history = HistoryMode::None;
            }
        }
        s
    }
}

/// Whether part `p` is expanded: listed in the view's `open`, or holding the linked provision
/// (`holds_focus`) and not collapsed by the reader since.
pub fn part_shown(state: &AppState, p: Part, holds_focus: bool) -> bool {
    state.view.open.contains(&p) || (holds_focus && !state.focus_part_closed)
}

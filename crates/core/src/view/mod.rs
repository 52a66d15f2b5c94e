//! The view layer: what the widget shows and says, as plain Rust. The state and its reducer
//! ([`state`]), where the widget lives ([`Host`]), which pairs a view keeps, what an embed shows
//! as a card ([`card`]), and the notices a link earns. Yew components render this and dispatch [`state::Action`]s; they decide nothing.

pub mod card;
pub mod change_map;
pub mod find;
pub mod highlights;
pub mod labels;
pub mod markup;
pub mod state;

use crate::compare::{Comparison, Side};
use crate::link::{self, Parsed, Problem, ViewState};
use crate::notes::{self, Note};
use crate::themes::{self, ThemeSet};

/// Where the widget lives; decides how it treats the URL and the page around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    /// The full page: the view state is the page's own `#hash`.
    Page,
    /// Inside an iframe on someone's post: same, but never pushes history (the host's back
    /// button must keep working) and posts its height to the parent.
    Frame {
        /// Instance id the host script uses to find this iframe.
        instance: String,
    },
    /// A `<draft-diff>` element: the host page's URL is not ours to touch.
    Element {
        /// The full comparison page of the widget's site (for "open the full comparison" and
        /// shared links), as the loader reported it; empty if it gave none we trust.
        page: String,
    },
}

/// The notes attached to either side of a pair, each once.
pub fn notes_of_pair(cmp: &Comparison, pair: usize) -> Vec<&'static Note> {
    let mut out: Vec<&'static Note> = Vec::new();
    for side in [Side::Old, Side::New] {
        if let Some(i) = cmp.index(pair, side) {
            let doc = cmp.doc(side);
            for note in notes::for_provision(&doc.symbol, &doc.provisions[i].id) {
                if !out.iter().any(|n| n.id == note.id) {
                    out.push(note);
                }
            }
        }
    }
    out
}

/// The id of a note under one pair: `note-<id>` under the first pair that carries it, and
/// `note-<id>-<n>` under its n-th (a note on (c) and (3) that sit in different rows is shown
/// twice, and ids must stay unique). Counted over every pair, so a filter never changes it; the
/// app and the pre-render both name notes with it.
pub fn note_anchor(cmp: &Comparison, note: &Note, pair: usize) -> String {
    let nth = (0..pair)
        .filter(|&q| notes_of_pair(cmp, q).iter().any(|m| m.id == note.id))
        .count();
    if nth == 0 {
        format!("note-{}", note.id)
    } else {
        format!("note-{}-{}", note.id, nth + 1)
    }
}

/// Why links, citations and embeds are off for this comparison, if they are: a reader's own
/// documents live only in this browser, so a link would open the bundled drafts instead.
pub fn sharing_off(cmp: &Comparison) -> Option<&'static str> {
    let bundled = cmp
        .old
        .provisions
        .iter()
        .chain(cmp.new.provisions.iter())
        .all(|p| p.status.is_some());
    (!bundled).then_some(
        "Links, citations and embeds are off for your own texts: they are kept only in this browser, so a link would open the bundled drafts instead.",
    )
}

/// Whether `id` names a theme of the taxonomy.
pub fn known_theme(id: &str) -> bool {
    themes::by_id(id).is_some()
}

/// What of `state` the documents of `cmp` do not hold: one [`Problem`] for each unknown theme
/// and for an unknown focus. The one "is it known?" check, used by link notices and embeds;
/// the state itself keeps them (a later filter change may make a theme known again).
pub fn unknown(cmp: &Comparison, state: &ViewState) -> Vec<Problem> {
    state.clone().retain_known(known_theme, |a| cmp.locate(a).is_some())
}

/// Turns parse problems and unknown anchors into one reader-facing notice.
pub fn notice_for(cmp: &Comparison, parsed: &Parsed) -> Option<String> {
    let mut problems: Vec<String> = parsed.problems.iter().map(|p| p.to_string()).collect();
    for p in unknown(cmp, &parsed.state) {
        problems.push(match p.key {
            "focus" | "show" => format!("there is no provision “{}” in these drafts", p.value),
            _ => format!("there is no theme “{}”", p.value),
        });
    }
    (!problems.is_empty()).then(|| {
        format!(
            "This link could not be followed exactly: {}. Showing the closest view.",
            problems.join("; ")
        )
    })
}

/// The set of known themes among the ids in the URL.
pub fn selected_themes(ids: &[String]) -> ThemeSet {
    let mut set = ThemeSet::default();
    for id in ids {
        if let Some((i, _)) = themes::by_id(id) {
            set.insert(i);
        }
    }
    set
}

/// Tags of one side of a pair: hand tags for bundled documents, keyword detection otherwise
/// (detected once per comparison: [`Comparison::themes_of`]).
pub fn side_tags(cmp: &Comparison, pair: usize, side: Side) -> ThemeSet {
    cmp.index(pair, side)
        .map_or(ThemeSet::default(), |i| cmp.themes_of(side, i))
}

/// Pairs the current filter keeps, in order.
pub fn visible_pairs(cmp: &Comparison, view: &link::ViewState, selected: ThemeSet) -> Vec<usize> {
    let one_side = match view.view {
        link::View::Old => Some(Side::Old),
        link::View::New => Some(Side::New),
        _ => None,
    };
    (0..cmp.pairs.len())
        .filter(|&p| one_side.is_none_or(|s| cmp.index(p, s).is_some()))
        .filter(|&p| {
            themes::row_matches(
                side_tags(cmp, p, Side::Old),
                side_tags(cmp, p, Side::New),
                selected,
                view.match_mode,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests;

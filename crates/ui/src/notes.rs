//! Annotations: short neutral notes on the changes commentators focus on, shown as markers that
//! expand in place under the pair they explain, each with the words it rests on.

use crate::store::{Action, Dispatch};
use crate::{raw, Shared};
use draftdiff_core::notes;
use draftdiff_core::view::markup;
use yew::prelude::*;

/// Properties of a pair's notes.
#[derive(Properties, PartialEq, Clone)]
pub struct PairNotesProps {
    pub cmp: Shared,
    pub pair: usize,
}

/// Markers that expand into the notes of one pair (native `<details>`: static markup from the
/// core, the same the pre-render writes).
#[function_component(PairNotes)]
pub fn pair_notes(p: &PairNotesProps) -> Html {
    raw(markup::notes(&p.cmp.0, p.pair))
}

/// Properties of the toggle.
#[derive(Properties, PartialEq, Clone)]
pub struct NotesToggleProps {
    pub on: bool,
    pub dispatch: Dispatch,
}

/// Show or hide all annotations (kept in the link as `notes=off`).
#[function_component(NotesToggle)]
pub fn notes_toggle(p: &NotesToggleProps) -> Html {
    let (d, on) = (p.dispatch.clone(), p.on);
    html! {
        <button type="button" class="dd-button dd-notes-toggle" aria-pressed={on.to_string()}
            onclick={Callback::from(move |_| d.dispatch(Action::SetNotes(!on)))}>
            { format!("Notes on changes ({})", notes::all().len()) }
        </button>
    }
}

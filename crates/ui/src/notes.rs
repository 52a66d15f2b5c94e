//! Annotations: short neutral notes on the changes commentators focus on, shown as markers that
//! expand in place under the pair they explain, each with the words it rests on.

use crate::store::{Action, Dispatch};
use crate::Shared;
use draftdiff_core::notes;
use draftdiff_core::view::{labels::place, note_anchor, notes_of_pair};
use yew::prelude::*;

/// Properties of a pair's notes.
#[derive(Properties, PartialEq, Clone)]
pub struct PairNotesProps {
    pub cmp: Shared,
    pub pair: usize,
}

/// Markers that expand into the notes of one pair.
#[function_component(PairNotes)]
pub fn pair_notes(p: &PairNotesProps) -> Html {
    let cmp = &p.cmp.0;
    let list = notes_of_pair(cmp, p.pair);
    if list.is_empty() {
        return Html::default();
    }
    html! {
        <div class="dd-notes">
            { for list.into_iter().map(|n| html! {
                <details class="dd-note" id={note_anchor(cmp, n, p.pair)} key={n.id}>
                    <summary><span class="dd-note-mark" aria-hidden="true">{ "i" }</span>{ "Note: " }{ n.title }</summary>
                    <p>{ n.text }</p>
                    if let Some(c) = n.caveat { <p class="dd-note-caveat">{ c }</p> }
                    <p class="dd-note-basis">
                        { "Basis: " }
                        { for n.basis.iter().enumerate().map(|(i, (symbol, id, words))| html! {
                            <>
                                if i > 0 { { "; " } }
                                { format!("{} “{}”", place(cmp, symbol, id), words) }
                            </>
                        }) }
                    </p>
                </details>
            }) }
        </div>
    }
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

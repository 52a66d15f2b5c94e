//! The two messages the page and a card both show above the comparison: a notice about the link
//! (or the element's attributes) it was opened with, and the manual-copy box when the browser
//! refused the clipboard. One component, so both say the same thing the same way.

use crate::store::Dispatch;
use draftdiff_core::view::state::Action;
use yew::prelude::*;

/// Properties of [`Alerts`].
#[derive(Properties, PartialEq, Clone)]
pub struct AlertsProps {
    /// A notice about the link the view was opened with.
    pub notice: Option<String>,
    /// Text offered for manual copying (clipboard refused).
    pub fallback_copy: Option<String>,
    /// Where Dismiss / Done go.
    pub dispatch: Dispatch,
}

/// The notice and the manual-copy box, each only when there is one.
#[function_component(Alerts)]
pub fn alerts(p: &AlertsProps) -> Html {
    let dismiss = {
        let d = p.dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::Dismiss))
    };
    html! {
        <>
            if let Some(n) = &p.notice {
                <div class="dd-notice" role="alert">
                    <p>{ n.clone() }</p>
                    <button type="button" class="dd-button" onclick={dismiss.clone()}>{ "Dismiss" }</button>
                </div>
            }
            if let Some(text) = &p.fallback_copy {
                <div class="dd-copy-fallback" role="dialog" aria-label="Copy this text">
                    <label for="dd-copy-field">{ "Your browser blocked the clipboard. Select the text and copy it (Ctrl+C / ⌘C):" }</label>
                    <textarea id="dd-copy-field" readonly=true rows="4" value={text.clone()} />
                    <button type="button" class="dd-button" onclick={dismiss}>{ "Done" }</button>
                </div>
            }
        </>
    }
}

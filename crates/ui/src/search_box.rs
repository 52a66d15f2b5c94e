//! Search across both drafts: live highlighting (the core marks hits inside the redline), a
//! match count over every part (collapsed ones too), and next/previous, which opens a
//! collapsed part when it steps into one. The query lives in the URL like the rest of the view.

use crate::store::{Action, Dispatch};
use draftdiff_core::corpus::Part;
use draftdiff_core::search::MIN_QUERY_CHARS;
use draftdiff_core::view::find;
use draftdiff_platform::browser;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of the search box.
#[derive(Properties, PartialEq, Clone)]
pub struct SearchBoxProps {
    pub query: String,
    /// Changes whenever what is shown changes (filter, view), so stepping starts again.
    pub shown: (usize, &'static str, usize),
    /// Every hit in page order, collapsed parts included (`draftdiff_core::view::find`): the
    /// count is its length; each entry names the part to open before showing that hit.
    pub found: Rc<Vec<Option<Part>>>,
    pub dispatch: Dispatch,
}

/// The search field with its count and stepping buttons.
#[function_component(SearchBox)]
pub fn search_box(p: &SearchBoxProps) -> Html {
    let node = use_node_ref();
    let current = use_state(|| None::<usize>);
    {
        let current = current.clone();
        use_effect_with((p.query.clone(), p.shown), move |_| current.set(None));
    }
    let count = p.found.len();
    let step = |forward: bool| {
        let (node, current, found, d) = (node.clone(), current.clone(), p.found.clone(), p.dispatch.clone());
        move || {
            let Some(next) = find::step(*current, found.len(), forward) else {
                return;
            };
            // A hit in a collapsed part: open it first, then show the hit once it is laid out.
            if let Some(part) = found[next] {
                d.dispatch(Action::OpenPart(part, false));
            }
            let node = node.clone();
            browser::after_paint(move || browser::show_hit(node.cast(), next));
            current.set(Some(next));
        }
    };
    let oninput = {
        let d = p.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            d.dispatch(Action::Search(browser::field_value(&e)));
        })
    };
    let onkeydown = {
        let (next, prev) = (step(true), step(false));
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                if e.shift_key() {
                    prev()
                } else {
                    next()
                }
            }
        })
    };
    let status = if p.query.trim().chars().count() < MIN_QUERY_CHARS {
        String::new()
    } else {
        match (count, *current) {
            (0, _) => "No matches".to_string(),
            (n, Some(i)) => format!("{} of {n}", i + 1),
            (1, None) => "1 match".to_string(),
            (n, None) => format!("{n} matches"),
        }
    };
    let (next, prev) = (step(true), step(false));
    html! {
        <div class="dd-search" role="search" ref={node}>
            <label for="dd-search-input" class="dd-visually-hidden">{ "Search both drafts" }</label>
            <input id="dd-search-input" type="search" placeholder="Search both drafts" value={p.query.clone()}
                {oninput} {onkeydown} autocomplete="off" spellcheck="false" />
            <span class="dd-search-count" aria-live="polite">{ status }</span>
            <button type="button" class="dd-button" aria-label="Previous match" disabled={count == 0}
                onclick={Callback::from(move |_| prev())}>{ "↑" }</button>
            <button type="button" class="dd-button" aria-label="Next match" disabled={count == 0}
                onclick={Callback::from(move |_| next())}>{ "↓" }</button>
        </div>
    }
}

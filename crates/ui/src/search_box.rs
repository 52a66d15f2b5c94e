//! Search across both drafts: live highlighting (the core marks hits inside the redline), a
//! match count, and next/previous. The query lives in the URL like the rest of the view.

use crate::store::{Action, Dispatch};
use draftdiff_core::search::MIN_QUERY_CHARS;
use draftdiff_platform::browser;
use yew::prelude::*;

/// Properties of the search box.
#[derive(Properties, PartialEq, Clone)]
pub struct SearchBoxProps {
    pub query: String,
    /// Changes whenever what is shown changes (filter, view), so the count is refreshed.
    pub shown: (usize, &'static str, usize),
    pub dispatch: Dispatch,
}

/// The search field with its count and stepping buttons.
#[function_component(SearchBox)]
pub fn search_box(p: &SearchBoxProps) -> Html {
    let node = use_node_ref();
    let count = use_state(|| 0usize);
    let current = use_state(|| None::<usize>);
    {
        let (node, count, current) = (node.clone(), count.clone(), current.clone());
        use_effect_with((p.query.clone(), p.shown), move |_| {
            // Count what the reader sees, once the highlighted rows are on the page.
            browser::after_paint(move || {
                count.set(browser::count_hits(node.cast()));
                current.set(None);
            });
        });
    }
    let step = |forward: bool| {
        let (node, count, current) = (node.clone(), count.clone(), current.clone());
        move || {
            let n = browser::count_hits(node.cast());
            if n == 0 {
                return;
            }
            let next = match (*current, forward) {
                (None, true) => 0,
                (None, false) => n - 1,
                (Some(i), true) => (i + 1) % n,
                (Some(i), false) => (i + n - 1) % n,
            };
            browser::show_hit(node.cast(), next);
            count.set(n);
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
        match (*count, *current) {
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
            <button type="button" class="dd-button" aria-label="Previous match" disabled={*count == 0}
                onclick={Callback::from(move |_| prev())}>{ "↑" }</button>
            <button type="button" class="dd-button" aria-label="Next match" disabled={*count == 0}
                onclick={Callback::from(move |_| next())}>{ "↓" }</button>
        </div>
    }
}

//! "Compare your own": paste two versions (or load JSON files) and get the same widget for them.
//!
//! Everything stays in the browser. What readers paste is kept in localStorage until they press
//! "Forget", so neither an error nor a reload loses it; errors are shown next to the input they
//! concern and name the provision and field.

use crate::store::{Action, Dispatch};
use draftdiff_core::compare::Comparison;
use draftdiff_core::corpus::Document;
use draftdiff_core::custom::{self, MAX_BYTES};
use draftdiff_platform::{browser, storage};
use std::rc::Rc;
use yew::prelude::*;

const KEYS: [&str; 2] = ["draftdiff:custom:old", "draftdiff:custom:new"];
const LABELS: [&str; 2] = ["Earlier version", "Later version"];

/// Properties of the panel.
#[derive(Properties, PartialEq, Clone)]
pub struct CustomPanelProps {
    /// Called with the new comparison.
    pub on_compare: Callback<Rc<Comparison>>,
    pub on_close: Callback<()>,
    pub dispatch: Dispatch,
}

/// Reads one version: JSON when it looks like JSON, plain text otherwise.
fn read_version(side: usize, text: &str) -> Result<Document, Vec<String>> {
    let label = LABELS[side];
    if text.len() > MAX_BYTES {
        return Err(vec![format!(
            "{label}: the text is larger than {} MB.",
            MAX_BYTES / (1024 * 1024)
        )]);
    }
    let year = side as u16 + 1;
    let result = if text.trim_start().starts_with('{') {
        let doc = storage::json_document(text).map_err(|e| vec![format!("{label}: {e}.")])?;
        custom::from_json(label, doc, year)
    } else {
        custom::from_plain_text(label, text, label, year)
    };
    result.map_err(|errors| errors.iter().map(ToString::to_string).collect())
}

/// The panel.
#[function_component(CustomPanel)]
pub fn custom_panel(p: &CustomPanelProps) -> Html {
    let texts = use_state(|| KEYS.map(|k| storage::load(k).unwrap_or_default()));
    let errors = use_state(|| [Vec::<String>::new(), Vec::new()]);
    let busy = use_state(|| false);

    let set_text = {
        let texts = texts.clone();
        move |side: usize, value: String| {
            let mut t = (*texts).clone();
            storage::save(KEYS[side], &value);
            t[side] = value;
            texts.set(t);
        }
    };
    let column = |side: usize| {
        let oninput = {
            let set_text = set_text.clone();
            Callback::from(move |e: InputEvent| {
                set_text(side, browser::field_value(&e));
            })
        };
        let onchange = {
            let (set_text, errors) = (set_text.clone(), errors.clone());
            Callback::from(move |e: Event| {
                let Some(input) = browser::file_input(&e) else { return };
                let (set_text, errors) = (set_text.clone(), errors.clone());
                storage::read_file(&input, MAX_BYTES, move |read| match read {
                    Ok((_, text)) => set_text(side, text),
                    Err(why) => {
                        let mut es = (*errors).clone();
                        es[side] = vec![format!("{}: {why}.", LABELS[side])];
                        errors.set(es);
                    }
                });
            })
        };
        let id = format!("dd-custom-{side}");
        let error_id = format!("{id}-errors");
        let has_errors = !errors[side].is_empty();
        html! {
            <div class="dd-custom-col">
                <label for={id.clone()}>{ LABELS[side] }</label>
                <textarea id={id.clone()} rows="10" value={texts[side].clone()} {oninput} spellcheck="false"
                    aria-invalid={has_errors.to_string()} aria-describedby={error_id.clone()}
                    placeholder="Paste the text: one paragraph per block, separated by blank lines. Labels such as (a), 1. or (12) are recognised. Or paste or load a JSON document." />
                <label class="dd-file">{ "…or load a file (.txt or .json): " }
                    <input type="file" accept=".txt,.json,text/plain,application/json" {onchange} />
                </label>
                <ul id={error_id} class="dd-errors" aria-live="polite">
                    { for errors[side].iter().map(|e| html! { <li>{ e.clone() }</li> }) }
                </ul>
            </div>
        }
    };
    let compare = {
        let (texts, errors, busy, on_compare) = (texts.clone(), errors.clone(), busy.clone(), p.on_compare.clone());
        Callback::from(move |_| {
            busy.set(true);
            let (texts, errors, busy, on_compare) = (texts.clone(), errors.clone(), busy.clone(), on_compare.clone());
            // Let "Comparing…" paint before the work starts.
            browser::after_paint(move || {
                let parsed = [read_version(0, &texts[0]), read_version(1, &texts[1])];
                busy.set(false);
                match parsed {
                    [Ok(mut old), Ok(mut new)] => {
                        errors.set([Vec::new(), Vec::new()]);
                        custom::distinct_years(&mut old, &mut new);
                        on_compare.emit(Rc::new(Comparison::with_options(old, new, &custom::options())));
                    }
                    [a, b] => errors.set([a.err().unwrap_or_default(), b.err().unwrap_or_default()]),
                }
            });
        })
    };
    let forget = {
        let (texts, errors, d) = (texts.clone(), errors.clone(), p.dispatch.clone());
        Callback::from(move |_| {
            storage::forget(&KEYS);
            texts.set([String::new(), String::new()]);
            errors.set([Vec::new(), Vec::new()]);
            d.dispatch(Action::Toast("Your texts were removed from this browser.".into()));
        })
    };
    let close = {
        let c = p.on_close.clone();
        Callback::from(move |_| c.emit(()))
    };
    html! {
        <section class="dd-custom" aria-labelledby="dd-custom-title">
            <div class="dd-dialog-head">
                <h2 id="dd-custom-title">{ "Compare your own drafts" }</h2>
                <button type="button" class="dd-button" onclick={close}>{ "Close" }</button>
            </div>
            <p>{ "Everything stays in your browser: nothing is sent anywhere. What you paste is kept on this device until you press “Forget my texts”." }</p>
            <div class="dd-custom-cols">{ column(0) }{ column(1) }</div>
            <div class="dd-custom-actions">
                <button type="button" class="dd-button dd-primary" onclick={compare} disabled={*busy}>
                    { if *busy { "Comparing…" } else { "Compare" } }
                </button>
                <button type="button" class="dd-button" onclick={forget}>{ "Forget my texts" }</button>
            </div>
        </section>
    }
}

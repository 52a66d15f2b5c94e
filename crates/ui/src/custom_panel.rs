//! "Compare your own": paste two versions (or load Word, text or JSON files) and get the same
//! widget for them.
//!
//! Everything stays in the browser. What readers paste is kept in localStorage until they press
//! "Forget", so neither an error nor a reload loses it; errors are shown next to the input they
//! concern and name the provision and field.
//!
//! The reading, alignment and diff run in the compare worker (its own wasm, fetched on the
//! first "Compare"; see `draftdiff_platform::worker`): this panel only sends the two texts,
//! shows the worker's progress with a Cancel button, and shows its answer, so the viewer
//! carries none of the parsers and the page stays responsive during a megabyte comparison.

use crate::store::{Action, Dispatch};
use draftdiff_core::compare::Comparison;
use draftdiff_core::custom::{MAX_BYTES, MAX_WORD_FILE_BYTES};
use draftdiff_core::wire;
use draftdiff_platform::worker::{self, Heard, Job};
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

/// The panel.
#[function_component(CustomPanel)]
pub fn custom_panel(p: &CustomPanelProps) -> Html {
    let texts = use_state(|| KEYS.map(|k| storage::load(k).unwrap_or_default()));
    let errors = use_state(|| [Vec::<String>::new(), Vec::new()]);
    // A Word file chosen for a side (name, bytes): compared instead of that side's text. Its
    // bytes go to the worker as they are; the viewer never reads them.
    let files = use_state(|| [None::<Rc<(String, Vec<u8>)>>, None]);
    // What the running comparison is doing (`None`: nothing runs), and why the last one failed.
    let progress = use_state(|| None::<String>);
    let failure = use_state(|| None::<String>);
    // The running worker: dropping it (Cancel, a new comparison, closing the panel) stops it.
    let job = use_mut_ref(|| None::<Job>);

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
        let set_file = {
            let files = files.clone();
            move |file: Option<Rc<(String, Vec<u8>)>>| {
                let mut f = (*files).clone();
                f[side] = file;
                files.set(f);
            }
        };
        let oninput = {
            let (set_text, set_file) = (set_text.clone(), set_file.clone());
            Callback::from(move |e: InputEvent| {
                set_file(None);
                set_text(side, browser::field_value(&e));
            })
        };
        let onchange = {
            let (set_text, set_file, errors) = (set_text.clone(), set_file.clone(), errors.clone());
            Callback::from(move |e: Event| {
                let Some(input) = browser::file_input(&e) else { return };
                let (set_text, set_file, errors) = (set_text.clone(), set_file.clone(), errors.clone());
                let fail = move |why: String| {
                    let mut es = (*errors).clone();
                    es[side] = vec![format!("{}: {why}.", LABELS[side])];
                    errors.set(es);
                };
                let name = input.value().to_ascii_lowercase();
                if name.ends_with(".docx") || name.ends_with(".odt") {
                    storage::read_file_bytes(&input, MAX_WORD_FILE_BYTES, move |read| match read {
                        Ok(file) => set_file(Some(Rc::new(file))),
                        Err(why) => fail(why),
                    });
                } else {
                    storage::read_file(&input, MAX_BYTES, move |read| match read {
                        Ok((_, text)) => {
                            set_file(None);
                            set_text(side, text);
                        }
                        Err(why) => fail(why),
                    });
                }
            })
        };
        let chosen = files[side].clone().map(|file| {
            let remove = {
                let set_file = set_file.clone();
                Callback::from(move |_| set_file(None))
            };
            html! {
                <p class="dd-file-chosen">
                    { format!("Word file {} ({} KB): compared instead of the text above. ", file.0, file.1.len().div_ceil(1024)) }
                    <button type="button" class="dd-button" onclick={remove}>{ "Use the text" }</button>
                </p>
            }
        });
        let id = format!("dd-custom-{side}");
        let error_id = format!("{id}-errors");
        let has_errors = !errors[side].is_empty();
        html! {
            <div class="dd-custom-col">
                <label for={id.clone()}>{ LABELS[side] }</label>
                <textarea id={id.clone()} rows="10" value={texts[side].clone()} {oninput} spellcheck="false"
                    aria-invalid={has_errors.to_string()} aria-describedby={error_id.clone()}
                    placeholder="Paste the text: one paragraph per block, separated by blank lines. Labels such as (a), 1. or (12) are recognised. Or paste or load a JSON document." />
                <label class="dd-file">{ "…or load a file (.docx, .odt, .txt or .json): " }
                    <input type="file" accept=".docx,.odt,.txt,.json,text/plain,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.oasis.opendocument.text" {onchange} />
                </label>
                { for chosen }
                <ul id={error_id} class="dd-errors" aria-live="polite">
                    { for errors[side].iter().map(|e| html! { <li>{ e.clone() }</li> }) }
                </ul>
            </div>
        }
    };
    let compare = {
        let (texts, errors, progress, failure, job, on_compare) = (
            texts.clone(),
            errors.clone(),
            progress.clone(),
            failure.clone(),
            job.clone(),
            p.on_compare.clone(),
        );
        let (files, d) = (files.clone(), p.dispatch.clone());
        Callback::from(move |_| {
            failure.set(None);
            progress.set(Some("Starting…".into()));
            let heard = {
                let (errors, progress, failure, job, on_compare) = (
                    errors.clone(),
                    progress.clone(),
                    failure.clone(),
                    job.clone(),
                    on_compare.clone(),
                );
                let d = d.clone();
                move |heard: Heard| {
                    if let Heard::Progress(text) = heard {
                        progress.set(Some(text));
                        return;
                    }
                    // An answer: the worker has done its part.
                    drop(job.borrow_mut().take());
                    progress.set(None);
                    match heard {
                        Heard::Errors(es) => errors.set(es),
                        Heard::Done(bytes, notes) => match wire::decode(&bytes) {
                            Ok(cmp) => {
                                errors.set([Vec::new(), Vec::new()]);
                                on_compare.emit(Rc::new(cmp));
                                // What became of the Word files' tables, footnotes and changes.
                                if !notes.is_empty() {
                                    d.dispatch(Action::Toast(notes.join(" ")));
                                }
                            }
                            Err(e) => failure.set(Some(format!("{e}."))),
                        },
                        Heard::Failed(why) => failure.set(Some(format!("The comparison could not be made: {why}."))),
                        Heard::Progress(_) => {}
                    }
                }
            };
            let word = |side: usize| {
                files[side]
                    .as_deref()
                    .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
            };
            match worker::compare(LABELS, [&texts[0], &texts[1]], [word(0), word(1)], heard) {
                Ok(running) => *job.borrow_mut() = Some(running),
                Err(why) => {
                    progress.set(None);
                    failure.set(Some(format!("The comparison could not be made: {why}.")));
                }
            }
        })
    };
    let cancel = {
        let (progress, job) = (progress.clone(), job.clone());
        Callback::from(move |_| {
            drop(job.borrow_mut().take());
            progress.set(None);
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
                <button type="button" class="dd-button dd-primary" onclick={compare} disabled={progress.is_some()}>
                    { if progress.is_some() { "Comparing…" } else { "Compare" } }
                </button>
                <button type="button" class="dd-button" onclick={forget}>{ "Forget my texts" }</button>
            </div>
            if let Some(text) = &*progress {
                <div class="dd-custom-progress" role="status">
                    <progress aria-label="Comparing your drafts"></progress>
                    <span class="dd-custom-stage">{ text.clone() }</span>
                    <button type="button" class="dd-button" onclick={cancel}>{ "Cancel" }</button>
                </div>
            }
            if let Some(why) = &*failure {
                <p class="dd-custom-failure" role="alert">{ why.clone() }</p>
            }
        </section>
    }
}

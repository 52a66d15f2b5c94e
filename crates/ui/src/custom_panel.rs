//! "Compare your own": paste two versions (or load Word, text or JSON files) and get the same
//! widget for them.
//!
//! Everything stays in the browser. What readers paste is kept in localStorage until they press
//! "Forget", so neither an error nor a reload loses it; it is saved a moment after typing stops
//! (and on leaving the field or the page), and a refusal (full or disabled storage) is said in
//! the panel. Errors are shown next to the input they concern and name the provision and field.
//!
//! A comparison made here can be kept and shared ([`keep_bar`], under the banner): its link
//! carries the two documents (`draftdiff_platform::share`), or, over the link's limit, "Save as
//! one file" writes a single HTML file holding them. A page opened from such a link or file
//! opens this panel, which compares the documents it carries as if they had been pasted (they
//! are not written over the reader's own kept texts).
//!
//! The reading, alignment and diff run in the compare worker (its own wasm, fetched on the
//! first "Compare"; see `draftdiff_platform::worker`): this panel only sends the two texts,
//! shows the worker's progress with a Cancel button, and shows its answer, so the viewer
//! carries none of the parsers and the page stays responsive during a megabyte comparison.

use crate::store::{Action, Dispatch};
use draftdiff_core::compare::Comparison;
use draftdiff_core::custom::{MAX_BYTES, MAX_WORD_FILE_BYTES};
use draftdiff_core::link::{self, shared::Input};
use draftdiff_core::view::{notice_for, Host};
use draftdiff_core::wire;
use draftdiff_platform::storage::{self, Saver};
use draftdiff_platform::worker::{self, Heard, Job};
use draftdiff_platform::{browser, share};
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
    // Why the browser refused to keep the texts, while it refuses.
    let unsaved = use_state(|| None::<String>);
    let saver = {
        let unsaved = unsaved.clone();
        use_memo((), move |_| Saver::new(move |result| unsaved.set(result.err())))
    };
    // A Word file chosen for a side (name, bytes): compared instead of that side's text. Its
    // bytes go to the worker as they are; the viewer never reads them.
    let files = use_state(|| [None::<Rc<(String, Vec<u8>)>>, None]);
    // What the running comparison is doing (`None`: nothing runs), and why the last one failed.
    let progress = use_state(|| None::<String>);
    let failure = use_state(|| None::<String>);
    // The running worker: dropping it (Cancel, a new comparison, closing the panel) stops it.
    let job = use_mut_ref(|| None::<Job>);

    let set_text = {
        let (texts, saver) = (texts.clone(), saver.clone());
        move |side: usize, value: String| {
            let mut t = (*texts).clone();
            saver.later(KEYS[side], value.clone());
            t[side] = value;
            texts.set(t);
        }
    };
    let onblur = {
        let saver = saver.clone();
        Callback::from(move |_: FocusEvent| saver.now())
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
                <textarea id={id.clone()} rows="10" value={texts[side].clone()} {oninput} onblur={onblur.clone()} spellcheck="false"
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
    // Compares `inputs`; `opened` when they came with the page (a link or a saved file): that
    // comparison is already the one the page carries, and the view in its link then applies.
    let run = {
        let (errors, progress, failure, job, on_compare) = (
            errors.clone(),
            progress.clone(),
            failure.clone(),
            job.clone(),
            p.on_compare.clone(),
        );
        let d = p.dispatch.clone();
        Rc::new(move |inputs: [Input; 2], opened: bool| {
            failure.set(None);
            progress.set(Some("Starting…".into()));
            let inputs = Rc::new(inputs);
            let heard = {
                let (errors, progress, failure, job, on_compare) = (
                    errors.clone(),
                    progress.clone(),
                    failure.clone(),
                    job.clone(),
                    on_compare.clone(),
                );
                let (d, inputs) = (d.clone(), inputs.clone());
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
                                let cmp = Rc::new(cmp);
                                let (on_compare, d) = (on_compare.clone(), d.clone());
                                let show = move || {
                                    on_compare.emit(cmp.clone());
                                    if opened {
                                        let parsed = link::parse(&browser::current_hash());
                                        let notice = notice_for(&cmp, &parsed);
                                        d.dispatch(Action::FromUrl(Rc::new(parsed), notice));
                                    }
                                    // What became of the Word files' tables, footnotes and changes.
                                    if !notes.is_empty() {
                                        d.dispatch(Action::Toast(notes.join(" ")));
                                    }
                                };
                                if opened {
                                    show();
                                } else {
                                    share::keep(&inputs, show);
                                }
                            }
                            Err(e) => failure.set(Some(format!("{e}."))),
                        },
                        Heard::Failed(why) => failure.set(Some(format!("The comparison could not be made: {why}."))),
                        Heard::Progress(_) => {}
                    }
                }
            };
            fn text(i: &Input) -> &str {
                match i {
                    Input::Text(t) => t,
                    Input::File { .. } => "",
                }
            }
            fn word(i: &Input) -> Option<worker::WordFile<'_>> {
                match i {
                    Input::File { name, bytes } => Some((name, bytes)),
                    Input::Text(_) => None,
                }
            }
            let [old, new] = &*inputs;
            match worker::compare(LABELS, [text(old), text(new)], [word(old), word(new)], heard) {
                Ok(running) => *job.borrow_mut() = Some(running),
                Err(why) => {
                    progress.set(None);
                    failure.set(Some(format!("The comparison could not be made: {why}.")));
                }
            }
        })
    };
    let compare = {
        let (texts, files, run) = (texts.clone(), files.clone(), run.clone());
        Callback::from(move |_| {
            let input = |side: usize| match files[side].as_deref() {
                Some((name, bytes)) => Input::File {
                    name: name.clone(),
                    bytes: bytes.clone(),
                },
                None => Input::Text(texts[side].clone()),
            };
            run([input(0), input(1)], false);
        })
    };
    // The page came with a comparison (a shared link, a saved file): show it in the panel, as
    // pasted, and compare it. Its texts are not kept over the reader's own.
    {
        let (texts, files, failure) = (texts.clone(), files.clone(), failure.clone());
        use_effect_with((), move |_| {
            if let Some(incoming) = share::take_incoming() {
                share::open(incoming, move |read| match read {
                    Ok(inputs) => {
                        let (mut t, mut f) = ((*texts).clone(), (*files).clone());
                        for (side, input) in inputs.iter().enumerate() {
                            match input {
                                Input::Text(text) => (t[side], f[side]) = (text.clone(), None),
                                Input::File { name, bytes } => {
                                    (t[side], f[side]) = (String::new(), Some(Rc::new((name.clone(), bytes.clone()))))
                                }
                            }
                        }
                        texts.set(t);
                        files.set(f);
                        run(inputs, true);
                    }
                    Err(why) => failure.set(Some(format!(
                        "The comparison this page was opened with could not be read: {why}."
                    ))),
                });
            }
        });
    }
    let cancel = {
        let (progress, job) = (progress.clone(), job.clone());
        Callback::from(move |_| {
            drop(job.borrow_mut().take());
            progress.set(None);
        })
    };
    let forget = {
        let (texts, errors, d, saver) = (texts.clone(), errors.clone(), p.dispatch.clone(), saver.clone());
        Callback::from(move |_| {
            saver.cancel();
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
            if let Some(why) = &*unsaved {
                <p class="dd-custom-unsaved" role="alert">{ why.clone() }</p>
            }
        </section>
    }
}

/// Under the banner of a reader's comparison: copy a link that carries it, or, when it is too
/// large for a link (the bar says so), save it as one file. A plain function, not a component:
/// it holds no state, and each component costs the viewer's wasm its own copy of Yew's machinery.
pub fn keep_bar(host: &Host, dispatch: &Dispatch) -> Html {
    let copy = {
        let (d, host) = (dispatch.clone(), host.clone());
        Callback::from(move |_| {
            let url = browser::share_url(&host, &browser::current_hash());
            let (d, fallback) = (d.clone(), url.clone());
            browser::copy(&url, move |ok| {
                d.dispatch(if ok {
                    Action::Toast("Link copied: your two texts travel inside it (after the #, which browsers never send to a server).".into())
                } else {
                    Action::OfferCopy(fallback)
                })
            });
        })
    };
    let save = {
        let d = dispatch.clone();
        Callback::from(move |_| {
            let d = d.clone();
            share::save_file(move |saved| {
                d.dispatch(Action::Toast(match saved {
                    Ok(()) => "Saved as one file: it opens offline, with your comparison.".into(),
                    Err(why) => format!("The file could not be saved: {why}."),
                }))
            });
        })
    };
    html! {
        <div class="dd-custom-keep">
            if let Some(why) = share::link_problem() {
                <p class="dd-custom-limit" role="status">{ why.to_string() }</p>
            }
            if share::link_segment().is_some() {
                <button type="button" class="dd-button dd-keep-link" onclick={copy}>{ "Copy link to this comparison" }</button>
            }
            if share::kept() {
                <button type="button" class="dd-button dd-keep-file" onclick={save}>{ "Save as one file" }</button>
            }
        </div>
    }
}

//! "Embed this view": the iframe and script snippets for the current view, copy buttons, and a
//! live preview, so a blogger can paste one snippet and get exactly what they see.

use crate::store::{Action, Dispatch};
use draftdiff_core::embed::snippets;
use draftdiff_core::link::ViewState;
use draftdiff_platform::browser;
use yew::prelude::*;

/// Properties of the dialog.
#[derive(Properties, PartialEq, Clone)]
pub struct EmbedDialogProps {
    pub view: ViewState,
    pub dispatch: Dispatch,
    pub on_close: Callback<()>,
}

/// The dialog.
#[function_component(EmbedDialog)]
pub fn embed_dialog(p: &EmbedDialogProps) -> Html {
    let s = snippets(&browser::widget_base(), &p.view, "draftdiff-1");
    let copy = |text: String| {
        let d = p.dispatch.clone();
        Callback::from(move |_| {
            let (d, fallback) = (d.clone(), text.clone());
            browser::copy(&text, move |ok| {
                d.dispatch(if ok {
                    Action::Toast("Code copied.".into())
                } else {
                    Action::OfferCopy(fallback)
                })
            })
        })
    };
    let close = {
        let c = p.on_close.clone();
        Callback::from(move |_| c.emit(()))
    };
    let on_key = {
        let c = p.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                c.emit(())
            }
        })
    };
    html! {
        <div class="dd-dialog" role="dialog" aria-modal="false" aria-labelledby="dd-embed-title" onkeydown={on_key}>
            <div class="dd-dialog-head">
                <h2 id="dd-embed-title">{ "Embed this view" }</h2>
                <button type="button" class="dd-button" onclick={close} aria-label="Close the embed dialog">{ "Close" }</button>
            </div>
            <p>{ "Paste one of these into your post. Each shows exactly this view: the focused provision, the themes and the view mode." }</p>
            <div class="dd-snippet">
                <label for="dd-embed-iframe">{ "iframe (works almost everywhere; sizes itself with the small host script)" }</label>
                <textarea id="dd-embed-iframe" readonly=true rows="4" value={s.iframe.clone()} />
                <button type="button" class="dd-button" onclick={copy(s.iframe.clone())}>{ "Copy iframe code" }</button>
            </div>
            <div class="dd-snippet">
                <label for="dd-embed-element">{ "Script tag (renders in your page, isolated in a Shadow DOM)" }</label>
                <textarea id="dd-embed-element" readonly=true rows="3" value={s.element.clone()} />
                <button type="button" class="dd-button" onclick={copy(s.element.clone())}>{ "Copy script code" }</button>
            </div>
            <div class="dd-snippet">
                <label for="dd-embed-wordpress">{ "WordPress, with the draftdiff plugin (works for every role, Authors included)" }</label>
                <textarea id="dd-embed-wordpress" readonly=true rows="2" value={s.wordpress.clone()} />
                <button type="button" class="dd-button" onclick={copy(s.wordpress.clone())}>{ "Copy WordPress shortcode" }</button>
            </div>
            <div class="dd-snippet">
                <label for="dd-embed-hugo">{ "Hugo, with the draftdiff shortcode (default Markdown settings)" }</label>
                <textarea id="dd-embed-hugo" readonly=true rows="2" value={s.hugo.clone()} />
                <button type="button" class="dd-button" onclick={copy(s.hugo.clone())}>{ "Copy Hugo shortcode" }</button>
            </div>
            <div class="dd-snippet">
                <label for="dd-embed-link">{ "Substack, Medium, Ghost or social posts: paste this link; it unfurls as a card showing the change" }</label>
                <textarea id="dd-embed-link" readonly=true rows="2" value={s.link.clone()} />
                <button type="button" class="dd-button" onclick={copy(s.link.clone())}>{ "Copy link" }</button>
            </div>
            <p>{ "Platform by platform: docs/platforms.md in the project." }</p>
            <p class="dd-preview-label">{ "Preview" }</p>
            <iframe class="dd-preview" src={s.frame_url} title="Preview of the embedded widget"></iframe>
        </div>
    }
}

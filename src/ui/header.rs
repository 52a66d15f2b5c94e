//! The provenance a reader needs before trusting a redline: which documents, which dates,
//! where the official texts are, and how far the transcription is verified.

use super::Shared;
use crate::corpus::{Document, Status};
use yew::prelude::*;

/// Properties of the header and footer.
#[derive(Properties, PartialEq, Clone)]
pub struct HeaderProps {
    pub cmp: Shared,
    /// Embedded: one line of title, no long notes.
    #[prop_or_default]
    pub compact: bool,
}

fn doc_link(doc: &Document) -> Html {
    let label = format!("{} ({})", doc.symbol, doc.year);
    if doc.official_url.is_empty() {
        html! { <span class="dd-doc">{ label }</span> }
    } else {
        html! { <a class="dd-doc" href={doc.official_url.to_string()} rel="noopener noreferrer" target="_blank">{ label }</a> }
    }
}

fn dated(doc: &Document) -> String {
    if doc.date.is_empty() {
        String::new()
    } else {
        format!(", circulated {}", doc.date)
    }
}

/// Title and provenance.
#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    let (old, new) = (&p.cmp.0.old, &p.cmp.0.new);
    let sponsors = |d: &Document| d.submitted_by.join(", ");
    let title = new.title.to_string();
    html! {
        <header class="dd-header">
            if p.compact { <p class="dd-title">{ title }</p> } else { <h1 class="dd-title">{ title }</h1> }
            <p class="dd-versions">
                { doc_link(old) }{ dated(old) }
                <span aria-hidden="true">{ " → " }</span><span class="dd-visually-hidden">{ " compared with " }</span>
                { doc_link(new) }{ dated(new) }
            </p>
            if !p.compact {
                <details class="dd-about">
                    <summary>{ "About these texts" }</summary>
                    <p>{ format!("{} was submitted by {}; {} by {}.", old.symbol, sponsors(old), new.symbol, sponsors(new)) }</p>
                    <p>{ old.transcription_note.to_string() }</p>
                    <p>{ new.transcription_note.to_string() }</p>
                    <ul class="dd-legend">
                        { for [Status::Verified, Status::Partial, Status::Recalled].into_iter().map(|s| html! {
                            <li><span class={classes!("dd-status", format!("dd-status-{}", s.key()))}>{ s.key() }</span>{ " " }{ s.explanation() }</li>
                        }) }
                    </ul>
                </details>
            }
        </header>
    }
}

/// The closing provenance line.
#[function_component(Footer)]
pub fn footer(p: &HeaderProps) -> Html {
    let (old, new) = (&p.cmp.0.old, &p.cmp.0.new);
    html! {
        <footer class="dd-footer">
            <p>
                { "Transcriptions of " }{ doc_link(old) }{ " and " }{ doc_link(new) }
                { " are being verified paragraph by paragraph against the official documents; each provision shows its status. " }
                { "Marked: " }<ins>{ "inserted" }</ins>{ ", " }<del>{ "deleted" }</del>{ "." }
            </p>
        </footer>
    }
}

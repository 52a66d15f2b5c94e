//! The provenance a reader needs before trusting a redline: which documents, which dates,
//! where the official texts are, and how far the transcription is verified.

use crate::Shared;
use draftdiff_core::corpus::{Document, Status};
use draftdiff_core::link::{Match, View, ViewState};
use draftdiff_core::themes;
use yew::prelude::*;

/// Properties of the header and footer.
#[derive(Properties, PartialEq, Clone)]
pub struct HeaderProps {
    pub cmp: Shared,
    /// Embedded: one line of title, no long notes.
    #[prop_or_default]
    pub compact: bool,
    /// The widget is a document of its own (the full page or an iframe), so its title is that
    /// document's one `h1`; inside a `<draft-diff>` element the host page owns the `h1`.
    #[prop_or_default]
    pub own_document: bool,
    /// The current view, described on paper (print only).
    #[prop_or_default]
    pub view: Option<ViewState>,
    /// The address of the current view, printed so a paper copy leads back to it.
    #[prop_or_default]
    pub url: AttrValue,
}

/// What only paper shows: the view, the filter, the legend and the address of this view.
fn print_meta(p: &HeaderProps) -> Html {
    let Some(v) = &p.view else { return Html::default() };
    let (old, new) = (&p.cmp.0.old, &p.cmp.0.new);
    let layout = match v.view {
        View::Side => "side by side".to_string(),
        View::Inline => "inline redline".to_string(),
        View::Old => format!("{} ({}) only", old.symbol, old.short_name()),
        View::New => format!("{} ({}) only", new.symbol, new.short_name()),
    };
    let names: Vec<&str> = v
        .themes
        .iter()
        .filter_map(|t| themes::by_id(t).map(|(_, th)| th.name))
        .collect();
    let filter = match (names.len(), v.match_mode) {
        (0, _) => "none (every provision)".to_string(),
        (1, _) => names[0].to_string(),
        (_, Match::Any) => format!("{} (any of them)", names.join(", ")),
        (_, Match::All) => format!("{} (all of them)", names.join(", ")),
    };
    html! {
        <div class="dd-print-only dd-print-meta">
            <p>
                <strong>{ "View: " }</strong>{ layout }
                { " · " }<strong>{ "Themes: " }</strong>{ filter }
                if !v.query.trim().is_empty() { { " · " }<strong>{ "Search: " }</strong>{ format!("“{}”", v.query.trim()) } }
            </p>
            <p>
                <strong>{ "Legend: " }</strong><ins>{ format!("inserted in {}", new.short_name()) }</ins>{ " · " }
                <del>{ format!("deleted from {}", old.short_name()) }</del>
                { " · transcription status: verified, partial, recalled" }
            </p>
            if !p.url.is_empty() {
                <p class="dd-print-url"><strong>{ "This view online: " }</strong><a href={p.url.clone()}>{ p.url.clone() }</a></p>
            }
        </div>
    }
}

/// A document's symbol and year, linked to its official text when the corpus gives one.
pub(crate) fn doc_link(doc: &Document) -> Html {
    let label = format!("{} ({})", doc.symbol, doc.short_name());
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
        <@{ if p.compact { "div" } else { "header" } } class="dd-header">
            if p.own_document { <h1 class="dd-title">{ title }</h1> } else { <p class="dd-title">{ title }</p> }
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
            { print_meta(p) }
        </@>
    }
}

/// The closing provenance line.
#[function_component(Footer)]
pub fn footer(p: &HeaderProps) -> Html {
    let (old, new) = (&p.cmp.0.old, &p.cmp.0.new);
    html! {
        <@{ if p.compact { "div" } else { "footer" } } class="dd-footer">
            <p>
                { "Transcriptions of " }{ doc_link(old) }{ " and " }{ doc_link(new) }
                { " are being verified paragraph by paragraph against the official documents; each provision shows its status. " }
                { "Marked: " }<ins>{ "inserted" }</ins>{ ", " }<del>{ "deleted" }</del>{ "." }
            </p>
        </@>
    }
}

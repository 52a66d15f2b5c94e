//! The provenance a reader needs before trusting a redline: which documents, which dates,
//! where the official texts are, and how far the transcription is verified.

use crate::{raw, Shared};
use draftdiff_core::link::{Match, View, ViewState};
use draftdiff_core::themes;
use draftdiff_core::view::markup;
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

/// Title and provenance.
#[function_component(Header)]
pub fn header(p: &HeaderProps) -> Html {
    // Static text (the pre-render writes the same): rebuilt only for another comparison.
    let provenance = use_memo((p.cmp.clone(), p.own_document, p.compact), |(cmp, own, compact)| {
        raw(markup::provenance(&cmp.0, *own, *compact))
    });
    html! {
        <@{ if p.compact { "div" } else { "header" } } class="dd-header">
            { (*provenance).clone() }
            { print_meta(p) }
        </@>
    }
}

/// The closing provenance line.
#[function_component(Footer)]
pub fn footer(p: &HeaderProps) -> Html {
    html! {
        <@{ if p.compact { "div" } else { "footer" } } class="dd-footer">
            { raw(markup::closing(&p.cmp.0)) }
        </@>
    }
}

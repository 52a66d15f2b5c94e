//! One provision as readers see it: label, provenance status, redlined text with highlights,
//! its themes, and the sharing controls.

use crate::store::{Action, Dispatch};
use crate::{raw, Host, Shared};
use draftdiff_core::compare::Side;
use draftdiff_core::link::{Passage, ViewState};
use draftdiff_core::passage;
use draftdiff_core::segments::{layer, Piece};
use draftdiff_core::themes::ThemeSet;
use draftdiff_core::view::highlights::highlights;
use draftdiff_core::view::labels::{provision_aria_label, provision_name};
use draftdiff_core::view::{markup, sharing_off};
use draftdiff_platform::{browser, share};
use yew::prelude::*;

/// The runs to render: one side's own text, or a merged redline of both.
#[derive(Clone, Debug, PartialEq)]
pub enum Text {
    /// Side-by-side or single-draft view.
    Side(Vec<Piece>),
    /// Inline view: deletions and insertions in one text.
    Merged(Vec<Piece>),
}

/// Properties of a provision.
#[derive(Properties, PartialEq, Clone)]
pub struct ProvisionProps {
    pub cmp: Shared,
    /// The side whose provision this is (the later one for a merged redline).
    pub side: Side,
    pub index: usize,
    pub pieces: Text,
    pub tags: ThemeSet,
    pub selected: ThemeSet,
    pub query: String,
    pub focused: bool,
    pub passage: Option<Passage>,
    pub dispatch: Dispatch,
    pub host: Host,
}

/// One provision.
#[function_component(ProvisionView)]
pub fn provision_view(p: &ProvisionProps) -> Html {
    let cmp = &p.cmp.0;
    let doc = cmp.doc(p.side);
    let prov = &doc.provisions[p.index];
    let anchor = doc.anchor(p.index);
    let prov_ref = use_node_ref();

    let merged = matches!(p.pieces, Text::Merged(_));
    // In a merged redline the element also answers to the earlier provision's anchor.
    let alias = merged
        .then(|| cmp.locate(&anchor).and_then(|(pair, _)| cmp.anchor(pair, Side::Old)))
        .flatten();
    let old_text = alias
        .as_ref()
        .and_then(|a| cmp.locate(a))
        .and_then(|(pair, _)| cmp.index(pair, Side::Old));

    let segments = match &p.pieces {
        Text::Side(pieces) => {
            let marks = highlights(&prov.text, p.selected, &p.query, p.passage.as_ref());
            layer(pieces, |_| &prov.text, |_| &marks[..])
        }
        Text::Merged(pieces) => {
            let old_src = old_text.map_or("", |i| &cmp.old.provisions[i].text);
            // A passage selected in a merged redline may span deleted words: look in the new text first.
            let in_new = p
                .passage
                .as_ref()
                .filter(|ps| passage::find_passage(&prov.text, ps).is_some());
            let new_marks = highlights(&prov.text, p.selected, &p.query, in_new);
            let old_marks = highlights(
                old_src,
                p.selected,
                &p.query,
                p.passage.as_ref().filter(|_| in_new.is_none()),
            );
            layer(
                pieces,
                |s| if s == Side::Old { old_src } else { &prov.text },
                |s| if s == Side::Old { &old_marks[..] } else { &new_marks[..] },
            )
        }
    };

    let label = prov.display_label();
    // A reader's own comparison can be linked to when its link carries it (or the saved file holds it).
    let sharing = sharing_off(cmp).filter(|_| !share::shareable());
    // The Share menu's contents exist only while it is open: the links and citation it offers
    // cost a URL lookup and formatting per provision, and a closed menu shows nothing.
    let menu_open = use_state(|| false);
    let on_toggle = {
        let menu_open = menu_open.clone();
        Callback::from(move |e: Event| menu_open.set(browser::is_open(&e)))
    };
    // Select, then Share: pressing the Share button collapses the selection before any click
    // handler runs, so the words selected in this provision are remembered at that press.
    let remembered = use_mut_ref(|| None::<String>);
    let remember = {
        let (remembered, prov_ref) = (remembered.clone(), prov_ref.clone());
        Callback::from(move |_: PointerEvent| {
            *remembered.borrow_mut() = browser::selection_in_text(prov_ref.cast());
        })
    };
    let on_passage = {
        let (d, prov_ref, anchor, host) = (p.dispatch.clone(), prov_ref.clone(), anchor.clone(), p.host.clone());
        Callback::from(move |_| {
            // The live selection if there still is one (keyboard, or selected with the menu open).
            let selected = browser::selection_in_text(prov_ref.cast())
                .filter(|s| !s.trim().is_empty())
                .or_else(|| remembered.borrow().clone());
            match selected.as_deref().and_then(passage::passage_from_selection) {
                Some(passage) => {
                    let url = browser::provision_url(
                        &host,
                        &ViewState {
                            focus: Some(anchor.clone()),
                            passage: Some(passage.clone()),
                            ..ViewState::default()
                        },
                    );
                    d.dispatch(Action::FocusPassage(anchor.clone(), passage));
                    let (d, fallback) = (d.clone(), url.clone());
                    browser::copy(&url, move |ok| {
                        d.dispatch(if ok {
                            Action::Toast("Link to the selected words copied.".into())
                        } else {
                            Action::OfferCopy(fallback)
                        })
                    });
                }
                None => d.dispatch(Action::Toast("Select some words in this provision first.".into())),
            }
        })
    };

    // Following the link inside the widget keeps the current view (and never leaves an embed).
    let go_here = {
        let (d, a) = (p.dispatch.clone(), anchor.clone());
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.dispatch(Action::Focus(a.clone()));
        })
    };
    let menu = if *menu_open {
        // The provision's own URL, the one links and citations give (see `browser::provision_url`).
        let share_url = browser::provision_url(
            &p.host,
            &ViewState {
                focus: Some(anchor.clone()),
                ..ViewState::default()
            },
        );
        let copy = |text: String, done: &'static str| {
            let d = p.dispatch.clone();
            Callback::from(move |_| {
                let (d, fallback) = (d.clone(), text.clone());
                browser::copy(&text, move |ok| {
                    d.dispatch(if ok {
                        Action::Toast(done.into())
                    } else {
                        Action::OfferCopy(fallback)
                    })
                })
            })
        };
        let citation = format!(
            "{} (“{}”) {}",
            doc.citation(p.index),
            prov.text.replace('\n', " "),
            share_url
        );
        html! { <>
            if let Some(why) = sharing {
                <p class="dd-share-off">{ why }</p>
            } else {
                <a class="dd-button" href={share_url.clone()} onclick={go_here}>{ "Link" }</a>
                <button type="button" class="dd-button" onclick={copy(share_url.clone(), "Link copied.")}>{ "Copy link" }</button>
                <button type="button" class="dd-button" onclick={copy(citation, "Citation copied.")}>{ "Copy citation" }</button>
            }
            <button type="button" class="dd-button" onclick={copy(prov.text.to_string(), "Text copied.")}>{ "Copy text" }</button>
            if sharing.is_none() {
                <button type="button" class="dd-button" onclick={on_passage}>{ "Link to selected words" }</button>
            }
        </> }
    } else {
        Html::default()
    };
    let status = prov.status.map(markup::status).unwrap_or_default();
    let heading = provision_name(doc, p.index);

    html! {
        <article class={classes!("dd-prov", format!("dd-side-{}", if p.side == Side::Old { "old" } else { "new" }), merged.then_some("dd-merged"), p.focused.then_some("dd-focus"))}
            id={anchor.to_string()} tabindex="-1" aria-label={provision_aria_label(doc, p.index)} ref={prov_ref}>
            if let Some(a) = alias.clone() { <span class="dd-alias" id={a.to_string()} tabindex="-1"></span> }
            <header class="dd-prov-head">
                <span class="dd-label">
                    if let Some(o) = old_text {
                        { format!("{} {} → ", cmp.old.short_name(), cmp.old.provisions[o].display_label()) }
                    }
                    { heading }
                </span>
                { raw(status) }
                <details class="dd-share" ontoggle={on_toggle}>
                    <summary aria-label={format!("Share {}", label)} onpointerdown={remember}>{ "Share" }</summary>
                    <div class="dd-share-menu">{ menu }</div>
                </details>
            </header>
            { raw(markup::body(&segments, p.tags)) }
        </article>
    }
}

//! A focused embed: the pair (or the few pairs) a snippet names, in a card whose chrome is one
//! title line, the pairs with their change badges and notes, previous / next, and a footer with
//! the official texts, the transcription status and "Open the full comparison". The view, theme
//! and search controls wait behind one "Options" disclosure. What the card shows is decided by
//! the core (`view::card`); this only renders it.

use crate::alerts::Alerts;
use crate::hosted;
use crate::row::RowView;
use crate::search_box::SearchBox;
use crate::shortcuts::{self, ShortcutsHandle, ShortcutsPanel};
use crate::store::{Action, Dispatch, Store};
use crate::toolbar::{ThemeChips, ViewSwitch};
use crate::{raw, AppProps, Host, Shared};
use draftdiff_core::link::{self, ViewState};
use draftdiff_core::view::card::{card, kept_card, statuses, Card, Step};
use draftdiff_core::view::selected_themes;
use draftdiff_core::view::{find, markup};
use draftdiff_platform::browser;
use std::rc::Rc;
use yew::prelude::*;

/// The root of the card entry (`crates/card`): the lean wasm an element embed loads when its
/// options make a card. It does what [`crate::App`] does for a card and nothing else, so the
/// full page's parts (header, toolbar, parts, panels, dialogs) are not linked into that wasm.
/// Options that name no card render nothing: the entry checks [`is_card`] first and the loader
/// then mounts the full widget instead.
#[function_component(CardApp)]
pub fn card_app(props: &AppProps) -> Html {
    let cmp = props.cmp.0.clone();
    let state = {
        let (cmp, initial) = (cmp.clone(), props.initial.clone());
        use_reducer(move || hosted::opening(&cmp, &initial, false))
    };
    let root = use_node_ref();
    let narrow = hosted::use_narrow(&root, &props.host);
    let help = shortcuts::use_shortcuts(&root, &props.host);
    hosted::use_adopted(props, &state, &cmp);
    hosted::use_reported(props, &state);
    // Opened as a card, it stays one, whatever the reader widens it to.
    match kept_card(&cmp, &state.view, &props.host) {
        Some(c) => card_frame(&props.cmp, c, &state, narrow, &props.host, &help, root),
        None => Html::default(),
    }
}

/// Whether these props open as a card (the core decides: `view::card`).
pub fn is_card(props: &AppProps) -> bool {
    card(&props.cmp.0, &props.initial.state, &props.host).is_some()
}

/// A card with the root element around it, as both roots render it.
pub(crate) fn card_frame(
    cmp: &Shared,
    c: Card,
    state: &UseReducerHandle<Store>,
    narrow: bool,
    host: &Host,
    help: &ShortcutsHandle,
    root: NodeRef,
) -> Html {
    html! {
        <div class={classes!("dd-app", "dd-embedded", "dd-card-app", narrow.then_some("dd-narrow"), format!("dd-view-{}", state.view.view.key()))} ref={root}>
            <CardView cmp={cmp.clone()} card={Rc::new(c)} view={state.view.clone()} dispatch={state.dispatcher()}
                host={host.clone()} focus_serial={state.focus_serial} notice={state.notice.clone()}
                fallback_copy={state.fallback_copy.clone()} toast={state.toast.clone()}
                help_open={help.open} on_help_close={help.close.clone()} />
        </div>
    }
}

/// Properties of a card.
#[derive(Properties, PartialEq, Clone)]
pub struct CardProps {
    pub cmp: Shared,
    pub card: Rc<Card>,
    pub view: ViewState,
    pub dispatch: Dispatch,
    pub host: Host,
    /// Bumped on every navigation (previous / next), so the frame returns to the card's top.
    pub focus_serial: u32,
    /// A notice about the link or attributes the card was opened with.
    #[prop_or_default]
    pub notice: Option<String>,
    /// Text offered for manual copying (clipboard refused).
    #[prop_or_default]
    pub fallback_copy: Option<String>,
    /// A short confirmation.
    #[prop_or_default]
    pub toast: Option<String>,
    /// The keyboard shortcuts panel is open (`?`).
    #[prop_or_default]
    pub help_open: bool,
    /// Closes the keyboard shortcuts panel.
    #[prop_or_default]
    pub on_help_close: Callback<()>,
}

/// The card.
#[function_component(CardView)]
pub fn card_view(p: &CardProps) -> Html {
    let cmp = &p.cmp.0;
    let card = &p.card;
    let d = &p.dispatch;
    // A card has no collapsed parts: every hit is already on show.
    let found = Rc::new(vec![
        None;
        find::hits(cmp, p.view.view, &p.view.query, &card.pairs).len()
    ]);

    // In an iframe the card is the whole document: land on its top once it has replaced the
    // pre-rendered page (which the browser had scrolled to the anchor), and again after each
    // step, so a fixed-height frame never stays at the footer. A host page is never scrolled.
    {
        let frame = matches!(p.host, Host::Frame { .. });
        use_effect_with(p.focus_serial, move |_| {
            if frame {
                browser::scroll_to_top();
                browser::after_paint(browser::scroll_to_top);
            }
        });
    }

    let selected = selected_themes(&p.view.themes);
    let focus = p.view.focus.as_ref().and_then(|a| cmp.locate(a));
    let single = card.pairs.len() == 1 && card.position.is_some();
    let rows = card.pairs.iter().map(|&pair| {
        html! {
            <RowView key={pair} cmp={p.cmp.clone()} {pair} view={p.view.view} selected={selected}
                query={p.view.query.clone()}
                focused={focus.filter(|(fp, _)| *fp == pair).map(|(_, s)| s)}
                passage={p.view.passage.clone().filter(|_| focus.is_some_and(|(fp, _)| fp == pair))}
                revealed={false} dispatch={d.clone()} host={p.host.clone()} notes={p.view.notes} />
        }
    });
    let step = |step: &Option<Step>, class: &'static str, word: &'static str| -> Html {
        match step {
            Some(s) => {
                let (d, anchor) = (d.clone(), s.anchor.clone());
                html! {
                    <button type="button" class={classes!("dd-button", "dd-card-step", class)}
                        onclick={Callback::from(move |_| d.dispatch(Action::Focus(anchor.clone())))}>
                        <span class="dd-card-step-word">{ word }</span>
                        <span class="dd-card-step-title">{ s.title.clone() }</span>
                    </button>
                }
            }
            None => html! { <span class={classes!("dd-card-step", class, "dd-card-step-none")}></span> },
        }
    };
    let status_line = if single {
        let parts = statuses(cmp, card.pairs[0]);
        html! {
            <p class="dd-card-status">
                { "Transcription: " }
                { for parts.into_iter().enumerate().map(|(i, (name, s))| html! {
                    <>
                        if i > 0 { { " · " } }
                        { format!("{name} ") }
                        <span class={classes!("dd-status", format!("dd-status-{}", s.key()))} title={s.explanation()}>{ s.key() }</span>
                    </>
                }) }
            </p>
        }
    } else {
        html! { <p class="dd-card-status">{ "Each provision shows how far its transcription is verified." }</p> }
    };
    let full = browser::share_url(&p.host, &link::format(&p.view));
    let own_document = matches!(p.host, Host::Frame { .. });

    html! {
        <>
            <article class="dd-card" aria-labelledby="dd-card-title">
                <div class="dd-card-head">
                    if own_document {
                        <h1 class="dd-card-title" id="dd-card-title">{ card.title.clone() }</h1>
                    } else {
                        <p class="dd-card-title" id="dd-card-title">{ card.title.clone() }</p>
                    }
                    <details class="dd-card-options">
                        <summary class="dd-button">{ "Options" }</summary>
                        <div class="dd-card-options-panel">
                            <ViewSwitch cmp={p.cmp.clone()} view={p.view.clone()} dispatch={d.clone()} />
                            <ThemeChips cmp={p.cmp.clone()} view={p.view.clone()} dispatch={d.clone()} />
                            <SearchBox query={p.view.query.clone()} shown={(card.pairs.len(), p.view.view.key(), p.view.themes.len())} found={found.clone()} dispatch={d.clone()} />
                        </div>
                    </details>
                </div>
                if p.help_open {
                    <div class="dd-card-help"><ShortcutsPanel on_close={p.on_help_close.clone()} /></div>
                }
                <Alerts notice={p.notice.clone()} fallback_copy={p.fallback_copy.clone()} dispatch={d.clone()} />
                <div class="dd-card-body">
                    if card.pairs.is_empty() {
                        <p class="dd-card-empty">{ "No provision matches this view. Change it under Options, or open the full comparison." }</p>
                    }
                    { for rows }
                </div>
                if single && (card.prev.is_some() || card.next.is_some()) {
                    <nav class="dd-card-nav" aria-label="Other pairs">
                        { step(&card.prev, "dd-card-prev", "Previous") }
                        if let Some((i, n)) = card.position {
                            <span class="dd-card-pos">{ format!("{i} of {n}") }</span>
                        }
                        { step(&card.next, "dd-card-next", "Next") }
                    </nav>
                }
                <div class="dd-card-foot">
                    <p class="dd-card-sources">
                        { "Official texts: " }{ raw(markup::doc_link(&cmp.old)) }{ " · " }{ raw(markup::doc_link(&cmp.new)) }
                    </p>
                    { status_line }
                    <a class="dd-button dd-open-full" href={full} target="_blank" rel="noopener">{ "Open the full comparison" }</a>
                </div>
            </article>
            <div class="dd-toast" role="status" aria-live="polite">{ p.toast.clone().unwrap_or_default() }</div>
        </>
    }
}

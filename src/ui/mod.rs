//! The Yew view: function components that render the comparison and dispatch [`state::Action`]s.
//!
//! Components only render and dispatch; alignment, diffs, theme matching, link grammar and
//! segment layering all come from the core, and every browser call goes through `interop`.

mod change_map;
mod custom_panel;
mod embed_dialog;
mod header;
mod notes;
mod provision;
mod row;
mod search_box;
mod shortcuts;
pub mod state;
mod toolbar;

use crate::compare::{Comparison, Side};
use crate::interop::{browser, keys};
use crate::link::{self, Parsed};
use crate::themes::{self, ThemeSet};
use state::{Action, AppState, HistoryMode};
use std::rc::Rc;
use yew::prelude::*;

/// Where the widget lives; decides how it treats the URL and the page around it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Host {
    /// The full page: the view state is the page's own `#hash`.
    Page,
    /// Inside an iframe on someone's post: same, but never pushes history (the host's back
    /// button must keep working) and posts its height to the parent.
    Frame {
        /// Instance id the host script uses to find this iframe.
        instance: String,
    },
    /// A `<draft-diff>` element: the host page's URL is not ours to touch.
    Element,
}

/// A shared comparison, compared by identity so props stay cheap to diff.
#[derive(Clone, Debug)]
pub struct Shared(pub Rc<Comparison>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Properties of the root component.
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// What is compared.
    pub cmp: Shared,
    /// Where the widget is mounted.
    pub host: Host,
    /// The state to open with (from the URL or the element's attributes).
    pub initial: Rc<Parsed>,
    /// Called with the new hash whenever the reader changes the view (element hosts emit an event).
    #[prop_or_default]
    pub on_navigate: Option<Callback<String>>,
}

/// Turns parse problems and unknown anchors into one reader-facing notice.
fn notice_for(cmp: &Comparison, parsed: &Parsed) -> Option<String> {
    let mut problems: Vec<String> = parsed.problems.iter().map(|p| p.to_string()).collect();
    if let Some(a) = &parsed.state.focus {
        if cmp.locate(&a.to_string()).is_none() {
            problems.push(format!("there is no provision “{a}” in these drafts"));
        }
    }
    for t in &parsed.state.themes {
        if themes::by_id(t).is_none() {
            problems.push(format!("there is no theme “{t}”"));
        }
    }
    (!problems.is_empty()).then(|| {
        format!(
            "This link could not be followed exactly: {}. Showing the closest view.",
            problems.join("; ")
        )
    })
}

/// The widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // A reader's own comparison, when they made one, replaces the bundled drafts.
    let custom = use_state(|| None::<Shared>);
    let custom_open = use_state(|| false);
    let shared = (*custom).clone().unwrap_or_else(|| props.cmp.clone());
    let cmp = shared.0.clone();
    let state = {
        let cmp = cmp.clone();
        let initial = props.initial.clone();
        use_reducer(move || AppState {
            notice: notice_for(&cmp, &initial),
            view: initial.state.clone(),
            history: HistoryMode::None,
            focus_serial: 1,
            ..AppState::default()
        })
    };
    let root = use_node_ref();
    // Keyboard shortcuts (j / k, /, ?) and their help panel.
    let help = shortcuts::use_shortcuts(&root, &props.host);

    // Hosts that own a URL follow back/forward and edited hashes.
    {
        let (dispatch, host, cmp) = (state.dispatcher(), props.host.clone(), cmp.clone());
        use_effect_with((), move |_| {
            let guard = (host != Host::Element).then(|| {
                browser::on_hash_change(move |hash| {
                    let parsed = link::parse(&hash);
                    let notice = notice_for(&cmp, &parsed);
                    dispatch.dispatch(Action::FromUrl(Rc::new(parsed), notice));
                })
            });
            move || drop(guard)
        });
    }

    // Props updated by the host (element `update()`): adopt them.
    {
        let (dispatch, cmp, first) = (state.dispatcher(), cmp.clone(), use_mut_ref(|| true));
        use_effect_with(props.initial.clone(), move |initial| {
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                dispatch.dispatch(Action::FromUrl(initial.clone(), notice_for(&cmp, initial)));
            }
        });
    }

    // Keep the URL (or the host) informed.
    {
        let (host, on_navigate) = (props.host.clone(), props.on_navigate.clone());
        use_effect_with((state.view.clone(), state.history), move |(view, history)| {
            let hash = link::format(view);
            match (&host, history) {
                (_, HistoryMode::None) => {}
                (Host::Page, HistoryMode::Push) => browser::push_hash(&hash),
                (Host::Page | Host::Frame { .. }, _) => browser::replace_hash(&hash),
                (Host::Element, _) => {}
            }
            if *history != HistoryMode::None {
                if let Some(cb) = on_navigate {
                    cb.emit(hash);
                }
            }
        });
    }

    // Land on the focused provision after every explicit navigation. An embed opening on a
    // provision only highlights it: scrolling or taking focus would move the host's page.
    {
        let (root, view) = (root.clone(), state.view.clone());
        let embedded_first_load = props.host != Host::Page && state.focus_serial == 1;
        use_effect_with(state.focus_serial, move |_| {
            if let Some(anchor) = view.focus.as_ref().filter(|_| !embedded_first_load) {
                browser::land_on(&root, &anchor.to_string(), view.passage.is_some());
            }
        });
    }

    let selected = selected_themes(&state.view.themes);
    let visible = visible_pairs(&cmp, &state.view, selected);
    let focus_pair = state.view.focus.as_ref().and_then(|a| cmp.locate(&a.to_string()));
    let revealed = focus_pair.filter(|(p, _)| !visible.contains(p)).map(|(p, _)| p);

    let dispatch = state.dispatcher();
    let frame = !matches!(props.host, Host::Page);
    let classes = classes!(
        "dd-app",
        frame.then_some("dd-embedded"),
        format!("dd-view-{}", state.view.view.key())
    );

    let parts = cmp.sections();
    let collapsed_matches = if selected.is_empty() {
        0
    } else {
        parts
            .iter()
            .filter(|(part, pairs)| {
                !state::part_shown(&state, *part, focus_pair.is_some_and(|(p, _)| pairs.contains(&p)))
            })
            .map(|(_, pairs)| pairs.iter().filter(|p| visible.contains(p)).count())
            .sum::<usize>()
    };
    let sections = parts.into_iter().map(|(part, pairs)| {
        let shown: Vec<usize> = pairs.iter().copied().filter(|p| visible.contains(p) || revealed == Some(*p)).collect();
        let holds_focus = focus_pair.is_some_and(|(p, _)| pairs.contains(&p));
        let open = state::part_shown(&state, part, holds_focus);
        let toggle = {
            let d = dispatch.clone();
            Callback::from(move |_| d.dispatch(Action::TogglePart(part, holds_focus)))
        };
        let heading_id = format!("dd-part-{}", part.key());
        html! {
            <section class={classes!("dd-part", format!("dd-part-{}", part.key()))} aria-labelledby={heading_id.clone()} key={part.key()}>
                <h2 id={heading_id}>
                    <button type="button" class="dd-part-toggle" aria-expanded={open.to_string()} onclick={toggle}>
                        <span class="dd-chevron" aria-hidden="true"></span>
                        { part.heading() }
                        <span class="dd-part-count">{ format!(" ({} of {})", shown.len(), pairs.len()) }</span>
                    </button>
                </h2>
                if open {
                    if shown.is_empty() {
                        <p class="dd-empty-part">{ "No provision in this part carries the selected themes." }</p>
                    }
                    { for shown.iter().map(|&p| html! {
                        <row::RowView key={p} cmp={shared.clone()} pair={p} view={state.view.view}
                            selected={selected} query={state.view.query.clone()}
                            focused={focus_pair.filter(|(fp, _)| *fp == p).map(|(_, s)| s)}
                            passage={state.view.passage.clone().filter(|_| focus_pair.is_some_and(|(fp, _)| fp == p))}
                            revealed={revealed == Some(p)} dispatch={dispatch.clone()} host={props.host.clone()} notes={state.view.notes} />
                    }) }
                }
            </section>
        }
    });

    let total = cmp.pairs.len();
    let dismiss = {
        let d = dispatch.clone();
        Callback::from(move |_| d.dispatch(Action::Dismiss))
    };
    let body = html! {
        <>
            if let Some(n) = &state.notice {
                <div class="dd-notice" role="alert">
                    <p>{ n.clone() }</p>
                    <button type="button" class="dd-button" onclick={dismiss.clone()}>{ "Dismiss" }</button>
                </div>
            }
            if let Some(text) = &state.fallback_copy {
                <div class="dd-copy-fallback" role="dialog" aria-label="Copy this text">
                    <label for="dd-copy-field">{ "Your browser blocked the clipboard. Select the text and copy it (Ctrl+C / ⌘C):" }</label>
                    <textarea id="dd-copy-field" readonly=true rows="4" value={text.clone()} />
                    <button type="button" class="dd-button" onclick={dismiss.clone()}>{ "Done" }</button>
                </div>
            }
            <p class="dd-count" aria-live="polite">
                { if selected.is_empty() { format!("Showing all {total} aligned pairs.") } else { format!("Showing {} of {total} aligned pairs.", visible.len()) } }
                if collapsed_matches > 0 { { format!(" {collapsed_matches} of them in collapsed sections.") } }
                if revealed.is_some() { { " The linked provision is shown too, although the filter would hide it." } }
            </p>
            if !selected.is_empty() && visible.is_empty() {
                <div class="dd-empty">
                    <p>{ "No provision carries all the selected themes." }</p>
                    <button type="button" class="dd-button" onclick={ let d = dispatch.clone(); Callback::from(move |_| d.dispatch(Action::SetMatch(link::Match::Any))) }>{ "Match any of them instead" }</button>
                </div>
            }
            if let Some(c) = &*custom {
                <div class="dd-custom-banner" role="status">
                    <p>
                        { format!("Comparing your own texts: {} → {}.", c.0.old.symbol, c.0.new.symbol) }
                        if c.0.simplified { { " Some differences were simplified so the page stays responsive." } }
                    </p>
                    <button type="button" class="dd-button" onclick={ let c = custom.clone(); Callback::from(move |_| c.set(None)) }>{ "Back to the bundled drafts" }</button>
                </div>
            }
            if *custom_open {
                <custom_panel::CustomPanel dispatch={dispatch.clone()}
                    on_close={ let o = custom_open.clone(); Callback::from(move |_| o.set(false)) }
                    on_compare={ let (c, o) = (custom.clone(), custom_open.clone()); Callback::from(move |cmp: Rc<Comparison>| { c.set(Some(Shared(cmp))); o.set(false); }) } />
            }
            <div class="dd-main-actions">
                if custom.is_none() { <notes::NotesToggle on={state.view.notes} dispatch={dispatch.clone()} /> }
                if props.host == Host::Page && !*custom_open {
                    <button type="button" class="dd-button dd-custom-open" onclick={ let o = custom_open.clone(); Callback::from(move |_| o.set(true)) }>{ "Compare your own drafts" }</button>
                }
            </div>
            { for sections }
        </>
    };
    html! {
        <div class={classes} ref={root.clone()}>
            if !frame {
                // Focus the comparison without touching the URL (a `#dd-main` hash would be read as a link).
                <a class="dd-skip" href="#dd-main" onclick={ let r = root.clone(); Callback::from(move |e: MouseEvent| { e.prevent_default(); keys::focus_in(&r, "#dd-main"); }) }>{ "Skip to the comparison" }</a>
            }
            <header::Header cmp={shared.clone()} compact={frame} own_document={props.host != Host::Element} view={state.view.clone()} url={browser::share_url(&props.host, &link::format(&state.view))} />
            <toolbar::Toolbar cmp={shared.clone()} view={state.view.clone()} visible={Rc::new(visible.clone())} dispatch={dispatch.clone()} host={props.host.clone()}
                help_open={help.open} on_help={help.toggle.clone()} on_help_close={help.close.clone()} />
            if frame {
                <div class="dd-main" id="dd-main" role="region" aria-label="Comparison">{ body }</div>
            } else {
                <main class="dd-main" id="dd-main" tabindex="-1">{ body }</main>
            }
            <div class="dd-toast" role="status" aria-live="polite">{ state.toast.clone().unwrap_or_default() }</div>
            <header::Footer cmp={shared.clone()} compact={frame} />
        </div>
    }
}

/// The set of known themes among the ids in the URL.
pub fn selected_themes(ids: &[String]) -> ThemeSet {
    let mut set = ThemeSet::default();
    for id in ids {
        if let Some((i, _)) = themes::by_id(id) {
            set.insert(i);
        }
    }
    set
}

/// Tags of one side of a pair: hand tags for bundled documents, keyword detection otherwise.
pub fn side_tags(cmp: &Comparison, pair: usize, side: Side) -> ThemeSet {
    cmp.index(pair, side).map_or(ThemeSet::default(), |i| {
        let doc = cmp.doc(side);
        let p = &doc.provisions[i];
        if p.status.is_some() {
            themes::tags(&doc.symbol, &p.id)
        } else {
            themes::detect(&p.text)
        }
    })
}

/// Pairs the current filter keeps, in order.
pub fn visible_pairs(cmp: &Comparison, view: &link::ViewState, selected: ThemeSet) -> Vec<usize> {
    let mode = match view.match_mode {
        link::Match::Any => themes::MatchMode::Any,
        link::Match::All => themes::MatchMode::All,
    };
    let one_side = match view.view {
        link::View::Old => Some(Side::Old),
        link::View::New => Some(Side::New),
        _ => None,
    };
    (0..cmp.pairs.len())
        .filter(|&p| one_side.is_none_or(|s| cmp.index(p, s).is_some()))
        .filter(|&p| {
            themes::row_matches(
                side_tags(cmp, p, Side::Old),
                side_tags(cmp, p, Side::New),
                selected,
                mode,
            )
        })
        .collect()
}

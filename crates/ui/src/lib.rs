//! The Yew view: function components that render the comparison and dispatch [`state::Action`]s.
//!
//! Components only render and dispatch; alignment, diffs, theme matching, link grammar and
//! segment layering come from the core (`draftdiff_core`), its view layer decides what is shown,
//! and every browser call goes through `draftdiff_platform`.

mod alerts;
mod card;
mod change_map;
mod custom_panel;
mod embed_dialog;
mod header;
mod hosted;
mod notes;
mod progressive;
mod provision;
mod row;
mod search_box;
mod shortcuts;
pub mod store;
mod toolbar;

pub use card::{is_card, CardApp};
use draftdiff_core::compare::Comparison;
use draftdiff_core::corpus::Part;
use draftdiff_core::link::{self, Parsed};
use draftdiff_core::view::card::card;
use draftdiff_core::view::state::{self, Action};
use draftdiff_core::view::{find, labels, notice_for, selected_themes, visible_pairs};
pub use draftdiff_core::view::{side_tags, Host};
use draftdiff_platform::{browser, keys, place, share};
use std::rc::Rc;
use yew::prelude::*;

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
    /// The page was already scrolled (by the reader, or the browser to a fragment) over the
    /// pre-rendered text: the first landing focuses the linked provision without scrolling.
    #[prop_or_default]
    pub settled: bool,
}

/// Markup from the core (`view::markup`, `view::change_map`) as nodes the browser parses in one
/// call: the static parts of rows, which never answer a click themselves. Nothing for an empty
/// string (a part with nothing to show costs no call).
pub(crate) fn raw(markup: String) -> Html {
    if markup.is_empty() {
        Html::default()
    } else {
        Html::from_html_unchecked(markup.into())
    }
}

/// A part's rows, hidden until found while the part is collapsed (find-in-page and text
/// fragments reveal them and fire `beforematch`). Built by hand: `html!` treats `hidden` as a
/// boolean attribute, and `until-found` is its third state.
fn part_body(part: Part, open: bool, empty: Option<Html>, rows: impl Iterator<Item = Html>) -> Html {
    let mut div = yew::virtual_dom::VTag::new("div");
    div.add_attribute("class", "dd-part-body");
    div.add_attribute("data-part", part.key());
    if !open {
        div.add_attribute("hidden", "until-found");
    }
    div.add_children(empty);
    // The rows as one keyed list of their own, so a list that grows (a long comparison
    // rendered a step at a time) keeps the rows it had.
    div.add_child(yew::virtual_dom::VList::with_children(rows.collect(), None).into());
    div.into()
}

/// The widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    // A reader's own comparison, when they made one, replaces the bundled drafts.
    let custom = use_state(|| None::<Shared>);
    // A page opened from a link or a saved file that carries a reader's comparison opens the
    // panel, which compares it (`custom_panel`).
    let custom_open = use_state(|| props.host == Host::Page && share::incoming().is_some());
    let shared = (*custom).clone().unwrap_or_else(|| props.cmp.clone());
    let cmp = shared.0.clone();
    // A very long comparison arrives a few rows per frame (see `progressive`).
    let row_limit = progressive::use_row_limit(&shared);
    // Collapsed parts' rows come a task after the first frame (see `progressive`).
    let collapsed_rows = progressive::use_collapsed_later();
    let state = {
        let (cmp, initial) = (cmp.clone(), props.initial.clone());
        // A link's own comparison names its provisions: judged once that comparison is shown.
        let carried = *custom_open;
        use_reducer(move || hosted::opening(&cmp, &initial, carried))
    };
    let root = use_node_ref();
    let narrow = hosted::use_narrow(&root, &props.host);
    // Keyboard shortcuts (j / k, /, ?) and their help panel.
    let help = shortcuts::use_shortcuts(&root, &props.host);

    // Hosts that own a URL follow back/forward and edited hashes.
    {
        // Keyed on the comparison: a reader's own comparison must answer Back/Forward itself (a
        // listener kept from the first render would look provisions up in the bundled drafts).
        let (dispatch, host, cmp) = (state.dispatcher(), props.host.clone(), cmp.clone());
        use_effect_with(shared.clone(), move |_| {
            let guard = (!matches!(host, Host::Element { .. })).then(|| {
                browser::on_hash_change(move |hash| {
                    let parsed = link::parse(&hash);
                    let notice = notice_for(&cmp, &parsed);
                    dispatch.dispatch(Action::FromUrl(Rc::new(parsed), notice));
                })
            });
            move || drop(guard)
        });
    }

    // Find-in-page or a text fragment reached words in a collapsed part: the browser reveals
    // them, and the part opens in the state too (so its toggle, count and the URL agree).
    {
        let (root, dispatch) = (root.clone(), state.dispatcher());
        use_effect_with((), move |_| {
            let guard = place::on_before_match(root.cast(), move |key| {
                if let Some(part) = Part::from_key(&key) {
                    dispatch.dispatch(Action::OpenPart(part, false));
                }
            });
            move || drop(guard)
        });
    }

    hosted::use_adopted(props, &state, &cmp);
    hosted::use_reported(props, &state);

    // An embed shows what its state names as a card (the core decides: `view::card`).
    let focused_card = card(&cmp, &state.view, &props.host);

    // Land on the focused provision after every explicit navigation. An embed opening on a
    // provision only highlights it: scrolling or taking focus would move the host's page.
    // A card holds its pair at the top already (and keeps the reader on previous / next).
    {
        let (root, view) = (root.clone(), state.view.clone());
        let first = state.focus_serial == 1;
        let embedded_first_load = (props.host != Host::Page && first) || focused_card.is_some();
        // A page that took over its pre-rendered text keeps the reader's scroll position.
        let settled_first_load = props.settled && first;
        use_effect_with(state.focus_serial, move |_| {
            if let Some(anchor) = view.focus.as_ref().filter(|_| !embedded_first_load) {
                if settled_first_load {
                    place::focus_provision(root.cast(), &anchor.to_string());
                } else {
                    browser::land_on(root.cast(), &anchor.to_string(), view.passage.is_some());
                }
            }
        });
    }

    let dispatch = state.dispatcher();
    if let Some(c) = focused_card {
        return card::card_frame(&shared, c, &state, narrow, &props.host, &help, root.clone());
    }

    let selected = selected_themes(&state.view.themes);
    let visible = visible_pairs(&cmp, &state.view, selected);
    let focus_pair = state.view.focus.as_ref().and_then(|a| cmp.locate(a));
    let revealed = focus_pair.filter(|(p, _)| !visible.contains(p)).map(|(p, _)| p);

    let frame = !matches!(props.host, Host::Page);
    let classes = classes!(
        "dd-app",
        frame.then_some("dd-embedded"),
        narrow.then_some("dd-narrow"),
        format!("dd-view-{}", state.view.view.key())
    );

    // What the search finds, in every part, and which part each hit needs opened (the core decides).
    // Which pairs the filter keeps, by index: every row is on the page, the others hidden.
    let mut kept = vec![false; cmp.pairs.len()];
    for &p in visible.iter().chain(&revealed) {
        kept[p] = true;
    }
    // Rows holding a search hit; the others get no query, so a keystroke leaves them alone.
    let mut has_hits = vec![false; cmp.pairs.len()];
    let found = {
        let rows: Vec<usize> = visible.iter().copied().chain(revealed).collect();
        let hits = find::hits(&cmp, state.view.view, &state.view.query, &rows);
        for h in &hits {
            has_hits[h.pair] = true;
        }
        let focus = focus_pair.map(|(p, _)| p);
        Rc::new(
            hits.into_iter()
                .map(|h| find::opens(&state, h, focus, &cmp))
                .collect::<Vec<_>>(),
        )
    };

    let parts = cmp.sections();
    let collapsed_matches = if selected.is_empty() {
        0
    } else {
        parts
            .iter()
            .filter(|(part, pairs)| {
                !state::part_shown(&state, *part, focus_pair.is_some_and(|(p, _)| pairs.contains(&p)))
            })
            .map(|(_, pairs)| pairs.iter().filter(|&&p| kept[p] && revealed != Some(p)).count())
            .sum::<usize>()
    };
    // Collapsed parts keep their rows on the page, hidden until found: find-in-page, text
    // fragments and the search below reach every word, and finding one opens its part.
    let sections = parts.into_iter().map(|(part, pairs)| {
        let shown = pairs.iter().filter(|&&p| kept[p]).count();
        let holds_focus = focus_pair.is_some_and(|(p, _)| pairs.contains(&p));
        let open = state::part_shown(&state, part, holds_focus);
        let toggle = {
            let d = dispatch.clone();
            Callback::from(move |_| d.dispatch(Action::TogglePart(part, holds_focus)))
        };
        // A search's hits are counted on the page in every part (`browser::show_hit`): with a
        // query, every part's rows render at once.
        let rows_now = open || collapsed_rows || !state.view.query.is_empty();
        let heading_id = format!("dd-part-{}", part.key());
        html! {
            <section class={classes!("dd-part", format!("dd-part-{}", part.key()))} aria-labelledby={heading_id.clone()} key={part.key()}>
                <h2 id={heading_id}>
                    <button type="button" class="dd-part-toggle" aria-expanded={open.to_string()} onclick={toggle}>
                        <span class="dd-chevron" aria-hidden="true"></span>
                        { part.heading() }
                        <span class="dd-part-count">{ labels::part_count(shown, pairs.len()) }</span>
                    </button>
                </h2>
                { part_body(part, open, (shown == 0).then(|| html! {
                    <p class="dd-empty-part">{ "No provision in this part carries the selected themes." }</p>
                }), pairs.iter().filter(|&&p| (rows_now && p < row_limit) || focus_pair.is_some_and(|(fp, _)| fp == p)).map(|&p| html! {
                    <row::RowView key={p} cmp={shared.clone()} pair={p} view={state.view.view} shown={kept[p]}
                        selected={selected} query={if has_hits[p] { state.view.query.clone() } else { String::new() }}
                        focused={focus_pair.filter(|(fp, _)| *fp == p).map(|(_, s)| s)}
                        passage={state.view.passage.clone().filter(|_| focus_pair.is_some_and(|(fp, _)| fp == p))}
                        revealed={revealed == Some(p)} dispatch={dispatch.clone()} host={props.host.clone()} notes={state.view.notes} />
                })) }
            </section>
        }
    });

    let total = cmp.pairs.len();
    let body = html! {
        <>
            <alerts::Alerts notice={state.notice.clone()} fallback_copy={state.fallback_copy.clone()} dispatch={dispatch.clone()} />
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
                    <button type="button" class="dd-button" onclick={ let c = custom.clone(); Callback::from(move |_| { share::forget(); c.set(None) }) }>{ "Back to the bundled drafts" }</button>
                </div>
                { custom_panel::keep_bar(&props.host, &dispatch) }
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
    // A reader's comparison prints no address: its link holds both documents (pages of
    // base64 on paper), and the page's address alone would open the bundled drafts.
    let print_url = if custom.is_some() {
        AttrValue::default()
    } else {
        browser::share_url(&props.host, &link::format(&state.view)).into()
    };
    html! {
        <div class={classes} ref={root.clone()}>
            if !frame {
                // Focus the comparison without touching the URL (a `#dd-main` hash would be read as a link).
                <a class="dd-skip" href="#dd-main" onclick={ let r = root.clone(); Callback::from(move |e: MouseEvent| { e.prevent_default(); keys::focus_in(r.cast(), "#dd-main"); }) }>{ "Skip to the comparison" }</a>
            }
            <header::Header cmp={shared.clone()} compact={frame} own_document={!matches!(props.host, Host::Element { .. })} view={state.view.clone()} url={print_url} />
            <toolbar::Toolbar cmp={shared.clone()} view={state.view.clone()} visible={Rc::new(visible.clone())} {found} dispatch={dispatch.clone()} host={props.host.clone()}
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

//! The reader's controls: view mode, theme filter (chips with counts, any/all, clear) and the
//! change summary of what the filter keeps.

use crate::change_map::ChangeMap;
use crate::embed_dialog::EmbedDialog;
use crate::search_box::SearchBox;
use crate::shortcuts::ShortcutsPanel;
use crate::store::{Action, Dispatch};
use crate::{side_tags, Host, Shared};
use draftdiff_core::compare::Side;
use draftdiff_core::link::{self, Match, View, ViewState};
use draftdiff_core::stats::Summary;
use draftdiff_core::themes::{self, ThemeSet};
use draftdiff_core::view::labels::summary_line;
use draftdiff_core::view::sharing_off;
use draftdiff_platform::browser;
use draftdiff_platform::scheme::{self, ColorScheme};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of the toolbar.
#[derive(Properties, PartialEq, Clone)]
pub struct ToolbarProps {
    pub cmp: Shared,
    pub view: ViewState,
    /// Pairs the filter keeps.
    pub visible: Rc<Vec<usize>>,
    /// The search's hits in page order, each with the part to open before showing it.
    pub found: Rc<Vec<Option<draftdiff_core::corpus::Part>>>,
    pub dispatch: Dispatch,
    pub host: Host,
    /// The keyboard shortcuts panel is open.
    #[prop_or_default]
    pub help_open: bool,
    /// Opens or closes the keyboard shortcuts panel.
    #[prop_or_default]
    pub on_help: Callback<()>,
    /// Closes the keyboard shortcuts panel (its Close button).
    #[prop_or_default]
    pub on_help_close: Callback<()>,
}

/// Light, dark, or the system's setting: the full page's per-reader choice, kept in the
/// browser (embeds follow `?scheme=` / the `scheme` attribute, or the reader's system).
#[function_component(ThemeSwitch)]
fn theme_switch() -> Html {
    let pref = use_state(scheme::initial);
    let choice = |value: Option<ColorScheme>, label: &'static str| {
        let pref = pref.clone();
        let on = *pref == value;
        html! {
            <button type="button" class="dd-seg" aria-pressed={on.to_string()}
                onclick={Callback::from(move |_| { scheme::choose(value); pref.set(value); })}>{ label }</button>
        }
    };
    html! {
        <div class="dd-views dd-theme-switch" role="group" aria-label="Colour theme">
            { choice(Some(ColorScheme::Light), "Light") }
            { choice(Some(ColorScheme::Dark), "Dark") }
            { choice(None, "Auto") }
        </div>
    }
}

/// What the view switch and the theme chips need (the toolbar and a card's options share them).
#[derive(Properties, PartialEq, Clone)]
pub struct ControlProps {
    pub cmp: Shared,
    pub view: ViewState,
    pub dispatch: Dispatch,
}

/// Side by side, inline, or one draft alone.
#[function_component(ViewSwitch)]
pub fn view_switch(p: &ControlProps) -> Html {
    let cmp = &p.cmp.0;
    let views = [
        (View::Side, "Side by side".to_string()),
        (View::Inline, "Inline redline".to_string()),
        (View::Old, format!("{} only", cmp.old.short_name())),
        (View::New, format!("{} only", cmp.new.short_name())),
    ];
    let view_buttons = views.into_iter().map(|(v, label)| {
        let d = p.dispatch.clone();
        html! {
            <button type="button" class="dd-seg" aria-pressed={(p.view.view == v).to_string()}
                onclick={Callback::from(move |_| d.dispatch(Action::SetView(v)))}>{ label }</button>
        }
    });
    html! { <div class="dd-views" role="group" aria-label="View">{ for view_buttons }</div> }
}

/// One chip per theme, with the number of pairs that carry it.
#[function_component(ThemeChips)]
pub fn theme_chips(p: &ControlProps) -> Html {
    // A chip counts the aligned pairs that carry its theme on either side. It depends only on
    // the comparison: computed once, not on every toggle.
    let counts = use_memo(p.cmp.clone(), |shared| {
        let cmp = &shared.0;
        let tags: Vec<ThemeSet> = (0..cmp.pairs.len())
            .map(|pair| side_tags(cmp, pair, Side::Old).union(side_tags(cmp, pair, Side::New)))
            .collect();
        (0..themes::THEMES.len())
            .map(|t| tags.iter().filter(|s| s.contains(t)).count())
            .collect::<Vec<usize>>()
    });
    let chips = themes::THEMES.iter().enumerate().map(|(i, t)| {
        let on = p.view.themes.iter().any(|x| x == t.id);
        let id = t.id.to_string();
        let d = p.dispatch.clone();
        html! {
            <button type="button" class={classes!("dd-chip", format!("dd-accent-{}", t.accent))} aria-pressed={on.to_string()}
                title={t.description} data-theme={t.id}
                onclick={Callback::from(move |_| d.dispatch(Action::ToggleTheme(id.clone())))}>
                { t.name }
                // The bare number is for the eye; screen readers hear ", 5 pairs" (an aria-label on a span is not allowed).
                <span class="dd-chip-count" aria-hidden="true">{ counts[i] }</span>
                <span class="dd-visually-hidden">{ format!(", {} pairs", counts[i]) }</span>
            </button>
        }
    });
    html! { <div class="dd-themes" role="group" aria-label="Filter by theme">{ for chips }</div> }
}

/// View mode switch, theme chips and summary.
#[function_component(Toolbar)]
pub fn toolbar(p: &ToolbarProps) -> Html {
    let d = &p.dispatch;
    let whole = use_memo(p.cmp.clone(), |shared| Summary::of(&shared.0, 0..shared.0.pairs.len()));
    let filtered = !p.view.themes.is_empty();
    let match_button = |m: Match, label: &'static str| {
        let d = d.clone();
        html! {
            <button type="button" class="dd-seg" aria-pressed={(p.view.match_mode == m).to_string()}
                onclick={Callback::from(move |_| d.dispatch(Action::SetMatch(m)))}>{ label }</button>
        }
    };
    let clear = {
        let d = d.clone();
        Callback::from(move |_| d.dispatch(Action::ClearThemes))
    };
    // Counting words walks every kept pair's diff (megabytes for a reader's long texts): only
    // when the filter changes, not on every keystroke in the search box.
    let summary = use_memo((p.cmp.clone(), p.visible.clone()), |(shared, visible)| {
        Summary::of(&shared.0, visible.iter().copied())
    });
    let embed_open = use_state(|| false);
    let toggle_embed = {
        let e = embed_open.clone();
        Callback::from(move |_| e.set(!*e))
    };
    let close_embed = {
        let e = embed_open.clone();
        Callback::from(move |_| e.set(false))
    };

    html! {
        <div class="dd-toolbar">
            <div class="dd-toolbar-row">
                <ViewSwitch cmp={p.cmp.clone()} view={p.view.clone()} dispatch={p.dispatch.clone()} />
                <div class="dd-toolbar-end">
                if p.host == Host::Page { <ThemeSwitch /> }
                <button type="button" class="dd-button dd-keys-button" aria-expanded={p.help_open.to_string()}
                    aria-keyshortcuts="?" onclick={ let h = p.on_help.clone(); Callback::from(move |_| h.emit(())) }>{ "Keyboard shortcuts" }</button>
                if p.host == Host::Page {
                    if let Some(why) = sharing_off(&p.cmp.0) {
                        <button type="button" class="dd-button dd-embed-button" disabled=true title={why}>{ "Embed this view" }</button>
                    } else {
                        <button type="button" class="dd-button dd-embed-button" aria-expanded={embed_open.to_string()} onclick={toggle_embed}>{ "Embed this view" }</button>
                    }
                } else {
                    <a class="dd-button dd-open-full" href={browser::share_url(&p.host, &link::format(&p.view))} target="_blank" rel="noopener">{ "Open the full comparison" }</a>
                }
                </div>
            </div>
            if p.help_open {
                <ShortcutsPanel on_close={p.on_help_close.clone()} />
            }
            if *embed_open {
                <EmbedDialog view={p.view.clone()} dispatch={p.dispatch.clone()} on_close={close_embed} />
            }
            <ThemeChips cmp={p.cmp.clone()} view={p.view.clone()} dispatch={p.dispatch.clone()} />
            if filtered {
                <div class="dd-filter-actions">
                    <div role="group" aria-label="Show pairs matching" class="dd-match">
                        { match_button(Match::Any, "Any selected theme") }
                        { match_button(Match::All, "All selected themes") }
                    </div>
                    <button type="button" class="dd-button dd-clear" onclick={clear}>{ "Clear themes" }</button>
                </div>
            }
            <SearchBox query={p.view.query.clone()} shown={(p.visible.len(), p.view.view.key(), p.view.themes.len())} found={p.found.clone()} dispatch={p.dispatch.clone()} />
            <div class="dd-summary">
                <p><strong>{ "Whole document: " }</strong>{ summary_line(&whole) }{ format!(" · {}% of the wording unchanged", (whole.similarity * 100.0).round() as u32) }</p>
                if filtered {
                    <p><strong>{ "Selected themes: " }</strong>{ summary_line(&summary) }</p>
                }
            </div>
            <ChangeMap cmp={p.cmp.clone()} visible={p.visible.clone()} dispatch={p.dispatch.clone()} />
        </div>
    }
}

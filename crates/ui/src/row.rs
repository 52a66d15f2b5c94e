//! One aligned pair: its change badge, its "also draws on" links, and its provisions.
//!
//! Split in two so a filter change touches only what it changes: [`RowView`] is the row
//! element (kind, focus ring, whether the filter keeps it: every row stays on the page, rows a
//! filter drops are `hidden`), and its content re-renders only when what the row *shows*
//! changes. A theme chip changes the content of the rows whose text holds that theme's keywords
//! (their highlights), a search keystroke that of the rows holding hits; the rest keep their DOM.

use crate::notes::PairNotes;
use crate::provision::{ProvisionView, Text};
use crate::store::{Action, Dispatch};
use crate::{raw, side_tags, Host, Shared};
use draftdiff_core::compare::Side;
use draftdiff_core::link::{Passage, View};
use draftdiff_core::segments::{inline_pieces, side_pieces, whole_change};
use draftdiff_core::themes::ThemeSet;
use draftdiff_core::view::labels::kind_key;
use draftdiff_core::view::markup;
use draftdiff_platform::browser;
use std::cell::OnceCell;
use yew::prelude::*;

/// Properties of a row.
#[derive(Properties, PartialEq, Clone)]
pub struct RowProps {
    pub cmp: Shared,
    pub pair: usize,
    pub view: View,
    pub selected: ThemeSet,
    pub query: String,
    /// Which side of this pair a link focuses, if any.
    pub focused: Option<Side>,
    /// The linked passage, when this pair holds the focus.
    pub passage: Option<Passage>,
    /// Shown only because a link points here (the filter would hide it).
    pub revealed: bool,
    pub dispatch: Dispatch,
    pub host: Host,
    /// Show the annotations of this pair.
    pub notes: bool,
    /// Whether the filter keeps this row (a dropped row stays on the page, hidden, so bringing
    /// it back costs an attribute, not a render).
    #[prop_or(true)]
    pub shown: bool,
}

/// The selected themes that can change this pair's highlights: those whose keywords occur in
/// either side. Highlights of the others are empty whatever is selected, so leaving them out of
/// the content's props lets Yew skip the rows a chip does not touch.
fn relevant(cmp: &draftdiff_core::compare::Comparison, pair: usize) -> ThemeSet {
    [Side::Old, Side::New]
        .into_iter()
        .filter_map(|side| Some(cmp.keyword_themes(side, cmp.index(pair, side)?)))
        .fold(ThemeSet::EMPTY, ThemeSet::union)
}

/// One aligned pair: the row element around its content.
#[function_component(RowView)]
pub fn row_view(p: &RowProps) -> Html {
    let kind = p.cmp.0.pairs[p.pair].row.kind;
    // Computed on the first selection only (a page without a theme filter never scans), and
    // again for another comparison or pair: a row keeps its key when a reader's comparison
    // replaces the bundled drafts.
    let keywords = use_memo((p.cmp.clone(), p.pair), |_| OnceCell::new());
    let selected = if p.selected.is_empty() {
        ThemeSet::EMPTY
    } else {
        p.selected
            .intersection(*keywords.get_or_init(|| relevant(&p.cmp.0, p.pair)))
    };
    // The content does not depend on whether the row is shown: hiding it renders nothing.
    let content = RowProps {
        selected,
        shown: true,
        ..p.clone()
    };
    // The badge line is markup (`view::markup::meta`): its "also draws on" links name the
    // earlier provision they lead to, and following one focuses it in the view.
    let onclick = {
        let (d, cmp) = (p.dispatch.clone(), p.cmp.clone());
        Callback::from(move |e: MouseEvent| {
            let old = browser::target_attribute(&e, markup::DRAWS_ON).and_then(|v| v.parse::<usize>().ok());
            if let Some(o) = old.filter(|&o| o < cmp.0.old.provisions.len()) {
                e.prevent_default();
                d.dispatch(Action::Focus(cmp.0.old.anchor(o)));
            }
        })
    };
    html! {
        <div class={classes!("dd-row", format!("dd-kind-{}", kind_key(kind)), p.focused.is_some().then_some("dd-focused"))}
            data-kind={kind_key(kind)} hidden={!p.shown} {onclick}>
            <RowContent ..content />
        </div>
    }
}

/// What a row shows: badge line, provisions, notes.
#[function_component(RowContent)]
fn row_content(p: &RowProps) -> Html {
    let cmp = &p.cmp.0;
    let pair = &cmp.pairs[p.pair];
    let row = &pair.row;
    let kind = row.kind;

    let meta = raw(markup::meta(cmp, p.pair, p.revealed));

    // In a one-draft view the link may name the other draft: its counterpart takes the focus ring.
    let one_draft = matches!(p.view, View::Old | View::New);
    let cell = |side: Side| -> Html {
        let Some(index) = cmp.index(p.pair, side) else {
            return raw(markup::absent(side));
        };
        let doc = cmp.doc(side);
        let text = &doc.provisions[index].text;
        let pieces = side_pieces(pair.diff.as_ref(), side, text.len(), whole_change(kind));
        html! {
            <ProvisionView cmp={p.cmp.clone()} {side} {index} pieces={Text::Side(pieces)}
                tags={side_tags(cmp, p.pair, side)} selected={p.selected} query={p.query.clone()}
                focused={p.focused == Some(side) || (one_draft && p.focused.is_some())}
                passage={p.passage.clone().filter(|_| p.focused == Some(side))}
                dispatch={p.dispatch.clone()} host={p.host.clone()} />
        }
    };

    // Every view fills the same two slots, the earlier draft's then the later one's (one of them
    // empty in a one-cell view). Why: Yew matches an unkeyed list of a different length from its
    // end, so a one-cell row used to rebuild both provisions at every view switch; in fixed
    // slots a switch updates the provision in place (its text, label and classes).
    let (old_cell, new_cell) = match p.view {
        View::Side => (cell(Side::Old), cell(Side::New)),
        View::Old => (cell(Side::Old), Html::default()),
        View::New => (Html::default(), cell(Side::New)),
        View::Inline => match (&pair.diff, row.old, row.new) {
            (Some(diff), Some(_), Some(index)) => (
                Html::default(),
                html! {
                    <ProvisionView cmp={p.cmp.clone()} side={Side::New} {index} pieces={Text::Merged(inline_pieces(diff))}
                        tags={side_tags(cmp, p.pair, Side::Old).union(side_tags(cmp, p.pair, Side::New))}
                        selected={p.selected} query={p.query.clone()} focused={p.focused.is_some()}
                        passage={p.passage.clone()} dispatch={p.dispatch.clone()} host={p.host.clone()} />
                },
            ),
            (_, _, Some(_)) => (Html::default(), cell(Side::New)),
            _ => (cell(Side::Old), Html::default()),
        },
    };
    let one = (p.view != View::Side).then_some("dd-one");
    let body = html! { <div class={classes!("dd-cells", one)}>{ old_cell }{ new_cell }</div> };

    html! {
        <>
            { meta }
            { body }
            if p.notes { <PairNotes cmp={p.cmp.clone()} pair={p.pair} /> }
        </>
    }
}

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
use crate::{side_tags, Host, Shared};
use draftdiff_core::align::RowKind;
use draftdiff_core::compare::Side;
use draftdiff_core::diff::Change;
use draftdiff_core::link::{Anchor, Passage, View};
use draftdiff_core::segments::{inline_pieces, side_pieces};
use draftdiff_core::themes::ThemeSet;
use draftdiff_core::view::labels::{absent, kind_key, kind_label, similarity, word_counts, SIMILARITY_TITLE};
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
    html! {
        <div class={classes!("dd-row", format!("dd-kind-{}", kind_key(kind)), p.focused.is_some().then_some("dd-focused"))}
            data-kind={kind_key(kind)} hidden={!p.shown}>
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

    let focus_link = |anchor: Anchor| {
        let d = p.dispatch.clone();
        let href = format!("#{anchor}");
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            d.dispatch(Action::Focus(anchor.clone()));
        });
        (href, onclick)
    };
    let draws_on = row.also_draws_on.iter().map(|&o| {
        let anchor = cmp.old.anchor(o);
        let label = cmp.old.provisions[o].display_label();
        let (href, onclick) = focus_link(anchor);
        html! { <a class="dd-draws-on" {href} {onclick}>{ format!("{} {}", cmp.old.short_name(), label) }</a> }
    });
    let meta = html! {
        <div class="dd-row-meta">
            <span class={classes!("dd-badge", format!("dd-badge-{}", kind_key(kind)))}>{ kind_label(kind) }</span>
            if let Some(similar) = similarity(row) {
                <span class="dd-similarity" title={SIMILARITY_TITLE}>{ similar }</span>
            }
            if pair.diff.is_some() {
                <span class="dd-wordcount">{ word_counts(cmp.words(p.pair)) }</span>
            }
            if !row.also_draws_on.is_empty() {
                <span class="dd-draws">{ "Also draws on " }{ for draws_on }</span>
            }
            if p.revealed {
                <span class="dd-revealed">{ "Shown because the link points here; it does not carry the selected themes." }</span>
            }
        </div>
    };

    // In a one-draft view the link may name the other draft: its counterpart takes the focus ring.
    let one_draft = matches!(p.view, View::Old | View::New);
    let cell = |side: Side| -> Html {
        let Some(index) = cmp.index(p.pair, side) else {
            return html! { <div class="dd-prov dd-absent" aria-hidden="true"><p>{ absent(side) }</p></div> };
        };
        let doc = cmp.doc(side);
        let text = &doc.provisions[index].text;
        let whole = match kind {
            RowKind::Added => Change::Insert,
            RowKind::Dropped => Change::Delete,
            _ => Change::Equal,
        };
        let pieces = side_pieces(pair.diff.as_ref(), side, text.len(), whole);
        html! {
            <ProvisionView cmp={p.cmp.clone()} {side} {index} pieces={Text::Side(pieces)}
                tags={side_tags(cmp, p.pair, side)} selected={p.selected} query={p.query.clone()}
                focused={p.focused == Some(side) || (one_draft && p.focused.is_some())}
                passage={p.passage.clone().filter(|_| p.focused == Some(side))}
                dispatch={p.dispatch.clone()} host={p.host.clone()} />
        }
    };

    let body = match p.view {
        View::Side => html! { <div class="dd-cells">{ cell(Side::Old) }{ cell(Side::New) }</div> },
        View::Old => html! { <div class="dd-cells dd-one">{ cell(Side::Old) }</div> },
        View::New => html! { <div class="dd-cells dd-one">{ cell(Side::New) }</div> },
        View::Inline => match (&pair.diff, row.old, row.new) {
            (Some(diff), Some(_), Some(index)) => html! {
                <div class="dd-cells dd-one">
                    <ProvisionView cmp={p.cmp.clone()} side={Side::New} {index} pieces={Text::Merged(inline_pieces(diff))}
                        tags={side_tags(cmp, p.pair, Side::Old).union(side_tags(cmp, p.pair, Side::New))}
                        selected={p.selected} query={p.query.clone()} focused={p.focused.is_some()}
                        passage={p.passage.clone()} dispatch={p.dispatch.clone()} host={p.host.clone()} />
                </div>
            },
            (_, _, Some(_)) => html! { <div class="dd-cells dd-one">{ cell(Side::New) }</div> },
            _ => html! { <div class="dd-cells dd-one">{ cell(Side::Old) }</div> },
        },
    };

    html! {
        <>
            { meta }
            { body }
            if p.notes { <PairNotes cmp={p.cmp.clone()} pair={p.pair} /> }
        </>
    }
}

//! What every root component does for its host, whichever it is (the full [`crate::App`], or the
//! lean [`crate::CardApp`] of the card entry): open with the state the host named, lay out by
//! the widget's own width, adopt new props, and keep the URL or the host informed. One home for
//! each, so the two roots cannot drift apart.

use crate::store::{Action, Store};
use crate::AppProps;
use draftdiff_core::compare::Comparison;
use draftdiff_core::link::{self, Parsed};
use draftdiff_core::view::notice_for;
use draftdiff_core::view::state::{AppState, HistoryMode};
use draftdiff_core::view::Host;
use draftdiff_platform::browser;
use std::rc::Rc;
use yew::prelude::*;

/// The state a root opens with: the host's view, and a notice about what it could not follow
/// (none while a link's own comparison is still to be compared: it is judged once shown).
pub fn opening(cmp: &Comparison, initial: &Parsed, carried: bool) -> Store {
    Store(AppState {
        notice: if carried { None } else { notice_for(cmp, initial) },
        view: initial.state.clone(),
        history: HistoryMode::None,
        focus_serial: 1,
        ..AppState::default()
    })
}

/// Whether the widget is narrow. An element embed lays itself out by its own width (see
/// `browser::on_narrow`); pages and iframes have the window's width, which the stylesheet's
/// media queries follow.
#[hook]
pub fn use_narrow(root: &NodeRef, host: &Host) -> bool {
    let narrow = use_state_eq(|| false);
    {
        let (root, narrow, element) = (root.clone(), narrow.clone(), matches!(host, Host::Element { .. }));
        use_effect_with((), move |_| {
            let watch = element
                .then(|| browser::on_narrow(root.cast(), 40, move |n| narrow.set(n)))
                .flatten();
            move || drop(watch)
        });
    }
    *narrow
}

/// Props updated by the host (element `update()`): the state follows them.
#[hook]
pub fn use_adopted(props: &AppProps, store: &UseReducerHandle<Store>, cmp: &Rc<Comparison>) {
    let (dispatch, cmp, first) = (store.dispatcher(), cmp.clone(), use_mut_ref(|| true));
    use_effect_with(props.initial.clone(), move |initial| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            dispatch.dispatch(Action::FromUrl(initial.clone(), notice_for(&cmp, initial)));
        }
    });
}

/// Keeps the URL (a page's, an iframe's) or the host (an element's `draftdiff-navigate`
/// event) informed of every change the reader makes.
#[hook]
pub fn use_reported(props: &AppProps, store: &UseReducerHandle<Store>) {
    let (host, on_navigate) = (props.host.clone(), props.on_navigate.clone());
    use_effect_with((store.view.clone(), store.history), move |(view, history)| {
        let hash = link::format(view);
        match (&host, history) {
            (_, HistoryMode::None) => {}
            (Host::Page, HistoryMode::Push) => browser::push_hash(&hash),
            (Host::Page | Host::Frame { .. }, _) => browser::replace_hash(&hash),
            (Host::Element { .. }, _) => {}
        }
        if !matches!(history, HistoryMode::None) {
            if let Some(cb) = on_navigate {
                cb.emit(hash);
            }
        }
    });
}

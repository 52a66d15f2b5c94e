//! The one seam between Yew's reducer hook and the core's reducer: [`Store`] wraps the view
//! state so Yew can hold it, and its `reduce` only delegates.

pub use draftdiff_core::view::state::{Action, AppState};
use std::ops::Deref;
use std::rc::Rc;
use yew::{Reducible, UseReducerDispatcher};

/// The view state as Yew's `use_reducer` holds it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Store(pub AppState);

impl Deref for Store {
    type Target = AppState;
    fn deref(&self) -> &AppState {
        &self.0
    }
}

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.reduce(action)))
    }
}

/// What components get to change the state: they dispatch, they never mutate.
pub type Dispatch = UseReducerDispatcher<Store>;

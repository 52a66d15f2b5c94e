//! The keyboard shortcuts panel (`?` or the "Keyboard shortcuts" button), and its small state.
//! The key listener itself lives in `interop::keys`; the root component wires the two.

use crate::Host;
use draftdiff_platform::browser;
use draftdiff_platform::keys::{self, Shortcut};
use std::rc::Rc;
use yew::prelude::*;

/// The shortcuts, as listed to readers.
pub const SHORTCUTS: [(&str, &str); 5] = [
    ("j", "Next provision"),
    ("k", "Previous provision"),
    ("/", "Search both drafts"),
    ("?", "Show or hide this list"),
    ("Esc", "Close this list"),
];

/// Whether the panel is open. A reducer, so the key listener always toggles the current value.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Help(pub bool);

/// What the panel's state can be asked to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpAction {
    /// Open or close.
    Toggle,
    /// Close (no-op when closed).
    Close,
}

impl Reducible for Help {
    type Action = HelpAction;

    fn reduce(self: Rc<Self>, action: HelpAction) -> Rc<Self> {
        let open = match action {
            HelpAction::Toggle => !self.0,
            HelpAction::Close => false,
        };
        if open == self.0 {
            self
        } else {
            Rc::new(Help(open))
        }
    }
}

/// What the root component needs: whether the panel is open, and callbacks to toggle and close it.
pub struct ShortcutsHandle {
    /// The panel is open.
    pub open: bool,
    /// For the "Keyboard shortcuts" button.
    pub toggle: Callback<()>,
    /// For the panel's Close button and Escape.
    pub close: Callback<()>,
}

/// Listens for the shortcuts while the widget is mounted (see `interop::keys` for where it
/// listens per host) and keeps the panel's state. Closing the panel while it holds the focus
/// gives the focus back to the "Keyboard shortcuts" button.
#[hook]
pub fn use_shortcuts(root: &NodeRef, host: &Host) -> ShortcutsHandle {
    let help = use_reducer(Help::default);
    let act = {
        let (root, d) = (root.clone(), help.dispatcher());
        move |a: HelpAction| {
            if keys::focus_within(root.cast(), ".dd-shortcuts") {
                keys::focus_in(root.cast(), ".dd-keys-button");
            }
            d.dispatch(a);
        }
    };
    {
        let (root, host, act) = (root.clone(), host.clone(), act.clone());
        use_effect_with((), move |_| {
            let r = root.clone();
            let listener = keys::on_shortcut(root.cast(), &host, move |s| match s {
                Shortcut::Next => keys::step_provision(r.cast(), true),
                Shortcut::Previous => keys::step_provision(r.cast(), false),
                Shortcut::Search => keys::focus_search(r.cast()),
                Shortcut::Help => act(HelpAction::Toggle),
                Shortcut::Escape => act(HelpAction::Close),
            });
            move || drop(listener)
        });
    }
    ShortcutsHandle {
        open: help.0,
        toggle: {
            let act = act.clone();
            Callback::from(move |_| act(HelpAction::Toggle))
        },
        close: Callback::from(move |_| act(HelpAction::Close)),
    }
}

/// Properties of the panel.
#[derive(Properties, PartialEq, Clone)]
pub struct ShortcutsProps {
    /// Called by the Close button (Escape goes through the shortcut listener).
    pub on_close: Callback<()>,
}

/// The panel, rendered while open. It takes focus when it opens so screen readers read it.
#[function_component(ShortcutsPanel)]
pub fn shortcuts_panel(p: &ShortcutsProps) -> Html {
    let panel = use_node_ref();
    {
        let panel = panel.clone();
        use_effect_with((), move |_| {
            browser::focus(panel.cast());
        });
    }
    let close = {
        let c = p.on_close.clone();
        Callback::from(move |_| c.emit(()))
    };
    html! {
        <div class="dd-shortcuts" role="dialog" aria-modal="false" aria-labelledby="dd-keys-title" tabindex="-1" ref={panel}>
            <div class="dd-dialog-head">
                <h2 id="dd-keys-title">{ "Keyboard shortcuts" }</h2>
                <button type="button" class="dd-button" onclick={close}>{ "Close" }</button>
            </div>
            <dl class="dd-keys">
                { for SHORTCUTS.iter().map(|(k, what)| html! {
                    <div><dt><kbd>{ *k }</kbd></dt><dd>{ *what }</dd></div>
                }) }
            </dl>
            <p class="dd-keys-note">{ "They work while the comparison has the keyboard focus, and not while you type in a field or hold Ctrl, Alt or ⌘." }</p>
        </div>
    }
}

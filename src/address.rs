//! What a page's address (and its root element) says about how the widget opens: as the page or
//! in an iframe, with which colour scheme forced, at which view. One home for the full page
//! (`page.rs`) and the card page the card entry mounts in (`crates/card`), so an iframe opens the
//! same way whichever wasm it loaded.

use draftdiff_core::link::{self, Parsed};
use draftdiff_platform::{browser, scheme};
use draftdiff_ui::Host;

/// The page's query parameter `key`.
fn param(key: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(key)
}

/// Where the widget is shown: `?embed=1` (or the card page) is the compact iframe widget, named
/// by `?id=` for the host script that sizes it; anything else is the page.
pub fn host(root: &web_sys::Element) -> Host {
    let framed = root.has_attribute(draftdiff_core::embed::CARD_PAGE_ROOT)
        || matches!(param("embed").as_deref(), Some("1" | "true"));
    if framed {
        Host::Frame {
            instance: param("id").unwrap_or_default(),
        }
    } else {
        Host::Page
    }
}

/// Applies `?scheme=light|dark` (first spelt `?theme=`, still accepted), if the address forces one.
pub fn apply_scheme() {
    let forced = link::options::SCHEME_NAMES
        .iter()
        .find_map(|name| param(name))
        .and_then(|v| link::options::scheme(&v).ok());
    if forced.is_some() {
        scheme::apply(forced);
    }
}

/// The view the address names. A page per provision (`p/2015-7/`) names its provision on the
/// root; the hash may still carry the rest of the view (`#themes=…`), or another focus, which wins.
pub fn view(root: &web_sys::Element) -> Parsed {
    let mut parsed = link::parse(&browser::current_hash());
    if parsed.state.focus.is_none() {
        parsed.state.focus = root
            .get_attribute("data-provision")
            .and_then(|a| link::Anchor::parse(&a));
    }
    parsed
}

/// Empties the root of the static text the build put there, for the app that replaces it.
pub fn clear(root: &web_sys::Element) {
    while let Some(child) = root.first_child() {
        let _ = root.remove_child(&child);
    }
}

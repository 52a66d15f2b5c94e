//! The URL of one provision: the page of its own the build writes (`p/<anchor>/`), the state
//! that page forwards in its hash, and the standard text directive (`:~:text=…`, written by
//! `directive.rs`) that lets a browser without the app highlight a passage.
//!
//! One home for the path grammar: the build writes the folders with [`page_path`], the widget
//! links to them with [`page_link`], and a page finds the site it belongs to with
//! [`site_root`]; so a link the Share menu gives always names a folder the build wrote.

use super::directive::text_directive;
use super::hash::format;
use super::state::ViewState;
use super::Anchor;

/// The folder of a provision's page, relative to the site root: `p/2015-7/`.
///
/// ```
/// use draftdiff_core::link::{page_path, Anchor};
/// assert_eq!(page_path(&Anchor::parse("2011-letter-2").unwrap()), "p/2011-letter-2/");
/// ```
pub fn page_path(anchor: &Anchor) -> String {
    format!("p/{anchor}/")
}

/// The site root of a page's URL (ending in `/`): the URL without its query, hash, file name
/// and, for a provision's page, its `p/<anchor>/` folder. `https://h/dd/p/2015-7/index.html?x#y`
/// and `https://h/dd/index.html` both give `https://h/dd/`.
///
/// ```
/// use draftdiff_core::link::site_root;
/// assert_eq!(site_root("https://h.example/dd/p/2011-f/#2011-f"), "https://h.example/dd/");
/// assert_eq!(site_root("https://h.example/dd/index.html?embed=1"), "https://h.example/dd/");
/// assert_eq!(site_root("https://h.example/"), "https://h.example/");
/// ```
pub fn site_root(url: &str) -> String {
    let url = url.split(['#', '?']).next().unwrap_or_default();
    let folder = match url.rfind('/') {
        Some(i) => &url[..=i],
        None => return String::new(),
    };
    // `…/p/<anchor>/`: the anchor must be one (so a site that happens to live under a `p/`
    // folder of its own is left alone).
    let inner = &folder[..folder.len() - 1];
    if let Some(i) = inner.rfind('/') {
        if Anchor::parse(&inner[i + 1..]).is_some() && inner[..i].ends_with("/p") {
            return folder[..i - 1].to_string();
        }
    }
    folder.to_string()
}

/// The link to `state`'s provision on its own page under `root` (a site root ending in `/`,
/// see [`site_root`]): `root` + `p/<anchor>/`, then the rest of the view in the hash, and a
/// passage also as a browser text directive. `None` without a focus.
///
/// The hash leaves the focus out (the page names its provision) unless a passage needs it:
/// `text=` belongs to the focused provision, and the browser strips the directive (`:~:…`)
/// from `location.hash`, so the app reads the passage from our own `text=`.
///
/// ```
/// use draftdiff_core::link::{page_link, parse};
/// let root = "https://h.example/dd/";
/// assert_eq!(page_link(root, &parse("2015-7").state).unwrap(), "https://h.example/dd/p/2015-7/");
/// assert_eq!(
///     page_link(root, &parse("2015-7&themes=human-rights&view=inline").state).unwrap(),
///     "https://h.example/dd/p/2015-7/#themes=human-rights&view=inline"
/// );
/// assert_eq!(
///     page_link(root, &parse("2015-7&text=offline%20environment").state).unwrap(),
///     "https://h.example/dd/p/2015-7/#2015-7&text=offline%20environment:~:text=offline%20environment"
/// );
/// ```
pub fn page_link(root: &str, state: &ViewState) -> Option<String> {
    let anchor = state.focus.as_ref()?;
    let mut out = format!("{root}{}", page_path(anchor));
    let hash = if state.passage.is_some() {
        format(state)
    } else {
        format(&ViewState {
            focus: None,
            ..state.clone()
        })
    };
    if !hash.is_empty() {
        out.push('#');
        out.push_str(&hash);
    }
    if let Some(p) = &state.passage {
        out.push_str(&text_directive(p));
    }
    Some(out)
}

/// `hash` (as [`format()`] writes it) with `state`'s passage added as a browser text directive,
/// for a link to a page that is not a provision's own (the single file, a page without a
/// published address): `2015-7&text=…:~:text=…`.
///
/// ```
/// use draftdiff_core::link::{hash_with_directive, parse};
/// let state = parse("2015-7&text=offline%20environment").state;
/// assert_eq!(hash_with_directive(&state), "2015-7&text=offline%20environment:~:text=offline%20environment");
/// assert_eq!(hash_with_directive(&parse("2015-7").state), "2015-7");
/// ```
pub fn hash_with_directive(state: &ViewState) -> String {
    let mut out = format(state);
    if let Some(p) = &state.passage {
        out.push_str(&text_directive(p));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::parse;

    #[test]
    fn the_site_of_every_kind_of_page() {
        for (url, root) in [
            ("http://127.0.0.1:8080/index.html#2015-7", "http://127.0.0.1:8080/"),
            ("http://127.0.0.1:8080/p/2015-7/", "http://127.0.0.1:8080/"),
            (
                "http://127.0.0.1:8080/p/2015-pre-3/index.html#themes=x",
                "http://127.0.0.1:8080/",
            ),
            (
                "https://h.example/dd/index.html?embed=1&id=a#2015-7",
                "https://h.example/dd/",
            ),
            ("https://h.example/dd/", "https://h.example/dd/"),
            // A folder named p/ that is not a provision page is part of the site.
            ("https://h.example/p/blog/", "https://h.example/p/blog/"),
            ("https://h.example/x/2015-7/", "https://h.example/x/2015-7/"),
            ("file:///home/me/dist/draftdiff.html#2015-7", "file:///home/me/dist/"),
        ] {
            assert_eq!(site_root(url), root, "{url}");
        }
    }

    #[test]
    fn a_page_link_opens_the_same_view() {
        for hash in [
            "2015-7",
            "2011-f&themes=human-rights,sovereignty&match=all&view=inline&q=information%20weapons",
            "2015-7&text=not%20to%20use,communications%20technologies&open=letter,code&notes=off",
            "2015-pre-3&text=a%2Db%2Cc%26d",
        ] {
            let state = parse(hash).state;
            let link = page_link("https://h.example/", &state).unwrap();
            let (page, rest) = link.split_once('#').unwrap_or((&link, ""));
            assert_eq!(
                page,
                format!("https://h.example/{}", page_path(state.focus.as_ref().unwrap()))
            );
            // What the page's app reads: the hash (directive stripped), focus from the page.
            let mut seen = parse(rest).state;
            if seen.focus.is_none() {
                seen.focus = state.focus.clone();
            }
            assert_eq!(seen, state, "{link}");
            assert_eq!(rest.contains(":~:text="), state.passage.is_some(), "{link}");
        }
        assert_eq!(page_link("https://h.example/", &parse("view=old").state), None);
    }
}

//! Turns the page Trunk staged (`index.html`, with its `<template data-draftdiff="meta">` slot
//! in `<head>` and the empty `#draftdiff` root) into a finished page, the main one or a
//! provision's, with an HTML rewriter (`lol_html`) rather than string search, so attributes,
//! comments and scripts are recognised as what they are. The slots are elements, not comments,
//! because Trunk's release minifier drops comments.

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str};
use std::cell::Cell;

/// The slot in `<head>` where the link-preview tags go (replaced by them).
pub const META_SLOT: &str = r#"template[data-draftdiff="meta"]"#;

/// What one finished page holds.
pub struct Page<'a> {
    /// Prefix that leads from the page back to the site root (`""`, `"../../"`): every
    /// relative `href`/`src` of the template is rewritten with it.
    pub root: &'a str,
    /// `<title>`; `None` keeps the template's.
    pub title: Option<&'a str>,
    /// `<meta name="description">`; `None` keeps the template's.
    pub description: Option<&'a str>,
    /// Markup for the `<head>` marker (already relative to the page).
    pub head: &'a str,
    /// Markup for the (empty) `#draftdiff` root: the static comparison.
    pub body: &'a str,
    /// The provision the page is for: `data-provision` on `#draftdiff`.
    pub provision: Option<&'a str>,
}

/// Whether `url` is relative to the page (not absolute, root-relative, a fragment or data).
pub fn is_relative(url: &str) -> bool {
    let scheme = url
        .find(':')
        .is_some_and(|colon| !url[..colon].contains(['/', '?', '#']));
    !(url.is_empty() || scheme || url.starts_with('/') || url.starts_with('#'))
}

/// The finished page.
pub fn render(template: &str, page: &Page) -> Result<String, String> {
    let (found_meta, found_static) = (Cell::new(false), Cell::new(false));
    let rebase = |el: &mut lol_html::html_content::Element, name: &str| {
        if let Some(url) = el.get_attribute(name) {
            if is_relative(&url) && !page.root.is_empty() {
                let url = url.strip_prefix("./").unwrap_or(&url);
                el.set_attribute(name, &format!("{}{url}", page.root))?;
            }
        }
        Ok::<(), Box<dyn std::error::Error + Send + Sync>>(())
    };
    let out = rewrite_str(
        template,
        crate::html::rewriter(vec![
            // Trunk processes its `data-trunk` links; one it leaves (the rust link, without
            // href) is invalid HTML in the output.
            element!("link[data-trunk]", |el| {
                el.remove();
                Ok(())
            }),
            // Trunk's `integrity` on the stylesheet makes a browser refuse it from file:// (a
            // file has no CORS, so the hash cannot be checked), leaving the static text
            // unstyled; a file in the page's own folder gains nothing from it.
            element!(r#"link[rel="stylesheet"][integrity]"#, |el| {
                if el.get_attribute("href").is_some_and(|h| is_relative(&h)) {
                    el.remove_attribute("integrity");
                }
                Ok(())
            }),
            element!("[href]", |el| rebase(el, "href")),
            element!("[src]", |el| rebase(el, "src")),
            element!("title", |el| {
                if let Some(t) = page.title {
                    el.set_inner_content(t, ContentType::Text);
                }
                Ok(())
            }),
            element!(r#"meta[name="description"]"#, |el| {
                if let Some(d) = page.description {
                    el.set_attribute("content", d)?;
                }
                Ok(())
            }),
            element!("#draftdiff", |el| {
                if let Some(p) = page.provision {
                    el.set_attribute("data-provision", p)?;
                }
                el.set_inner_content(page.body, ContentType::Html);
                found_static.set(true);
                Ok(())
            }),
            element!(META_SLOT, |el| {
                el.replace(page.head, ContentType::Html);
                found_meta.set(true);
                Ok(())
            }),
        ]),
    )
    .map_err(|e| format!("index.html: {e}"))?;
    if !found_meta.get() {
        return Err(r#"index.html has no <template data-draftdiff="meta"> in <head>"#.to_string());
    }
    if !found_static.get() {
        return Err("index.html has no #draftdiff root".to_string());
    }
    Ok(out)
}

/// The card page (`embed.html`, `draftdiff_core::embed::CARD_PAGE`) made from the finished main
/// page: the same static text and stylesheet, but its start-up hints name the lean card entry
/// (`crates/card`) instead of the full widget, and its root says it is an iframe's page (the
/// loader then starts the card entry, which hands over to the full widget for a view that is no
/// card). Search engines are asked not to index it: it is the main page's text again.
pub fn card_page(main: &str) -> Result<String, String> {
    let swapped = Cell::new(0);
    let swap = |el: &mut lol_html::html_content::Element, from: &str, to: &str| {
        if let Some(href) = el.get_attribute("href").filter(|h| h.ends_with(from)) {
            let at = href.len() - from.len();
            el.set_attribute("href", &format!("{}{to}", &href[..at]))?;
            swapped.set(swapped.get() + 1);
        }
        Ok::<(), Box<dyn std::error::Error + Send + Sync>>(())
    };
    let framed = Cell::new(false);
    let out = rewrite_str(
        main,
        crate::html::rewriter(vec![
            element!(r#"link[rel="modulepreload"]"#, |el| swap(
                el,
                "draftdiff.js",
                "draftdiff-card.js"
            )),
            element!(r#"link[rel="preload"]"#, |el| swap(
                el,
                "draftdiff_bg.wasm",
                "draftdiff-card_bg.wasm"
            )),
            element!(r#"meta[name="description"]"#, |el| {
                el.after(r#"<meta name="robots" content="noindex">"#, ContentType::Html);
                Ok(())
            }),
            element!("#draftdiff", |el| {
                el.set_attribute(draftdiff_core::embed::CARD_PAGE_ROOT, "")?;
                framed.set(true);
                Ok(())
            }),
        ]),
    )
    .map_err(|e| format!("embed.html: {e}"))?;
    if swapped.get() != 2 || !framed.get() {
        return Err(
            "embed.html: index.html must have the glue's modulepreload, the wasm's preload and the #draftdiff root"
                .into(),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = r##"<!doctype html><html><head><title>T</title><meta name="description" content="D"><template data-draftdiff="meta"></template><link rel="icon" href="favicon.svg"><link rel="stylesheet" href="./draftdiff.css" integrity="sha384-x"><link data-trunk rel="rust" data-wasm-opt="z"><link rel="preload" href="draftdiff_bg.wasm"><script type="module" src="draftdiff-embed.js"></script><link rel="x" href="https://a.example/x"></head><body><a href="#top">top</a><div id="draftdiff" class="dd-root"></div></body></html>"##;

    fn page<'a>(root: &'a str, provision: Option<&'a str>) -> Page<'a> {
        Page {
            root,
            title: Some("2011 (f) → 2015 (7) & more"),
            description: Some("say \"this\""),
            head: r#"<meta property="og:title" content="x">"#,
            body: "<p>static</p>",
            provision,
        }
    }

    #[test]
    fn a_provision_page_is_rebased_marked_and_filled() {
        let out = render(TEMPLATE, &page("../../", Some("2015-7"))).unwrap();
        assert!(out.contains("<title>2011 (f) → 2015 (7) &amp; more</title>"));
        assert!(out.contains(r#"<meta name="description" content="say &quot;this&quot;">"#));
        assert!(out.contains(r#"<meta property="og:title" content="x">"#) && !out.contains("data-draftdiff"));
        assert!(out.contains(r#"<div id="draftdiff" class="dd-root" data-provision="2015-7"><p>static</p></div>"#));
        for url in [
            "../../favicon.svg",
            "../../draftdiff.css",
            "../../draftdiff_bg.wasm",
            "../../draftdiff-embed.js",
        ] {
            assert!(out.contains(&format!("\"{url}\"")), "{url}");
        }
        assert!(out.contains(r##"href="#top""##) && out.contains(r#"href="https://a.example/x""#));
        assert!(!out.contains("data-trunk"));
        assert!(
            !out.contains("integrity"),
            "file:// refuses a stylesheet it cannot check"
        );
    }

    #[test]
    fn the_main_page_keeps_its_urls_and_missing_markers_are_errors() {
        let out = render(TEMPLATE, &page("", None)).unwrap();
        assert!(out.contains(r#"href="./draftdiff.css""#) && !out.contains("data-provision"));
        assert!(render(
            &TEMPLATE.replace(r#"<div id="draftdiff" class="dd-root"></div>"#, ""),
            &page("", None)
        )
        .is_err());
        assert!(render(
            &TEMPLATE.replace(r#"<template data-draftdiff="meta"></template>"#, ""),
            &page("", None)
        )
        .is_err());
    }

    #[test]
    fn the_card_page_starts_the_card_entry() {
        let main = render(
            &TEMPLATE.replace(
                "<link rel=\"icon\"",
                "<link rel=\"modulepreload\" href=\"draftdiff.js\"><link rel=\"icon\"",
            ),
            &page("", None),
        )
        .unwrap();
        let card = card_page(&main).unwrap();
        assert!(
            card.contains(r#"<link rel="modulepreload" href="draftdiff-card.js">"#),
            "{card}"
        );
        assert!(
            card.contains(r#"<link rel="preload" href="draftdiff-card_bg.wasm">"#),
            "{card}"
        );
        assert!(!card.contains("\"draftdiff.js\"") && !card.contains("\"draftdiff_bg.wasm\""));
        assert!(
            card.contains(r#"<div id="draftdiff" class="dd-root" data-frame=""><p>static</p></div>"#),
            "{card}"
        );
        assert!(card.contains(r#"<meta name="robots" content="noindex">"#));
        // A page whose hints are not found is an error, not a card page that loads the full widget.
        assert!(card_page(&render(TEMPLATE, &page("", None)).unwrap()).is_err());
    }

    #[test]
    fn relative_urls_are_recognised() {
        for url in ["a.css", "./a.css", "../a", "p/x/?q=a:b", "x#y"] {
            assert!(is_relative(url), "{url}");
        }
        for url in ["", "/a", "#x", "https://a/b", "data:image/png;base64,", "mailto:x@y"] {
            assert!(!is_relative(url), "{url}");
        }
    }
}

//! What a page says about itself to link unfurlers and embedders: the title and description,
//! `rel=canonical`, Open Graph and Twitter card tags, the oEmbed discovery link, and the
//! oEmbed 1.0 response (`oembed.json`) that sits next to each page.
//!
//! Unfurlers and oEmbed consumers fetch from elsewhere, so they need absolute URLs: those come
//! from `DRAFTDIFF_PUBLIC_URL`. Without it the build still writes everything, with the URLs
//! relative where HTML allows that and the fields that must be absolute left out
//! (see docs/sharing.md).

use crate::html::escape;
use crate::prerender::pair_label;
use crate::preview::{pair_facts, H, W};
use draftdiff_core::align::RowKind;
use draftdiff_core::compare::{Comparison, Side};
use draftdiff_core::embed::snippets;
use draftdiff_core::link::{page_path, Anchor, ViewState};
use draftdiff_core::stats::Summary;
use serde_json::{json, Value};

/// Height of the iframe in the embed snippet (`embed::snippets`), the oEmbed `height`.
pub const EMBED_HEIGHT: u32 = 640;
/// The oEmbed `width`: the snippet fills its column (`width:100%`); this is a typical one.
pub const EMBED_WIDTH: u32 = 720;
/// How long consumers may cache a response (seconds): a day; a rebuild may change the text.
pub const CACHE_AGE: u32 = 86_400;

/// Where the site is published: an absolute URL ending in `/`, if the publisher said.
#[derive(Clone, Debug, Default)]
pub struct Site {
    pub base: Option<String>,
}

impl Site {
    /// From `DRAFTDIFF_PUBLIC_URL` (a trailing `/` is added; empty means unset).
    pub fn new(public_url: Option<String>) -> Site {
        let base = public_url
            .map(|b| b.trim().to_string())
            .filter(|b| !b.is_empty())
            .map(|b| if b.ends_with('/') { b } else { b + "/" });
        Site { base }
    }

    /// The absolute URL of `path` (relative to the site root), if the site's address is known.
    pub fn absolute(&self, path: &str) -> Option<String> {
        self.base.as_ref().map(|b| format!("{b}{path}"))
    }

    /// The one line the build prints when it cannot write absolute URLs.
    pub fn notice(&self) -> Option<&'static str> {
        self.base.is_none().then_some(
            "DRAFTDIFF_PUBLIC_URL is not set: canonical, og:image and oEmbed links are relative to each page, \
             og:url and oEmbed provider_url/thumbnail_* are left out, and the oEmbed html uses relative URLs \
             (set it to the published address, e.g. https://example.org/draftdiff/, for link previews and oEmbed)",
        )
    }
}

/// One shareable page: `path` is its folder relative to the site root (`""`, `p/2015-7/`).
#[derive(Clone, Debug)]
pub struct Share {
    pub path: String,
    /// The page that holds the same content and should be indexed (a pair has two anchors).
    pub canonical: String,
    pub title: String,
    pub description: String,
    pub image_alt: String,
    /// The view the embed snippet opens (a provision for per-provision pages).
    pub focus: Option<String>,
}

/// Shortens `text` to at most `max` characters at a word boundary, ending in "…" if cut.
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(at) if at > max / 2 => &cut[..at],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// The whole comparison (the main page).
pub fn main_share(cmp: &Comparison) -> Share {
    let s = Summary::of(cmp, 0..cmp.pairs.len());
    Share {
        path: String::new(),
        canonical: String::new(),
        title: format!(
            "{}: the {} and {} drafts compared",
            cmp.new.title, cmp.old.year, cmp.new.year
        ),
        description: format!(
            "{} ({}) and {} ({}), provision by provision: {}; +{} / −{} words. Every change marked word by word.",
            cmp.old.symbol,
            cmp.old.year,
            cmp.new.symbol,
            cmp.new.year,
            crate::preview::counts(&s),
            s.words_inserted,
            s.words_deleted
        ),
        image_alt:
            "Title, document symbols, counts of changed, new and unchanged provisions, and a bar per provision pair."
                .into(),
        focus: None,
    }
}

/// One side of one pair: the page `p/<anchor>/`.
pub fn pair_share(cmp: &Comparison, pair: usize, side: Side) -> Share {
    let anchor = cmp.anchor(pair, side).expect("the side exists");
    let primary = cmp.anchor(pair, Side::New).unwrap_or_else(|| anchor.clone());
    let (old, new) = (&cmp.old, &cmp.new);
    let label = pair_label(cmp, pair);
    let facts = pair_facts(cmp, pair);
    let kind = cmp.pairs[pair].row.kind;
    let what = match kind {
        RowKind::Unchanged => format!(
            "Unchanged from {} ({}) to {} ({}).",
            old.symbol, old.year, new.symbol, new.year
        ),
        RowKind::Changed | RowKind::Moved => format!(
            "{} from {} ({}) to {} ({}): {facts}.",
            if kind == RowKind::Moved {
                "Moved and changed"
            } else {
                "Changed"
            },
            old.symbol,
            old.year,
            new.symbol,
            new.year
        ),
        RowKind::Added => format!(
            "New in {} ({}); not in {} ({}).",
            new.symbol, new.year, old.symbol, old.year
        ),
        RowKind::Dropped => format!(
            "In {} ({}); dropped from {} ({}).",
            old.symbol, old.year, new.symbol, new.year
        ),
    };
    let text_side = if cmp.index(pair, Side::New).is_some() {
        Side::New
    } else {
        Side::Old
    };
    let text = &cmp.doc(text_side).provisions[cmp.index(pair, text_side).expect("side exists")].text;
    Share {
        path: page_path(&anchor),
        canonical: page_path(&primary),
        title: format!("{label}: {}", new.title),
        description: format!(
            "{what} “{}”",
            excerpt(text, 190usize.saturating_sub(what.len()).max(60))
        ),
        image_alt: format!(
            "{label}: the wording of both drafts, deletions struck through in red, insertions underlined in green."
        ),
        focus: Some(anchor.to_string()),
    }
}

/// `target` (relative to the site root) as seen from the page in folder `from`: absolute when
/// the site's address is known, else the shortest relative URL (`preview.png`, `../2015-7/`).
fn url_from(site: &Site, from: &str, target: &str) -> String {
    if let Some(abs) = site.absolute(target) {
        return abs;
    }
    let from: Vec<&str> = from.split_terminator('/').collect();
    let to: Vec<&str> = target.split('/').collect();
    let common = from
        .iter()
        .zip(&to)
        .take_while(|(a, b)| a == b)
        .count()
        .min(to.len() - 1);
    let rel = format!("{}{}", "../".repeat(from.len() - common), to[common..].join("/"));
    if rel.is_empty() {
        "./".into()
    } else {
        rel
    }
}

/// The tags for the page's `<head>`.
pub fn head_tags(share: &Share, site: &Site) -> String {
    let canonical = url_from(site, &share.path, &share.canonical);
    let image = url_from(site, &share.path, &format!("{}preview.png", share.path));
    let oembed = url_from(site, &share.path, &format!("{}oembed.json", share.path));
    let og_url = site.absolute(&share.canonical);
    let mut meta: Vec<(&str, &str, &str)> = vec![
        ("property", "og:type", "website"),
        ("property", "og:site_name", "draftdiff"),
        ("property", "og:title", &share.title),
        ("property", "og:description", &share.description),
    ];
    if let Some(u) = &og_url {
        meta.push(("property", "og:url", u));
    }
    let (w, h) = (W.to_string(), H.to_string());
    meta.extend([
        ("property", "og:image", image.as_str()),
        ("property", "og:image:type", "image/png"),
        ("property", "og:image:width", &w),
        ("property", "og:image:height", &h),
        ("property", "og:image:alt", &share.image_alt),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", &share.title),
        ("name", "twitter:description", &share.description),
        ("name", "twitter:image", &image),
        ("name", "twitter:image:alt", &share.image_alt),
    ]);
    let mut tags = vec![format!(r#"<link rel="canonical" href="{}">"#, escape(&canonical))];
    tags.extend(
        meta.iter()
            .map(|(attr, key, value)| format!("<meta {attr}=\"{key}\" content=\"{}\">", escape(value))),
    );
    tags.push(format!(
        r#"<link rel="alternate" type="application/json+oembed" href="{}" title="{}">"#,
        escape(&oembed),
        escape(&share.title)
    ));
    tags.join("\n  ")
}

/// The oEmbed 1.0 response for the page (`type: rich`: the iframe snippet of its view).
pub fn oembed(share: &Share, site: &Site) -> Value {
    let state = ViewState {
        focus: share.focus.as_deref().and_then(Anchor::parse),
        ..ViewState::default()
    };
    let instance = match &share.focus {
        Some(a) => format!("draftdiff-{a}"),
        None => "draftdiff".into(),
    };
    let snippet = snippets(site.base.as_deref().unwrap_or(""), &state, &instance);
    let mut out = json!({
        "version": "1.0",
        "type": "rich",
        "title": share.title,
        "provider_name": "draftdiff",
        "html": snippet.iframe,
        "width": EMBED_WIDTH,
        "height": EMBED_HEIGHT,
        "cache_age": CACHE_AGE,
    });
    if let (Some(base), Some(thumb)) = (&site.base, site.absolute(&format!("{}preview.png", share.path))) {
        out["provider_url"] = json!(base);
        out["thumbnail_url"] = json!(thumb);
        out["thumbnail_width"] = json!(W);
        out["thumbnail_height"] = json!(H);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp() -> Comparison {
        Comparison::bundled()
    }

    fn site() -> Site {
        Site::new(Some("https://example.org/dd".into()))
    }

    #[test]
    fn a_provision_page_is_named_for_its_pair() {
        let c = cmp();
        let pair = c
            .pair_of_anchor(&draftdiff_core::link::Anchor::parse("2015-7").unwrap())
            .unwrap();
        let s = pair_share(&c, pair, Side::Old);
        assert_eq!(s.path, "p/2011-f/");
        assert_eq!(
            s.canonical, "p/2015-7/",
            "both anchors of a pair name one canonical page"
        );
        assert_eq!(
            s.title,
            "2011 (f) → 2015 (7): International code of conduct for information security"
        );
        assert!(s
            .description
            .starts_with("Changed from A/66/359 (2011) to A/69/723 (2015): "));
        assert!(s.description.contains("% similar") && s.description.contains("“"));
        assert!(s.description.chars().count() <= 260, "{}", s.description);
        let ten = pair_share(
            &c,
            c.pair_of_anchor(&draftdiff_core::link::Anchor::parse("2015-10").unwrap())
                .unwrap(),
            Side::New,
        );
        assert!(ten.title.starts_with("2015 (10): ") && ten.description.starts_with("New in A/69/723 (2015)"));
    }

    #[test]
    fn tags_are_absolute_with_a_public_url_and_relative_without() {
        let c = cmp();
        let s = pair_share(
            &c,
            c.pair_of_anchor(&draftdiff_core::link::Anchor::parse("2015-7").unwrap())
                .unwrap(),
            Side::New,
        );
        let abs = head_tags(&s, &site());
        assert!(abs.contains(r#"<link rel="canonical" href="https://example.org/dd/p/2015-7/">"#));
        assert!(abs.contains(r#"<meta property="og:image" content="https://example.org/dd/p/2015-7/preview.png">"#));
        assert!(abs.contains(r#"<meta property="og:url" content="https://example.org/dd/p/2015-7/">"#));
        assert!(abs.contains(r#"href="https://example.org/dd/p/2015-7/oembed.json""#));
        assert!(abs.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
        let rel = head_tags(&s, &Site::default());
        assert!(rel.contains(r#"<meta property="og:image" content="preview.png">"#));
        assert!(rel.contains(r#"<link rel="canonical" href="./">"#));
        assert!(rel.contains(r#"type="application/json+oembed" href="oembed.json""#));
        assert!(!rel.contains("og:url"));
        let other = pair_share(
            &c,
            c.pair_of_anchor(&draftdiff_core::link::Anchor::parse("2015-7").unwrap())
                .unwrap(),
            Side::Old,
        );
        assert!(head_tags(&other, &Site::default()).contains(r#"<link rel="canonical" href="../2015-7/">"#));
        let main = head_tags(&main_share(&c), &Site::default());
        assert!(main.contains(r#"content="preview.png""#) && main.contains(r#"href="oembed.json""#));
        assert!(Site::default().notice().is_some() && site().notice().is_none());
    }

    #[test]
    fn oembed_has_the_spec_fields_and_absolute_urls() {
        let c = cmp();
        let s = pair_share(
            &c,
            c.pair_of_anchor(&draftdiff_core::link::Anchor::parse("2015-7").unwrap())
                .unwrap(),
            Side::New,
        );
        let o = oembed(&s, &site());
        assert_eq!(o["version"], "1.0");
        assert_eq!(o["type"], "rich");
        assert_eq!(o["provider_url"], "https://example.org/dd/");
        assert_eq!(o["thumbnail_url"], "https://example.org/dd/p/2015-7/preview.png");
        assert_eq!(
            (o["thumbnail_width"].as_u64(), o["thumbnail_height"].as_u64()),
            (Some(1200), Some(630))
        );
        let html = o["html"].as_str().unwrap();
        assert!(html.contains(r#"src="https://example.org/dd/embed.html?id=draftdiff-2015-7#2015-7""#));
        assert!(html.contains(r#"<script src="https://example.org/dd/draftdiff-host.js" defer></script>"#));
        assert!(
            html.contains(&format!("height:{EMBED_HEIGHT}px")),
            "the height field matches the snippet"
        );
        let bare = oembed(&s, &Site::default());
        assert!(bare.get("thumbnail_url").is_none() && bare.get("provider_url").is_none());
        assert!(bare["html"].as_str().unwrap().contains(r#"src="embed.html?id="#));
    }

    #[test]
    fn excerpts_cut_at_words() {
        assert_eq!(excerpt("a  b\nc", 10), "a b c");
        assert_eq!(excerpt("one two three four", 12), "one two…");
    }
}

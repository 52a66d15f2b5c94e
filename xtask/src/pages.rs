//! `p/<anchor>/`: a page of its own for every provision of both drafts, with its preview card
//! and oEmbed response, so one provision can be linked, unfurled and embedded by itself.
//!
//! The two anchors of a pair (`p/2011-f/`, `p/2015-7/`) show the same pair and share one card
//! (drawn once); each page marks its own provision (`data-provision`, the focus ring).

use crate::canvas::Fonts;
use crate::page::{self, Page};
use crate::prerender;
use crate::preview::{pair_facts, pair_image};
use crate::share::{self, Site};
use draftdiff_core::compare::{Comparison, Side};
use draftdiff_core::link::{page_path, Anchor};
use std::fs;
use std::path::Path;

/// Everything one provision's folder holds.
pub struct Files {
    /// The provision; its folder is `link::page_path` of it, the path the widget links to.
    pub anchor: Anchor,
    pub html: String,
    pub oembed: String,
}

/// The page and oEmbed response of one side of a pair.
pub fn files(template: &str, cmp: &Comparison, site: &Site, pair: usize, side: Side) -> Result<Files, String> {
    let share = share::pair_share(cmp, pair, side);
    let anchor = cmp.anchor(pair, side).expect("the side exists");
    let back = format!("../../index.html#{anchor}");
    let provision = anchor.to_string();
    let facts = {
        let (badge, _, _) = crate::preview::badge(cmp.pairs[pair].row.kind);
        let facts = pair_facts(cmp, pair);
        if facts.is_empty() {
            badge.to_string()
        } else {
            format!("{badge} · {facts}")
        }
    };
    let html = page::render(
        template,
        &Page {
            root: "../../",
            title: Some(&share.title),
            description: Some(&share.description),
            head: &share::head_tags(&share, site),
            body: &prerender::pair(cmp, pair, side, &back, &facts),
            provision: Some(&provision),
        },
    )?;
    let oembed = serde_json::to_string_pretty(&share::oembed(&share, site)).map_err(|e| e.to_string())?;
    Ok(Files { anchor, html, oembed })
}

/// Writes `p/<anchor>/{index.html,preview.png,oembed.json}` for every provision; returns how
/// many pages and the total bytes of the cards. Cards are drawn on every core.
pub fn write_all(
    dir: &Path,
    template: &str,
    cmp: &Comparison,
    site: &Site,
    fonts: &Fonts,
) -> Result<(usize, usize), String> {
    let pairs: Vec<usize> = (0..cmp.pairs.len()).collect();
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(pairs.len().max(1));
    let chunk = pairs.len().div_ceil(workers).max(1);
    let results: Vec<Result<(usize, usize), String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = pairs
            .chunks(chunk)
            .map(|mine| {
                scope.spawn(move || {
                    let (mut pages, mut bytes) = (0, 0);
                    for &pair in mine {
                        let card = pair_image(fonts, cmp, pair)?;
                        for side in [Side::Old, Side::New] {
                            if cmp.index(pair, side).is_none() {
                                continue;
                            }
                            let f = files(template, cmp, site, pair, side)?;
                            let folder = dir.join(page_path(&f.anchor));
                            let io = |e: std::io::Error| format!("{}: {e}", folder.display());
                            fs::create_dir_all(&folder).map_err(io)?;
                            fs::write(folder.join("index.html"), &f.html).map_err(io)?;
                            fs::write(folder.join("oembed.json"), &f.oembed).map_err(io)?;
                            fs::write(folder.join("preview.png"), &card).map_err(io)?;
                            pages += 1;
                            bytes += card.len();
                        }
                    }
                    Ok((pages, bytes))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|_| Err("a card worker panicked".into())))
            .collect()
    });
    results
        .into_iter()
        .try_fold((0, 0), |(p, b), r| r.map(|(p2, b2)| (p + p2, b + b2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = r#"<!doctype html><html lang="en"><head><title>T</title><meta name="description" content="D"><template data-draftdiff="meta"></template><link rel="stylesheet" href="draftdiff.css"><script type="module" src="draftdiff-embed.js"></script></head><body><div id="draftdiff" class="dd-root"></div></body></html>"#;

    #[test]
    fn every_provision_of_both_drafts_gets_its_own_page() {
        let cmp = Comparison::bundled();
        let mut anchors = Vec::new();
        for pair in 0..cmp.pairs.len() {
            for side in [Side::Old, Side::New] {
                if cmp.index(pair, side).is_some() {
                    let f = files(TEMPLATE, &cmp, &Site::default(), pair, side).unwrap();
                    assert!(f.html.contains(&format!(r#"data-provision="{}""#, f.anchor)));
                    assert!(f.html.contains(&format!(r#"id="{}""#, f.anchor)));
                    assert!(f.html.contains(r#"href="../../draftdiff.css""#));
                    assert_eq!(page_path(&f.anchor), format!("p/{}/", f.anchor));
                    anchors.push(f.anchor.to_string());
                }
            }
        }
        assert_eq!(anchors.len(), cmp.old.provisions.len() + cmp.new.provisions.len());
        for a in ["2015-7", "2011-f", "2015-pre-3", "2015-code-chapeau", "2015-10"] {
            assert!(anchors.iter().any(|x| x == a), "{a}");
        }
    }

    #[test]
    fn a_page_names_its_provision_in_every_tag() {
        let cmp = Comparison::bundled();
        let pair = cmp
            .pair_of_anchor(&draftdiff_core::link::Anchor::parse("2011-f").unwrap())
            .unwrap();
        let f = files(TEMPLATE, &cmp, &Site::default(), pair, Side::Old).unwrap();
        assert!(f
            .html
            .contains("<title>2011 (f) → 2015 (7): International code of conduct for information security</title>"));
        assert!(f.html.contains(r#"<meta property="og:image" content="preview.png">"#));
        assert!(f.html.contains(r#"<a href="../../index.html#2011-f">"#));
        let o: serde_json::Value = serde_json::from_str(&f.oembed).unwrap();
        assert!(o["html"].as_str().unwrap().contains("#2011-f"));
    }
}

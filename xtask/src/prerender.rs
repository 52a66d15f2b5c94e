//! The comparison as static HTML, written into the pages at build time.
//!
//! Readers see the text before the wasm has started (and without JavaScript at all), and a
//! deep link such as `#2015-7` lands at once because every provision already carries its public
//! id. The app replaces this markup when it mounts, so the rows here are the app's rows, element
//! for element (`crates/ui/src/row.rs`, `provision.rs`, `notes.rs`). Their static parts (the
//! badge line, a provision's status, text and theme tags, the notes) come from the very
//! functions the app has the browser parse (`view::markup`); the elements around them (row,
//! provision, its header and Share) are written here as the app's components write them, with
//! the words from the core's view layer (`view::labels`, `view::side_tags`). Same markup, same
//! size: when the app takes over nothing grows, so it paints no larger text than the reader
//! already has (no second largest-contentful-paint) and the reader's place holds.
//! Controls that need the wasm (a part's toggle, the toolbar) are not written; Share holds the
//! provision's link, which works without it.

use crate::html::escape;
use draftdiff_core::compare::{Comparison, Side};
use draftdiff_core::segments::{layer, side_pieces, whole_change, Segment};
use draftdiff_core::view::labels::{kind_key, part_count, provision_aria_label};
use draftdiff_core::view::{markup, side_tags};
use std::fmt::Write;

/// The wording of one side of a pair, cut where it changes: what the static cells and the
/// preview cards mark. `None` where the pair has no provision on that side.
pub fn side_segments(cmp: &Comparison, pair: usize, side: Side) -> Option<Vec<Segment>> {
    let index = cmp.index(pair, side)?;
    let p = &cmp.pairs[pair];
    let prov = &cmp.doc(side).provisions[index];
    let pieces = side_pieces(p.diff.as_ref(), side, prov.text.len(), whole_change(p.row.kind));
    Some(layer(&pieces, |_| &prov.text, |_| &[]))
}

/// How a provision and a pair are named: the app's own labels (one home, in the core's view layer).
pub use draftdiff_core::view::labels::{pair_title as pair_label, provision_name as label};

/// A provision, as `ProvisionView` renders it in the side-by-side view.
fn cell(cmp: &Comparison, pair: usize, side: Side, focus: Option<Side>) -> String {
    let (Some(index), Some(segments)) = (cmp.index(pair, side), side_segments(cmp, pair, side)) else {
        return markup::absent(side);
    };
    let doc = cmp.doc(side);
    let prov = &doc.provisions[index];
    let anchor = doc.anchor(index).to_string();
    let status = prov.status.map(markup::status).unwrap_or_default();
    let body = markup::body(&segments, side_tags(cmp, pair, side));
    format!(
        concat!(
            r#"<article class="dd-prov dd-side-{side}{focus}" id="{id}" tabindex="-1" aria-label="{aria}">"#,
            r#"<header class="dd-prov-head"><span class="dd-label">{label}</span>{status}"#,
            r#"<details class="dd-share"><summary aria-label="Share {short}">Share</summary>"#,
            r##"<div class="dd-share-menu"><a class="dd-button" href="#{id}">Link</a></div></details></header>"##,
            r#"{body}</article>"#
        ),
        side = if side == Side::Old { "old" } else { "new" },
        focus = if focus == Some(side) { " dd-focus" } else { "" },
        id = escape(&anchor),
        aria = escape(&provision_aria_label(doc, index)),
        label = escape(&label(doc, index)),
        short = escape(&prov.display_label()),
        status = status,
        body = body,
    )
}

/// One aligned pair, as `RowView` renders it side by side with the notes shown (the defaults).
fn row(cmp: &Comparison, pair: usize, focus: Option<Side>) -> String {
    let kind = kind_key(cmp.pairs[pair].row.kind);
    format!(
        r#"<div class="dd-row dd-kind-{kind}{focused}" data-kind="{kind}">{meta}<div class="dd-cells">{old}{new}</div>{notes}</div>"#,
        focused = if focus.is_some() { " dd-focused" } else { "" },
        meta = markup::meta(cmp, pair, false),
        old = cell(cmp, pair, Side::Old, focus),
        new = cell(cmp, pair, Side::New, focus),
        notes = markup::notes(cmp, pair),
    )
}

/// The app's header: title, the documents, and what is known about them.
fn header(cmp: &Comparison) -> String {
    format!(
        r#"<header class="dd-header">{}</header>"#,
        markup::provenance(cmp, true, false)
    )
}

/// The app's closing provenance line.
fn footer(cmp: &Comparison) -> String {
    format!(r#"<footer class="dd-footer">{}</footer>"#, markup::closing(cmp))
}

const LOADING: &str = r#"<p class="dd-loading">Loading the interactive comparison…</p>"#;

/// The whole comparison, side by side, as one `<div class="dd-static">`.
pub fn comparison(cmp: &Comparison) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<div class="dd-static">{}{LOADING}<main class="dd-main" id="dd-main" tabindex="-1"><p class="dd-count">Showing all {} aligned pairs.</p>"#,
        header(cmp),
        cmp.pairs.len()
    );
    // Parts the app opens collapsed are collapsed here too, the same way: their text is on the
    // page but hidden until found, so find-in-page and text fragments reach it before the wasm
    // starts (the browser reveals the part; the app then opens it). `data-until-found` tells the
    // app which parts were collapsed, so a revealed one stays open when it takes over.
    let open = draftdiff_core::link::ViewState::default().open;
    for (part, pairs) in cmp.sections() {
        let key = part.key();
        let is_open = open.contains(&part);
        let _ = write!(
            out,
            concat!(
                r#"<section class="dd-part dd-part-{key}" aria-labelledby="dd-part-{key}"><h2 id="dd-part-{key}">"#,
                r#"<span class="dd-part-toggle{open}"><span class="dd-chevron" aria-hidden="true"></span>{heading}"#,
                r#"<span class="dd-part-count">{count}</span></span></h2>"#
            ),
            key = key,
            open = if is_open { " dd-open" } else { "" },
            heading = escape(part.heading()),
            count = part_count(pairs.len(), pairs.len()),
        );
        let _ = if is_open {
            write!(out, r#"<div class="dd-part-body" data-part="{key}">"#)
        } else {
            write!(
                out,
                r#"<div class="dd-part-body" data-part="{key}" data-until-found="" hidden="until-found">"#
            )
        };
        for pair in pairs {
            out.push_str(&row(cmp, pair, None));
        }
        out.push_str("</div></section>");
    }
    out.push_str("</main>");
    out.push_str(&footer(cmp));
    out.push_str("</div>");
    out
}

/// One aligned pair on its own page (`p/<anchor>/`): its name, what changed, both wordings,
/// and a link back to the full comparison at that provision (`back`, relative to the page).
pub fn pair(cmp: &Comparison, pair: usize, focus: Side, back: &str, facts: &str) -> String {
    let part = cmp.pairs[pair].row.part;
    format!(
        concat!(
            r#"<div class="dd-static"><p class="dd-back"><a href="{back}">← {doc}: the full comparison</a></p>"#,
            r#"<h1 class="dd-title">{title}</h1>{versions}<p class="dd-facts">{facts}</p>{LOADING}"#,
            r#"<main class="dd-main" id="dd-main" tabindex="-1"><section class="dd-part dd-part-{key}"><h2>{part}</h2>{row}</section></main>{footer}</div>"#
        ),
        back = escape(back),
        doc = escape(&cmp.new.title),
        title = escape(&pair_label(cmp, pair)),
        versions = markup::versions(cmp),
        facts = escape(facts),
        LOADING = LOADING,
        key = part.key(),
        part = escape(part.heading()),
        row = row(cmp, pair, Some(focus)),
        footer = footer(cmp),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use draftdiff_core::view::labels::{similarity, word_counts, SIMILARITY_TITLE};

    fn cmp() -> Comparison {
        Comparison::bundled()
    }

    fn article<'h>(html: &'h str, id: &str) -> &'h str {
        html.split(&format!(r#"id="{id}""#))
            .nth(1)
            .unwrap()
            .split("</article>")
            .next()
            .unwrap()
    }

    #[test]
    fn every_provision_has_its_public_id_and_the_redline_is_marked() {
        let cmp = cmp();
        let html = comparison(&cmp);
        for doc in [&cmp.old, &cmp.new] {
            for i in 0..doc.provisions.len() {
                assert!(
                    html.contains(&format!(r#"id="{}""#, doc.anchor(i))),
                    "{}",
                    doc.anchor(i)
                );
            }
        }
        let b = article(&html, "2011-b");
        assert!(b.contains("<del>") && b.contains("information weapons"));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn collapsed_parts_are_hidden_until_found_like_the_apps() {
        let cmp = cmp();
        let html = comparison(&cmp);
        for key in ["letter", "preamble", "purpose"] {
            assert!(
                html.contains(&format!(
                    r#"data-part="{key}" data-until-found="" hidden="until-found">"#
                )),
                "{key}"
            );
        }
        assert!(html.contains(r#"<div class="dd-part-body" data-part="code"><div class="dd-row dd-kind-"#));
        assert_eq!(html.matches(r#"hidden="until-found""#).count(), 3);
        assert!(
            article(&html, "2011-pre-2").contains("Recalling its resolutions"),
            "the text stays in the page"
        );
    }

    #[test]
    fn rows_carry_what_the_apps_rows_carry() {
        let cmp = cmp();
        let html = comparison(&cmp);
        // The row of (f) → (7): kind, similarity and word counts, as the app's badge line.
        let p = cmp
            .pair_of_anchor(&draftdiff_core::link::Anchor::parse("2015-7").unwrap())
            .unwrap();
        let row_start = html.find(r#"id="2011-f""#).unwrap();
        let row = &html[html[..row_start].rfind(r#"<div class="dd-row "#).unwrap()..];
        let meta = format!(
            r#"<div class="dd-row-meta"><span class="dd-badge dd-badge-changed">Changed</span><span class="dd-similarity" title="{SIMILARITY_TITLE}">{}</span><span class="dd-wordcount">{}</span>"#,
            similarity(&cmp.pairs[p].row).unwrap(),
            word_counts(cmp.words(p))
        );
        assert!(
            row.starts_with(&format!(
                r#"<div class="dd-row dd-kind-changed" data-kind="changed">{meta}"#
            )),
            "{}",
            &row[..400]
        );
        // Each provision: its header with status and Share, its text, its tags.
        let a = article(&html, "2015-7");
        assert!(a.contains(r#"aria-label="A/69/723 (7)""#), "{a}");
        assert!(a.contains(r#"<span class="dd-visually-hidden">Transcription: </span>"#));
        assert!(a.contains(r#"<details class="dd-share"><summary aria-label="Share (7)">Share</summary>"#));
        assert!(
            a.contains(r#"</p><ul class="dd-tags" aria-label="Themes"><li class="dd-tag dd-accent-"#),
            "{a}"
        );
        // A pair with one side: the empty cell says which draft lacks it.
        assert!(html
            .contains(r#"<div class="dd-prov dd-absent" aria-hidden="true"><p>Not in the earlier draft.</p></div>"#));
        // The notes, under their pairs, with the app's ids.
        assert!(html.contains(r#"<details class="dd-note" id="note-"#));
        assert_eq!(html.matches("<h1").count(), 1);
    }

    #[test]
    fn ids_are_unique() {
        let cmp = cmp();
        let p = cmp
            .pair_of_anchor(&draftdiff_core::link::Anchor::parse("2015-7").unwrap())
            .unwrap();
        for html in [
            comparison(&cmp),
            pair(&cmp, p, Side::New, "../../index.html#2015-7", "Changed"),
        ] {
            let mut ids: Vec<&str> = html
                .split(r#" id=""#)
                .skip(1)
                .map(|s| s.split('"').next().unwrap())
                .collect();
            let n = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), n, "duplicate ids");
            // Every provision shown carries its id, and the main region its own: the check saw them all.
            assert!(n > html.matches("<article").count(), "{n} ids");
        }
    }

    #[test]
    fn labels_are_the_apps_labels() {
        let cmp = cmp();
        let html = comparison(&cmp);
        assert!(article(&html, "2015-code-chapeau").contains(r#"<span class="dd-label">2015 Chapeau</span>"#));
        assert!(article(&html, "2015-pre-3").contains(">2015 Preamble ¶3<"));
        assert!(article(&html, "2015-7").contains(">2015 (7)<"));
        assert!(!html.contains("code chapeau") && !html.contains(">2015 pre 3<"));
        assert_eq!(
            pair_label(
                &cmp,
                cmp.pair_of_anchor(&draftdiff_core::link::Anchor::parse("2015-7").unwrap())
                    .unwrap()
            ),
            "2011 (f) → 2015 (7)"
        );
    }

    #[test]
    fn a_pair_page_holds_that_pair_only_and_links_back() {
        let cmp = cmp();
        let p = cmp
            .pair_of_anchor(&draftdiff_core::link::Anchor::parse("2015-7").unwrap())
            .unwrap();
        let html = pair(&cmp, p, Side::New, "../../index.html#2015-7", "Changed");
        assert!(html.contains(r#"id="2015-7""#) && html.contains(r#"id="2011-f""#));
        assert!(html.contains(r#"class="dd-prov dd-side-new dd-focus" id="2015-7""#));
        assert!(html.contains(r#"<div class="dd-row dd-kind-changed dd-focused" data-kind="changed">"#));
        assert_eq!(html.matches("<article").count(), 2);
        assert!(html.contains(r#"<a href="../../index.html#2015-7">"#));
        assert!(html.contains("<h1 class=\"dd-title\">2011 (f) → 2015 (7)</h1>"));
        assert!(html.contains("<ins>") || html.contains("<del>"));
    }
}

//! The comparison as static HTML, written into the pages at build time.
//!
//! Readers see the text before the wasm has started (and without JavaScript at all), and a
//! deep link such as `#2015-7` lands at once because every provision already carries its public
//! id. The app replaces this markup when it mounts; the structure mirrors the side-by-side view
//! and the labels are the app's own (`Provision::display_label`, `Document::short_name`).

use crate::html::escape;
use draftdiff_core::align::RowKind;
use draftdiff_core::compare::{Comparison, Side};
use draftdiff_core::corpus::Document;
use draftdiff_core::diff::Change;
use draftdiff_core::segments::{layer, side_pieces, Segment};
use std::fmt::Write;

/// The wording of one side of a pair, cut where it changes: what the static cells and the
/// preview cards mark. `None` where the pair has no provision on that side.
pub fn side_segments(cmp: &Comparison, pair: usize, side: Side) -> Option<Vec<Segment>> {
    let index = cmp.index(pair, side)?;
    let p = &cmp.pairs[pair];
    let prov = &cmp.doc(side).provisions[index];
    let whole = match p.row.kind {
        RowKind::Added => Change::Insert,
        RowKind::Dropped => Change::Delete,
        _ => Change::Equal,
    };
    let pieces = side_pieces(p.diff.as_ref(), side, prov.text.len(), whole);
    Some(layer(&pieces, |_| &prov.text, |_| &[]))
}

/// How a provision and a pair are named: the app's own labels (one home, in the core's view layer).
pub use draftdiff_core::view::labels::{pair_title as pair_label, provision_name as label};

fn cell(cmp: &Comparison, pair: usize, side: Side, focus: Option<Side>) -> String {
    let (Some(index), Some(segments)) = (cmp.index(pair, side), side_segments(cmp, pair, side)) else {
        return r#"<div class="dd-prov dd-absent" aria-hidden="true"></div>"#.to_string();
    };
    let doc = cmp.doc(side);
    let mut text = String::new();
    for s in segments {
        let t = escape(&s.text);
        match s.change {
            Change::Equal => text.push_str(&t),
            Change::Delete => write!(text, "<del>{t}</del>").unwrap_or_default(),
            Change::Insert => write!(text, "<ins>{t}</ins>").unwrap_or_default(),
        }
    }
    format!(
        r#"<article class="dd-prov{focus}" id="{id}"><header class="dd-prov-head"><span class="dd-label">{label}</span></header><p class="dd-text">{text}</p></article>"#,
        focus = if focus == Some(side) { " dd-focus" } else { "" },
        id = escape(&doc.anchor(index).to_string()),
        label = escape(&label(doc, index)),
    )
}

fn row(cmp: &Comparison, pair: usize, focus: Option<Side>) -> String {
    format!(
        r#"<div class="dd-row"><div class="dd-cells">{}{}</div></div>"#,
        cell(cmp, pair, Side::Old, focus),
        cell(cmp, pair, Side::New, focus)
    )
}

fn doc_ref(doc: &Document) -> String {
    format!(
        r#"<a href="{}">{} ({})</a>"#,
        escape(&doc.official_url),
        escape(&doc.symbol),
        doc.year
    )
}

const FOOTER: &str = r#"<p class="dd-footer">Transcriptions are being verified against the official documents. Marked: <ins>inserted</ins>, <del>deleted</del>.</p></div>"#;

/// The whole comparison, side by side, as one `<div class="dd-static">`.
pub fn comparison(cmp: &Comparison) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<div class="dd-static"><h1 class="dd-title">{}</h1><p class="dd-versions">{} → {}</p><p class="dd-loading">Loading the interactive comparison…</p>"#,
        escape(&cmp.new.title),
        doc_ref(&cmp.old),
        doc_ref(&cmp.new)
    );
    // Parts the app opens collapsed are collapsed here too, the same way: their text is on the
    // page but hidden until found, so find-in-page and text fragments reach it before the wasm
    // starts (the browser reveals the part; the app then opens it). `data-until-found` tells the
    // app which parts were collapsed, so a revealed one stays open when it takes over.
    let open = draftdiff_core::link::ViewState::default().open;
    for (part, pairs) in cmp.sections() {
        let _ = write!(out, "<section><h2>{}</h2>", escape(part.heading()));
        let _ = if open.contains(&part) {
            write!(out, r#"<div class="dd-part-body" data-part="{}">"#, part.key())
        } else {
            write!(
                out,
                r#"<div class="dd-part-body" data-part="{}" data-until-found="" hidden="until-found">"#,
                part.key()
            )
        };
        for pair in pairs {
            out.push_str(&row(cmp, pair, None));
        }
        out.push_str("</div></section>");
    }
    out.push_str(FOOTER);
    out
}

/// One aligned pair on its own page (`p/<anchor>/`): its name, what changed, both wordings,
/// and a link back to the full comparison at that provision (`back`, relative to the page).
pub fn pair(cmp: &Comparison, pair: usize, focus: Side, back: &str, facts: &str) -> String {
    format!(
        r#"<div class="dd-static"><p class="dd-back"><a href="{back}">← {doc}: the full comparison</a></p><h1 class="dd-title">{title}</h1><p class="dd-versions">{old} → {new}</p><p class="dd-facts">{facts}</p><p class="dd-loading">Loading the interactive comparison…</p><section><h2>{part}</h2>{row}</section>{FOOTER}"#,
        back = escape(back),
        doc = escape(&cmp.new.title),
        title = escape(&pair_label(cmp, pair)),
        old = doc_ref(&cmp.old),
        new = doc_ref(&cmp.new),
        facts = escape(facts),
        part = escape(cmp.pairs[pair].row.part.heading()),
        row = row(cmp, pair, Some(focus)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(html.contains(r#"<div class="dd-part-body" data-part="code"><div class="dd-row">"#));
        assert_eq!(html.matches(r#"hidden="until-found""#).count(), 3);
        assert!(
            article(&html, "2011-pre-2").contains("Recalling its resolutions"),
            "the text stays in the page"
        );
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
        assert!(html.contains(r#"class="dd-prov dd-focus" id="2015-7""#));
        assert_eq!(html.matches("<article").count(), 2);
        assert!(html.contains(r#"<a href="../../index.html#2015-7">"#));
        assert!(html.contains("<h1 class=\"dd-title\">2011 (f) → 2015 (7)</h1>"));
        assert!(html.contains("<ins>") || html.contains("<del>"));
    }
}

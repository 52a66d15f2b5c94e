//! The comparison as static HTML, written into the page at build time.
//!
//! Readers see the text before the wasm has started (and without JavaScript at all), and a
//! deep link such as `#2015-7` lands at once because every provision already carries its public
//! id. The app replaces this markup when it mounts; the structure mirrors the side-by-side view.

use crate::html::escape;
use draftdiff_core::align::RowKind;
use draftdiff_core::compare::{Comparison, Side};
use draftdiff_core::corpus::Document;
use draftdiff_core::diff::Change;
use draftdiff_core::segments::{layer, side_pieces};
use std::fmt::Write;

fn cell(cmp: &Comparison, pair: usize, side: Side) -> String {
    let Some(index) = cmp.index(pair, side) else {
        return r#"<div class="dd-prov dd-absent" aria-hidden="true"></div>"#.to_string();
    };
    let p = &cmp.pairs[pair];
    let doc = cmp.doc(side);
    let prov = &doc.provisions[index];
    let whole = match p.row.kind {
        RowKind::Added => Change::Insert,
        RowKind::Dropped => Change::Delete,
        _ => Change::Equal,
    };
    let pieces = side_pieces(p.diff.as_ref(), side, prov.text.len(), whole);
    let mut text = String::new();
    for s in layer(&pieces, |_| &prov.text, |_| &[]) {
        let t = escape(&s.text);
        match s.change {
            Change::Equal => text.push_str(&t),
            Change::Delete => write!(text, "<del>{t}</del>").unwrap_or_default(),
            Change::Insert => write!(text, "<ins>{t}</ins>").unwrap_or_default(),
        }
    }
    let label = if prov.label.is_empty() {
        prov.id.replace('-', " ")
    } else {
        prov.label.to_string()
    };
    format!(
        r#"<article class="dd-prov" id="{id}"><header class="dd-prov-head"><span class="dd-label">{year} {label}</span></header><p class="dd-text">{text}</p></article>"#,
        id = escape(&doc.anchor(index).to_string()),
        year = doc.year,
        label = escape(&label),
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
    for (part, pairs) in cmp.sections() {
        let _ = write!(out, "<section><h2>{}</h2>", escape(part.heading()));
        for pair in pairs {
            let _ = write!(
                out,
                r#"<div class="dd-row"><div class="dd-cells">{}{}</div></div>"#,
                cell(cmp, pair, Side::Old),
                cell(cmp, pair, Side::New)
            );
        }
        out.push_str("</section>");
    }
    out.push_str(
        r#"<p class="dd-footer">Transcriptions are being verified against the official documents. Marked: <ins>inserted</ins>, <del>deleted</del>.</p></div>"#,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use draftdiff_core::corpus::bundled;

    #[test]
    fn every_provision_has_its_public_id_and_the_redline_is_marked() {
        let [old, new] = bundled();
        let cmp = Comparison::new(old.clone(), new.clone());
        let html = comparison(&cmp);
        for doc in [old, new] {
            for i in 0..doc.provisions.len() {
                assert!(
                    html.contains(&format!(r#"id="{}""#, doc.anchor(i))),
                    "{}",
                    doc.anchor(i)
                );
            }
        }
        let b = html
            .split(r#"id="2011-b""#)
            .nth(1)
            .unwrap()
            .split("</article>")
            .next()
            .unwrap();
        assert!(b.contains("<del>") && b.contains("information weapons"));
        assert!(!html.contains("<script"));
    }
}

//! The highlights layered inside one side's text: the selected themes' keywords, search hits
//! and the linked passage. Pure, so what a reader sees marked is tested natively.

use crate::link::Passage;
use crate::segments::{Highlight, Layer};
use crate::themes::{self, ThemeSet};
use crate::{passage, search};

/// Highlights of one side's text: selected themes' keywords, search hits, the linked passage.
pub fn highlights(text: &str, selected: ThemeSet, query: &str, passage: Option<&Passage>) -> Vec<Highlight> {
    let mut out: Vec<Highlight> = themes::keyword_hits(text, selected)
        .into_iter()
        .map(|h| Highlight {
            range: h.range,
            layer: Layer::Theme(themes::THEMES[h.theme].accent),
        })
        .collect();
    out.extend(search::hits(text, query).into_iter().map(|range| Highlight {
        range,
        layer: Layer::Search,
    }));
    if let Some(range) = passage.and_then(|p| passage::find_passage(text, p)) {
        out.push(Highlight {
            range,
            layer: Layer::Passage,
        });
    }
    out
}

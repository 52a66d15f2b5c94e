//! The static parts of the widget's rows, header and footer as markup: one home for the page
//! the build writes (the pre-render, which readers see before the wasm starts) and for the app,
//! which has the browser parse the same strings instead of building these elements one call at
//! a time.
//!
//! Why: a row is some thirty elements, and most of them never change or answer a click (the
//! badge line, a provision's status, its text with its marks, its theme tags, the notes). Built
//! node by node from the wasm, each element costs a handful of calls into the DOM, and the
//! widget's first render was mostly that. Parsed from one string, a part costs one (measured:
//! about 30 ms less in the longest task of start-up on the 2-core test machine). The pieces
//! that answer the reader (a provision's element and focus ring, its Share menu) stay Yew
//! components; a link inside this markup ("also draws on") carries what it points to in a
//! `data-` attribute, read by one listener on its row.
//!
//! Everything that comes from data (labels, a reader's own text and provision ids) goes
//! through [`escape`]: the browser parses these strings.

use super::labels::{absent as absent_words, kind_label, place, similarity, word_counts, SIMILARITY_TITLE};
use super::{note_anchor, notes_of_pair};
use crate::compare::{Comparison, Side};
use crate::corpus::{Document, Status};
use crate::diff::Change;
use crate::segments::Segment;
use crate::themes::{ThemeSet, THEMES};
use std::fmt::Write;

/// The attribute a row's "also draws on" link carries: the index of the earlier provision it
/// names (its row's listener focuses that provision).
pub const DRAWS_ON: &str = "data-draws-on";

/// Escapes text for element content and double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A provision's text as its runs mark it: deletions and insertions, theme keywords, search
/// hits and the linked passage, nested in that order from the outside in (the content of its
/// `.dd-text`).
pub fn text(segments: &[Segment]) -> String {
    let mut out = String::new();
    for s in segments {
        let (open, close) = match s.change {
            Change::Equal => ("", ""),
            Change::Delete => ("<del>", "</del>"),
            Change::Insert => ("<ins>", "</ins>"),
        };
        out.push_str(open);
        if let Some(accent) = s.theme {
            let _ = write!(out, r#"<mark class="dd-kw dd-accent-{accent}">"#);
        }
        if s.search {
            out.push_str(r#"<mark class="dd-hit">"#);
        }
        if s.passage {
            out.push_str(r#"<mark class="dd-passage">"#);
        }
        out.push_str(&escape(&s.text));
        let marks = usize::from(s.theme.is_some()) + usize::from(s.search) + usize::from(s.passage);
        for _ in 0..marks {
            out.push_str("</mark>");
        }
        out.push_str(close);
    }
    out
}

/// What follows a provision's header: its text (the `.dd-text` paragraph, see [`text`]) and its
/// theme tags ([`tags`]). One string with one or two elements at its top, so that re-rendering
/// a provision (another view, a search) swaps two nodes, not one per run of its text.
pub fn body(segments: &[Segment], themes: ThemeSet) -> String {
    format!(r#"<p class="dd-text">{}</p>{}"#, text(segments), tags(themes))
}

/// A provision's transcription status, next to its label.
pub fn status(s: Status) -> String {
    format!(
        r#"<span class="dd-status dd-status-{key}" title="{title}"><span class="dd-visually-hidden">Transcription: </span>{key}</span>"#,
        key = s.key(),
        title = escape(s.explanation()),
    )
}

/// A provision's theme tags (nothing when it has none).
pub fn tags(tags: ThemeSet) -> String {
    if tags.is_empty() {
        return String::new();
    }
    let mut out = String::from(r#"<ul class="dd-tags" aria-label="Themes">"#);
    for (_, t) in THEMES.iter().enumerate().filter(|(i, _)| tags.contains(*i)) {
        let _ = write!(
            out,
            r#"<li class="dd-tag dd-accent-{}">{}</li>"#,
            t.accent,
            escape(t.name)
        );
    }
    out.push_str("</ul>");
    out
}

/// The empty cell of a pair, on the side (`side`) that has no provision.
pub fn absent(side: Side) -> String {
    format!(
        r#"<div class="dd-prov dd-absent" aria-hidden="true"><p>{}</p></div>"#,
        escape(absent_words(side))
    )
}

/// The badge line over a pair: its kind, how similar, how many words changed, what else it
/// draws on (links to those earlier provisions, see [`DRAWS_ON`]), and whether it is `revealed`:
/// shown only because a link points at it although the theme filter would hide it.
pub fn meta(cmp: &Comparison, pair: usize, revealed: bool) -> String {
    let p = &cmp.pairs[pair];
    let kind = super::labels::kind_key(p.row.kind);
    let mut out = format!(
        r#"<div class="dd-row-meta"><span class="dd-badge dd-badge-{kind}">{}</span>"#,
        escape(kind_label(p.row.kind))
    );
    if let Some(similar) = similarity(&p.row) {
        let _ = write!(
            out,
            r#"<span class="dd-similarity" title="{SIMILARITY_TITLE}">{similar}</span>"#
        );
    }
    if p.diff.is_some() {
        let _ = write!(
            out,
            r#"<span class="dd-wordcount">{}</span>"#,
            word_counts(cmp.words(pair))
        );
    }
    if !p.row.also_draws_on.is_empty() {
        out.push_str(r#"<span class="dd-draws">Also draws on "#);
        for &o in &p.row.also_draws_on {
            let _ = write!(
                out,
                r##"<a class="dd-draws-on" href="#{}" {DRAWS_ON}="{o}">{} {}</a>"##,
                escape(&cmp.old.anchor(o).to_string()),
                escape(&cmp.old.short_name()),
                escape(&cmp.old.provisions[o].display_label())
            );
        }
        out.push_str("</span>");
    }
    if revealed {
        out.push_str(r#"<span class="dd-revealed">Shown because the link points here; it does not carry the selected themes.</span>"#);
    }
    out.push_str("</div>");
    out
}

/// The notes under a pair, closed (nothing when it has none).
pub fn notes(cmp: &Comparison, pair: usize) -> String {
    let list = notes_of_pair(cmp, pair);
    if list.is_empty() {
        return String::new();
    }
    let mut out = String::from(r#"<div class="dd-notes">"#);
    for n in list {
        let _ = write!(
            out,
            r#"<details class="dd-note" id="{}"><summary><span class="dd-note-mark" aria-hidden="true">i</span>Note: {}</summary><p>{}</p>"#,
            escape(&note_anchor(cmp, n, pair)),
            escape(n.title),
            escape(n.text)
        );
        if let Some(c) = n.caveat {
            let _ = write!(out, r#"<p class="dd-note-caveat">{}</p>"#, escape(c));
        }
        out.push_str(r#"<p class="dd-note-basis">Basis: "#);
        for (i, (symbol, id, words)) in n.basis.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            let _ = write!(out, "{} “{}”", escape(&place(cmp, symbol, id)), escape(words));
        }
        out.push_str("</p></details>");
    }
    out.push_str("</div>");
    out
}

/// A document's symbol and year, linked to its official text when the corpus gives one.
pub fn doc_link(doc: &Document) -> String {
    let label = escape(&format!("{} ({})", doc.symbol, doc.short_name()));
    if doc.official_url.is_empty() {
        format!(r#"<span class="dd-doc">{label}</span>"#)
    } else {
        format!(
            r#"<a class="dd-doc" href="{}" rel="noopener noreferrer" target="_blank">{label}</a>"#,
            escape(&doc.official_url)
        )
    }
}

/// `, circulated 2011-09-14` (nothing for a document without a date).
fn dated(doc: &Document) -> String {
    if doc.date.is_empty() {
        String::new()
    } else {
        escape(&format!(", circulated {}", doc.date))
    }
}

/// Both documents with their dates, as the header names them.
pub fn versions(cmp: &Comparison) -> String {
    format!(
        r#"<p class="dd-versions">{}{}<span aria-hidden="true"> → </span><span class="dd-visually-hidden"> compared with </span>{}{}</p>"#,
        doc_link(&cmp.old),
        dated(&cmp.old),
        doc_link(&cmp.new),
        dated(&cmp.new)
    )
}

/// The header's provenance, inside its `.dd-header`: the title (the document's one `h1` when
/// the widget is a document of its own), both documents with their dates, and, unless
/// `compact` (an embed), what is known about them in a `<details>` that opens without the wasm.
pub fn provenance(cmp: &Comparison, own_document: bool, compact: bool) -> String {
    let (old, new) = (&cmp.old, &cmp.new);
    let tag = if own_document { "h1" } else { "p" };
    let mut out = format!(
        r#"<{tag} class="dd-title">{}</{tag}>{}"#,
        escape(&new.title),
        versions(cmp)
    );
    if !compact {
        let _ = write!(
            out,
            r#"<details class="dd-about"><summary>About these texts</summary><p>{}</p><p>{}</p><p>{}</p><ul class="dd-legend">"#,
            escape(&format!(
                "{} was submitted by {}; {} by {}.",
                old.symbol,
                old.submitted_by.join(", "),
                new.symbol,
                new.submitted_by.join(", ")
            )),
            escape(&old.transcription_note),
            escape(&new.transcription_note),
        );
        for s in Status::ALL {
            let _ = write!(
                out,
                r#"<li><span class="dd-status dd-status-{k}">{k}</span> {}</li>"#,
                escape(s.explanation()),
                k = s.key()
            );
        }
        out.push_str("</ul></details>");
    }
    out
}

/// The closing provenance line, inside its `.dd-footer`.
pub fn closing(cmp: &Comparison) -> String {
    format!(
        concat!(
            r#"<p>Transcriptions of {} and {} are being verified paragraph by paragraph "#,
            r#"against the official documents; each provision shows its status. Marked: <ins>inserted</ins>, <del>deleted</del>.</p>"#
        ),
        doc_link(&cmp.old),
        doc_link(&cmp.new)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::Anchor;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<img src=x onerror="a">&'"#),
            "&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;"
        );
    }

    fn seg(text: &str, change: Change, theme: Option<u8>, search: bool, passage: bool) -> Segment {
        Segment {
            text: text.into(),
            change,
            theme,
            search,
            passage,
        }
    }

    /// Marks nest as the stylesheet expects them (a change outermost, the passage innermost),
    /// every one is closed, and the words are escaped.
    #[test]
    fn text_nests_marks_inside_changes_and_escapes_words() {
        let html = text(&[
            seg("States ", Change::Equal, None, false, false),
            seg("<shall>", Change::Insert, Some(3), true, true),
            seg(" & may", Change::Delete, None, true, false),
        ]);
        assert_eq!(
            html,
            concat!(
                "States ",
                r#"<ins><mark class="dd-kw dd-accent-3"><mark class="dd-hit"><mark class="dd-passage">&lt;shall&gt;</mark></mark></mark></ins>"#,
                r#"<del><mark class="dd-hit"> &amp; may</mark></del>"#
            )
        );
    }

    #[test]
    fn tags_list_the_themes_in_their_order_and_nothing_for_none() {
        assert_eq!(tags(ThemeSet::EMPTY), "");
        let mut set = ThemeSet::EMPTY;
        set.insert(1);
        set.insert(0);
        let html = tags(set);
        let first = html.find(&escape(THEMES[0].name)).unwrap();
        let second = html.find(&escape(THEMES[1].name)).unwrap();
        assert!(
            html.starts_with(r#"<ul class="dd-tags" aria-label="Themes">"#) && first < second,
            "{html}"
        );
        assert_eq!(html.matches("<li ").count(), 2);
    }

    /// The badge line's "also draws on" link names the earlier provision by index (what the
    /// row's listener reads) and by anchor (what the link opens without the wasm).
    #[test]
    fn meta_links_what_a_pair_draws_on_and_says_when_it_is_revealed() {
        let cmp = Comparison::bundled();
        let pair = cmp.pair_of_anchor(&Anchor::parse("2015-3").unwrap()).unwrap();
        let o = cmp.pairs[pair].row.also_draws_on[0];
        let html = meta(&cmp, pair, false);
        assert!(
            html.contains(&format!(
                r##"href="#{}" {DRAWS_ON}="{o}">2011 (c)</a>"##,
                cmp.old.anchor(o)
            )),
            "{html}"
        );
        assert!(!html.contains("dd-revealed"));
        assert!(meta(&cmp, pair, true).contains(r#"<span class="dd-revealed">"#));
    }

    #[test]
    fn notes_are_closed_details_with_their_anchor_and_basis() {
        let cmp = Comparison::bundled();
        let pair = (0..cmp.pairs.len())
            .find(|&p| !notes_of_pair(&cmp, p).is_empty())
            .unwrap();
        let html = notes(&cmp, pair);
        let n = notes_of_pair(&cmp, pair)[0];
        assert!(
            html.contains(&format!(
                r#"<details class="dd-note" id="{}">"#,
                note_anchor(&cmp, n, pair)
            )),
            "{html}"
        );
        assert!(html.contains(&escape(n.title)) && html.contains("Basis: "));
        assert!(!html.contains(" open"));
        let plain = (0..cmp.pairs.len())
            .find(|&p| notes_of_pair(&cmp, p).is_empty())
            .unwrap();
        assert_eq!(notes(&cmp, plain), "");
    }

    /// The page's title is its one `h1`; inside a host's page it is a paragraph, and an embed
    /// leaves out the long notes.
    #[test]
    fn provenance_fits_where_the_widget_lives() {
        let cmp = Comparison::bundled();
        let page = provenance(&cmp, true, false);
        assert!(page.starts_with(r#"<h1 class="dd-title">"#) && page.contains(r#"<details class="dd-about">"#));
        assert_eq!(page.matches("<li>").count(), Status::ALL.len());
        let element = provenance(&cmp, false, true);
        assert!(element.starts_with(r#"<p class="dd-title">"#) && !element.contains("dd-about"));
        assert!(element.contains(&versions(&cmp)) && closing(&cmp).contains(&doc_link(&cmp.old)));
    }
}

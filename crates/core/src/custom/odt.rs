//! OpenDocument texts (`.odt`, LibreOffice's own format): paragraphs in order, automatic
//! numbers written out as labels.
//!
//! Why a file of its own: as in a Word file, what a reader sees is not what `content.xml`
//! says. A list item's `(a)` is computed from the list's style (`text:list-style` in the
//! automatic styles of `content.xml` or in `styles.xml`), a footnote sits inside its
//! paragraph, a tracked deletion is kept in a change log. This module walks `content.xml`
//! into the paragraphs a reader sees; `office.rs` (shared with `.docx`) then labels them by
//! the one rule of `plain.rs`, whether typed or numbered by the word processor.
//!
//! What is read, and what is reported (the same as for Word files; docs/custom-documents.md
//! says it for readers):
//!
//! * every `text:p` and `text:h` of the body, in order; `text:s`, tabs and line breaks kept,
//!   other runs of white space collapsed as OpenDocument says;
//! * automatic numbering: a paragraph that opens a `text:list-item` is numbered at its list's
//!   depth with that level's `style:num-format` (`1`, `a`, `A`, `i`, `I`; bullets, images and
//!   an empty format give no label) between `style:num-prefix` and `style:num-suffix`, with
//!   `text:display-levels` of the higher levels (`1.2`), or as LibreOffice spells the whole
//!   label when it does (`loext:num-list-format`, `(%1%)`); counters start at `text:start-value`,
//!   a list item's `text:start-value` restarts them, a deeper level restarts after a higher
//!   one, and a list continues an earlier one when it says so (`text:continue-list`, or
//!   `text:continue-numbering` for the last list of the same style) and otherwise starts anew;
//!   headings outside lists are numbered by the outline style (`text:outline-style`);
//! * tracked changes accepted: the body already holds inserted text and none of the deleted
//!   text (which only the change log `text:tracked-changes` keeps, and which is not read);
//!   the counts of insertions and deletions are a note;
//! * tables: each row becomes one paragraph, its cells separated by tabs (a note says so);
//! * footnotes: their citation becomes `[1]`, `[2]`… in the text, and each footnote is compared
//!   as a paragraph `[1] …` after the body (a note says so); endnotes, comments (annotations),
//!   drawings, frames and text boxes are left out (a note says which were present); headers
//!   and footers live in `styles.xml` and are not read.

use super::office::{self, attr, format_counter, reader, text, Counter, Found, Package};
use super::InputError;
use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;

/// Levels OpenDocument lists have (`text:level` 1–10).
const LEVELS: usize = 10;
/// Most spaces one `text:s` adds: a damaged or hostile count must not fill the memory.
const MAX_SPACES: usize = 1000;

/// Reads the OpenDocument text in `package`.
pub(super) fn read(package: &mut Package) -> Result<Found, Vec<InputError>> {
    let content = package.part("content.xml")?.unwrap_or_default();
    let styles = package.part("styles.xml")?;
    let package: &Package = package;
    let mut defs = ListStyles::default();
    if let Some(xml) = &styles {
        defs.parse(xml).map_err(|e| package.damaged("styles.xml", e))?;
    }
    defs.parse(&content).map_err(|e| package.damaged("content.xml", e))?;
    walk(&content, &defs).map_err(|e| package.damaged("content.xml", e))
}

/// How one level of a list style numbers (`text:list-level-style-*`, `text:outline-level-style`).
#[derive(Clone, Debug, Default)]
struct Level {
    /// `None`: the level shows no number (a bullet, an image, an empty format).
    counter: Option<Counter>,
    prefix: String,
    suffix: String,
    /// How many levels the number shows, this one and those above it (`text:display-levels`).
    display: usize,
    start: u32,
    /// `style:num-letter-sync`: letters repeat (`aa`, `bb`) instead of counting on (`aa`, `ab`).
    letter_sync: bool,
    /// LibreOffice's own spelling of the whole label (`loext:num-list-format`, `(%1%)`,
    /// `%1%.%2%.`), which it writes next to the standard attributes and which wins over them:
    /// it says exactly what LibreOffice shows.
    list_format: Option<String>,
}

impl Level {
    fn parse(e: &BytesStart, numbered: bool) -> Level {
        let counter = match attr(e, "num-format").as_deref() {
            _ if !numbered => None,
            None | Some("") => None,
            Some("a") => Some(Counter::LowerLetter),
            Some("A") => Some(Counter::UpperLetter),
            Some("i") => Some(Counter::LowerRoman),
            Some("I") => Some(Counter::UpperRoman),
            Some(_) => Some(Counter::Decimal),
        };
        Level {
            counter,
            prefix: attr(e, "num-prefix").unwrap_or_default(),
            suffix: attr(e, "num-suffix").unwrap_or_default(),
            display: attr(e, "display-levels").and_then(|v| v.parse().ok()).unwrap_or(1),
            start: attr(e, "start-value").and_then(|v| v.parse().ok()).unwrap_or(1),
            letter_sync: attr(e, "num-letter-sync").is_some_and(|v| v == "true"),
            list_format: attr(e, "num-list-format"),
        }
    }
}

/// The list styles of a document by name, and its outline (heading numbering) style.
#[derive(Debug, Default)]
struct ListStyles {
    lists: HashMap<String, [Option<Level>; LEVELS]>,
    outline: [Option<Level>; LEVELS],
}

/// Which style a definition being read belongs to.
enum Defining {
    List(String),
    Outline,
}

impl ListStyles {
    /// Adds the list and outline styles defined in one part (`styles.xml`, then `content.xml`,
    /// whose automatic styles come last and win).
    fn parse(&mut self, xml: &str) -> Result<(), quick_xml::Error> {
        let mut r = reader(xml);
        let mut defining: Option<Defining> = None;
        loop {
            let (e, empty) = match r.read_event()? {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    if matches!(e.local_name().as_ref(), "list-style" | "outline-style") {
                        defining = None;
                    }
                    continue;
                }
                Event::Eof => return Ok(()),
                _ => continue,
            };
            let name = e.local_name();
            match name.as_ref() {
                "list-style" if !empty => {
                    defining = attr(&e, "name").map(|n| {
                        self.lists.insert(n.clone(), Default::default());
                        Defining::List(n)
                    })
                }
                "outline-style" if !empty => {
                    self.outline = Default::default();
                    defining = Some(Defining::Outline);
                }
                kind @ ("list-level-style-number"
                | "list-level-style-bullet"
                | "list-level-style-image"
                | "outline-level-style") => {
                    let Some(level) = attr(&e, "level")
                        .and_then(|v| v.parse::<usize>().ok())
                        .filter(|l| (1..=LEVELS).contains(l))
                    else {
                        continue;
                    };
                    let numbered = matches!(kind, "list-level-style-number" | "outline-level-style");
                    let parsed = Level::parse(&e, numbered);
                    match &defining {
                        Some(Defining::List(n)) => {
                            if let Some(levels) = self.lists.get_mut(n) {
                                levels[level - 1] = Some(parsed);
                            }
                        }
                        Some(Defining::Outline) => self.outline[level - 1] = Some(parsed),
                        None => {}
                    }
                }
                _ => {}
            }
        }
    }

    fn levels(&self, style: Option<&str>) -> Option<&[Option<Level>; LEVELS]> {
        match style {
            Some(name) => self.lists.get(name),
            None => Some(&self.outline),
        }
    }
}

/// The counters of one list (a `text:list` and the lists that continue it).
#[derive(Debug)]
struct Counters {
    /// Its list style (`None`: the outline, which numbers headings).
    style: Option<String>,
    /// Its `xml:id`, which a later list may continue (`text:continue-list`).
    id: Option<String>,
    values: [Option<u32>; LEVELS],
}

impl Counters {
    fn new(style: Option<String>, id: Option<String>) -> Self {
        Counters {
            style,
            id,
            values: [None; LEVELS],
        }
    }

    /// Advances level `level` (0-based) and returns the label shown there, if any. `start`:
    /// a list item's `text:start-value`, which restarts the count.
    fn advance(&mut self, styles: &ListStyles, level: usize, start: Option<u32>) -> Option<String> {
        let level = level.min(LEVELS - 1);
        let levels = styles.levels(self.style.as_deref());
        let def = |l: usize| levels.and_then(|ls| ls[l].as_ref());
        let first = |l: usize| def(l).map_or(1, |d| d.start);
        let value = start.unwrap_or_else(|| self.values[level].map_or(first(level), |v| v + 1));
        self.values[level] = Some(value);
        for deeper in &mut self.values[level + 1..] {
            *deeper = None;
        }
        let this = def(level)?;
        this.counter?;
        let number = |l: usize| {
            let value = self.values[l].unwrap_or_else(|| first(l));
            match def(l) {
                Some(Level {
                    counter: Some(c),
                    letter_sync,
                    ..
                }) => format_counter(value, *c, *letter_sync),
                _ => value.to_string(),
            }
        };
        let label = match &this.list_format {
            Some(format) => {
                let mut out = format.clone();
                for l in (0..=level).rev() {
                    out = out.replace(&format!("%{}%", l + 1), &number(l));
                }
                out
            }
            None => {
                let shown = this.display.clamp(1, level + 1);
                let numbers: Vec<String> = (level + 1 - shown..=level).map(number).collect();
                format!("{}{}{}", this.prefix, numbers.join("."), this.suffix)
            }
        };
        let label = label.trim();
        (!label.is_empty()).then(|| label.to_string())
    }
}

/// One paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    /// Whether the text ends in white space that further white space collapses into.
    space: bool,
    label: Option<String>,
}

impl Para {
    /// Character data, white space collapsed (OpenDocument's rule: any run of spaces, tabs and
    /// line breaks in the XML is one space; `text:s`, `text:tab` and `text:line-break` are the
    /// spaces and breaks that count).
    fn push_text(&mut self, t: &str) {
        for c in t.chars() {
            if matches!(c, ' ' | '\t' | '\n' | '\r') {
                if !self.space {
                    self.text.push(' ');
                    self.space = true;
                }
            } else {
                self.text.push(c);
                self.space = false;
            }
        }
    }

    fn push_literal(&mut self, s: &str) {
        self.text.push_str(s);
        self.space = false;
    }
}

/// A `text:list-item` (or `text:list-header`) being read.
struct Item {
    /// Whether its first paragraph, the one its number belongs to, has been seen.
    numbered: bool,
    start: Option<u32>,
}

/// Elements whose whole content is not what a reader sees here, and what a note says of them.
fn skipped(name: &str) -> Option<Skip> {
    Some(match name {
        "tracked-changes" => Skip::Changes,
        "annotation" => Skip::Comment,
        "frame" | "custom-shape" | "rect" | "line" | "polyline" | "polygon" | "path" | "circle" | "ellipse" | "g"
        | "connector" | "control" | "caption" | "measure" | "regular-polygon" => Skip::Drawing,
        "note-citation" | "number" | "automatic-styles" | "font-face-decls" | "scripts" | "forms" => Skip::Quietly,
        n if n.ends_with("-source") || n.ends_with("-decls") => Skip::Quietly,
        _ => return None,
    })
}

/// Why a subtree is skipped.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Skip {
    /// The change log: its regions are counted.
    Changes,
    Comment,
    Drawing,
    Quietly,
}

/// Walks `content.xml`: every paragraph with text, labelled, then the footnotes.
fn walk(xml: &str, styles: &ListStyles) -> Result<Found, quick_xml::Error> {
    let mut found = Found::default();
    let mut r = reader(xml);
    let mut skip: Option<(Skip, usize)> = None;
    let mut paras: Vec<Para> = Vec::new();
    let mut lists: Vec<Counters> = Vec::new();
    let mut outline = Counters::new(None, None);
    // Open `text:list` elements: the index of their counters in `lists`, and their style.
    let mut open_lists: Vec<(usize, Option<String>)> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    let mut tables = 0usize;
    let (mut row, mut cell): (Vec<String>, String) = (Vec::new(), String::new());
    let mut notes: Vec<String> = Vec::new();
    // The footnote being read (its index in `notes`) and how many paragraphs were open outside it.
    let mut in_note: Option<(usize, usize)> = None;
    loop {
        let event = r.read_event()?;
        if let Some((why, depth)) = skip.as_mut() {
            match &event {
                Event::Start(e) | Event::Empty(e) if *why == Skip::Changes => match e.local_name().as_ref() {
                    "insertion" => found.insertions += 1,
                    "deletion" => found.deletions += 1,
                    _ => {}
                },
                _ => {}
            }
            match event {
                Event::Start(_) => *depth += 1,
                Event::End(_) => {
                    *depth -= 1;
                    if *depth == 0 {
                        skip = None;
                    }
                }
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match &event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = e.local_name();
                let name = name.as_ref();
                if let Some(why) = skipped(name) {
                    match why {
                        Skip::Comment => found.comments = true,
                        Skip::Drawing => found.left_out += 1,
                        Skip::Changes | Skip::Quietly => {}
                    }
                    if !empty {
                        skip = Some((why, 1));
                    }
                    continue;
                }
                match name {
                    "p" | "h" => {
                        let mut para = Para::default();
                        let heading_level = (name == "h").then(|| {
                            attr(e, "outline-level")
                                .and_then(|v| v.parse::<usize>().ok())
                                .unwrap_or(1)
                                .clamp(1, LEVELS)
                        });
                        if in_note.is_none() {
                            let opens_item = items.last().is_some_and(|i| !i.numbered);
                            if let (true, Some((list, _))) = (opens_item, open_lists.last()) {
                                let start = items.last().and_then(|i| i.start);
                                for item in &mut items {
                                    item.numbered = true;
                                }
                                para.label = lists[*list].advance(styles, open_lists.len() - 1, start);
                            } else if let (Some(level), true) = (heading_level, open_lists.is_empty()) {
                                if attr(e, "is-list-header").is_none_or(|v| v != "true") {
                                    para.label = outline.advance(styles, level - 1, None);
                                }
                            }
                        }
                        if empty {
                            finish(para, &mut found, &mut notes, in_note, tables, &mut cell);
                        } else {
                            paras.push(para);
                        }
                    }
                    "list" if !empty => {
                        let style = attr(e, "style-name").or_else(|| open_lists.last().and_then(|l| l.1.clone()));
                        let list = match open_lists.last() {
                            Some((outer, _)) => *outer,
                            None => {
                                // A list without any style numbers nothing (its style is "", which no list has).
                                let own = Some(style.clone().unwrap_or_default());
                                let continued = match (attr(e, "continue-list"), attr(e, "continue-numbering")) {
                                    (Some(id), _) => lists.iter().position(|l| l.id.as_deref() == Some(id.as_str())),
                                    (None, Some(v)) if v == "true" => lists.iter().rposition(|l| l.style == own),
                                    _ => None,
                                };
                                continued.unwrap_or_else(|| {
                                    lists.push(Counters::new(own, attr(e, "id")));
                                    lists.len() - 1
                                })
                            }
                        };
                        open_lists.push((list, style));
                    }
                    "list-item" | "list-header" if !empty => items.push(Item {
                        numbered: name == "list-header",
                        start: attr(e, "start-value").and_then(|v| v.parse().ok()),
                    }),
                    "note" if !empty => {
                        if attr(e, "note-class").is_some_and(|c| c == "endnote") {
                            found.endnotes += 1;
                            skip = Some((Skip::Quietly, 1));
                            continue;
                        }
                        found.footnotes.push(attr(e, "id").unwrap_or_default());
                        if let Some(p) = paras.last_mut() {
                            p.push_literal(&format!("[{}]", found.footnotes.len()));
                        }
                        notes.push(String::new());
                        in_note = Some((notes.len() - 1, paras.len()));
                    }
                    "table" if !empty => {
                        tables += 1;
                        if tables == 1 {
                            found.tables += 1;
                        }
                    }
                    "table-row" if tables == 1 && !empty => row.clear(),
                    "table-cell" | "covered-table-cell" if tables == 1 && !empty => cell.clear(),
                    _ => {
                        let Some(p) = paras.last_mut() else { continue };
                        match name {
                            "s" => {
                                let n = attr(e, "c").and_then(|v| v.parse().ok()).unwrap_or(1usize);
                                p.push_literal(&" ".repeat(n.min(MAX_SPACES)));
                            }
                            "tab" => p.push_literal("\t"),
                            "line-break" => p.push_literal("\n"),
                            _ => {}
                        }
                    }
                }
            }
            Event::Text(_) | Event::GeneralRef(_) => {
                let outside_note_paragraph = in_note.is_some_and(|(_, base)| paras.len() <= base);
                if let (Some(p), false) = (paras.last_mut(), outside_note_paragraph) {
                    if let Some(t) = text(&event)? {
                        p.push_text(&t);
                    }
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "p" | "h" => {
                    if let Some(para) = paras.pop() {
                        finish(para, &mut found, &mut notes, in_note, tables, &mut cell);
                    }
                }
                "list" => {
                    open_lists.pop();
                }
                "list-item" | "list-header" => {
                    items.pop();
                }
                "note" => in_note = None,
                "table-cell" | "covered-table-cell" if tables == 1 => row.push(std::mem::take(&mut cell)),
                "table-row" if tables == 1 => {
                    if let Some(text) = office::table_row(&row) {
                        found.paragraphs.push(text);
                    }
                }
                "table" => tables = tables.saturating_sub(1),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    for (n, text) in notes.iter().enumerate() {
        found
            .paragraphs
            .push(format!("[{}] {}", n + 1, text.trim()).trim().to_string());
    }
    Ok(found)
}

/// A paragraph read to its end: into the footnote being read, the table cell, or the body.
/// An empty paragraph is dropped (its number was still counted, as the word processor does).
fn finish(
    para: Para,
    found: &mut Found,
    notes: &mut [String],
    in_note: Option<(usize, usize)>,
    tables: usize,
    cell: &mut String,
) {
    let text = para.text.trim();
    if text.is_empty() {
        return;
    }
    let full = match para.label {
        Some(label) => format!("{label} {text}"),
        None => text.to_string(),
    };
    let target = match in_note {
        Some((n, _)) => &mut notes[n],
        None if tables > 0 => cell,
        None => {
            found.paragraphs.push(full);
            return;
        }
    };
    if !target.is_empty() {
        target.push(' ');
    }
    target.push_str(&full);
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0""#;

    /// The paragraphs and findings of a `content.xml` with these styles and this body.
    fn read(styles: &str, body: &str) -> Found {
        let xml = format!(
            "<office:document-content {NS}><office:automatic-styles>{styles}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"
        );
        let mut defs = ListStyles::default();
        defs.parse(&xml).unwrap();
        walk(&xml, &defs).unwrap()
    }

    const LETTERS: &str = r#"<text:list-style style:name="L1">
        <text:list-level-style-number text:level="1" style:num-prefix="(" style:num-suffix=")" style:num-format="a"/>
        <text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="i"/>
        <text:list-level-style-number text:level="3" style:num-format="1" text:display-levels="3"/>
    </text:list-style>
    <text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1" text:start-value="5"/></text:list-style>
    <text:list-style style:name="L3"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
    <text:list-style style:name="L4">
        <text:list-level-style-number text:level="1" loext:num-list-format="Article %1%:" style:num-suffix="." style:num-format="1"/>
        <text:list-level-style-number text:level="2" loext:num-list-format="%1%-%2%)" style:num-format="A"/>
    </text:list-style>"#;

    fn item(text: &str) -> String {
        format!("<text:list-item><text:p>{text}</text:p></text:list-item>")
    }

    #[test]
    fn automatic_numbers_follow_levels_restarts_and_continuations() {
        let body = [
            r#"<text:list xml:id="list1" text:style-name="L1">"#,
            &item("A"),
            "<text:list-item><text:p>B</text:p><text:p>B continued</text:p><text:list>",
            &item("B1"),
            &item("B2"),
            "<text:list-item><text:p>B2 deeper</text:p><text:list>",
            &item("Deep one"),
            "</text:list></text:list-item><text:list-item><text:list>",
            &item("Deep"),
            "</text:list></text:list-item>",
            "</text:list></text:list-item>",
            "</text:list>",
            r#"<text:p>Between.</text:p><text:list text:style-name="L1" text:continue-numbering="true">"#,
            &item("C"),
            "</text:list>",
            r#"<text:list text:style-name="L2">"#,
            &item("Five"),
            r#"<text:list-item text:start-value="9"><text:p>Nine</text:p></text:list-item>"#,
            &item("Ten"),
            "<text:list-header><text:p>Header</text:p></text:list-header>",
            "</text:list>",
            r#"<text:list text:style-name="L1">"#,
            &item("Again a"),
            "</text:list>",
            r#"<text:list text:style-name="L1" text:continue-list="list1">"#,
            &item("D"),
            "</text:list>",
            r#"<text:list text:style-name="L3">"#,
            &item("Bullet"),
            "</text:list><text:list>",
            &item("No style"),
            "</text:list>",
            r#"<text:list text:style-name="L4"><text:list-item><text:p>Art</text:p><text:list>"#,
            &item("Sub"),
            "</text:list></text:list-item></text:list>",
        ]
        .concat();
        let found = read(LETTERS, &body);
        assert_eq!(
            found.paragraphs,
            [
                "(a) A",
                "(b) B",
                "B continued",
                "i. B1",
                "ii. B2",
                "iii. B2 deeper",
                "b.iii.1 Deep one",
                "b.iii.2 Deep",
                "Between.",
                "(c) C",
                "5. Five",
                "9. Nine",
                "10. Ten",
                "Header",
                "(a) Again a",
                "(d) D",
                "Bullet",
                "No style",
                "Article 1: Art",
                "1-A) Sub"
            ]
        );
    }

    /// Every byte of a small but busy `content.xml` replaced by each character that matters to
    /// XML gives an error or paragraphs, never a panic (a zip's checksum stops most damage
    /// before the XML; this is the XML that gets through).
    #[test]
    fn damaged_xml_never_panics() {
        let content = format!(
            r#"<office:document-content {NS}><office:automatic-styles><text:list-style style:name="L1"><text:list-level-style-number text:level="2" style:num-format="a" text:display-levels="9" style:num-suffix=")"/></text:list-style></office:automatic-styles><office:body><office:text><text:list text:style-name="L1"><text:list-item><text:list><text:list-item text:start-value="4000"><text:p>x<text:s text:c="9"/><text:note><text:note-body><text:p>n</text:p></text:note-body></text:note></text:p></text:list-item></text:list></text:list-item></text:list><table:table><table:table-row><table:table-cell><text:h text:outline-level="99">t</text:h></table:table-cell></table:table-row></table:table></office:text></office:body></office:document-content>"#
        );
        let parse = |xml: &str| {
            let mut defs = ListStyles::default();
            defs.parse(xml).and_then(|_| walk(xml, &defs))
        };
        assert_eq!(
            parse(&content).unwrap().paragraphs,
            ["1.ewv) x         [1]", "t", "[1] n"]
        );
        let mut seen = 0;
        for i in 0..content.len() {
            for c in [b'<', b'>', b'/', b'"', b' ', b'x', b'0'] {
                let mut b = content.clone().into_bytes();
                b[i] = c;
                if let Ok(found) = parse(std::str::from_utf8(&b).unwrap()) {
                    seen += found.paragraphs.len();
                }
            }
        }
        assert!(seen > 0);
    }

    #[test]
    fn text_spaces_breaks_and_headings() {
        let styles = r#"<text:outline-style style:name="Outline"><text:outline-level-style text:level="1" style:num-format="I" style:num-suffix="."/><text:outline-level-style text:level="2" style:num-format=""/></text:outline-style>"#;
        let body = r#"<text:h text:outline-level="1">Part one</text:h>
            <text:h text:outline-level="2">Unnumbered</text:h>
            <text:p>  States   <text:span>shall</text:span>
               act<text:s text:c="3"/>now<text:tab/>&amp; here<text:line-break/>&#x2e;</text:p>
            <text:p><text:soft-page-break/>   </text:p>
            <text:h text:outline-level="1">Part two</text:h>"#;
        let found = read(styles, body);
        assert_eq!(
            found.paragraphs,
            [
                "I. Part one",
                "Unnumbered",
                "States shall act   now\t& here\n.",
                "II. Part two"
            ]
        );
    }

    #[test]
    fn tables_footnotes_changes_comments_and_drawings() {
        let body = r#"<text:tracked-changes>
              <text:changed-region text:id="c1"><text:insertion><office:change-info/></text:insertion></text:changed-region>
              <text:changed-region text:id="c2"><text:deletion><office:change-info/><text:p>should </text:p></text:deletion></text:changed-region>
              <text:changed-region text:id="c3"><text:format-change><office:change-info/></text:format-change></text:changed-region>
            </text:tracked-changes>
            <text:p>States <text:change text:change-id="c2"/><text:change-start text:change-id="c1"/>shall<text:change-end text:change-id="c1"/> act.<office:annotation><text:p>A comment.</text:p></office:annotation></text:p>
            <table:table><table:table-row><table:table-cell><text:p>(a) One</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>Two</text:p><text:p>lines</text:p></table:table-cell></table:table-row>
              <table:table-row><table:table-cell/><table:table-cell><text:p>Three</text:p></table:table-cell></table:table-row></table:table>
            <text:p>A note<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>
               <text:p>The note.</text:p><text:p>Second line.</text:p></text:note-body></text:note> and an endnote<text:note text:note-class="endnote"><text:note-citation>i</text:note-citation><text:note-body><text:p>End.</text:p></text:note-body></text:note>.</text:p>
            <text:p><draw:frame><draw:text-box><text:p>Boxed.</text:p></draw:text-box></draw:frame>After the box.</text:p>"#;
        let found = read("", body);
        assert_eq!(
            found.paragraphs,
            [
                "States shall act.",
                "(a) One\tTwo lines",
                "Three",
                "A note[1] and an endnote.",
                "After the box.",
                "[1] The note. Second line."
            ]
        );
        assert_eq!(
            (
                found.insertions,
                found.deletions,
                found.tables,
                found.endnotes,
                found.left_out,
                found.comments
            ),
            (1, 1, 1, 1, 1, true)
        );
        assert_eq!(found.footnotes, ["ftn1"]);
    }
}

//! Word files (`.docx`): paragraphs in order, automatic numbers written out as labels.
//!
//! Why a file of its own: researchers keep their drafts as Word files, and what a reader sees
//! in Word is not what the XML says — a list item's `(a)` is not in the text but computed from
//! `word/numbering.xml`, a tracked deletion is still in the file, a footnote lives in another
//! part. This module turns a `.docx` into the paragraphs a reader sees and hands them to the
//! plain-text reader (`from_paragraphs`), so labels follow the one rule of `plain.rs`
//! whether typed or numbered by Word.
//!
//! What is read, and what is reported in [`WordDocument::notes`](super::WordDocument::notes) (docs/custom-documents.md
//! says the same for readers):
//!
//! * every paragraph of the body, in order; line breaks and tabs inside it kept;
//! * automatic numbering (`w:numPr` on the paragraph or its style): the level's `lvlText`
//!   (`(%1)`, `%1.`, `%1.%2`) with each counter in its level's format (decimal, letters,
//!   roman numerals; bullets give no label), counters kept per list as Word keeps them
//!   (lists sharing an abstract definition continue, a `startOverride` restarts, a higher
//!   level restarts the deeper ones);
//! * tracked changes accepted: insertions kept, deletions (and moved-away text) dropped,
//!   a deleted paragraph mark joins two paragraphs; the counts are a note;
//! * tables: each row becomes one paragraph, its cells separated by tabs (a note says so);
//! * footnotes: their mark becomes `[1]`, `[2]`… in the text, and each footnote is compared
//!   as a paragraph `[1] …` after the body (a note says so); endnotes, comments, headers,
//!   drawings and text boxes are left out (a note says which were present).
//!
//! Opening the archive, its limits and errors, and the notes are shared with `.odt` files
//! (`office.rs`).

use super::office::{self, attr, reader, text, Counter, Found, Package};
use super::InputError;
use quick_xml::events::Event;
use std::collections::{HashMap, HashSet};

/// Levels Word numbering has (`w:ilvl` 0–8).
const LEVELS: usize = 9;

/// Reads the Word document in `package`: its body with automatic numbers, then its footnotes.
pub(super) fn read(package: &mut Package) -> Result<Found, Vec<InputError>> {
    let body = package.part("word/document.xml")?.unwrap_or_default();
    let numbering = package.part("word/numbering.xml")?;
    let styles = package.part("word/styles.xml")?;
    let footnotes = package.part("word/footnotes.xml")?;
    let has_comments = package
        .part("word/comments.xml")?
        .is_some_and(|c| c.contains("<w:comment "));

    let package: &Package = package;
    let damaged = |name: &'static str| move |e: quick_xml::Error| package.damaged(name, e);
    let mut lists = match &numbering {
        Some(xml) => Numbering::parse(xml).map_err(damaged("word/numbering.xml"))?,
        None => Numbering::default(),
    };
    let styles = match &styles {
        Some(xml) => style_numbering(xml).map_err(damaged("word/styles.xml"))?,
        None => HashMap::new(),
    };
    let mut found = Found::default();
    let blocks = walk(&body, Some(&mut lists), &styles, &mut found).map_err(damaged("word/document.xml"))?;
    let mut paragraphs: Vec<String> = blocks.into_iter().map(|(_, text)| text).collect();

    // Footnotes: as paragraphs after the body, in the order their marks appear.
    let mut notes_found = Found::default();
    let note_blocks = match &footnotes {
        Some(xml) => walk(xml, None, &styles, &mut notes_found).map_err(damaged("word/footnotes.xml"))?,
        None => Vec::new(),
    };
    let mut note_text: HashMap<String, String> = HashMap::new();
    for (id, text) in note_blocks {
        if let Some(id) = id {
            let t = note_text.entry(id).or_default();
            if !t.is_empty() {
                t.push(' ');
            }
            t.push_str(&text);
        }
    }
    for (n, id) in found.footnotes.iter().enumerate() {
        let text = note_text.get(id).map(String::as_str).unwrap_or("").trim();
        paragraphs.push(format!("[{}] {text}", n + 1).trim().to_string());
    }
    found.insertions += notes_found.insertions;
    found.deletions += notes_found.deletions;
    found.left_out += notes_found.left_out;
    found.paragraphs = paragraphs;
    found.comments = has_comments;
    Ok(found)
}

/// One level of a list definition (`w:lvl`).
#[derive(Clone, Debug, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// `w:lvlRestart`: restarts after this (1-based) level or a higher one; `Some(0)` never.
    restart: Option<usize>,
    legal: bool,
}

/// A list instance (`w:num`): its definition and its start overrides.
#[derive(Clone, Debug, Default)]
struct Num {
    abstract_id: String,
    starts: [Option<u32>; LEVELS],
}

/// Word's numbering definitions and the counters a walk through the document advances.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
    counters: HashMap<String, [Option<u32>; LEVELS]>,
    used: HashSet<String>,
}

impl Numbering {
    fn parse(xml: &str) -> Result<Self, quick_xml::Error> {
        let mut n = Numbering::default();
        let mut r = reader(xml);
        let (mut abs, mut num): (Option<String>, Option<String>) = (None, None);
        let mut level: Option<usize> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let (e, empty) = match r.read_event()? {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        "abstractNum" => abs = None,
                        "num" => num = None,
                        "lvl" => level = None,
                        "lvlOverride" => override_level = None,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            let val = attr(&e, "val");
            let ilvl = attr(&e, "ilvl")
                .and_then(|v| v.parse::<usize>().ok())
                .filter(|&l| l < LEVELS);
            match e.local_name().as_ref() {
                "abstractNum" if !empty => abs = attr(&e, "abstractNumId"),
                "num" if !empty => {
                    num = attr(&e, "numId");
                    if let Some(id) = &num {
                        n.nums.entry(id.clone()).or_default();
                    }
                }
                "abstractNumId" => {
                    if let (Some(id), Some(v)) = (&num, val) {
                        n.nums.entry(id.clone()).or_default().abstract_id = v;
                    }
                }
                "lvlOverride" if !empty => override_level = ilvl,
                "startOverride" => {
                    if let (Some(id), Some(l), Some(v)) = (&num, override_level, val.and_then(|v| v.parse().ok())) {
                        n.nums.entry(id.clone()).or_default().starts[l] = Some(v);
                    }
                }
                "lvl" if !empty && num.is_none() => {
                    level = ilvl;
                    if let (Some(a), Some(l)) = (&abs, ilvl) {
                        let levels = n.abstracts.entry(a.clone()).or_default();
                        if levels.len() <= l {
                            levels.resize(l + 1, Level::default());
                        }
                    }
                }
                name => {
                    let (Some(a), Some(l)) = (&abs, level) else { continue };
                    let Some(lvl) = n.abstracts.get_mut(a).and_then(|ls| ls.get_mut(l)) else {
                        continue;
                    };
                    match name {
                        "start" => lvl.start = val.and_then(|v| v.parse().ok()).unwrap_or(0),
                        "numFmt" => lvl.format = val.unwrap_or_default(),
                        "lvlText" => lvl.text = val.unwrap_or_default(),
                        "lvlRestart" => lvl.restart = val.and_then(|v| v.parse().ok()),
                        "isLgl" => lvl.legal = val.is_none_or(|v| v != "0" && v != "false"),
                        _ => {}
                    }
                }
            }
        }
        Ok(n)
    }

    /// Advances list `num_id` at level `ilvl` and returns the label Word shows there, if any
    /// (none for bullets, unknown lists and `numId` 0, which switches numbering off).
    fn label(&mut self, num_id: &str, ilvl: usize) -> Option<String> {
        let num = self.nums.get(num_id)?.clone();
        let levels = self.abstracts.get(&num.abstract_id)?;
        let level = levels.get(ilvl)?;
        let counters = self.counters.entry(num.abstract_id.clone()).or_default();
        if self.used.insert(num_id.to_string()) {
            for (l, start) in num.starts.iter().enumerate() {
                if start.is_some() {
                    counters[l] = None;
                }
            }
        }
        let start = |l: usize| num.starts[l].or(levels.get(l).map(|lv| lv.start)).unwrap_or(0);
        counters[ilvl] = Some(counters[ilvl].map_or(start(ilvl), |c| c + 1));
        for (deeper, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            // lvlRestart n: restart after level n (1-based) or higher; absent: after any higher.
            let restarts = levels
                .get(deeper)
                .and_then(|l| l.restart)
                .is_none_or(|n| n != 0 && ilvl < n);
            if restarts {
                *counter = None;
            }
        }
        if matches!(level.format.as_str(), "bullet" | "none") {
            return None;
        }
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            let digit = chars.peek().and_then(|d| d.to_digit(10)).map(|d| d as usize);
            match (c, digit) {
                ('%', Some(d)) if (1..=LEVELS).contains(&d) => {
                    chars.next();
                    let l = d - 1;
                    let value = counters[l].unwrap_or_else(|| start(l));
                    let format = match levels.get(l) {
                        Some(lv) if !level.legal => lv.format.as_str(),
                        _ => "decimal",
                    };
                    out.push_str(&format_number(value, format));
                }
                _ => out.push(c),
            }
        }
        let out = out.trim().to_string();
        (!out.is_empty()).then_some(out)
    }
}

/// A counter in one of Word's number formats (`w:numFmt`); unknown formats are decimal.
fn format_number(n: u32, format: &str) -> String {
    let counter = match format {
        "lowerLetter" => Counter::LowerLetter,
        "upperLetter" => Counter::UpperLetter,
        "lowerRoman" => Counter::LowerRoman,
        "upperRoman" => Counter::UpperRoman,
        "decimalZero" => Counter::DecimalZero,
        _ => Counter::Decimal,
    };
    // Word's letters repeat: a…z, then aa…zz, aaa…
    super::office::format_counter(n, counter, true)
}

/// Numbering given by paragraph styles (`w:style/w:pPr/w:numPr`): style id → (numId, ilvl).
fn style_numbering(xml: &str) -> Result<HashMap<String, (String, usize)>, quick_xml::Error> {
    let mut out = HashMap::new();
    let mut r = reader(xml);
    let mut style: Option<String> = None;
    let (mut num, mut lvl): (Option<String>, usize) = (None, 0);
    loop {
        match r.read_event()? {
            Event::Start(e) if e.local_name().as_ref() == "style" => {
                style = attr(&e, "styleId");
                (num, lvl) = (None, 0);
            }
            Event::Empty(e) if style.is_some() => match e.local_name().as_ref() {
                "numId" => num = attr(&e, "val"),
                "ilvl" => {
                    lvl = attr(&e, "val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(0)
                        .min(LEVELS - 1)
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "style" => {
                if let (Some(s), Some(n)) = (style.take(), num.take()) {
                    out.insert(s, (n, lvl));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// Elements whose whole content is not what a reader sees: deleted or moved-away text,
/// field codes, the previous formatting of a tracked formatting change, drawings.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "del"
            | "moveFrom"
            | "instrText"
            | "delInstrText"
            | "pPrChange"
            | "rPrChange"
            | "sectPrChange"
            | "tblPrChange"
            | "trPrChange"
            | "tcPrChange"
            | "tblGridChange"
            | "numberingChange"
            | "AlternateContent"
            | "drawing"
            | "pict"
            | "object"
    )
}

/// One paragraph being read.
#[derive(Default)]
struct Para {
    text: String,
    num: Option<String>,
    ilvl: Option<usize>,
    style: Option<String>,
    mark_deleted: bool,
}

/// Walks a body or footnotes part: `(footnote id, paragraph)` for every paragraph with text,
/// in order; table rows are one paragraph each. `lists`: the numbering to advance (`None`
/// for footnotes, which are compared without list labels).
fn walk(
    xml: &str,
    mut lists: Option<&mut Numbering>,
    styles: &HashMap<String, (String, usize)>,
    found: &mut Found,
) -> Result<Vec<(Option<String>, String)>, quick_xml::Error> {
    let mut r = reader(xml);
    let mut out: Vec<(Option<String>, String)> = Vec::new();
    let mut skip = 0usize;
    let mut para: Option<Para> = None;
    let (mut in_ppr, mut in_text) = (false, false);
    // Text of paragraphs whose mark was deleted, waiting to join the next paragraph.
    let mut joined = String::new();
    let mut tables = 0usize;
    let (mut row, mut cell): (Vec<String>, String) = (Vec::new(), String::new());
    let mut note: Option<String> = None;
    loop {
        let event = r.read_event()?;
        if skip > 0 {
            match event {
                Event::Start(_) => skip += 1,
                Event::End(_) => skip -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                if skipped(name) {
                    skip = 1;
                    match name {
                        "del" | "moveFrom" => found.deletions += 1,
                        "AlternateContent" | "drawing" | "pict" | "object" => found.left_out += 1,
                        _ => {}
                    }
                    continue;
                }
                match name {
                    "p" => para = Some(Para::default()),
                    "pPr" => in_ppr = true,
                    "t" => in_text = true,
                    "ins" | "moveTo" => found.insertions += 1,
                    "tbl" => {
                        tables += 1;
                        if tables == 1 {
                            found.tables += 1;
                        }
                    }
                    "tr" if tables == 1 => row.clear(),
                    "tc" if tables == 1 => cell.clear(),
                    "footnote" | "endnote" => {
                        let kind = attr(&e, "type");
                        note = attr(&e, "id").filter(|_| kind.is_none_or(|k| k == "normal"));
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                let name = e.local_name();
                let Some(p) = para.as_mut() else { continue };
                match name.as_ref() {
                    "pStyle" if in_ppr => p.style = attr(&e, "val"),
                    "numId" if in_ppr => p.num = attr(&e, "val"),
                    "ilvl" if in_ppr => p.ilvl = attr(&e, "val").and_then(|v| v.parse().ok()),
                    "del" | "moveFrom" if in_ppr => {
                        p.mark_deleted = true;
                        found.deletions += 1;
                    }
                    "ins" | "moveTo" if in_ppr => found.insertions += 1,
                    _ if in_ppr => {}
                    "tab" | "ptab" => p.text.push('\t'),
                    "br" | "cr" => p.text.push('\n'),
                    "noBreakHyphen" => p.text.push('-'),
                    "footnoteReference" => {
                        if let Some(id) = attr(&e, "id") {
                            found.footnotes.push(id);
                            p.text.push_str(&format!("[{}]", found.footnotes.len()));
                        }
                    }
                    "endnoteReference" => found.endnotes += 1,
                    _ => {}
                }
            }
            ref event @ (Event::Text(_) | Event::GeneralRef(_)) if in_text => {
                if let (Some(p), Some(t)) = (para.as_mut(), text(event)?) {
                    p.text.push_str(&t);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "pPr" => in_ppr = false,
                "p" => {
                    let Some(p) = para.take() else { continue };
                    let text = p.text.trim();
                    if p.mark_deleted {
                        if !text.is_empty() {
                            joined.push_str(text);
                            joined.push(' ');
                        }
                        continue;
                    }
                    let mut full = std::mem::take(&mut joined);
                    full.push_str(text);
                    let full = full.trim();
                    let numbered = match (&p.num, p.style.as_ref().and_then(|s| styles.get(s))) {
                        (Some(n), style) => Some((n.clone(), p.ilvl.or(style.map(|s| s.1)).unwrap_or(0))),
                        (None, Some((n, l))) => Some((n.clone(), p.ilvl.unwrap_or(*l))),
                        (None, None) => None,
                    };
                    // Empty paragraphs still advance their list: Word numbers them too.
                    let label = match (lists.as_deref_mut(), numbered) {
                        (Some(lists), Some((n, l))) => lists.label(&n, l.min(LEVELS - 1)),
                        _ => None,
                    };
                    if full.is_empty() {
                        continue;
                    }
                    let full = match label {
                        Some(label) => format!("{label} {full}"),
                        None => full.to_string(),
                    };
                    if tables > 0 {
                        if !cell.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(&full);
                    } else {
                        out.push((note.clone(), full));
                    }
                }
                "tc" if tables == 1 => row.push(std::mem::take(&mut cell)),
                "tr" if tables == 1 => {
                    if let Some(text) = office::table_row(&row) {
                        out.push((note.clone(), text));
                    }
                }
                "tbl" => tables = tables.saturating_sub(1),
                "footnote" | "endnote" => note = None,
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    let rest = joined.trim();
    if !rest.is_empty() {
        out.push((note, rest.to_string()));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn numbering(levels: &str, nums: &str) -> Numbering {
        Numbering::parse(&format!("<w:numbering {NS}>{levels}{nums}</w:numbering>")).unwrap()
    }

    fn body(xml: &str, lists: Option<&mut Numbering>) -> (Vec<String>, Found) {
        let mut found = Found::default();
        let doc = format!("<w:document {NS}><w:body>{xml}</w:body></w:document>");
        let out = walk(&doc, lists, &HashMap::new(), &mut found).unwrap();
        (out.into_iter().map(|(_, t)| t).collect(), found)
    }

    fn p(num: &str, ilvl: usize, text: &str) -> String {
        format!(
            r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
        )
    }

    const TWO_LEVELS: &str = r#"<w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%2)"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%3"/><w:isLgl/></w:lvl>
    </w:abstractNum>"#;

    #[test]
    fn automatic_numbers_follow_levels_restarts_and_overrides() {
        let nums = r#"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="12"/></w:lvlOverride></w:num>"#;
        let mut lists = numbering(TWO_LEVELS, nums);
        let xml = [
            p("1", 0, "A"),
            p("1", 1, "B"),
            p("1", 1, "C"),
            p("1", 2, "D"),
            p("1", 0, "E"),
            p("1", 1, "F"),
            p("2", 0, "G"),
            p("2", 0, "H"),
            p("0", 0, "I"),
        ]
        .concat();
        let (paras, _) = body(&xml, Some(&mut lists));
        assert_eq!(
            paras,
            ["(a) A", "(i) B", "(ii) C", "1.2.1 D", "(b) E", "(i) F", "(l) G", "(m) H", "I"]
        );
    }

    #[test]
    fn number_formats() {
        let cases = [
            (1, "lowerLetter", "a"),
            (27, "lowerLetter", "aa"),
            (28, "upperLetter", "BB"),
            (4, "lowerRoman", "iv"),
            (12, "upperRoman", "XII"),
            (7, "decimalZero", "07"),
            (3, "ordinal", "3"),
        ];
        for (n, format, expected) in cases {
            assert_eq!(format_number(n, format), expected, "{n} {format}");
        }
    }

    #[test]
    fn bullets_give_no_label_and_tracked_changes_are_accepted() {
        let levels = r#"<w:abstractNum w:abstractNumId="5"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>"#;
        let mut lists = numbering(levels, r#"<w:num w:numId="3"><w:abstractNumId w:val="5"/></w:num>"#);
        let xml = format!(
            r#"{}<w:p><w:r><w:t xml:space="preserve">States </w:t></w:r><w:del w:id="1"><w:r><w:delText>should</w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>shall</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> act &amp; cooperate&#x2e;</w:t></w:r></w:p>
            <w:p><w:pPr><w:rPr><w:del w:id="3"/></w:rPr><w:pPrChange><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>Joined</w:t></w:r></w:p><w:p><w:r><w:t>here.</w:t></w:r><w:r><w:instrText>PAGE</w:instrText></w:r></w:p>"#,
            p("3", 0, "Bullet")
        );
        let (paras, found) = body(&xml, Some(&mut lists));
        assert_eq!(paras, ["Bullet", "States shall act & cooperate.", "Joined here."]);
        assert_eq!((found.insertions, found.deletions), (1, 2));
    }

    #[test]
    fn table_rows_are_paragraphs() {
        let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
        let xml = format!(
            "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}</w:tr></w:tbl>",
            cell("(a) One"),
            cell("Two"),
            cell("Three")
        );
        let (paras, found) = body(&xml, None);
        assert_eq!(paras, ["(a) One\tTwo", "Three"]);
        assert_eq!(found.tables, 1);
    }

    #[test]
    fn an_opendocument_text_is_read_not_refused() {
        // docx.rs once refused an archive holding content.xml; now `office.rs` hands it to `odt.rs`.
        let odt = super::super::office::tests::zip_of(&[(
            "content.xml",
            r#"<office:document-content xmlns:text="t"><office:body><office:text><text:p>(b) Text.</text:p></office:text></office:body></office:document-content>"#,
        )]);
        let doc = super::super::from_word_file("draft.docx", &odt, "Draft", 2020).unwrap();
        assert_eq!(
            (
                doc.document.provisions[0].label.as_ref(),
                doc.document.provisions[0].id.as_ref()
            ),
            ("(b)", "b")
        );
    }
}

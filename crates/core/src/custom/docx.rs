//! Word files (`.docx`): paragraphs in order, automatic numbers written out as labels.
//!
//! Why a file of its own: researchers keep their drafts as Word files, and what a reader sees
//! in Word is not what the XML says — a list item's `(a)` is not in the text but computed from
//! `word/numbering.xml`, a tracked deletion is still in the file, a footnote lives in another
//! part. This module turns a `.docx` into the paragraphs a reader sees and hands them to the
//! plain-text reader ([`from_paragraphs`]), so labels follow the one rule of `plain.rs`
//! whether typed or numbered by Word.
//!
//! What is read, and what is reported in [`WordDocument::notes`] (docs/custom-documents.md
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
//! Errors name the file: not a zip archive (with a guess at what it is), an encrypted or old
//! `.doc` file, an OpenDocument file, a damaged archive or XML part, a file or part over its
//! size limit, a text over [`MAX_BYTES`](super::MAX_BYTES).

use super::plain::{from_paragraphs, to_roman};
use super::problems::{over_limit, too_big, whole};
use super::{InputError, MAX_BYTES};
use crate::corpus::Document;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

/// Most bytes a Word file may have (20 MiB): pictures make files large although only the text
/// is read, and the whole file is held in memory while it is unpacked.
pub const MAX_WORD_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Most bytes one XML part may have once unpacked (64 MiB): Word's markup is many times the
/// text it carries, and a "zip bom" must stop here rather than fill the memory.
const MAX_PART_BYTES: usize = 64 * 1024 * 1024;
/// Levels Word numbering has (`w:ilvl` 0–8).
const LEVELS: usize = 9;

/// A Word file read as a reader's version, with what the reader should know about it.
#[derive(Clone, Debug)]
pub struct WordDocument {
    /// The version, labelled and with ids like pasted text.
    pub document: Document,
    /// What was done with parts that are not plain paragraphs (tables, footnotes, tracked
    /// changes) and what was left out, as sentences for the panel.
    pub notes: Vec<String>,
}

/// Reads a `.docx` file (`bytes`) named `input` (the file name, which every error names).
/// `symbol` and `year` are as for [`from_plain_text`](super::from_plain_text).
pub fn from_docx(input: &str, bytes: &[u8], symbol: &str, year: u16) -> Result<WordDocument, Vec<InputError>> {
    if bytes.len() > MAX_WORD_FILE_BYTES {
        return Err(over_limit(
            input,
            "the file is",
            bytes.len(),
            MAX_WORD_FILE_BYTES,
            "a Word file may have",
        ));
    }
    if !bytes.starts_with(b"PK\x03\x04") && !bytes.starts_with(b"PK\x05\x06") {
        return Err(whole(input, not_a_zip(bytes)));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| whole(input, format!("is damaged: not a complete zip archive ({e})")))?;
    if zip.index_for_name("word/document.xml").is_none() {
        let why = if zip.index_for_name("content.xml").is_some() {
            "is an OpenDocument file (.odt), which is not read here: save it as a Word document (.docx)"
        } else {
            "is a zip archive but not a Word document: it has no word/document.xml"
        };
        return Err(whole(input, why.into()));
    }
    let mut part = |name: &str| read_part(&mut zip, name).map_err(|why| whole(input, why));
    let body = part("word/document.xml")?.unwrap_or_default();
    let numbering = part("word/numbering.xml")?;
    let styles = part("word/styles.xml")?;
    let footnotes = part("word/footnotes.xml")?;
    let has_comments = part("word/comments.xml")?.is_some_and(|c| c.contains("<w:comment "));

    let damaged = |name: &'static str| move |e: quick_xml::Error| whole(input, format!("{name} is damaged ({e})"));
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

    let total: usize = paragraphs.iter().map(String::len).sum();
    if total > MAX_BYTES {
        return Err(too_big(input, "the text is", total));
    }
    if paragraphs.is_empty() {
        return Err(whole(
            input,
            "there is no text to compare: the document has no paragraphs with text".into(),
        ));
    }
    let document = from_paragraphs(input, &paragraphs, symbol, year)?;
    Ok(WordDocument {
        document,
        notes: found.notes(input, has_comments),
    })
}

/// Why bytes that do not start like a zip archive are not a Word file, with a guess at what
/// they are so the reader knows what to do.
fn not_a_zip(bytes: &[u8]) -> String {
    let what = if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return "is a password-protected Word file or an older Word file (.doc), which cannot be read here: \
                open it in Word and save it as a Word document (.docx) without a password"
            .into();
    } else if bytes.starts_with(b"{\\rtf") {
        "it is an RTF file"
    } else if bytes.starts_with(b"%PDF") {
        "it is a PDF file"
    } else if bytes.is_empty() {
        "it is empty"
    } else if std::str::from_utf8(bytes).is_ok() {
        "it holds plain text; paste the text or load it as a .txt file"
    } else {
        "it is not a zip archive"
    };
    format!("is not a Word document (.docx): {what}")
}

/// One XML part as text, `None` if the archive has no such part.
fn read_part<R: Read + std::io::Seek>(zip: &mut zip::ZipArchive<R>, name: &str) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(zip::result::ZipError::UnsupportedArchive(why)) if why == zip::result::ZipError::PASSWORD_REQUIRED => {
            return Err("is encrypted (password-protected): save it without a password".into())
        }
        Err(e) => return Err(format!("is damaged: {name} cannot be unpacked ({e})")),
    };
    if file.encrypted() {
        return Err("is encrypted (password-protected): save it without a password".into());
    }
    let mut data = Vec::new();
    file.take(MAX_PART_BYTES as u64 + 1)
        .read_to_end(&mut data)
        .map_err(|e| format!("is damaged: {name} cannot be unpacked ({e})"))?;
    if data.len() > MAX_PART_BYTES {
        return Err(format!(
            "{name} is more than {} MB once unpacked, more than a Word file's text may take",
            MAX_PART_BYTES / (1024 * 1024)
        ));
    }
    String::from_utf8(data)
        .map(Some)
        .map_err(|_| format!("is damaged: {name} is not UTF-8 text"))
}

/// The value of attribute `w:<name>` (any prefix), unescaped.
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string())
        })
}

fn reader(xml: &str) -> Reader<&[u8]> {
    let mut r = Reader::from_reader(xml.as_bytes());
    r.config_mut().check_end_names = true;
    r
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
    let letters = |base: u8| {
        if n == 0 {
            return n.to_string();
        }
        // Word's letters: a…z, then aa…zz, aaa…
        let letter = (base + ((n - 1) % 26) as u8) as char;
        letter.to_string().repeat(((n - 1) / 26 + 1) as usize)
    };
    match format {
        "lowerLetter" => letters(b'a'),
        "upperLetter" => letters(b'A'),
        "lowerRoman" if n > 0 && n < 4000 => to_roman(n),
        "upperRoman" if n > 0 && n < 4000 => to_roman(n).to_ascii_uppercase(),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
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

/// What a walk found besides paragraphs, for the notes.
#[derive(Debug, Default)]
struct Found {
    tables: usize,
    /// Footnote ids in the order their marks appear.
    footnotes: Vec<String>,
    endnotes: usize,
    insertions: usize,
    deletions: usize,
    /// Drawings, pictures, embedded objects and text boxes.
    left_out: usize,
}

impl Found {
    fn notes(&self, input: &str, comments: bool) -> Vec<String> {
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        let mut notes = Vec::new();
        if self.insertions + self.deletions > 0 {
            notes.push(format!(
                "tracked changes were accepted: {} kept, {} dropped",
                plural(self.insertions, "insertion", "insertions"),
                plural(self.deletions, "deletion", "deletions")
            ));
        }
        if self.tables > 0 {
            notes.push(format!(
                "{}: each row is compared as one paragraph, its cells separated by tabs",
                plural(self.tables, "table", "tables")
            ));
        }
        if !self.footnotes.is_empty() {
            notes.push(format!(
                "{}: marked [1], [2]… in the text and compared as paragraphs after it",
                plural(self.footnotes.len(), "footnote", "footnotes")
            ));
        }
        if self.endnotes > 0 {
            notes.push(format!(
                "{} left out",
                plural(self.endnotes, "endnote was", "endnotes were")
            ));
        }
        if self.left_out > 0 {
            notes.push(format!(
                "{} left out (any text in them is not compared)",
                plural(self.left_out, "drawing or text box was", "drawings or text boxes were")
            ));
        }
        if comments {
            notes.push("comments were left out".into());
        }
        notes.into_iter().map(|n| format!("{input}: {n}.")).collect()
    }
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
            Event::Text(t) if in_text => {
                if let Some(p) = para.as_mut() {
                    p.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(g) if in_text => {
                if let Some(p) = para.as_mut() {
                    match g.resolve_char_ref()? {
                        Some(c) => p.text.push(c),
                        None => p
                            .text
                            .push_str(quick_xml::escape::resolve_predefined_entity(&g).unwrap_or("")),
                    }
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
                    let text = row
                        .iter()
                        .map(|c| c.trim())
                        .filter(|c| !c.is_empty())
                        .collect::<Vec<_>>()
                        .join("\t");
                    if !text.is_empty() {
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

    fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for (name, text) in files {
            w.start_file(
                *name,
                zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
            )
            .unwrap();
            w.write_all(text.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    fn error(bytes: &[u8]) -> String {
        from_docx("draft.docx", bytes, "Draft", 2020).unwrap_err()[0].to_string()
    }

    #[test]
    fn wrong_files_are_named_and_explained() {
        assert_eq!(
            error(b"(a) Plain text renamed."),
            "draft.docx: is not a Word document (.docx): it holds plain text; paste the text or load it as a .txt file."
        );
        assert!(error(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0])
            .contains("password-protected Word file or an older Word file (.doc)"));
        let good = zip_of(&[("word/document.xml", "<w:document/>")]);
        assert!(error(&good[..good.len() / 2]).starts_with("draft.docx: is damaged: not a complete zip archive"));
        assert_eq!(
            error(&zip_of(&[("content.xml", "<x/>")])),
            "draft.docx: is an OpenDocument file (.odt), which is not read here: save it as a Word document (.docx)."
        );
        assert_eq!(
            error(&zip_of(&[("a.txt", "x")])),
            "draft.docx: is a zip archive but not a Word document: it has no word/document.xml."
        );
        assert!(error(&zip_of(&[("word/document.xml", "<w:document><w:body></w:x>")]))
            .starts_with("draft.docx: word/document.xml is damaged"));
        assert!(error(&vec![b'P'; MAX_WORD_FILE_BYTES + 1]).contains("more than the 20 MB a Word file may have"));
    }
}

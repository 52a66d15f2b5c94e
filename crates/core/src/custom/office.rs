//! Word-processor files: what reading a Word file (`.docx`, [`docx`](super::docx)) and an
//! OpenDocument text (`.odt`, [`odt`](super::odt)) shares.
//!
//! Why a file of its own: both formats are zip archives of XML parts, so opening the archive,
//! its limits (file size, unpacked part size, encryption), telling the two apart (by what the
//! archive holds, not by the file's name), reading XML attributes and text, the notes a reader
//! gets about tables, footnotes and tracked changes, and turning the paragraphs into a document
//! through the plain-text label rule are one concept with one home. Each format's file only
//! walks its own XML.
//!
//! Errors name the file: not a zip archive (with a guess at what it is), an encrypted or old
//! `.doc` file, another kind of OpenDocument file (a spreadsheet…), a damaged archive or XML
//! part, a file or part over its size limit, a text over [`MAX_BYTES`](super::MAX_BYTES).

use super::plain::from_paragraphs;
use super::problems::{over_limit, too_big, whole};
use super::InputError;
use super::MAX_BYTES;
use crate::corpus::Document;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;
use std::io::{Cursor, Read};

/// Most bytes a word-processor file may have (20 MiB): pictures make files large although only
/// the text is read, and the whole file is held in memory while it is unpacked.
pub const MAX_WORD_FILE_BYTES: usize = 20 * 1024 * 1024;
/// Most bytes one XML part may have once unpacked (64 MiB): the markup is many times the text
/// it carries, and a "zip bomb" must stop here rather than fill the memory.
const MAX_PART_BYTES: usize = 64 * 1024 * 1024;

/// A word-processor file read as a reader's version, with what the reader should know about it.
#[derive(Clone, Debug)]
pub struct WordDocument {
    /// The version, labelled and with ids like pasted text.
    pub document: Document,
    /// What was done with parts that are not plain paragraphs (tables, footnotes, tracked
    /// changes) and what was left out, as sentences for the panel.
    pub notes: Vec<String>,
}

/// Reads a word-processor file (`bytes`) named `input` (the file name, which every error
/// names): a Word document (`.docx`) or an OpenDocument text (`.odt`), told apart by what the
/// archive holds, so a file with the wrong extension is still read. `symbol` and `year` are as
/// for [`from_plain_text`](super::from_plain_text).
pub fn from_word_file(input: &str, bytes: &[u8], symbol: &str, year: u16) -> Result<WordDocument, Vec<InputError>> {
    let mut package = Package::open(input, bytes)?;
    let read = match package.format {
        Format::Docx => super::docx::read(&mut package)?,
        Format::Odt => super::odt::read(&mut package)?,
    };
    read.into_document(input, symbol, year)
}

/// Which format an archive is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Format {
    /// Office Open XML (`word/document.xml`).
    Docx,
    /// OpenDocument text (`content.xml`, mimetype `application/vnd.oasis.opendocument.text`).
    Odt,
}

/// What the file's name says it is, for messages about a file that is not what it claims.
fn claimed(input: &str) -> &'static str {
    if input.to_ascii_lowercase().ends_with(".odt") {
        "an OpenDocument text (.odt)"
    } else {
        "a Word document (.docx)"
    }
}

/// An opened archive and its format.
pub(super) struct Package<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    /// The file's name, for every error.
    pub input: &'a str,
    pub format: Format,
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a zip archive and tells which format it holds.
    fn open(input: &'a str, bytes: &'a [u8]) -> Result<Self, Vec<InputError>> {
        if bytes.len() > MAX_WORD_FILE_BYTES {
            let holder = if claimed(input).contains("OpenDocument") {
                "an OpenDocument file may have"
            } else {
                "a Word file may have"
            };
            return Err(over_limit(
                input,
                "the file is",
                bytes.len(),
                MAX_WORD_FILE_BYTES,
                holder,
            ));
        }
        if !bytes.starts_with(b"PK\x03\x04") && !bytes.starts_with(b"PK\x05\x06") {
            return Err(whole(input, not_a_zip(input, bytes)));
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| whole(input, format!("is damaged: not a complete zip archive ({e})")))?;
        let mut package = Package {
            zip,
            input,
            format: Format::Docx,
        };
        if package.zip.index_for_name("word/document.xml").is_some() {
            return Ok(package);
        }
        let mimetype = package.part("mimetype")?.unwrap_or_default();
        let mimetype = mimetype.trim();
        if let Some(kind) = mimetype.strip_prefix("application/vnd.oasis.opendocument.") {
            if !matches!(kind, "text" | "text-template") {
                let what = match kind {
                    "spreadsheet" | "spreadsheet-template" => "a spreadsheet (.ods)",
                    "presentation" | "presentation-template" => "a presentation (.odp)",
                    "graphics" | "graphics-template" => "a drawing (.odg)",
                    _ => "not a text document",
                };
                return Err(whole(
                    input,
                    format!(
                        "is an OpenDocument file but {what}, not a text: save the text as an OpenDocument text (.odt)"
                    ),
                ));
            }
        }
        if package.zip.index_for_name("content.xml").is_some() {
            let manifest = package.part("META-INF/manifest.xml")?.unwrap_or_default();
            if manifest.contains("encryption-data") {
                return Err(whole(
                    input,
                    "is encrypted (password-protected): save it without a password".into(),
                ));
            }
            package.format = Format::Odt;
            return Ok(package);
        }
        let why = match claimed(input) {
            c if c.contains("OpenDocument") => "is a zip archive but not an OpenDocument text: it has no content.xml",
            _ => "is a zip archive but not a Word document: it has no word/document.xml",
        };
        Err(whole(input, why.into()))
    }

    /// One XML part as text, `None` if the archive has no such part; errors name the file.
    pub fn part(&mut self, name: &str) -> Result<Option<String>, Vec<InputError>> {
        read_part(&mut self.zip, name).map_err(|why| whole(self.input, why))
    }

    /// The error for a part whose XML could not be read.
    pub fn damaged(&self, name: &str, e: quick_xml::Error) -> Vec<InputError> {
        whole(self.input, format!("{name} is damaged ({e})"))
    }
}

/// Why bytes that do not start like a zip archive are not a word-processor file, with a guess
/// at what they are so the reader knows what to do.
fn not_a_zip(input: &str, bytes: &[u8]) -> String {
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
    format!("is not {}: {what}", claimed(input))
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
            "{name} is more than {} MB once unpacked, more than a word-processor file's text may take",
            MAX_PART_BYTES / (1024 * 1024)
        ));
    }
    String::from_utf8(data)
        .map(Some)
        .map_err(|_| format!("is damaged: {name} is not UTF-8 text"))
}

/// The value of attribute `<name>` (any prefix), unescaped.
pub(super) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| a.value.to_string())
        })
}

/// A reader of one XML part that insists on matching end tags and on every element being
/// closed: a part cut short is an error, never a document that silently ends early.
pub(super) struct Xml<'a> {
    reader: Reader<&'a [u8]>,
    open: Vec<String>,
}

/// Reads one XML part (see [`Xml`]).
pub(super) fn reader(xml: &str) -> Xml<'_> {
    let mut reader = Reader::from_reader(xml.as_bytes());
    reader.config_mut().check_end_names = true;
    Xml {
        reader,
        open: Vec::new(),
    }
}

impl<'a> Xml<'a> {
    /// The next event; [`Event::Eof`] only once every element is closed.
    pub fn read_event(&mut self) -> Result<Event<'a>, quick_xml::Error> {
        let event = self.reader.read_event()?;
        match &event {
            Event::Start(e) => self.open.push(e.name().as_ref().to_string()),
            Event::End(_) => {
                self.open.pop();
            }
            Event::Eof => {
                if let Some(name) = self.open.pop() {
                    return Err(quick_xml::errors::IllFormedError::MissingEndTag(name).into());
                }
            }
            _ => {}
        }
        Ok(event)
    }
}

/// The character data an event carries (text, or a character or predefined entity
/// reference), `None` for any other event.
pub(super) fn text<'e>(event: &'e Event) -> Result<Option<Cow<'e, str>>, quick_xml::Error> {
    Ok(match event {
        Event::Text(t) => Some(t.xml10_content()),
        Event::GeneralRef(g) => Some(match g.resolve_char_ref()? {
            Some(c) => Cow::Owned(c.to_string()),
            None => Cow::Borrowed(quick_xml::escape::resolve_predefined_entity(g).unwrap_or("")),
        }),
        _ => None,
    })
}

/// One table row as one paragraph: its non-empty cells, trimmed, joined by tabs (a row reads
/// across, and a tab keeps the cells apart in the redline); `None` for a row without text.
pub(super) fn table_row(cells: &[String]) -> Option<String> {
    let text = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .collect::<Vec<_>>()
        .join("\t");
    (!text.is_empty()).then_some(text)
}

/// What a walk of a file found: its paragraphs, and besides them what the notes report.
#[derive(Debug, Default)]
pub(super) struct Found {
    /// The paragraphs a reader sees, in order, each trimmed and not empty, automatic numbers
    /// written out in front.
    pub paragraphs: Vec<String>,
    pub tables: usize,
    /// Footnote ids in the order their marks appear.
    pub footnotes: Vec<String>,
    pub endnotes: usize,
    pub insertions: usize,
    pub deletions: usize,
    /// Drawings, pictures, embedded objects and text boxes.
    pub left_out: usize,
    /// Whether the file holds comments (left out).
    pub comments: bool,
}

impl Found {
    /// The version: the shared size and emptiness checks, then the plain-text label rule.
    fn into_document(self, input: &str, symbol: &str, year: u16) -> Result<WordDocument, Vec<InputError>> {
        let total: usize = self.paragraphs.iter().map(String::len).sum();
        if total > MAX_BYTES {
            return Err(too_big(input, "the text is", total));
        }
        if self.paragraphs.is_empty() {
            return Err(whole(
                input,
                "there is no text to compare: the document has no paragraphs with text".into(),
            ));
        }
        let document = from_paragraphs(input, &self.paragraphs, symbol, year)?;
        Ok(WordDocument {
            notes: self.notes(input),
            document,
        })
    }

    /// What the reader should know, one sentence each, naming the file.
    fn notes(&self, input: &str) -> Vec<String> {
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
        if self.comments {
            notes.push("comments were left out".into());
        }
        notes.into_iter().map(|n| format!("{input}: {n}.")).collect()
    }
}

/// A counter in a list format: `decimal`, `lower-letter`, `upper-letter`, `lower-roman`,
/// `upper-roman`, each format's own name mapped here by its reader. `letter_sync`: letters
/// repeat (`aa`, `bb`, as Word and LibreOffice's default write them) rather than count on
/// (`aa`, `ab`).
pub(super) fn format_counter(n: u32, format: Counter, letter_sync: bool) -> String {
    let letters = |base: u8| {
        if n == 0 {
            return n.to_string();
        }
        if letter_sync {
            let letter = (base + ((n - 1) % 26) as u8) as char;
            return letter.to_string().repeat(((n - 1) / 26 + 1) as usize);
        }
        // Bijective base 26: a…z, aa, ab…
        let mut out = Vec::new();
        let mut m = n;
        while m > 0 {
            m -= 1;
            out.push(base + (m % 26) as u8);
            m /= 26;
        }
        out.iter().rev().map(|&b| b as char).collect()
    };
    match format {
        Counter::LowerLetter => letters(b'a'),
        Counter::UpperLetter => letters(b'A'),
        Counter::LowerRoman if n > 0 && n < 4000 => super::plain::to_roman(n),
        Counter::UpperRoman if n > 0 && n < 4000 => super::plain::to_roman(n).to_ascii_uppercase(),
        Counter::DecimalZero => format!("{n:02}"),
        _ => n.to_string(),
    }
}

/// The counter formats both formats' lists use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum Counter {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A zip archive of `files`, stored (the formats' own compression is not what is tested).
    pub fn zip_of(files: &[(&str, &str)]) -> Vec<u8> {
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

    pub fn error(name: &str, bytes: &[u8]) -> String {
        from_word_file(name, bytes, "Draft", 2020).unwrap_err()[0].to_string()
    }

    #[test]
    fn counters_in_every_format() {
        let cases = [
            (1, Counter::LowerLetter, true, "a"),
            (27, Counter::LowerLetter, true, "aa"),
            (28, Counter::UpperLetter, true, "BB"),
            (27, Counter::LowerLetter, false, "aa"),
            (28, Counter::LowerLetter, false, "ab"),
            (53, Counter::UpperLetter, false, "BA"),
            (4, Counter::LowerRoman, true, "iv"),
            (12, Counter::UpperRoman, true, "XII"),
            (7, Counter::DecimalZero, true, "07"),
            (3, Counter::Decimal, true, "3"),
            (0, Counter::LowerRoman, true, "0"),
        ];
        for (n, format, sync, expected) in cases {
            assert_eq!(format_counter(n, format, sync), expected, "{n} {format:?} {sync}");
        }
    }

    #[test]
    fn wrong_files_are_named_and_explained() {
        let docx = |b: &[u8]| error("draft.docx", b);
        let odt = |b: &[u8]| error("draft.odt", b);
        assert_eq!(
            docx(b"(a) Plain text renamed."),
            "draft.docx: is not a Word document (.docx): it holds plain text; paste the text or load it as a .txt file."
        );
        assert_eq!(
            odt(b"(a) Plain text renamed."),
            "draft.odt: is not an OpenDocument text (.odt): it holds plain text; paste the text or load it as a .txt file."
        );
        assert!(docx(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0])
            .contains("password-protected Word file or an older Word file (.doc)"));
        assert!(odt(b"%PDF-1.7").ends_with("is not an OpenDocument text (.odt): it is a PDF file."));
        let good = zip_of(&[("word/document.xml", "<w:document/>")]);
        assert!(docx(&good[..good.len() / 2]).starts_with("draft.docx: is damaged: not a complete zip archive"));
        assert_eq!(
            docx(&zip_of(&[("a.txt", "x")])),
            "draft.docx: is a zip archive but not a Word document: it has no word/document.xml."
        );
        assert_eq!(
            odt(&zip_of(&[("a.txt", "x")])),
            "draft.odt: is a zip archive but not an OpenDocument text: it has no content.xml."
        );
        assert_eq!(
            odt(&zip_of(&[
                ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                ("content.xml", "<x/>")
            ])),
            "draft.odt: is an OpenDocument file but a spreadsheet (.ods), not a text: save the text as an OpenDocument text (.odt)."
        );
        assert_eq!(
            odt(&zip_of(&[
                ("mimetype", "application/vnd.oasis.opendocument.text"),
                ("content.xml", "\u{1}binary"),
                ("META-INF/manifest.xml", "<manifest:encryption-data/>")
            ])),
            "draft.odt: is encrypted (password-protected): save it without a password."
        );
        assert!(docx(&zip_of(&[("word/document.xml", "<w:document><w:body></w:x>")]))
            .starts_with("draft.docx: word/document.xml is damaged"));
        assert!(odt(&zip_of(&[(
            "content.xml",
            "<office:document-content><office:body></x>"
        )]))
        .starts_with("draft.odt: content.xml is damaged"));
        assert!(docx(&vec![b'P'; MAX_WORD_FILE_BYTES + 1]).contains("more than the 20 MB a Word file may have"));
        assert!(odt(&vec![b'P'; MAX_WORD_FILE_BYTES + 1]).contains("more than the 20 MB an OpenDocument file may have"));
    }

    #[test]
    fn the_format_is_the_archive_s_not_the_name_s() {
        let odt = zip_of(&[
            ("mimetype", "application/vnd.oasis.opendocument.text"),
            (
                "content.xml",
                r#"<office:document-content xmlns:office="o" xmlns:text="t"><office:body><office:text><text:p>(a) Read.</text:p></office:text></office:body></office:document-content>"#,
            ),
        ]);
        let doc = from_word_file("renamed.docx", &odt, "x", 2020).unwrap();
        assert_eq!(doc.document.provisions[0].label, "(a)");
        assert_eq!(doc.document.provisions[0].text, "Read.");
        let empty = zip_of(&[("content.xml", "<office:document-content/>")]);
        assert_eq!(
            error("empty.odt", &empty),
            "empty.odt: there is no text to compare: the document has no paragraphs with text."
        );
    }
}

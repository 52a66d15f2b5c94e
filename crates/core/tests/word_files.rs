//! Word and OpenDocument files made by a real word processor: the sources are flat OpenDocument
//! files written for these tests (tests/fixtures/word/*.fodt), converted to .docx and .odt by
//! LibreOffice (`soffice --headless --convert-to docx|odt`, installed by
//! tools/setup.d/50-libreoffice.sh) into the test target's temporary folder, once per run. No
//! binary fixture is committed: what LibreOffice writes (numbering.xml or list styles, tracked
//! changes, footnotes) is what is tested, and both formats must read as the same provisions.

use draftdiff_core::custom::{from_word_file, WordDocument};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Instant;

/// The folder holding `<name>.docx` and `<name>.odt` for every `tests/fixtures/word/<name>.fodt`,
/// made once.
fn generated() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/word");
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("word");
        std::fs::create_dir_all(&out).unwrap();
        let fodt: Vec<PathBuf> = std::fs::read_dir(&sources)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "fodt"))
            .collect();
        // A profile of its own, so a LibreOffice the developer has open does not take the job.
        let profile = format!("-env:UserInstallation=file://{}", out.join("profile").display());
        let started = Instant::now();
        for format in ["docx", "odt"] {
            let status = Command::new("soffice")
                .args([profile.as_str(), "--headless", "--convert-to", format, "--outdir"])
                .arg(&out)
                .args(&fodt)
                .output()
                .unwrap_or_else(|e| {
                    panic!("LibreOffice (soffice) is needed to make the Word fixtures; run tools/setup ({e})")
                });
            assert!(
                status.status.success(),
                "soffice failed: {}",
                String::from_utf8_lossy(&status.stderr)
            );
        }
        eprintln!(
            "LibreOffice made {} Word and OpenDocument files in {:?}",
            2 * fodt.len(),
            started.elapsed()
        );
        out
    })
}

/// Both formats of fixture `name`, read: `[(file name, document)]` for .docx and .odt.
fn read(name: &str) -> [(String, WordDocument); 2] {
    ["docx", "odt"].map(|ext| {
        let file = format!("{name}.{ext}");
        let bytes = std::fs::read(generated().join(&file)).unwrap();
        let started = Instant::now();
        let doc = from_word_file(&file, &bytes, name, 2024).unwrap_or_else(|e| panic!("{e:?}"));
        eprintln!("{file} ({} bytes) read in {:?}", bytes.len(), started.elapsed());
        (file, doc)
    })
}

/// `(label, id, text)` of every provision.
fn shape(doc: &WordDocument) -> Vec<(String, String, String)> {
    doc.document
        .provisions
        .iter()
        .map(|p| (p.label.to_string(), p.id.to_string(), p.text.to_string()))
        .collect()
}

fn row(label: &str, id: &str, text: &str) -> (String, String, String) {
    (label.into(), id.into(), text.into())
}

#[test]
fn automatic_numbering_tracked_changes_tables_and_footnotes() {
    for (file, doc) in read("numbered") {
        assert_eq!(
            shape(&doc),
            [
                row("", "p-1", "Preamble paragraph."),
                row("(a)", "a", "States shall cooperate."),
                row("(b)", "b", "States shall share information."),
                row("(c)", "c", "Further matters:"),
                row("1.", "1", "First sub-item."),
                row("2.", "2", "Second sub-item."),
                row("(d)", "d", "Last item."),
                row("(i)", "i", "Roman one."),
                row("(ii)", "ii", "Roman two."),
                row("", "p-10", "Cell A1\tCell B1"),
                row("", "p-11", "Cell A2\tCell B2"),
                row("(a)", "a-2", "Restarted list."),
                row("", "p-13", "Text with a note.[1]"),
                row("", "p-14", "[1] A footnote text."),
            ],
            "{file}"
        );
        assert_eq!(
            doc.notes,
            [
                format!("{file}: tracked changes were accepted: 1 insertion kept, 1 deletion dropped."),
                format!("{file}: 1 table: each row is compared as one paragraph, its cells separated by tabs."),
                format!("{file}: 1 footnote: marked [1], [2]… in the text and compared as paragraphs after it."),
            ]
        );
    }
}

#[test]
fn typed_labels() {
    for (file, doc) in read("typed") {
        assert_eq!(
            shape(&doc),
            [
                row("", "p-1", "International code of conduct"),
                row("1.", "1", "States shall cooperate."),
                row("(12)", "12", "Twelve is a number."),
                row("(iv)", "iv", "Four in roman numerals."),
                row("b)", "b", "A letter label."),
                row("", "p-6", "1.5 million is not a label."),
            ],
            "{file}"
        );
        assert!(doc.notes.is_empty(), "{file}: {:?}", doc.notes);
    }
}

/// The two formats of one draft compare as the same text: no row changes between them.
#[test]
fn a_docx_and_an_odt_of_one_draft_compare_as_unchanged() {
    use draftdiff_core::align::RowKind;
    use draftdiff_core::compare::Comparison;
    use draftdiff_core::custom::{distinct_years, options};
    let [(_, docx), (_, odt)] = read("numbered");
    let (mut old, mut new) = (docx.document, odt.document);
    distinct_years(&mut old, &mut new);
    let cmp = Comparison::with_options(old, new, &options());
    assert_eq!(cmp.pairs.len(), 14);
    assert!(
        cmp.pairs.iter().all(|p| p.row.kind == RowKind::Unchanged),
        "{:?}",
        cmp.pairs
    );
}

#[test]
fn a_damaged_file_and_a_renamed_text_file_are_named() {
    for ext in ["docx", "odt"] {
        let bytes = std::fs::read(generated().join(format!("numbered.{ext}"))).unwrap();
        let name = format!("cut.{ext}");
        let cut = from_word_file(&name, &bytes[..bytes.len() - 200], "cut", 2024).unwrap_err();
        assert!(
            cut[0].to_string().starts_with(&format!("{name}: is damaged")),
            "{cut:?}"
        );
    }
    let text = from_word_file("notes.docx", b"(a) Some notes.\n\n(b) More.", "notes", 2024).unwrap_err();
    assert_eq!(
        text[0].to_string(),
        "notes.docx: is not a Word document (.docx): it holds plain text; paste the text or load it as a .txt file."
    );
    let text = from_word_file("notes.odt", b"(a) Some notes.", "notes", 2024).unwrap_err();
    assert_eq!(
        text[0].to_string(),
        "notes.odt: is not an OpenDocument text (.odt): it holds plain text; paste the text or load it as a .txt file."
    );
}

/// A damaged part inside an intact archive: content.xml cut short, the archive rebuilt.
#[test]
fn a_damaged_content_xml_is_named() {
    use std::io::{Read, Write};
    let bytes = std::fs::read(generated().join("numbered.odt")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        let mut data = Vec::new();
        file.read_to_end(&mut data).unwrap();
        if name == "content.xml" {
            // Cut at a tag in the middle of the body, as a broken download or editor might.
            let half = data.len() / 2;
            let at = half + data[half..].iter().position(|&b| b == b'<').unwrap();
            data.truncate(at);
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        out.write_all(&data).unwrap();
    }
    let damaged = out.finish().unwrap().into_inner();
    let errors = from_word_file("damaged.odt", &damaged, "d", 2024).unwrap_err();
    assert!(
        errors[0].to_string().starts_with("damaged.odt: content.xml is damaged"),
        "{errors:?}"
    );
}

//! Word files made by a real word processor: the sources are flat OpenDocument files written
//! for these tests (tests/fixtures/word/*.fodt), converted to .docx by LibreOffice
//! (`soffice --headless --convert-to docx`, installed by tools/setup.d/50-libreoffice.sh) into
//! the test target's temporary folder, once per run. No binary fixture is committed: what
//! LibreOffice writes (numbering.xml, tracked changes, footnotes) is what is tested.

use draftdiff_core::custom::{from_docx, WordDocument};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::Instant;

/// The folder holding `<name>.docx` for every `tests/fixtures/word/<name>.fodt`, made once.
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
        let status = Command::new("soffice")
            .args([profile.as_str(), "--headless", "--convert-to", "docx", "--outdir"])
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
        eprintln!("LibreOffice made {} Word files in {:?}", fodt.len(), started.elapsed());
        out
    })
}

fn read(name: &str) -> WordDocument {
    let bytes = std::fs::read(generated().join(format!("{name}.docx"))).unwrap();
    let started = Instant::now();
    let doc = from_docx(&format!("{name}.docx"), &bytes, name, 2024).unwrap_or_else(|e| panic!("{e:?}"));
    eprintln!("{name}.docx ({} bytes) read in {:?}", bytes.len(), started.elapsed());
    doc
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
    let doc = read("numbered");
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
        ]
    );
    assert_eq!(
        doc.notes,
        [
            "numbered.docx: tracked changes were accepted: 1 insertion kept, 1 deletion dropped.",
            "numbered.docx: 1 table: each row is compared as one paragraph, its cells separated by tabs.",
            "numbered.docx: 1 footnote: marked [1], [2]… in the text and compared as paragraphs after it.",
        ]
    );
}

#[test]
fn typed_labels() {
    let doc = read("typed");
    assert_eq!(
        shape(&doc),
        [
            row("", "p-1", "International code of conduct"),
            row("1.", "1", "States shall cooperate."),
            row("(12)", "12", "Twelve is a number."),
            row("(iv)", "iv", "Four in roman numerals."),
            row("b)", "b", "A letter label."),
            row("", "p-6", "1.5 million is not a label."),
        ]
    );
    assert!(doc.notes.is_empty(), "{:?}", doc.notes);
}

#[test]
fn a_damaged_file_and_a_renamed_text_file_are_named() {
    let bytes = std::fs::read(generated().join("numbered.docx")).unwrap();
    let cut = from_docx("cut.docx", &bytes[..bytes.len() - 200], "cut", 2024).unwrap_err();
    assert!(cut[0].to_string().starts_with("cut.docx: is damaged"), "{cut:?}");
    let text = from_docx("notes.docx", b"(a) Some notes.\n\n(b) More.", "notes", 2024).unwrap_err();
    assert_eq!(
        text[0].to_string(),
        "notes.docx: is not a Word document (.docx): it holds plain text; paste the text or load it as a .txt file."
    );
}

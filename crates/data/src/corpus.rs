//! Build-time reading of the corpus TOML: parse, validate, and emit static Rust data.
//!
//! Shared by `build.rs` (which generates `$OUT_DIR/corpus.rs`) and by the crate's native
//! tests (which feed it broken documents), so the validation rules are tested, not trusted.

use crate::ids::provision_id_problem;
use crate::model::{Part, Status};
use serde::Deserialize;
use std::collections::HashSet;
use std::fmt::Write;

/// A document as written in `data/corpus/*.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub symbol: String,
    pub year: u16,
    pub date: String,
    pub letter_date: String,
    pub title: String,
    pub submitted_by: Vec<String>,
    pub official_url: String,
    pub transcription_note: String,
    #[serde(rename = "provision", default)]
    pub provisions: Vec<RawProvision>,
}

/// One `[[provision]]` table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProvision {
    pub id: String,
    pub part: String,
    pub label: String,
    pub text: String,
    pub status: String,
    pub sources: Vec<String>,
}

/// Parses and validates one corpus file; every problem is reported as `file: provision `id`: problem`.
pub fn parse(file: &str, source: &str) -> Result<RawDocument, Vec<String>> {
    let doc: RawDocument =
        toml::from_str(source).map_err(|e| vec![format!("{file}: not a valid corpus document: {e}")])?;
    let mut problems = Vec::new();
    if doc.symbol.trim().is_empty() {
        problems.push(format!("{file}: the document has no symbol"));
    }
    if doc.provisions.is_empty() {
        problems.push(format!("{file}: the document has no provisions"));
    }
    let mut seen = HashSet::new();
    let mut last_part = 0;
    for (n, p) in doc.provisions.iter().enumerate() {
        let at = if p.id.is_empty() {
            format!("{file}: provision #{}", n + 1)
        } else {
            format!("{file}: provision `{}`", p.id)
        };
        if let Some(problem) = provision_id_problem(&p.id) {
            problems.push(format!("{at}: {problem}"));
        }
        if !seen.insert(p.id.as_str()) {
            problems.push(format!("{at}: duplicate id"));
        }
        match Part::ALL.iter().position(|k| k.key() == p.part) {
            None => problems.push(format!(
                "{at}: unknown part `{}` (expected letter, preamble, purpose or code)",
                p.part
            )),
            Some(i) if i < last_part => problems.push(format!("{at}: part `{}` comes after a later part", p.part)),
            Some(i) => last_part = i,
        }
        if p.text.trim().is_empty() {
            problems.push(format!("{at}: empty text"));
        }
        if Status::from_key(&p.status).is_none() {
            problems.push(format!(
                "{at}: unknown status `{}` (expected verified, partial or recalled)",
                p.status
            ));
        }
    }
    if problems.is_empty() {
        Ok(doc)
    } else {
        Err(problems)
    }
}

/// Rust source for one `static` `Document` (the core's `corpus::Document`) named `name`, plus the arrays it borrows.
pub fn emit(name: &str, doc: &RawDocument) -> String {
    let mut out = String::new();
    let list = |items: &[String]| {
        items
            .iter()
            .map(|s| format!("Cow::Borrowed({s:?})"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for (i, p) in doc.provisions.iter().enumerate() {
        let _ = writeln!(
            out,
            "static {name}_SRC_{i}: [Text; {}] = [{}];",
            p.sources.len(),
            list(&p.sources)
        );
    }
    let _ = writeln!(
        out,
        "static {name}_PROVISIONS: [Provision; {}] = [",
        doc.provisions.len()
    );
    for (i, p) in doc.provisions.iter().enumerate() {
        let part = Part::from_key(&p.part).expect("validated");
        let status = Status::from_key(&p.status).expect("validated");
        let _ = writeln!(
            out,
            "    Provision {{ id: Cow::Borrowed({:?}), part: Part::{part:?}, label: Cow::Borrowed({:?}), text: Cow::Borrowed({:?}), status: Some(Status::{status:?}), sources: Cow::Borrowed(&{name}_SRC_{i}) }},",
            p.id, p.label, p.text
        );
    }
    let _ = writeln!(out, "];");
    let _ = writeln!(
        out,
        "static {name}_SPONSORS: [Text; {}] = [{}];",
        doc.submitted_by.len(),
        list(&doc.submitted_by)
    );
    let _ = writeln!(
        out,
        "pub(super) static {name}: Document = Document {{ symbol: Cow::Borrowed({:?}), year: {}, date: Cow::Borrowed({:?}), letter_date: Cow::Borrowed({:?}), title: Cow::Borrowed({:?}), official_url: Cow::Borrowed({:?}), transcription_note: Cow::Borrowed({:?}), submitted_by: Cow::Borrowed(&{name}_SPONSORS), provisions: Cow::Borrowed(&{name}_PROVISIONS) }};",
        doc.symbol, doc.year, doc.date, doc.letter_date, doc.title, doc.official_url, doc.transcription_note
    );
    out
}

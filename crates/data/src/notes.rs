//! Build-time reading of `data/notes.toml`: parse, validate against the corpus and the themes,
//! and emit static Rust data (`$OUT_DIR/notes.rs`, included by `src/notes.rs`).
//!
//! A note explains a change in words of its own, so the risk is that it drifts from the texts it
//! describes (a corrected transcription, a renumbered provision). Each note therefore names the
//! verbatim words it rests on, and the build checks them here. Shared by `build.rs` and by the
//! crate's native tests (which feed it broken files), so the rules are tested, not trusted.

// Basis words and quotes claim to be verbatim: checked with the fold module's strict level.
use crate::fold::verbatim as fold;
use serde::Deserialize;
use std::collections::HashSet;
use std::fmt::Write;

/// Longest note text, in characters: a note is a gloss beside a row, not an essay.
pub const MAX_TEXT_CHARS: usize = 450;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NotesFile {
    #[serde(rename = "note", default)]
    notes: Vec<RawNote>,
}

/// One `[[note]]` table of `data/notes.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNote {
    pub id: String,
    pub title: String,
    pub text: String,
    #[serde(default)]
    pub caveat: Option<String>,
    /// Defaulted so that a missing list is reported as "no provision", naming the note.
    #[serde(default)]
    pub provisions: Vec<RawAnchor>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub basis: Vec<RawBasis>,
}

/// A provision a note is about.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnchor {
    pub doc: String,
    pub id: String,
}

/// Verbatim words of a provision that a note rests on.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBasis {
    pub doc: String,
    pub id: String,
    pub words: String,
}

/// What the validation needs to know of one corpus document, so this module does not depend on
/// the corpus module's types (`build.rs` and the tests hold different ones).
pub struct Document<'a> {
    pub symbol: &'a str,
    pub provisions: Vec<Provision<'a>>,
}

/// One paragraph of a [`Document`]; `status` is its transcription status key (`verified`,
/// `partial`, `recalled`).
pub struct Provision<'a> {
    pub id: &'a str,
    pub text: &'a str,
    pub status: &'a str,
}

/// Parses and validates the notes; problems read `file: note `id`: problem`.
pub fn parse(file: &str, source: &str, docs: &[Document], themes: &[&str]) -> Result<Vec<RawNote>, Vec<String>> {
    let notes = toml::from_str::<NotesFile>(source)
        .map_err(|e| vec![format!("{file}: not a valid note list: {e}")])?
        .notes;
    let symbols = docs.iter().map(|d| d.symbol).collect::<Vec<_>>().join(" or ");
    let find = |doc: &str, id: &str| -> Result<&Provision, String> {
        let d = docs
            .iter()
            .find(|d| d.symbol == doc)
            .ok_or_else(|| format!("unknown document `{doc}` (expected {symbols})"))?;
        d.provisions
            .iter()
            .find(|p| p.id == id)
            .ok_or_else(|| format!("no provision `{id}` in {doc}"))
    };
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    for (n, note) in notes.iter().enumerate() {
        let at = if note.id.is_empty() {
            format!("{file}: note #{}", n + 1)
        } else {
            format!("{file}: note `{}`", note.id)
        };
        if let Some(problem) = crate::ids::name_problem(&note.id) {
            problems.push(format!("{at}: {problem}"));
        }
        if !ids.insert(note.id.as_str()) {
            problems.push(format!("{at}: duplicate id"));
        }
        if note.title.trim().is_empty() {
            problems.push(format!("{at}: empty title"));
        }
        let length = note.text.chars().count();
        if note.text.trim().is_empty() {
            problems.push(format!("{at}: empty text"));
        } else if length > MAX_TEXT_CHARS {
            problems.push(format!(
                "{at}: text is {length} characters, more than {MAX_TEXT_CHARS}; keep notes to one to three short sentences"
            ));
        }
        if note.caveat.as_deref().is_some_and(|c| c.trim().is_empty()) {
            problems.push(format!("{at}: empty caveat (leave it out instead)"));
        }

        if note.provisions.is_empty() {
            problems.push(format!("{at}: no provision"));
        }
        // The note's provisions that exist, for the basis and quotation checks below.
        let mut own: Vec<(&str, &str, &Provision)> = Vec::new();
        for a in &note.provisions {
            match find(&a.doc, &a.id) {
                Err(problem) => problems.push(format!("{at}: provision: {problem}")),
                Ok(_) if own.iter().any(|(d, i, _)| *d == a.doc && *i == a.id) => {
                    problems.push(format!("{at}: provision {} `{}` listed twice", a.doc, a.id))
                }
                Ok(p) => own.push((&a.doc, &a.id, p)),
            }
        }
        // An unconfirmed paragraph can be misquoted: the reader must be told.
        if note.caveat.is_none() {
            for (doc, id, _) in own.iter().filter(|(_, _, p)| p.status == "recalled") {
                problems.push(format!(
                    "{at}: provision {doc} `{id}` is recalled (unconfirmed wording), so the note needs a `caveat`"
                ));
            }
        }

        let mut themes_seen = HashSet::new();
        for t in &note.themes {
            if !themes.contains(&t.as_str()) {
                problems.push(format!("{at}: unknown theme `{t}`"));
            } else if !themes_seen.insert(t.as_str()) {
                problems.push(format!("{at}: theme `{t}` listed twice"));
            }
        }

        if note.basis.is_empty() {
            problems.push(format!("{at}: no basis (name the words the note rests on)"));
        }
        for b in &note.basis {
            let words = fold(&b.words);
            if words.is_empty() {
                problems.push(format!("{at}: basis on {} `{}`: empty words", b.doc, b.id));
                continue;
            }
            match own.iter().find(|(d, i, _)| *d == b.doc && *i == b.id) {
                Some((_, _, p)) if !fold(p.text).contains(&words) => {
                    problems.push(format!("{at}: basis words \"{words}\" are not in {} `{}`", b.doc, b.id))
                }
                Some(_) => {}
                None => match find(&b.doc, &b.id) {
                    Err(problem) => problems.push(format!("{at}: basis: {problem}")),
                    Ok(_) => problems.push(format!(
                        "{at}: basis on {} `{}`, which is not one of the note's provisions",
                        b.doc, b.id
                    )),
                },
            }
        }

        // Notes speak in their own words; what they put in double quotes must be the drafts'.
        let pieces: Vec<&str> = note.text.split('"').collect();
        // An odd number of quote marks splits the text into an even number of pieces.
        if pieces.len().is_multiple_of(2) {
            problems.push(format!("{at}: text has an unbalanced double quote"));
        } else {
            for quoted in pieces.iter().skip(1).step_by(2) {
                let quoted = fold(quoted);
                if !own.iter().any(|(_, _, p)| fold(p.text).contains(&quoted)) {
                    problems.push(format!(
                        "{at}: text quotes \"{quoted}\", which is not in any of the note's provisions (quote only the drafts)"
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(notes)
    } else {
        Err(problems)
    }
}

/// Rust source for `NOTES`, a const array of `Note` in file order. Expects input that passed
/// validation.
pub fn emit(notes: &[RawNote]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "pub(super) const NOTES: [Note; {}] = [", notes.len());
    for n in notes {
        let provisions: Vec<String> = n
            .provisions
            .iter()
            .map(|a| format!("({:?}, {:?})", a.doc, a.id))
            .collect();
        let basis: Vec<String> = n
            .basis
            .iter()
            .map(|b| format!("({:?}, {:?}, {:?})", b.doc, b.id, b.words))
            .collect();
        let _ = writeln!(
            out,
            "    Note {{ id: {:?}, title: {:?}, text: {:?}, caveat: {:?}, provisions: &[{}], themes: &{:?}, basis: &[{}] }},",
            n.id,
            n.title,
            n.text,
            n.caveat,
            provisions.join(", "),
            n.themes,
            basis.join(", ")
        );
    }
    let _ = writeln!(out, "];");
    out
}

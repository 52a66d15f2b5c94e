//! Build-time reading of `data/themes.toml` and `data/tags.toml`: parse, validate, and emit
//! static Rust data (`$OUT_DIR/themes.rs`, included by `src/themes.rs`).
//!
//! Shared by `build.rs` and by the crate's native tests (which feed it broken files and use
//! the parsed exceptions for the tag lint), so the validation rules are tested, not trusted.
//! Keyword syntax is checked here because the run-time matcher trusts it.

use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// A `ThemeSet` is a `u16` bitset, so no more themes than this fit.
pub const MAX_THEMES: usize = 16;
/// The UI has this many accent colours; `accent` indexes them.
pub const ACCENTS: u8 = 12;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemesFile {
    #[serde(rename = "theme", default)]
    themes: Vec<RawTheme>,
}

/// One `[[theme]]` table of `data/themes.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTheme {
    pub id: String,
    pub name: String,
    pub description: String,
    pub accent: u8,
    pub keywords: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TagsFile {
    #[serde(rename = "tag", default)]
    tags: Vec<RawTag>,
}

/// One `[[tag]]` table of `data/tags.toml`: the themes of one provision.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTag {
    pub doc: String,
    pub id: String,
    pub themes: Vec<String>,
    #[serde(default)]
    pub exceptions: Vec<RawException>,
}

/// A recorded, deliberate disagreement between the hand tags and keyword detection.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawException {
    pub theme: String,
    pub why: String,
}

/// The provision ids of one corpus document: all the tag validation needs to know about it,
/// so this module does not depend on the corpus module's types.
pub struct Provisions<'a> {
    pub symbol: &'a str,
    pub ids: Vec<&'a str>,
}

/// Parses and validates the theme list; problems read `file: theme `id`: problem`.
pub fn parse_themes(file: &str, source: &str) -> Result<Vec<RawTheme>, Vec<String>> {
    let themes = toml::from_str::<ThemesFile>(source)
        .map_err(|e| vec![format!("{file}: not a valid theme list: {e}")])?
        .themes;
    let mut problems = Vec::new();
    if themes.is_empty() || themes.len() > MAX_THEMES {
        problems.push(format!(
            "{file}: expected 1 to {MAX_THEMES} themes, found {}",
            themes.len()
        ));
    }
    let mut ids = HashSet::new();
    let mut accents = HashMap::new();
    // Lower-cased keyword → owning theme: each keyword must colour its matches one way.
    let mut keywords: HashMap<String, &str> = HashMap::new();
    for (n, t) in themes.iter().enumerate() {
        let at = if t.id.is_empty() {
            format!("{file}: theme #{}", n + 1)
        } else {
            format!("{file}: theme `{}`", t.id)
        };
        if let Some(problem) = crate::ids::name_problem(&t.id) {
            problems.push(format!("{at}: {problem}"));
        }
        if !ids.insert(t.id.as_str()) {
            problems.push(format!("{at}: duplicate id"));
        }
        if t.name.trim().is_empty() {
            problems.push(format!("{at}: empty name"));
        }
        if t.description.trim().is_empty() {
            problems.push(format!("{at}: empty description"));
        }
        if t.accent >= ACCENTS {
            problems.push(format!("{at}: accent {} is out of range 0..={}", t.accent, ACCENTS - 1));
        } else if let Some(other) = accents.insert(t.accent, t.id.as_str()) {
            problems.push(format!("{at}: accent {} is already used by theme `{other}`", t.accent));
        }
        if t.keywords.is_empty() {
            problems.push(format!("{at}: no keywords"));
        }
        for k in &t.keywords {
            if let Some(problem) = keyword_problem(k) {
                problems.push(format!("{at}: keyword `{k}`: {problem}"));
            } else if let Some(other) = keywords.insert(k.to_ascii_lowercase(), t.id.as_str()) {
                problems.push(format!("{at}: keyword `{k}` is also a keyword of theme `{other}`"));
            }
        }
    }
    if problems.is_empty() {
        Ok(themes)
    } else {
        Err(problems)
    }
}

/// What is wrong with a keyword's syntax (see the header of `data/themes.toml`), if anything.
fn keyword_problem(keyword: &str) -> Option<&'static str> {
    if keyword.trim().is_empty() {
        return Some("empty keyword");
    }
    let words: Vec<&str> = keyword.split(' ').collect();
    if words.iter().any(|w| w.is_empty() || w.chars().any(char::is_whitespace)) {
        return Some("words must be separated by single spaces, with none at either end");
    }
    let misplaced_star = |w: &&str| {
        let body = w.strip_suffix('*').unwrap_or(w);
        body.is_empty() || body.contains('*')
    };
    if words.iter().any(misplaced_star) {
        return Some("`*` may only end a word, once, after at least one other character");
    }
    None
}

/// Parses and validates the tags against the themes and the corpus; problems read
/// `file: <symbol> provision `id`: problem`. Every provision of every document must be listed.
pub fn parse_tags(
    file: &str,
    source: &str,
    themes: &[RawTheme],
    docs: &[Provisions],
) -> Result<Vec<RawTag>, Vec<String>> {
    let tags = toml::from_str::<TagsFile>(source)
        .map_err(|e| vec![format!("{file}: not a valid tag list: {e}")])?
        .tags;
    let known_theme = |id: &str| themes.iter().any(|t| t.id == id);
    let symbols = docs.iter().map(|d| d.symbol).collect::<Vec<_>>().join(" or ");
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for (n, tag) in tags.iter().enumerate() {
        let at = format!("{file}: {} provision `{}`", tag.doc, tag.id);
        let Some(doc) = docs.iter().find(|d| d.symbol == tag.doc) else {
            problems.push(format!(
                "{file}: tag #{}: unknown document `{}` (expected {symbols})",
                n + 1,
                tag.doc
            ));
            continue;
        };
        if !doc.ids.contains(&tag.id.as_str()) {
            problems.push(format!("{at}: no such provision in {}", tag.doc));
        }
        if !seen.insert((tag.doc.as_str(), tag.id.as_str())) {
            problems.push(format!("{at}: listed twice"));
        }
        let mut themes_seen = HashSet::new();
        for t in &tag.themes {
            if !known_theme(t) {
                problems.push(format!("{at}: unknown theme `{t}`"));
            } else if !themes_seen.insert(t.as_str()) {
                problems.push(format!("{at}: theme `{t}` listed twice"));
            }
        }
        let mut excused = HashSet::new();
        for e in &tag.exceptions {
            if !known_theme(&e.theme) {
                problems.push(format!("{at}: exception for unknown theme `{}`", e.theme));
            } else if !excused.insert(e.theme.as_str()) {
                problems.push(format!("{at}: two exceptions for theme `{}`", e.theme));
            }
            if e.why.trim().is_empty() {
                problems.push(format!("{at}: exception for theme `{}` gives no `why`", e.theme));
            }
        }
    }
    for doc in docs {
        for id in &doc.ids {
            if !seen.contains(&(doc.symbol, *id)) {
                problems.push(format!(
                    "{file}: {} provision `{id}`: not listed (add a [[tag]], with `themes = []` if it carries none)",
                    doc.symbol
                ));
            }
        }
    }
    if problems.is_empty() {
        Ok(tags)
    } else {
        Err(problems)
    }
}

/// Rust source for `THEMES` (a const array of `Theme`) and `TAGS` (per document, in `docs`
/// order, its provisions sorted by id for binary search, each with its themes as a bitmask
/// whose bit `i` is `THEMES[i]`). Expects input that passed validation.
pub fn emit(themes: &[RawTheme], tags: &[RawTag], docs: &[Provisions]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "pub(super) const THEMES: [Theme; {}] = [", themes.len());
    for t in themes {
        let _ = writeln!(
            out,
            "    Theme {{ id: {:?}, name: {:?}, description: {:?}, keywords: &{:?}, accent: {} }},",
            t.id, t.name, t.description, t.keywords, t.accent
        );
    }
    let _ = writeln!(out, "];");
    let index: HashMap<&str, usize> = themes.iter().enumerate().map(|(i, t)| (t.id.as_str(), i)).collect();
    let _ = writeln!(
        out,
        "pub(super) static TAGS: [(&str, &[(&str, u16)]); {}] = [",
        docs.len()
    );
    for doc in docs {
        let mut rows: Vec<(&str, u16)> = tags
            .iter()
            .filter(|t| t.doc == doc.symbol)
            .map(|t| {
                let bits = t.themes.iter().fold(0u16, |bits, id| bits | 1 << index[id.as_str()]);
                (t.id.as_str(), bits)
            })
            .collect();
        rows.sort_unstable();
        let rows: Vec<String> = rows.iter().map(|(id, bits)| format!("({id:?}, {bits:#06x})")).collect();
        let _ = writeln!(out, "    ({:?}, &[{}]),", doc.symbol, rows.join(", "));
    }
    let _ = writeln!(out, "];");
    out
}

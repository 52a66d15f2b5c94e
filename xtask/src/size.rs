//! `xtask size WASM`: what the viewer wasm is made of, by crate and by module, from the function
//! names still in the module wasm-bindgen writes, before wasm-opt strips them (twiggy's "top",
//! grouped). `tools/size-report` builds that module and runs this; BENCHMARKS.md
//! includes the result.
//!
//! A generic function instantiated for a project type (`Vec<Provision>::push`, a Yew component's
//! `view`) is charged to the project crate that owns the type: that is where a change would
//! save the bytes. Sizes are raw bytes of function bodies and data segments before wasm-opt,
//! so they are larger than the shipped file; the shares between crates are what to read.

use std::collections::HashMap;
use wasmparser::{KnownCustom, Name, Parser, Payload};

/// One row of the report: a name and its raw bytes.
pub struct Row {
    /// Crate (`draftdiff_ui`, `yew`, `std`…) or module (`draftdiff_ui::toolbar`).
    pub name: String,
    /// Bytes of function bodies charged to it.
    pub bytes: usize,
    /// How many functions.
    pub functions: usize,
}

/// The breakdown of one module.
pub struct Report {
    /// Code bytes (function bodies).
    pub code: usize,
    /// Data segment bytes.
    pub data: usize,
    /// By crate, largest first.
    pub crates: Vec<Row>,
    /// By module of the project's crates, largest first.
    pub modules: Vec<Row>,
    /// The largest single functions.
    pub functions: Vec<Row>,
}

/// The project crate a demangled path belongs to, or the first crate it names.
fn owner(path: &str) -> (String, String) {
    let path = readable(path);
    let idents: Vec<&str> = path
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .filter(|s| s.contains("::"))
        .collect();
    let project = idents.iter().find(|s| s.starts_with("draftdiff"));
    let pick = project.or(idents.first()).copied().unwrap_or("?");
    let segs: Vec<&str> = pick.split("::").filter(|s| !s.is_empty()).collect();
    let krate = segs.first().copied().unwrap_or("?").to_string();
    // The module: the crate plus its next path segment when that is a lower-case module name.
    let module = match segs.get(1) {
        Some(m) if m.chars().next().is_some_and(|c| c.is_lowercase()) && segs.len() > 2 => format!("{krate}::{m}"),
        _ => krate.clone(),
    };
    (krate, module)
}

/// `path` without v0 crate disambiguators (`core[c5930c85a12de822]::`) and legacy hashes
/// (`::h1bdf8…`), which only make the report harder to read.
fn readable(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut skip = false;
    for c in path.chars() {
        match c {
            '[' => skip = true,
            ']' if skip => skip = false,
            _ if !skip => out.push(c),
            _ => {}
        }
    }
    match out.rfind("::h") {
        Some(at) if out.len() - at == 19 && out[at + 3..].chars().all(|c| c.is_ascii_hexdigit()) => {
            out[..at].to_string()
        }
        _ => out,
    }
}

fn rows(map: HashMap<String, (usize, usize)>, limit: usize) -> Vec<Row> {
    let mut rows: Vec<Row> = map
        .into_iter()
        .map(|(name, (bytes, functions))| Row { name, bytes, functions })
        .collect();
    rows.sort_by(|a, b| b.bytes.cmp(&a.bytes).then(a.name.cmp(&b.name)));
    rows.truncate(limit);
    rows
}

/// Reads a wasm module with a name section.
pub fn report(wasm: &[u8]) -> Result<Report, String> {
    let mut imported = 0u32;
    let mut names: HashMap<u32, String> = HashMap::new();
    let mut bodies: Vec<usize> = Vec::new();
    let mut data = 0;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.map_err(|e| format!("wasm: {e}"))? {
            Payload::ImportSection(r) => {
                for i in r.into_imports() {
                    if matches!(i.map_err(|e| e.to_string())?.ty, wasmparser::TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => bodies.push(body.range().len()),
            Payload::DataSection(r) => {
                for d in r {
                    data += d.map_err(|e| e.to_string())?.data.len();
                }
            }
            Payload::CustomSection(c) => {
                if let KnownCustom::Name(reader) = c.as_known() {
                    for part in reader {
                        if let Ok(Name::Function(map)) = part {
                            for n in map.into_iter().flatten() {
                                names.insert(n.index, rustc_demangle::demangle(n.name).to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if names.is_empty() {
        return Err("the module has no function names: build it without stripping (tools/size-report)".into());
    }
    let (mut crates, mut modules, mut functions) = (HashMap::new(), HashMap::new(), HashMap::new());
    for (i, &bytes) in bodies.iter().enumerate() {
        let name = names
            .get(&(imported + i as u32))
            .map_or_else(|| "(unnamed)".to_string(), |n| readable(n));
        let (krate, module) = owner(&name);
        let add = |m: &mut HashMap<String, (usize, usize)>, k: String| {
            let e = m.entry(k).or_insert((0, 0));
            e.0 += bytes;
            e.1 += 1;
        };
        if krate.starts_with("draftdiff") {
            add(&mut modules, module);
        }
        add(&mut crates, krate);
        add(&mut functions, name);
    }
    Ok(Report {
        code: bodies.iter().sum(),
        data,
        crates: rows(crates, 25),
        modules: rows(modules, 30),
        functions: rows(functions, 25),
    })
}

/// The report as Markdown tables.
pub fn markdown(r: &Report) -> String {
    let mut out = format!(
        "Code {} KB and data {} KB, raw, before wasm-opt (`tools/size-report`). Generic code appears under the crate that \
         defines it (`alloc`, `core`) unless its name shows the project type it was made for.\n",
        r.code / 1000,
        r.data / 1000
    );
    for (title, rows) in [
        ("by crate", &r.crates),
        ("by module of the project", &r.modules),
        ("largest functions", &r.functions),
    ] {
        out += &format!("\n| {title} | functions | raw KB | share of code |\n| --- | ---: | ---: | ---: |\n");
        for row in rows.iter() {
            let name = if row.name.len() > 90 {
                format!("{}…", &row.name[..row.name.floor_char_boundary(90)])
            } else {
                row.name.clone()
            };
            out += &format!(
                "| `{}` | {} | {:.1} | {:.1} % |\n",
                name.replace('|', "\\|").replace('`', "'"),
                row.functions,
                row.bytes as f64 / 1000.0,
                100.0 * row.bytes as f64 / r.code.max(1) as f64
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generics_are_charged_to_the_project_type_they_serve() {
        let at = |s: &str| owner(s);
        assert_eq!(at("draftdiff_core::align::align_with").1, "draftdiff_core::align");
        assert_eq!(
            at("<yew::html::component::CompStateInner<draftdiff_ui::toolbar::Toolbar> as yew::Stateful>::view").1,
            "draftdiff_ui::toolbar"
        );
        assert_eq!(at("<alloc::vec::Vec<u8>>::push").0, "alloc");
        assert_eq!(at("core::fmt::write").0, "core");
        assert_eq!(at("draftdiff_ui::app").1, "draftdiff_ui");
    }
}

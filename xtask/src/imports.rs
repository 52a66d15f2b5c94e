//! Short import names for each wasm module and its wasm-bindgen glue.
//!
//! wasm-bindgen names every JS function the wasm imports after the Rust binding plus a 16-hex
//! hash (`__wbg_getAttribute_c7b80d4010284561`), and writes each name twice: in the wasm's
//! import section and as a key of the glue's import object. The hashes do not compress, and
//! wasm-bindgen has no option to shorten them, so after the build every import is renamed to a
//! short one (`_0`, `_1`, … in hex) in both files. The wasm is rewritten with `wasmparser` and
//! `wasm-encoder` (only the import section changes; every other section is copied as it is).
//!
//! The glue must name each import exactly once, as a key; anything else means wasm-bindgen's
//! output changed shape, and the build stops rather than ship a glue that cannot instantiate.

use std::collections::HashMap;
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasmparser::{Parser, Payload};

/// The short name of the `n`-th import (a valid JS identifier; wasm-bindgen's names all start
/// with `__w`, so none can clash).
fn short(n: usize) -> String {
    format!("_{n:x}")
}

/// The renamed wasm and glue, and how many imports were renamed.
pub fn shorten(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String, usize), String> {
    let mut names: HashMap<String, String> = HashMap::new();
    let mut module = wasm_encoder::Module::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(|e| format!("wasm: {e}"))?;
        match &payload {
            Payload::ImportSection(reader) => {
                let mut section = wasm_encoder::ImportSection::new();
                for import in reader.clone().into_imports() {
                    let import = import.map_err(|e| format!("wasm import: {e}"))?;
                    let ty = RoundtripReencoder
                        .entity_type(import.ty)
                        .map_err(|e| format!("wasm import {}: {e}", import.name))?;
                    let next = short(names.len());
                    let renamed = names.entry(import.name.to_string()).or_insert(next).clone();
                    section.import(import.module, &renamed, ty);
                }
                module.section(&section);
            }
            // The code section's entries are inside its range: copy the section, skip them.
            Payload::CodeSectionEntry(_) => {}
            other => {
                if let Some((id, range)) = other.as_section() {
                    module.section(&wasm_encoder::RawSection { id, data: &wasm[range] });
                }
            }
        }
    }
    let mut out = glue.to_string();
    for (long, short) in &names {
        let at: Vec<usize> = words(&out, long).collect();
        let [at] = at[..] else {
            return Err(format!(
                "glue: import {long} appears {} times, expected once as a key",
                at.len()
            ));
        };
        out.replace_range(at..at + long.len(), short);
    }
    Ok((module.finish(), out, names.len()))
}

/// Where `name` occurs in `js` as a whole identifier (not inside a longer one).
fn words<'a>(js: &'a str, name: &'a str) -> impl Iterator<Item = usize> + 'a {
    let ident = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    js.match_indices(name)
        .map(|(at, _)| at)
        .filter(move |&at| !ident(js[..at].chars().next_back()) && !ident(js[at + name.len()..].chars().next()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection};
    use wasm_encoder::{Instruction, TypeSection};

    /// A module importing two functions and exporting a function that
    /// calls the first.
    fn module() -> Vec<u8> {
        let mut m = wasm_encoder::Module::new();
        let mut types = TypeSection::new();
        types.ty().function([], []);
        m.section(&types);
        let mut imports = wasm_encoder::ImportSection::new();
        imports.import("./x_bg.js", "__wbg_alert_0123456789abcdef", EntityType::Function(0));
        imports.import("./x_bg.js", "keep_me", EntityType::Function(0));
        m.section(&imports);
        let mut funcs = FunctionSection::new();
        funcs.function(0);
        m.section(&funcs);
        let mut exports = ExportSection::new();
        exports.export("run", ExportKind::Func, 2);
        m.section(&exports);
        let mut code = CodeSection::new();
        let mut f = Function::new([]);
        f.instruction(&Instruction::Call(0));
        f.instruction(&Instruction::End);
        code.function(&f);
        m.section(&code);
        m.finish()
    }

    fn import_names(wasm: &[u8]) -> Vec<String> {
        let mut names = Vec::new();
        for payload in Parser::new(0).parse_all(wasm) {
            if let Payload::ImportSection(r) = payload.unwrap() {
                names.extend(r.into_imports().map(|i| i.unwrap().name.to_string()));
            }
        }
        names
    }

    #[test]
    fn renames_in_both_files_and_keeps_the_module_valid() {
        let glue = "const i={__wbg_alert_0123456789abcdef:function(){alert(1)},keep_me:()=>{}},keep_me2=1;";
        let (wasm, js, n) = shorten(&module(), glue).unwrap();
        assert_eq!(n, 2);
        assert_eq!(import_names(&wasm), ["_0", "_1"]);
        assert_eq!(js, "const i={_0:function(){alert(1)},_1:()=>{}},keep_me2=1;");
        wasmparser::validate(&wasm).unwrap();
        assert!(wasm.len() < module().len());
    }

    #[test]
    fn a_glue_that_does_not_name_an_import_exactly_once_stops_the_build() {
        let twice = "a.__wbg_alert_0123456789abcdef=b.__wbg_alert_0123456789abcdef;keep_me";
        for glue in [
            "const i={keep_me};",
            twice,
            "{__wbg_alert_0123456789abcdef:1,keep_me_too:2}",
        ] {
            assert!(shorten(&module(), glue).is_err(), "{glue}");
        }
    }
}

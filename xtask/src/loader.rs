//! The loader as the build ships it (`draftdiff-embed.js`, which every page and embed fetches
//! before anything else): the crash box joined in ([`crate::crash`]), then minified. Its
//! comments are its documentation in `www/`; readers' browsers need none of them. Trunk's
//! minifier does not see this file: it is a copied file, and the crash box is joined after Trunk
//! has run. The single file's copy of the crash box is minified the same way.

/// The first line of the shipped loader, saying where its documented source is.
const HEADER: &str = "// draftdiff loader: www/draftdiff-embed.js and www/draftdiff-crash.js, minified by the build.";

/// An ES module minified: parsed, compressed and its local names mangled (oxc, as Trunk's
/// release minifier). Top-level and exported names stay, so `draftdiffCrash` and the module's
/// exports keep their names. A syntax error fails the build instead of shipping a broken loader.
pub fn minify(js: &str) -> Result<String, String> {
    use oxc_allocator::Allocator;
    use oxc_codegen::{Codegen, CodegenOptions};
    use oxc_minifier::{Minifier, MinifierOptions};
    use oxc_parser::Parser;
    use oxc_span::SourceType;

    let allocator = Allocator::default();
    let parsed = Parser::new(&allocator, js, SourceType::mjs()).parse();
    if let Some(error) = parsed.errors.first() {
        return Err(format!("not a valid ES module: {error}"));
    }
    let mut program = parsed.program;
    let minified = Minifier::new(MinifierOptions::default()).minify(&allocator, &mut program);
    Ok(Codegen::new()
        .with_options(CodegenOptions::minify())
        .with_scoping(minified.scoping)
        .build(&program)
        .code)
}

/// The shipped loader from the one Trunk copied.
pub fn finish(loader: &str) -> Result<String, String> {
    Ok(format!(
        "{HEADER}\n{}\n",
        minify(&crate::crash::join(loader)?)?.trim_end()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_local_names_go_and_strings_stay() {
        let js = "// head\n/** Doc. */\nexport const ready = (() => {\n  const longLocalName = 'http://x//y'; // trailing\n  return longLocalName;\n})();\n";
        let out = minify(js).unwrap();
        assert!(
            !out.contains("head") && !out.contains("Doc.") && !out.contains("trailing"),
            "{out}"
        );
        assert!(!out.contains("longLocalName"), "{out}");
        assert!(out.contains("http://x//y") && out.contains("ready"), "{out}");
        assert!(minify("const = ;").is_err());
    }

    #[test]
    fn the_real_loader_ships_minified_with_the_crash_box() {
        let source = include_str!("../../www/draftdiff-embed.js");
        let shipped = finish(source).unwrap();
        assert!(shipped.starts_with(HEADER));
        let joined = crate::crash::join(source).unwrap().len();
        assert!(shipped.len() * 2 < joined, "{} of {joined} bytes", shipped.len());
        for code in ["draftdiffCrash", "customElements.define(", "draft-diff", "ready"] {
            assert!(shipped.contains(code), "{code}");
        }
    }
}

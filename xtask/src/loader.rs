//! The loader as the build ships it (`draftdiff-embed.js`, which every page and embed fetches
//! before anything else): the crash box joined in ([`crate::crash`]) and the comment lines
//! dropped. Its comments are its documentation in `www/`; readers' browsers need none of them
//! (they were a third of its brotli bytes). Trunk's minifier does not see this file: it is a
//! copied file, and the crash box is joined after Trunk has run.

/// The first line of the shipped loader, saying where its documented source is.
const HEADER: &str =
    "// draftdiff loader: www/draftdiff-embed.js and www/draftdiff-crash.js, comment lines dropped by the build.";

/// Drops every line that is only a comment (`// …`, or a one-line `/** … */`) and blank lines.
/// Code lines are kept whole, so a `//` inside a string or a URL is never touched. A template
/// literal spanning lines could hold a line that looks like a comment, so one is an error.
pub fn strip(js: &str) -> Result<String, String> {
    let mut out = String::with_capacity(js.len());
    for (i, line) in js.lines().enumerate() {
        if line.matches('`').count() % 2 == 1 {
            return Err(format!(
                "line {}: a template literal spans lines; the loader's comment stripping cannot tell text from comments there",
                i + 1
            ));
        }
        let code = line.trim_start();
        let comment = code.starts_with("//") || (code.starts_with("/*") && code.trim_end().ends_with("*/"));
        if !(comment || code.is_empty()) {
            out.push_str(line);
            out.push('\n');
        }
    }
    Ok(out)
}

/// The shipped loader from the one Trunk copied.
pub fn finish(loader: &str) -> Result<String, String> {
    Ok(format!("{HEADER}\n{}", strip(&crate::crash::join(loader)?)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_lines_go_and_code_stays_whole() {
        let js = "// head\n/** One line. */\nconst a = 'http://x//y'; // trailing stays\n\n  // indented\nif (a) {\n  f(`${a} // not a comment`);\n}\n";
        assert_eq!(
            strip(js).unwrap(),
            "const a = 'http://x//y'; // trailing stays\nif (a) {\n  f(`${a} // not a comment`);\n}\n"
        );
        assert!(strip("const t = `one\n// two\n`;\n").is_err());
    }

    #[test]
    fn the_real_loader_ships_without_its_comments_and_with_the_crash_box() {
        let shipped = finish(include_str!("../../www/draftdiff-embed.js")).unwrap();
        assert!(shipped.starts_with(HEADER));
        assert_eq!(
            shipped.lines().filter(|l| l.trim_start().starts_with("//")).count(),
            1,
            "only the header"
        );
        for code in [
            "const draftdiffCrash",
            "customElements.define('draft-diff'",
            "export const ready",
        ] {
            assert!(shipped.contains(code), "{code}");
        }
    }
}

//! `draftdiff.html`: the whole widget in one file that opens from disk with no network.
//!
//! Browsers will not load modules or fetch wasm from `file://`, so everything is inlined: the
//! CSS as a `<style>`, the favicon as a data URL, and one inline module script holding the
//! wasm-bindgen glue, the wasm bytes in base64, and a start-up that compiles them
//! asynchronously (large synchronous compiles are refused on the main thread). The static text
//! from build time is already in the page, so it is readable before the wasm has started; the
//! script (most of the file) goes at the end of the body so the parser reaches that text first.

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    const ABC: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ABC[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Replaces the whole tag that contains `needle` (from its `<` to its `>`) with `with`.
fn replace_tag(html: &str, needle: &str, with: &str) -> Result<String, String> {
    let at = html
        .find(needle)
        .ok_or_else(|| format!("index.html has no tag containing {needle:?}"))?;
    let start = html[..at].rfind('<').ok_or("malformed tag")?;
    let mut end = at + html[at..].find('>').ok_or("malformed tag")? + 1;
    if html[start..].starts_with("<script") {
        end = at + html[at..].find("</script>").ok_or("unclosed script")? + "</script>".len();
    }
    Ok(format!("{}{}{}", &html[..start], with, &html[end..]))
}

/// Everything `build` needs from the staged dist.
pub struct Inputs<'a> {
    /// The page, with its static text already in place.
    pub html: &'a str,
    /// The stylesheet.
    pub css: &'a str,
    /// The wasm-bindgen JS glue (an ES module).
    pub glue: &'a str,
    /// The optimised wasm.
    pub wasm: &'a [u8],
    /// The favicon (SVG).
    pub favicon: &'a str,
}

/// The single self-contained page.
pub fn build(i: &Inputs) -> Result<String, String> {
    for (name, text) in [("CSS", i.css), ("JS glue", i.glue)] {
        if text.contains("</style") || text.contains("</script") {
            return Err(format!("the {name} contains a closing tag and cannot be inlined"));
        }
    }
    let mut html = replace_tag(i.html, "draftdiff.css", &format!("<style>\n{}\n</style>", i.css))?;
    let icon = format!(
        r#"<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,{}">"#,
        base64(i.favicon.as_bytes())
    );
    html = replace_tag(&html, "favicon.svg", &icon)?;
    // Fetch hints for the separate files mean nothing here (everything is inline): drop them.
    // …nor do link-preview tags pointing at preview.png: a file passed around has no address.
    for hint in ["rel=\"modulepreload\"", "rel=\"preload\"", "preview.png"] {
        while html.contains(hint) {
            html = replace_tag(&html, hint, "")?;
        }
    }
    // Uint8Array.fromBase64 (Chromium 140+, Firefox 133+, Safari 18.2+) decodes the wasm in
    // well under a millisecond; the atob loop kept for older browsers takes ~15 ms for 600 KB.
    let boot = format!(
        "<script type=\"module\">\n{glue}\nconst wasmBase64 = \"{b64}\";\nlet bytes;\nif (Uint8Array.fromBase64) {{\n  bytes = Uint8Array.fromBase64(wasmBase64);\n}} else {{\n  const bin = atob(wasmBase64);\n  bytes = new Uint8Array(bin.length);\n  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);\n}}\nawait __wbg_init({{ module_or_path: bytes }});\n</script>\n",
        glue = i.glue,
        b64 = base64(i.wasm)
    );
    if !i.glue.contains("__wbg_init") {
        return Err("the wasm-bindgen glue has no __wbg_init; its output format changed".into());
    }
    // A module script runs after parsing wherever it stands: at the end of the body it no
    // longer holds the static text back behind the wasm's base64.
    html = replace_tag(&html, "src=\"draftdiff-embed.js\"", "")?;
    let body_end = html.rfind("</body>").ok_or("index.html has no </body>")?;
    html.insert_str(body_end, &boot);
    for external in ["src=\"", "href=\"./", "href=\"draftdiff", "url("] {
        if html.contains(external) {
            return Err(format!(
                "draftdiff.html still references an external resource ({external}…)"
            ));
        }
    }
    Ok(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        for (plain, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), enc);
        }
    }

    #[test]
    fn inlines_everything_and_refuses_leftovers() {
        let html = r#"<head><link rel="icon" href="favicon.svg"><link rel="stylesheet" href="./draftdiff.css" integrity="x"><link rel="modulepreload" href="draftdiff.js"><link rel="preload" href="draftdiff_bg.wasm" as="fetch" crossorigin><script type="module" src="draftdiff-embed.js"></script></head><body>T</body>"#;
        let glue = "async function __wbg_init(m) {} export default __wbg_init;";
        let out = build(&Inputs {
            html,
            css: ".a{}",
            glue,
            wasm: b"\0asm",
            favicon: "<svg/>",
        })
        .unwrap();
        assert!(
            out.contains("<style>\n.a{}\n</style>") && out.contains("AGFzbQ==") && out.contains("data:image/svg+xml")
        );
        assert!(!out.contains("preload"), "fetch hints are dropped");
        assert!(!out.contains("src=\""));
        // The static text comes before the (large) boot script, which ends the body.
        let (text, script) = (out.find(">T<").unwrap(), out.find("<script").unwrap());
        assert!(text < script && out.ends_with("</script>\n</body>"));
        let bad = build(&Inputs {
            html,
            css: "</style>",
            glue,
            wasm: b"",
            favicon: "",
        });
        assert!(bad.is_err());
    }
}

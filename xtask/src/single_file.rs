//! `draftdiff.html`: the whole widget in one file that opens from disk with no network.
//!
//! Browsers will not load modules or fetch wasm from `file://`, so everything is inlined: the
//! CSS as a `<style>`, the favicon as a data URL, and one inline module script holding the
//! wasm-bindgen glue, the wasm bytes in base64, and a start-up that compiles them
//! asynchronously (large synchronous compiles are refused on the main thread). The static text
//! from build time is already in the page, so it is readable before the wasm has started; the
//! script (most of the file) goes at the end of the body so the parser reaches that text first.

use crate::page::is_relative;
use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str};
use std::cell::{Cell, RefCell};

/// Standard base64 with padding.
pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
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
    /// The compare worker's glue (an ES module) and wasm, when the build has them.
    pub worker: Option<(&'a str, &'a [u8])>,
    /// The crash box's script (`crate::crash::SCRIPT`), run before the widget starts.
    pub crash: &'a str,
}

/// The wasm as the page carries it: raw DEFLATE (the browser's `DecompressionStream` undoes it),
/// then base64. Base64 of the plain wasm made the file 1.7 MB on disk; compressed first, the
/// two modules take well under half of that, and a server's brotli has as little left to win.
pub fn packed_wasm(wasm: &[u8]) -> String {
    use std::io::Write;
    let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(wasm).expect("writing to memory");
    base64(&z.finish().expect("writing to memory"))
}

/// JS that turns the string `wasmBase64` (see [`packed_wasm`]) into the `bytes` of the wasm.
/// Uint8Array.fromBase64 (Chromium 140+, Firefox 133+, Safari 18.2+) decodes it in well under
/// a millisecond; the atob loop kept for older browsers takes a few ms. DecompressionStream
/// (every browser since 2023) inflates it off the main thread's critical work, from `file://`
/// too: nothing is fetched.
const DECODE: &str = "let packed;\nif (Uint8Array.fromBase64) {\n  packed = Uint8Array.fromBase64(wasmBase64);\n} else {\n  const bin = atob(wasmBase64);\n  packed = new Uint8Array(bin.length);\n  for (let i = 0; i < bin.length; i++) packed[i] = bin.charCodeAt(i);\n}\nconst bytes = await new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer();\nawait __wbg_init({ module_or_path: bytes });\n";

/// The compare worker, inline: browsers start no worker from `file://`, so the page keeps the
/// worker's script (its no-modules glue, the wasm in base64, the start-up of
/// `www/draftdiff-worker-loader.js`) as text in a script element that never runs, and hands the
/// viewer a `blob:` URL of it (`draftdiffWorkerUrl`, read by `draftdiff_platform::worker`). It
/// is a classic script because a file:// page (an opaque origin) may not start a module worker
/// from a blob: URL. Making the Blob copies that text once at start-up (well under a
/// millisecond); the worker's wasm is decoded and compiled only when a reader presses
/// "Compare", and then in the worker, off the main thread.
fn worker_script(glue: &str, wasm: &[u8]) -> (String, &'static str) {
    let source = format!(
        "<script type=\"text/plain\" id=\"draftdiff-worker\">\n{glue}\n(async () => {{\nconst wasmBase64 = \"{}\";\n{}}})();\n</script>\n",
        packed_wasm(wasm),
        DECODE.replace(
            "await __wbg_init({ module_or_path: bytes });",
            "wasm_bindgen({ module_or_path: bytes }).catch((e) => postMessage({ kind: 'failed', text: String(e && e.message || e) }));"
        )
    );
    let url = "globalThis.draftdiffWorkerUrl = URL.createObjectURL(new Blob([document.getElementById('draftdiff-worker').textContent], { type: 'text/javascript' }));\n";
    (source, url)
}

/// The single self-contained page.
pub fn build(i: &Inputs) -> Result<String, String> {
    let worker_glue = i.worker.map_or("", |(glue, _)| glue);
    for (name, text) in [
        ("CSS", i.css),
        ("JS glue", i.glue),
        ("worker glue", worker_glue),
        ("crash box", i.crash),
    ] {
        if text.contains("</style") || text.contains("</script") {
            return Err(format!("the {name} contains a closing tag and cannot be inlined"));
        }
    }
    if i.css.contains("url(") {
        return Err("the CSS refers to another file (url(…)), which the single file cannot carry".into());
    }
    if !i.glue.contains("__wbg_init") || (i.worker.is_some() && !worker_glue.contains("wasm_bindgen")) {
        return Err("the wasm-bindgen glue has no __wbg_init; its output format changed".into());
    }
    let style = format!("<style>\n{}\n</style>", i.css);
    let icon = format!("data:image/svg+xml;base64,{}", base64(i.favicon.as_bytes()));
    let (worker, worker_url) = i
        .worker
        .map_or((String::new(), ""), |(glue, wasm)| worker_script(glue, wasm));
    let boot = format!(
        "{worker}<script type=\"module\">\n{crash}\n{worker_url}{glue}\nconst wasmBase64 = \"{b64}\";\n{DECODE}</script>\n",
        crash = i.crash.trim_end(),
        glue = i.glue,
        b64 = packed_wasm(i.wasm)
    );
    let (styles, icons, loaders, bodies) = (Cell::new(0), Cell::new(0), Cell::new(0), Cell::new(0));
    let count = |c: &Cell<usize>| c.set(c.get() + 1);
    let html = rewrite_str(
        i.html,
        crate::html::rewriter(vec![
                element!(r#"link[rel="stylesheet"][href$="draftdiff.css"]"#, |el| {
                    el.replace(&style, ContentType::Html);
                    count(&styles);
                    Ok(())
                }),
                element!(r#"link[rel="icon"]"#, |el| {
                    el.set_attribute("href", &icon)?;
                    count(&icons);
                    Ok(())
                }),
                // Fetch hints for the separate files mean nothing here (everything is inline);
                // nor do the preview image, the oEmbed file or a relative canonical: a file
                // passed around has no address. Absolute ones (DRAFTDIFF_PUBLIC_URL) still name
                // the published page.
                element!(
                    r#"link[rel="modulepreload"], link[rel="preload"], link[rel="alternate"], link[data-trunk], meta[property^="og:image"], meta[name^="twitter:image"]"#,
                    |el| {
                        el.remove();
                        Ok(())
                    }
                ),
                element!(r#"link[rel="canonical"], meta[property="og:url"]"#, |el| {
                    let url = el.get_attribute("href").or_else(|| el.get_attribute("content"));
                    if url.is_none_or(|u| is_relative(&u)) {
                        el.remove();
                    }
                    Ok(())
                }),
                // A module script runs after parsing wherever it stands: at the end of the body
                // it no longer holds the static text back behind the wasm's base64.
                element!(r#"script[src$="draftdiff-embed.js"]"#, |el| {
                    el.remove();
                    count(&loaders);
                    Ok(())
                }),
                element!("body", |el| {
                    el.append(&boot, ContentType::Html);
                    count(&bodies);
                    Ok(())
                }),
        ]),
    )
    .map_err(|e| format!("single file: {e}"))?;
    for (what, n) in [
        ("the draftdiff.css stylesheet link", &styles),
        ("the icon link", &icons),
        ("the draftdiff-embed.js script", &loaders),
        ("<body>", &bodies),
    ] {
        if n.get() != 1 {
            return Err(format!("index.html should have exactly one {what}, found {}", n.get()));
        }
    }
    refuse_external(&html)?;
    Ok(html)
}

/// Fails if any element of the page still points at another file (the glue and CSS are text
/// inside `<script>`/`<style>`, so their contents are not mistaken for attributes).
fn refuse_external(html: &str) -> Result<(), String> {
    let leftover = RefCell::new(None);
    let check = |el: &mut lol_html::html_content::Element, name: &str| {
        if let Some(url) = el.get_attribute(name) {
            if is_relative(&url) && leftover.borrow().is_none() {
                *leftover.borrow_mut() = Some(format!("<{} {name}=\"{url}\">", el.tag_name()));
            }
        }
        Ok(())
    };
    rewrite_str(
        html,
        crate::html::rewriter(vec![
            element!("[src]", |el| check(el, "src")),
            element!("[href]", |el| check(el, "href")),
        ]),
    )
    .map_err(|e| format!("single file: {e}"))?;
    match leftover.into_inner() {
        Some(tag) => Err(format!("draftdiff.html still references an external resource: {tag}")),
        None => Ok(()),
    }
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
            crash: "const draftdiffCrash = 1;",
            worker: None,
        })
        .unwrap();
        assert!(
            out.contains("<style>\n.a{}\n</style>")
                && out.contains(&packed_wasm(b"\0asm"))
                && out.contains("data:image/svg+xml")
        );
        assert!(!out.contains("preload"), "fetch hints are dropped");
        // The crash box is set up before the widget starts (the glue follows it).
        assert!(
            out.contains("<script type=\"module\">\nconst draftdiffCrash = 1;\n"),
            "the crash box comes first"
        );
        assert!(!out.contains("src=\""));
        // The static text comes before the (large) boot script, which ends the body.
        let (text, script) = (out.find(">T<").unwrap(), out.find("<script").unwrap());
        assert!(text < script && out.ends_with("</script>\n</body>"));
        let bad = build(&Inputs {
            html: &html.replace("<body>T", r#"<body><img src="x.png">"#),
            css: ".a{}",
            glue,
            wasm: b"",
            favicon: "",
            crash: "const draftdiffCrash = 1;",
            worker: None,
        });
        assert!(
            bad.unwrap_err().contains(r#"<img src="x.png">"#),
            "a leftover reference is refused"
        );
        let bad = build(&Inputs {
            html,
            css: "</style>",
            glue,
            wasm: b"",
            favicon: "",
            crash: "const draftdiffCrash = 1;",
            worker: None,
        });
        assert!(bad.is_err());
    }

    #[test]
    fn the_wasm_travels_deflated_and_inflates_to_the_same_bytes() {
        use base64::Engine;
        use std::io::Read;
        let wasm: Vec<u8> = (0..50_000u32).map(|i| (i % 251) as u8 ^ (i / 997) as u8).collect();
        let packed = base64::engine::general_purpose::STANDARD
            .decode(packed_wasm(&wasm))
            .unwrap();
        assert!(
            packed.len() < wasm.len() / 2,
            "{} of {} bytes",
            packed.len(),
            wasm.len()
        );
        let mut back = Vec::new();
        flate2::read::DeflateDecoder::new(&packed[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, wasm);
    }

    #[test]
    fn the_compare_worker_travels_inline_as_text_and_a_blob_url() {
        let html = r#"<head><link rel="icon" href="favicon.svg"><link rel="stylesheet" href="draftdiff.css"><script type="module" src="draftdiff-embed.js"></script></head><body>T</body>"#;
        let inputs = |worker| Inputs {
            html,
            css: "",
            glue: "__wbg_init",
            wasm: b"",
            favicon: "",
            crash: "const draftdiffCrash = 1;",
            worker,
        };
        let out = build(&inputs(Some(("let wasm_bindgen = () => {}; // worker", b"\0asm")))).unwrap();
        let (source, boot) = (
            out.find(r#"<script type="text/plain" id="draftdiff-worker">"#).unwrap(),
            out.find(r#"<script type="module">"#).unwrap(),
        );
        assert!(source < boot, "the worker's text exists when the boot script runs");
        let worker = &out[source..boot];
        assert!(worker.contains("// worker") && worker.contains(&packed_wasm(b"\0asm")));
        // A classic script: the inflating waits inside an async function, not at the top level.
        assert!(worker.contains("(async () => {") && worker.contains("wasm_bindgen({ module_or_path: bytes })"));
        assert!(out[boot..].starts_with(
            "<script type=\"module\">\nconst draftdiffCrash = 1;\nglobalThis.draftdiffWorkerUrl = URL.createObjectURL("
        ));
        assert!(!build(&inputs(None)).unwrap().contains("draftdiffWorkerUrl"));
        assert!(build(&inputs(Some(("wasm_bindgen = 1 </script>", b"")))).is_err());
    }

    #[test]
    fn link_preview_tags_that_need_an_address_are_dropped() {
        let html = r#"<head><link rel="icon" href="favicon.svg"><link rel="stylesheet" href="draftdiff.css"><link rel="canonical" href="./"><meta property="og:image" content="preview.png"><meta property="og:image:width" content="1200"><meta name="twitter:image" content="preview.png"><link rel="alternate" type="application/json+oembed" href="oembed.json"><meta property="og:title" content="T"><script type="module" src="draftdiff-embed.js"></script></head><body><p>src="quoted text" stays</p></body>"#;
        let inputs = |html| Inputs {
            html,
            css: "",
            glue: "__wbg_init",
            wasm: b"",
            favicon: "",
            crash: "const draftdiffCrash = 1;",
            worker: None,
        };
        let out = build(&inputs(html)).unwrap();
        for gone in ["canonical", "og:image", "twitter:image", "oembed"] {
            assert!(!out.contains(gone), "{gone}");
        }
        assert!(out.contains(r#"<meta property="og:title" content="T">"#));
        assert!(
            out.contains(r#"src="quoted text" stays"#),
            "text is not mistaken for attributes"
        );
        let published = html.replace(r#"href="./""#, r#"href="https://example.org/dd/""#);
        assert!(build(&inputs(&published))
            .unwrap()
            .contains(r#"<link rel="canonical" href="https://example.org/dd/">"#));
    }
}

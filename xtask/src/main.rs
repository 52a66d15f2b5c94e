//! Build steps that run after Trunk has staged `dist/` (Trunk's `post_build` hook):
//!
//! `cargo run -p xtask -- finish [STAGING_DIR]` puts the static comparison and the link-preview
//! tags into `index.html`, writes its card (`preview.png`), `oembed.json`, the card page for
//! iframes (`embed.html`, which starts the lean card entry), the loader with its crash box,
//! minified, a page of its own for every provision (`p/<anchor>/`), and, for
//! release builds, the single-file `draftdiff.html`.
//!
//! `cargo run --release -p xtask -- bench [RUNS] [--json]` times the core natively (see `tools/bench`).

mod bench;
mod canvas;
mod crash;
mod html;
mod imports;
mod loader;
mod page;
mod pages;
mod png;
mod prerender;
mod preview;
mod share;
mod single_file;
mod size;

use draftdiff_core::compare::Comparison;
use std::path::{Path, PathBuf};
use std::time::Instant;
use std::{env, fs, process};

fn read(dir: &Path, name: &str) -> Result<String, String> {
    fs::read_to_string(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()))
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> Result<(), String> {
    fs::write(dir.join(name), bytes).map_err(|e| format!("{}: {e}", dir.join(name).display()))
}

fn finish(dir: &Path, release: bool) -> Result<(), String> {
    let started = Instant::now();
    let template = read(dir, "index.html")?;
    let cmp = Comparison::bundled();
    let site = share::Site::new(env::var("DRAFTDIFF_PUBLIC_URL").ok());
    if let Some(notice) = site.notice() {
        eprintln!("xtask: {notice}");
    }
    let fonts = canvas::Fonts::load()?;

    let main = share::main_share(&cmp);
    let page = page::render(
        &template,
        &page::Page {
            root: "",
            title: None,
            description: None,
            head: &share::head_tags(&main, &site),
            body: &prerender::comparison(&cmp),
            provision: None,
        },
    )?;
    write(dir, "preview.png", preview::image(&fonts, &cmp)?)?;
    let oembed = serde_json::to_string_pretty(&share::oembed(&main, &site)).map_err(|e| e.to_string())?;
    write(dir, "oembed.json", oembed)?;
    write(dir, "index.html", &page)?;
    write(dir, draftdiff_core::embed::CARD_PAGE, page::card_page(&page)?)?;
    write(
        dir,
        "draftdiff-embed.js",
        loader::finish(&read(dir, "draftdiff-embed.js")?)?,
    )?;
    let (pages, card_bytes) = pages::write_all(dir, &template, &cmp, &site, &fonts)?;

    if release {
        // The full widget and the card entry (crates/card), each with its glue.
        let mut shortened = Vec::new();
        for module in ["draftdiff", "draftdiff-card"] {
            let (wasm_name, glue_name) = (format!("{module}_bg.wasm"), format!("{module}.js"));
            let wasm = fs::read(dir.join(&wasm_name)).map_err(|e| format!("{wasm_name}: {e}"))?;
            let (wasm, glue, renamed) = imports::shorten(&wasm, &read(dir, &glue_name)?)?;
            write(dir, &wasm_name, &wasm)?;
            write(dir, &glue_name, &glue)?;
            eprintln!("xtask: {module}: {renamed} wasm imports renamed short");
            shortened.push((wasm, glue));
        }
        let (wasm, glue) = shortened.swap_remove(0);
        // The compare worker (crates/worker), inlined too so "Compare your own drafts" works offline.
        let worker_glue = read(dir, "draftdiff-worker.js")?;
        let worker_wasm =
            fs::read(dir.join("draftdiff-worker_bg.wasm")).map_err(|e| format!("draftdiff-worker_bg.wasm: {e}"))?;
        let single = single_file::build(&single_file::Inputs {
            html: &page,
            css: &read(dir, "draftdiff.css")?,
            glue: &glue,
            wasm: &wasm,
            favicon: &read(dir, "favicon.svg")?,
            crash: &loader::minify(crash::SCRIPT)?,
            worker: Some((&worker_glue, &worker_wasm)),
        })?;
        write(dir, "draftdiff.html", single)?;
    }
    eprintln!(
        "xtask: {pages} provision pages, cards {} KB, in {:.2} s",
        card_bytes / 1024,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("finish") => {
            let dir = args
                .get(1)
                .cloned()
                .or_else(|| env::var("TRUNK_STAGING_DIR").ok())
                .map(PathBuf::from);
            match dir {
                Some(dir) => finish(&dir, env::var("TRUNK_PROFILE").map_or(true, |p| p == "release")),
                None => {
                    Err("finish: give the staging directory (or run from Trunk, which sets TRUNK_STAGING_DIR)".into())
                }
            }
        }
        Some("bench") => bench::run(&args[1..]),
        Some("size") => match args.get(1) {
            Some(wasm) => fs::read(wasm)
                .map_err(|e| format!("{wasm}: {e}"))
                .and_then(|bytes| size::report(&bytes))
                .map(|r| print!("{}", size::markdown(&r))),
            None => Err("size: give a wasm file built with its names (tools/size-report)".into()),
        },
        _ => Err("usage: xtask finish [STAGING_DIR] | xtask bench [RUNS] [--json] | xtask size WASM".into()),
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        process::exit(1);
    }
}

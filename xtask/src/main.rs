//! Build steps that run after Trunk has staged `dist/` (Trunk's `post_build` hook):
//!
//! `cargo run -p xtask -- finish [STAGING_DIR]` puts the static comparison into `index.html`
//! and, for release builds, writes the single-file `draftdiff.html`.
//!
//! `cargo run --release -p xtask -- bench [RUNS] [--json]` times the core natively (see `tools/bench`).

mod bench;
mod html;
mod png;
mod prerender;
mod preview;
mod single_file;

use draftdiff_core::compare::Comparison;
use draftdiff_core::corpus::bundled;
use std::path::{Path, PathBuf};
use std::{env, fs, process};

const STATIC_MARKER: &str = "<!--draftdiff:static-->";
const META_MARKER: &str = "<!--draftdiff:meta-->";

fn read(dir: &Path, name: &str) -> Result<String, String> {
    fs::read_to_string(dir.join(name)).map_err(|e| format!("{}: {e}", dir.join(name).display()))
}

fn finish(dir: &Path, release: bool) -> Result<(), String> {
    let page = read(dir, "index.html")?;
    if !page.contains(STATIC_MARKER) {
        return Err(format!("index.html has no {STATIC_MARKER} marker"));
    }
    let [old, new] = bundled();
    let cmp = Comparison::new(old.clone(), new.clone());
    let page = page.replacen(STATIC_MARKER, &prerender::comparison(&cmp), 1);
    // Link previews: absolute URLs where the publisher says where the site lives.
    let base = env::var("DRAFTDIFF_PUBLIC_URL")
        .map(|b| if b.ends_with('/') { b } else { b + "/" })
        .unwrap_or_default();
    let page = page.replacen(META_MARKER, &preview::meta_tags(&cmp, &base), 1);
    fs::write(dir.join("preview.png"), preview::image(&cmp)).map_err(|e| e.to_string())?;
    fs::write(dir.join("index.html"), &page).map_err(|e| e.to_string())?;
    if release {
        let wasm = fs::read(dir.join("draftdiff_bg.wasm")).map_err(|e| format!("draftdiff_bg.wasm: {e}"))?;
        let single = single_file::build(&single_file::Inputs {
            html: &page,
            css: &read(dir, "draftdiff.css")?,
            glue: &read(dir, "draftdiff.js")?,
            wasm: &wasm,
            favicon: &read(dir, "favicon.svg")?,
        })?;
        fs::write(dir.join("draftdiff.html"), single).map_err(|e| e.to_string())?;
    }
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
        _ => Err("usage: xtask finish [STAGING_DIR] | xtask bench [RUNS] [--json]".into()),
    };
    if let Err(e) = result {
        eprintln!("xtask: {e}");
        process::exit(1);
    }
}

//! The crash box (`www/draftdiff-crash.js`): one script, put by the build where each way of
//! starting the widget needs it, at the top of the loader (`draftdiff-embed.js`, which every page
//! and embed starts from) and into the single file's start-up, so neither makes another request
//! for it.

/// The crash box's script, as written in `www/`.
pub const SCRIPT: &str = include_str!("../../www/draftdiff-crash.js");

/// The line in the loader that the script replaces.
const SLOT: &str = "// @draftdiff-crash: the build puts www/draftdiff-crash.js here (draftdiffCrash: the crash box).";

/// The loader with the crash box in its slot; an error if the loader has no slot (a loader
/// without the box would fail at its first use of `draftdiffCrash`).
pub fn join(loader: &str) -> Result<String, String> {
    if !loader.contains(SLOT) {
        return Err(format!("draftdiff-embed.js has no slot for the crash box ({SLOT})"));
    }
    Ok(loader.replacen(SLOT, SCRIPT.trim_end(), 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loader_gets_the_crash_box_once_in_its_slot() {
        let out = join(&format!("// head\n{SLOT}\nconst base = 1;\n")).unwrap();
        assert!(out.starts_with("// head\n// draftdiff's crash box"), "{out}");
        assert_eq!(out.matches("const draftdiffCrash").count(), 1);
        assert!(out.ends_with("})();\nconst base = 1;\n"), "{out}");
        assert!(join("const base = 1;").is_err());
    }

    #[test]
    fn the_real_loader_has_the_slot() {
        let loader = include_str!("../../www/draftdiff-embed.js");
        assert!(join(loader).unwrap().contains("WebAssembly.RuntimeError"));
    }
}

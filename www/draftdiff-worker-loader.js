// draftdiff's compare worker start-up (crates/worker; started by the viewer, see
// crates/platform/src/worker.rs). A classic worker script, not a module: the single file
// draftdiff.html starts the same worker from a blob: URL, and browsers refuse module workers
// there (a file:// page has an opaque origin). The glue is wasm-bindgen's no-modules output,
// which defines `wasm_bindgen`; URLs are relative to this script.
importScripts('./draftdiff-worker.js');
wasm_bindgen({ module_or_path: './draftdiff-worker_bg.wasm' }).catch((e) => {
  postMessage({ kind: 'failed', text: `draftdiff-worker_bg.wasm could not be loaded (${e && e.message ? e.message : e})` });
});

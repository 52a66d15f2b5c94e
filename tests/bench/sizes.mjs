// What the widget downloads in each way it is used, raw / gzip -9 / brotli q11 (node's zlib).
// Shared by tests/e2e/size.test.mjs (which enforces budgets) and tools/bench.mjs (which reports).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** The files each mode loads. */
export const MODES = {
  // index.html (or index.html?embed=1, the whole document in an iframe): the page, its stylesheet, loader, glue, wasm, icon.
  page: ['index.html', 'draftdiff.css', 'draftdiff-embed.js', 'draftdiff.js', 'draftdiff_bg.wasm', 'favicon.svg'],
  // A card in an iframe (embed.html, what the snippets, plugins and oEmbed give for a provision,
  // a theme or a search): the same static page, but the card entry's glue and wasm.
  frame: ['embed.html', 'draftdiff.css', 'draftdiff-embed.js', 'draftdiff-card.js', 'draftdiff-card_bg.wasm', 'favicon.svg'],
  // <draft-diff> card in a blog post (a provision, a theme, a search): the loader, the card
  // entry's glue and wasm (crates/card), and the stylesheet in its shadow root.
  card: ['draftdiff-embed.js', 'draftdiff-card.js', 'draftdiff-card_bg.wasm', 'draftdiff.css'],
  // <draft-diff> showing the whole comparison: the loader, the full widget's glue and wasm, the stylesheet.
  element: ['draftdiff-embed.js', 'draftdiff.js', 'draftdiff_bg.wasm', 'draftdiff.css'],
  // iframe embed: the host page adds only the height script (the iframe loads the page set).
  host: ['draftdiff-host.js'],
  // The single self-contained file, opened from disk.
  single: ['draftdiff.html'],
  // The compare worker (crates/worker): fetched only when a reader presses "Compare" in "Compare
  // your own drafts" on the full page; no embed loads it (the single file carries it inline).
  worker: ['draftdiff-worker-loader.js', 'draftdiff-worker.js', 'draftdiff-worker_bg.wasm'],
};

export const FILES = [...new Set(Object.values(MODES).flat())];

/** { file: { raw, gzip, brotli } } for every file of every mode, in bytes. */
export function measure(dist) {
  const sizes = {};
  for (const file of FILES) {
    const buf = fs.readFileSync(path.join(dist, file));
    sizes[file] = {
      raw: buf.length,
      gzip: zlib.gzipSync(buf, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  }
  return sizes;
}

/** Sum of each measure over a mode's files. */
export function total(sizes, mode) {
  const t = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of MODES[mode]) for (const k of Object.keys(t)) t[k] += sizes[f][k];
  return t;
}

export const kb = (n) => (n / 1024).toFixed(1);

/** Markdown table: every file, then the total of each mode. Sizes in KiB (1024 bytes). */
export function table(sizes) {
  const rows = [['file', 'raw KiB', 'gzip -9 KiB', 'brotli q11 KiB'], ['---', '---:', '---:', '---:']];
  for (const f of FILES) rows.push([f, kb(sizes[f].raw), kb(sizes[f].gzip), kb(sizes[f].brotli)]);
  const label = {
    page: '**total: full page** (index.html … favicon.svg)',
    frame: '**total: iframe card** (embed.html, css, loader, card glue and wasm, favicon)',
    card: '**total: `<draft-diff>` card** (loader, card glue and wasm, css)',
    element: '**total: `<draft-diff>` whole comparison** (loader, glue, wasm, css)',
    host: '**total: iframe host script**',
    single: '**total: single file**',
    worker: '**total: compare worker** (on demand)',
  };
  for (const mode of Object.keys(MODES)) {
    const t = total(sizes, mode);
    rows.push([label[mode], kb(t.raw), kb(t.gzip), kb(t.brotli)].map((c, i) => (i ? `**${c}**` : c)));
  }
  return rows.map((r) => `| ${r.join(' | ')} |`).join('\n');
}

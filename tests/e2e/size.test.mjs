// Size budget: what each way of using the widget downloads, raw / gzip -9 / brotli q11.
// Deterministic (no browser): fails when a change makes the widget heavier than its budget.
//
// Product target: the full page at most 100 KiB brotli (stretch: 80 KiB). We do not meet it yet.
// Measured 2026-12-02 (release build with opt-level "z" and wasm-opt -O1 ordered by name, the test
// hooks compiled out): full page 212.9 KiB brotli, of which the wasm is 193.4 KiB; the single file
// 1016.6 KiB raw, 280.9 KiB brotli (before these levers: 232.1, 213.5 and 301 KiB). The budgets
// below are those figures plus ~3%: they stop regressions, they are not the goal. Raise one only on
// purpose (and say why in the commit); lower them when the wasm shrinks. `tools/bench` prints the
// same table.
//
// 2026-12-02, the compare worker: the reader-document parsers, their serde-wasm-bindgen reading
// and the comparison of readers' documents moved into a second wasm (crates/worker) that only
// "Compare your own drafts" fetches. On top of main a541dc0 the viewer wasm went from 183.0 to
// 174.7 KiB brotli (full page 198.0 -> 189.7 KiB; the alignment engine stays until the bundled
// comparison is built ahead of time), so the page budget follows it down (+~3%). The worker is
// 80.0 KiB brotli on demand (budget below); the single file now carries it inline (262.0 ->
// 314.7 KiB brotli, 943.9 -> 1230.4 KiB raw), so its budgets were raised on purpose:
// "Compare your own drafts" must work offline too.
//
// 2026-12-02, end of the session: the bundled comparison is computed at build time and the
// engine left the viewer with the worker (viewer wasm 187.0 -> 156.6 KB brotli), then focused
// cards, find over collapsed parts and provision-page links came in (176.3 KB): the full page is
// 188 KiB, budget 194. Word files (zip, inflate, XML) made the worker 155.7 KiB brotli (budget
// 161) and, inline, the single file 1504 KiB raw / 425 KiB brotli (budgets 1550 / 438): raised on
// purpose, and the next thing to win back (the single file could carry the worker compressed).
//
// 2026-12-02, keeping a reader's comparison (issue #18, items 3-4: the link carries the two
// documents, "Save as one file", debounced saving with refusals reported): the viewer wasm went
// from 173.6 to 183.5 KiB brotli (+9.9: the link grammar and payload in core link::shared, the
// browser's CompressionStream, the saved file's assembly and download in platform::share, the
// panel's bar), the full page 189.4 -> 199.7 KiB, the single file 1511.8 -> 1562.8 KiB raw and
// 424.5 -> 439.5 KiB brotli. Raised on purpose (page 205, single file 1600 / 448); the compressor
// is the browser's, so no DEFLATE code came into either wasm.
//
// 2026-12-02, session 5 (merged: the pre-render writes the app's own rows, .odt reading and
// per-comparison caches, a reader's comparison kept and shared, show= in the integrations): viewer
// wasm 189.0 KiB brotli, index.html 84.3 raw / 8.5 br (the static text is the app's markup: no
// second paint), full page 209.0 KiB; the worker 165.4 KiB (the .odt reader, and the themes of a
// reader's provisions now detected in the worker); the single file 1684.2 KiB raw / 458.3 brotli.
// Budgets follow (+~3%), raised on purpose; the 100 KiB target stays open (see BENCHMARKS.md).
// Then the single file carries both wasm modules DEFLATE-compressed (the browser inflates them
// with DecompressionStream): 1684.2 -> 711.4 KiB raw, 458.3 -> 443.6 KiB brotli; budgets down.
// Then the viewer read embed options name by name instead of through serde-wasm-bindgen, and
// sizes in messages are printed with integers (no float printer): wasm 189.3 -> 178.7 KiB,
// full page 209 -> 198.7 KiB, single file 443.8 -> 431.4 KiB brotli; budgets down (+~3%).
// Then a <draft-diff> card got its own lean entry (crates/card): 144.0 KiB brotli in all against
// 191.0 KiB for the whole widget (the loader grew 1.7 -> 2.5 KiB to choose); budget 148 (+~3%).
// Then card iframes got their own page (embed.html, the card entry's hints): an iframe card
// loads 154.9 KiB instead of the full page's 200.3. And release builds rebuilt std with
// immediate-abort panics (tools/trunk), the crash box now JS in the loader (2.5 -> 3.6 KiB):
// page 191.8, iframe card 146.6, card element 138.0, single file 662.8 raw / 406.8 brotli,
// worker 153.6 KiB. Budgets down (+~3%). The loader then shipped without its comment lines
// (xtask loader.rs: 11.5 -> 7.9 KiB raw, 3.6 -> 2.3 KiB brotli): page 190.6, iframe card 145.4,
// card element 136.7 KiB. Then the loader was minified (xtask loader.rs, oxc: 7.9 -> 5.1 KiB raw,
// 2.3 -> 1.9 KiB brotli), the stylesheet grew a little (content-visibility rules): page 190.9,
// iframe card 145.0, card element 136.4 KiB. Budgets: card 140, iframe card 149 (+~3%).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dist } from './harness.mjs';
import { measure, total, table, kb, MODES } from '../bench/sizes.mjs';

const KiB = 1024;
/** Full page (index.html, css, loader, glue, wasm, favicon), brotli q11. Target 100 KiB. */
const PAGE_BROTLI_BUDGET = 196 * KiB;
/** A `<draft-diff>` card (loader, card entry, css), brotli: what a blog post embedding a
 * provision loads. Target 100 KiB, like everything a page or embed loads. */
const CARD_BROTLI_BUDGET = 140 * KiB;
/** A card in an iframe (embed.html, css, loader, card entry, favicon), brotli: what a post
 * embedding a provision with the iframe snippet, the plugins or oEmbed loads. Target 100 KiB. */
const FRAME_BROTLI_BUDGET = 149 * KiB;
/** The iframe host script, raw (it is the only thing a blog page loads besides the iframe). */
const HOST_RAW_BUDGET = 2 * KiB;
/** The single file: on disk (raw) and over the wire (brotli). */
const SINGLE_RAW_BUDGET = 683 * KiB;
const SINGLE_BROTLI_BUDGET = 419 * KiB;
/** The compare worker (loader, glue, wasm), brotli: loaded only on "Compare", never by an embed. */
const WORKER_BROTLI_BUDGET = 158 * KiB;

const sizes = measure(dist);
console.log(`\nwidget sizes (KiB; dist/)\n${table(sizes)}\n`);

test(`the full page is at most ${kb(PAGE_BROTLI_BUDGET)} KiB brotli (target 100)`, () => {
  const { brotli } = total(sizes, 'page');
  assert.ok(brotli <= PAGE_BROTLI_BUDGET, `full page: ${kb(brotli)} KiB brotli > budget ${kb(PAGE_BROTLI_BUDGET)} KiB`);
});

test(`a <draft-diff> card is at most ${kb(CARD_BROTLI_BUDGET)} KiB brotli (target 100), and lighter than the full widget`, () => {
  const card = total(sizes, 'card').brotli;
  assert.ok(card <= CARD_BROTLI_BUDGET, `card element: ${kb(card)} KiB brotli > budget ${kb(CARD_BROTLI_BUDGET)} KiB`);
  // The card entry exists to be smaller: if the full widget's parts crept into it, say so.
  const full = total(sizes, 'element').brotli;
  assert.ok(card < 0.85 * full, `card element ${kb(card)} KiB is not clearly lighter than the whole widget's ${kb(full)} KiB`);
});

test(`an iframe card is at most ${kb(FRAME_BROTLI_BUDGET)} KiB brotli (target 100), and lighter than the full page`, () => {
  const frame = total(sizes, 'frame').brotli;
  assert.ok(frame <= FRAME_BROTLI_BUDGET, `iframe card: ${kb(frame)} KiB brotli > budget ${kb(FRAME_BROTLI_BUDGET)} KiB`);
  const page = total(sizes, 'page').brotli;
  assert.ok(frame < 0.85 * page, `iframe card ${kb(frame)} KiB is not clearly lighter than the full page's ${kb(page)} KiB`);
});

test(`the iframe host script is at most ${kb(HOST_RAW_BUDGET)} KiB raw`, () => {
  const { raw } = total(sizes, 'host');
  assert.ok(raw <= HOST_RAW_BUDGET, `draftdiff-host.js: ${raw} bytes > budget ${HOST_RAW_BUDGET}`);
});

test(`the single file is at most ${kb(SINGLE_RAW_BUDGET)} KiB raw and ${kb(SINGLE_BROTLI_BUDGET)} KiB brotli`, () => {
  const { raw, brotli } = total(sizes, 'single');
  assert.ok(raw <= SINGLE_RAW_BUDGET, `draftdiff.html: ${kb(raw)} KiB raw > budget ${kb(SINGLE_RAW_BUDGET)} KiB`);
  assert.ok(brotli <= SINGLE_BROTLI_BUDGET, `draftdiff.html: ${kb(brotli)} KiB brotli > budget ${kb(SINGLE_BROTLI_BUDGET)} KiB`);
});

test(`the compare worker is at most ${kb(WORKER_BROTLI_BUDGET)} KiB brotli, and no embed loads it`, () => {
  const { brotli } = total(sizes, 'worker');
  assert.ok(brotli <= WORKER_BROTLI_BUDGET, `compare worker: ${kb(brotli)} KiB brotli > budget ${kb(WORKER_BROTLI_BUDGET)} KiB`);
  for (const mode of ['page', 'frame', 'card', 'element', 'host']) {
    for (const file of MODES.worker) assert.ok(!MODES[mode].includes(file), `${mode} loads ${file}`);
  }
});

test('the viewer wasm carries none of the reader-document parsers; the worker does', () => {
  // Messages only the parsers (crates/core/src/custom/) and the worker's JSON reading produce.
  const only = ['there is no text to compare', 'since it becomes part of a link', 'not valid JSON', 'not a document of the expected shape'];
  const viewer = fs.readFileSync(path.join(dist, 'draftdiff_bg.wasm')).toString('latin1');
  const worker = fs.readFileSync(path.join(dist, 'draftdiff-worker_bg.wasm')).toString('latin1');
  const card = fs.readFileSync(path.join(dist, 'draftdiff-card_bg.wasm')).toString('latin1');
  for (const text of only) {
    assert.ok(!viewer.includes(text), `draftdiff_bg.wasm still holds “${text}”`);
    assert.ok(!card.includes(text), `draftdiff-card_bg.wasm holds “${text}”`);
    assert.ok(worker.includes(text), `draftdiff-worker_bg.wasm lacks “${text}”`);
  }
});

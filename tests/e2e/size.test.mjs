// Size budget: what each way of using the widget downloads, raw / gzip -9 / brotli q11.
// Deterministic (no browser): fails when a change makes the widget heavier than its budget.
//
// Product target: the full page at most 100 KiB brotli (stretch: 80 KiB). We do not meet it yet.
// Measured 2026-11-23 10:47 UTC (release build of commit 0902062 plus work in progress): full page
// 247.7 KiB brotli (253,662 bytes), of which the wasm is 229.5 KiB (235,027 bytes; it was ~174 KB
// a few commits earlier and grows with each feature); the single file 1107.9 KiB raw, 326.6 KiB
// brotli. The budgets below are those figures plus ~5%: they stop regressions, they are not the
// goal. Raise one only on purpose (and say why in the commit); lower them when the wasm shrinks.
// `tools/bench` prints the same table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dist } from './harness.mjs';
import { measure, total, table, kb } from '../bench/sizes.mjs';

const KiB = 1024;
/** Full page (index.html, css, loader, glue, wasm, favicon), brotli q11. Target 100 KiB. */
const PAGE_BROTLI_BUDGET = 261 * KiB;
/** The iframe host script, raw (it is the only thing a blog page loads besides the iframe). */
const HOST_RAW_BUDGET = 2 * KiB;
/** The single file: on disk (raw) and over the wire (brotli). */
const SINGLE_RAW_BUDGET = 1164 * KiB;
const SINGLE_BROTLI_BUDGET = 343 * KiB;

const sizes = measure(dist);
console.log(`\nwidget sizes (KiB; dist/)\n${table(sizes)}\n`);

test(`the full page is at most ${kb(PAGE_BROTLI_BUDGET)} KiB brotli (target 100)`, () => {
  const { brotli } = total(sizes, 'page');
  assert.ok(brotli <= PAGE_BROTLI_BUDGET, `full page: ${kb(brotli)} KiB brotli > budget ${kb(PAGE_BROTLI_BUDGET)} KiB`);
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

// Shared end-to-end plumbing: a static server for dist/ (and test fixtures) on 127.0.0.1,
// Debian's Chromium driven by playwright-core, and recorders for console errors and requests.
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
/** The build under test: dist/, or DRAFTDIFF_DIST (another build, e.g. to compare two). */
export const dist = process.env.DRAFTDIFF_DIST ? path.resolve(process.env.DRAFTDIFF_DIST) : path.join(root, 'dist');
export const fixtures = path.join(here, 'fixtures');
export const out = path.join(here, 'out');
fs.mkdirSync(out, { recursive: true });

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
};

/**
 * Serves dist/ at / and tests/e2e/fixtures/ at /fixtures/. `headers(urlPath)` may add response
 * headers (a Content-Security-Policy, say). `mounts` serves more directories under URL prefixes
 * (`{ '/bench/': '/abs/dir' }`; the longest matching prefix wins). `port` 0 picks a free one.
 * Resolves to { origin, close }.
 */
export function serve({ headers = () => ({}), mounts = {}, port = 0 } = {}) {
  const prefixes = Object.entries({ '/fixtures/': fixtures, ...mounts }).sort((a, b) => b[0].length - a[0].length);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = decodeURIComponent(url.pathname);
    const [prefix, base] = prefixes.find(([p]) => file.startsWith(p)) || ['/', dist];
    file = file.slice(prefix.length - 1);
    if (file.endsWith('/')) file += 'index.html';
    const full = path.join(base, path.normalize(file));
    if (!full.startsWith(base) || !fs.existsSync(full) || fs.statSync(full).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(full)] || 'application/octet-stream',
      'cache-control': 'no-store',
      ...headers(url.pathname),
    });
    fs.createReadStream(full).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

/** Headless Debian Chromium, kept off the (closed) network. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh page with recorders: `errors` (console errors, uncaught exceptions), `requests` (every URL asked for).
 * Options go to browser.newContext (viewport, colorScheme, reducedMotion, javaScriptEnabled…).
 */
export async function open(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  context.on('request', (r) => requests.push(r.url()));
  return { context, page, errors, requests };
}

/** Waits until the wasm app has mounted (not just the static text): the page's toolbar or an embed's card. */
export async function ready(page) {
  await page.waitForSelector('.dd-app :is(.dd-toolbar, .dd-card)', { timeout: 20000 });
}

/** Opens `url` and, once the widget is up, its "Compare your own drafts" panel. */
export async function openPanel(page, url) {
  await page.goto(url);
  await ready(page);
  await page.locator('.dd-custom-open').click();
  await page.locator('#dd-custom-0').waitFor();
}

/** Requests that went anywhere but `origin` (data: and blob: are in-page). */
export function foreign(requests, origin) {
  return requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
}

/**
 * A fresh page at `origin/index.html#hash` with the app mounted; `init` (optional) runs in the page
 * before any of its scripts; other options go to `open`.
 */
export async function load(browser, origin, hash = '', { init, ...options } = {}) {
  const ctx = await open(browser, options);
  if (init) await ctx.page.addInitScript(init);
  await ctx.page.goto(`${origin}/index.html${hash ? `#${hash}` : ''}`);
  await ready(ctx.page);
  return ctx;
}

/**
 * Ends a test: nothing logged as an error, nothing fetched from anywhere but `origin`; closes the
 * context. `origin` is a page origin (`http://127.0.0.1:PORT`) or, for pages that must ask for
 * nothing but themselves (the single file on file://), a predicate `(url) => allowed`.
 */
export async function finish({ context, errors, requests }, origin) {
  try {
    assert.deepEqual(errors, [], 'no console errors');
    const off = typeof origin === 'function'
      ? requests.filter((u) => !origin(u) && !u.startsWith('data:') && !u.startsWith('blob:'))
      : foreign(requests, origin);
    assert.deepEqual(off, [], 'no request off the page origin');
  } finally {
    await context.close();
  }
}

/** Saves a screenshot under tests/e2e/out/ and returns its path. */
export async function shot(page, name, options = {}) {
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file, ...options });
  return file;
}

export const baselines = path.join(here, 'baselines');

/**
 * Compares a clipped screenshot with the committed PNG `tests/e2e/baselines/<name>.png`, pixel
 * by pixel (decoded and compared in a blank page of the same browser, so no image library is
 * needed). A pixel differs when one of its channels moves by more than `delta` (of 255); the test
 * fails when the sizes differ or more than `tolerance` of the pixels differ. On the same Debian
 * Chromium the rendering is deterministic, so the tolerance only absorbs anti-aliasing noise.
 * The actual image and a diff (differing pixels in red) go to tests/e2e/out/. A missing baseline
 * fails; `DRAFTDIFF_UPDATE_BASELINES=1` writes it instead (do that on purpose, then look at it).
 */
export async function matchesBaseline(page, name, clip, { tolerance = 0.002, delta = 16 } = {}) {
  const actual = await page.screenshot({ clip, animations: 'disabled', caret: 'hide' });
  fs.writeFileSync(path.join(out, `${name}.actual.png`), actual);
  const file = path.join(baselines, `${name}.png`);
  if (process.env.DRAFTDIFF_UPDATE_BASELINES === '1') {
    fs.mkdirSync(baselines, { recursive: true });
    fs.writeFileSync(file, actual);
    return { written: file };
  }
  assert.ok(fs.existsSync(file), `no baseline ${path.relative(root, file)}: run with DRAFTDIFF_UPDATE_BASELINES=1 and look at it`);
  const expected = fs.readFileSync(file);
  const context = await page.context().browser().newContext();
  try {
    const blank = await context.newPage();
    const result = await blank.evaluate(async ([a, b, delta]) => {
      const decode = async (b64) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d');
        ctx.drawImage(bitmap, 0, 0);
        return { w: bitmap.width, h: bitmap.height, data: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data };
      };
      const [x, y] = [await decode(a), await decode(b)];
      if (x.w !== y.w || x.h !== y.h) return { size: [[x.w, x.h], [y.w, y.h]] };
      const diff = new OffscreenCanvas(x.w, x.h);
      const dctx = diff.getContext('2d');
      const img = dctx.createImageData(x.w, x.h);
      let differing = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const d = Math.max(Math.abs(x.data[i] - y.data[i]), Math.abs(x.data[i + 1] - y.data[i + 1]), Math.abs(x.data[i + 2] - y.data[i + 2]));
        const off = d > delta;
        if (off) differing++;
        img.data.set(off ? [255, 0, 0, 255] : [y.data[i], y.data[i + 1], y.data[i + 2], 60], i);
      }
      dctx.putImageData(img, 0, 0);
      const png = new Uint8Array(await (await diff.convertToBlob({ type: 'image/png' })).arrayBuffer());
      let bin = '';
      for (const c of png) bin += String.fromCharCode(c);
      return { size: null, differing, pixels: x.w * x.h, diff: btoa(bin) };
    }, [expected.toString('base64'), actual.toString('base64'), delta]);
    assert.equal(result.size, null, `${name}: size differs from the baseline (baseline, actual): ${JSON.stringify(result.size)}`);
    fs.writeFileSync(path.join(out, `${name}.diff.png`), Buffer.from(result.diff, 'base64'));
    const share = result.differing / result.pixels;
    assert.ok(share <= tolerance,
      `${name}: ${result.differing} of ${result.pixels} pixels (${(100 * share).toFixed(2)} %) differ from the baseline ` +
      `(tolerance ${(100 * tolerance).toFixed(2)} %); see tests/e2e/out/${name}.diff.png`);
    return { differing: result.differing, pixels: result.pixels };
  } finally {
    await context.close();
  }
}

/** Records layout shifts, LCP entries and the moment the app mounted (the first `.dd-app`). */
function recorders() {
  window.__shifts = [];
  window.__lcp = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shifts.push({ t: e.startTime, v: e.value, input: e.hadRecentInput }); })
    .observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) window.__lcp.push({ t: e.startTime, size: e.size, el: e.element ? `${e.element.tagName}.${e.element.className} in ${e.element.closest('[id]')?.id}` : null });
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new MutationObserver((_, o) => {
    if (document.querySelector('.dd-app')) { window.__mounted = performance.now(); o.disconnect(); }
  }).observe(document, { childList: true, subtree: true });
}

/** A page whose wasm is held until `release()`: the static text is all there is until then. */
export async function held(browser, options = {}) {
  const ctx = await open(browser, options);
  let release;
  const gate = new Promise((r) => { release = r; });
  await ctx.page.route('**/draftdiff_bg.wasm', async (route) => { await gate; await route.continue(); });
  await ctx.page.addInitScript(recorders);
  return { ...ctx, release };
}

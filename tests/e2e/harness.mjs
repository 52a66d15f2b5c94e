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
export const dist = path.join(root, 'dist');
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
 * (`{ '/bench/': '/abs/dir' }`; the longest matching prefix wins). Resolves to { origin, close }.
 */
export function serve({ headers = () => ({}), mounts = {} } = {}) {
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
    server.listen(0, '127.0.0.1', () => {
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

/** Waits until the wasm app has mounted (not just the static text). */
export async function ready(page) {
  await page.waitForSelector('.dd-app .dd-toolbar', { timeout: 20000 });
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

/** Ends a test: nothing logged as an error, nothing fetched from another origin; closes the context. */
export async function finish({ context, errors, requests }, origin) {
  assert.deepEqual(errors, [], 'no console errors');
  assert.deepEqual(foreign(requests, origin), [], 'no request off the page origin');
  await context.close();
}

/** Saves a screenshot under tests/e2e/out/ and returns its path. */
export async function shot(page, name, options = {}) {
  const file = path.join(out, `${name}.png`);
  await page.screenshot({ path: file, ...options });
  return file;
}

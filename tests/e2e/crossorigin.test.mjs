// The widget on one origin and a blog on ANOTHER (two ports of 127.0.0.1), as in real life: the
// snippets come from the widget's own "Embed this view" dialog and are pasted into a post. The
// <draft-diff> element must never be blank: with CORS on the widget host it renders; without CORS
// it shows its fallback link; with CORS on the scripts but not the wasm it says so, with the link
// and one console warning, and nothing uncaught. The iframe may copy (allow="clipboard-write").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, dist, fixtures, shot } from './harness.mjs';

const CORS = { 'access-control-allow-origin': '*' };
const HASH = '2015-7&themes=human-rights';
const template = fs.readFileSync(path.join(fixtures, 'crossorigin', 'post.html'), 'utf8');
const SLOT = /<!-- SNIPPET:[^>]*-->/;
// What Chromium itself logs when it refuses a cross-origin response; anything else is a failure.
const BLOCKED = /blocked by CORS policy|net::ERR_FAILED/;

let browser, blog, posts, snippets;
const widget = {};

before(async () => {
  widget.cors = await serve({ headers: (p) => (/\.(js|wasm)$/.test(p) ? CORS : {}) });
  widget.none = await serve();
  widget.scripts = await serve({ headers: (p) => (p.endsWith('.js') ? CORS : {}) });
  posts = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdiff-posts-'));
  blog = await serve({ mounts: { '/posts/': posts } });
  browser = await launch();
  snippets = await fromDialog(widget.cors.origin, HASH);
});

after(async () => {
  await browser?.close();
  for (const s of [blog, ...Object.values(widget)]) await s?.close();
  if (posts) fs.rmSync(posts, { recursive: true, force: true });
});

/** The two snippets the full page's "Embed this view" dialog gives for `hash`. */
async function fromDialog(origin, hash) {
  const { page, context, errors } = await open(browser);
  await page.goto(`${origin}/index.html#${hash}`);
  await page.locator('.dd-embed-button').click();
  const iframe = await page.locator('#dd-embed-iframe').inputValue();
  const element = await page.locator('#dd-embed-element').inputValue();
  assert.deepEqual(errors, []);
  await context.close();
  return { iframe, element };
}

/** A post on the blog's origin holding `snippet` for the widget at `origin` (the dialog's was for widget.cors). */
function post(name, origin, snippet) {
  fs.writeFileSync(path.join(posts, `${name}.html`), template.replace(SLOT, snippet.replaceAll(widget.cors.origin, origin)));
  return `${blog.origin}/posts/${name}.html`;
}

/** Opens `url` recording uncaught errors, console errors and console warnings separately. */
async function visit(url, options = {}) {
  const session = await open(browser, { viewport: { width: 1100, height: 900 }, ...options });
  const uncaught = [], consoleErrors = [], warnings = [];
  session.page.on('pageerror', (e) => uncaught.push(String(e)));
  session.page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await session.page.goto(url);
  return { ...session, uncaught, consoleErrors, warnings };
}

/** Ends a test: nothing uncaught, no console error but the browser's own CORS refusals (none at
 *  all when `strict`), nothing asked of a third origin; closes the context. */
async function end(s, widgetOrigin, { strict = true, expected = BLOCKED } = {}) {
  assert.deepEqual(s.uncaught, [], 'nothing uncaught');
  if (strict) assert.deepEqual(s.consoleErrors, [], 'no console errors');
  else assert.deepEqual(s.consoleErrors.filter((e) => !expected.test(e)), [], `no console errors but ${expected}`);
  const elsewhere = s.requests.filter((u) => !u.startsWith(`${blog.origin}/`) && !u.startsWith(`${widgetOrigin}/`) && !/^(data|blob):/.test(u));
  assert.deepEqual(elsewhere, [], 'nothing fetched from a third origin');
  await s.context.close();
}

/** Geometry and state of the first <draft-diff> on the page, and of the post's intro paragraph. */
function inspect(page) {
  return page.evaluate(() => {
    const el = document.querySelector('draft-diff');
    const box = (n) => { const r = n.getBoundingClientRect(); return { x: Math.round(r.x), width: Math.round(r.width), height: Math.round(r.height) }; };
    const link = el.querySelector('a');
    const status = el.shadowRoot?.querySelector('.dd-embed-status');
    return {
      display: getComputedStyle(el).display,
      element: box(el),
      intro: box(document.getElementById('intro')),
      shadow: !!el.shadowRoot,
      defined: !!customElements.get('draft-diff'),
      lightLink: { href: link?.href, text: link?.textContent, rendered: link ? link.getClientRects().length > 0 : false },
      status: status && { text: status.textContent, href: status.querySelector('a')?.href, height: status.getBoundingClientRect().height },
    };
  });
}

test('the dialog\'s snippets: a titled iframe that may copy, an element with the whole state and a fallback link', () => {
  assert.match(snippets.iframe, / allow="clipboard-write"/);
  assert.match(snippets.iframe, / title="2015 \(7\) — International code of conduct for information security, 2011 and 2015 drafts compared \(themes: Human rights\)"/);
  // A block (so a column rule can centre it), width:100% and no max-width of its own: an inline
  // max-width would override the theme's column rule.
  assert.match(snippets.iframe, /style="display:block;width:100%;height:640px;border:0"/);
  const link = `${widget.cors.origin}/index.html#2015-7&amp;themes=human-rights`;
  assert.match(snippets.element, /<draft-diff provision="2015-7" themes="human-rights"><a href="([^"]+)">2015 \(7\) — International code[^<]+<\/a><\/draft-diff>$/);
  assert.equal(snippets.element.match(/<a href="([^"]+)"/)[1], link);
});

test('with CORS on the widget host, the element renders the view in its shadow root, as a block of the post column', async () => {
  const s = await visit(post('cors', widget.cors.origin, snippets.element));
  await s.page.waitForFunction(() => document.querySelector('draft-diff')?.shadowRoot?.querySelector('.dd-app'), null, { timeout: 20000 });
  const got = await inspect(s.page);
  assert.equal(got.display, 'block');
  // The theme's column rule (max-width 640px, centred) applies to the element as to the paragraphs.
  assert.deepEqual([got.element.x, got.element.width], [got.intro.x, got.intro.width], JSON.stringify(got));
  assert.equal(got.element.width, 640);
  assert.ok(got.element.height > 300, JSON.stringify(got.element));
  assert.equal(await s.page.evaluate(() => !!document.querySelector('draft-diff').shadowRoot.querySelector('[id="2015-7"].dd-focus')), true);
  assert.equal(got.status, null, 'the loading line is gone');
  assert.equal(got.lightLink.rendered, false, 'the fallback link stays in the light DOM, unrendered');
  await shot(s.page, 'crossorigin-element-cors');
  await end(s, widget.cors.origin);
});

test('without CORS the module is refused and the element shows its fallback link, not a blank', async () => {
  const s = await visit(post('none', widget.none.origin, snippets.element));
  await s.page.waitForLoadState('load');
  await s.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/draftdiff-embed.js')));
  const got = await inspect(s.page);
  assert.equal(got.defined, false, 'the module never ran');
  assert.equal(got.shadow, false);
  assert.equal(got.lightLink.rendered, true);
  assert.equal(got.lightLink.href, `${widget.none.origin}/index.html#2015-7&themes=human-rights`);
  assert.match(got.lightLink.text, /^2015 \(7\) — International code of conduct/);
  assert.ok(got.element.height > 0, JSON.stringify(got.element));
  assert.ok(s.consoleErrors.some((e) => BLOCKED.test(e)), 'Chromium did refuse the module');
  await shot(s.page, 'crossorigin-element-no-cors');
  await end(s, widget.none.origin, { strict: false });
});

test('with CORS on the scripts but not the wasm, each element says so with the link, one warning names the cause, nothing is uncaught', async () => {
  const s = await visit(post('scripts', widget.scripts.origin, `${snippets.element}\n<p>A second one on the same page:</p>\n${snippets.element.replace(/^<script[^>]*><\/script>\n/, '')}`));
  await s.page.waitForFunction(() => [...document.querySelectorAll('draft-diff')].every((e) => /could not be loaded/.test(e.shadowRoot?.querySelector('.dd-embed-status')?.textContent)), null, { timeout: 20000 });
  const got = await inspect(s.page);
  assert.equal(got.display, 'block');
  assert.equal(got.status.href, `${widget.scripts.origin}/index.html#2015-7&themes=human-rights`);
  assert.match(got.status.text, /^The comparison could not be loaded here\. 2015 \(7\) — International code/);
  assert.ok(got.status.height > 20 && got.element.height > 20, JSON.stringify(got));
  const ours = s.warnings.filter((w) => w.startsWith('draftdiff:'));
  assert.equal(ours.length, 1, JSON.stringify(s.warnings));
  // The snippet names a provision, so the element asked for the card entry's wasm.
  assert.match(ours[0], new RegExp(`^draftdiff: could not load draftdiff-card_bg\\.wasm from ${widget.scripts.origin}/draftdiff-card_bg\\.wasm \\(.*Access-Control-Allow-Origin.*docs/hosting\\.md\\)$`));
  await shot(s.page, 'crossorigin-element-no-wasm-cors');
  await end(s, widget.scripts.origin, { strict: false });
});

/** A widget host for the files of `dir` under /w/ that sends CORS on every answer, 404s included
 *  (as nginx does with `add_header … always`). */
function serveWithCors(dir) {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, path.basename(new URL(req.url, 'http://x').pathname));
    if (!fs.existsSync(file)) { res.writeHead(404, { ...CORS, 'content-type': 'text/plain' }); res.end('not found'); return; }
    res.writeHead(200, { ...CORS, 'content-type': { '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' }[path.extname(file)] });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)),
  })));
}

// A host that answers 404 for the wasm, and one whose wasm is not WebAssembly (a truncated upload):
// CORS is right, so the module runs, and the warning names each cause.
for (const [name, wasm, cause, logged] of [
  ['missing', null, /the widget host answered HTTP 404/, /status of 404/],
  ['broken', Buffer.from('<!doctype html><p>Not the wasm</p>'), /it is not a usable WebAssembly module: .*application\/wasm/, null],
]) {
  test(`a ${name} wasm: the element says so with the link, and the warning names the cause`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `draftdiff-${name}-`));
    // The snippet is a card: its element loads the card entry (draftdiff-card.js and its wasm).
    for (const f of ['draftdiff-embed.js', 'draftdiff-card.js', 'draftdiff.css']) fs.copyFileSync(path.join(dist, f), path.join(dir, f));
    if (wasm) fs.writeFileSync(path.join(dir, 'draftdiff-card_bg.wasm'), wasm);
    const host = await serveWithCors(dir);
    try {
      const s = await visit(post(name, host.origin, snippets.element.replace(`${widget.cors.origin}/draftdiff-embed.js`, `${widget.cors.origin}/w/draftdiff-embed.js`)));
      await s.page.waitForFunction(() => /could not be loaded/.test(document.querySelector('draft-diff').shadowRoot?.querySelector('.dd-embed-status')?.textContent), null, { timeout: 20000 });
      const ours = s.warnings.filter((w) => w.startsWith('draftdiff:'));
      assert.equal(ours.length, 1, JSON.stringify(s.warnings));
      assert.match(ours[0], new RegExp(`^draftdiff: could not load draftdiff-card_bg\\.wasm from ${host.origin}/w/draftdiff-card_bg\\.wasm \\(`));
      assert.match(ours[0], cause);
      assert.equal((await inspect(s.page)).status.href, `${host.origin}/index.html#2015-7&themes=human-rights`);
      await end(s, host.origin, { strict: !logged, expected: logged });
    } finally {
      await host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('a whole-comparison element whose full widget is missing says so, and the warning names that module', async () => {
  // Every file but the full widget's wasm: the element needs the full widget (it names no
  // provision), so the card entry being there does not help it.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdiff-nofull-'));
  for (const f of ['draftdiff-embed.js', 'draftdiff.js', 'draftdiff-card.js', 'draftdiff-card_bg.wasm', 'draftdiff.css']) fs.copyFileSync(path.join(dist, f), path.join(dir, f));
  const host = await serveWithCors(dir);
  try {
    const s = await visit(post('nofull', host.origin, `<script type="module" src="${host.origin}/w/draftdiff-embed.js"></script>
<draft-diff view="inline"><a href="${host.origin}/index.html">The comparison</a></draft-diff>`));
    await s.page.waitForFunction(() => /could not be loaded/.test(document.querySelector('draft-diff').shadowRoot?.querySelector('.dd-embed-status')?.textContent), null, { timeout: 20000 });
    const ours = s.warnings.filter((w) => w.startsWith('draftdiff:'));
    assert.equal(ours.length, 1, JSON.stringify(s.warnings));
    assert.match(ours[0], new RegExp(`^draftdiff: could not load draftdiff_bg\\.wasm from ${host.origin}/w/draftdiff_bg\\.wasm \\(the widget host answered HTTP 404`));
    assert.equal(s.requests.some((u) => u.endsWith('/draftdiff-card_bg.wasm')), false, 'the card entry was not fetched for it');
    await end(s, host.origin, { strict: false, expected: /status of 404/ });
  } finally {
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

/** Clicks Share → Copy link on 2015 (7) inside the post's iframe; returns the frame. */
async function copyInFrame(page) {
  const frame = page.frameLocator('iframe[data-draftdiff]');
  await page.locator('iframe[data-draftdiff]').scrollIntoViewIfNeeded();
  const header = frame.locator('[id="2015-7"] .dd-share');
  await header.locator('summary').click();
  await header.locator('button', { hasText: 'Copy link' }).click();
  return frame;
}

/** The clipboard as a page of the widget's own origin reads it (the only origin granted access). */
async function clipboard(context, origin) {
  const reader = await context.newPage();
  await reader.goto(`${origin}/favicon.svg`);
  const text = await reader.evaluate(() => navigator.clipboard.readText());
  await reader.close();
  return text;
}

for (const [name, snippet] of [['with', (s) => s], ['without', (s) => s.replace(' allow="clipboard-write"', '')]]) {
  test(`Copy link inside the cross-origin iframe ${name} the snippet's allow="clipboard-write"`, async () => {
    const s = await visit(post(`iframe-${name}`, widget.none.origin, snippet(snippets.iframe)));
    await s.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: widget.none.origin });
    const setter = await s.context.newPage();
    await setter.goto(`${widget.none.origin}/favicon.svg`);
    await setter.evaluate(() => navigator.clipboard.writeText('before'));
    await setter.close();
    // The iframe keeps to the post column (the theme's max-width, as for the paragraphs).
    const [iframe, intro] = await s.page.evaluate(() => ['iframe[data-draftdiff]', '#intro'].map((q) => {
      const r = document.querySelector(q).getBoundingClientRect();
      return [Math.round(r.x), Math.round(r.width)];
    }));
    assert.deepEqual(iframe, intro, 'iframe in the column');
    const frame = await copyInFrame(s.page);
    if (name === 'with') {
      await frame.locator('.dd-toast', { hasText: 'Link copied.' }).waitFor({ timeout: 5000 });
      // The provision's page on the widget's site (not the iframe's ?embed=1 address).
      assert.equal(await clipboard(s.context, widget.none.origin), `${widget.none.origin}/p/2015-7/`);
    } else {
      // The permissions policy refuses the write: the widget offers the link to copy by hand.
      await frame.locator('#dd-copy-field').waitFor({ timeout: 5000 });
      assert.equal(await clipboard(s.context, widget.none.origin), 'before');
    }
    await shot(s.page, `crossorigin-iframe-copy-${name}-allow`);
    await end(s, widget.none.origin, { strict: name === 'with', expected: /^Permissions policy violation: The Clipboard API has been blocked/ });
  });
}

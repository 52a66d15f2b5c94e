// Focused embeds (#15): an embed shows what its snippet names. A provision is one aligned pair in
// a card about as tall as its content; a theme is just its pairs; the widget and the blog are on
// different origins (two ports of 127.0.0.1), with and without the host script.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, root, shot } from './harness.mjs';

const CORS = { 'access-control-allow-origin': '*' };
const AXE = path.join(root, 'node_modules/axe-core/axe.min.js');
let browser, widget, blog, posts;

before(async () => {
  widget = await serve({ headers: (p) => (/\.(js|wasm)$/.test(p) ? CORS : {}) });
  posts = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdiff-cards-'));
  blog = await serve({ mounts: { '/posts/': posts } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await widget?.close();
  await blog?.close();
  if (posts) fs.rmSync(posts, { recursive: true, force: true });
});

/** A post on the blog's origin: a 700 px (or narrower) column holding `snippet`. */
function post(name, snippet) {
  fs.writeFileSync(path.join(posts, `${name}.html`), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>A post</title><link rel="icon" href="data:,">
<style>body{margin:0;font:18px/1.5 Georgia,serif} main{max-width:700px;margin:0 auto;padding:0 10px}</style></head>
<body><main><h1>What happened to (f)?</h1><p>The 2015 text rewrote the human-rights paragraph:</p>${snippet}<p>End of post.</p></main></body></html>`);
  return `${blog.origin}/posts/${name}.html`;
}

/** An iframe snippet as the widget writes it for a card: the card page (embed.html), or `page`. */
const iframe = (hash, { id = 'c', height = 400, host = true, page = 'embed.html?' } = {}) =>
  `<iframe data-draftdiff="${id}" src="${widget.origin}/${page}id=${id}#${hash}" title="Comparison" style="display:block;width:100%;height:${height}px;border:0"></iframe>`
  + (host ? `<script src="${widget.origin}/draftdiff-host.js" defer></script>` : '');

/** The card inside the first iframe of the page, once mounted: its frame and the frame element. */
async function frameCard(page) {
  const handle = await page.waitForSelector('iframe');
  const frame = await handle.contentFrame();
  await frame.waitForSelector('.dd-card .dd-card-body .dd-row', { timeout: 20000 });
  return { frame, handle };
}

/** Ids of the provisions (either side) of the rows a card shows. */
const rowIds = (frame) => frame.evaluate(() => [...document.querySelectorAll('.dd-card-body .dd-row')]
  .map((r) => [...r.querySelectorAll('[id^="2011-"], [id^="2015-"]')].map((e) => e.id).join('+')));

for (const width of [700, 360]) {
  test(`a provision card in an iframe on another origin, ${width} px: that pair at the top, sized to it`, async () => {
    const s = await open(browser, { viewport: { width: width + 20, height: 900 } });
    await s.page.goto(post(`one-${width}`, iframe('2015-7')));
    const { frame, handle } = await frameCard(s.page);
    const ids = await rowIds(frame);
    assert.equal(ids.length, 1, `one pair: ${ids}`);
    assert.match(ids[0], /2011-f/);
    assert.match(ids[0], /2015-7/);
    assert.match(await frame.locator('.dd-card-title').textContent(), /2011 \(f\) → 2015 \(7\)/);
    // The host script sizes the frame to the card (it starts at 400 px).
    await s.page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 420, null, { timeout: 10000 });
    const height = (await handle.boundingBox()).height;
    const bound = width === 700 ? 1500 : 1600; // measured 845 and 1229 px
    assert.ok(height < bound, `card ${height} px tall at ${width} px (bound ${bound})`);
    // The pair is in the reader's first viewport, right where the post put the card.
    const row = await frame.locator('.dd-card-body .dd-row').boundingBox();
    const box = await handle.boundingBox();
    assert.ok(box.y + row.y - box.y < 900, `pair starts at ${row.y} px`);
    console.log(`# card height at ${width} px: ${Math.round(height)} px`);
    await shot(s.page, `card-iframe-${width}`, { fullPage: true });
    assert.deepEqual(s.errors, []);
    await s.context.close();
  });
}

test('a fixed-height iframe without the host script shows the provision, not the footer', async () => {
  const s = await open(browser, { viewport: { width: 720, height: 900 } });
  await s.page.goto(post('fixed', iframe('2011-f', { height: 380, host: false })));
  const { frame } = await frameCard(s.page);
  await frame.waitForTimeout(300);
  const where = await frame.evaluate(() => ({
    y: window.scrollY,
    top: document.querySelector('.dd-card-body .dd-row').getBoundingClientRect().top,
  }));
  assert.equal(where.y, 0, 'the frame is not scrolled');
  assert.ok(where.top >= 0 && where.top < 380, `the pair starts at ${where.top} px of 380`);
  await s.context.close();
});

test('a theme card shows just the pairs the page shows for that theme', async () => {
  const s = await open(browser, { viewport: { width: 1100, height: 900 } });
  // The page's own count for the same filter, every part open (its filter is the reference).
  await s.page.goto(`${widget.origin}/index.html#themes=human-rights&open=letter,preamble,purpose,code`);
  await s.page.waitForSelector('.dd-app .dd-toolbar');
  const count = Number(/Showing (\d+) of/.exec(await s.page.locator('.dd-count').textContent())[1]);
  assert.ok(count > 1 && count < 32, `${count}`);
  await s.page.goto(post('theme', iframe('themes=human-rights')));
  const { frame } = await frameCard(s.page);
  assert.equal((await rowIds(frame)).length, count);
  await s.context.close();
});

test('a <draft-diff> provision card renders in its shadow root on another origin', async () => {
  const s = await open(browser, { viewport: { width: 720, height: 900 } });
  await s.page.goto(post('element', `<script type="module" src="${widget.origin}/draftdiff-embed.js"></script>
<draft-diff provision="2015-7"><a href="${widget.origin}/index.html#2015-7">2015 (7)</a></draft-diff>`));
  await s.page.waitForFunction(() => document.querySelector('draft-diff')?.shadowRoot?.querySelector('.dd-card .dd-row'), null, { timeout: 20000 });
  const card = await s.page.evaluate(() => {
    const r = document.querySelector('draft-diff').shadowRoot;
    return {
      rows: r.querySelectorAll('.dd-card-body .dd-row').length,
      height: document.querySelector('draft-diff').getBoundingClientRect().height,
      title: r.querySelector('.dd-card-title').textContent,
    };
  });
  assert.equal(card.rows, 1);
  assert.ok(card.height > 100 && card.height < 1500, `${card.height}`);
  assert.match(card.title, /2015 \(7\)/);
  assert.deepEqual(s.errors, []);
  await s.context.close();
});

test('a <draft-diff> card follows its own width: stacked in a narrow column of a wide window, side by side when it widens', async () => {
  const s = await open(browser, { viewport: { width: 1280, height: 900 } });
  await s.page.goto(post('element-narrow', `<script type="module" src="${widget.origin}/draftdiff-embed.js"></script>
<div id="col" style="width:340px"><draft-diff provision="2015-7"><a href="${widget.origin}/index.html#2015-7">2015 (7)</a></draft-diff></div>`));
  await s.page.waitForFunction(() => document.querySelector('draft-diff')?.shadowRoot?.querySelector('.dd-card .dd-row'), null, { timeout: 20000 });
  // Where the two provisions of the pair sit: stacked means the later one starts below the earlier.
  const layout = () => s.page.evaluate(() => {
    const [a, b] = [...document.querySelector('draft-diff').shadowRoot.querySelectorAll('.dd-card-body .dd-prov')]
      .map((e) => e.getBoundingClientRect());
    return { stacked: b.top >= a.bottom - 1, side: Math.abs(a.top - b.top) < 2 && b.left >= a.right - 1 };
  });
  await s.page.waitForFunction(() => document.querySelector('draft-diff').shadowRoot.querySelector('.dd-app.dd-narrow'));
  assert.deepEqual(await layout(), { stacked: true, side: false }, 'a 340 px column on a 1280 px window stacks');
  await s.page.evaluate(() => { document.getElementById('col').style.width = '900px'; });
  await s.page.waitForFunction(() => !document.querySelector('draft-diff').shadowRoot.querySelector('.dd-app.dd-narrow'));
  assert.deepEqual(await layout(), { stacked: false, side: true }, 'a 900 px column: side by side');
  assert.deepEqual(s.errors, []);
  await s.context.close();
});

/** Which of the two wasm modules the page fetched. */
const modules = (requests) => ({
  card: requests.some((u) => u.endsWith('/draftdiff-card_bg.wasm')),
  full: requests.some((u) => u.endsWith('/draftdiff_bg.wasm')),
});
const shadow = (page, selector) => page.evaluate((sel) => !!document.querySelector('draft-diff')?.shadowRoot?.querySelector(sel), selector);

test('a card element loads only the lean card module; a whole-comparison element and the page only the full one', async () => {
  const s = await open(browser, { viewport: { width: 720, height: 900 } });
  await s.page.goto(post('lean', `<script type="module" src="${widget.origin}/draftdiff-embed.js"></script>
<draft-diff provision="2015-7" themes="human-rights"><a href="${widget.origin}/index.html#2015-7">2015 (7)</a></draft-diff>`));
  await s.page.waitForFunction(() => document.querySelector('draft-diff')?.shadowRoot?.querySelector('.dd-card .dd-row'), null, { timeout: 20000 });
  // The card's options still work: its theme is marked in the text.
  assert.ok(await shadow(s.page, '.dd-card-body mark'), 'the theme is highlighted in the card');
  assert.deepEqual(modules(s.requests), { card: true, full: false });
  await s.context.close();

  const w = await open(browser, { viewport: { width: 720, height: 900 } });
  await w.page.goto(post('whole', `<script type="module" src="${widget.origin}/draftdiff-embed.js"></script>
<draft-diff view="inline"><a href="${widget.origin}/index.html">The comparison</a></draft-diff>`));
  await w.page.waitForFunction(() => document.querySelector('draft-diff')?.shadowRoot?.querySelector('.dd-app .dd-toolbar'), null, { timeout: 20000 });
  assert.deepEqual(modules(w.requests), { card: false, full: true });
  assert.deepEqual(w.errors, []);
  await w.context.close();

  // The full page, opened at a provision, is no card: it never fetches the card entry.
  const p = await open(browser);
  await p.page.goto(`${widget.origin}/index.html#2015-7`);
  await p.page.waitForSelector('.dd-app .dd-toolbar', { timeout: 20000 });
  assert.deepEqual(modules(p.requests), { card: false, full: true });
  await p.context.close();
});

test('options the card entry cannot show fall back to the full widget, warned about once', async () => {
  const s = await open(browser, { viewport: { width: 720, height: 900 } });
  const warnings = [];
  s.page.on('console', (m) => { if (m.type() === 'warning' && m.text().startsWith('draft-diff:')) warnings.push(m.text()); });
  // A provision these drafts do not have: no card, so the whole comparison with a notice.
  await s.page.goto(post('unknown', `<script type="module" src="${widget.origin}/draftdiff-embed.js"></script>
<draft-diff provision="2015-99"><a href="${widget.origin}/index.html">The comparison</a></draft-diff>`));
  await s.page.waitForFunction(() => document.querySelector('draft-diff')?.shadowRoot?.querySelector('.dd-app .dd-toolbar'), null, { timeout: 20000 });
  assert.deepEqual(modules(s.requests), { card: true, full: true });
  assert.equal(warnings.filter((w) => w.includes('provision="2015-99"')).length, 1, warnings.join('\n'));
  assert.deepEqual(s.errors, []);
  await s.context.close();
});

test('a card whose attributes stop making a card becomes the full widget, and back', async () => {
  const s = await open(browser, { viewport: { width: 720, height: 900 } });
  await s.page.goto(post('switch', `<script type="module" src="${widget.origin}/draftdiff-embed.js"></script>
<draft-diff provision="2015-7"><a href="${widget.origin}/index.html#2015-7">2015 (7)</a></draft-diff>`));
  await s.page.waitForFunction(() => document.querySelector('draft-diff')?.shadowRoot?.querySelector('.dd-card .dd-row'), null, { timeout: 20000 });
  await s.page.evaluate(() => document.querySelector('draft-diff').setAttribute('show', 'all'));
  await s.page.waitForFunction(() => document.querySelector('draft-diff').shadowRoot.querySelector('.dd-app .dd-toolbar'), null, { timeout: 20000 });
  assert.equal(await s.page.evaluate(() => document.querySelector('draft-diff').shadowRoot.querySelectorAll('.dd-app').length), 1, 'one widget in the element');
  assert.equal(await shadow(s.page, '.dd-card'), false);
  // The linked provision is still the focus of the whole comparison.
  assert.ok(await shadow(s.page, '.dd-focused'), 'the provision stays focused');
  // The full widget shows cards too: removing show= brings the card back in place.
  await s.page.evaluate(() => document.querySelector('draft-diff').removeAttribute('show'));
  await s.page.waitForFunction(() => document.querySelector('draft-diff').shadowRoot.querySelector('.dd-card .dd-row'), null, { timeout: 20000 });
  assert.deepEqual(s.errors, []);
  await s.context.close();
});

test('the card page loads only the card module; show=all there, and older snippets, get the full widget', async () => {
  const s = await open(browser, { viewport: { width: 720, height: 900 } });
  await s.page.goto(post('page-card', iframe('2015-7&themes=human-rights')));
  const { frame } = await frameCard(s.page);
  assert.ok(await frame.locator('.dd-card-body mark').count() > 0, 'the theme is highlighted in the card');
  assert.deepEqual(modules(s.requests), { card: true, full: false });
  // It is the iframe's page only: "Open the full comparison" is the full page, and engines skip it.
  assert.match(await frame.locator('.dd-open-full').getAttribute('href'), /\/index\.html#2015-7&themes=human-rights$/);
  assert.equal(await frame.locator('meta[name="robots"]').getAttribute('content'), 'noindex');
  assert.deepEqual(s.errors, []);
  await s.context.close();

  // The card page asked for the whole document: the card entry declines, the full widget takes over.
  const w = await open(browser, { viewport: { width: 720, height: 900 } });
  await w.page.goto(post('page-all', iframe('2015-7&show=all')));
  const whole = await (await w.page.waitForSelector('iframe')).contentFrame();
  await whole.waitForSelector('.dd-app .dd-toolbar', { timeout: 20000 });
  assert.equal(await whole.locator('.dd-card').count(), 0, 'no card');
  assert.ok(await whole.locator('.dd-app.dd-embedded').count() === 1, 'the compact iframe widget');
  assert.deepEqual(modules(w.requests), { card: true, full: true });
  assert.deepEqual(w.errors, []);
  await w.context.close();

  // A snippet made before the card page (index.html?embed=1) still shows the card, from the full widget.
  const o = await open(browser, { viewport: { width: 720, height: 900 } });
  await o.page.goto(post('page-old', iframe('2015-7', { page: 'index.html?embed=1&amp;' })));
  await frameCard(o.page);
  assert.deepEqual(modules(o.requests), { card: false, full: true });
  assert.deepEqual(o.errors, []);
  await o.context.close();
});

test('before its wasm runs, the card page shows the linked pair, not the document scrolled to it', async () => {
  const s = await open(browser, { viewport: { width: 720, height: 900 } });
  // The wasm never arrives: what the reader sees is the static text as the card page shows it.
  await s.page.route('**/*.wasm', (r) => r.abort());
  await s.page.goto(post('static', iframe('2015-7', { host: false })));
  const frame = await (await s.page.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('.dd-static [id="2015-7"]');
  const seen = await frame.evaluate(() => {
    const shown = (e) => e.getClientRects().length > 0;
    return {
      rows: [...document.querySelectorAll('.dd-static .dd-row')].filter(shown).map((r) => [...r.querySelectorAll('[id^="20"]')].map((e) => e.id).join('+')),
      header: shown(document.querySelector('.dd-static .dd-header')),
      sources: shown(document.querySelector('.dd-static .dd-footer')),
      top: document.querySelector('.dd-static [id="2015-7"]').getBoundingClientRect().top,
    };
  });
  assert.deepEqual(seen.rows, ['2011-f+2015-7'], 'just the linked pair');
  assert.equal(seen.header, false);
  assert.equal(seen.sources, true, 'the sources stay');
  assert.ok(seen.top >= 0 && seen.top < 400, `the pair is in the frame: ${seen.top} px`);
  await shot(s.page, 'card-page-static');
  await s.context.close();
  // The full page keeps the whole document around the same anchor.
  const p = await open(browser, { viewport: { width: 720, height: 900 } });
  await p.page.route('**/*.wasm', (r) => r.abort());
  await p.page.goto(`${widget.origin}/index.html?embed=1#2015-7`);
  await p.page.waitForSelector('.dd-static [id="2015-7"]');
  assert.ok(await p.page.evaluate(() => [...document.querySelectorAll('.dd-static .dd-row')].filter((e) => e.getClientRects().length).length) > 20);
  await p.context.close();
});

test('a card the reader widens until it names nothing stays a card, in an iframe and in an element', async () => {
  const s = await open(browser, { viewport: { width: 720, height: 900 } });
  await s.page.goto(post('widen', `${iframe('themes=sovereignty')}<script type="module" src="${widget.origin}/draftdiff-embed.js"></script>
<draft-diff themes="sovereignty"><a href="${widget.origin}/index.html#themes=sovereignty">Sovereignty</a></draft-diff>`));
  const { frame } = await frameCard(s.page);
  await s.page.waitForFunction(() => document.querySelector('draft-diff')?.shadowRoot?.querySelector('.dd-card .dd-row'), null, { timeout: 20000 });
  const inShadow = (sel) => s.page.locator(`draft-diff >> ${sel}`); // Playwright pierces open shadow roots
  for (const [name, at] of [['iframe', (sel) => frame.locator(sel)], ['element', inShadow]]) {
    const rows = await at('.dd-card-body .dd-row').count();
    await at('.dd-card-options summary').click();
    await at('.dd-chip[data-theme="sovereignty"][aria-pressed="true"]').click();
    await at('.dd-chip[data-theme="sovereignty"][aria-pressed="false"]').waitFor();
    await at('.dd-card-title').filter({ hasText: /^All provisions: \d+ aligned pairs/ }).waitFor();
    const widened = await at('.dd-card-body .dd-row').count();
    assert.ok(widened > rows, `${name}: every pair once the only theme is unticked (${rows} -> ${widened})`);
  }
  assert.deepEqual(modules(s.requests), { card: true, full: false });
  assert.deepEqual(s.errors, []);
  await s.context.close();
});

test('next steps to another pair; "Open the full comparison" keeps the state', async () => {
  const s = await open(browser, { viewport: { width: 720, height: 900 } });
  await s.page.goto(post('steps', iframe('2015-7&view=inline')));
  const { frame } = await frameCard(s.page);
  const full = await frame.locator('.dd-open-full').getAttribute('href');
  assert.match(full, /index\.html#2015-7&view=inline$/);
  assert.equal(await frame.locator('.dd-open-full').getAttribute('target'), '_blank');
  const before = (await rowIds(frame))[0];
  await frame.locator('.dd-card-next').click();
  await frame.waitForFunction((b) => document.querySelector('.dd-card-body .dd-row') && ![...document.querySelectorAll('.dd-card-body .dd-row [id]')].some((e) => b.split('+').includes(e.id)), before);
  const after = (await rowIds(frame))[0];
  assert.notEqual(after, before);
  await s.context.close();
});

for (const [width, scheme] of [[360, 'light'], [700, 'light'], [360, 'dark'], [700, 'dark']]) {
  test(`axe: the card has no WCAG 2.1 AA violation, ${scheme}, ${width} px`, async () => {
    const s = await open(browser, { viewport: { width, height: 900 } });
    await s.page.goto(`${widget.origin}/embed.html?id=a&scheme=${scheme}#2015-7&themes=human-rights`);
    await s.page.waitForSelector('.dd-card .dd-row');
    await s.page.addScriptTag({ path: AXE });
    const violations = await s.page.evaluate(async () => (await window.axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations'],
    })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(violations, []);
    await shot(s.page, `card-${scheme}-${width}`, { fullPage: true });
    await s.context.close();
  });
}

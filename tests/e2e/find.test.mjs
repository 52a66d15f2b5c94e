// Arrive and find (#17): every word of both drafts is findable — by the browser's find-in-page,
// by text fragments (`#:~:text=…`, what "Copy link to highlight" and search results make) and by
// the widget's own search — even in the parts that open collapsed; and the app takes over the
// pre-rendered text without moving the reader (scroll position, selection, no layout shift; no
// later largest paint is arrive.test.mjs's). The wasm response is held back where timing
// matters, so the reader is provably somewhere in the static text when the app mounts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, ready, finish, root, shot, held } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Every provision text of both drafts, from the corpus TOML (not from the code under test). */
const TEXTS = fs.readdirSync(path.join(root, 'data/corpus')).filter((f) => f.endsWith('.toml')).flatMap((f) => {
  const toml = fs.readFileSync(path.join(root, 'data/corpus', f), 'utf8');
  return [...toml.matchAll(/^text = """\n?([\s\S]*?)"""/gm)].map((m) => m[1]);
});
const norm = (s) => s.toLowerCase().replace(/\s+/g, ' ');
/** How often `phrase` occurs in the drafts (case-insensitive, any whitespace). */
const occurrences = (phrase) => TEXTS.reduce((n, t) => n + norm(t).split(norm(phrase)).length - 1, 0);

/** The provision text under the viewport's top: its provision's id and its top, in px. */
const underTop = (page) => page.evaluate(() => {
  for (const t of document.querySelectorAll('.dd-prov[id] .dd-text')) {
    const r = t.getBoundingClientRect();
    if (r.height > 0 && r.bottom > 0) return { id: t.closest('.dd-prov[id]').id, top: Math.round(r.top * 10) / 10, y: scrollY };
  }
  return null;
});

/** Shifts and LCP entries recorded after the app mounted. */
const afterMount = (page) => page.evaluate(() => ({
  shifts: window.__shifts.filter((e) => e.t >= window.__mounted),
  cls: window.__shifts.filter((e) => e.t >= window.__mounted).reduce((s, e) => s + e.v, 0),
  lcp: window.__lcp.filter((e) => e.t >= window.__mounted),
  all: window.__lcp,
}));

/** Whether the current selection (the phrase the app marked) is inside the viewport. */
const selectionInView = (page) => page.evaluate(() => {
  const s = getSelection();
  if (!s.rangeCount) return { text: '', inView: false };
  const r = s.getRangeAt(0).getBoundingClientRect();
  return { text: String(s), inView: r.height > 0 && r.top >= 0 && r.bottom <= innerHeight, top: r.top, y: scrollY };
});

const expanded = (page, part) => page.locator(`#dd-part-${part} button`).getAttribute('aria-expanded');

for (const [name, url] of [['the page', '/index.html'], ['the single file', '/draftdiff.html']]) {
  test(`a text fragment to a preamble phrase opens the preamble and shows the phrase (${name})`, async () => {
    const ctx = await held(browser);
    await ctx.page.goto(`${server.origin}${url}#:~:text=Recalling%20its%20resolutions`);
    await ctx.page.waitForTimeout(300);
    ctx.release();
    await ready(ctx.page);
    await ctx.page.waitForTimeout(300);
    assert.equal(await expanded(ctx.page, 'preamble'), 'true', 'the preamble is open');
    assert.equal(await ctx.page.locator('.dd-part-body[data-part="preamble"]').getAttribute('hidden'), null);
    const sel = await selectionInView(ctx.page);
    assert.equal(norm(sel.text), 'recalling its resolutions', 'the phrase is marked');
    assert.ok(sel.inView, `the phrase is in the viewport (${JSON.stringify(sel)})`);
    const { cls } = await afterMount(ctx.page);
    assert.equal(cls, 0, 'no layout shift after the app mounted');
    await shot(ctx.page, `find-fragment-preamble-${url.slice(1, -5)}`);
    await finish(ctx, server.origin);
  });
}

test('a text fragment to a phrase in the code lands on it, not on the footer', async () => {
  const ctx = await held(browser);
  await ctx.page.goto(`${server.origin}/index.html#:~:text=information%20weapons`);
  await ctx.page.waitForTimeout(300);
  ctx.release();
  await ready(ctx.page);
  await ctx.page.waitForTimeout(300);
  const sel = await selectionInView(ctx.page);
  assert.equal(norm(sel.text), 'information weapons');
  assert.ok(sel.inView, `the phrase is in the viewport (${JSON.stringify(sel)})`);
  const bottom = await ctx.page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
  assert.ok(sel.y < bottom - 100, `not clamped to the bottom (${sel.y} of ${bottom})`);
  await finish(ctx, server.origin);
});

test('the browser finding words in a collapsed part fires beforematch, which opens the part in the app', async () => {
  const ctx = await open(browser);
  await ctx.page.goto(`${server.origin}/index.html`);
  await ready(ctx.page);
  assert.equal(await expanded(ctx.page, 'letter'), 'false', 'the letter opens collapsed');
  assert.equal(await ctx.page.locator('.dd-part-body[data-part="letter"]').getAttribute('hidden'), 'until-found');
  // The browser's own find, as a text fragment followed within the mounted page (Chromium's
  // window.find() matches hidden-until-found text but does not reveal it, so it cannot stand in).
  await ctx.page.goto(`${server.origin}/index.html#:~:text=mutual%20respect`);
  await ctx.page.waitForFunction(() => document.querySelector('#dd-part-letter button').getAttribute('aria-expanded') === 'true');
  assert.ok(await ctx.page.locator('[id="2011-letter-1"]').isVisible(), 'the provision is shown');
  assert.match(ctx.page.url(), /open=[^&]*letter/, 'the link says the letter is open');
  await finish(ctx, server.origin);
});

test('the search counts hits in collapsed parts, steps into them, and stays true after collapsing', async () => {
  const ctx = await open(browser);
  await ctx.page.goto(`${server.origin}/index.html`);
  await ready(ctx.page);
  const count = ctx.page.locator('.dd-search-count');
  for (const phrase of ['Recalling its resolutions', 'information weapons']) {
    await ctx.page.fill('#dd-search-input', phrase);
    const n = occurrences(phrase);
    assert.ok(n > 0, phrase);
    await assert.doesNotReject(count.filter({ hasText: `${n} match` }).waitFor({ timeout: 5000 }), `${phrase}: ${n} matches, got ${await count.textContent()}`);
  }
  const phrase = 'mutual respect';
  const n = occurrences(phrase);
  await ctx.page.fill('#dd-search-input', phrase);
  await count.filter({ hasText: n === 1 ? '1 match' : `${n} matches` }).waitFor({ timeout: 5000 });
  assert.equal(await expanded(ctx.page, 'letter'), 'false');
  await ctx.page.press('#dd-search-input', 'Enter');
  await count.filter({ hasText: `1 of ${n}` }).waitFor({ timeout: 5000 });
  await ctx.page.waitForFunction(() => document.querySelector('#dd-part-letter button').getAttribute('aria-expanded') === 'true');
  const current = ctx.page.locator('mark.dd-hit-current').first();
  await current.waitFor();
  await ctx.page.waitForTimeout(800); // smooth scrolling
  assert.ok(await current.evaluate((m) => { const r = m.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }), 'the hit is in view');
  await ctx.page.locator('#dd-part-letter button').click();
  assert.equal(await expanded(ctx.page, 'letter'), 'false');
  await ctx.page.waitForTimeout(200);
  assert.match(await count.textContent(), new RegExp(`(^| )${n}( |$)`), 'the count stays true with the part collapsed again');
  await finish(ctx, server.origin);
});

for (const [how, go] of [
  ['a provision link (#2015-9)', (p) => p.goto(`${server.origin}/index.html#2015-9`)],
  ['the reader scrolling', async (p) => { await p.goto(`${server.origin}/index.html`); await p.mouse.wheel(0, 2600); }],
]) {
  test(`mounting keeps the reader's place after ${how}`, async () => {
    const ctx = await held(browser);
    await go(ctx.page);
    await ctx.page.waitForTimeout(400);
    const before = await underTop(ctx.page);
    assert.ok(before && before.y > 500, `scrolled into the text (${JSON.stringify(before)})`);
    ctx.release();
    await ready(ctx.page);
    await ctx.page.waitForTimeout(800);
    const now = await underTop(ctx.page);
    console.log(`# ${how}: before ${JSON.stringify(before)}, after ${JSON.stringify(now)}`);
    assert.equal(now.id, before.id, 'the same provision is under the viewport top');
    assert.ok(Math.abs(now.top - before.top) <= 2, `at the same height (${before.top} → ${now.top})`);
    const m = await afterMount(ctx.page);
    console.log(`# ${how}: CLS after mount ${m.cls}, LCP entries ${JSON.stringify(m.all)}`);
    assert.equal(m.cls, 0, `no layout shift after mount ${JSON.stringify(m.shifts)}`);
    await finish(ctx, server.origin);
  });
}

test('mounting keeps a selection made in the static text', async () => {
  const ctx = await held(browser);
  await ctx.page.goto(`${server.origin}/index.html#2015-7`);
  await ctx.page.waitForTimeout(300);
  const picked = await ctx.page.evaluate(() => {
    // Characters 5..70 of the provision's text, across its <ins>/<del> runs.
    const t = document.querySelector('[id="2015-7"] .dd-text');
    const walker = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
    const r = document.createRange();
    let seen = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (seen <= 5 && 5 < seen + n.length) r.setStart(n, 5 - seen);
      if (seen < 70 && 70 <= seen + n.length) { r.setEnd(n, 70 - seen); break; }
      seen += n.length;
    }
    getSelection().removeAllRanges();
    getSelection().addRange(r);
    return String(getSelection());
  });
  assert.equal(picked.length, 65);
  ctx.release();
  await ready(ctx.page);
  await ctx.page.waitForTimeout(300);
  const now = await ctx.page.evaluate(() => ({
    text: String(getSelection()),
    inside: [getSelection().anchorNode, getSelection().focusNode].every((n) => !!n?.parentElement?.closest('.dd-app [id="2015-7"] .dd-text')),
  }));
  assert.deepEqual(now, { text: picked, inside: true });
  await finish(ctx, server.origin);
});

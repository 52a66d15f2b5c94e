// The insight layer: summary, change map, search.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready, shot, finish } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const done = (session) => finish(session, server.origin);

test('the summary counts the whole document and the current filter', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(`${server.origin}/index.html`);
  await ready(page);
  const whole = await page.locator('.dd-summary p').first().textContent();
  assert.match(whole, /Whole document: \d+ changed · \d+ new/);
  assert.match(whole, /% of the wording unchanged/);
  await page.locator('.dd-chip[data-theme="confidence-building"]').click();
  const filtered = await page.locator('.dd-summary p').nth(1).textContent();
  assert.match(filtered, /Selected themes: 1 new · \+\d+ \/ −0 words/);
  await done(session);
});

test('the change map has one link per shown pair, follows the filter, and jumps on click', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(`${server.origin}/index.html`);
  await ready(page);
  const links = page.locator('.dd-map a');
  const rows = await page.evaluate(() => document.querySelector('.dd-count').textContent);
  const total = Number(/all (\d+) aligned/.exec(rows)[1]);
  assert.equal(await links.count(), total);
  assert.equal(await page.locator('.dd-map a[href="#2015-10"] rect.dd-map-added').count(), 1);
  assert.match(await page.locator('.dd-map a[href="#2015-2"]').getAttribute('aria-label'), /2011 \(b\) → 2015 \(2\): changed, \d+% similar/);
  // The segments are drawn SVG (the strip's markup is parsed in the SVG namespace), one after another.
  const boxes = await page.evaluate(() => [...document.querySelectorAll('.dd-map rect')]
    .map((r) => ({ svg: r.namespaceURI === 'http://www.w3.org/2000/svg', x: r.getBoundingClientRect().x, w: r.getBoundingClientRect().width })));
  assert.ok(boxes.every((b) => b.svg && b.w > 0), 'every segment is an SVG rect with a width');
  assert.ok(boxes.every((b, i) => i === 0 || b.x > boxes[i - 1].x), 'segments run left to right');
  await page.locator('.dd-chip[data-theme="human-rights"]').click();
  assert.equal(await links.count(), await page.locator('.dd-row:not([hidden])').count());
  // Keyboard: focus a segment and press Enter.
  await page.locator('.dd-map a[href="#2015-7"]').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === '2015-7');
  assert.match(page.url(), /#2015-7&themes=human-rights$/);
  // A click on another segment focuses its pair.
  const other = await page.evaluate(() => [...document.querySelectorAll('.dd-map a')].map((a) => a.getAttribute('href')).find((h) => h !== '#2015-7'));
  await page.locator(`.dd-map a[href="${other}"]`).click();
  await page.waitForFunction((id) => document.activeElement?.id === id, other.slice(1));
  assert.ok(page.url().endsWith(`${other}&themes=human-rights`), page.url());
  await done(session);
});

test('search highlights matches in both drafts, counts them, steps through them, and is in the URL', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(`${server.origin}/index.html`);
  await ready(page);
  await page.locator('#dd-search-input').fill('information weapons');
  await page.waitForFunction(() => /1 match/.test(document.querySelector('.dd-search-count').textContent));
  assert.equal(await page.locator('[id="2011-b"] del mark.dd-hit').count() >= 1, true, 'the hit sits inside the deletion');
  assert.match(page.url(), /#q=information%20weapons$/);
  await page.locator('#dd-search-input').fill('States');
  await page.waitForFunction(() => /\d+ matches/.test(document.querySelector('.dd-search-count').textContent));
  const n = Number(/(\d+) matches/.exec(await page.locator('.dd-search-count').textContent())[1]);
  assert.equal(n, await page.locator('mark.dd-hit').count());
  await page.locator('#dd-search-input').press('Enter');
  await page.waitForFunction((n) => document.querySelector('.dd-search-count').textContent === `1 of ${n}`, n);
  assert.equal(await page.locator('mark.dd-hit.dd-hit-current').count(), 1);
  await page.locator('#dd-search-input').press('Shift+Enter');
  await page.waitForFunction((n) => document.querySelector('.dd-search-count').textContent === `${n} of ${n}`, n);
  // With a filter, only the shown provisions count.
  await page.locator('.dd-chip[data-theme="human-rights"]').click();
  await page.waitForFunction((n) => { const m = /(\d+) matches/.exec(document.querySelector('.dd-search-count').textContent); return m && Number(m[1]) < n; }, n);
  // A search link opens with the query applied.
  const fresh = await open(browser);
  await fresh.page.goto(`${server.origin}/index.html#q=dominant%20position`);
  await ready(fresh.page);
  assert.equal(await fresh.page.locator('#dd-search-input').inputValue(), 'dominant position');
  assert.equal(await fresh.page.locator('[id="2015-5"] mark.dd-hit').count(), 1);
  await shot(page, 'insight-search');
  await done(fresh);
  await done(session);
});

test('annotations expand in place, state their basis, can be hidden, and appear in embeds', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(`${server.origin}/index.html#2015-2`);
  await ready(page);
  const row = page.locator('.dd-row:not([hidden])', { has: page.locator('[id="2015-2"]') });
  const note = row.locator('details.dd-note#note-information-weapons');
  assert.equal(await note.count(), 1);
  assert.equal(await note.evaluate((d) => d.open), false);
  await note.locator('summary').click();
  assert.equal(await note.evaluate((d) => d.open), true);
  assert.match(await note.locator('.dd-note-basis').textContent(), /2011 \(b\) “[^”]*information weapons[^”]*”/);
  // New item (10) carries its own note; the count of notes is on the toggle.
  assert.equal(await page.locator('.dd-row:not([hidden])', { has: page.locator('[id="2015-10"]') }).locator('.dd-note').count(), 1);
  await page.locator('.dd-notes-toggle').click();
  assert.equal(await page.locator('.dd-note').count(), 0);
  assert.match(page.url(), /notes=off/);
  await page.locator('.dd-notes-toggle').click();
  assert.ok(await page.locator('.dd-note').count() > 5);
  const frame = await open(browser);
  await frame.page.goto(`${server.origin}/index.html?embed=1&id=n#2015-7`);
  await ready(frame.page);
  assert.equal(await frame.page.locator('#note-freedom-of-information').count(), 1);
  await done(frame);
  await done(session);
});

// The foundation: both drafts render provision by provision, the redline is right, the page
// stays on its own origin and logs no errors. Also the static text from build time.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready, shot, finish } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const done = (session) => finish(session, server.origin);

const CODE_2011 = 'abcdefghijk'.split('').map((l) => `2011-${l}`);
const CODE_2015 = Array.from({ length: 13 }, (_, i) => `2015-${i + 1}`);

test('renders every code item of both drafts with the word diff', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(`${server.origin}/index.html`);
  await ready(page);
  for (const id of [...CODE_2011, ...CODE_2015, '2011-code-chapeau', '2015-code-chapeau']) {
    assert.equal(await page.locator(`.dd-app [id="${id}"]`).count(), 1, id);
  }
  // (b) → (2): "information weapons" is deleted, and inserted nowhere.
  const deleted = await page.locator('.dd-app [id="2011-b"] del').allTextContents();
  assert.match(deleted.join(' ').replace(/\s+/g, ' '), /information weapons/);
  const inserted = await page.locator('.dd-app ins').allTextContents();
  assert.ok(!inserted.some((t) => /weapons/.test(t)), 'no <ins> holds "weapons"');
  // The pair is shown as a pair.
  const row = page.locator('.dd-row:not([hidden])', { has: page.locator('[id="2011-b"]') });
  assert.equal(await row.locator('[id="2015-2"]').count(), 1);
  assert.equal(await row.getAttribute('data-kind'), 'changed');
  // Identical items are marked unchanged; the new confidence-building item is new.
  assert.equal(await page.locator('.dd-row:not([hidden])', { has: page.locator('[id="2011-a"]') }).getAttribute('data-kind'), 'unchanged');
  assert.equal(await page.locator('.dd-row:not([hidden])', { has: page.locator('[id="2015-10"]') }).getAttribute('data-kind'), 'added');
  // Provenance: official links and statuses.
  assert.ok(await page.locator('a[href="https://undocs.org/A/66/359"]').count() > 0);
  assert.ok(await page.locator('a[href="https://undocs.org/A/69/723"]').count() > 0);
  assert.ok(await page.locator('.dd-status-recalled').count() > 0);
  await shot(page, 'foundation-side-by-side', { fullPage: false });
  await done(session);
});

test('the letter and preamble are collapsible and the code is open by default', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(`${server.origin}/index.html`);
  await ready(page);
  const toggle = page.locator('#dd-part-preamble button');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  // Collapsed parts keep their text on the page, hidden until found (find-in-page reaches it).
  assert.equal(await page.locator('.dd-app [id="2011-pre-4"]').isVisible(), false);
  assert.equal(await page.locator('.dd-part-body[data-part="preamble"]').getAttribute('hidden'), 'until-found');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.equal(await page.locator('.dd-app [id="2011-pre-4"]').isVisible(), true);
  assert.equal(await page.locator('#dd-part-code button').getAttribute('aria-expanded'), 'true');
  await done(session);
});

test('inline view merges each pair into one redline and keeps both anchors', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(`${server.origin}/index.html#view=inline`);
  await ready(page);
  const merged = page.locator('.dd-merged', { has: page.locator('[id="2011-b"]') });
  assert.equal(await merged.count(), 1);
  assert.equal(await merged.getAttribute('id'), '2015-2');
  assert.ok((await merged.locator('del').count()) > 0 && (await merged.locator('ins').count()) > 0);
  await shot(page, 'foundation-inline');
  await done(session);
});

test('the static text from build time is readable without JavaScript', async () => {
  const session = await open(browser, { javaScriptEnabled: false });
  const { page } = session;
  await page.goto(`${server.origin}/index.html#2015-7`);
  assert.equal(await page.locator('.dd-static [id="2015-7"]').count(), 1);
  assert.match(await page.locator('.dd-static [id="2011-b"] del').first().textContent(), /\S/);
  await done(session);
});

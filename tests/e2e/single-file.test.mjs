// The single-file build (dist/draftdiff.html) opened straight from disk: it renders the
// comparison, its static text is readable without JavaScript, deep links and full-state links
// land, theme chips work, and it asks for nothing but itself (no network, no sibling files).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, open, ready, finish, dist, shot } from './harness.mjs';

const file = path.join(dist, 'draftdiff.html');
const url = pathToFileURL(file).href;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Ends a test: no console error, and no request but the file itself (any fragment). */
const done = (session) => finish(session, (u) => u.split('#')[0] === url);

test('the file references nothing outside itself', () => {
  const html = fs.readFileSync(file, 'utf8');
  // Every src=/href= (quoted or not) and every CSS url(…).
  const refs = [...html.matchAll(/\b(src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)]
    .map((m) => ({ attr: m[1].toLowerCase(), value: m[2] ?? m[3] ?? m[4], at: m.index }));
  const bad = refs.filter(({ attr, value, at }) => {
    if (value.startsWith('#') || value.startsWith('data:')) return false;
    // Links to the official UN documents are allowed as plain anchors the reader may follow.
    if (attr === 'href' && value.startsWith('https://undocs.org/')) {
      const tag = html.slice(html.lastIndexOf('<', at), at);
      return !/^<a\s/i.test(tag);
    }
    return true;
  });
  assert.deepEqual(bad, [], 'external src/href references');
  // CSS url(…) in <style> blocks and style attributes. (The wasm-bindgen glue keeps its unused
  // default `new URL('draftdiff_bg.wasm', import.meta.url)`: the boot passes the bytes instead,
  // and the request recorder below proves nothing is fetched.)
  const css = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>|\bstyle\s*=\s*"([^"]*)"/gi)].map((m) => m[1] ?? m[2]).join('\n');
  const urls = [...css.matchAll(/url\(\s*['"]?([^'")]*)/gi)].map((m) => m[1]).filter((u) => !u.startsWith('data:') && !u.startsWith('#'));
  assert.deepEqual(urls, [], 'CSS url() references');
  assert.ok(!/@import\b/.test(html), 'no CSS @import');
  // The readable text comes before the boot script (most of the file: glue and wasm in base64).
  assert.ok(html.indexOf('class="dd-static') < html.indexOf('<script'), 'static text before the script');
});

test('opens from file:// and renders the comparison with no request but itself', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(url);
  await ready(page);
  for (const id of ['2011-b', '2015-13']) {
    assert.equal(await page.locator(`.dd-app [id="${id}"]`).count(), 1, id);
  }
  const deleted = await page.locator('.dd-app [id="2011-b"] del').allTextContents();
  assert.match(deleted.join(' ').replace(/\s+/g, ' '), /information weapons/);
  // The static text has been replaced by the app, not duplicated.
  assert.equal(await page.locator('.dd-static').count(), 0);
  await shot(page, 'single-file');
  await done(session);
});

test('the static text is readable without JavaScript', async () => {
  const session = await open(browser, { javaScriptEnabled: false });
  const { page } = session;
  await page.goto(`${url}#2015-7`);
  assert.equal(await page.locator('.dd-static [id="2015-7"]').count(), 1);
  const deleted = await page.locator('.dd-static [id="2011-b"] del').allTextContents();
  assert.match(deleted.join(' ').replace(/\s+/g, ' '), /information weapons/);
  assert.ok(await page.locator('.dd-static [id="2015-7"]').isVisible());
  await done(session);
});

test('a deep link lands on its provision', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(`${url}#2015-7`);
  await ready(page);
  const target = page.locator('.dd-app [id="2015-7"]');
  await target.waitFor();
  // Landing focuses the provision (or something inside it) and scrolls it into view.
  await page.waitForFunction(() => {
    const el = document.querySelector('.dd-app [id="2015-7"]');
    return el && (el === document.activeElement || el.contains(document.activeElement));
  }, null, { timeout: 5000 });
  await page.waitForFunction(() => {
    const r = document.querySelector('.dd-app [id="2015-7"]').getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight;
  }, null, { timeout: 5000 });
  assert.equal(new URL(page.url()).protocol, 'file:');
  await done(session);
});

test('a full-state link applies its themes and view', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(`${url}#themes=human-rights&view=inline`);
  await ready(page);
  // Inline view: each changed pair is one merged redline.
  assert.ok(await page.locator('.dd-app .dd-merged').count() > 0, 'inline view');
  // 2011 (f) → 2015 (7), the human-rights provision, is one merged redline with both anchors.
  const merged = page.locator('.dd-app .dd-merged', { has: page.locator('[id="2011-f"]') });
  assert.equal(await merged.count(), 1);
  assert.equal(await merged.getAttribute('id'), '2015-7');
  // The theme is selected.
  const chip = page.locator('.dd-app [aria-pressed="true"]', { hasText: /human rights/i });
  assert.ok(await chip.count() > 0, 'the human-rights chip is pressed');
  assert.match(page.url(), /themes=human-rights/);
  await done(session);
});

test('theme chips toggle and write the state into the file URL', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(url);
  await ready(page);
  const chip = page.locator('.dd-app button[aria-pressed]', { hasText: /human rights/i }).first();
  assert.equal(await chip.getAttribute('aria-pressed'), 'false');
  await chip.click();
  assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  await page.waitForFunction(() => /themes=human-rights/.test(location.hash), null, { timeout: 5000 });
  const u = new URL(page.url());
  assert.equal(u.protocol, 'file:');
  assert.equal(decodeURIComponent(u.pathname), decodeURIComponent(new URL(url).pathname));
  await chip.click();
  assert.equal(await chip.getAttribute('aria-pressed'), 'false');
  await done(session);
});

test('compare your own drafts works offline: the compare worker starts from the copy inside the file', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(url);
  await ready(page);
  await page.locator('.dd-custom-open').click();
  await page.locator('#dd-custom-0').fill('(a) States should cooperate.\n\n(b) States should share information.');
  await page.locator('#dd-custom-1').fill('(a) States shall cooperate.\n\n(b) States should share information.');
  await page.locator('.dd-custom-actions .dd-primary').click();
  await page.locator('.dd-custom-banner').waitFor();
  assert.equal((await page.locator('[id="0002-a"] ins').textContent()).trim(), 'shall');
  // The parsers' errors come from the same worker.
  await page.locator('.dd-custom-banner button').click();
  await page.locator('.dd-custom-open').click();
  await page.locator('#dd-custom-1').fill('{ not json');
  await page.locator('.dd-custom-actions .dd-primary').click();
  await page.locator('#dd-custom-1-errors li').first().waitFor();
  assert.match(await page.locator('#dd-custom-1-errors').textContent(), /Later version: not valid JSON/);
  await done(session);
});

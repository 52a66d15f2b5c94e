// Keeping a reader's own comparison: its link carries the two documents (#…&cmp=1.…), a too
// large one says so and is saved as one file that opens offline from file://, and the pasted
// text is saved debounced, with a full storage reported in the panel and nothing lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { mkdtempSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, open, ready, finish, openPanel } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const done = (session) => finish(session, server.origin);

const OLD = `Preamble text that stays the same.

(a) States shall respect human rights and fundamental freedoms online.

(b) States shall not use information weapons.`;
const NEW = `Preamble text that stays the same.

(a) States shall respect human rights, fundamental freedoms and the rule of law online.

(c) States shall develop confidence-building measures.`;

/** Words that do not compress: a link cannot carry two texts of them. */
function noise(words, seed) {
  let x = seed;
  const out = [];
  for (let i = 0; i < words; i++) {
    let w = '';
    for (let j = 0; j < 6; j++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      w += String.fromCharCode(97 + (x >> 16) % 26);
    }
    out.push(i % 40 === 39 ? `${w}.\n\n` : w);
  }
  return out.join(' ');
}

const panel = (page) => openPanel(page, `${server.origin}/index.html`);

async function compare(page, old, neu) {
  await page.locator('#dd-custom-0').fill(old);
  await page.locator('#dd-custom-1').fill(neu);
  await page.locator('.dd-custom-actions .dd-primary').click();
  await page.locator('.dd-custom-banner').waitFor();
  await page.locator('.dd-custom-keep').waitFor();
}

/** Every aligned row: its kind and the anchors of its provisions (in any view: a merged redline holds one as an alias). */
// Every row, once all are on the page: a long comparison renders a step per frame, and the
// summary line says how many pairs there are.
const rows = async (page) => {
  await page.waitForFunction(() => {
    const total = document.querySelector('.dd-app .dd-count')?.textContent.match(/(\d+) aligned pairs/)?.[1];
    return total && document.querySelectorAll('.dd-app .dd-row').length === Number(total);
  });
  return rowsNow(page);
};
const rowsNow = (page) => page.$$eval('.dd-row', (rs) => rs.map((r) => `${r.dataset.kind}:${[...r.querySelectorAll('.dd-prov[id], .dd-alias[id]')].map((p) => p.id).sort().join(',')}`));

test('a copied link opens the same comparison in a fresh browser, with its view, and keeps it', async () => {
  const first = await open(browser);
  await first.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const { page } = first;
  await panel(page);
  await compare(page, OLD, NEW);
  const original = await rows(page);
  assert.deepEqual(original, ['unchanged:0001-p-1,0002-p-1', 'changed:0001-a,0002-a', 'changed:0001-b,0002-c']);
  assert.match(page.url(), /#&cmp=1\.[A-Za-z0-9_-]+$/, 'the address carries the comparison');
  assert.equal(await page.locator('.dd-print-url').count(), 0, 'no pages of base64 in print');
  await page.locator('.dd-seg', { hasText: 'Inline redline' }).click();
  assert.match(page.url(), /#view=inline&cmp=1\./, 'a view change keeps it');
  await page.locator('.dd-keep-link').click();
  await page.locator('.dd-toast', { hasText: 'Link copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(copied.startsWith(`${server.origin}/index.html#view=inline&cmp=1.`), copied);
  // The Share menu of a provision gives links that carry it too.
  await page.locator('[id="0002-c"] .dd-share summary').click();
  const share = await page.locator('[id="0002-c"] .dd-share-menu a').getAttribute('href');
  assert.match(share, /#0002-c&cmp=1\./);
  await done(first);

  // A fresh browser (no storage), at the provision link: same rows, same anchors, the view.
  const second = await open(browser);
  const p2 = second.page;
  await p2.goto(share.replace('#0002-c&', '#0002-c&view=inline&'));
  await ready(p2);
  assert.equal(await p2.locator('.dd-notice').count(), 0, 'no notice that the bundled drafts lack 0002-c');
  await p2.locator('.dd-custom-banner').waitFor();
  assert.equal(await p2.locator('.dd-merged [id="0001-a"]').count(), 1, 'inline view from the link');
  await p2.waitForFunction(() => document.activeElement?.closest('[id="0002-c"]'));
  assert.equal(await p2.locator('.dd-notice').count(), 0, 'no notice: the focus is known in this comparison');
  // The link's texts are compared, not kept over the reader's own.
  assert.equal(await p2.evaluate(() => localStorage.getItem('draftdiff:custom:old')), null);
  // Views and themes keep working, and keep the comparison in the address; so does a reload.
  await p2.locator('.dd-seg', { hasText: 'Side by side' }).click();
  assert.deepEqual(await rows(p2), original, 'the same rows, kinds and anchors');
  await p2.locator('.dd-chip[data-theme="human-rights"]').click();
  assert.match(p2.url(), /themes=human-rights.*&cmp=1\./);
  // The filter keeps (a); the linked (c) stays shown too; the preamble row is filtered out.
  assert.equal(await p2.locator('.dd-row[hidden] [id="0002-p-1"]').count(), 1);
  assert.equal(await p2.locator('.dd-row:not([hidden]) [id="0002-a"]').count(), 1);
  await p2.reload();
  await p2.locator('.dd-custom-banner').waitFor();
  assert.deepEqual(await rows(p2), original);
  assert.equal(await p2.locator('.dd-chip[data-theme="human-rights"]').getAttribute('aria-pressed'), 'true');
  // Back to the bundled drafts: the address drops it.
  await p2.locator('.dd-custom-banner button').click();
  assert.ok(!p2.url().includes('cmp='), p2.url());
  assert.equal(await p2.locator('.dd-app [id="2015-7"]').count(), 1);
  await done(second);
});

test('a link to another comparison, pasted into the address bar of an open one, opens that one', async () => {
  const session = await open(browser);
  const { page } = session;
  await panel(page);
  await compare(page, OLD, NEW);
  const first = page.url().split('#')[1];
  const firstRows = await rows(page);
  await page.locator('.dd-custom-banner button').click();
  await page.locator('.dd-custom-open').click();
  await compare(page, '(a) One.\n\n(b) Two.', '(a) One.\n\n(b) Three.\n\n(c) Four.');
  assert.notDeepEqual(await rows(page), firstRows);
  await page.evaluate((h) => { location.hash = h; }, `0002-a&${first.replace(/^&/, '')}`);
  await page.waitForFunction(() => document.querySelector('[id="0002-p-1"]'));
  await page.locator('.dd-custom-banner').waitFor();
  assert.deepEqual(await rows(page), firstRows);
  await page.waitForFunction(() => document.activeElement?.closest('[id="0002-a"]'));
  await done(session);
});

test('a Word file travels in the link too, as its bytes, and is read again by the worker', async () => {
  const out = mkdtempSync(join(tmpdir(), 'dd-keep-word-'));
  const source = new URL('../../crates/core/tests/fixtures/word/numbered.fodt', import.meta.url).pathname;
  execFileSync('soffice', [`-env:UserInstallation=file://${out}/profile`, '--headless', '--convert-to', 'docx', '--outdir', out, source], { stdio: 'ignore' });
  const session = await open(browser);
  const { page } = session;
  await panel(page);
  await page.locator('.dd-custom-col').nth(0).locator('input[type=file]').setInputFiles({
    name: 'numbered.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: readFileSync(join(out, 'numbered.docx')),
  });
  await page.locator('.dd-file-chosen').waitFor();
  await page.locator('#dd-custom-1').fill('(a) States shall cooperate fully.\n\n(b) States shall share information.');
  await page.locator('.dd-custom-actions .dd-primary').click();
  await page.locator('.dd-custom-keep .dd-keep-link').waitFor();
  const original = await rows(page);
  assert.ok(original.includes('unchanged:0001-b,0002-b'), original.join(' '));
  const link = page.url();
  await done(session);
  const fresh = await open(browser);
  await fresh.page.goto(link);
  await fresh.page.locator('.dd-custom-banner').waitFor();
  assert.deepEqual(await rows(fresh.page), original);
  assert.match(await fresh.page.locator('.dd-toast').textContent(), /numbered\.docx: tracked changes were accepted/);
  await done(fresh);
});

test('a damaged or newer link says why in the panel', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(`${server.origin}/index.html#&cmp=2.AAAA`);
  await page.locator('.dd-custom-failure').waitFor();
  assert.match(await page.locator('.dd-custom-failure').textContent(), /newer version of draftdiff/);
  // Another value in the address of the open page: it reloads itself and reads that one.
  await page.goto(`${server.origin}/index.html#&cmp=1.AAAAAAAA`);
  await page.waitForFunction(() => /damaged/.test(document.querySelector('.dd-custom-failure')?.textContent ?? ''));
  // The bundled drafts' links do not repeat the damaged value.
  await page.locator('.dd-app [id="2015-7"] .dd-share summary').click();
  const href = await page.locator('.dd-app [id="2015-7"] .dd-share-menu a').getAttribute('href');
  assert.ok(!href.includes('cmp=') && href.includes('p/2015-7/'), href);
  await done(session);
});

test('too large for a link: the panel says so and saves one file that opens offline from file://', async () => {
  const session = await open(browser);
  const { page } = session;
  await panel(page);
  await compare(page, `(a) ${noise(6000, 7)}\n\n(b) States shall cooperate.`, `(a) ${noise(6000, 9)}\n\n(b) States should cooperate.`);
  assert.match(await page.locator('.dd-custom-limit').textContent(), /too long to travel in a link \(\d+ characters; a link carries at most 32000\)/);
  assert.equal(await page.locator('.dd-keep-link').count(), 0);
  assert.ok(!page.url().includes('cmp='), 'no comparison in the address');
  await page.locator('[id="0002-b"] .dd-share summary').click();
  assert.match(await page.locator('[id="0002-b"] .dd-share-off').textContent(), /off for your own texts/);
  const original = await rows(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.dd-keep-file').click()]);
  assert.equal(download.suggestedFilename(), 'draftdiff-comparison.html');
  const file = join(mkdtempSync(join(tmpdir(), 'dd-keep-')), 'draftdiff-comparison.html');
  await download.saveAs(file);
  await done(session);
  const html = readFileSync(file, 'utf8');
  assert.match(html, /<script type="application\/json" id="draftdiff-comparison">"1\.[A-Za-z0-9_-]+"<\/script>/);
  assert.equal(html.match(/id="draftdiff-comparison"/g).length, 1);
  assert.ok(!html.includes('class="dd-static'), 'no static text of the bundled drafts');

  // Offline, from file://: the reader's comparison, and links inside it work.
  const offline = await open(browser, { offline: true });
  const url = pathToFileURL(file).href;
  await offline.page.goto(url);
  await offline.page.locator('.dd-custom-banner').waitFor();
  assert.deepEqual(await rows(offline.page), original);
  const b = offline.page.locator('[id="0002-b"]');
  await b.locator('.dd-share summary').click();
  const link = await b.locator('.dd-share-menu a').getAttribute('href');
  assert.equal(link, `${url}#0002-b`, 'a link into the file itself');
  assert.equal(await b.locator('.dd-share-menu button', { hasText: 'Copy citation' }).count(), 1);
  await offline.page.evaluate(() => { location.hash = '#0001-a'; });
  await offline.page.waitForFunction(() => document.activeElement?.closest('[id="0001-a"]'));
  assert.equal(await offline.page.locator('.dd-row.dd-focused [id="0001-a"]').count(), 1);
  // It saves itself again (from its own document: a file:// page fetches nothing).
  const [again] = await Promise.all([offline.page.waitForEvent('download'), offline.page.locator('.dd-keep-file').click()]);
  const copy = join(mkdtempSync(join(tmpdir(), 'dd-keep-')), 'copy.html');
  await again.saveAs(copy);
  const copied = readFileSync(copy, 'utf8');
  assert.equal(copied.match(/id="draftdiff-comparison"/g).length, 1);
  assert.equal(copied.match(/"1\.[A-Za-z0-9_-]+"/)[0], html.match(/"1\.[A-Za-z0-9_-]+"/)[0]);
  await finish(offline, (u) => u.startsWith('file://'));
});

test('a full storage is reported in the panel and the text stays', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.addInitScript(() => {
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).startsWith('draftdiff:custom')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return real.call(this, k, v);
    };
  });
  await panel(page);
  await page.locator('#dd-custom-0').fill(OLD);
  await page.locator('.dd-custom-unsaved').waitFor();
  assert.match(await page.locator('.dd-custom-unsaved').textContent(), /storage for the page is full.*stays in the field/);
  assert.equal(await page.locator('#dd-custom-0').inputValue(), OLD);
  // Comparing still works, and the text is still there after the comparison and reopening.
  await page.locator('#dd-custom-1').fill(NEW);
  await page.locator('.dd-custom-actions .dd-primary').click();
  await page.locator('.dd-custom-banner').waitFor();
  await done(session);
});

test('storage turned off is reported in the panel, and comparing still works', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
  });
  await panel(page);
  await page.locator('#dd-custom-0').fill(OLD);
  await page.locator('#dd-custom-0').blur();
  await page.locator('.dd-custom-unsaved').waitFor();
  assert.match(await page.locator('.dd-custom-unsaved').textContent(), /storage is turned off/);
  assert.equal(await page.locator('#dd-custom-0').inputValue(), OLD);
  await page.locator('#dd-custom-1').fill(NEW);
  await page.locator('.dd-custom-actions .dd-primary').click();
  await page.locator('.dd-custom-banner').waitFor();
  assert.match(page.url(), /cmp=1\./, 'the link still carries it');
  await done(session);
});

test('saving is debounced: typing many characters writes a few times, and a reload loses nothing', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.addInitScript(() => {
    window.__writes = 0;
    const real = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (String(k).startsWith('draftdiff:custom')) window.__writes++;
      return real.call(this, k, v);
    };
  });
  await panel(page);
  const typed = '(a) States shall cooperate in good faith.';
  await page.locator('#dd-custom-0').pressSequentially(typed, { delay: 15 });
  await page.waitForFunction(() => window.__writes > 0);
  await page.waitForTimeout(900);
  const writes = await page.evaluate(() => window.__writes);
  assert.ok(writes >= 1 && writes <= 3, `${writes} writes for ${typed.length} characters`);
  assert.equal(await page.evaluate(() => localStorage.getItem('draftdiff:custom:old')), typed);
  // Typed just before a reload (no pause): saved when the page goes away.
  await page.locator('#dd-custom-1').pressSequentially('(a) Later.', { delay: 5 });
  await page.reload();
  await ready(page);
  await page.locator('.dd-custom-open').click();
  assert.equal(await page.locator('#dd-custom-1').inputValue(), '(a) Later.');
  assert.equal(await page.locator('#dd-custom-0').inputValue(), typed);
  await done(session);
});

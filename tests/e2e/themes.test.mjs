// The theme filter as a reader uses it: chips narrow the comparison to the provisions about a
// theme, highlight its keywords without touching the redline, combine with any/all, clear, and
// live in the URL so a filtered view can be shared and reloaded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, ready, shot, matchesBaseline, load as loadAt, finish as finishAt } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const TOTAL = 32;
const ALL_PARTS = 'open=letter,preamble,purpose,code';

const load = (hash, options) => loadAt(browser, server.origin, hash, options);
const finish = (ctx) => finishAt(ctx, server.origin);

const chip = (page, id) => page.locator(`.dd-chip[data-theme="${id}"]`);

/** Clicks a chip and waits until it shows the new state. */
async function toggle(page, id) {
  const before = await chip(page, id).getAttribute('aria-pressed');
  await chip(page, id).click();
  const want = before === 'true' ? 'false' : 'true';
  await page.waitForSelector(`.dd-chip[data-theme="${id}"][aria-pressed="${want}"]`);
}

/** The provision ids of each visible row, e.g. [['2011-f', '2015-7'], …]. */
const rows = (page) => page.locator('.dd-row:not([hidden])').evaluateAll((rs) =>
  rs.map((r) => [...r.querySelectorAll('.dd-prov[id]')].map((p) => p.id)));

/** N from "Showing N of 32 aligned pairs." (32 when unfiltered). */
async function shown(page) {
  const text = await page.locator('.dd-count').textContent();
  const all = text.match(/Showing all (\d+) aligned pairs/);
  if (all) return Number(all[1]);
  const m = text.match(/Showing (\d+) of (\d+) aligned pairs/);
  assert.ok(m, `count line: ${text}`);
  assert.equal(Number(m[2]), TOTAL);
  return Number(m[1]);
}

const chipCount = async (page, id) => Number(await chip(page, id).locator('.dd-chip-count').textContent());
const themeName = async (page, id) => (await chip(page, id).evaluate((b) => b.firstChild.textContent)).trim();
const accentOf = async (page, id) => (await chip(page, id).getAttribute('class')).match(/dd-accent-\d+/)[0];
const hash = (page) => page.evaluate(() => location.hash);

/** textContent of each provision's text, by id. */
const texts = (page) => page.locator('.dd-prov[id] .dd-text').evaluateAll((ps) =>
  Object.fromEntries(ps.map((p) => [p.closest('.dd-prov').id, p.textContent])));

test('Human rights shows 2011 (f) beside 2015 (7) and hides rows without the theme', async () => {
  const ctx = await load();
  const { page } = ctx;
  assert.equal(await shown(page), TOTAL);
  assert.equal(await chip(page, 'human-rights').getAttribute('aria-pressed'), 'false');
  assert.equal(await page.locator('.dd-row:not([hidden])', { has: page.locator('[id="2011-b"]') }).count(), 1);

  await toggle(page, 'human-rights');
  assert.equal(await hash(page), '#themes=human-rights');
  // The pair stays a pair: (f) and (7) in one row.
  const pair = page.locator('.dd-row:not([hidden])', { has: page.locator('[id="2011-f"]') });
  assert.equal(await pair.count(), 1);
  assert.equal(await pair.locator('[id="2015-7"]').count(), 1);
  // (b) → (2) is about information weapons, not human rights: hidden (its row stays on the
  // page, hidden, so bringing it back costs no render).
  assert.equal(await page.locator('.dd-row:not([hidden]) [id="2011-b"]').count(), 0);
  assert.equal(await page.locator('.dd-row:not([hidden]) [id="2015-2"]').count(), 0);
  assert.equal(await page.locator('[id="2015-2"]').isVisible(), false);
  assert.equal(await page.locator('.dd-row[hidden] [id="2015-2"]').count(), 1);
  // Every row left carries the theme on at least one side.
  const name = await themeName(page, 'human-rights');
  const tagged = await page.locator('.dd-row:not([hidden])').evaluateAll((rs, name) =>
    rs.map((r) => [...r.querySelectorAll('.dd-tag')].some((t) => t.textContent === name)), name);
  assert.ok(tagged.length > 0 && tagged.every(Boolean), `every row is tagged ${name}`);
  // The count line, the chip and the rows agree.
  const n = await shown(page);
  assert.equal(n, await page.locator('.dd-row:not([hidden])').count());
  assert.equal(n, await chipCount(page, 'human-rights'));
  assert.match(await page.locator('.dd-count').textContent(), new RegExp(`Showing ${n} of ${TOTAL} aligned pairs`));
  await finish(ctx);
});

test('Confidence-building shows 2015 (10) as a new provision', async () => {
  const ctx = await load();
  const { page } = ctx;
  await toggle(page, 'confidence-building');
  const row = page.locator('.dd-row:not([hidden])', { has: page.locator('[id="2015-10"]') });
  assert.equal(await row.count(), 1);
  assert.equal(await row.getAttribute('data-kind'), 'added');
  assert.match(await row.locator('.dd-badge').textContent(), /New in the later draft/);
  assert.equal(await row.locator('.dd-side-old').count(), 0, 'no 2011 provision in a new row');
  assert.match(await row.locator('.dd-absent').textContent(), /Not in the earlier draft/);
  assert.equal(await shown(page), await page.locator('.dd-row:not([hidden])').count());
  assert.equal(await shown(page), await chipCount(page, 'confidence-building'));
  await finish(ctx);
});

test('each chip count is the number of pairs its theme shows, with every part open', async () => {
  const ctx = await load(ALL_PARTS);
  const { page } = ctx;
  const ids = await page.locator('.dd-chip').evaluateAll((cs) => cs.map((c) => c.dataset.theme));
  assert.ok(ids.length >= 10, `theme chips: ${ids}`);
  for (const id of ids) {
    const count = await chipCount(page, id);
    await toggle(page, id);
    const n = await shown(page);
    assert.equal(n, count, `${id}: chip count`);
    assert.equal(await page.locator('.dd-row:not([hidden])').count(), n, `${id}: rows on screen`);
    // The part headings split the same number: "(k of m)".
    const parts = await page.locator('.dd-part-count').allTextContents();
    const sum = parts.map((t) => Number(t.match(/\((\d+) of/)[1])).reduce((a, b) => a + b, 0);
    assert.equal(sum, n, `${id}: part counts ${parts}`);
    await toggle(page, id);
  }
  assert.equal(await shown(page), TOTAL);
  await finish(ctx);
});

test('keywords are highlighted for the selected themes only', async () => {
  const ctx = await load(ALL_PARTS);
  const { page } = ctx;
  assert.equal(await page.locator('mark.dd-kw').count(), 0, 'no highlights without a filter');

  const accents = async () => page.locator('mark.dd-kw').evaluateAll((ms) =>
    [...new Set(ms.map((m) => m.className.match(/dd-accent-\d+/)[0]))].sort());
  const outside = async () => page.locator('mark.dd-kw').evaluateAll((ms) =>
    ms.filter((m) => !m.closest('.dd-prov[id] .dd-text')).length);

  const hr = await accentOf(page, 'human-rights');
  const sov = await accentOf(page, 'sovereignty');
  await toggle(page, 'human-rights');
  assert.deepEqual(await accents(), [hr]);
  assert.equal(await outside(), 0, 'highlights only inside provision texts');
  for (const id of ['2011-f', '2015-7']) {
    assert.ok(await page.locator(`[id="${id}"] .dd-text mark.dd-kw`).count() > 0, `${id} has highlights`);
  }
  assert.ok((await page.locator('[id="2015-7"] .dd-text mark.dd-kw').allTextContents()).includes('offline environment'));

  await toggle(page, 'sovereignty');
  assert.deepEqual(await accents(), [hr, sov].sort());
  await toggle(page, 'human-rights');
  assert.deepEqual(await accents(), [sov], 'deselected theme loses its highlights');
  assert.equal(await outside(), 0);
  await toggle(page, 'sovereignty');
  assert.equal(await page.locator('mark.dd-kw').count(), 0);
  await finish(ctx);
});

/** Whether every character of `phrase` in provision `id` sits inside <del> and none inside <ins>. */
const redlineOf = (page, id, phrase) => page.evaluate(({ id, phrase }) => {
  const root = document.querySelector(`[id="${id}"] .dd-text`);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const chars = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    for (const c of n.data) chars.push({ c, del: !!n.parentElement.closest('del'), ins: !!n.parentElement.closest('ins'), mark: !!n.parentElement.closest('mark.dd-kw') });
  }
  const text = chars.map((x) => x.c).join('').replace(/\s/g, ' ');
  const at = text.indexOf(phrase);
  if (at < 0) return null;
  const span = chars.slice(at, at + phrase.length);
  return { del: span.every((x) => x.del), ins: span.some((x) => x.ins), mark: span.some((x) => x.mark) };
}, { id, phrase });

test('highlighting never corrupts the redline: "information weapons" stays deleted', async () => {
  const ctx = await load();
  const { page } = ctx;
  const plain = await texts(page);
  const plainRedline = await redlineOf(page, '2011-b', 'information weapons');
  assert.deepEqual(plainRedline, { del: true, ins: false, mark: false });

  await toggle(page, 'use-of-force');
  const pair = page.locator('.dd-row:not([hidden])', { has: page.locator('[id="2011-b"]') });
  assert.equal(await pair.locator('[id="2015-2"]').count(), 1, '(b) → (2) is shown for use of force');
  assert.deepEqual(await redlineOf(page, '2011-b', 'information weapons'), { del: true, ins: false, mark: true },
    'highlighted, still entirely deleted, never inserted');
  const inserted = await page.locator('.dd-app ins').allTextContents();
  assert.ok(!inserted.some((t) => /weapons/.test(t)), 'no <ins> holds "weapons"');
  // Each provision reads exactly as before: highlights add elements, never text.
  const highlighted = await texts(page);
  for (const [id, text] of Object.entries(highlighted)) assert.equal(text, plain[id], `${id} text unchanged`);
  assert.ok(Object.keys(highlighted).length >= 2);

  // The same holds in the inline redline, where (b) and (2) merge into one text.
  await page.locator('.dd-seg', { hasText: 'Inline redline' }).click();
  await page.waitForSelector('.dd-app.dd-view-inline');
  const inlineMarked = await texts(page);
  assert.ok(await page.locator('[id="2015-2"] mark.dd-kw').count() > 0);
  assert.deepEqual(await redlineOf(page, '2015-2', 'information weapons'), { del: true, ins: false, mark: true });
  await toggle(page, 'use-of-force');
  const inlinePlain = await texts(page);
  for (const [id, text] of Object.entries(inlineMarked)) assert.equal(text, inlinePlain[id], `${id} inline text unchanged`);
  await finish(ctx);
});

test('any / all: all keeps fewer rows; an impossible combination explains itself', async () => {
  const ctx = await load();
  const { page } = ctx;
  await toggle(page, 'sovereignty');
  await toggle(page, 'use-of-force');
  const any = await shown(page);
  assert.equal(await page.locator('.dd-match [aria-pressed="true"]').textContent(), 'Any selected theme');
  assert.ok(any >= Math.max(await chipCount(page, 'sovereignty'), await chipCount(page, 'use-of-force')));
  await page.locator('.dd-match button', { hasText: 'All selected themes' }).click();
  await page.waitForFunction(() => location.hash.includes('match=all'));
  assert.equal(await hash(page), '#themes=sovereignty,use-of-force&match=all');
  const all = await shown(page);
  assert.ok(all <= any, `all (${all}) ≤ any (${any})`);
  assert.ok(all <= Math.min(await chipCount(page, 'sovereignty'), await chipCount(page, 'use-of-force')));

  // Human rights and confidence-building never meet in one provision.
  await toggle(page, 'sovereignty');
  await toggle(page, 'use-of-force');
  await toggle(page, 'human-rights');
  await toggle(page, 'confidence-building');
  assert.equal(await shown(page), 0);
  assert.equal(await page.locator('.dd-row:not([hidden])').count(), 0);
  const empty = page.locator('.dd-empty');
  assert.match(await empty.textContent(), /No provision carries all the selected themes/);
  await empty.locator('button', { hasText: 'Match any of them instead' }).click();
  await page.waitForSelector('.dd-empty', { state: 'detached' });
  assert.equal(await shown(page), (await chipCount(page, 'human-rights')) + (await chipCount(page, 'confidence-building')));
  assert.equal(await hash(page), '#themes=human-rights,confidence-building');
  await finish(ctx);
});

test('Clear themes brings every pair back and empties the URL', async () => {
  const ctx = await load();
  const { page } = ctx;
  const before = await rows(page);
  await toggle(page, 'human-rights');
  await toggle(page, 'dispute-settlement');
  assert.notDeepEqual(await rows(page), before);
  await page.locator('.dd-clear').click();
  await page.waitForSelector('.dd-clear', { state: 'detached' });
  assert.equal(await page.locator('.dd-chip[aria-pressed="true"]').count(), 0);
  assert.equal(await shown(page), TOTAL);
  assert.deepEqual(await rows(page), before);
  assert.equal(await hash(page), '');
  assert.equal(await page.locator('mark.dd-kw').count(), 0);

  // Clearing an all-themes filter leaves nothing behind either: the next filter starts at "any".
  await toggle(page, 'human-rights');
  await toggle(page, 'sovereignty');
  await page.locator('.dd-match button', { hasText: 'All selected themes' }).click();
  await page.waitForFunction(() => location.hash === '#themes=human-rights,sovereignty&match=all');
  await page.locator('.dd-clear').click();
  await page.waitForFunction(() => location.hash === '');
  await toggle(page, 'sovereignty');
  assert.equal(await page.locator('.dd-match [aria-pressed="true"]').textContent(), 'Any selected theme');
  await finish(ctx);
});


// A dropped row keeps its rendering (content-visibility: hidden, at no height) so that turning
// the chip off again lays out nothing new: it must still be gone for every reader while dropped.
test('a dropped row takes no space and is gone for screen readers and the keyboard; it comes back as it was', async () => {
  const ctx = await load(ALL_PARTS);
  const { page } = ctx;
  // A row human rights drops: the first of the later draft's provisions without the theme.
  await toggle(page, 'human-rights');
  const id = await page.locator('.dd-row[hidden] .dd-prov[id^="2015-"]').first().getAttribute('id');
  await toggle(page, 'human-rights');
  const row = page.locator(`.dd-row:has([id="${id}"])`);
  const heightBefore = await row.evaluate((r) => r.getBoundingClientRect().height);
  const phrase = (await row.locator(`[id="${id}"] .dd-text`).textContent()).trim().slice(0, 30);
  assert.ok(heightBefore > 20 && phrase.length === 30);
  const cdp = await page.context().newCDPSession(page);
  const exposed = async () => (await cdp.send('Accessibility.getFullAXTree')).nodes
    .some((n) => !n.ignored && (n.name?.value || '').includes(phrase));
  assert.equal(await exposed(), true, 'a shown row is in the accessibility tree');

  await toggle(page, 'human-rights');
  assert.notEqual(await row.getAttribute('hidden'), null);
  assert.equal(await row.evaluate((r) => r.getBoundingClientRect().height), 0);
  assert.equal(await row.locator('.dd-text').first().isVisible(), false);
  assert.equal(await row.evaluate((r) => r.querySelector('.dd-text').checkVisibility()), false);
  assert.equal(await exposed(), false, 'a dropped row is out of the accessibility tree');
  // Its controls (every provision's Share button) cannot take focus, so Tab passes them by.
  assert.deepEqual(await row.evaluate((r) => {
    const el = r.querySelector('summary');
    el?.focus();
    return [!!el, document.activeElement === el];
  }), [true, false]);

  await toggle(page, 'human-rights');
  assert.equal(await row.getAttribute('hidden'), null);
  assert.equal(await row.evaluate((r) => r.getBoundingClientRect().height), heightBefore);
  assert.equal(await exposed(), true);
  // On paper a dropped row stays off the page.
  await toggle(page, 'human-rights');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await row.evaluate((r) => getComputedStyle(r).display), 'none');
  await page.emulateMedia({ media: 'screen' });
  await finish(ctx);
});
test('the filter lives in the URL and survives a reload', async () => {
  const ctx = await load();
  const { page } = ctx;
  await toggle(page, 'un-and-law');
  await toggle(page, 'sovereignty');
  await page.locator('.dd-match button', { hasText: 'All selected themes' }).click();
  await page.waitForFunction(() => location.hash === '#themes=un-and-law,sovereignty&match=all');
  const filtered = await rows(page);
  const count = await page.locator('.dd-count').textContent();
  await page.reload();
  await ready(page);
  assert.equal(await hash(page), '#themes=un-and-law,sovereignty&match=all');
  assert.equal(await chip(page, 'un-and-law').getAttribute('aria-pressed'), 'true');
  assert.equal(await chip(page, 'sovereignty').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.locator('.dd-chip[aria-pressed="true"]').count(), 2);
  assert.equal(await page.locator('.dd-match [aria-pressed="true"]').textContent(), 'All selected themes');
  assert.deepEqual(await rows(page), filtered);
  assert.equal(await page.locator('.dd-count').textContent(), count);
  assert.equal(await page.locator('.dd-notice').count(), 0);
  await finish(ctx);
});

/**
 * The numbers of the summary line for what is shown, e.g. { changed: 1, unchanged: 1, inserted: 104,
 * deleted: 19 }. When the summary has several lines (the whole document, then the filtered view),
 * the last one describes what the filter keeps.
 */
async function summary(page) {
  const box = page.locator('.dd-summary');
  const lines = (await box.locator('p').count()) ? await box.locator('p').allTextContents() : [await box.textContent()];
  const text = lines[lines.length - 1];
  const out = { text, lines: lines.length };
  for (const label of ['changed', 'moved', 'new', 'dropped', 'unchanged']) {
    const m = text.match(new RegExp(`(\\d+) ${label}\\b`));
    out[label] = m ? Number(m[1]) : 0;
  }
  const w = text.match(/\+(\d+) \/ −(\d+) words/);
  assert.ok(w, `summary: ${text}`);
  [out.inserted, out.deleted] = [Number(w[1]), Number(w[2])];
  out.pairs = out.changed + out.moved + out.new + out.dropped + out.unchanged;
  return out;
}

test('the summary line describes what the filter keeps', async () => {
  const ctx = await load();
  const { page } = ctx;
  const all = await summary(page);
  assert.equal(all.pairs, TOTAL);

  await toggle(page, 'human-rights');
  const hr = await summary(page);
  assert.notEqual(hr.text, all.text);
  assert.equal(hr.pairs, await shown(page));
  assert.ok(hr.inserted < all.inserted && hr.deleted < all.deleted);

  await toggle(page, 'confidence-building');
  const both = await summary(page);
  assert.equal(both.pairs, await shown(page));
  assert.equal(both.new, hr.new + 1, '2015 (10) counts as new');
  assert.ok(both.inserted > hr.inserted, 'its words are all insertions');
  assert.equal(both.deleted, hr.deleted);

  await page.locator('.dd-clear').click();
  await page.waitForSelector('.dd-clear', { state: 'detached' });
  assert.deepEqual(await summary(page), all, 'back to the whole document');
  await finish(ctx);
});

test('a filtered view looks as it did: the (f) → (7) pair, pixel for pixel against its baseline', async () => {
  // The baseline (tests/e2e/baselines/themes-pair-2015-7.png) is the pair as rendered by Debian's
  // Chromium: keyword marks in the two theme accents over the redline. Any change to the pair's
  // layout, colours, marks or text fails here; regenerate on purpose (see harness matchesBaseline).
  const ctx = await load('themes=human-rights,use-of-force', { reducedMotion: 'reduce' });
  const { page } = ctx;
  await page.waitForSelector('mark.dd-kw:visible');
  await shot(page, 'themes-filtered');
  const pair = page.locator('.dd-row:not([hidden])', { has: page.locator('[id="2015-7"]') });
  await pair.scrollIntoViewIfNeeded();
  // The marks the picture must hold: both themes' accents sit in this pair.
  const accents = await pair.locator('mark.dd-kw').evaluateAll((ms) => [...new Set(ms.map((m) => m.className.match(/dd-accent-\d+/)[0]))]);
  assert.ok(accents.length >= 1, `keyword marks in the pair: ${accents}`);
  await page.mouse.move(0, 0);
  const box = await pair.boundingBox();
  // The top of the pair (badge, both headings, the whole 2011 text, the start of 2015's) keeps the baseline small.
  const clip = { x: Math.floor(box.x), y: Math.floor(box.y), width: Math.ceil(box.width), height: Math.min(180, Math.ceil(box.height)) };
  await matchesBaseline(page, 'themes-pair-2015-7', clip);
  await finish(ctx);
});

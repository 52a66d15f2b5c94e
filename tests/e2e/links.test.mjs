// Deep links as readers follow them: each test is a fresh page load of a shared link (or a
// navigation inside the widget) and checks where the reader lands, what is highlighted, what
// the back button does, and what the share menu puts on the clipboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, shot, load as loadAt, finish as finishAt } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const load = (hash, options) => loadAt(browser, server.origin, hash, options);
const finish = (ctx) => finishAt(ctx, server.origin);

const hash = (page) => page.evaluate(() => location.hash);
const historyLength = (page) => page.evaluate(() => history.length);

/** Waits until provision `id` is the landing spot: highlighted, focused and on screen. */
async function landed(page, id) {
  await page.waitForFunction((id) => {
    const el = document.querySelector(`.dd-app [id="${id}"]`);
    if (!el || !el.classList.contains('dd-focus')) return false;
    const active = document.activeElement;
    if (!active || (active.id || active.closest('[id]')?.id) !== id) return false;
    const r = el.getBoundingClientRect();
    const fits = r.height <= innerHeight;
    return fits ? r.top >= 0 && r.bottom <= innerHeight : r.top >= 0 && r.top < innerHeight / 2;
  }, id, { timeout: 5000 });
  assert.deepEqual(await page.locator('.dd-focus').evaluateAll((els) => els.map((e) => e.id)), [id],
    'one provision carries the focus highlight');
}

/** The landing spot's row: both of its provisions are visibly highlighted. */
async function rowHighlighted(page, id, counterpart) {
  const row = page.locator('.dd-row:not([hidden])', { has: page.locator(`[id="${id}"]`) });
  assert.match(await row.getAttribute('class'), /\bdd-focused\b/);
  assert.equal(await row.locator(`[id="${counterpart}"]`).count(), 1, `${counterpart} is in the same row`);
  const bg = (sel) => page.locator(sel).evaluate((e) => getComputedStyle(e).backgroundColor);
  const plain = await page.locator('.dd-row:not(.dd-focused) .dd-prov').first().evaluate((e) => getComputedStyle(e).backgroundColor);
  const linked = await bg(`[id="${id}"]`);
  const other = await bg(`[id="${counterpart}"]`);
  assert.notEqual(linked, plain, 'the linked provision is highlighted');
  assert.equal(other, linked, `the counterpart ${counterpart} is highlighted too`);
}

test('#2015-7 lands on (7), focused and highlighted with its 2011 counterpart (f)', async () => {
  const ctx = await load('2015-7');
  const { page } = ctx;
  assert.equal(await page.locator('.dd-app [id="2015-7"]').count(), 1);
  await landed(page, '2015-7');
  await rowHighlighted(page, '2015-7', '2011-f');
  assert.equal(await hash(page), '#2015-7', 'the link is left as it was');
  assert.equal(await page.locator('.dd-notice').count(), 0);
  await shot(page, 'links-2015-7');
  await finish(ctx);
});

test('#2011-f lands on the 2011 side of the same pair', async () => {
  const ctx = await load('2011-f');
  await landed(ctx.page, '2011-f');
  await rowHighlighted(ctx.page, '2011-f', '2015-7');
  await finish(ctx);
});

test('a preamble link opens the collapsed preamble and lands', async () => {
  const ctx = await load('2011-pre-3');
  const { page } = ctx;
  assert.equal(await page.locator('#dd-part-preamble button').getAttribute('aria-expanded'), 'true');
  await landed(page, '2011-pre-3');
  await rowHighlighted(page, '2011-pre-3', '2015-pre-3');
  await finish(ctx);
});

test('a full-state link restores the view, the themes and the focus', async () => {
  const ctx = await load('2015-7&themes=human-rights&view=inline');
  const { page } = ctx;
  await page.waitForSelector('.dd-app.dd-view-inline');
  assert.equal(await page.locator('[role=group][aria-label="View"] [aria-pressed="true"]').textContent(), 'Inline redline');
  assert.deepEqual(await page.locator('.dd-chip[aria-pressed="true"]').evaluateAll((cs) => cs.map((c) => c.dataset.theme)), ['human-rights']);
  assert.match(await page.locator('.dd-count').textContent(), /Showing 2 of 32 aligned pairs/);
  await landed(page, '2015-7');
  // Inline: (f) and (7) are one merged text, which also answers to #2011-f.
  const merged = page.locator('[id="2015-7"]');
  assert.match(await merged.getAttribute('class'), /\bdd-merged\b/);
  assert.equal(await merged.locator('[id="2011-f"]').count(), 1);
  assert.equal(await hash(page), '#2015-7&themes=human-rights&view=inline');
  await finish(ctx);
});

test('in the inline redline, a 2011 link lands on the merged text that holds it', async () => {
  const ctx = await load('2011-f&view=inline');
  const { page } = ctx;
  await page.waitForSelector('.dd-app.dd-view-inline');
  // #2011-f is an alias inside the merged (f) → (7): the reader lands on the whole text.
  assert.equal(await page.locator('[id="2015-7"] [id="2011-f"]').count(), 1);
  await landed(page, '2015-7');
  await finish(ctx);
});

test('in a one-draft view, a link to the other draft lands on its counterpart', async () => {
  for (const [link, shownId] of [['2011-f&view=new', '2015-7'], ['2015-7&view=old', '2011-f']]) {
    const ctx = await load(link);
    const { page } = ctx;
    await page.waitForFunction((id) => {
      const el = document.querySelector(`.dd-app [id="${id}"]`);
      const r = el?.getBoundingClientRect();
      return el && document.activeElement === el && r.top >= 0 && r.bottom <= innerHeight;
    }, shownId, { timeout: 5000 });
    const row = page.locator('.dd-row.dd-focused');
    assert.equal(await row.count(), 1);
    assert.equal(await row.locator(`[id="${shownId}"]`).count(), 1);
    const bg = await page.locator(`[id="${shownId}"]`).evaluate((e) => getComputedStyle(e).backgroundColor);
    const plain = await page.locator('.dd-row:not(.dd-focused) .dd-prov').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.notEqual(bg, plain, `${shownId} is highlighted`);
    await finish(ctx);
  }
});

test('a link to a provision the filter hides still shows it, and says why', async () => {
  const ctx = await load('2015-10&themes=human-rights');
  const { page } = ctx;
  await landed(page, '2015-10');
  const row = page.locator('.dd-row:not([hidden])', { has: page.locator('[id="2015-10"]') });
  assert.match(await row.locator('.dd-revealed').textContent(), /Shown because the link points here/);
  assert.match(await page.locator('.dd-count').textContent(), /Showing 2 of 32 aligned pairs\. The linked provision is shown too/);
  assert.equal(await page.locator('.dd-revealed').count(), 1, 'only the linked row is marked');
  assert.equal(await page.locator('.dd-row:not([hidden])').count(), 3);
  await finish(ctx);
});

test('a passage link highlights the passage', async () => {
  const ctx = await load('2015-7&text=offline%20environment');
  const { page } = ctx;
  await landed(page, '2015-7');
  assert.deepEqual(await page.locator('mark.dd-passage').allTextContents(), ['offline environment']);
  assert.equal(await page.locator('[id="2015-7"] mark.dd-passage').count(), 1);
  await page.waitForFunction(() => {
    const r = document.querySelector('mark.dd-passage').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
  await finish(ctx);
});

test('a longer passage (start,end) is found case-insensitively across the redline', async () => {
  const ctx = await load('2015-7&text=To%20Recognize%20that%20the,the%20online%20environment');
  const { page } = ctx;
  await landed(page, '2015-7');
  const passage = (await page.locator('[id="2015-7"] mark.dd-passage').allTextContents()).join('');
  assert.match(passage.replace(/\s+/g, ' '), /^To recognize that the rights .* in the online environment$/);
  await finish(ctx);
});

test('a passage that is no longer found falls back to the provision', async () => {
  const ctx = await load('2015-7&text=zzz%20qqq');
  const { page } = ctx;
  await landed(page, '2015-7');
  assert.equal(await page.locator('mark.dd-passage').count(), 0);
  await rowHighlighted(page, '2015-7', '2011-f');
  await ctx.context.close();

  // Words changed at the end: the leading words still found are highlighted.
  const again = await load('2015-7&text=offline%20environment%20zzz');
  await landed(again.page, '2015-7');
  assert.deepEqual(await again.page.locator('mark.dd-passage').allTextContents(), ['offline environment']);
  await finish(again);
});

for (const [name, garbage, expect] of [
  ['broken percent-encoding and an unknown view', '%E2%82&view=3d', /view "3d"/],
  ['an unknown provision', '2099-zz', /no provision “2099-zz”/],
  ['a 20 KB hash', `2015-7&q=${'x'.repeat(20 * 1024)}`, /too long/],
  ['a 20 KB focus', 'y'.repeat(20 * 1024), /too long/],
]) {
  test(`garbage (${name}) shows a notice and the default view, never a blank page`, async () => {
    const ctx = await load(garbage);
    const { page } = ctx;
    const notice = page.locator('.dd-notice');
    assert.equal(await notice.count(), 1);
    assert.match(await notice.textContent(), /This link could not be followed exactly/);
    assert.match(await notice.textContent(), expect);
    assert.equal(await page.locator('[role=group][aria-label="View"] [aria-pressed="true"]').textContent(), 'Side by side');
    assert.equal(await page.locator('.dd-chip[aria-pressed="true"]').count(), 0);
    assert.ok(await page.locator('.dd-row:not([hidden])').count() >= 14, 'the comparison is there');
    assert.ok((await page.locator('.dd-app').innerText()).length > 1000);
    await notice.locator('button', { hasText: 'Dismiss' }).click();
    await page.waitForSelector('.dd-notice', { state: 'detached' });
    await finish(ctx);
  });
}

test('back and forward retrace in-widget navigation', async () => {
  const ctx = await load('2015-7');
  const { page } = ctx;
  await landed(page, '2015-7');
  const start = await historyLength(page);

  // "Also draws on 2011 (c)" in the row of 2015 (3) pushes a history entry.
  await page.locator('.dd-row:not([hidden])', { has: page.locator('[id="2015-3"]') }).locator('a.dd-draws-on', { hasText: '2011 (c)' }).click();
  await landed(page, '2011-c');
  assert.equal(await hash(page), '#2011-c');
  assert.equal(await historyLength(page), start + 1);

  await page.goBack();
  await page.waitForFunction(() => location.hash === '#2015-7');
  await landed(page, '2015-7');
  await rowHighlighted(page, '2015-7', '2011-f');
  assert.equal(await page.locator('[id="2011-c"].dd-focus').count(), 0);

  await page.goForward();
  await page.waitForFunction(() => location.hash === '#2011-c');
  await landed(page, '2011-c');

  // The share menu's plain "Link" is an ordinary #link: it too makes an entry to go back from.
  const share = page.locator('[id="2015-3"] .dd-share');
  await share.locator('summary').click();
  await share.locator('a', { hasText: 'Link' }).click();
  await page.waitForFunction(() => location.hash === '#2015-3');
  await landed(page, '2015-3');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#2011-c');
  await landed(page, '2011-c');
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#2015-7');
  await landed(page, '2015-7');
  await finish(ctx);
});

test('a hash typed or pasted into the address bar is followed', async () => {
  const ctx = await load('2015-7');
  const { page } = ctx;
  await landed(page, '2015-7');
  await page.evaluate(() => { location.hash = '#2011-pre-3&view=old'; });
  await page.waitForSelector('.dd-app.dd-view-old');
  await landed(page, '2011-pre-3');
  await page.goBack();
  await page.waitForSelector('.dd-app.dd-view-side');
  await landed(page, '2015-7');
  await finish(ctx);
});

test('toggling themes and views rewrites the URL without adding history', async () => {
  const ctx = await load('2015-7');
  const { page } = ctx;
  await landed(page, '2015-7');
  const start = await historyLength(page);
  await page.locator('.dd-chip[data-theme="human-rights"]').click();
  await page.waitForFunction(() => location.hash === '#2015-7&themes=human-rights');
  await page.locator('.dd-seg', { hasText: 'Inline redline' }).click();
  await page.waitForFunction(() => location.hash === '#2015-7&themes=human-rights&view=inline');
  await page.locator('.dd-chip[data-theme="sovereignty"]').click();
  await page.locator('.dd-match button', { hasText: 'All selected themes' }).click();
  await page.waitForFunction(() => location.hash === '#2015-7&themes=human-rights,sovereignty&match=all&view=inline');
  await page.locator('.dd-clear').click();
  await page.locator('.dd-seg', { hasText: 'Side by side' }).click();
  await page.waitForFunction(() => location.hash === '#2015-7');
  await page.locator('#dd-part-preamble button').click();
  await page.waitForFunction(() => location.hash === '#2015-7&open=preamble,code');
  assert.equal(await historyLength(page), start);
  await finish(ctx);
});

test('the part a link opened can still be collapsed, and reopened', async () => {
  for (const [link, part, id] of [['2011-pre-3', 'preamble', '2011-pre-3'], ['2015-7', 'code', '2015-7']]) {
    const ctx = await load(link);
    const { page } = ctx;
    await landed(page, id);
    const toggle = page.locator(`#dd-part-${part} button`);
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await toggle.click();
    await page.waitForSelector(`#dd-part-${part} button[aria-expanded="false"]`);
    // Collapsed: still on the page for find-in-page and text fragments, but hidden until found.
    assert.equal(await page.locator(`[id="${id}"]`).isVisible(), false, `${part} collapsed`);
    assert.equal(await page.locator(`.dd-part-body[data-part="${part}"]`).getAttribute('hidden'), 'until-found');
    await toggle.click();
    await page.waitForSelector(`#dd-part-${part} button[aria-expanded="true"]`);
    assert.equal(await page.locator(`[id="${id}"]`).isVisible(), true, `${part} open again`);
    await finish(ctx);
  }
});

/** Opens the share menu of provision `id` and clicks `label`. */
async function share(page, id, label) {
  const menu = page.locator(`[id="${id}"] .dd-share`);
  await menu.locator('summary').click();
  await menu.locator('button', { hasText: label }).click();
}

test('Copy link puts the link on the clipboard and says so', async () => {
  const ctx = await load('2015-7', { permissions: ['clipboard-read', 'clipboard-write'] });
  const { page } = ctx;
  await landed(page, '2015-7');
  await share(page, '2015-7', 'Copy link');
  await page.waitForFunction(() => document.querySelector('.dd-toast')?.textContent === 'Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The provision's own page (it unfurls with its own preview); share.test.mjs opens it.
  assert.equal(copied, `${server.origin}/p/2015-7/`);
  assert.equal(await page.locator('#dd-copy-field').count(), 0);
  await finish(ctx);
});

test('Copy citation cites the document, paragraph, text and link', async () => {
  const ctx = await load('2015-7', { permissions: ['clipboard-read', 'clipboard-write'] });
  const { page } = ctx;
  await share(page, '2015-7', 'Copy citation');
  await page.waitForFunction(() => document.querySelector('.dd-toast')?.textContent === 'Citation copied.');
  const citation = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(citation.startsWith('A/69/723, annex, para. (7)'), citation);
  assert.match(citation, /offline environment/);
  assert.ok(citation.endsWith(`${server.origin}/p/2015-7/`), citation);
  await finish(ctx);
});

for (const [name, init] of [
  ['missing', () => { Object.defineProperty(navigator, 'clipboard', { value: undefined }); }],
  ['refusing', () => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError')); }],
]) {
  test(`with the clipboard ${name}, the text is offered in a field to copy by hand`, async () => {
    const ctx = await load('2015-7', { init });
    const { page } = ctx;
    await share(page, '2015-7', 'Copy link');
    const field = page.locator('#dd-copy-field');
    await field.waitFor();
    assert.equal(await field.inputValue(), `${server.origin}/p/2015-7/`);
    assert.equal(await page.locator('.dd-toast').textContent(), '');
    await page.locator('.dd-copy-fallback button', { hasText: 'Done' }).click();
    await field.waitFor({ state: 'detached' });
    await finish(ctx);
  });
}

// Compare your own drafts: plain text and JSON, specific errors, nothing lost, nothing executed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready, shot, finish } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const done = (session) => finish(session, server.origin);

const OLD = `Preamble text that stays the same.

(a) States shall respect human rights and fundamental freedoms online.

(b) States shall not use information weapons.

(c) <img src=x onerror="window.__xss=1"> is only text.`;
const NEW = `Preamble text that stays the same.

(a) States shall respect human rights, fundamental freedoms and the rule of law online.

(c) <img src=x onerror="window.__xss=1"> is only text.

(d) States shall develop confidence-building measures.`;

async function panel(page) {
  await page.goto(`${server.origin}/index.html`);
  await ready(page);
  await page.locator('.dd-custom-open').click();
  await page.locator('#dd-custom-0').waitFor();
}

test('two pasted versions get the same views, themes and search as the bundled drafts', async () => {
  const session = await open(browser);
  const { page } = session;
  await panel(page);
  await page.locator('#dd-custom-0').fill(OLD);
  await page.locator('#dd-custom-1').fill(NEW);
  await page.locator('.dd-custom-actions .dd-primary').click();
  await page.locator('.dd-custom-banner').waitFor();
  assert.match(await page.locator('.dd-custom-banner').textContent(), /Earlier version → Later version/);
  const rowA = page.locator('.dd-row', { has: page.locator('[id="0001-a"]') });
  assert.equal(await rowA.locator('[id="0002-a"]').count(), 1);
  assert.match((await rowA.locator('ins').allTextContents()).join(' '), /rule of law/);
  assert.equal(await page.locator('.dd-row', { has: page.locator('[id="0001-b"]') }).getAttribute('data-kind'), 'dropped');
  assert.equal(await page.locator('.dd-row', { has: page.locator('[id="0002-d"]') }).getAttribute('data-kind'), 'added');
  // The XSS payload is text.
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.equal(await page.locator('.dd-app img').count(), 0);
  assert.match(await page.locator('[id="0002-c"] .dd-text').textContent(), /<img src=x onerror/);
  // Themes come from the keyword lists; search works; views work.
  await page.locator('.dd-chip[data-theme="human-rights"]').click();
  assert.ok(await page.locator('[id="0001-a"] mark.dd-kw').count() > 0);
  assert.equal(await page.locator('.dd-row').count(), 1);
  await page.locator('.dd-chip[data-theme="human-rights"]').click();
  await page.locator('#dd-search-input').fill('States');
  await page.waitForFunction(() => /\d+ matches/.test(document.querySelector('.dd-search-count').textContent));
  await page.locator('.dd-seg', { hasText: 'Inline redline' }).click();
  assert.equal(await page.locator('.dd-merged [id="0001-a"]').count(), 1);
  await shot(page, 'custom-compare');
  // Back to the bundled drafts.
  await page.locator('.dd-custom-banner button').click();
  assert.equal(await page.locator('.dd-app [id="2015-7"]').count(), 1);
  await done(session);
});

test('errors name the input, provision and field, and nothing typed is lost, even across a reload', async () => {
  const session = await open(browser);
  const { page } = session;
  await panel(page);
  const json = JSON.stringify({ symbol: 'X/1', provisions: [{ id: 'a', text: 'fine' }, { id: 'b', text: 42 }, { id: 'a', text: 'dup' }] });
  await page.locator('#dd-custom-0').fill(json);
  await page.locator('#dd-custom-1').fill('{ not json');
  await page.locator('.dd-custom-actions .dd-primary').click();
  await page.locator('#dd-custom-0-errors li').first().waitFor();
  const old = (await page.locator('#dd-custom-0-errors li').allTextContents()).join('\n');
  assert.match(old, /Earlier version/);
  assert.match(old, /text/);
  assert.match(old, /“b”|"b"|#2/);
  assert.match(old, /same id/);
  assert.match((await page.locator('#dd-custom-1-errors li').allTextContents()).join('\n'), /Later version: not valid JSON/);
  assert.equal(await page.locator('#dd-custom-0').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('#dd-custom-0').inputValue(), json, 'the input is untouched');
  await page.reload();
  await ready(page);
  await page.locator('.dd-custom-open').click();
  assert.equal(await page.locator('#dd-custom-0').inputValue(), json, 'kept across a reload');
  await page.locator('.dd-custom-actions button', { hasText: 'Forget' }).click();
  assert.equal(await page.locator('#dd-custom-0').inputValue(), '');
  await page.reload();
  await ready(page);
  await page.locator('.dd-custom-open').click();
  assert.equal(await page.locator('#dd-custom-1').inputValue(), '');
  await done(session);
});

test('a JSON file loads through the file picker', async () => {
  const session = await open(browser);
  const { page } = session;
  await panel(page);
  const doc = (symbol, text) => JSON.stringify({ symbol, date: '2020-01-01', provisions: [{ id: '1', label: '(1)', part: 'code', text }] });
  await page.locator('.dd-custom-col').nth(0).locator('input[type=file]').setInputFiles({ name: 'old.json', mimeType: 'application/json', buffer: Buffer.from(doc('A/1', 'To cooperate.')) });
  await page.waitForFunction(() => document.getElementById('dd-custom-0').value.includes('A/1'));
  await page.locator('#dd-custom-1').fill(doc('A/2', 'To cooperate fully.').replace('2020', '2021'));
  await page.locator('.dd-custom-actions .dd-primary').click();
  await page.locator('.dd-custom-banner').waitFor();
  assert.equal((await page.locator('[id="2021-1"] ins').textContent()).trim(), 'fully');
  await done(session);
});

test('two unrelated megabyte texts finish without freezing, and say when they were simplified', async () => {
  const session = await open(browser);
  const { page } = session;
  await panel(page);
  const big = (seed) => {
    let x = seed; const words = [];
    const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648);
    for (let p = 0; p < 4000; p++) {
      const para = [];
      for (let w = 0; w < 30; w++) para.push('w' + (rnd() % 5000).toString(36));
      words.push(para.join(' ') + '.');
    }
    return words.join('\n\n');
  };
  await page.evaluate(([a, b]) => {
    for (const [id, v] of [['dd-custom-0', a], ['dd-custom-1', b]]) {
      const el = document.getElementById(id);
      el.value = v;
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
  }, [big(1), big(2)]);
  await page.locator('.dd-custom-actions .dd-primary').click();
  await page.locator('.dd-custom-banner').waitFor({ timeout: 60000 });
  assert.match(await page.locator('.dd-custom-banner').textContent(), /simplified so the page stays responsive/);
  assert.ok(await page.locator('.dd-row').count() > 0);
  await done(session);
});

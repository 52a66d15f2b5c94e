// Nothing a link, a host page or an attribute sends may run code or break the widget; it works
// under a strict CSP; a panic explains itself; the embed channel only carries heights.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serve, launch, open, ready, finish, root } from './harness.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
let server, browser;
before(async () => {
  server = await serve({ headers: (p) => (p.endsWith('.html') && !p.includes('/blog.html') ? { 'content-security-policy': CSP } : {}) });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const done = (session) => finish(session, server.origin);

test('the full page works under a strict Content-Security-Policy', async () => {
  const session = await open(browser);
  const { page } = session;
  const violations = [];
  await page.exposeFunction('__cspViolation', (v) => violations.push(v));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(`${server.origin}/index.html#2015-7&themes=human-rights`);
  await ready(page);
  await page.locator('.dd-chip[data-theme="sovereignty"]').click();
  await page.locator('.dd-seg', { hasText: 'Inline redline' }).click();
  assert.ok(await page.locator('.dd-merged del').count() > 0);
  assert.deepEqual(violations, []);
  await done(session);
});

test('both embed styles work in a page under the same policy', async () => {
  const session = await open(browser);
  const { page } = session;
  const violations = [];
  await page.exposeFunction('__cspViolation', (v) => violations.push(v));
  await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(`${server.origin}/fixtures/csp-blog.html`);
  await page.waitForFunction(() => document.getElementById('el')?.shadowRoot?.querySelector('.dd-merged [id="2011-b"]'));
  await page.frameLocator('#frame').locator('.dd-toolbar, .dd-card').waitFor();
  // The host script sized the iframe through the CSSOM, which the policy allows.
  await page.waitForFunction(() => document.getElementById('frame').getBoundingClientRect().height > 300);
  assert.deepEqual(violations, []);
  await done(session);
});

const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  'javascript:window.__xss=1',
  '<svg onload="window.__xss=1"></svg>',
];

test('payloads in links render as inert text', async () => {
  for (const payload of PAYLOADS) {
    const enc = encodeURIComponent(payload);
    for (const hash of [`q=${enc}`, `themes=${enc}`, `2015-7&text=${enc}`, `${enc}`, `2015-${enc}`, `view=${enc}`]) {
      const session = await open(browser);
      const { page } = session;
      await page.goto(`${server.origin}/index.html#${hash}`);
      await ready(page);
      const state = await page.evaluate(() => ({
        xss: window.__xss,
        injected: document.querySelectorAll('.dd-app script, .dd-app img, .dd-app [onerror], .dd-app [onload], .dd-app a[href^="javascript"]').length,
      }));
      assert.deepEqual(state, { xss: undefined, injected: 0 }, hash);
      if (hash.startsWith('q=')) assert.equal(await page.locator('#dd-search-input').inputValue(), payload);
      await done(session).catch((e) => { e.message = `${hash}: ${e.message}`; throw e; });
    }
  }
});

test('payloads in embed attributes fall back with a warning and run nothing', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(`${server.origin}/fixtures/csp-blog.html`);
  await page.waitForFunction(() => document.getElementById('el')?.shadowRoot?.querySelector('.dd-toolbar, .dd-card'));
  for (const payload of PAYLOADS) {
    await page.evaluate((p) => {
      const el = document.createElement('draft-diff');
      for (const a of ['provision', 'themes', 'view', 'q', 'match', 'theme']) el.setAttribute(a, p);
      document.body.append(el);
    }, payload);
  }
  await page.waitForFunction(() => [...document.querySelectorAll('draft-diff')].every((e) => e.shadowRoot?.querySelector('.dd-toolbar, .dd-card')));
  const state = await page.evaluate(() => ({
    xss: window.__xss,
    injected: [...document.querySelectorAll('draft-diff')].reduce((n, e) => n + e.shadowRoot.querySelectorAll('script, img, [onerror], [onload]').length, 0),
    queries: [...document.querySelectorAll('draft-diff')].slice(1).map((e) => e.shadowRoot.querySelector('#dd-search-input').value),
  }));
  assert.equal(state.xss, undefined);
  assert.equal(state.injected, 0);
  assert.deepEqual(state.queries, PAYLOADS, 'the query is kept as plain text');
  await done(session);
});

test('a crash in a <draft-diff> card shows the box in that element, and the page around it stays', async () => {
  // A blog page of the hooks build's origin, holding one card element (the lean card module).
  const hooks = await serve({ mounts: { '/': path.join(root, 'dist-hooks') } });
  const session = await open(browser);
  const { page } = session;
  await page.route(`${hooks.origin}/post.html`, (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Post</title><link rel="icon" href="data:,"></head>
<body><p id="before">Before the card.</p><script type="module" src="draftdiff-embed.js"></script>
<draft-diff provision="2015-7"><a href="index.html#2015-7">2015 (7)</a></draft-diff></body></html>` }));
  await page.goto(`${hooks.origin}/post.html`);
  await page.waitForFunction(() => document.querySelector('draft-diff')?.shadowRoot?.querySelector('.dd-card .dd-row'), null, { timeout: 20000 });
  await page.evaluate(async () => {
    const m = await import('./draftdiff-card.js'); // the instance the loader started
    setTimeout(() => m.crashForTesting());
  });
  const crash = page.locator('draft-diff >> .dd-host .dd-crash[role="alert"]');
  await crash.waitFor();
  assert.match(await crash.textContent(), /Something went wrong/);
  assert.match(await crash.locator('pre').textContent(), /^RuntimeError: unreachable/);
  assert.match(await crash.locator('a').getAttribute('href'), /^\/post\.html\?reload=\d+$/);
  assert.equal(await page.locator('#before').textContent(), 'Before the card.');
  session.errors = session.errors.filter((e) => !/unreachable/.test(e));
  assert.deepEqual(session.errors, []);
  await session.context.close();
  await hooks.close();
});

test('a panic shows an inline error with a reload link and details, never a blank box', async () => {
  // Readers' builds carry no way to crash on demand: the release build must not export it.
  const release = await open(browser);
  await release.page.goto(`${server.origin}/index.html#2015-7`);
  await ready(release.page);
  assert.equal(await release.page.evaluate(async () => typeof (await import('./draftdiff.js')).crashForTesting), 'undefined');
  await done(release);
  // The crash comes from a build with the `hooks` feature (tools/test builds it into dist-hooks/).
  const hooks = await serve({ mounts: { '/': path.join(root, 'dist-hooks') } });
  const session = await open(browser);
  const { page } = session;
  await page.goto(`${hooks.origin}/index.html#2015-7`);
  await ready(page);
  // A panic in a callback, as one in an event handler or a timer would be: the trap is thrown
  // out of it uncaught (release builds abort at once, with no message: std is rebuilt so).
  await page.evaluate(async () => {
    const m = await import('./draftdiff.js');
    setTimeout(() => m.crashForTesting());
  });
  const crash = page.locator('#draftdiff .dd-crash[role="alert"]');
  await crash.waitFor();
  assert.match(await crash.textContent(), /Something went wrong/);
  assert.match(await crash.locator('pre').textContent(), /^RuntimeError: unreachable/);
  assert.match(await crash.locator('pre').textContent(), /wasm-function|\.wasm/, 'the details carry the wasm stack');
  const href = await crash.locator('a').getAttribute('href');
  assert.match(href, /^\/index\.html\?reload=\d+#2015-7$/);
  assert.ok(await page.locator('.dd-app .dd-row:not([hidden])').count() > 0, 'what was on screen stays readable');
  await crash.locator('a').click();
  await ready(page);
  assert.equal(await page.locator('.dd-crash').count(), 0);
  // The trap is logged (the crash box's console.error, and the page error it was): that, and nothing else.
  const panic = session.errors.filter((e) => /unreachable/.test(e));
  assert.ok(panic.some((e) => e.startsWith('draftdiff stopped: RuntimeError: unreachable')), `the crash is logged: ${session.errors.join('\n')}`);
  session.errors = session.errors.filter((e) => !panic.includes(e));
  try {
    await finish(session, hooks.origin);
  } finally {
    await hooks.close();
  }
});

test('the embed channel sends only heights and the host script ignores foreign messages', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.addInitScript(() => {
    window.__messages = [];
    window.addEventListener('message', (e) => window.__messages.push(e.data));
  });
  await page.goto(`${server.origin}/fixtures/csp-blog.html`);
  await page.frameLocator('#frame').locator('.dd-toolbar, .dd-card').waitFor();
  await page.waitForFunction(() => window.__messages.length > 0);
  const messages = await page.evaluate(() => window.__messages);
  for (const m of messages) {
    assert.deepEqual(Object.keys(m).sort(), ['height', 'id', 'type']);
    assert.equal(m.type, 'draftdiff:height');
    assert.equal(m.id, 'c');
    assert.equal(typeof m.height, 'number');
  }
  const before = await page.evaluate(() => document.getElementById('frame').style.height);
  // Forged or malformed messages from the page itself (not from the iframe) change nothing.
  await page.evaluate(() => {
    for (const data of [{ type: 'draftdiff:height', id: 'c', height: 5 }, { type: 'draftdiff:height', id: 'c', height: 99999 },
      'draftdiff:height', null, { type: 'other', height: 800 }, { type: 'draftdiff:height', height: 'NaN' }]) {
      window.postMessage(data, '*');
    }
  });
  await page.waitForTimeout(100);
  assert.equal(await page.evaluate(() => document.getElementById('frame').style.height), before);
  await done(session);
});

// Arriving on the page (#17): the text the build pre-rendered into index.html is the app's own
// markup, so when the wasm mounts over it nothing grows or moves — the largest paint stays the
// pre-rendered one (no later largest-contentful-paint entry) and the layout-shift sum stays 0, at
// the top of the page and on a deep link. The wasm response is held back, so the reader provably
// sees the static text first. See also find.test.mjs (the reader's place, text fragments).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, ready, finish, held } from './harness.mjs';

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

/** Every row of the page as a canonical string: elements with sorted attributes and their text;
 * the Share menu's contents left out (the app renders them when the menu opens). */
const rows = (page, scope) => page.evaluate((scope) => {
  const walk = (n) => {
    if (n.nodeType === Node.TEXT_NODE) return n.data;
    if (n.nodeType !== Node.ELEMENT_NODE) return '';
    const attrs = [...n.attributes].map((a) => `${a.name}="${a.value}"`).sort().join(' ');
    const inner = n.classList.contains('dd-share-menu') ? '…' : [...n.childNodes].map(walk).join('');
    return `<${n.localName}${attrs ? ` ${attrs}` : ''}>${inner}</${n.localName}>`;
  };
  return [...document.querySelectorAll(`${scope} .dd-row`)].map(walk);
}, scope);

/**
 * The size of every row in the code (the part open on load), each laid out in full: the static
 * text skips rows out of view (`content-visibility: auto`, an estimated height until shown), so
 * they are measured rendered, as the reader scrolling to them would see them.
 */
const sizes = (page, scope) => page.evaluate((scope) => [...document.querySelectorAll(`${scope} .dd-part-body[data-part="code"] .dd-row`)]
  .map((r) => {
    r.style.contentVisibility = 'visible';
    const b = r.getBoundingClientRect();
    r.style.contentVisibility = '';
    return `${r.querySelector('.dd-prov[id]').id}: ${b.width.toFixed(1)}×${b.height.toFixed(1)}`;
  }), scope);

test('the pre-rendered rows are the app\'s rows, element for element and pixel for pixel', async () => {
  const ctx = await held(browser);
  await ctx.page.goto(`${server.origin}/index.html`);
  await ctx.page.locator('.dd-static .dd-row').first().waitFor({ state: 'attached' });
  // The static text lays out the rows in view only: the last row waits, off screen, until shown.
  const skipped = await ctx.page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return [...document.querySelectorAll('.dd-static .dd-part-body[data-part="code"] .dd-row')]
      .map((r) => r.querySelector('.dd-text').checkVisibility({ contentVisibilityAuto: true }));
  });
  assert.equal(skipped[0], true, 'the first row of the code is laid out');
  assert.equal(skipped.at(-1), false, 'the last row of the code, off screen, is not yet');
  const [staticRows, staticSizes] = [await rows(ctx.page, '.dd-static'), await sizes(ctx.page, '.dd-static')];
  ctx.release();
  await ready(ctx.page);
  const [appRows, appSizes] = [await rows(ctx.page, '.dd-app'), await sizes(ctx.page, '.dd-app')];
  assert.equal(staticRows.length, appRows.length, 'as many rows');
  assert.ok(staticRows.length >= 30, `${staticRows.length} rows`);
  for (let i = 0; i < appRows.length; i++) {
    if (staticRows[i] === appRows[i]) continue;
    let at = 0;
    while (staticRows[i][at] === appRows[i][at]) at++;
    assert.fail(`row ${i} differs at ${at}:\n  static: …${staticRows[i].slice(Math.max(0, at - 120), at + 160)}\n  app:    …${appRows[i].slice(Math.max(0, at - 120), at + 160)}`);
  }
  assert.deepEqual(appSizes, staticSizes, 'every row of the code keeps its size');
  await finish(ctx, server.origin);
});

for (const [name, options] of [
  ['desktop', {}],
  ['mobile', { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true }],
]) {
  for (const hash of ['', '#2015-9']) {
    test(`no largest paint and no layout shift after the app mounts (${name}, index.html${hash || ' at the top'})`, async () => {
      const ctx = await held(browser, options);
      await ctx.page.goto(`${server.origin}/index.html${hash}`);
      await ctx.page.waitForTimeout(500);
      ctx.release();
      await ready(ctx.page);
      await ctx.page.waitForTimeout(1000);
      const m = await ctx.page.evaluate(() => ({
        mounted: window.__mounted,
        lcp: window.__lcp,
        shifts: window.__shifts.filter((e) => e.t >= window.__mounted),
      }));
      console.log(`# ${name} ${hash || 'top'}: mounted at ${m.mounted?.toFixed(0)} ms, LCP ${JSON.stringify(m.lcp)}, shifts ${JSON.stringify(m.shifts)}`);
      assert.ok(m.mounted > 0, 'the app mounted');
      assert.ok(m.lcp.length > 0 && m.lcp[0].t < m.mounted, 'the static text made the first largest paint');
      assert.deepEqual(m.lcp.filter((e) => e.t >= m.mounted), [], 'no largest-contentful-paint entry after the app mounted');
      assert.equal(m.shifts.reduce((s, e) => s + e.v, 0), 0, 'the layout-shift sum after mount is 0');
      await finish(ctx, server.origin);
    });
  }
}

// Start-up in two tasks with a frame between them: the app's first render leaves out the rows of
// collapsed parts (hidden until found, at no height: nothing on screen waits for them) and
// renders them in a task after its first frame, so find-in-page and text fragments reach them.
const MOUNT_PROBE = () => {
  window.__atMount = null;
  const count = () => ({
    open: document.querySelectorAll('.dd-app .dd-part-body:not([hidden]) .dd-row').length,
    collapsed: document.querySelectorAll('.dd-app .dd-part-body[hidden] .dd-row').length,
  });
  const observer = new MutationObserver(() => {
    if (window.__atMount === null && document.querySelector('.dd-app .dd-toolbar')) {
      window.__atMount = count();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
};

for (const [hash, searching] of [['', false], ['#q=consensus', true]]) {
  test(`collapsed parts' rows render a task after the app's first frame${hash ? ', except when a search needs them at once' : ''} (index.html${hash})`, async () => {
    const ctx = await open(browser);
    await ctx.page.addInitScript(MOUNT_PROBE);
    await ctx.page.goto(`${server.origin}/index.html${hash}`);
    await ready(ctx.page);
    await ctx.page.waitForFunction(() => window.__atMount && document.querySelectorAll('.dd-app .dd-row').length >= 32);
    const m = await ctx.page.evaluate(() => ({
      atMount: window.__atMount,
      total: document.querySelectorAll('.dd-app .dd-row').length,
      collapsed: document.querySelectorAll('.dd-app .dd-part-body[hidden] .dd-row').length,
    }));
    assert.equal(m.total, 32, 'every pair is on the page in the end');
    assert.ok(m.atMount.open >= 14, `the open part's rows are there at once (${m.atMount.open})`);
    assert.ok(m.collapsed > 0, `rows in collapsed parts in the end (${m.collapsed})`);
    assert.equal(m.atMount.collapsed, searching ? m.collapsed : 0, 'rows of collapsed parts at mount');
    // Find-in-page reaches a phrase of the (collapsed) preamble.
    assert.equal(await ctx.page.evaluate(() => window.find('Reaffirming')), true);
    await finish(ctx, server.origin);
  });
}

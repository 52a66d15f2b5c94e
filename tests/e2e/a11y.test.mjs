// Accessibility, keyboard, screen readers, responsive layout, dark mode, reduced motion and
// print: axe-core (WCAG 2.1 A/AA) on every view, the shortcuts, what a screen reader hears,
// 320 px and 1440 px, both themes and the toggle, and the printed page. Screenshots of what
// the tests check go to tests/e2e/out/ (to look at); the README's pictures come from tools/screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, open, ready, shot, finish, root, out } from './harness.mjs';

const AXE = path.join(root, 'node_modules/axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** axe-core violations in a page or frame (`context` scopes the run: a selector list or include/exclude). */
async function axe(target, context = null) {
  if (!(await target.evaluate(() => typeof window.axe === 'object'))) await target.addScriptTag({ path: AXE });
  return target.evaluate(async ([tags, context]) => {
    const r = await window.axe.run(context ?? document, { runOnly: tags, iframes: false, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.flat().join(' >> '), why: (n.failureSummary || '').replace(/\s*\n\s*/g, ' '), html: n.html.slice(0, 140) })),
    }));
  }, [TAGS, context]);
}

/** Fails with the violations listed one per line, readable in the test output. */
function noViolations(view, violations) {
  const text = violations.map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n` +
    v.nodes.map((n) => `      ${n.target}\n        ${n.why}\n        ${n.html}`).join('\n')).join('\n');
  assert.equal(violations.length, 0, `axe found ${violations.length} violation(s) on "${view}":\n${text}`);
}

/** Ends a test with the console-error and same-origin checks (harness `finish`). */
const done = (session) => finish(session, server.origin);

async function page(url, options = {}) {
  const session = await open(browser, options);
  await session.page.goto(`${server.origin}${url}`);
  await ready(session.page);
  return session;
}

/** The focused element, looking into shadow roots. */
const deepActive = () => {
  let a = document.activeElement;
  while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
  return a;
};

// ---------------------------------------------------------------------------------------------
// 1. axe-core on every view
// ---------------------------------------------------------------------------------------------

const VIEWS = [
  ['side by side', '/index.html', {}, (p) => p.locator('.dd-cells:not(.dd-one):visible').first().waitFor()],
  ['inline', '/index.html#view=inline', {}, (p) => p.locator('.dd-merged:visible').first().waitFor()],
  ['2011 only', '/index.html#view=old', {}],
  ['filtered, keyword marks', '/index.html#themes=human-rights,sovereignty', {}, (p) => p.locator('mark.dd-kw:visible').first().waitFor()],
  ['search active', '/index.html#q=information', {}, (p) => p.locator('mark.dd-hit:visible').first().waitFor()],
  ['embed', '/index.html?embed=1&id=x', {}],
  ['embed, dark, filtered', '/index.html?embed=1&id=x&theme=dark#2015-7&themes=human-rights', {}, (p) => p.locator('mark.dd-kw:visible').first().waitFor()],
  ['dark (system)', '/index.html', { colorScheme: 'dark' }],
  ['dark (?theme=dark), inline, filtered, search', '/index.html?theme=dark#view=inline&themes=human-rights,sovereignty&q=state', {},
    (p) => p.locator('mark.dd-hit:visible').first().waitFor()],
  ['dark (system), filtered, passage', '/index.html#2015-7&text=offline%20environment&themes=human-rights,use-of-force', { colorScheme: 'dark' },
    (p) => p.locator('mark.dd-passage:visible').first().waitFor()],
  ['passage highlight', '/index.html#2015-7&text=offline%20environment', {}, (p) => p.locator('mark.dd-passage:visible').first().waitFor()],
  ['320 px', '/index.html', { viewport: { width: 320, height: 800 } }],
  ['320 px, dark, filtered', '/index.html?theme=dark#themes=human-rights,sovereignty', { viewport: { width: 320, height: 800 } }],
];

for (const [name, url, options, check] of VIEWS) {
  test(`axe: no WCAG 2.1 AA violation: ${name}`, async () => {
    const session = await page(url, options);
    const p = session.page;
    if (check) await check(p);
    noViolations(name, await axe(p));
    await done(session);
  });
}

test('axe: the "Embed this view" dialog and the shortcuts panel, in both themes', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const session = await page('/index.html#2015-7&themes=human-rights', { colorScheme });
    const p = session.page;
    await p.locator('.dd-embed-button').click();
    await p.locator('.dd-dialog').waitFor();
    noViolations(`embed dialog (${colorScheme})`, await axe(p));
    await p.locator('.dd-keys-button').click();
    await p.locator('.dd-shortcuts').waitFor();
    noViolations(`shortcuts panel (${colorScheme})`, await axe(p));
    await done(session);
  }
});

test('axe: the blog fixture: both <draft-diff> elements and both iframes', async () => {
  const session = await open(browser, { viewport: { width: 900, height: 1000 } });
  const p = session.page;
  await p.goto(`${server.origin}/fixtures/blog.html`);
  for (const id of ['el-a', 'el-b']) {
    await p.waitForFunction((id) => document.getElementById(id)?.shadowRoot?.querySelector('.dd-app'), id, { timeout: 20000 });
  }
  // The blog's own hostile CSS fails on purpose (black on black marks): check the widgets only.
  noViolations('blog, <draft-diff> elements', await axe(p, { include: [['#el-a'], ['#el-b']] }));
  for (const id of ['frame-a', 'frame-b']) {
    const frame = p.frame({ url: (u) => u.href.includes(`id=${id.slice(-1)}`) });
    await frame.locator('.dd-app').waitFor({ timeout: 20000 });
    noViolations(`blog, iframe ${id}`, await axe(frame));
  }
  await done(session);
});

// ---------------------------------------------------------------------------------------------
// 2. Keyboard
// ---------------------------------------------------------------------------------------------

test('keyboard: every control is reached by Tab and shows a focus ring', async () => {
  const session = await page('/index.html#themes=human-rights');
  const p = session.page;
  const total = await p.evaluate(() => document.querySelectorAll('.dd-app :is(a[href], button, input, textarea, select, summary, [tabindex="0"])').length);
  const seen = new Set();
  const noRing = [];
  for (let i = 0; i < total + 3; i++) {
    await p.keyboard.press('Tab');
    const info = await p.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const key = el.id || `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}:${(el.getAttribute('aria-label') || el.textContent).trim().slice(0, 40)}`;
      const cs = getComputedStyle(el);
      let ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
      if (el instanceof SVGElement) {
        const rect = el.querySelector('rect');
        ring = getComputedStyle(rect).stroke !== 'none' && parseFloat(getComputedStyle(rect).strokeWidth) >= 2;
      }
      const r = el.getBoundingClientRect();
      const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth;
      return { key, ring, onScreen, skip: el.classList.contains('dd-skip') };
    });
    if (!info) continue;
    seen.add(info.key);
    if (!info.ring || !info.onScreen) noRing.push(info);
  }
  assert.deepEqual(noRing, [], 'every focused control shows a ring, on screen');
  const keys = [...seen].join('\n');
  for (const expected of ['a.dd-skip', 'Side by side', 'Inline redline', 'Light', 'Dark', 'Auto', 'Keyboard shortcuts', 'Embed this view',
    'button.dd-chip', 'Any selected theme', 'Clear themes', 'dd-search-input', 'a.dd-map-link', 'button.dd-part-toggle', 'summary']) {
    assert.ok(keys.includes(expected), `Tab reaches ${expected}`);
  }
  await done(session);
});

test('keyboard: the skip link moves focus to the comparison without changing the view', async () => {
  const session = await page('/index.html#themes=human-rights&view=inline');
  const p = session.page;
  await p.keyboard.press('Tab');
  const skip = await p.evaluate(() => {
    const el = document.activeElement;
    const r = el.getBoundingClientRect();
    return { cls: el.className, visible: r.left >= 0 && r.top >= 0 && r.width > 0 };
  });
  assert.deepEqual(skip, { cls: 'dd-skip', visible: true });
  await p.keyboard.press('Enter');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'dd-main');
  assert.equal(new URL(p.url()).hash, '#themes=human-rights&view=inline');
  assert.equal(await p.locator('.dd-notice').count(), 0, 'no "link could not be followed" notice');
  await done(session);
});

test('keyboard shortcuts: j / k step through provisions, / searches, ? toggles the list, Escape closes it', async () => {
  const session = await page('/index.html', { reducedMotion: 'reduce' });
  const p = session.page;
  // Provisions of collapsed parts are on the page, hidden until found; j / k skip them.
  const order = await p.evaluate(() => [...document.querySelectorAll('.dd-app .dd-prov[id]')].filter((e) => !e.closest('[hidden]')).map((e) => e.id));
  const focused = () => p.evaluate(() => document.activeElement?.closest('.dd-prov[id]')?.id ?? document.activeElement?.id ?? null);
  await p.keyboard.press('j');
  assert.equal(await focused(), order[0]);
  await p.keyboard.press('j');
  assert.equal(await focused(), order[1]);
  for (let i = 0; i < 6; i++) await p.keyboard.press('j');
  assert.equal(await focused(), order[7]);
  // Scrolled into view at once (reduced motion): the provision sits at the top, below its scroll margin.
  const top = await p.evaluate(() => document.activeElement.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 120, `provision scrolled to the top (top = ${top})`);
  await p.keyboard.press('k');
  assert.equal(await focused(), order[6]);
  // The focused provision shows a ring.
  assert.notEqual(await p.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'none');
  // Modifier keys are the browser's.
  await p.keyboard.press('Alt+j');
  await p.keyboard.press('Control+k');
  assert.equal(await focused(), order[6]);
  // From a toolbar control, j goes to the first provision after it.
  await p.locator('.dd-seg', { hasText: 'Side by side' }).focus();
  await p.keyboard.press('j');
  assert.equal(await focused(), order[0]);

  // "/" focuses the search field; typing there is text, not shortcuts.
  await p.keyboard.press('/');
  assert.equal(await p.evaluate(() => document.activeElement.id), 'dd-search-input');
  await p.keyboard.type('jk/?');
  assert.equal(await p.locator('#dd-search-input').inputValue(), 'jk/?');
  assert.equal(await p.locator('.dd-shortcuts').count(), 0);
  await p.locator('#dd-search-input').fill('');

  // "?" opens the list (focus moves into it), Escape closes it and focus returns to its button.
  await p.locator('.dd-seg', { hasText: 'Inline redline' }).focus();
  await p.keyboard.press('?');
  await p.locator('.dd-shortcuts[role="dialog"]').waitFor();
  assert.equal(await p.evaluate(() => !!document.activeElement.closest('.dd-shortcuts')), true);
  const listed = await p.locator('.dd-shortcuts kbd').allTextContents();
  assert.deepEqual(listed, ['j', 'k', '/', '?', 'Esc']);
  assert.equal(await p.locator('.dd-keys-button').getAttribute('aria-expanded'), 'true');
  await p.keyboard.press('Escape');
  assert.equal(await p.locator('.dd-shortcuts').count(), 0);
  assert.equal(await p.evaluate(() => document.activeElement.classList.contains('dd-keys-button')), true);
  // The visible button does the same.
  await p.keyboard.press('Enter');
  await p.locator('.dd-shortcuts').waitFor();
  await p.locator('.dd-shortcuts button', { hasText: 'Close' }).click();
  assert.equal(await p.locator('.dd-shortcuts').count(), 0);
  await p.keyboard.press('?');
  await p.keyboard.press('?');
  assert.equal(await p.locator('.dd-shortcuts').count(), 0, '? toggles');
  await done(session);
});

test('keyboard shortcuts never take a blog\'s keys: elements and iframes act only with focus inside', async () => {
  const session = await open(browser, { viewport: { width: 900, height: 1000 }, reducedMotion: 'reduce' });
  const p = session.page;
  await p.goto(`${server.origin}/fixtures/blog.html`);
  for (const id of ['el-a', 'el-b']) {
    await p.waitForFunction((id) => document.getElementById(id)?.shadowRoot?.querySelector('.dd-app'), id, { timeout: 20000 });
  }
  await p.frameLocator('#frame-a').locator('.dd-app').waitFor({ timeout: 20000 });
  await p.evaluate(() => {
    window.__keys = [];
    document.addEventListener('keydown', (e) => window.__keys.push([e.key, e.defaultPrevented]));
  });
  for (const key of ['j', 'k', '/', '?']) await p.keyboard.press(key);
  const state = await p.evaluate(() => ({
    keys: window.__keys, y: scrollY, active: document.activeElement.tagName,
    panels: ['el-a', 'el-b'].map((id) => document.getElementById(id).shadowRoot.querySelectorAll('.dd-shortcuts').length),
  }));
  assert.deepEqual(state, { keys: [['j', false], ['k', false], ['/', false], ['?', false]], y: 0, active: 'BODY', panels: [0, 0] });

  // Focus inside element A: j moves within A only; B is untouched.
  await p.locator('#el-a .dd-seg', { hasText: 'Side by side' }).focus();
  await p.keyboard.press('j');
  const inside = await p.evaluate((src) => {
    const a = new Function(`return (${src})()`)();
    return { host: a.getRootNode().host?.id, prov: a.matches('.dd-prov[id]'), id: a.id };
  }, deepActive.toString());
  assert.equal(inside.host, 'el-a');
  assert.equal(inside.prov, true);
  await p.keyboard.press('?');
  assert.equal(await p.evaluate(() => document.getElementById('el-a').shadowRoot.querySelectorAll('.dd-shortcuts').length), 1);
  assert.equal(await p.evaluate(() => document.getElementById('el-b').shadowRoot.querySelectorAll('.dd-shortcuts').length), 0);
  await p.keyboard.press('Escape');
  assert.equal(await p.evaluate(() => document.getElementById('el-a').shadowRoot.querySelectorAll('.dd-shortcuts').length), 0);

  // Inside an iframe: j and / act on that frame.
  const frame = p.frame({ url: (u) => u.href.includes('id=a') });
  await frame.locator('.dd-seg', { hasText: 'Side by side' }).focus();
  await p.keyboard.press('j');
  assert.equal(await frame.evaluate(() => document.activeElement.matches('.dd-prov[id]')), true);
  await p.keyboard.press('/');
  assert.equal(await frame.evaluate(() => document.activeElement.id), 'dd-search-input');
  await done(session);
});

// ---------------------------------------------------------------------------------------------
// 3. Screen readers: what the accessibility tree says
// ---------------------------------------------------------------------------------------------

/** Chromium's own accessibility tree (what screen readers get), as text lines "role name". */
async function axTree(p) {
  const cdp = await p.context().newCDPSession(p);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  return nodes.filter((n) => !n.ignored).map((n) => `${n.role?.value} ${n.name?.value ?? ''}`.trim());
}

test('screen readers hear insertions and deletions, sensible landmarks and headings, and live regions', async () => {
  const session = await page('/index.html#view=inline');
  const p = session.page;
  const tree = await axTree(p);
  const text = tree.join('\n');
  assert.match(text, /\[insertion\]/, 'insertions are announced');
  assert.match(text, /\[end insertion\]/);
  assert.match(text, /\[deletion\]/, 'deletions are announced');
  // The merged (2011 b → 2015 2) provision reads "deletion … information weapons".
  const snapshot = await p.locator('[id="2015-2"] .dd-text').ariaSnapshot();
  assert.match(snapshot, /deletion/);
  assert.match(snapshot, /insertion/);

  // One h1; an h2 per part; landmarks: banner, navigation (change map), main, contentinfo, search.
  const headings = await p.evaluate(() => [...document.querySelectorAll('h1, h2, h3')].map((h) => `${h.tagName} ${h.textContent.trim()}`));
  assert.equal(headings.filter((h) => h.startsWith('H1')).length, 1);
  const parts = await p.locator('section.dd-part').count();
  assert.ok(parts >= 3);
  assert.deepEqual(headings.filter((h) => h.startsWith('H2')).length, parts, 'one h2 per part');
  assert.ok(headings.some((h) => h.startsWith('H2 Code of conduct')));
  for (const role of ['banner', 'main', 'contentinfo', 'navigation', 'search']) {
    assert.ok(tree.some((l) => l.startsWith(role)), `landmark ${role}`);
  }
  // Live regions: the count and the toast (present, empty, while nothing is said).
  assert.equal(await p.locator('.dd-count').getAttribute('aria-live'), 'polite');
  const toast = p.locator('.dd-toast');
  assert.equal(await toast.getAttribute('role'), 'status');
  assert.notEqual(await toast.evaluate((e) => getComputedStyle(e).display), 'none', 'the empty toast stays in the tree');
  await p.locator('.dd-chip[data-theme="human-rights"]').click();
  assert.match(await p.locator('.dd-count').textContent(), /^Showing \d+ of \d+ aligned pairs/);
  await done(session);

  // The iframe is a document of its own: one h1 (its title), an h2 per part, but no page
  // landmarks (it sits inside someone else's page).
  const embed = await page('/index.html?embed=1&id=x');
  const e = await embed.page.evaluate(() => ({
    h1: [...document.querySelectorAll('h1')].map((h) => h.className), h2: document.querySelectorAll('h2').length,
    landmarks: document.querySelectorAll('main, header:not(.dd-prov-head), footer').length,
  }));
  assert.deepEqual(e.h1, ['dd-title'], 'the iframe has exactly one h1, its title');
  assert.ok(e.h2 >= 3, 'an h2 per part');
  assert.equal(e.landmarks, 0);
  await done(embed);

  // A <draft-diff> element lives inside the blog's document: the blog keeps its one h1.
  const blog = await open(browser, { viewport: { width: 900, height: 1000 } });
  await blog.page.goto(`${server.origin}/fixtures/blog.html`);
  await blog.page.waitForFunction(() => ['el-a', 'el-b'].every((id) => document.getElementById(id)?.shadowRoot?.querySelector('.dd-app')), null, { timeout: 20000 });
  const inBlog = await blog.page.evaluate(() => ({
    page: document.querySelectorAll('h1').length,
    elements: ['el-a', 'el-b'].map((id) => document.getElementById(id).shadowRoot.querySelectorAll('h1').length),
    titles: ['el-a', 'el-b'].map((id) => document.getElementById(id).shadowRoot.querySelector('.dd-title')?.tagName),
  }));
  assert.deepEqual(inBlog, { page: 1, elements: [0, 0], titles: ['P', 'P'] });
  await done(blog);
});

// ---------------------------------------------------------------------------------------------
// 4. Responsive
// ---------------------------------------------------------------------------------------------

test('320 px: no horizontal scrolling, stacked pairs, wrapping chips, every control on screen', async () => {
  const session = await page('/index.html#themes=human-rights', { viewport: { width: 320, height: 800 } });
  const p = session.page;
  const width = () => p.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(await width() <= 320, `scrollWidth ${await width()}`);
  const layout = await p.evaluate(() => {
    // The first pair on screen (rows the filter drops, and collapsed parts, are hidden).
    const row = [...document.querySelectorAll('.dd-row .dd-cells:not(.dd-one)')].find((c) => c.getClientRects().length > 0);
    const [a, b] = [...row.children].map((c) => c.getBoundingClientRect());
    const chips = [...document.querySelectorAll('.dd-chip')].map((c) => c.getBoundingClientRect().top);
    const off = [...document.querySelectorAll('.dd-app :is(button, a[href], input, summary)')]
      .filter((el) => !el.closest('.dd-share-menu') && !el.classList.contains('dd-skip'))
      .map((el) => [el, el.getBoundingClientRect()])
      .filter(([, r]) => r.width > 0 && (r.left < -1 || r.right > 321))
      .map(([el]) => el.outerHTML.slice(0, 80));
    return { stacked: Math.abs(a.left - b.left) <= 12 && b.top >= a.bottom - 1, rects: [a, b].map((r) => [r.left, r.top, r.right, r.bottom].map(Math.round)), chipRows: new Set(chips).size, off };
  });
  assert.equal(layout.stacked, true, `side by side becomes stacked pairs: ${JSON.stringify(layout.rects)}`);
  assert.ok(layout.chipRows > 3, 'chips wrap');
  assert.deepEqual(layout.off, []);
  await shot(p, 'mobile-320', { fullPage: false });
  // Other states at 320 px.
  for (const action of [
    async () => p.locator('.dd-seg', { hasText: 'Inline redline' }).click(),
    async () => { await p.locator('.dd-keys-button').click(); await p.locator('.dd-shortcuts').waitFor(); },
    async () => { await p.locator('.dd-embed-button').click(); await p.locator('.dd-dialog').waitFor(); },
    async () => { await p.locator('#dd-search-input').fill('information'); await p.locator('mark.dd-hit:visible').first().waitFor(); },
    async () => { await p.locator('.dd-share summary:visible').first().click(); },
  ]) {
    await action();
    assert.ok(await width() <= 320, `scrollWidth ${await width()} after ${action}`);
  }
  await done(session);
});

test('1440 px: side by side in two columns, no horizontal scrolling', async () => {
  const session = await page('/index.html', { viewport: { width: 1440, height: 900 } });
  const p = session.page;
  const layout = await p.evaluate(() => {
    // The first pair on screen (rows the filter drops, and collapsed parts, are hidden).
    const row = [...document.querySelectorAll('.dd-row .dd-cells:not(.dd-one)')].find((c) => c.getClientRects().length > 0);
    const [a, b] = [...row.children].map((c) => c.getBoundingClientRect());
    return { scroll: document.documentElement.scrollWidth, sideBySide: Math.abs(a.top - b.top) < 2 && b.left > a.right, widths: [a.width, b.width] };
  });
  assert.ok(layout.scroll <= 1440);
  assert.equal(layout.sideBySide, true);
  assert.ok(layout.widths.every((w) => w > 400), `columns are readable: ${layout.widths}`);
  await shot(p, 'light', { fullPage: false });
  await done(session);
});

// ---------------------------------------------------------------------------------------------
// 5. Dark mode
// ---------------------------------------------------------------------------------------------

const background = (p) => p.evaluate(() => getComputedStyle(document.querySelector('.dd-app')).backgroundColor);
const DARK = 'rgb(21, 25, 30)';
const LIGHT = 'rgb(255, 255, 255)';

test('dark mode follows the system, and the toggle (light / dark / auto) is kept per reader', async () => {
  const dark = await page('/index.html#themes=human-rights,sovereignty', { colorScheme: 'dark', viewport: { width: 1280, height: 1100 } });
  assert.equal(await background(dark.page), DARK);
  assert.equal(await dark.page.locator('.dd-theme-switch .dd-seg[aria-pressed="true"]').textContent(), 'Auto');
  await shot(dark.page, 'dark', { fullPage: false });
  // "Light" wins over the system's dark, and stays after a reload.
  await dark.page.locator('.dd-theme-switch .dd-seg', { hasText: 'Light' }).click();
  assert.equal(await background(dark.page), LIGHT);
  assert.equal(await dark.page.evaluate(() => localStorage.getItem('draftdiff:theme')), 'light');
  await dark.page.reload();
  await ready(dark.page);
  assert.equal(await background(dark.page), LIGHT);
  assert.equal(await dark.page.locator('html').getAttribute('data-theme'), 'light');
  assert.equal(await dark.page.locator('.dd-theme-switch .dd-seg[aria-pressed="true"]').textContent(), 'Light');
  // "Auto" forgets the choice.
  await dark.page.locator('.dd-theme-switch .dd-seg', { hasText: 'Auto' }).click();
  assert.equal(await background(dark.page), DARK);
  assert.equal(await dark.page.evaluate(() => localStorage.getItem('draftdiff:theme')), null);
  assert.equal(await dark.page.locator('html').getAttribute('data-theme'), null);
  await done(dark);

  const light = await page('/index.html');
  assert.equal(await background(light.page), LIGHT);
  await light.page.locator('.dd-theme-switch .dd-seg', { hasText: 'Dark' }).click();
  assert.equal(await background(light.page), DARK);
  noViolations('dark via the toggle', await axe(light.page));
  await done(light);

  // An iframe follows ?theme= and shows no toggle (the reader's choice belongs to the full page).
  const frame = await page('/index.html?embed=1&id=x&theme=dark');
  assert.equal(await background(frame.page), DARK);
  assert.equal(await frame.page.locator('.dd-theme-switch').count(), 0);
  await done(frame);
});

test('the whole-document iframe embed at 760 px: compact, the linked pair highlighted without scrolling, no inner horizontal scroll', async () => {
  // (The README's embed.png is made by tools/screenshots, not here.) A snippet asks for the whole
  // document with show=all; focused cards are tested in cards.test.mjs.
  const session = await page('/index.html?embed=1&id=x#2015-7&themes=human-rights&show=all', { viewport: { width: 760, height: 900 } });
  const p = session.page;
  await p.locator('[id="2015-7"].dd-focus').waitFor();
  const card = await p.evaluate(() => {
    return {
      scrollWidth: document.documentElement.scrollWidth,
      embedded: document.querySelector('.dd-app').classList.contains('dd-embedded'),
      skip: document.querySelectorAll('.dd-skip').length,
      about: document.querySelectorAll('.dd-about').length,
      full: document.querySelector('.dd-open-full')?.getAttribute('href') ?? null,
      // Opening on a provision only highlights it: scrolling or focusing would move the host's page.
      scrollY, focused: document.activeElement === document.querySelector('[id="2015-7"]'),
      highlighted: document.querySelector('[id="2015-7"]').closest('.dd-row').classList.contains('dd-focused'),
      columns: [...document.querySelector('[id="2015-7"]').closest('.dd-cells').children].map((c) => Math.round(c.getBoundingClientRect().width)),
    };
  });
  assert.ok(card.scrollWidth <= 760, `scrollWidth ${card.scrollWidth}`);
  assert.equal(card.embedded, true);
  assert.equal(card.skip, 0, 'no skip link in an embed');
  assert.equal(card.about, 0, 'no long notes in an embed');
  assert.match(card.full, /\/index\.html#2015-7&themes=human-rights&show=all$/);
  assert.deepEqual([card.scrollY, card.focused, card.highlighted], [0, false, true], 'highlighted, not scrolled to, not focused');
  assert.equal(card.columns.length, 2);
  assert.ok(card.columns.every((w) => w > 250), `both drafts stay readable side by side: ${card.columns}`);
  await shot(p, 'embed', { fullPage: false });
  await done(session);
});

// ---------------------------------------------------------------------------------------------
// 6. Motion
// ---------------------------------------------------------------------------------------------

test('reduced motion: no transitions, and landing on a link jumps instead of scrolling smoothly', async () => {
  const session = await open(browser, { reducedMotion: 'reduce' });
  const p = session.page;
  // Sample the scroll position every frame from the start.
  await p.addInitScript(() => {
    window.__ys = [];
    const tick = () => { window.__ys.push(scrollY); if (window.__ys.length < 120) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await p.goto(`${server.origin}/index.html#2015-12`);
  await ready(p);
  await p.waitForFunction(() => document.activeElement?.id === '2015-12');
  await p.waitForFunction(() => window.__ys.length >= 60);
  // The build-time text lands first, then the app re-centres once it has replaced it: a couple
  // of jumps at most. A smooth scroll would pass through a dozen positions or more.
  const ys = await p.evaluate(() => [...new Set(window.__ys.filter((y) => y > 0))]);
  assert.ok(ys.length <= 3, `jumps, no smooth steps: ${ys}`);
  const transition = await p.evaluate(() => getComputedStyle(document.querySelector('.dd-chevron')).transitionDuration);
  assert.equal(transition, '0s');
  await done(session);
});

// ---------------------------------------------------------------------------------------------
// 7. Print
// ---------------------------------------------------------------------------------------------

test('print: a clean redline with both symbols, the legend, the filter and the URL of the view, no controls', async () => {
  const session = await page('/index.html?theme=dark#themes=human-rights,sovereignty', { viewport: { width: 900, height: 1200 } });
  const p = session.page;
  await p.emulateMedia({ media: 'print' });
  const seen = await p.evaluate(() => {
    const shown = (sel) => [...document.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0);
    return {
      controls: ['.dd-toolbar-row', '.dd-themes', '.dd-search', '.dd-map', '.dd-share', '.dd-skip', '.dd-main-actions'].filter(shown),
      meta: document.querySelector('.dd-print-meta').innerText,
      header: document.querySelector('.dd-header').innerText,
      bg: getComputedStyle(document.querySelector('.dd-app')).backgroundColor,
      ins: getComputedStyle(document.querySelector('.dd-app ins')).textDecorationLine,
      del: getComputedStyle(document.querySelector('.dd-app del')).textDecorationLine,
    };
  });
  assert.deepEqual(seen.controls, []);
  assert.match(seen.header, /A\/66\/359/);
  assert.match(seen.header, /A\/69\/723/);
  assert.match(seen.meta, /Themes: Human rights, Sovereignty \(any of them\)/);
  assert.match(seen.meta, /Legend: inserted in 2015 · deleted from 2011/);
  assert.ok(seen.meta.includes(`${server.origin}/index.html?theme=dark#themes=human-rights,sovereignty`), seen.meta);
  assert.equal(seen.bg, LIGHT, 'paper is light even in dark mode');
  assert.equal(seen.ins, 'underline');
  assert.equal(seen.del, 'line-through');
  await shot(p, 'print', { fullPage: true });
  const pdf = path.join(out, 'print.pdf');
  await p.pdf({ path: pdf, format: 'A4', printBackground: false });
  assert.ok(fs.statSync(pdf).size > 10000);
  await done(session);
});

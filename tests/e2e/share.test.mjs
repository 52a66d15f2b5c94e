// The Share menu as a reader uses it: Copy link gives the provision's own page (p/<anchor>/,
// which unfurls with that provision's preview), that page opens the provision with the state its
// hash forwards, select-then-Share makes a passage link that also carries the browser's standard
// text directive (`:~:text=`), and the menu opens without covering the words being linked.
// The single file, which has no p/ pages, keeps its own `draftdiff.html#…` links. See
// docs/sharing.md and docs/url-grammar.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, open, ready, load as loadAt, finish as finishAt, shot, dist } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const CLIP = { permissions: ['clipboard-read', 'clipboard-write'] };
const load = (hash, options) => loadAt(browser, server.origin, hash, options);
const finish = (ctx) => finishAt(ctx, server.origin);
const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

/** Selects `phrase` inside the text of provision `id` (as a reader's drag would). */
async function select(page, id, phrase) {
  const ok = await page.evaluate(([id, phrase]) => {
    const text = document.querySelector(`.dd-app [id="${id}"] .dd-text`);
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
    const at = all.indexOf(phrase);
    if (at < 0) return false;
    const point = (offset) => {
      const [node, start] = nodes.findLast(([, s]) => s <= offset);
      return [node, offset - start];
    };
    const range = document.createRange();
    range.setStart(...point(at));
    range.setEnd(...point(at + phrase.length));
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    return sel.toString() === phrase;
  }, [id, phrase]);
  assert.ok(ok, `selected “${phrase}” in ${id}`);
}

/** Whether the first occurrence of `phrase` in the page's text is inside the viewport. */
const phraseOnScreen = (page, phrase) => page.evaluate((phrase) => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.data.indexOf(phrase);
    if (at < 0) continue;
    const r = document.createRange();
    r.setStart(n, at);
    r.setEnd(n, at + phrase.length);
    const box = r.getBoundingClientRect();
    return { on: box.top >= 0 && box.bottom <= innerHeight, top: Math.round(box.top), scrollY };
  }
  return { on: false, top: null, scrollY };
}, phrase);

test('Copy link and Copy citation give the provision page; it opens that provision with the forwarded state', async () => {
  const ctx = await load('2015-7', CLIP);
  const { page } = ctx;
  const menu = page.locator('.dd-app [id="2015-7"] .dd-share');
  await menu.locator('summary').click();
  await menu.locator('button', { hasText: 'Copy link' }).click();
  await page.locator('.dd-toast', { hasText: 'Link copied.' }).waitFor();
  assert.equal(await clipboard(page), `${server.origin}/p/2015-7/`);
  await menu.locator('button', { hasText: 'Copy citation' }).click();
  await page.locator('.dd-toast', { hasText: 'Citation copied.' }).waitFor();
  const citation = await clipboard(page);
  assert.ok(citation.startsWith('A/69/723, annex, para. (7)'), citation);
  assert.ok(citation.endsWith(` ${server.origin}/p/2015-7/`), `the citation cites the same stable URL: ${citation}`);
  await finish(ctx);

  // The page, with the rest of a view in its hash, shows the provision focused in that view.
  const opened = await open(browser, CLIP);
  await opened.page.goto(`${server.origin}/p/2015-7/#themes=human-rights&view=inline`);
  await ready(opened.page);
  await opened.page.locator('.dd-app.dd-view-inline').waitFor();
  await opened.page.locator('.dd-app [id="2015-7"].dd-focus').waitFor();
  assert.equal(await opened.page.locator('.dd-chip[data-theme="human-rights"][aria-pressed="true"]').count(), 1,
    'the theme filter came along');
  assert.match(await opened.page.evaluate(() => location.hash), /themes=human-rights/);
  // The page's own menu links to the same page (not p/2015-7/p/2015-7/).
  const own = opened.page.locator('.dd-app [id="2015-7"] .dd-share');
  await own.locator('summary').click();
  await own.locator('button', { hasText: 'Copy link' }).click();
  await opened.page.locator('.dd-toast', { hasText: 'Link copied.' }).waitFor();
  assert.equal(await clipboard(opened.page), `${server.origin}/p/2015-7/`);
  await finishAt(opened, server.origin);
});

test('select, then Share: the menu keeps the words, does not cover them, and links them with :~:text=', async () => {
  const ctx = await load('2015-7', CLIP);
  const { page } = ctx;
  const prov = page.locator('.dd-app [id="2015-7"]');
  const summary = prov.locator('.dd-share summary');
  // Where the button is within its provision (independent of scrolling).
  const offset = async () => {
    const [b, a] = [await summary.boundingBox(), await prov.boundingBox()];
    return [Math.round(b.x - a.x), Math.round(b.y - a.y)];
  };
  const before = await offset();
  await select(page, '2015-7', 'offline environment');
  // The natural order, with the real mouse: the press on Share collapses the selection.
  await summary.click();
  const menu = prov.locator('.dd-share-menu');
  await menu.waitFor();
  const [menuBox, textBox, after] = [await menu.boundingBox(), await prov.locator('.dd-text').boundingBox(), await offset()];
  const overlap = !(menuBox.y + menuBox.height <= textBox.y || textBox.y + textBox.height <= menuBox.y
    || menuBox.x + menuBox.width <= textBox.x || textBox.x + textBox.width <= menuBox.x);
  await shot(page, 'share-menu-open');
  assert.equal(overlap, false, `the menu ${JSON.stringify(menuBox)} does not cover the text ${JSON.stringify(textBox)}`);
  // Exactly (the menu opens on its own line; the closed menu takes no room, not even a gap).
  assert.ok(after.every((v, i) => Math.abs(v - before[i]) <= 1), `the Share button stays where it was pressed: ${before} → ${after}`);
  await menu.locator('button', { hasText: 'Link to selected words' }).click();
  await page.locator('.dd-toast', { hasText: 'Link to the selected words copied.' }).waitFor();
  const link = await clipboard(page);
  assert.equal(link, `${server.origin}/p/2015-7/#2015-7&text=offline%20environment:~:text=offline%20environment`);
  assert.deepEqual(await prov.locator('mark.dd-passage').allTextContents(), ['offline environment'], 'marked here too');
  await finish(ctx);

  // A fresh load without the app (JavaScript off, as in a chat preview's browser): the browser's
  // own text fragment scrolls to the words. The viewport is small, so that takes scrolling.
  const small = { viewport: { width: 480, height: 260 } };
  const plain = await open(browser, { ...small, javaScriptEnabled: false });
  await plain.page.goto(link);
  await plain.page.waitForFunction(() => scrollY > 0, null, { timeout: 5000 }).catch(() => {});
  const seen = await phraseOnScreen(plain.page, 'offline environment');
  await shot(plain.page, 'share-passage-no-js');
  assert.ok(seen.on && seen.scrollY > 0, `the browser scrolled the words into view: ${JSON.stringify(seen)}`);
  await plain.context.close();
  // The same link without the directive does not: the scroll above is the text fragment's.
  const control = await open(browser, { ...small, javaScriptEnabled: false });
  await control.page.goto(link.split(':~:')[0]);
  assert.equal((await phraseOnScreen(control.page, 'offline environment')).on, false, 'no directive, no scroll');
  await control.context.close();

  // A fresh load with the app: it reads the passage from our own text= (the browser strips the
  // directive from location.hash) and marks it.
  const app = await open(browser, small);
  await app.page.goto(link);
  await ready(app.page);
  await app.page.locator('.dd-app [id="2015-7"] mark.dd-passage').first().waitFor();
  assert.deepEqual(await app.page.locator('.dd-app mark.dd-passage').allTextContents(), ['offline environment']);
  assert.equal(await app.page.evaluate(() => location.hash), '#2015-7&text=offline%20environment');
  await app.page.waitForFunction(() => {
    const r = document.querySelector('mark.dd-passage').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }, null, { timeout: 5000 });
  await finishAt(app, server.origin);
});

test('a longer selection becomes start,end in both our text= and the directive', async () => {
  const ctx = await load('2015-7', CLIP);
  const { page } = ctx;
  const words = await page.locator('.dd-app [id="2015-7"] .dd-text').evaluate((e) => e.textContent.replace(/\s+/g, ' ').trim());
  const phrase = words.split(' ').slice(2, 14).join(' ');
  await select(page, '2015-7', phrase);
  const prov = page.locator('.dd-app [id="2015-7"]');
  await prov.locator('.dd-share summary').click();
  await prov.locator('.dd-share-menu button', { hasText: 'Link to selected words' }).click();
  await page.locator('.dd-toast', { hasText: 'Link to the selected words copied.' }).waitFor();
  const link = await clipboard(page);
  const [ours, directive] = link.split('#')[1].split(':~:');
  const w = phrase.split(' ');
  const enc = (s) => encodeURIComponent(s).replace(/[-,&]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  assert.equal(directive, `text=${enc(w.slice(0, 4).join(' '))},${enc(w.slice(-4).join(' '))}`, link);
  assert.match(ours, /^2015-7&text=[^&]+,[^&]+$/, link);
  await finish(ctx);
});

test('without a selection the menu says what to do, and a press elsewhere forgets an old selection', async () => {
  const ctx = await load('2015-7', CLIP);
  const { page } = ctx;
  const prov = page.locator('.dd-app [id="2015-7"]');
  await select(page, '2015-7', 'offline environment');
  await prov.locator('.dd-share summary').click();
  await prov.locator('.dd-share summary').click(); // closed again, selection gone
  await prov.locator('.dd-share summary').click();
  await prov.locator('.dd-share-menu button', { hasText: 'Link to selected words' }).click();
  await page.locator('.dd-toast', { hasText: 'Select some words in this provision first.' }).waitFor();
  assert.equal(await prov.locator('mark.dd-passage').count(), 0);
  await finish(ctx);
});

test('the single file has no p/ pages: its links stay draftdiff.html#…, and its text fragment works without the app', async () => {
  const url = pathToFileURL(path.join(dist, 'draftdiff.html')).href;
  const own = (u) => u.split('#')[0] === url;
  const ctx = await open(browser);
  // What the widget copies, recorded (clipboard access from file:// depends on the browser).
  await ctx.page.addInitScript(() => {
    window.copied = [];
    const writeText = (t) => { window.copied.push(t); return Promise.resolve(); };
    if (navigator.clipboard) navigator.clipboard.writeText = writeText;
    else Object.defineProperty(navigator, 'clipboard', { value: { writeText } });
  });
  await ctx.page.goto(`${url}#2015-7`);
  await ready(ctx.page);
  const prov = ctx.page.locator('.dd-app [id="2015-7"]');
  const copied = () => ctx.page.evaluate(() => window.copied.at(-1));
  await prov.locator('.dd-share summary').click();
  await prov.locator('.dd-share-menu button', { hasText: 'Copy link' }).click();
  await ctx.page.locator('.dd-toast', { hasText: 'Link copied.' }).waitFor();
  assert.equal(await copied(), `${url}#2015-7`);
  await prov.locator('.dd-share summary').click(); // closes the menu
  await select(ctx.page, '2015-7', 'offline environment');
  await prov.locator('.dd-share summary').click();
  await prov.locator('.dd-share-menu button', { hasText: 'Link to selected words' }).click();
  await ctx.page.locator('.dd-toast', { hasText: 'Link to the selected words copied.' }).waitFor();
  const link = await copied();
  assert.equal(link, `${url}#2015-7&text=offline%20environment:~:text=offline%20environment`);
  await finishAt(ctx, own);

  // Opened again with JavaScript off, the browser finds the words in the static text.
  const plain = await open(browser, { javaScriptEnabled: false });
  await plain.page.goto(link);
  await plain.page.waitForFunction(() => scrollY > 0, null, { timeout: 5000 }).catch(() => {});
  const seen = await phraseOnScreen(plain.page, 'offline environment');
  assert.ok(seen.on && seen.scrollY > 0, `scrolled to the words: ${JSON.stringify(seen)}`);
  await plain.context.close();
});

/** The `<head>` tags an unfurler reads, from raw HTML (no browser, no JavaScript). */
function headTags(html) {
  const attrs = (tag) => Object.fromEntries([...tag.matchAll(/([a-z:-]+)="([^"]*)"/gi)].map((m) => [m[1].toLowerCase(), m[2].replace(/&amp;/g, '&')]));
  const tags = [...html.matchAll(/<(meta|link)\b[^>]*>/gi)].map((m) => attrs(m[0]));
  const meta = (k) => tags.find((t) => t.property === k || t.name === k)?.content ?? null;
  const link = (rel) => tags.find((t) => t.rel === rel) ?? null;
  return { meta, link };
}

test('what an unfurler reads from a Share link: the provision\'s own tags, card and oEmbed, with plain HTTP', async () => {
  // As Slack, WhatsApp, Substack or Medium fetch it: one GET of the exact copied URL (the hash
  // never reaches the server), a bot's user agent, no JavaScript; many read only the first KBs.
  for (const [copied, anchor, title] of [
    [`${server.origin}/p/2015-7/`, '2015-7', /^2011 \(f\) → 2015 \(7\): /],
    [`${server.origin}/p/2015-7/#themes=human-rights&view=inline`, '2015-7', /^2011 \(f\) → 2015 \(7\): /],
    [`${server.origin}/p/2015-pre-3/#2015-pre-3&text=x:~:text=x`, '2015-pre-3', /Preamble ¶3/],
  ]) {
    const res = await fetch(copied, { headers: { 'user-agent': 'Slackbot-LinkExpanding 1.0' } });
    assert.equal(res.status, 200, copied);
    const html = await res.text();
    const head = html.slice(0, html.indexOf('</head>'));
    assert.ok(head.length > 0 && head.length < 32 * 1024, `the head is in the first 32 KB (${head.length} bytes)`);
    const { meta, link } = headTags(head);
    assert.match(meta('og:title'), title, copied);
    assert.match(meta('twitter:title') ?? meta('og:title'), title);
    assert.ok((meta('og:description') ?? '').length > 40, 'a specific description');
    assert.equal(meta('twitter:card'), 'summary_large_image');
    // Resolved against the page as unfurlers do (absolute with DRAFTDIFF_PUBLIC_URL, see the
    // xtask test tags_are_absolute_with_a_public_url_and_relative_without).
    const image = new URL(meta('og:image'), res.url);
    assert.equal(image.href, `${server.origin}/p/${anchor}/preview.png`);
    const png = Buffer.from(await (await fetch(image)).arrayBuffer());
    assert.equal(png.subarray(1, 4).toString(), 'PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630], 'the card is 1200×630');
    assert.equal([meta('og:image:width'), meta('og:image:height')].join('×'), '1200×630');
    const alt = link('alternate');
    assert.equal(alt?.type, 'application/json+oembed');
    const o = await (await fetch(new URL(alt.href, res.url))).json();
    assert.equal(o.title, meta('og:title'));
    assert.match(o.html, new RegExp(`#${anchor}"`), 'the oEmbed card opens the provision');
  }
});

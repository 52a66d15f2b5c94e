// A page per provision (dist/p/<anchor>/): readable without JavaScript, named for its pair in the
// title, description and link-preview tags, with its own preview card and oEmbed response; and
// the same for the main page. See docs/sharing.md.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, open, ready, finish, shot, dist } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

// A changed pair from both sides, a preamble paragraph, the unnumbered chapeau and a new item;
// a provision dropped in 2015 too, if the build has one.
const ANCHORS = ['2015-7', '2011-f', '2015-pre-3', '2015-code-chapeau', '2015-10'];
const dropped = fs.readdirSync(path.join(dist, 'p')).find((a) =>
  /class="dd-facts">Dropped/.test(fs.readFileSync(path.join(dist, 'p', a, 'index.html'), 'utf8')));
if (dropped) ANCHORS.push(dropped);

const meta = (page, key) => page.evaluate((k) =>
  document.querySelector(`meta[property="${k}"], meta[name="${k}"]`)?.getAttribute('content') ?? null, key);
const link = (page, rel) => page.evaluate((r) => document.querySelector(`link[rel="${r}"]`)?.href ?? null, rel);

/** What a reader without JavaScript (or an unfurler) gets from one provision's page. */
async function staticPage(anchor) {
  const ctx = await open(browser, { javaScriptEnabled: false });
  const { page } = ctx;
  const response = await page.goto(`${server.origin}/p/${anchor}/`);
  assert.equal(response.status(), 200, `p/${anchor}/ exists`);
  const info = {
    title: await page.title(),
    description: await meta(page, 'description'),
    ogTitle: await meta(page, 'og:title'),
    ogDescription: await meta(page, 'og:description'),
    ogImage: await meta(page, 'og:image'),
    twitterCard: await meta(page, 'twitter:card'),
    twitterImage: await meta(page, 'twitter:image'),
    canonical: await link(page, 'canonical'),
    oembed: await link(page, 'alternate'),
    oembedType: await page.evaluate(() => document.querySelector('link[rel="alternate"]')?.type),
    provision: await page.locator('#draftdiff').getAttribute('data-provision'),
    articles: await page.locator('.dd-static article[id]').evaluateAll((els) => els.map((e) => e.id)),
    dels: (await page.locator(`.dd-static article del`).allTextContents()).join(' '),
    inss: (await page.locator(`.dd-static article ins`).allTextContents()).join(' '),
    labels: await page.locator('.dd-static .dd-label').allTextContents(),
    back: await page.evaluate(() => document.querySelector('.dd-back a')?.href),
    // The page's own stylesheet, found by a path relative to the page, is applied.
    styled: await page.evaluate(() => getComputedStyle(document.querySelector('.dd-static')).maxWidth !== 'none'),
    url: page.url(),
  };
  await ctx.context.close();
  return info;
}

test('every provision page shows its pair without JavaScript, named for it in every tag', async () => {
  const pages = {};
  for (const anchor of ANCHORS) {
    const p = await staticPage(anchor);
    pages[anchor] = p;
    assert.equal(p.provision, anchor, 'the root names the provision');
    assert.ok(p.articles.includes(anchor), `${anchor} is in the static text: ${p.articles}`);
    assert.ok(p.articles.length <= 2, 'one pair only');
    assert.ok(p.styled, 'draftdiff.css is found from p/<anchor>/');
    assert.equal(p.back, `${server.origin}/index.html#${anchor}`, 'links back to the full comparison there');
    assert.match(p.title, /: International code of conduct for information security$/);
    assert.ok(p.description.length > 40 && p.description.length < 300, p.description);
    assert.equal(p.ogTitle, p.title);
    assert.equal(p.ogDescription, p.description);
    assert.equal(p.twitterCard, 'summary_large_image');
    assert.equal(new URL(p.ogImage, p.url).href, `${server.origin}/p/${anchor}/preview.png`);
    assert.equal(new URL(p.twitterImage, p.url).href, `${server.origin}/p/${anchor}/preview.png`);
    assert.equal(p.oembedType, 'application/json+oembed');
    assert.equal(p.oembed, `${server.origin}/p/${anchor}/oembed.json`);
    assert.match(p.canonical, new RegExp(`^${server.origin}/p/\\d{4}-[a-z0-9-]+/$`));
  }
  // The changed pair (f) → (7), from either side.
  for (const a of ['2015-7', '2011-f']) {
    const p = pages[a];
    assert.deepEqual(p.articles, ['2011-f', '2015-7']);
    assert.equal(p.title, '2011 (f) → 2015 (7): International code of conduct for information security');
    assert.match(p.description, /^Changed from A\/66\/359 \(2011\) to A\/69\/723 \(2015\)/);
    assert.match(p.inss, /International Covenant on Civil and Political Rights/);
    assert.match(p.dels, /\S/);
    assert.equal(p.canonical, `${server.origin}/p/2015-7/`, 'one canonical page for the pair');
  }
  // The app's labels, not ids: "2015 Chapeau", "2015 Preamble ¶3".
  assert.ok(pages['2015-code-chapeau'].labels.includes('2015 Chapeau'), pages['2015-code-chapeau'].labels);
  assert.ok(pages['2015-pre-3'].labels.includes('2015 Preamble ¶3'), pages['2015-pre-3'].labels);
  assert.match(pages['2015-pre-3'].title, /Preamble ¶3/);
  // A new provision stands alone, all of it inserted.
  assert.deepEqual(pages['2015-10'].articles, ['2015-10']);
  assert.match(pages['2015-10'].description, /^New in A\/69\/723 \(2015\)/);
  assert.match(pages['2015-10'].inss, /confidence-building/);
  assert.equal(pages['2015-10'].dels, '');
  // Different pairs, different titles and descriptions.
  const pairs = ['2015-7', '2015-pre-3', '2015-code-chapeau', '2015-10'];
  assert.equal(new Set(pairs.map((a) => pages[a].title)).size, pairs.length);
  assert.equal(new Set(pairs.map((a) => pages[a].description)).size, pairs.length);
});

test('a provision page starts the app from its folder, and opens from file://', async () => {
  const ctx = await open(browser);
  await ctx.page.goto(`${server.origin}/p/2015-7/`);
  await ready(ctx.page);
  assert.equal(await ctx.page.locator('.dd-app [id="2015-7"]').count(), 1);
  await shot(ctx.page, 'pages-2015-7');
  await finish(ctx, server.origin);

  // From disk (no server; the wasm needs one, or the single file): the static text, styled.
  for (const f of ['p/2011-f/index.html', 'index.html']) {
    const file = await open(browser, { javaScriptEnabled: false });
    await file.page.goto(pathToFileURL(path.join(dist, f)).href);
    assert.equal(await file.page.locator('.dd-static [id="2011-f"]').count(), 1, f);
    assert.ok(await file.page.evaluate(() => getComputedStyle(document.querySelector('.dd-static')).maxWidth !== 'none'),
      `${f}: the stylesheet loads from file:// by its relative path`);
    await file.context.close();
  }
});

/** Width, height and a count of pixels near each colour, read back by the browser. */
async function card(page, url, colours) {
  return page.evaluate(async ({ url, colours }) => {
    const img = new Image();
    img.src = url;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
    const g = c.getContext('2d');
    g.drawImage(img, 0, 0);
    // Above the footer (whose legend shows both marks on every changed card).
    const { data } = g.getImageData(0, 0, c.width, c.height - 70);
    const counts = colours.map(() => 0);
    for (let i = 0; i < data.length; i += 4) {
      colours.forEach((rgb, k) => {
        if (Math.abs(data[i] - rgb[0]) + Math.abs(data[i + 1] - rgb[1]) + Math.abs(data[i + 2] - rgb[2]) < 6) counts[k]++;
      });
    }
    let hash = 0;
    for (let i = 0; i < data.length; i += 97) hash = (hash * 31 + data[i]) >>> 0;
    return { width: c.width, height: c.height, counts, hash };
  }, { url, colours });
}

test('each provision has its own 1200×630 card showing its change', async () => {
  const ctx = await open(browser);
  await ctx.page.goto(`${server.origin}/index.html`);
  const DEL_BG = [0xfb, 0xe0, 0xe0];
  const INS_BG = [0xd9, 0xf2, 0xdf];
  const cards = {};
  for (const a of ANCHORS) {
    cards[a] = await card(ctx.page, `${server.origin}/p/${a}/preview.png`, [DEL_BG, INS_BG]);
    assert.deepEqual([cards[a].width, cards[a].height], [1200, 630], a);
  }
  const [del7, ins7] = cards['2015-7'].counts;
  assert.ok(del7 > 1000 && ins7 > 1000, `(f) → (7) shows deletions and insertions: ${del7} ${ins7}`);
  const [del10, ins10] = cards['2015-10'].counts;
  assert.ok(ins10 > 1000 && del10 === 0, `the new (10) is all insertion: ${del10} ${ins10}`);
  const distinct = new Set(['2015-7', '2015-pre-3', '2015-code-chapeau', '2015-10'].map((a) => cards[a].hash));
  assert.equal(distinct.size, 4, 'different pairs, different cards');
  const main = await card(ctx.page, `${server.origin}/preview.png`, []);
  assert.deepEqual([main.width, main.height], [1200, 630]);
  await finish(ctx, server.origin);
});

/** Checks an oEmbed 1.0 response (https://oembed.com/, section 2.3.4) of type rich. */
function checkOembed(o, where) {
  const int = (v) => Number.isInteger(v) && v > 0;
  assert.equal(o.version, '1.0', where);
  assert.equal(o.type, 'rich', where);
  assert.equal(typeof o.html, 'string', where);
  assert.ok(int(o.width) && int(o.height), `${where}: width and height are positive integers`);
  for (const k of ['title', 'author_name', 'author_url', 'provider_name', 'provider_url', 'thumbnail_url']) {
    if (k in o) assert.equal(typeof o[k], 'string', `${where}: ${k}`);
  }
  assert.equal(o.provider_name, 'draftdiff');
  if ('cache_age' in o) assert.ok(int(o.cache_age), `${where}: cache_age`);
  const thumb = ['thumbnail_url', 'thumbnail_width', 'thumbnail_height'].filter((k) => k in o);
  assert.ok(thumb.length === 0 || thumb.length === 3, `${where}: the thumbnail fields go together`);
  if (thumb.length) assert.ok(int(o.thumbnail_width) && int(o.thumbnail_height));
}

test('oEmbed: each page links to a response whose html is the focused iframe', async () => {
  const ctx = await open(browser, { javaScriptEnabled: false });
  for (const [pagePath, anchor] of [['index.html', null], ...ANCHORS.map((a) => [`p/${a}/`, a])]) {
    await ctx.page.goto(`${server.origin}/${pagePath}`);
    const href = await link(ctx.page, 'alternate');
    assert.ok(href, `${pagePath} has an oEmbed discovery link`);
    const res = await fetch(href);
    assert.equal(res.status, 200, `${href} resolves`);
    const o = await res.json();
    checkOembed(o, pagePath);
    assert.equal(o.title, await ctx.page.title());
    // The html parses to one iframe (and the host script) naming the provision.
    const parsed = await ctx.page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const frames = [...doc.querySelectorAll('iframe')];
      return {
        frames: frames.length,
        src: frames[0]?.getAttribute('src'),
        id: frames[0]?.dataset.draftdiff,
        height: frames[0]?.style.height,
        host: doc.querySelector('script')?.getAttribute('src'),
      };
    }, o.html);
    assert.equal(parsed.frames, 1, pagePath);
    assert.match(parsed.host, /draftdiff-host\.js$/);
    assert.equal(parsed.height, `${o.height}px`, 'the height field is the iframe\'s');
    const src = new URL(parsed.src, `${server.origin}/`);
    // A provision's card is the card page; the main page's whole document is the full page in iframe mode.
    assert.equal(src.pathname, anchor ? '/embed.html' : '/index.html', pagePath);
    assert.equal(src.searchParams.get('embed'), anchor ? null : '1', pagePath);
    assert.equal(src.searchParams.get('id'), parsed.id);
    // The main page's card asks for the whole document (a snippet that names nothing would be a card of everything).
    assert.equal(src.hash, anchor ? `#${anchor}` : '#show=all', `${pagePath}: the iframe opens the provision`);
  }
  await ctx.context.close();
  // The iframe's page, opened as an embedder would, shows the provision.
  const frame = await open(browser);
  await frame.page.goto(`${server.origin}/embed.html?id=draftdiff-2015-10#2015-10`);
  await frame.page.waitForSelector('.dd-card .dd-row');
  assert.equal(await frame.page.locator('.dd-card-body [id="2015-10"]').count(), 1);
  await finish(frame, server.origin);
});

test('no built page keeps a Trunk link, and the main page has its preview tags and labels', async () => {
  const built = ['index.html', 'draftdiff.html', ...fs.readdirSync(path.join(dist, 'p')).map((a) => `p/${a}/index.html`)];
  assert.ok(built.length > 50, `${built.length} pages`);
  for (const f of built) {
    const html = fs.readFileSync(path.join(dist, f), 'utf8');
    assert.doesNotMatch(html, /<link[^>]*data-trunk/, f);
  }
  const ctx = await open(browser, { javaScriptEnabled: false });
  await ctx.page.goto(`${server.origin}/index.html`);
  assert.equal(new URL(await meta(ctx.page, 'og:image'), ctx.page.url()).href, `${server.origin}/preview.png`);
  assert.equal(await meta(ctx.page, 'twitter:card'), 'summary_large_image');
  assert.equal(await link(ctx.page, 'alternate'), `${server.origin}/oembed.json`);
  assert.equal(await ctx.page.locator('.dd-static [id="2015-code-chapeau"] .dd-label').textContent(), '2015 Chapeau');
  assert.equal(await ctx.page.locator('.dd-static [id="2011-pre-3"] .dd-label').textContent(), '2011 Preamble ¶3');
  await ctx.context.close();
});

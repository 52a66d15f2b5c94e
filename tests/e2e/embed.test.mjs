// Embeds inside a realistic blog page with hostile CSS: two auto-sizing iframes and two
// <draft-diff> elements, each with its own state, isolated both ways, on one origin only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, shot, finish } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const done = (session) => finish(session, server.origin);

async function blog() {
  const session = await open(browser, { viewport: { width: 900, height: 1000 } });
  await session.page.goto(`${server.origin}/fixtures/blog.html`);
  for (const id of ['el-a', 'el-b']) {
    await session.page.waitForFunction((id) => document.getElementById(id)?.shadowRoot?.querySelector('.dd-app'), id, { timeout: 20000 });
  }
  for (const id of ['frame-a', 'frame-b']) {
    const frame = session.page.frameLocator(`#${id}`);
    await frame.locator('.dd-app').waitFor({ timeout: 20000 });
  }
  return session;
}

test('each iframe renders its own state, compactly, with a link to the full page', async () => {
  const session = await blog();
  const { page } = session;
  const a = page.frameLocator('#frame-a');
  assert.equal(await a.locator('.dd-chip[data-theme="human-rights"]').getAttribute('aria-pressed'), 'true');
  assert.match(await a.locator('[id="2015-7"]').getAttribute('class'), /dd-focus/);
  const full = await a.locator('.dd-open-full').getAttribute('href');
  assert.match(full, /\/index\.html#2015-7&themes=human-rights(&show=all)?$/);
  const b = page.frameLocator('#frame-b');
  assert.equal(await b.locator('.dd-merged [id="2011-b"]').count(), 1);
  assert.equal(await b.locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await a.locator('.dd-skip').count(), 0, 'no skip link or <main> inside an embed');
  assert.equal(await a.locator('main').count(), 0);
  await done(session);
});

test('the host script sizes each iframe to its content (no inner scrollbar)', async () => {
  const session = await blog();
  const { page } = session;
  for (const id of ['frame-a', 'frame-b']) {
    await page.waitForFunction((id) => {
      const f = document.getElementById(id);
      const doc = f.contentDocument.documentElement;
      return Math.abs(f.getBoundingClientRect().height - 10 - doc.scrollHeight) <= 2; // 2 × 5px hostile border
    }, id, { timeout: 10000 });
    const inner = await page.evaluate((id) => {
      const f = document.getElementById(id);
      return { scroll: f.contentDocument.documentElement.scrollHeight, client: f.contentDocument.documentElement.clientHeight };
    }, id);
    assert.ok(inner.scroll <= inner.client + 1, `${id}: ${JSON.stringify(inner)}`);
  }
  await done(session);
});

test('elements render independently inside their Shadow DOM', async () => {
  const session = await blog();
  const { page } = session;
  const inside = (id, fn) => page.evaluate(([id, src]) => {
    const root = document.getElementById(id).shadowRoot;
    return new Function('root', src)(root);
  }, [id, fn]);
  assert.equal(await inside('el-a', "return root.querySelector('[id=\"2015-7\"]').classList.contains('dd-focus')"), true);
  assert.equal(await inside('el-a', "return root.querySelector('.dd-chip[data-theme=\"human-rights\"]').getAttribute('aria-pressed')"), 'true');
  assert.equal(await inside('el-b', "return !!root.querySelector('.dd-merged [id=\"2011-c\"]')"), true);
  assert.equal(await inside('el-b', "return root.querySelector('.dd-host').getAttribute('data-theme')"), 'dark');
  // Toggling a theme in one element leaves the other alone, and never touches the blog's URL.
  const url = page.url();
  await page.locator('#el-a .dd-chip[data-theme="sovereignty"]').click();
  assert.equal(await inside('el-a', "return root.querySelector('.dd-chip[data-theme=\"sovereignty\"]').getAttribute('aria-pressed')"), 'true');
  assert.equal(await inside('el-b', "return root.querySelector('.dd-chip[data-theme=\"sovereignty\"]').getAttribute('aria-pressed')"), 'false');
  assert.equal(page.url(), url);
  await done(session);
});

test('hostile blog CSS does not leak in, and widget CSS does not leak out', async () => {
  const session = await blog();
  const { page } = session;
  const styles = await page.evaluate(() => {
    const root = document.getElementById('el-a').shadowRoot;
    const text = root.querySelector('.dd-text');
    const ins = root.querySelector('ins') || root.querySelector('del');
    const mark = root.querySelector('mark');
    const cs = (el) => getComputedStyle(el);
    return {
      textFont: cs(text).fontSize, textDisplay: cs(text).display, insDisplay: cs(ins).display,
      markBg: mark && cs(mark).backgroundColor,
      blogIns: cs(document.getElementById('blog-ins')).display,
      blogMark: cs(document.getElementById('blog-mark')).backgroundColor,
      blogP: cs(document.getElementById('outro')).color,
      docSheets: [...document.styleSheets].map((s) => s.href || 'inline'),
    };
  });
  assert.equal(styles.textFont, '16px');
  assert.notEqual(styles.textDisplay, 'none');
  assert.notEqual(styles.insDisplay, 'none');
  assert.notEqual(styles.markBg, 'rgb(0, 0, 0)');
  assert.equal(styles.blogIns, 'none', 'the blog keeps its own ins rule');
  assert.equal(styles.blogMark, 'rgb(0, 0, 0)');
  assert.equal(styles.blogP, 'rgb(102, 51, 153)');
  assert.ok(!styles.docSheets.some((h) => h.includes('draftdiff.css')), 'widget CSS stays in the shadow roots');
  await shot(page, 'embed-blog', { fullPage: true });
  await done(session);
});

test('links inside an element navigate within it, fire an event, and follow attribute changes', async () => {
  const session = await blog();
  const { page } = session;
  const event = page.evaluate(() => new Promise((resolve) => {
    document.getElementById('el-b').addEventListener('draftdiff-navigate', (e) => resolve(e.detail), { once: true });
  }));
  await page.locator('#el-b .dd-seg', { hasText: 'Side by side' }).click();
  assert.match(await event, /2011-c/);
  await page.evaluate(() => document.getElementById('el-b').setAttribute('provision', '2015-10'));
  await page.waitForFunction(() => document.getElementById('el-b').shadowRoot.querySelector('[id="2015-10"].dd-focus'));
  // A bad attribute falls back with a warning that names it.
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.evaluate(() => document.getElementById('el-b').setAttribute('view', 'sideways'));
  await page.waitForFunction(() => document.getElementById('el-b').shadowRoot.querySelector('.dd-cells:not(.dd-one)'));
  assert.ok(warnings.some((w) => w.includes('view="sideways"')), warnings.join('\n'));
  await done(session);
});

test('the JS API mounts, updates and destroys a widget', async () => {
  const session = await open(browser);
  const { page } = session;
  await page.goto(`${server.origin}/fixtures/blog.html`);
  const result = await page.evaluate(async () => {
    const { ready, mount } = await import('../draftdiff-embed.js');
    await ready;
    const box = document.createElement('div');
    document.body.append(box);
    const handle = mount(box, { provision: '2015-8', view: 'new' });
    await new Promise((r) => setTimeout(r, 50));
    const before = !!box.querySelector('[id="2015-8"]') && !box.querySelector('[id="2011-g"]');
    handle.update({ provision: '2011-g', view: 'old' });
    await new Promise((r) => setTimeout(r, 50));
    const updated = !!box.querySelector('[id="2011-g"]');
    handle.destroy();
    await new Promise((r) => setTimeout(r, 50));
    return { before, updated, after: box.querySelector('.dd-app') === null };
  });
  assert.deepEqual(result, { before: true, updated: true, after: true });
  await done(session);
});

test('an embed opening on a provision does not scroll the host page or take its focus', async () => {
  const session = await blog();
  const { page } = session;
  const state = await page.evaluate(() => ({ y: window.scrollY, active: document.activeElement.tagName }));
  assert.equal(state.y, 0);
  assert.equal(state.active, 'BODY');
  await done(session);
});

test('a pasted link unfurls: Open Graph and Twitter tags point at a real preview image', async () => {
  const html = await (await fetch(`${server.origin}/index.html`)).text();
  const meta = (key) => (new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html) || [])[1];
  assert.match(meta('og:title'), /International code of conduct for information security: the 2011 and 2015 drafts compared/);
  assert.match(meta('og:description'), /A\/66\/359 \(2011\) and A\/69\/723 \(2015\).*\d+ changed · \d+ new/);
  assert.equal(meta('twitter:card'), 'summary_large_image');
  assert.equal(meta('og:image'), 'preview.png');
  const png = Buffer.from(await (await fetch(`${server.origin}/${meta('og:image')}`)).arrayBuffer());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
  assert.ok(png.length < 200 * 1024, `${png.length} bytes`);
  // Without JavaScript, readers get the static text of both drafts and a note saying so.
  assert.match(html, /<noscript><p class="?dd-noscript"?>/); // quoted or as the minifier leaves it
});

test('"Embed this view" gives working snippets for the current view, a copy button and a live preview', async () => {
  const session = await open(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  const { page, context } = session;
  await page.goto(`${server.origin}/index.html#2015-7&themes=human-rights&view=inline`);
  await page.waitForSelector('.dd-app .dd-toolbar');
  await page.locator('.dd-embed-button').click();
  const iframeCode = await page.locator('#dd-embed-iframe').inputValue();
  const elementCode = await page.locator('#dd-embed-element').inputValue();
  assert.match(iframeCode, /src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?id=draftdiff-1#2015-7&amp;themes=human-rights&amp;view=inline"/);
  assert.match(iframeCode, /<script src="http:\/\/127\.0\.0\.1:\d+\/draftdiff-host\.js" defer><\/script>/);
  assert.match(elementCode, /<draft-diff provision="2015-7" themes="human-rights" view="inline"><a href="http:\/\/127\.0\.0\.1:\d+\/index\.html#2015-7&amp;themes=human-rights&amp;view=inline">2015 \(7\) [^<]+<\/a><\/draft-diff>/);
  await page.frameLocator('.dd-preview').locator('[id="2015-7"].dd-merged').waitFor();
  await page.locator('.dd-snippet button').first().click();
  await page.waitForFunction(() => document.querySelector('.dd-toast').textContent.includes('Code copied'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), iframeCode);
  // Paste both snippets into a post (the blog already loads the two scripts) and they render that view.
  const post = await context.newPage();
  post.on('console', (m) => { if (m.type() === 'error') session.errors.push(`post: ${m.text()}`); });
  post.on('pageerror', (e) => session.errors.push(`post: ${e}`));
  await post.goto(`${server.origin}/fixtures/blog.html`);
  await post.evaluate(([a, b]) => {
    const box = document.createElement('div');
    box.innerHTML = a.replace(/<script[^>]*><\/script>/g, '') + b.replace(/<script[^>]*><\/script>/g, '');
    document.querySelector('article').append(box);
  }, [iframeCode, elementCode]);
  // The snippet's iframe is lazy (right for a post): it loads when the reader scrolls to it.
  await post.locator('iframe[data-draftdiff="draftdiff-1"]').scrollIntoViewIfNeeded();
  await post.frameLocator('iframe[data-draftdiff="draftdiff-1"]').locator('[id="2015-7"].dd-merged.dd-focus').waitFor();
  await post.waitForFunction(() => [...document.querySelectorAll('draft-diff')].pop().shadowRoot?.querySelector('[id="2015-7"].dd-merged.dd-focus'));
  await done(session);
});

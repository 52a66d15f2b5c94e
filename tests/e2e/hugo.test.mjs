// The Hugo shortcode (integrations/hugo, used as a theme component) on a real Hugo build with
// Hugo's DEFAULT Markdown settings (goldmark, unsafe = false). The built site is served on one
// origin, the widget on another; a reader opens the post in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, shot, dist, fixtures, root } from './harness.mjs';
import { requireTools, run } from '../../tools/integrations/services.mjs';
import { checkCard, elsewhere } from './fixtures/integrations/embed-checks.mjs';

let tmp, site, publicDir, widget, blog, browser;

/** Builds the fixture site with the widget at `base`; returns hugo's stdout+stderr or throws. */
function build(base, dir = site, dest = publicDir) {
  const extra = path.join(tmp, 'widget.toml');
  fs.writeFileSync(extra, `[params.draftdiff]\nbase = ${JSON.stringify(base)}\n`);
  return run('hugo', ['--source', dir, '--config', `${path.join(dir, 'config.toml')},${extra}`,
    '--destination', dest, '--baseURL', `${blog.origin}/`]);
}

const html = (p) => fs.readFileSync(path.join(publicDir, p, 'index.html'), 'utf8');

before(async () => {
  requireTools([['hugo', 'hugo']]);
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'no built widget in dist/: run trunk build --release');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdiff-hugo-'));
  site = path.join(tmp, 'site');
  publicDir = path.join(tmp, 'public');
  fs.cpSync(path.join(fixtures, 'integrations/hugo-site'), site, { recursive: true });
  // As the guide says: the integrations/hugo folder becomes the theme component themes/draftdiff.
  fs.cpSync(path.join(root, 'integrations/hugo'), path.join(site, 'themes/draftdiff'), { recursive: true });
  widget = await serve();
  blog = await serve({ mounts: { '/': publicDir } });
  build(`${widget.origin}/`);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await blog?.close();
  await widget?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('Hugo’s default Markdown drops the raw snippet, and the obvious shortcode breaks the link (why ours exists)', () => {
  const raw = html('posts/raw-html');
  assert.match(raw, /<!-- raw HTML omitted -->/);
  assert.doesNotMatch(raw, /<iframe|<script/);
  const naive = html('posts/naive');
  assert.match(naive, /#2015-7%26themes%3dhuman-rights/i, 'html/template escaped the state');
});

test('the shortcode embeds the focused, auto-sized card with its state intact', async () => {
  const session = await open(browser, { viewport: { width: 1000, height: 900 } });
  const { page, errors, requests } = session;
  await page.goto(`${blog.origin}/posts/embed/`);
  assert.equal(await page.locator('iframe.draftdiff').count(), 3);
  const a = await checkCard(page, 'iframe.draftdiff >> nth=0',
    { widget: widget.origin, state: '2015-7&themes=human-rights&view=inline', focus: '2015-7', theme: 'human-rights' });
  assert.equal(await a.frame.locator('.dd-seg[aria-pressed="true"]', { hasText: /inline/i }).count(), 1, 'inline view');
  const b = await checkCard(page, 'iframe.draftdiff >> nth=1',
    { widget: widget.origin, state: '2011-f&q=information%20space&notes=off', focus: '2011-f' });
  // show= (spaces after the comma are the author's): a card of just those pairs, the first one first.
  const c = await checkCard(page, 'iframe.draftdiff >> nth=2',
    { widget: widget.origin, state: 'view=inline&show=2015-7,2015-8', focus: '2015-7' });
  assert.equal(await c.frame.locator('.dd-card-pos').textContent(), '1 of 2');
  await c.frame.locator('.dd-card-next').click();
  await c.frame.waitForSelector('.dd-card-body [id="2015-8"]');
  assert.equal(new Set([a.id, b.id, c.id]).size, 3, 'one id per call');
  assert.equal(await page.locator(`script[src="${widget.origin}/draftdiff-host.js"]`).count(), 1, 'host script once per page');
  await page.locator('h1').evaluate((h) => h.scrollIntoView());
  await shot(page, 'hugo-post');
  assert.deepEqual(errors, [], 'no console errors');
  assert.deepEqual(elsewhere(requests, [blog.origin, widget.origin]), [], 'requests only to the blog and the widget');
  await context(session);
});

async function context({ context: ctx }) { await ctx.close(); }

test('a bad parameter stops the build with a message naming the page', () => {
  const bad = path.join(tmp, 'bad-site');
  fs.cpSync(site, bad, { recursive: true });
  fs.writeFileSync(path.join(bad, 'content/posts/embed.md'), '---\ntitle: bad\n---\n{{< draftdiff provision="2015-7&x=<b>" >}}\n');
  assert.throws(() => build(`${widget.origin}/`, bad, path.join(tmp, 'bad-public')), /draftdiff shortcode in posts\/embed\.md: provision "2015-7&x=<b>" is not an anchor/);
});

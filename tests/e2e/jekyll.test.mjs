// The Jekyll include (integrations/jekyll/_includes/draftdiff.html) on a real Jekyll build
// (Debian's jekyll 4.3, kramdown). The built site is served on one origin, the widget on another;
// a reader opens the post in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, shot, dist, fixtures, root } from './harness.mjs';
import { requireTools, run } from '../../tools/integrations/services.mjs';
import { checkCard, elsewhere } from './fixtures/integrations/embed-checks.mjs';

let tmp, publicDir, widget, blog, browser;

before(async () => {
  requireTools([['jekyll', 'jekyll']]);
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'no built widget in dist/: run trunk build --release');
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdiff-jekyll-'));
  const site = path.join(tmp, 'site');
  publicDir = path.join(tmp, 'public');
  fs.cpSync(path.join(fixtures, 'integrations/jekyll-site'), site, { recursive: true });
  // As the guide says: copy the include into the site's _includes/.
  fs.cpSync(path.join(root, 'integrations/jekyll/_includes'), path.join(site, '_includes'), { recursive: true });
  widget = await serve();
  blog = await serve({ mounts: { '/': publicDir } });
  const extra = path.join(tmp, 'widget.yml');
  fs.writeFileSync(extra, `draftdiff:\n  base: ${JSON.stringify(`${widget.origin}/`)}\n`);
  run('jekyll', ['build', '--quiet', '--safe', '--source', site, '--destination', publicDir,
    '--config', `${path.join(site, '_config.yml')},${extra}`], { cwd: tmp });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await blog?.close();
  await widget?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the include embeds focused, auto-sized cards with their state intact', async () => {
  const { page, errors, requests, context } = await open(browser, { viewport: { width: 1000, height: 900 } });
  await page.goto(`${blog.origin}/embed/`);
  assert.equal(await page.locator('iframe.draftdiff').count(), 4);
  const a = await checkCard(page, 'iframe.draftdiff >> nth=0',
    { widget: widget.origin, state: '2015-7&themes=human-rights&view=inline', focus: '2015-7', theme: 'human-rights' });
  const b = await checkCard(page, 'iframe.draftdiff >> nth=1',
    { widget: widget.origin, state: '2011-f&q=information%20space&notes=off', focus: '2011-f' });
  const c = await checkCard(page, 'iframe.draftdiff >> nth=3',
    { widget: widget.origin, state: 'view=inline&show=2015-7,2015-8', focus: '2015-7' });
  assert.equal(await c.frame.locator('.dd-card-body [id="2015-8"]').count(), 1, 'the card holds 2015-8 too');
  assert.equal(await c.frame.locator('.dd-card-body .dd-row').count(), 2, 'and nothing else');
  assert.equal(new Set([a.id, b.id, c.id]).size, 3, 'one id per call');
  assert.equal(await page.locator(`script[src="${widget.origin}/draftdiff-host.js"]`).count(), 1, 'host script once per page');
  await page.locator('h1').evaluate((h) => h.scrollIntoView());
  await shot(page, 'jekyll-post');
  assert.deepEqual(errors, [], 'no console errors');
  assert.deepEqual(elsewhere(requests, [blog.origin, widget.origin]), [], 'requests only to the blog and the widget');
  await context.close();
});

test('an invalid provision is left out of the link, not passed on', () => {
  const out = fs.readFileSync(path.join(publicDir, 'embed/index.html'), 'utf8');
  const third = [...out.matchAll(/<iframe[^>]*>/g)][2][0];
  assert.doesNotMatch(third, /#|<b>|x=/, third);
  // With nothing named it is the whole document: the full page in iframe mode, not the card page.
  assert.match(third, /\/index\.html\?embed=1&(amp;)?id=/, third);
  assert.match(out, /<!-- draftdiff: left out invalid provision -->/);
});

// The WordPress plugin (integrations/wordpress/draftdiff) on a real WordPress: Debian's 6.1 with
// its default theme, MariaDB and `php -S` on 127.0.0.1, the widget served from another origin.
// Posts are saved AS AN AUTHOR through wp_insert_post, so WordPress's KSES filters them exactly as
// it does for a real Author; then a reader opens them in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, open, shot, dist, fixtures, root } from './harness.mjs';
import { requireTools, startMariaDB, startWordPress, run } from '../../tools/integrations/services.mjs';
import { checkCard, elsewhere } from './fixtures/integrations/embed-checks.mjs';

const fx = path.join(fixtures, 'integrations/wordpress');
const STATE = '2015-7&themes=human-rights&view=inline';
let tmp, widget, db, wp, browser, admin, saved, base;

// What the Author saves. `raw` is the README's iframe snippet and element snippet, pasted as is.
const posts = (base) => ({
  shortcode: 'Paragraph (7) changed a lot:\n\n[draftdiff provision="2015-7" themes="human-rights" view="inline"]\n\nThat is all.',
  link: `The pasted link of the full view:\n\n${base}index.html#${STATE}\n\nThat is all.`,
  page: `The provision's own page, pasted:\n\n${base}p/2015-7/\n\nThat is all.`,
  block: `<!-- wp:paragraph -->\n<p>An Embed block:</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:embed {"url":"${base}p/2011-f/"} -->\n<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n${base}p/2011-f/\n</div></figure>\n<!-- /wp:embed -->`,
  two: `[draftdiff provision="2011-f" q="information space" notes="off"]\n\n${base}p/2015-7/`,
  hostile: `[draftdiff provision="2015-7 onload=alert(1)" themes="human-rights, BAD!, sovereignty" view="sideways" q='say "hi" & bye' height="99999" title='A "quoted" <title>']`,
  show: '[draftdiff show="2015-7, 2015-8, BAD!" view="inline"]\n\n[draftdiff show="all" notes="off"]',
  plain: `A link to the whole comparison stays a link:\n\n${base}index.html\n\nThat is all.`,
  raw: `<iframe data-draftdiff="draftdiff-1" src="${base}index.html?embed=1&id=draftdiff-1#2015-7&themes=human-rights" title="Comparison" style="width:100%;height:640px;border:0" loading="lazy"></iframe>\n<script src="${base}draftdiff-host.js" defer></script>\n<script type="module" src="${base}draftdiff-embed.js"></script>\n<draft-diff provision="2015-7" themes="human-rights"></draft-diff>`,
});

const httpLog = () => {
  const file = path.join(tmp, 'wp-content/http-requests.log');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
};

before(async () => {
  requireTools([
    ['php', 'php-cli'], ['mariadb-install-db', 'mariadb-server'], ['/usr/sbin/mariadbd', 'mariadb-server'],
    ['/usr/share/wordpress/wp-load.php', 'wordpress'],
    ['/usr/share/wordpress/wp-content/themes/twentytwentythree/style.css', 'wordpress-theme-twentytwentythree'],
  ]);
  assert.match(run('php', ['-m']), /^mysqli$/m, 'PHP lacks mysqli: apt-get install php-mysql (./tools/setup does)');
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'no built widget in dist/: run trunk build --release');
  const started = Date.now();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdiff-wp-'));
  widget = await serve();
  base = `${widget.origin}/`;
  db = await startMariaDB(tmp);
  wp = await startWordPress({
    dir: tmp, socket: db.socket,
    plugins: { draftdiff: path.join(root, 'integrations/wordpress/draftdiff') },
    muPlugins: { 'http-log.php': path.join(fx, 'http-log.php') },
  });
  admin = JSON.parse(wp.php(path.join(fx, 'install.php')));
  fs.rmSync(path.join(tmp, 'wp-content/http-requests.log'), { force: true }); // the installer's loopback checks
  const configured = JSON.parse(wp.php(path.join(fx, 'configure.php'), [`${widget.origin}/index.html`]));
  assert.equal(configured.base, base, 'the settings sanitiser keeps the folder');
  assert.equal(configured.active, true);
  saved = JSON.parse(wp.php(path.join(fx, 'author-posts.php'), [],
    { input: JSON.stringify(posts(base)), env: { DRAFTDIFF_PROXY_URL: `${base}p/2015-7/` } }));
  browser = await launch();
  console.log(`WordPress installed, configured and posts saved in ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

after(async () => {
  await browser?.close();
  await wp?.stop();
  await db?.stop();
  await widget?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Opens a saved post as a reader; returns the harness session. */
async function read(slug) {
  const session = await open(browser, { viewport: { width: 1100, height: 900 } });
  await session.page.goto(saved.posts[slug].url);
  return session;
}

/** Ends a post's test: no console errors (page and frames), nothing fetched but from WordPress and the widget. */
async function done({ context, errors, requests }) {
  assert.deepEqual(errors, [], 'no console errors');
  assert.deepEqual(elsewhere(requests, [wp.origin, widget.origin]), [], 'requests only to WordPress and the widget');
  await context.close();
}

test('WordPress strips the raw snippets from an Author’s post (why the plugin exists)', async () => {
  assert.deepEqual(saved.role, ['author']);
  assert.equal(saved.unfiltered_html, false);
  const stored = saved.posts.raw.stored;
  assert.doesNotMatch(stored, /<iframe|<script|<draft-diff/i, `KSES kept: ${stored}`);
  const session = await read('raw');
  assert.equal(await session.page.locator('iframe, draft-diff').count(), 0);
  await done(session);
});

test('the shortcode saved by an Author shows the focused, auto-sized card', async () => {
  assert.equal(saved.posts.shortcode.stored, posts(base).shortcode, 'the shortcode is stored as written');
  const session = await read('shortcode');
  const { page } = session;
  assert.equal(await page.locator('iframe').count(), 1);
  await checkCard(page, 'iframe.draftdiff', { widget: widget.origin, state: STATE, focus: '2015-7', theme: 'human-rights' });
  // The card sits in the theme's text column, like the paragraph before it.
  const box = (sel) => page.locator(sel).first().evaluate((e) => { const r = e.getBoundingClientRect(); return [r.left, r.width]; });
  const [[pl, pw], [fl, fw]] = [await box('.entry-content > p'), await box('iframe.draftdiff')];
  assert.ok(Math.abs(pl - fl) <= 1 && Math.abs(pw - fw) <= 1, `card at ${fl}+${fw}px, text column at ${pl}+${pw}px`);
  assert.equal(await page.locator(`script[src="${base}draftdiff-host.js"]`).count(), 1, 'host script once');
  assert.equal(await page.locator(`script[src="${base}draftdiff-host.js"]`).getAttribute('defer'), '');
  await page.locator('h1').first().evaluate((h) => h.scrollIntoView());
  await shot(page, 'wordpress-shortcode');
  await done(session);
});

test('a full-view link pasted on its own line embeds with its whole state', async () => {
  assert.match(saved.posts.link.stored, /#2015-7&amp;themes=/, 'KSES stored the link’s & as &amp;');
  const session = await read('link');
  await checkCard(session.page, 'iframe.draftdiff', { widget: widget.origin, state: STATE, focus: '2015-7', theme: 'human-rights' });
  await done(session);
});

test('a provision page link and an Embed block embed the provision', async () => {
  for (const [slug, focus] of [['page', '2015-7'], ['block', '2011-f']]) {
    const session = await read(slug);
    await checkCard(session.page, 'iframe.draftdiff', { widget: widget.origin, state: focus, focus });
    if (slug === 'block') {
      assert.equal(await session.page.locator('.wp-block-embed__wrapper iframe.draftdiff').count(), 1);
      await shot(session.page, 'wordpress-embed-block', { fullPage: true });
    }
    await done(session);
  }
});

test('two cards in one post: distinct ids, each sized, one host script', async () => {
  const session = await read('two');
  const { page } = session;
  assert.equal(await page.locator('iframe.draftdiff').count(), 2);
  const a = await checkCard(page, 'iframe.draftdiff >> nth=0',
    { widget: widget.origin, state: '2011-f&q=information%20space&notes=off', focus: '2011-f' });
  const b = await checkCard(page, 'iframe.draftdiff >> nth=1', { widget: widget.origin, state: '2015-7', focus: '2015-7' });
  assert.notEqual(a.id, b.id);
  assert.equal(await page.locator('script[src$="draftdiff-host.js"]').count(), 1);
  await done(session);
});

test('shortcode attributes are whitelisted and escaped', async () => {
  const session = await read('hostile');
  const { page } = session;
  const iframe = page.locator('iframe.draftdiff');
  assert.equal(await iframe.count(), 1);
  const id = await iframe.getAttribute('data-draftdiff');
  assert.equal(await iframe.evaluate((f) => f.src),
    `${widget.origin}/embed.html?id=${id}#themes=human-rights,sovereignty&q=say%20%22hi%22%20%26%20bye`);
  assert.equal(await iframe.getAttribute('onload'), null);
  assert.equal(await iframe.getAttribute('style'), 'width:100%;height:4000px;border:0');
  assert.match(await iframe.getAttribute('title'), /^A "quoted"/, 'the title stays text');
  assert.equal(await page.locator('body title').count(), 0, 'no element injected through an attribute');
  await done(session);
});

test('show= makes a card of just those provisions, or of the whole document', async () => {
  const session = await read('show');
  const { page } = session;
  // An invalid anchor is dropped; the others keep their order.
  const c = await checkCard(page, 'iframe.draftdiff >> nth=0', { widget: widget.origin, state: 'view=inline&show=2015-7,2015-8', focus: '2015-7' });
  assert.equal(await c.frame.locator('.dd-card-body [id="2015-8"]').count(), 1, 'the card holds 2015-8 too');
  assert.equal(await c.frame.locator('.dd-card-body .dd-row').count(), 2, 'and nothing else');
  // show=all: the whole comparison, not a card.
  const iframe = page.locator('iframe.draftdiff >> nth=1');
  const id = await iframe.getAttribute('data-draftdiff');
  assert.equal(await iframe.evaluate((f) => f.src), `${widget.origin}/index.html?embed=1&id=${id}#notes=off&show=all`);
  await iframe.scrollIntoViewIfNeeded();
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.waitForSelector('.dd-app .dd-part', { timeout: 20000 });
  assert.equal(await frame.locator('.dd-card').count(), 0, 'no card');
  assert.ok(await frame.locator('.dd-row:not([hidden])').count() > 20, 'every pair');
  await done(session);
});

test('a link that names no provision stays a link', async () => {
  const session = await read('plain');
  assert.equal(await session.page.locator('iframe').count(), 0);
  assert.equal(await session.page.getByText(`${base}index.html`).count(), 1);
  await done(session);
});

test('the block editor’s embed preview gets the card from the plugin, for an Author, with no request', async () => {
  assert.equal(saved.proxy.status, 200, JSON.stringify(saved.proxy));
  assert.equal(saved.proxy.data.provider_name, 'draftdiff');
  assert.match(saved.proxy.data.html, /^<div class="draftdiff-embed"><iframe class="draftdiff" data-draftdiff="draftdiff-wp-\d+" src="[^"]+#2015-7"/);
  assert.deepEqual(saved.proxy.data.scripts, [`${base}draftdiff-host.js`]);
  // Only the provision-less link may have been tried by WordPress's own oEmbed discovery.
  assert.deepEqual(httpLog().filter((u) => u !== `${base}index.html`), [], 'WordPress fetched nothing to embed provisions');
});

test('Settings → draftdiff shows and saves the widget address (sanitised)', async () => {
  const session = await open(browser);
  const { page } = session;
  const settings = `${wp.origin}/wp-admin/options-general.php?page=draftdiff`;
  await page.goto(`${wp.origin}/wp-login.php?redirect_to=${encodeURIComponent(settings)}`);
  await page.fill('#user_login', 'admin');
  await page.fill('#user_pass', admin.password);
  await Promise.all([page.waitForURL(settings), page.click('#wp-submit')]);
  const field = page.locator('#draftdiff_base');
  assert.equal(await field.inputValue(), base);
  await field.fill(`  ${widget.origin}/index.html#2015-7  `);
  await Promise.all([page.waitForNavigation(), page.click('#submit')]);
  assert.equal(await page.locator('#draftdiff_base').inputValue(), base);
  await shot(page, 'wordpress-settings');
  await done(session);
});

test('the plugin logged no PHP warning or notice', () => {
  const log = path.join(tmp, 'wp-debug.log');
  const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
  assert.doesNotMatch(lines, /draftdiff/, lines);
});

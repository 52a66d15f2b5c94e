// docs/hosting.md made real: Debian's nginx runs the sample server block of docs/hosting/nginx.conf
// (only `listen` and `root` changed: 127.0.0.1 and a folder whose draftdiff/ is dist/), and a blog on
// another origin embeds the element from it. The headers asked for (types, CORS on the loader, both entries
// and their wasm, compression, revalidation, no frame blocking) are checked on the wire, and the
// Netlify / Cloudflare Pages sample (docs/hosting/_headers) must state the same ones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve, launch, open, root, dist, fixtures, shot } from './harness.mjs';

const NGINX = process.env.NGINX || '/usr/sbin/nginx';
const samples = path.join(root, 'docs', 'hosting');
const PREFIX = '/draftdiff/';
const MODULES = ['draftdiff-embed.js', 'draftdiff.js', 'draftdiff_bg.wasm', 'draftdiff-card.js', 'draftdiff-card_bg.wasm'];
const FILES = ['index.html', 'embed.html', ...MODULES, 'draftdiff.css', 'draftdiff-host.js', 'favicon.svg'];
const TYPES = { html: /^text\/html; charset=utf-8$/, js: /^text\/javascript(; charset=utf-8)?$/, css: /^text\/css(; charset=utf-8)?$/, wasm: /^application\/wasm$/, svg: /^image\/svg\+xml(; charset=utf-8)?$/ };
// The headers both samples are about (compared between them).
const COMPARED = ['access-control-allow-origin', 'cache-control', 'x-content-type-options', 'content-type'];

let nginx, work, origin, blog, browser, posts;

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** GET `file` from the nginx under test; resolves to { status, headers, body (raw bytes) }. */
function get(file, headers = {}) {
  return new Promise((resolve, reject) => {
    http.get(`${origin}${PREFIX}${file}`, { headers: { origin: 'http://127.0.0.1:1', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

before(async () => {
  assert.ok(fs.existsSync(NGINX), `${NGINX} is missing: run tools/setup (tools/setup.d/40-nginx.sh)`);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdiff-nginx-'));
  fs.mkdirSync(path.join(work, 'www'));
  fs.symlinkSync(dist, path.join(work, 'www', 'draftdiff'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  // The sample server block, verbatim but for where it listens, its root, TLS, and the include's path.
  const server = fs.readFileSync(path.join(samples, 'nginx.conf'), 'utf8')
    .replace(/^ *listen .*;\n/gm, '')
    .replace(/^ *ssl_certificate.*;\n/gm, '')
    .replace(/^ *server_name [^;\n]+;/m, `    listen 127.0.0.1:${port};\n    server_name localhost;`)
    .replace(/^ *root [^;\n]+;/m, `    root ${path.join(work, 'www')};`)
    .replace(/^ *include \S*draftdiff\.nginx\.conf;/m, `    include ${path.join(samples, 'draftdiff.nginx.conf')};`);
  assert.match(server, new RegExp(`include ${samples}/draftdiff\\.nginx\\.conf;`), 'the sample includes the directives');
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  fs.writeFileSync(path.join(work, 'nginx.conf'), `${user}worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${work}/body; proxy_temp_path ${work}/proxy; fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi; scgi_temp_path ${work}/scgi;
  sendfile on;
  ${server}
}
`);
  nginx = spawn(NGINX, ['-p', work, '-e', `${work}/error.log`, '-c', `${work}/nginx.conf`, '-g', 'daemon off;'], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; ; i++) {
    try { await get('index.html'); break; } catch (e) {
      if (i > 100 || nginx.exitCode !== null) throw new Error(`nginx did not start: ${fs.existsSync(`${work}/error.log`) ? fs.readFileSync(`${work}/error.log`, 'utf8') : e}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  posts = path.join(work, 'posts');
  fs.mkdirSync(posts);
  blog = await serve({ mounts: { '/posts/': posts } });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await blog?.close();
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx.once('exit', r));
    nginx.kill('SIGTERM');
    await exited;
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('nginx sends the right types, CORS on the loader and both entries, revalidation and no frame blocking', async () => {
  for (const file of FILES) {
    const r = await get(file);
    assert.equal(r.status, 200, file);
    assert.match(r.headers['content-type'], TYPES[file.split('.').pop()], file);
    assert.equal(r.headers['access-control-allow-origin'], MODULES.includes(file) ? '*' : undefined, `${file}: CORS`);
    assert.equal(r.headers['cache-control'], 'no-cache', file);
    assert.equal(r.headers['x-content-type-options'], 'nosniff', file);
    assert.equal(r.headers['x-frame-options'], undefined, file);
    assert.doesNotMatch(r.headers['content-security-policy'] || '', /frame-ancestors/, file);
    assert.deepEqual(r.body, fs.readFileSync(path.join(dist, file)), `${file}: served whole`);
    // Stable names are revalidated: the ETag gives a 304 without the body.
    assert.ok(r.headers.etag, `${file}: ETag`);
    const again = await get(file, { 'if-none-match': r.headers.etag });
    assert.equal(again.status, 304, `${file}: revalidation`);
    assert.equal(again.body.length, 0);
  }
});

test('nginx compresses the wasm and the scripts for browsers that ask, and says it varies', async () => {
  for (const file of ['draftdiff_bg.wasm', 'draftdiff.js', 'draftdiff-card_bg.wasm', 'draftdiff-card.js', 'draftdiff-embed.js', 'draftdiff.css', 'index.html']) {
    const original = fs.readFileSync(path.join(dist, file));
    const zipped = await get(file, { 'accept-encoding': 'gzip' });
    assert.equal(zipped.headers['content-encoding'], 'gzip', file);
    assert.match(zipped.headers.vary || '', /Accept-Encoding/i, file);
    assert.deepEqual(zlib.gunzipSync(zipped.body), original, `${file}: gunzips to the file`);
    assert.ok(zipped.body.length < original.length * 0.6, `${file}: ${zipped.body.length} of ${original.length} bytes`);
    const plain = await get(file);
    assert.equal(plain.headers['content-encoding'], undefined, `${file}: identity when not asked`);
  }
});

/** docs/hosting/_headers as rules: [{ pattern, headers: { lower-case name: value } }]. */
function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) { rules.push({ pattern: line.trim(), headers: {} }); continue; }
    const m = line.trim().match(/^([A-Za-z0-9-]+):\s*(.+)$/);
    assert.ok(m && rules.length, `_headers: cannot read ${JSON.stringify(line)}`);
    const rule = rules[rules.length - 1];
    const name = m[1].toLowerCase();
    assert.equal(rule.headers[name], undefined, `_headers: ${name} twice in ${rule.pattern}`);
    rule.headers[name] = m[2];
  }
  return rules;
}

/** The headers `_headers` gives `url` (both hosts apply every matching rule; a splat matches anything). */
function headersFor(rules, url) {
  const out = {};
  for (const { pattern, headers } of rules) {
    const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    if (!re.test(url)) continue;
    for (const [name, value] of Object.entries(headers)) {
      assert.equal(out[name], undefined, `_headers: two rules set ${name} on ${url} (the host would join them)`);
      out[name] = value;
    }
  }
  return out;
}

test('the Netlify / Cloudflare Pages _headers states the same headers as the nginx sample', async () => {
  const rules = parseHeaders(fs.readFileSync(path.join(samples, '_headers'), 'utf8'));
  assert.ok(rules.length >= 2);
  for (const file of FILES) {
    const stated = headersFor(rules, `${PREFIX}${file}`);
    const sent = (await get(file)).headers;
    for (const name of COMPARED) {
      // Both hosts set a type for every file themselves; _headers states it where browsers insist.
      if (name === 'content-type' && !(name in stated)) continue;
      assert.equal(stated[name], sent[name], `${file}: ${name} (_headers vs nginx)`);
    }
  }
});

test('a blog on another origin renders the element served by this nginx', async () => {
  const template = fs.readFileSync(path.join(fixtures, 'crossorigin', 'post.html'), 'utf8');
  const base = `${origin}${PREFIX}`;
  fs.writeFileSync(path.join(posts, 'nginx.html'), template.replace(/<!-- SNIPPET:[^>]*-->/,
    `<script type="module" src="${base}draftdiff-embed.js"></script>\n<draft-diff provision="2015-7" themes="human-rights"><a href="${base}index.html#2015-7&amp;themes=human-rights">2015 (7)</a></draft-diff>`));
  const s = await open(browser, { viewport: { width: 1100, height: 900 } });
  const encodings = {};
  s.page.on('response', (r) => { encodings[r.url().split('/').pop()] = r.headers()['content-encoding']; });
  await s.page.goto(`${blog.origin}/posts/nginx.html`);
  await s.page.waitForFunction(() => document.querySelector('draft-diff')?.shadowRoot?.querySelector('[id="2015-7"].dd-focus'), null, { timeout: 20000 });
  const got = await s.page.evaluate(() => {
    const el = document.querySelector('draft-diff');
    return { display: getComputedStyle(el).display, height: el.getBoundingClientRect().height };
  });
  assert.equal(got.display, 'block');
  assert.ok(got.height > 300, JSON.stringify(got));
  // Chromium asks for compression itself; the loader, the card entry's module and its wasm came
  // gzipped (a card loads the lean entry, never the full widget).
  for (const file of ['draftdiff-embed.js', 'draftdiff-card.js', 'draftdiff-card_bg.wasm']) assert.equal(encodings[file], 'gzip', `${file}: ${JSON.stringify(encodings)}`);
  assert.equal('draftdiff_bg.wasm' in encodings, false, 'the full widget was not fetched');
  await shot(s.page, 'hosting-nginx-element');
  assert.deepEqual(s.errors, [], 'no console errors');
  const elsewhere = s.requests.filter((u) => !u.startsWith(`${blog.origin}/`) && !u.startsWith(`${origin}/`));
  assert.deepEqual(elsewhere, []);
  await s.context.close();
});

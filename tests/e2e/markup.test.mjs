// Valid HTML, checked by the Nu Html Checker (npm vnu-jar, the W3C validator's engine): the
// built pages in dist/ as shipped, and the live DOM the app renders in several states (the
// markup readers' browsers and screen readers actually get). Zero errors; warnings are listed
// in the test output but do not fail. One JVM run checks every document (it accepts many files).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, open, ready, finish, dist, out, root } from './harness.mjs';

const VNU = path.join(root, 'node_modules/vnu-jar/build/dist/vnu.jar');
const dir = path.join(out, 'markup');

/** The `<draft-diff>` elements of tests/e2e/fixtures/blog.html whose shadow roots are checked. */
const SHADOWS = ['el-a', 'el-b'];
const shadowName = (id) => `shadow root of <draft-diff id="${id}"> in the post`;

/** The app's live DOM in these states: [name, url, what to do once mounted]. */
const STATES = [
  ['default', '/index.html'],
  ['inline view', '/index.html#view=inline'],
  ['every part open, notes, filtered', '/index.html#themes=human-rights,sovereignty&open=letter,preamble,purpose,code'],
  ['Embed-this-view dialog open', '/index.html#2015-7&themes=human-rights', async (p) => {
    await p.locator('.dd-embed-button').click();
    await p.locator('.dd-dialog').waitFor();
  }],
  ['shortcuts panel open', '/index.html', async (p) => {
    await p.locator('.dd-keys-button').click();
    await p.locator('.dd-shortcuts').waitFor();
  }],
  ['search active', '/index.html#q=information', (p) => p.locator('mark.dd-hit:visible').first().waitFor()],
  ['Share menu open', '/index.html#2015-7', async (p) => {
    await p.locator('.dd-app [id="2015-7"] .dd-share summary').click();
    await p.locator('.dd-app [id="2015-7"] .dd-share-menu button').first().waitFor();
  }],
  ['embed card (iframe)', '/index.html?embed=1#2015-7', (p) => p.locator('.dd-card').waitFor()],
  ['embed card (iframe, card page)', '/embed.html?id=x#2015-7&themes=human-rights', (p) => p.locator('.dd-card').waitFor()],
  ['embed (iframe), dark, filtered', '/index.html?embed=1&id=x&theme=dark#2015-7&themes=human-rights&view=inline'],
  // <draft-diff> elements in a blog post: the post owns the page's one h1, and each widget's
  // shadow root (an id scope of its own, so checked as a document of its own: SHADOWS) adds none.
  ['element embeds in a post', '/fixtures/blog.html', async (p) => {
    await p.waitForFunction((ids) => ids.every((id) => document.getElementById(id)?.shadowRoot?.querySelector('.dd-app .dd-row')), SHADOWS, { timeout: 20000 });
    return p.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, document.getElementById(id).shadowRoot.innerHTML])), SHADOWS);
  }, { mounted: () => {} }],
];

/** The built pages: both of dist/ and up to three per-provision pages if the build makes them. */
function builtPages() {
  const pages = [['dist/index.html', path.join(dist, 'index.html')], ['dist/embed.html', path.join(dist, 'embed.html')], ['dist/draftdiff.html', path.join(dist, 'draftdiff.html')]];
  const per = path.join(dist, 'p');
  if (fs.existsSync(per)) {
    const ids = fs.readdirSync(per).filter((d) => fs.existsSync(path.join(per, d, 'index.html'))).sort().slice(0, 3);
    for (const id of ids) pages.push([`dist/p/${id}/index.html`, path.join(per, id, 'index.html')]);
  }
  return pages;
}

const slug = (name) => name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();

let server, browser;
/** name → { file, messages: [...], consoleFailure } */
const docs = new Map();
let seconds = 0;
let checkerFailure = null;

before(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  server = await serve();
  browser = await launch();
  // A built page is a document of its own: its static text has the page's one h1 too.
  for (const [name, file] of builtPages()) docs.set(name, { file, messages: [], h1: (fs.readFileSync(file, 'utf8').match(/<h1[\s>]/g) || []).length });
  for (const [name, url, act, { mounted = ready } = {}] of STATES) {
    const session = await open(browser);
    const entry = { file: path.join(dir, `${slug(name)}.html`), messages: [], consoleFailure: null };
    docs.set(`live DOM: ${name}`, entry);
    try {
      await session.page.goto(`${server.origin}${url}`);
      await mounted(session.page);
      const shadows = act ? await act(session.page) : undefined;
      for (const [id, inner] of Object.entries(shadows ?? {})) {
        const file = path.join(dir, `${slug(name)}-${id}.html`);
        fs.writeFileSync(file, `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>${id}</title></head><body>${inner}</body></html>\n`);
        docs.set(`live DOM: ${shadowName(id)}`, { file, messages: [], h1: (inner.match(/<h1[\s>]/g) || []).length, h1Wanted: 0 });
      }
      const html = await session.page.evaluate(() => {
        const dt = document.doctype;
        return `${dt ? `<!DOCTYPE ${dt.name}>` : ''}\n${document.documentElement.outerHTML}\n`;
      });
      fs.writeFileSync(entry.file, html);
      entry.h1 = await session.page.evaluate(() => document.querySelectorAll('h1').length);
    } catch (e) {
      entry.consoleFailure = e;
    }
    await finish(session, server.origin).catch((e) => { entry.consoleFailure ??= e; });
  }
  // A canary: the default state with two errors the checker must find (a prohibited aria-label
  // on a span, a duplicate id). If it passes, the checker or the parsing below is broken.
  const canary = path.join(dir, '_canary.html');
  const base = fs.readFileSync(docs.get('live DOM: default').file, 'utf8');
  fs.writeFileSync(canary, base.replace(/<body[^>]*>/, '$&<span aria-label="x">1</span><p id="dd-canary">a</p><p id="dd-canary">b</p>'));
  docs.set('canary', { file: canary, messages: [] });

  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (java.error) { checkerFailure = new Error('java is missing: tools/setup installs it (tools/setup.d/10-java.sh)'); return; }
  const files = [...docs.values()].map((d) => d.file).filter((f) => fs.existsSync(f));
  const t0 = performance.now();
  const run = spawnSync('java', ['-Xss2m', '-jar', VNU, '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 << 20 });
  seconds = (performance.now() - t0) / 1000;
  let report;
  try { report = JSON.parse(run.stderr); } catch { checkerFailure = new Error(`vnu output is not JSON (exit ${run.status}):\n${run.stderr.slice(0, 2000)}`); return; }
  const byUrl = new Map([...docs.values()].map((d) => [pathToFileURL(d.file).href.replace(/^file:\/\/\//, 'file:/'), d]));
  for (const m of report.messages) {
    const d = byUrl.get(m.url) ?? byUrl.get((m.url || '').replace(/^file:\/\/\//, 'file:/'));
    if (d) d.messages.push(m);
    else if (m.type !== 'info') checkerFailure ??= new Error(`vnu message for an unknown document: ${JSON.stringify(m)}`);
  }
});

after(async () => { await browser?.close(); await server?.close(); });

/** One line per message: "line 12: message (extract)". */
const lines = (ms) => ms.map((m) => `    line ${m.lastLine ?? '?'}: ${m.message}${m.extract ? `\n      ${m.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}` : ''}`).join('\n');

function check(name, t) {
  if (checkerFailure) throw checkerFailure;
  const d = docs.get(name);
  if (d.consoleFailure) throw d.consoleFailure;
  assert.ok(fs.existsSync(d.file), `${d.file} exists`);
  const errors = d.messages.filter((m) => m.type === 'error' || m.type === 'non-document-error');
  const warnings = d.messages.filter((m) => !errors.includes(m));
  // Warnings, grouped by message ("Article lacks heading" comes once per provision): listed, never failing.
  const groups = new Map();
  for (const w of warnings) {
    const g = groups.get(w.message) ?? { n: 0, line: w.lastLine };
    g.n++;
    groups.set(w.message, g);
  }
  for (const [message, g] of groups) t.diagnostic(`${name}: warning ×${g.n} (first at line ${g.line}): ${message}`);
  assert.equal(errors.length, 0, `${name}: the Nu Html Checker reports ${errors.length} error(s):\n${lines(errors)}`);
  // The checker only warns about headings; a document of its own (page or iframe) has exactly one h1.
  // A widget inside a host's page (a shadow root) leaves the h1 to the host.
  if (d.h1 !== undefined) assert.equal(d.h1, d.h1Wanted ?? 1, `${name}: ${d.h1} h1 elements`);
}

test('the checker runs once over every document and finds planted errors (canary)', (t) => {
  if (checkerFailure) throw checkerFailure;
  t.diagnostic(`vnu checked ${docs.size} documents in one JVM run: ${seconds.toFixed(1)} s`);
  const found = docs.get('canary').messages.filter((m) => m.type === 'error').map((m) => m.message).join('\n');
  assert.match(found, /aria-label/, 'the checker flags aria-label on a span');
  assert.match(found, /Duplicate ID/, 'the checker flags a duplicate id');
});

for (const [name] of builtPages()) test(`valid HTML: ${name}`, (t) => check(name, t));
for (const [name] of STATES) test(`valid HTML: live DOM: ${name}`, (t) => check(`live DOM: ${name}`, t));
for (const id of SHADOWS) test(`valid HTML: live DOM: ${shadowName(id)}`, (t) => check(`live DOM: ${shadowName(id)}`, t));

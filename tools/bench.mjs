// draftdiff benchmark (run it with tools/bench, which sets up the tools and builds dist/ first).
//
//   node tools/bench.mjs [--loads N] [--print]
//   node tools/bench.mjs --readers [--readers-runs N]   # only (f), printed, BENCHMARKS.md untouched
//
// Measures, on the release build in dist/: (a) download sizes; (b) start-up in headless
// Chromium, over http (dist/ served locally) and from file:// (the single file), interleaved
// with a plain static page holding the same pre-rendered text (the floor for first paint), with
// the long tasks of start-up; (c) the core's compute in the browser (wasm) against jsdiff's
// diffWords on the same pairs in the same page, plus native timings of the core; (d) re-render
// time after a theme chip or a view switch; (e) Lighthouse scores and metrics, mobile and
// desktop, full page and embed card, served with and without compression; (f) readers' own
// documents: 2 × 1 MB compared in the worker (time, the main thread's longest task) and searched.
// Writes BENCHMARKS.md (with --print, only prints it). Timings are reported, never asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { serve, launch, dist, root } from '../tests/e2e/harness.mjs';
import { measure, table, total, kb } from '../tests/bench/sizes.mjs';
import { writeFloor } from '../tests/bench/floor.mjs';
import { serveCompressed } from '../tests/bench/static-server.mjs';
import { lighthouse } from '../tests/bench/lighthouse.mjs';
import { big, revised, readersRun } from '../tests/bench/readers.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LOADS = flag('--loads', 15);
const INTERACTIONS = flag('--interactions', 15);
const PRINT_ONLY = args.includes('--print');
const LIGHTHOUSE = !args.includes('--no-lighthouse');
const READERS_ONLY = args.includes('--readers');
const READERS_RUNS = flag('--readers-runs', 3);

const log = (...a) => console.error('bench:', ...a);

function stats(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const at = (q) => s[Math.round((s.length - 1) * q)];
  return { n: s.length, median: at(0.5), p10: at(0.1), p90: at(0.9), min: s[0], max: s[s.length - 1] };
}
const ms = (x, d = 1) => (x === undefined ? '–' : x.toFixed(d));
const met = (ok) => (ok ? '✅ met' : '❌ not met');

// ---------------------------------------------------------------------------------------------
// Start-up: a fresh context per load (nothing cached), in-page times from navigation start.

// Runs in the page before any of its scripts: notes when the static text enters the DOM and
// when the wasm app has mounted its toolbar (performance.now() counts from navigation start),
// the largest contentful paint, and every long task (> 50 ms on the main thread).
const PROBE = () => {
  const t = (window.__ddTimes = { longTasks: [] });
  const check = () => {
    if (t.staticText === undefined && document.querySelector('.dd-static')) t.staticText = performance.now();
    if (t.interactive === undefined && document.querySelector('.dd-app .dd-toolbar')) {
      t.interactive = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) t.longTasks.push([e.startTime, e.duration]); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => { const es = list.getEntries(); t.lcp = es[es.length - 1].startTime; })
    .observe({ type: 'largest-contentful-paint', buffered: true });
};

/** How long after "done" (interactive, or the floor's load event) long tasks and LCP still count. */
const SETTLE_MS = 300;

/** One load in a fresh context (empty caches). `app`: wait for the wasm app (else for the load event). */
async function oneLoad(browser, url, app) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(url, { waitUntil: app ? 'commit' : 'load' });
    if (app) await page.waitForFunction(() => window.__ddTimes && window.__ddTimes.interactive !== undefined, null, { timeout: 20000 });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 5000 }).catch(() => {});
    await page.waitForTimeout(SETTLE_MS);
    return await page.evaluate((settle) => {
      const t = window.__ddTimes;
      const nav = performance.getEntriesByType('navigation')[0];
      const end = (t.interactive ?? nav?.loadEventEnd ?? performance.now()) + settle;
      const tasks = t.longTasks.filter(([start]) => start < end);
      return {
        staticText: t.staticText, interactive: t.interactive, lcp: t.lcp,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
        domContentLoaded: nav?.domContentLoadedEventEnd,
        wasmLoaded: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/draftdiff_bg.wasm'))?.responseEnd,
        longTasks: tasks.length,
        longest: tasks.reduce((m, [, d]) => Math.max(m, d), 0),
        blocking: tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
      };
    }, SETTLE_MS);
  } finally {
    await context.close();
  }
}

/**
 * Start-up of every mode, interleaved: load i of each mode runs before load i + 1 of any, so a
 * burst of load on the shared machine hits all modes alike. One discarded warm-up round first.
 * `modes`: { name: { url, app } } → { name: { fcp, lcp, …: stats } }.
 */
async function startup(browser, modes) {
  const runs = Object.fromEntries(Object.keys(modes).map((k) => [k, []]));
  for (let i = 0; i < LOADS + 1; i++) {
    for (const [name, { url, app }] of Object.entries(modes)) {
      const r = await oneLoad(browser, url, app);
      if (i > 0) runs[name].push(r); // the first round warms the browser process itself
    }
  }
  const out = {};
  for (const [name, rs] of Object.entries(runs)) {
    const pick = (k) => stats(rs.map((r) => r[k]));
    out[name] = {
      fcp: pick('fcp'), lcp: pick('lcp'), staticText: pick('staticText'), domContentLoaded: pick('domContentLoaded'),
      wasmLoaded: pick('wasmLoaded'), interactive: pick('interactive'),
      longTasks: pick('longTasks'), longest: pick('longest'), blocking: pick('blocking'),
      longestEver: Math.max(...rs.map((r) => r.longest)),
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Compute: wasm core vs jsdiff in tests/bench/compute.html.

async function compute(browser, origin) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${origin}/bench/compute.html`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 20000 }).catch(() => {
    throw new Error(`the compute bench page did not start: ${errors.join('; ')}`);
  });
  const r = await page.evaluate(() => window.runBench({ rounds: 9, roundMs: 150 }));
  await context.close();
  return r;
}

function native() {
  try {
    const out = execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'xtask', '--', 'bench', '200', '--json'], {
      cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
    });
    return JSON.parse(out.trim().split('\n').pop());
  } catch (e) {
    log(`native timings failed: ${e.message}`);
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Interaction: click → DOM updated (after the render's microtasks, with style and layout
// forced), and click → next animation frame.

async function interaction(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${origin}/index.html`);
  await page.waitForSelector('.dd-app .dd-toolbar', { timeout: 20000 });
  const r = await page.evaluate(async (n) => {
    const macrotask = () => new Promise((res) => { const c = new MessageChannel(); c.port1.onmessage = () => res(); c.port2.postMessage(0); });
    const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
    const chip = () => [...document.querySelectorAll('.dd-app .dd-chip')].find((b) => /human rights/i.test(b.textContent))
      || document.querySelector('.dd-app .dd-chip');
    const viewButton = (re) => [...document.querySelectorAll('.dd-app .dd-views button')].find((b) => re.test(b.textContent));
    async function time(el, done) {
      await frame(); await frame(); // start from an idle moment
      const t0 = performance.now();
      el.click();
      // Yew's render is a microtask the click queued; this continuation runs after it, before
      // any style or layout: the script's share.
      await Promise.resolve();
      const script = performance.now() - t0;
      // Yew renders in microtasks, so one task later the DOM is normally updated; keep
      // waiting (task by task, up to ~1 s) in case some of the update comes later.
      let tasks = 0;
      do await macrotask(); while (!done() && ++tasks < 2000 && performance.now() - t0 < 1000);
      void document.body.offsetHeight; // style and layout
      const settled = performance.now() - t0;
      const ok = done();
      await frame();
      void document.body.offsetHeight;
      return { settled, script, frame: performance.now() - t0, ok, late: tasks > 0 };
    }
    const out = { chip: [], view: [], chipName: chip()?.textContent };
    for (let i = 0; i < n; i++) {
      for (const want of ['true', 'false']) {
        out.chip.push(await time(chip(), () => chip().getAttribute('aria-pressed') === want));
      }
      for (const [re, cls] of [[/inline/i, 'dd-view-inline'], [/side/i, 'dd-view-side']]) {
        out.view.push(await time(viewButton(re), () => !!document.querySelector(`.dd-app.${cls}`)
          && viewButton(re).getAttribute('aria-pressed') === 'true'));
      }
    }
    return out;
  }, INTERACTIONS);
  await context.close();
  const summary = (xs) => ({
    settled: stats(xs.map((x) => x.settled)), script: stats(xs.map((x) => x.script)), frame: stats(xs.map((x) => x.frame)), n: xs.length,
    failed: xs.filter((x) => !x.ok).length, late: xs.filter((x) => x.ok && x.late).length,
  });
  return { chip: summary(r.chip), view: summary(r.view) };
}

// ---------------------------------------------------------------------------------------------
// Readers' documents: 2 × 1 MB in the worker, then a search typed one key at a time.

/** 7,000 paragraphs a side: 1.0 MB each. */
const READERS_PARAGRAPHS = 7000;

/** Both cases, unrelated texts (the alignment's worst case) and a revision (what readers compare). */
async function readers(browser, origin) {
  const unrelated = [big(1, READERS_PARAGRAPHS), big(2, READERS_PARAGRAPHS)];
  const revision = [big(1, READERS_PARAGRAPHS), revised(1, READERS_PARAGRAPHS)];
  return {
    unrelated: await readersCase(browser, origin, 'unrelated', unrelated),
    revision: await readersCase(browser, origin, 'revision', revision),
  };
}

async function readersCase(browser, origin, name, texts) {
  const runs = [];
  for (let i = 0; i < READERS_RUNS; i++) {
    const r = await readersRun(browser, origin, { texts });
    log(`readers (${name}) run ${i + 1}: answered ${ms(r.answered, 0)} ms, banner ${ms(r.banner, 0)} ms, longest task during ${ms(r.longestDuring, 0)} ms, after ${ms(r.longestAfter, 0)} ms; keys (DOM/frame/longest) ${r.keys.map((k) => `${k.query} ${ms(k.settled, 0)}/${ms(k.painted, 0)}/${ms(k.longest, 0)} (${k.count})`).join(', ')}`);
    runs.push(r);
  }
  const per = (f) => stats(runs.map(f));
  const keys = runs[0].keys.map((k, i) => ({
    query: k.query, count: k.count,
    settled: stats(runs.map((r) => r.keys[i].settled)), painted: stats(runs.map((r) => r.keys[i].painted)),
    longest: stats(runs.map((r) => r.keys[i].longest)),
  }));
  return {
    name, runs: runs.length, bytes: texts.map((t) => t.length), rows: runs[0].rows,
    answered: per((r) => r.answered), banner: per((r) => r.banner),
    longestDuring: per((r) => r.longestDuring), longTasksDuring: per((r) => r.longTasksDuring),
    longestAfter: per((r) => r.longestAfter), keys,
  };
}

function readersSection(both) {
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const L = [];
  const u = both.unrelated;
  L.push('## (f) Readers\' documents', '');
  L.push(`Two versions of ${(u.bytes[0] / 1e6).toFixed(2)} MB each (${READERS_PARAGRAPHS.toLocaleString('en')} paragraphs of 30 pseudo-random words, the generator of`);
  L.push('`tests/bench/readers.mjs`, shared with `tests/e2e/custom.test.mjs`), pasted into *Compare your own drafts* on the');
  L.push(`full page over http and compared in the worker, ${u.runs} runs of each case, each in a fresh context:`);
  L.push('*unrelated* texts (two seeds: the alignment\'s worst case, cut short by its time budget) and a *revision* (the later');
  L.push('text drops every 7th paragraph, rewords every 4th and adds one after every 11th: what readers compare).');
  L.push('*Long tasks* are `PerformanceObserver` `longtask` entries (main-thread tasks over 50 ms; target: none while the worker');
  L.push('runs). Then a query is typed one key at a time (one character finds nothing: below the search\'s minimum, so');
  L.push('that keystroke is the page\'s re-render alone): *DOM updated* is the `input` event → the next task, when Yew has');
  L.push('rendered, with style and layout forced; *next frame* → the next `requestAnimationFrame`; *longest task* the');
  L.push('longest main-thread task from the keystroke on. Only (f): `node tools/bench.mjs --readers`.', '');
  for (const rd of [both.unrelated, both.revision]) L.push(...readersTable(rd, row));
  return L.join('\n');
}

function readersTable(rd, row) {
  const L = [];
  L.push(`### ${rd.name === 'unrelated' ? 'Unrelated texts' : 'A revision'} (${(rd.bytes[0] / 1e6).toFixed(2)} + ${(rd.bytes[1] / 1e6).toFixed(2)} MB, ${rd.rows} rows)`, '');
  L.push(row(['measure', 'median ms', 'min–max']), row(['---', '---:', '---:']));
  L.push(row(['click → the worker\'s answer (read, align, diff, encode)', ms(rd.answered.median, 0), `${ms(rd.answered.min, 0)}–${ms(rd.answered.max, 0)}`]));
  L.push(row(['click → banner shown (answer decoded, result rendered)', ms(rd.banner.median, 0), `${ms(rd.banner.min, 0)}–${ms(rd.banner.max, 0)}`]));
  L.push(row(['longest main-thread task while the worker ran', ms(rd.longestDuring.median, 0), `${ms(rd.longestDuring.min, 0)}–${ms(rd.longestDuring.max, 0)}`]));
  L.push(row(['long tasks while the worker ran (count)', ms(rd.longTasksDuring.median, 0), `${ms(rd.longTasksDuring.min, 0)}–${ms(rd.longTasksDuring.max, 0)}`]));
  L.push(row(['longest main-thread task after the answer (decode + render)', ms(rd.longestAfter.median, 0), `${ms(rd.longestAfter.min, 0)}–${ms(rd.longestAfter.max, 0)}`]));
  L.push('');
  L.push(row(['keystroke → query', 'count shown', 'DOM updated, median ms', 'next frame, median ms', 'longest task, median ms', 'longest task, min–max']),
    row(['---', '---', '---:', '---:', '---:', '---:']));
  for (const k of rd.keys) {
    L.push(row([`“${k.query}”`, k.count || '(none)', ms(k.settled.median, 0), ms(k.painted.median, 0), ms(k.longest.median, 0), `${ms(k.longest.min, 0)}–${ms(k.longest.max, 0)}`]));
  }
  L.push('');
  return L;
}

async function readersOnly() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) throw new Error('dist/index.html is missing: run trunk build --release');
  const server = await serve();
  const browser = await launch();
  try {
    const load = os.loadavg().map((x) => x.toFixed(2)).join(' ');
    const rd = await readers(browser, server.origin);
    console.log(readersSection(rd));
    console.log(`Load average ${load} before, ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} after; ${machine(browser).chromium}.`);
  } finally {
    await browser.close();
    await server.close();
  }
}

function machine(browser) {
  let chromium = browser.version();
  try { chromium = execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { /* keep browser.version() */ }
  let git = '';
  try { git = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim(); } catch { /* not a checkout */ }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: os.cpus().length,
    cpu: os.cpus()[0]?.model?.trim(),
    chromium,
    node: process.version,
    git,
  };
}

function report({ m, sizes, start, comp, nat, inter, rd, lh, load }) {
  const page = total(sizes, 'page');
  const startHttp = start.http;
  const startFile = start['file://'];
  const floorHttp = start['floor http'];
  const floorFile = start['floor file://'];
  const x = (a, b) => (a === undefined || b === undefined ? '–' : `${(a / b).toFixed(2)}×`);
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const spread = (s) => `${ms(s.median)} | ${ms(s.p10)}–${ms(s.p90)} | ${ms(s.min)}–${ms(s.max)}`;
  const ratio = (a, b) => (a / b).toFixed(2);
  const L = [];
  L.push('# Benchmarks', '');
  L.push('Generated by `tools/bench` (which runs `node tools/bench.mjs`): do not edit by hand, run it again.');
  L.push('It measures the release build in `dist/` (building it if missing, or always with `--build`). Timings are');
  L.push('reported, never asserted; only sizes are enforced, by `tests/e2e/size.test.mjs`.', '');
  L.push('```sh', 'tools/bench --build          # release build, then regenerates BENCHMARKS.md (about 8 minutes plus the build)',
    'tools/bench                  # measures dist/ as it is', 'tools/bench --print          # prints the report instead',
    'tools/bench --no-lighthouse  # skips (e), about 2 minutes', '```', '');
  L.push(`Machine: ${m.nproc} CPU cores (${m.cpu}), ${m.chromium}, node ${m.node}; headless, no GPU.`);
  L.push(`Run: ${m.date}${m.git ? `, commit ${m.git} (plus any uncommitted changes)` : ''}; load average ${load.before} before, ${load.after} after; ${load.minutes.toFixed(1)} minutes in all.`);
  L.push(`\`uptime\` before: \`${load.uptimeBefore}\`; after: \`${load.uptimeAfter}\`.`);
  L.push('Headless Chromium on a small shared machine: treat timings as rough, compare runs on the same machine only.', '');

  L.push('## Targets', '');
  L.push(row(['measure', 'target', 'now', 'status']), row(['---', '---', '---:', '---']));
  L.push(row(['full page, brotli', '≤ 100 KiB (stretch 80)', `${kb(page.brotli)} KiB`, met(page.brotli <= 100 * 1024)]));
  const card = total(sizes, 'card');
  L.push(row(['`<draft-diff>` card embed, brotli', '≤ 100 KiB (stretch 80)', `${kb(card.brotli)} KiB`, met(card.brotli <= 100 * 1024)]));
  const frameCard = total(sizes, 'frame');
  L.push(row(['iframe card embed (`embed.html`), brotli', '≤ 100 KiB (stretch 80)', `${kb(frameCard.brotli)} KiB`, met(frameCard.brotli <= 100 * 1024)]));
  L.push(row(['first text visible (FCP), http', '≤ 100 ms', `${ms(startHttp.fcp.median)} ms`, met(startHttp.fcp.median <= 100)]));
  L.push(row(['first text visible (FCP), file://', '≤ 100 ms', `${ms(startFile.fcp.median)} ms`, met(startFile.fcp.median <= 100)]));
  L.push(row(['interactive (app mounted), http', '≤ 250 ms', `${ms(startHttp.interactive.median)} ms`, met(startHttp.interactive.median <= 250)]));
  L.push(row(['interactive (app mounted), file://', '≤ 250 ms', `${ms(startFile.interactive.median)} ms`, met(startFile.interactive.median <= 250)]));
  L.push(row(['first text (FCP) / static floor, http', 'report', x(startHttp.fcp.median, floorHttp.fcp.median), '–']));
  L.push(row(['interactive / floor LCP, http', 'report', x(startHttp.interactive.median, floorHttp.lcp.median), '–']));
  L.push(row(['compute, ours (align + diff) / jsdiff', '≤ 1.0', ratio(comp.compare.median, comp.jsdiff.median), met(comp.compare.median <= comp.jsdiff.median)]));
  L.push(row(['compute, ours (diff only) / jsdiff', '≤ 1.0', ratio(comp.diff.median, comp.jsdiff.median), met(comp.diff.median <= comp.jsdiff.median)]));
  L.push(row(['longest main-thread task of start-up, http', '≤ 50 ms', `${ms(startHttp.longest.median)} ms`, met(startHttp.longest.median <= 50)]));
  L.push(row(['the static floor\'s own longest task, http', 'report', `${ms(floorHttp.longest.median)} ms`, '–']));
  L.push(row(['theme chip → DOM updated', '≤ 16 ms', `${ms(inter.chip.settled.median)} ms`, met(inter.chip.settled.median <= 16)]));
  L.push(row(['view switch → DOM updated', '≤ 16 ms', `${ms(inter.view.settled.median)} ms`, met(inter.view.settled.median <= 16)]));
  L.push('');

  L.push('## (a) Size', '');
  L.push('What each way of using the widget downloads, in KiB (1024 bytes); gzip -9 and brotli quality 11 by node\'s zlib.');
  L.push('The full page and the iframe embed load the same set; the iframe\'s host page adds `draftdiff-host.js`.', '');
  L.push(table(sizes), '');

  L.push('### Size levers, one at a time', '');
  L.push(fs.readFileSync(path.join(root, 'tests/bench/levers.md'), 'utf8').trim(), '');
  L.push('### What the wasm is made of', '');
  L.push(sizeReport().trim(), '');

  L.push('## (b) Start-up', '');
  L.push(`${LOADS} loads of each mode (plus one discarded warm-up round), interleaved (load i of every mode before load`);
  L.push('i + 1 of any), every load in a fresh browser context (empty caches), viewport 1280×900, one browser.');
  L.push('Milliseconds from navigation start, measured in the page: *FCP* is Chromium\'s first-contentful-paint (the');
  L.push('static text pre-rendered at build time); *LCP* the last largest-contentful-paint entry; *static text in DOM* when');
  L.push('the parser inserted it; *interactive* when the wasm app has mounted (a MutationObserver, installed before any');
  L.push('page script, first sees `.dd-app .dd-toolbar`). http: `dist/` served from 127.0.0.1 by the test harness (no');
  L.push('compression, no cache); file://: `dist/draftdiff.html` opened from disk.');
  L.push('The **floor** is `dist/index.html` with every script, the wasm loader and its preload hints removed');
  L.push('(`tests/bench/floor.mjs`): the same pre-rendered text and stylesheet and nothing else (for file://, with the');
  L.push('stylesheet inlined as in the single file). It is the fastest this text can paint in this browser on this machine.', '');
  L.push(row(['mode', 'measure', 'median ms', 'p10–p90', 'min–max']), row(['---', '---', '---:', '---:', '---:']));
  for (const [name, s] of [['http', startHttp], ['floor, http', floorHttp], ['file://', startFile], ['floor, file://', floorFile]]) {
    L.push(row([name, 'first text (FCP)', spread(s.fcp)]));
    L.push(row([name, 'largest paint (LCP)', spread(s.lcp)]));
    L.push(row([name, 'static text in DOM', spread(s.staticText)]));
    L.push(row([name, 'DOMContentLoaded', spread(s.domContentLoaded)]));
    if (s.wasmLoaded.n) L.push(row([name, 'wasm downloaded (responseEnd)', spread(s.wasmLoaded)]));
    if (s.interactive.n) L.push(row([name, '**interactive**', spread(s.interactive)]));
  }
  L.push('');
  L.push('Ours as multiples of the floor (ratio of the medians above; the floor never becomes interactive, so');
  L.push('*interactive* is divided by the floor\'s LCP, the moment its text is fully painted):', '');
  L.push(row(['mode', 'FCP / floor FCP', 'LCP / floor LCP', 'interactive / floor LCP']), row(['---', '---:', '---:', '---:']));
  L.push(row(['http', x(startHttp.fcp.median, floorHttp.fcp.median), x(startHttp.lcp.median, floorHttp.lcp.median), x(startHttp.interactive.median, floorHttp.lcp.median)]));
  L.push(row(['file://', x(startFile.fcp.median, floorFile.fcp.median), x(startFile.lcp.median, floorFile.lcp.median), x(startFile.interactive.median, floorFile.lcp.median)]));
  L.push('');
  L.push(`Long tasks (\`PerformanceObserver\` type \`longtask\`: main-thread tasks over 50 ms) from navigation until`);
  L.push(`${SETTLE_MS} ms after *interactive* (the floor: after its load event), per load:`, '');
  L.push(row(['mode', 'long tasks, median (min–max)', 'longest, median ms', 'longest of all loads, ms', 'blocking time (Σ over 50 ms), median ms']), row(['---', '---:', '---:', '---:', '---:']));
  for (const [name, s] of [['http', startHttp], ['floor, http', floorHttp], ['file://', startFile], ['floor, file://', floorFile]]) {
    L.push(row([name, `${ms(s.longTasks.median, 0)} (${ms(s.longTasks.min, 0)}–${ms(s.longTasks.max, 0)})`, ms(s.longest.median), ms(s.longestEver), ms(s.blocking.median)]));
  }
  L.push('');

  L.push('## (c) Compute', '');
  L.push(`The ${comp.pairs} provision pairs the comparison word-diffs (changed and moved rows; ${comp.words} words in all),`);
  L.push('in one page (`tests/bench/compute.html`), interleaved rounds of each, per run over the whole corpus:');
  L.push('- **ours, align + diff**: `bench_compare` = `Comparison::new` on the bundled documents (alignment of all');
  L.push('  provisions, which itself diffs candidate pairs, then the word diff of every pair), in the release wasm;');
  L.push('- **ours, diff only**: `bench_diff_pairs` = `diff::word_diff` over the pairs (the same work as jsdiff);');
  L.push('- **jsdiff**: `Diff.diffWords(old, new)` of jsdiff 9.0.0 (`node_modules/diff/dist/diff.min.js`) over the pairs.', '');
  L.push(row(['contender', 'median ms / run', 'min–max', 'runs per round × rounds', '/ jsdiff']), row(['---', '---:', '---:', '---:', '---:']));
  for (const [k, label] of [['compare', 'ours, align + diff (wasm)'], ['diff', 'ours, diff only (wasm)'], ['jsdiff', 'jsdiff diffWords (JS)']]) {
    const c = comp[k];
    L.push(row([label, ms(c.median, 3), `${ms(c.min, 3)}–${ms(c.max, 3)}`, `${c.iterations} × ${c.rounds.length}`, ratio(c.median, comp.jsdiff.median)]));
  }
  L.push('');
  if (nat) {
    L.push(`Native, same core (\`cargo run --release -p xtask -- bench 200\`, release profile, ${nat.compare.runs} timed runs each):`, '');
    L.push(row(['native', 'median ms', 'p10–p90']), row(['---', '---:', '---:']));
    L.push(row(['`Comparison::new` (align + diff)', ms(nat.compare.median, 3), `${ms(nat.compare.p10, 3)}–${ms(nat.compare.p90, 3)}`]));
    L.push(row([`\`word_diff\` over the ${nat.pairs} pairs`, ms(nat.diff.median, 3), `${ms(nat.diff.p10, 3)}–${ms(nat.diff.p90, 3)}`]));
    L.push('', `wasm / native: align + diff ${ratio(comp.compare.median, nat.compare.median)}×, diff only ${ratio(comp.diff.median, nat.diff.median)}×.`, '');
  }

  L.push('## (d) Interaction', '');
  L.push(`On the full page over http, ${INTERACTIONS} rounds; each round turns the "${'human rights'}" theme chip on and off, and switches`);
  L.push('to the inline view and back (so each row below has 2 × rounds samples). *DOM updated*: `el.click()` →');
  L.push('the render\'s microtasks have run → style and layout forced (`offsetHeight`). *next frame*: `el.click()` →');
  L.push('the next `requestAnimationFrame` callback (includes waiting for the frame, up to ~16.7 ms at 60 Hz). *of which script*:');
  L.push('`el.click()` → the microtask after the render\'s (the click handler, the state update and Yew\'s render and DOM');
  L.push('patches, before any style or layout); the rest of *DOM updated* is the browser\'s style and layout.', '');
  L.push(row(['action', 'DOM updated, median ms', 'p10–p90', 'of which script, median ms', 'next frame, median ms', 'p10–p90', 'samples']), row(['---', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const [label, s] of [['theme chip on/off', inter.chip], ['view side ↔ inline', inter.view]]) {
    L.push(row([label, ms(s.settled.median), `${ms(s.settled.p10)}–${ms(s.settled.p90)}`, ms(s.script.median), ms(s.frame.median), `${ms(s.frame.p10)}–${ms(s.frame.p90)}`,
      `${s.n}${s.late ? ` (${s.late} updated after more than one task)` : ''}${s.failed ? ` (${s.failed} did not update!)` : ''}`]));
  }
  L.push('');

  if (lh) {
    L.push('## (e) Lighthouse', '');
    L.push('Lighthouse 12.2.3 (`node_modules/.bin/lighthouse`, `CHROME_PATH=/usr/bin/chromium`, `--chrome-flags="--headless=new');
    L.push('--no-sandbox --disable-gpu"`), one run per line, categories performance, accessibility, best practices, SEO.');
    L.push('*mobile* is Lighthouse\'s default (emulated phone, simulated slow 4G and 4× CPU slowdown); *desktop* its');
    L.push('`--preset=desktop`. Metrics are Lighthouse\'s (simulated from the trace, so they differ from (b)). Two servers for');
    L.push('the same `dist/`: *brotli + cache headers* is `tests/bench/static-server.mjs` (brotli q11 or gzip by');
    L.push('Accept-Encoding; HTML `no-cache` + ETag, other files `max-age=86400`); *plain* is the test harness\'s server (no');
    L.push('compression, `no-store`). The embed card is `embed.html?id=a#2015-7`, as a card iframe loads it (its SEO score counts the `noindex` an iframe page asks for). With Chromium');
    L.push('156 Lighthouse 12.2.3 errors on a few diagnostic audits (listed); the scores and metrics are still computed.');
    L.push(`The build is the published one: \`rel=canonical\` is \`${lh.canonical}\` (tools/bench builds with`);
    L.push('`DRAFTDIFF_PUBLIC_URL`, `https://draftdiff.example/` unless set; a relative canonical costs SEO its `canonical` audit).', '');
    L.push(row(['page', 'form factor', 'server', 'perf.', 'a11y', 'best pr.', 'SEO', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'audits errored']),
      row(['---', '---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']));
    const sc = (v) => (v == null ? '–' : String(v));
    for (const r of lh) {
      if (r.failed) { L.push(row([r.page, r.formFactor, r.server, `run failed: ${r.failed}`, '', '', '', '', '', '', '', ''])); continue; }
      L.push(row([r.page, r.formFactor, r.server, sc(r.scores.performance), sc(r.scores.accessibility), sc(r.scores['best-practices']), sc(r.scores.seo),
        ms(r.fcp, 0), ms(r.lcp, 0), ms(r.tbt, 0), r.cls === undefined ? '–' : r.cls.toFixed(3),
        r.errored.length ? r.errored.map((a) => `\`${a}\``).join(', ') : 'none']));
    }
    const failedA11y = [...new Set(lh.flatMap((r) => r.failedA11y || []))];
    L.push('', `Accessibility audits failed in any run: ${failedA11y.length ? failedA11y.map((a) => `\`${a}\``).join(', ') : 'none'}.`);
    L.push(`Lighthouse took ${lh.reduce((a, r) => a + r.seconds, 0).toFixed(0)} s for the ${lh.length} runs.`, '');
  }

  if (rd) L.push(readersSection(rd));

  L.push('## Reading the numbers', '');
  const wasm = sizes['draftdiff_bg.wasm'];
  L.push(`- The wasm is ${kb(wasm.brotli)} of the page's ${kb(page.brotli)} KiB brotli: the size target is a wasm-size target.`);
  L.push(`- Why 100 KiB is not reached yet, and what would reach it: a bare Yew 0.23 page is about 40 KiB brotli of wasm`,
    `  (30 with std rebuilt for size), so the app's own code and data have about 50 KiB left. A card embed now loads its`,
    `  own entry (${kb(sizes['draftdiff-card_bg.wasm'].brotli)} KiB of wasm; ${kb(card.brotli)} KiB in all as an element, ${kb(frameCard.brotli)} KiB as an iframe); the full page still links every part`,
    `  of the widget into one module, because wasm-bindgen makes one module per crate and a Yew tree cannot span two.`,
    '  std is already rebuilt for size (immediate-abort panics, `tools/trunk`), and the loader minified (oxc). Next steps, in order of estimated',
    '  yield: the own-drafts panel and the embed dialog rendered by plain DOM code loaded on demand (13 and 5.5 KB',
    '  raw of view code), fewer and smaller view functions (App, Header, Toolbar), one sort and one map type across',
    '  the crates (generic copies). None of them closes the gap to 100 KiB alone: the study',
    '  (`size-study.md`, section 7.3) puts a Yew page with every feature at about 115–125 KiB at best.');
  L.push(`- Alignment is most of the compute: \`Comparison::new\` takes ${ratio(comp.compare.median, comp.diff.median)}× the time of the final word`);
  L.push(`  diffs alone (it scores and diffs candidate pairs before choosing). On the diff alone the wasm core is`);
  L.push(`  ${comp.diff.median <= comp.jsdiff.median ? 'faster' : 'slower'} than jsdiff (${ratio(comp.diff.median, comp.jsdiff.median)}×); the align + diff ratio compares more work with less and is`);
  L.push('  reported because it is what the page runs.');
  L.push('- Start-up is what the reader waits for; the compute above is a few milliseconds of it. From DOMContentLoaded to');
  L.push('  *interactive* the page downloads (http), compiles and instantiates the wasm, computes the comparison once and');
  L.push('  renders it with Yew. `index.html` carries `<link rel="modulepreload">` / `<link rel="preload" as="fetch">` hints');
  L.push('  so the glue and the wasm download with the page instead of after the `draftdiff-embed.js` → `draftdiff.js` chain.');
  L.push('- LCP: when the wasm arrives after the static text has painted (`arrive.test` holds it back), the static text is');
  L.push('  the largest paint and the takeover adds no entry, as its rows are the pre-render\'s element for element. In these');
  L.push('  loads the wasm is local and can mount before Chromium has reported the static text\'s largest paint, so the');
  L.push('  median LCP can fall after *interactive*.');
  L.push(`- First text: Chromium inserts the static text at ~${ms(startHttp.staticText.median, 0)} ms (http) but first paints it at`);
  L.push(`  ~${ms(startHttp.fcp.median, 0)} ms${startHttp.fcp.median > startHttp.domContentLoaded.median ? ', after DOMContentLoaded' : ''}; the floor page, with the same text and stylesheet and no`);
  L.push(`  script, paints at ~${ms(floorHttp.fcp.median, 0)} ms (${x(startHttp.fcp.median, floorHttp.fcp.median)}): what is above the floor is what our scripts cost the first paint.`);
  L.push(`- Long tasks of start-up: ours ${ms(startHttp.longest.median, 0)} ms at the median, the floor's ${ms(floorHttp.longest.median, 0)} ms (its one piece of work is the`);
  L.push('  first layout of the static text, which lays out only the rows near the viewport, `content-visibility: auto`).');
  L.push('  Ours are, in order: that same layout, instantiating the wasm, the app\'s first render (the open part\'s rows, the');
  L.push('  toolbar, the header; rows of collapsed parts come a task after the first frame, `progressive::use_collapsed_later`),');
  L.push('  its first layout, then those rows.');
  L.push('  The first render is the longest. Measured in traces of this machine (session 9, medians of 7–9 loads):');
  L.push('  about 95 of its ~150 ms remain with no rows at all (the toolbar, header and footer, taking the static text');
  L.push('  away, and compiling the wasm functions they call for the first time); with Chromium\'s');
  L.push('  `--no-wasm-lazy-compilation` the task is ~40 ms shorter (V8 compiles each wasm function on its first call, on the');
  L.push('  main thread; its compilation-hints section, which could ask for eager compilation, is off by default in');
  L.push('  Chromium 156). The static parts of rows, the header, the footer and the change map are markup the browser');
  L.push('  parses in one call each (`view::markup`, `view::change_map`), which took about 30 ms off this task. Next step:');
  L.push('  build the app\'s DOM over several tasks behind the static text and swap it in at once; with lazy compilation the');
  L.push('  first task that runs a function also pays for compiling it, so the split has to spread the toolbar too.');
  L.push(`- Interaction: of the chip's ${ms(inter.chip.settled.median, 0)} ms, ${ms(inter.chip.script.median, 0)} are script (Yew re-renders the rows whose highlights change;`);
  L.push('  the summary\'s word counts are cached per pair, `Comparison::words`); of the view switch\'s');
  L.push(`  ${ms(inter.view.settled.median, 0)} ms, ${ms(inter.view.script.median, 0)} are script (every provision's text is parsed again, and the cells of a row sit in fixed`);
  L.push('  slots so a switch updates its provisions in place: before, Yew rebuilt both at every switch); the rest is');
  L.push('  style and layout of the 6,000+ px document. A row the filter drops keeps its rendering at no height');
  L.push('  (`content-visibility: hidden`), so turning a chip off lays out nothing new. Laying out only the rows in view in');
  L.push('  the app as well was measured (A/B: chip about −6 ms more, view switch −7 ms) and reverted: rows then change height as they');
  L.push('  come into view, and landing on a provision, smooth scrolling and keeping the reader\'s place stop being exact.');
  L.push('- On a loaded machine (see the load average above) the spread is wide: the medians are the figures to compare.');
  L.push('');
  return L.join('\n');
}

/** `tools/size-report` on the build just measured: the wasm's bytes by crate, module and function. */
function sizeReport() {
  try {
    return execFileSync(path.join(root, 'tools/size-report'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  } catch (e) {
    return `(tools/size-report failed: ${e.message})`;
  }
}

/** The `rel=canonical` of dist/index.html, which must be absolute for Lighthouse's SEO audit. */
function canonical() {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const href = html.match(/<link\b[^>]*\brel="?canonical"?[^>]*>/i)?.[0].match(/\bhref="?([^"\s>]+)/i)?.[1];
  if (!href || !/^https?:\/\//.test(href)) {
    throw new Error(`dist/index.html's rel=canonical is ${href ? `"${href}"` : 'missing'}, not absolute: build with DRAFTDIFF_PUBLIC_URL (tools/bench does), or pass --no-lighthouse`);
  }
  return href;
}

/** Lighthouse over both servers × both pages × both form factors, one run each, in sequence. */
async function lighthouseRuns(servers) {
  const runs = [];
  runs.canonical = canonical();
  for (const [serverName, origin] of Object.entries(servers)) {
    for (const [pageName, pathAndHash] of [['full page', '/index.html'], ['embed card', '/embed.html?id=a#2015-7']]) {
      for (const formFactor of ['mobile', 'desktop']) {
        log(`lighthouse: ${pageName}, ${formFactor}, ${serverName}`);
        const r = await lighthouse(root, `${origin}${pathAndHash}`, formFactor);
        log(r.failed ? `  failed: ${r.failed}` : `  ${JSON.stringify(r.scores)} in ${r.seconds.toFixed(0)} s`);
        runs.push({ server: serverName, page: pageName, path: pathAndHash, ...r });
      }
    }
  }
  return runs;
}

async function main() {
  if (!fs.existsSync(path.join(dist, 'draftdiff.html'))) throw new Error('dist/draftdiff.html is missing: run tools/bench (it builds) or trunk build --release');
  if (LIGHTHOUSE) canonical(); // fail at once, not after the other measurements
  const t0 = Date.now();
  const load = { before: os.loadavg().map((x) => x.toFixed(2)).join(' '), uptimeBefore: uptime() };
  log('sizes');
  const sizes = measure(dist);
  console.error(table(sizes));
  log('native core timings (cargo run --release -p xtask -- bench)');
  const nat = native();
  const floor = writeFloor(dist);
  const server = await serve({
    mounts: { '/bench/': path.join(root, 'tests/bench'), '/hooks/': path.join(root, 'dist-hooks'), '/bench/vendor/': path.join(root, 'node_modules/diff/dist'), '/floor/': floor },
  });
  const compressed = await serveCompressed(dist);
  const browser = await launch();
  let results;
  try {
    const m = machine(browser);
    log(`start-up, ${LOADS} interleaved loads of each: http, floor http, file://, floor file://`);
    const start = await startup(browser, {
      http: { url: `${server.origin}/index.html`, app: true },
      'floor http': { url: `${server.origin}/floor/index.html`, app: false },
      'file://': { url: pathToFileURL(path.join(dist, 'draftdiff.html')).href, app: true },
      'floor file://': { url: pathToFileURL(path.join(floor, 'file.html')).href, app: false },
    });
    log('compute: wasm core vs jsdiff');
    const comp = await compute(browser, server.origin);
    log(`interaction, ${INTERACTIONS} rounds`);
    const inter = await interaction(browser, server.origin);
    log(`readers' documents, ${READERS_RUNS} runs`);
    const rd = await readers(browser, server.origin);
    results = { m, sizes, start, comp, nat, inter, rd };
  } finally {
    await browser.close();
  }
  try {
    results.lh = LIGHTHOUSE ? await lighthouseRuns({ 'brotli + cache headers': compressed.origin, 'plain (no compression, no-store)': server.origin }) : null;
  } finally {
    await server.close();
    await compressed.close();
    fs.rmSync(floor, { recursive: true, force: true });
  }
  load.after = os.loadavg().map((x) => x.toFixed(2)).join(' ');
  load.uptimeAfter = uptime();
  load.minutes = (Date.now() - t0) / 60000;
  const md = report({ ...results, load });
  if (PRINT_ONLY) {
    console.log(md);
  } else {
    fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), md + '\n');
    console.log(md);
    log('wrote BENCHMARKS.md');
  }
}

/** `uptime`'s own line (load averages over 1, 5 and 15 minutes, and who else is on the machine). */
function uptime() {
  try { return execFileSync('uptime', { encoding: 'utf8' }).trim(); } catch { return `load average ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`; }
}

(READERS_ONLY ? readersOnly() : main()).catch((e) => { console.error(e); process.exit(1); });

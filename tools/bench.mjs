// draftdiff benchmark (run it with tools/bench, which sets up the tools and builds dist/ first).
//
//   node tools/bench.mjs [--loads N] [--print]
//
// Measures, on the release build in dist/: (a) download sizes; (b) start-up in headless
// Chromium, over http (dist/ served locally) and from file:// (the single file); (c) the core's
// compute in the browser (wasm) against jsdiff's diffWords on the same pairs in the same page,
// plus native timings of the core; (d) re-render time after a theme chip or a view switch.
// Writes BENCHMARKS.md (with --print, only prints it). Timings are reported, never asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { serve, launch, dist, root } from '../tests/e2e/harness.mjs';
import { measure, table, total, kb } from '../tests/bench/sizes.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const LOADS = flag('--loads', 20);
const INTERACTIONS = flag('--interactions', 15);
const PRINT_ONLY = args.includes('--print');

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
// when the wasm app has mounted its toolbar (performance.now() counts from navigation start).
const PROBE = () => {
  const t = (window.__ddTimes = {});
  const check = () => {
    if (t.staticText === undefined && document.querySelector('.dd-static')) t.staticText = performance.now();
    if (t.interactive === undefined && document.querySelector('.dd-app .dd-toolbar')) {
      t.interactive = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
};

async function startup(browser, url) {
  const runs = [];
  for (let i = 0; i < LOADS + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(url);
    await page.waitForFunction(() => window.__ddTimes && window.__ddTimes.interactive !== undefined, null, { timeout: 20000 });
    await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 5000 }).catch(() => {});
    const r = await page.evaluate(() => ({
      ...window.__ddTimes,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd,
      wasmLoaded: performance.getEntriesByType('resource').find((e) => e.name.endsWith('/draftdiff_bg.wasm'))?.responseEnd,
    }));
    await context.close();
    if (i > 0) runs.push(r); // the first load warms the browser process itself
  }
  const pick = (k) => stats(runs.map((r) => r[k]));
  return {
    fcp: pick('fcp'), staticText: pick('staticText'), domContentLoaded: pick('domContentLoaded'),
    wasmLoaded: pick('wasmLoaded'), interactive: pick('interactive'),
  };
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
      // Yew renders in microtasks, so one task later the DOM is normally updated; keep
      // waiting (task by task, up to ~1 s) in case some of the update comes later.
      let tasks = 0;
      do await macrotask(); while (!done() && ++tasks < 2000 && performance.now() - t0 < 1000);
      void document.body.offsetHeight; // style and layout
      const settled = performance.now() - t0;
      const ok = done();
      await frame();
      void document.body.offsetHeight;
      return { settled, frame: performance.now() - t0, ok, late: tasks > 0 };
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
    settled: stats(xs.map((x) => x.settled)), frame: stats(xs.map((x) => x.frame)), n: xs.length,
    failed: xs.filter((x) => !x.ok).length, late: xs.filter((x) => x.ok && x.late).length,
  });
  return { chip: summary(r.chip), view: summary(r.view) };
}

// ---------------------------------------------------------------------------------------------

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

function report({ m, sizes, startHttp, startFile, comp, nat, inter, load }) {
  const page = total(sizes, 'page');
  const row = (cells) => `| ${cells.join(' | ')} |`;
  const spread = (s) => `${ms(s.median)} | ${ms(s.p10)}–${ms(s.p90)} | ${ms(s.min)}–${ms(s.max)}`;
  const ratio = (a, b) => (a / b).toFixed(2);
  const L = [];
  L.push('# Benchmarks', '');
  L.push('Generated by `tools/bench` (which runs `node tools/bench.mjs`): do not edit by hand, run it again.');
  L.push('It measures the release build in `dist/` (building it if missing, or always with `--build`). Timings are');
  L.push('reported, never asserted; only sizes are enforced, by `tests/e2e/size.test.mjs`.', '');
  L.push('```sh', 'tools/bench --build    # release build, then regenerates BENCHMARKS.md (1–2 minutes plus the build)',
    'tools/bench            # measures dist/ as it is', 'tools/bench --print    # prints the report instead', '```', '');
  L.push(`Machine: ${m.nproc} CPU cores (${m.cpu}), ${m.chromium}, node ${m.node}; headless, no GPU.`);
  L.push(`Run: ${m.date}${m.git ? `, commit ${m.git} (plus any uncommitted changes)` : ''}; load average ${load.before} before, ${load.after} after.`);
  L.push('Headless Chromium on a small shared machine: treat timings as rough, compare runs on the same machine only.', '');

  L.push('## Targets', '');
  L.push(row(['measure', 'target', 'now', 'status']), row(['---', '---', '---:', '---']));
  L.push(row(['full page, brotli', '≤ 100 KiB (stretch 80)', `${kb(page.brotli)} KiB`, met(page.brotli <= 100 * 1024)]));
  L.push(row(['first text visible (FCP), http', '≤ 100 ms', `${ms(startHttp.fcp.median)} ms`, met(startHttp.fcp.median <= 100)]));
  L.push(row(['first text visible (FCP), file://', '≤ 100 ms', `${ms(startFile.fcp.median)} ms`, met(startFile.fcp.median <= 100)]));
  L.push(row(['interactive (app mounted), http', '≤ 250 ms', `${ms(startHttp.interactive.median)} ms`, met(startHttp.interactive.median <= 250)]));
  L.push(row(['interactive (app mounted), file://', '≤ 250 ms', `${ms(startFile.interactive.median)} ms`, met(startFile.interactive.median <= 250)]));
  L.push(row(['compute, ours (align + diff) / jsdiff', '≤ 1.0', ratio(comp.compare.median, comp.jsdiff.median), met(comp.compare.median <= comp.jsdiff.median)]));
  L.push(row(['compute, ours (diff only) / jsdiff', '≤ 1.0', ratio(comp.diff.median, comp.jsdiff.median), met(comp.diff.median <= comp.jsdiff.median)]));
  L.push(row(['theme chip → DOM updated', '≤ 16 ms', `${ms(inter.chip.settled.median)} ms`, met(inter.chip.settled.median <= 16)]));
  L.push(row(['view switch → DOM updated', '≤ 16 ms', `${ms(inter.view.settled.median)} ms`, met(inter.view.settled.median <= 16)]));
  L.push('');

  L.push('## (a) Size', '');
  L.push('What each way of using the widget downloads, in KiB (1024 bytes); gzip -9 and brotli quality 11 by node\'s zlib.');
  L.push('The full page and the iframe embed load the same set; the iframe\'s host page adds `draftdiff-host.js`.', '');
  L.push(table(sizes), '');

  L.push('## (b) Start-up', '');
  L.push(`${LOADS} loads each (plus one discarded warm-up), every load in a fresh browser context (empty caches), viewport`);
  L.push('1280×900. Milliseconds from navigation start, measured in the page: *first text* is Chromium\'s');
  L.push('first-contentful-paint (the static text pre-rendered at build time); *static text in DOM* is when the');
  L.push('parser inserted it; *interactive* is when the wasm app has mounted (a MutationObserver, installed');
  L.push('before any page script, first sees `.dd-app .dd-toolbar`). http: `dist/` served from 127.0.0.1 by');
  L.push('the test harness (no compression, no cache); file://: `dist/draftdiff.html` opened from disk.', '');
  L.push(row(['mode', 'measure', 'median ms', 'p10–p90', 'min–max']), row(['---', '---', '---:', '---:', '---:']));
  for (const [name, s] of [['http', startHttp], ['file://', startFile]]) {
    L.push(row([name, 'first text (FCP)', spread(s.fcp)]));
    L.push(row([name, 'static text in DOM', spread(s.staticText)]));
    L.push(row([name, 'DOMContentLoaded', spread(s.domContentLoaded)]));
    if (s.wasmLoaded.n) L.push(row([name, 'wasm downloaded (responseEnd)', spread(s.wasmLoaded)]));
    L.push(row([name, '**interactive**', spread(s.interactive)]));
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
  L.push('the next `requestAnimationFrame` callback (includes waiting for the frame, up to ~16.7 ms at 60 Hz).', '');
  L.push(row(['action', 'DOM updated, median ms', 'p10–p90', 'next frame, median ms', 'p10–p90', 'samples']), row(['---', '---:', '---:', '---:', '---:', '---:']));
  for (const [label, s] of [['theme chip on/off', inter.chip], ['view side ↔ inline', inter.view]]) {
    L.push(row([label, ms(s.settled.median), `${ms(s.settled.p10)}–${ms(s.settled.p90)}`, ms(s.frame.median), `${ms(s.frame.p10)}–${ms(s.frame.p90)}`,
      `${s.n}${s.late ? ` (${s.late} updated after more than one task)` : ''}${s.failed ? ` (${s.failed} did not update!)` : ''}`]));
  }
  L.push('');

  L.push('## Reading the numbers', '');
  const wasm = sizes['draftdiff_bg.wasm'];
  L.push(`- The wasm is ${kb(wasm.brotli)} of the page's ${kb(page.brotli)} KiB brotli: the size target is a wasm-size target.`);
  L.push(`- Alignment is most of the compute: \`Comparison::new\` takes ${ratio(comp.compare.median, comp.diff.median)}× the time of the final word`);
  L.push(`  diffs alone (it scores and diffs candidate pairs before choosing). On the diff alone the wasm core is`);
  L.push(`  ${comp.diff.median <= comp.jsdiff.median ? 'faster' : 'slower'} than jsdiff (${ratio(comp.diff.median, comp.jsdiff.median)}×); the align + diff ratio compares more work with less and is`);
  L.push('  reported because it is what the page runs.');
  L.push('- Start-up is what the reader waits for; the compute above is a few milliseconds of it. From DOMContentLoaded to');
  L.push('  *interactive* the page downloads (http), compiles and instantiates the wasm, computes the comparison once and');
  L.push('  renders it with Yew. Over http the wasm request starts only once `index.html` → `draftdiff-embed.js` →');
  L.push('  `draftdiff.js` have loaded (a module chain); `<link rel="modulepreload">` / `<link rel="preload" as="fetch">`');
  L.push('  hints in `index.html` would start it with the page.');
  L.push(`- First text: Chromium inserts the static text at ~${ms(startHttp.staticText.median, 0)} ms (http) but first paints it at`);
  L.push(`  ~${ms(startHttp.fcp.median, 0)} ms${startHttp.fcp.median > startHttp.domContentLoaded.median ? ', after DOMContentLoaded' : ''}: the first frame waits for the`);
  L.push('  browser\'s frame scheduling (headless) and, over http, for the render-blocking stylesheet.');
  L.push('- On a loaded machine (see the load average above) the spread is wide: the medians are the figures to compare.');
  L.push('');
  return L.join('\n');
}

async function main() {
  if (!fs.existsSync(path.join(dist, 'draftdiff.html'))) throw new Error('dist/draftdiff.html is missing: run tools/bench (it builds) or trunk build --release');
  const load = { before: os.loadavg().map((x) => x.toFixed(2)).join(' ') };
  log('sizes');
  const sizes = measure(dist);
  console.error(table(sizes));
  log('native core timings (cargo run --release -p xtask -- bench)');
  const nat = native();
  const server = await serve({
    mounts: { '/bench/': path.join(root, 'tests/bench'), '/bench/vendor/': path.join(root, 'node_modules/diff/dist') },
  });
  const browser = await launch();
  try {
    const m = machine(browser);
    log(`start-up over http, ${LOADS} loads`);
    const startHttp = await startup(browser, `${server.origin}/index.html`);
    log(`start-up from file://, ${LOADS} loads`);
    const startFile = await startup(browser, pathToFileURL(path.join(dist, 'draftdiff.html')).href);
    log('compute: wasm core vs jsdiff');
    const comp = await compute(browser, server.origin);
    log(`interaction, ${INTERACTIONS} rounds`);
    const inter = await interaction(browser, server.origin);
    load.after = os.loadavg().map((x) => x.toFixed(2)).join(' ');
    const md = report({ m, sizes, startHttp, startFile, comp, nat, inter, load });
    if (PRINT_ONLY) {
      console.log(md);
    } else {
      fs.writeFileSync(path.join(root, 'BENCHMARKS.md'), md + '\n');
      console.log(md);
      log('wrote BENCHMARKS.md');
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });

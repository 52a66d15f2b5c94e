// Readers' own documents at their largest: two texts of ~1 MB each compared in the worker, then
// searched. Shared by tools/bench.mjs (the "readers' documents" section, `--readers` alone) and
// tests/e2e/custom.test.mjs (the same texts), so the bench measures what the test checks.

/** `paragraphs` paragraphs of 30 pseudo-random words (4,000 make 0.58 MB, 7,000 make 1.0 MB);
 * two seeds give two unrelated texts, the worst case for the alignment. */
export const big = (seed, paragraphs = 4000) => paras(seed, paragraphs).join('\n\n');

function paras(seed, paragraphs) {
  let x = seed; const out = [];
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648);
  for (let p = 0; p < paragraphs; p++) {
    const para = [];
    for (let w = 0; w < 30; w++) para.push('w' + (rnd() % 5000).toString(36));
    out.push(para.join(' ') + '.');
  }
  return out;
}

/** A revision of `big(seed, paragraphs)`, as a later draft is: every 7th paragraph dropped, a
 * word changed in every 4th, a new paragraph after every 11th. */
export const revised = (seed, paragraphs = 4000) => {
  const out = [];
  paras(seed, paragraphs).forEach((p, i) => {
    if (i % 7 === 3) return;
    out.push(i % 4 === 1 ? p.replace(/^(\S+ \S+ \S+)/, '$1 revised') : p);
    if (i % 11 === 5) out.push('A new paragraph on information weapons and human rights.');
  });
  return out.join('\n\n');
};

/**
 * Runs in the page before its scripts: records main-thread long tasks (PerformanceObserver
 * 'longtask') and when the compare worker answered (the first listener on every Worker, so it
 * runs before the app's), and how often a worker was terminated.
 */
export const RECORDER = () => {
  window.__dd = { tasks: [], answered: null, terminated: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__dd.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask' });
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (e.data && ['done', 'errors', 'failed'].includes(e.data.kind)) window.__dd.answered = performance.now();
      });
    }
    terminate() { window.__dd.terminated++; super.terminate(); }
  };
};

/** Fills both inputs of the open panel with two texts, the megabyte ones unless given (as typing
 * would, but at once). */
export async function fillBig(page, texts = [big(1), big(2)]) {
  await page.evaluate(([a, b]) => {
    for (const [id, v] of [['dd-custom-0', a], ['dd-custom-1', b]]) {
      const el = document.getElementById(id);
      el.value = v;
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
  }, texts);
}

/**
 * One run: open the full page, compare 2 × 1 MB in the worker, then type a query one key at a
 * time. Returns milliseconds: click → worker's answer, click → banner shown, the longest main-
 * thread task while the worker ran and after its answer (decoding + rendering), and for each
 * keystroke input → DOM updated (style and layout forced), → next frame, and the longest task.
 */
export async function readersRun(browser, origin, { texts, query = 'inform' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(RECORDER);
    await page.goto(`${origin}/index.html`);
    await page.waitForSelector('.dd-app .dd-toolbar', { timeout: 20000 });
    await page.locator('.dd-custom-open').click();
    await page.locator('#dd-custom-0').waitFor();
    await fillBig(page, texts);
    const clicked = await page.evaluate(() => performance.now());
    await page.locator('.dd-custom-actions .dd-primary').click();
    await page.locator('.dd-custom-banner').waitFor({ timeout: 180000 });
    const shown = await page.evaluate(() => performance.now());
    // Let the page settle (any progressive rendering finishes) before typing.
    await page.waitForTimeout(1000);
    const { tasks, answered } = await page.evaluate(() => window.__dd);
    const until = answered === null ? Infinity : answered - 5;
    const longest = (ts) => Math.max(0, ...ts.map((t) => t.duration));
    const during = tasks.filter((t) => t.start >= clicked && t.start < until);
    const after = tasks.filter((t) => t.start >= until);
    const rows = await page.locator('.dd-row').count();
    const keys = await page.evaluate(async (q) => {
      const macrotask = () => new Promise((res) => { const c = new MessageChannel(); c.port1.onmessage = () => res(); c.port2.postMessage(0); });
      const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
      const input = document.getElementById('dd-search-input');
      const count = () => document.querySelector('.dd-search-count')?.textContent ?? '';
      const out = [];
      for (let i = 1; i <= q.length; i++) {
        await frame(); await frame();
        const before = count();
        const from = window.__dd.tasks.length;
        const t0 = performance.now();
        input.value = q.slice(0, i);
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: q[i - 1], inputType: 'insertText' }));
        // Yew renders in microtasks of the input's own task: one task later the DOM is
        // updated (the count may read the same as before: "in" and "inf" find the same words).
        await macrotask();
        void document.body.offsetHeight; // style and layout
        const settled = performance.now() - t0;
        await frame();
        const painted = performance.now() - t0;
        await new Promise((res) => setTimeout(res, 60)); // long-task entries arrive a little late
        const own = window.__dd.tasks.slice(from).filter((t) => t.start >= t0 - 1);
        out.push({ query: q.slice(0, i), settled, painted, longest: Math.max(0, ...own.map((t) => t.duration)), count: count(), changed: count() !== before });
      }
      return out;
    }, query);
    return {
      answered: answered === null ? NaN : answered - clicked,
      banner: shown - clicked,
      longestDuring: longest(during),
      longTasksDuring: during.length,
      longestAfter: longest(after),
      rows,
      keys,
    };
  } finally {
    await context.close();
  }
}

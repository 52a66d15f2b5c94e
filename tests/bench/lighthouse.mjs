// Lighthouse 12.2.3 (npm, node_modules/.bin/lighthouse) against Debian's Chromium: one run per
// page × form factor × server, each in its own Chrome (Lighthouse launches it). With Chromium 156
// a few diagnostic audits error out ("…is not a function" in trace processing); the category
// scores and the metrics are still computed, and errored audits are counted in the report.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** Runs Lighthouse on `url`; formFactor 'mobile' (its default: simulated slow 4G, 4× CPU) or 'desktop' (its desktop preset). */
export function lighthouse(root, url, formFactor) {
  const bin = path.join(root, 'node_modules/.bin/lighthouse');
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'draftdiff-lh-')), 'report.json');
  const args = [url, '--quiet', '--output=json', `--output-path=${out}`, `--only-categories=${CATEGORIES.join(',')}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu', '--max-wait-for-load=30000'];
  if (formFactor === 'desktop') args.push('--preset=desktop');
  const env = { ...process.env, CHROME_PATH: process.env.CHROMIUM || '/usr/bin/chromium' };
  return new Promise((resolve) => {
    const t0 = Date.now();
    execFile(bin, args, { env, maxBuffer: 64 << 20, timeout: 180000 }, (error, _stdout, stderr) => {
      const seconds = (Date.now() - t0) / 1000;
      let lhr = null;
      try { lhr = JSON.parse(fs.readFileSync(out, 'utf8')); } catch { /* no report */ }
      fs.rmSync(path.dirname(out), { recursive: true, force: true });
      if (!lhr) {
        resolve({ url, formFactor, seconds, failed: (error?.message || stderr || 'no report').split('\n')[0] });
        return;
      }
      const score = (id) => (lhr.categories[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
      const metric = (id) => lhr.audits[id]?.numericValue;
      resolve({
        url, formFactor, seconds,
        scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])),
        lcp: metric('largest-contentful-paint'), tbt: metric('total-blocking-time'), cls: metric('cumulative-layout-shift'),
        fcp: metric('first-contentful-paint'),
        errored: Object.values(lhr.audits).filter((a) => a.scoreDisplayMode === 'error').map((a) => a.id),
        runtimeError: lhr.runtimeError?.code,
        failedA11y: Object.values(lhr.audits).filter((a) => a.score === 0 && lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id)).map((a) => a.id),
      });
    });
  });
}

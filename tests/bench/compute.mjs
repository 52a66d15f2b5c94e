// In-browser compute benchmark: draftdiff's wasm core vs jsdiff's diffWords, same page, same
// run, same provision pairs. Exposes window.runBench(options) for tools/bench.mjs.
import init, { bench_pairs, bench_compare, bench_diff_pairs } from '../hooks/draftdiff.js';

await init({ module_or_path: new URL('../hooks/draftdiff_bg.wasm', import.meta.url) });
const pairs = bench_pairs();
const { diffWords } = window.Diff;

function jsdiffPairs(iterations) {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    for (const [o, n] of pairs) sink += diffWords(o, n).length;
  }
  const ms = performance.now() - start;
  if (sink < 0) console.log(sink);
  return ms;
}

const contenders = {
  compare: (n) => bench_compare(n), // ours: alignment + every word diff (Comparison::new)
  diff: (n) => bench_diff_pairs(n), // ours: word diff of the pairs only
  jsdiff: jsdiffPairs, // jsdiff diffWords of the same pairs
};

/** Iterations that make one round of `f` last about `ms` milliseconds. */
function calibrate(f, ms) {
  let n = 1;
  for (;;) {
    const t = f(n);
    if (t >= ms / 4 || n >= 1 << 20) return Math.max(1, Math.round((n * ms) / Math.max(t, 0.01)));
    n *= 4;
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Rounds of each contender, interleaved so background load hits all alike. Returns per-run
 * milliseconds (one run = the whole corpus once): median, min, max and all rounds.
 */
window.runBench = ({ rounds = 9, roundMs = 120 } = {}) => {
  const iterations = {};
  for (const [name, f] of Object.entries(contenders)) {
    f(3); // warm-up (JIT, tier-up, allocator)
    iterations[name] = calibrate(f, roundMs);
  }
  const samples = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, f] of Object.entries(contenders)) samples[name].push(f(iterations[name]) / iterations[name]);
  }
  const result = { pairs: pairs.length, words: 0 };
  for (const [o, n] of pairs) result.words += (o.match(/\S+/g) || []).length + (n.match(/\S+/g) || []).length;
  for (const [name, xs] of Object.entries(samples)) {
    result[name] = { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), iterations: iterations[name], rounds: xs };
  }
  return result;
};

document.getElementById('status').textContent = `ready: ${pairs.length} pairs`;
window.benchReady = true;

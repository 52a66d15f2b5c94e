// The physical floor for first paint: dist/index.html with its scripts, its wasm loader and the
// fetch hints for them removed, so the same pre-rendered text and the same stylesheet arrive and
// nothing else happens. What the page can never beat in the same browser on the same machine;
// the benchmark reports the widget's start-up as ratios to it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The floor page's HTML, made from the built index.html. */
export function floorHtml(indexHtml) {
  return indexHtml
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/gi, '')
    // Attribute values quoted or not: the release build's page template is minified.
    .replace(/<link\b[^>]*\brel="?(?:modulepreload|preload)\b[^>]*>\s*/gi, '')
    .replace(/<link\b[^>]*\bdata-trunk\b[^>]*>\s*/gi, '')
    .replace(/<noscript>[\s\S]*?<\/noscript>\s*/gi, '')
    // Served from another path: resolve the stylesheet and icon against the site root.
    .replace(/<meta charset="?utf-8"?>/i, (tag) => `${tag}<base href="/">`);
}

/** The same, for file://: the stylesheet inlined (as the single file has it), no <base>. */
export function floorFileHtml(indexHtml, dist) {
  return floorHtml(indexHtml)
    .replace('<base href="/">', '')
    .replace(/<link\b[^>]*\brel="?stylesheet\b[^>]*>/gi, (tag) => {
      const href = /\bhref="?([^"\s>]+)/.exec(tag)[1];
      return `<style>${fs.readFileSync(path.join(dist, path.basename(href.split('?')[0])), 'utf8')}</style>`;
    });
}

/**
 * Writes the floor pages into a temporary directory and returns it: `index.html` (to serve under
 * a URL prefix, next to dist/) and `file.html` (to open from disk).
 */
export function writeFloor(dist) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdiff-floor-'));
  const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  for (const [name, html] of [['index.html', floorHtml(index)], ['file.html', floorFileHtml(index, dist)]]) {
    if (/<script|rel="?preload/i.test(html) || !/class="dd-static/.test(html) || !/<base href|<style>/.test(html)) {
      throw new Error(`floor ${name}: scripts or fetch hints left, no static text, or the stylesheet unresolved`);
    }
    fs.writeFileSync(path.join(dir, name), html);
  }
  return dir;
}

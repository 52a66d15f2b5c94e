// A small static server for the benchmark, serving a directory the way a host should: brotli
// or gzip by Accept-Encoding (compressed once per file, at the highest level, and kept in
// memory), and cache headers (HTML revalidates with its ETag; the other files are cached for a
// day, since their names carry no content hash). The benchmark compares it with the harness
// server (no compression, `no-store`) to show what hosting does to the same build.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.svg', '.json']);

/** Serves `dir` on 127.0.0.1 (a free port); `mounts` maps URL prefixes to other directories. Resolves to { origin, close }. */
export function serveCompressed(dir, { mounts = {} } = {}) {
  const cache = new Map();
  const prefixes = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const encoded = (full, encoding) => {
    const stat = fs.statSync(full);
    const key = `${full}\0${encoding}\0${stat.mtimeMs}`;
    if (!cache.has(key)) {
      const raw = fs.readFileSync(full);
      const body = encoding === 'br'
        ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : encoding === 'gzip' ? zlib.gzipSync(raw, { level: 9 }) : raw;
      cache.set(key, { body, etag: `"${crypto.createHash('sha1').update(raw).digest('hex').slice(0, 16)}"` });
    }
    return cache.get(key);
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let file = decodeURIComponent(url.pathname);
    const [prefix, base] = prefixes.find(([p]) => file.startsWith(p)) || ['/', dir];
    file = file.slice(prefix.length - 1);
    if (file.endsWith('/')) file += 'index.html';
    const full = path.join(base, path.normalize(file));
    if (!full.startsWith(base) || !fs.existsSync(full) || fs.statSync(full).isDirectory()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const ext = path.extname(full);
    const accept = String(req.headers['accept-encoding'] || '');
    const encoding = !COMPRESSIBLE.has(ext) ? 'identity' : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : 'identity';
    const { body, etag } = encoded(full, encoding);
    const headers = {
      'content-type': TYPES[ext] || 'application/octet-stream',
      'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=86400',
      etag,
      vary: 'Accept-Encoding',
    };
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(r); }) });
    });
  });
}

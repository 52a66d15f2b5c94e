#!/usr/bin/env node
// Try the WordPress plugin by hand: starts a throwaway WordPress 6.1 (Debian's) with the draftdiff
// plugin active, its widget address set to WIDGET_BASE, an Author, and the test posts; prints the
// addresses and passwords; stops everything and deletes it all on Ctrl-C.
//   node tools/integrations/wordpress-demo.mjs http://127.0.0.1:8080/      (after ./tools/serve)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMariaDB, startWordPress } from './services.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fx = path.join(root, 'tests/e2e/fixtures/integrations/wordpress');
const base = process.argv[2] || 'http://127.0.0.1:8080/';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdiff-wp-demo-'));
const db = await startMariaDB(dir);
const wp = await startWordPress({ dir, socket: db.socket, plugins: { draftdiff: path.join(root, 'integrations/wordpress/draftdiff') } });
const stop = async () => { await wp.stop(); await db.stop(); fs.rmSync(dir, { recursive: true, force: true }); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
try {
  const admin = JSON.parse(wp.php(path.join(fx, 'install.php')));
  wp.php(path.join(fx, 'configure.php'), [base]);
  const posts = {
    shortcode: '[draftdiff provision="2015-7" themes="human-rights" view="inline"]',
    link: `${base}index.html#2015-7&themes=human-rights&view=inline`,
  };
  const saved = JSON.parse(wp.php(path.join(fx, 'author-posts.php'), [],
    { input: JSON.stringify(posts), env: { DRAFTDIFF_PROXY_URL: `${base}p/2015-7/` } }));
  console.log(`WordPress: ${wp.origin}/  (admin / ${admin.password}: ${wp.origin}/wp-admin/options-general.php?page=draftdiff)`);
  for (const [slug, p] of Object.entries(saved.posts)) console.log(`  ${slug}: ${p.url}`);
  console.log('Ctrl-C stops it and deletes everything.');
} catch (e) {
  console.error(e.message);
  await stop();
}

// Throwaway services for the integration tests: MariaDB on a socket in a temp folder (no TCP port),
// Debian's WordPress under `php -S 127.0.0.1:PORT`, and Hugo builds. Everything lives in one temp
// folder and is stopped by the returned stop() functions; nothing system-wide is started. The one
// file written outside the temp folder is WordPress's config, /etc/wordpress/config-<name>.php
// (Debian's wp-config.php only looks there), removed again by stop().
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import crypto from 'node:crypto';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const WORDPRESS = '/usr/share/wordpress';

/** Fails with a message naming the Debian packages when a command or file is missing. */
export function requireTools(tools) {
  const missing = tools.filter(([probe]) => !(probe.startsWith('/') ? fs.existsSync(probe) : which(probe)));
  if (missing.length) {
    const pkgs = [...new Set(missing.map(([, pkg]) => pkg))].join(' ');
    throw new Error(`missing ${missing.map(([p]) => p).join(', ')}: run ./tools/setup (or apt-get install --no-install-recommends ${pkgs})`);
  }
}

function which(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function until(what, ok, ms = 20000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Runs a child to completion; throws with its output if it fails. */
export function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...options });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  }
  return r.stdout;
}

/** Children started here, killed if this process exits without stopping them (Ctrl-C, a crash). */
const children = new Set();
process.once('exit', () => { for (const c of children) signal(c, 'SIGKILL'); });
function track(child) {
  children.add(child);
  child.once('exit', () => { if (!child.detached) children.delete(child); });
  return child;
}

/** Signals a child started here and, when it leads a process group of its own, its whole group. */
function signal(child, sig) {
  try {
    process.kill(child.detached ? -child.pid : child.pid, sig);
  } catch { /* already gone */ }
}

/**
 * Stops a child started here (SIGTERM, then SIGKILL) and waits for it to exit. `php -S` with
 * workers forks them: it is started as the leader of its own process group, and the group is
 * signalled, so no worker outlives it.
 */
function stopChild(child, ms = 10000) {
  if (!child) return Promise.resolve();
  const alive = child.exitCode === null && child.signalCode === null;
  if (!alive) {
    if (child.detached) signal(child, 'SIGKILL'); // a worker may remain
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => signal(child, 'SIGKILL'), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      if (child.detached) signal(child, 'SIGKILL');
      resolve();
    });
    signal(child, 'SIGTERM');
  });
}

/**
 * An empty datadir made by mariadb-install-db, made once per MariaDB version under
 * $DRAFTDIFF_TOOLS (~/.cache/draftdiff-tools) and copied for each run: the install takes seconds.
 */
function mariadbSeed(flags, asRoot) {
  const version = run('/usr/sbin/mariadbd', ['--version']).trim().replace(/[^\w.-]+/g, '_');
  const cache = process.env.DRAFTDIFF_TOOLS || path.join(os.homedir(), '.cache/draftdiff-tools');
  const seed = path.join(cache, 'mariadb-seed', version);
  if (!fs.existsSync(path.join(seed, 'mysql'))) {
    const tmp = `${seed}.tmp-${process.pid}`;
    fs.mkdirSync(path.dirname(seed), { recursive: true });
    fs.rmSync(tmp, { recursive: true, force: true });
    run('mariadb-install-db', ['--no-defaults', `--datadir=${tmp}`, '--skip-test-db',
      '--auth-root-authentication-method=normal', ...flags, ...asRoot]);
    fs.rmSync(seed, { recursive: true, force: true });
    fs.renameSync(tmp, seed);
  }
  return seed;
}

/**
 * MariaDB with its own datadir and socket under `dir`, networking off. Resolves to
 * { socket, stop }. Creates the database `wordpress`.
 */
export async function startMariaDB(dir) {
  const datadir = path.join(dir, 'db');
  const socket = path.join(dir, 'mysql.sock');
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
  // Throwaway data: small redo log, no fsync. Same flags for the seed and the server.
  const fast = ['--innodb-log-file-size=4M', '--innodb-flush-log-at-trx-commit=0', '--innodb-flush-method=nosync',
    '--innodb-doublewrite=0'];
  fs.cpSync(mariadbSeed(fast, asRoot), datadir, { recursive: true });
  const log = fs.openSync(path.join(dir, 'mariadb.log'), 'a');
  const child = track(spawn('/usr/sbin/mariadbd', ['--no-defaults', `--datadir=${datadir}`, `--socket=${socket}`,
    `--pid-file=${path.join(dir, 'mariadb.pid')}`, '--skip-networking', '--innodb-buffer-pool-size=32M',
    ...fast, ...asRoot], { stdio: ['ignore', log, log] }));
  const stop = () => stopChild(child);
  try {
    await until('MariaDB', () => child.exitCode === null && fs.existsSync(socket));
    run('mariadb', ['--no-defaults', '-S', socket, '-uroot', '-e', 'CREATE DATABASE wordpress']);
  } catch (e) {
    await stop();
    throw new Error(`${e.message}\n${fs.readFileSync(path.join(dir, 'mariadb.log'), 'utf8')}`);
  }
  return { socket, stop };
}

/**
 * Debian's WordPress on http://127.0.0.1:PORT with its content folder under `dir` (themes from
 * the Debian packages, `plugins` linked in as given), database on `socket`. Resolves to
 * { origin, php(script, args), stop }: php() runs a CLI script inside this WordPress.
 */
export async function startWordPress({ dir, socket, plugins = {}, muPlugins = {} }) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const name = `draftdiff-e2e-${port}`;
  const content = path.join(dir, 'wp-content');
  for (const sub of ['plugins', 'mu-plugins', 'uploads']) fs.mkdirSync(path.join(content, sub), { recursive: true });
  fs.symlinkSync(path.join(WORDPRESS, 'wp-content/themes'), path.join(content, 'themes'));
  for (const [slug, src] of Object.entries(plugins)) fs.symlinkSync(src, path.join(content, 'plugins', slug));
  for (const [file, src] of Object.entries(muPlugins)) fs.symlinkSync(src, path.join(content, 'mu-plugins', file));

  const config = `/etc/wordpress/config-${name}.php`;
  const salt = () => crypto.randomBytes(24).toString('hex');
  const php = (v) => `'${String(v).replace(/[\\']/g, '\\$&')}'`;
  const defines = {
    DB_NAME: 'wordpress', DB_USER: 'root', DB_PASSWORD: '', DB_HOST: `localhost:${socket}`,
    WP_HOME: origin, WP_SITEURL: origin, WP_CONTENT_DIR: content, WP_CONTENT_URL: `${origin}/wp-content`,
    AUTH_KEY: salt(), SECURE_AUTH_KEY: salt(), LOGGED_IN_KEY: salt(), NONCE_KEY: salt(),
    AUTH_SALT: salt(), SECURE_AUTH_SALT: salt(), LOGGED_IN_SALT: salt(), NONCE_SALT: salt(),
    DISABLE_WP_CRON: true, AUTOMATIC_UPDATER_DISABLED: true, WP_HTTP_BLOCK_EXTERNAL: true,
    WP_DEBUG: true, WP_DEBUG_DISPLAY: false, WP_DEBUG_LOG: path.join(dir, 'wp-debug.log'),
  };
  fs.mkdirSync('/etc/wordpress', { recursive: true });
  fs.writeFileSync(config, `<?php\n// Written by draftdiff's tests (tools/integrations/services.mjs); removed when they end.\n${
    Object.entries(defines).map(([k, v]) => `define('${k}', ${typeof v === 'boolean' ? v : php(v)});`).join('\n')}\n`);

  process.once('exit', () => fs.rmSync(config, { force: true }));

  const env = { ...process.env, DRAFTDIFF_WP_CONFIG: name, DRAFTDIFF_WP_CONTENT: content };
  const log = fs.openSync(path.join(dir, 'php-server.log'), 'a');
  const child = track(spawn('php', ['-S', `127.0.0.1:${port}`, '-t', WORDPRESS, path.join(here, 'wp-router.php')],
    { env: { ...env, PHP_CLI_SERVER_WORKERS: '2' }, stdio: ['ignore', log, log], detached: true }));
  child.detached = true;
  const stop = async () => {
    await stopChild(child);
    fs.rmSync(config, { force: true });
  };
  try {
    await until('php -S', () => new Promise((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve(true); });
      s.on('error', () => resolve(false));
    }));
  } catch (e) {
    await stop();
    throw e;
  }
  /** Runs `script` with php-cli inside this WordPress (`input` on its stdin); returns its stdout. */
  const cli = (script, args = [], { env: extraEnv = {}, input } = {}) =>
    run('php', ['-d', 'display_errors=stderr', script, ...args],
      { env: { ...env, ...extraEnv, DRAFTDIFF_WP_HOST: `127.0.0.1:${port}` }, input });
  return { origin, php: cli, stop, log: path.join(dir, 'wp-debug.log') };
}

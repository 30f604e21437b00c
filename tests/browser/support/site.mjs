// The real site for a browser test: the binary `cargo build` made, started
// on a free port against a fresh database of the backend the run is for
// (BROWSER_BACKEND: `sqlite`, a temporary file; `postgres`, a throwaway
// database on TEST_POSTGRES_URL, dropped when the site stops), its mail
// written into an outbox folder of its own.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { readOutbox } from './mail.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BINARY = process.env.ONEINFIVE_BIN || path.join(process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target'), 'debug/oneinfive');
const POSTGRES = process.env.TEST_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
/** How long anything that should happen at once may take before a test fails. */
export const PATIENCE_MS = 10_000;

/** The backend this run is for. */
export function backend() {
  const name = process.env.BROWSER_BACKEND || 'sqlite';
  if (!['sqlite', 'postgres'].includes(name)) throw new Error(`BROWSER_BACKEND=${name}: sqlite or postgres`);
  return name;
}

/** A port nobody listens on, for the site to take (its mails then carry
 * links to its real address). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function psql(url, sql) {
  const run = spawnSync('psql', [url, '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`psql: ${run.stderr || run.error}`);
}

/** A fresh database: its URL, and how to throw it away. */
function freshDatabase(work) {
  if (backend() === 'sqlite') return { url: `sqlite://${work}/site.db`, drop() {} };
  const name = `oneinfive_test_browser_${randomBytes(6).toString('hex')}`;
  psql(POSTGRES, `CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => psql(POSTGRES, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/**
 * Starts the site. `seed`: with the bundled sample data. Returns its base
 * address and what a test needs beside the browser: the command line, the
 * mails, and `stop()`.
 */
export async function startSite({ seed = true } = {}) {
  const work = mkdtempSync(path.join(tmpdir(), 'oneinfive-browser-'));
  const database = freshDatabase(work);
  const outbox = path.join(work, 'outbox');
  const cli = (args, input) => {
    const run = spawnSync(BINARY, ['--database-url', database.url, ...args], { input, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`oneinfive ${args.join(' ')}: ${run.stderr || run.error}`);
    return run.stdout;
  };
  if (seed) cli(['seed']);
  const port = await freePort();
  const log = path.join(work, 'server.log');
  const server = spawn(
    'sh',
    ['-c', `exec "$0" "$@" 2>"${log}"`, BINARY, '--database-url', database.url, 'serve', '--listen', `127.0.0.1:${port}`, '--outbox-dir', outbox, '--signups-per-minute', '1000', '--sign-ins-per-quarter-hour', '1000'],
    { stdio: 'ignore', env: { ...process.env, RUST_LOG: process.env.RUST_LOG || 'info' } },
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + PATIENCE_MS;
  for (;;) {
    const ready = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline || server.exitCode !== null) {
      server.kill();
      database.drop();
      throw new Error(`the site did not start:\n${readFileSync(log, 'utf8')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    base,
    backend: backend(),
    url: (address) => new URL(address, base).href,
    cli,
    /** Creates an account with the command line, as the first admin is made. */
    account(email, password, role = 'admin') {
      cli(['admin', 'create', email, '--role', role], `${password}\n${password}\n`);
    },
    mails: () => readOutbox(outbox),
    /** Waits for a mail to `to` that `test` accepts (the newest first). */
    async mailTo(to, test = () => true) {
      const until = Date.now() + PATIENCE_MS;
      for (;;) {
        const found = readOutbox(outbox).reverse().find((mail) => mail.to.includes(to) && test(mail));
        if (found) return found;
        if (Date.now() > until) throw new Error(`no mail to ${to} within ${PATIENCE_MS / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    /** Runs one SQL statement on the site's database, as an operator
     * would with psql or sqlite3 (to age a row, say). */
    sql(statement) {
      if (backend() === 'postgres') return psql(database.url, statement);
      const file = database.url.replace(/^sqlite:\/\//, '');
      const script = 'import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], timeout=10)\nc.execute(sys.argv[2])\nc.commit()';
      const run = spawnSync('python3', ['-c', script, file, statement], { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`sqlite: ${run.stderr || run.error}`);
    },
    log: () => readFileSync(log, 'utf8'),
    async stop() {
      server.kill('SIGTERM');
      await new Promise((resolve) => (server.exitCode !== null ? resolve() : server.once('exit', resolve)));
      database.drop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

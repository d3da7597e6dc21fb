import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * `npm run bench:startup`: time from starting the server as `npm start` does (the bundle, once
 * built) to /api/health answering, from an empty
 * data directory and from an existing one, on the embedded database and (when a PostgreSQL server
 * is reachable at BENCH_DATABASE_URL, DATABASE_URL or 127.0.0.1:5432) on PostgreSQL.
 * Goals (issue 2): embedded < 30 s first, < 8 s after; PostgreSQL < 3 s after the first start.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = 3390;
// The embedded runs must not inherit a DATABASE_URL from the shell; the PostgreSQL runs set their own.
const { DATABASE_URL: _ignored, ...inherited } = process.env;

// What `npm start` runs: the server bundle, built first if stale.
const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs', 'server'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error('the server build failed');

async function timeStart(env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.js'], {
    cwd: ROOT,
    env: { ...inherited, PORT: String(PORT), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(child);
    return (performance.now() - started) / 1000;
  } finally {
    await stop(child);
  }
}

async function waitForHealth(child: ChildProcess) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not answer /api/health within 180 s');
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

async function postgresUrl(): Promise<string | undefined> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('drop database if exists linzhang_bench_startup with (force)');
    await client.query('create database linzhang_bench_startup');
    const u = new URL(url);
    u.pathname = '/linzhang_bench_startup';
    return u.toString();
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

const results: Record<string, number | undefined> = {};
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linzhang-bench-startup-'));
try {
  console.log('embedded: first start (empty data directory: initdb, PostGIS, migrations, demo county)…');
  results.embedded_first_s = await timeStart({ DATA_DIR: dataDir });
  console.log('embedded: start again on the existing data directory…');
  results.embedded_again_s = await timeStart({ DATA_DIR: dataDir });
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}

const url = await postgresUrl();
if (url) {
  const pgData = fs.mkdtempSync(path.join(os.tmpdir(), 'linzhang-bench-startup-pg-'));
  console.log('postgres: first start (migrations, demo county)…');
  results.postgres_first_s = await timeStart({ DATA_DIR: pgData, DATABASE_URL: url });
  console.log('postgres: start again…');
  results.postgres_again_s = await timeStart({ DATA_DIR: pgData, DATABASE_URL: url });
  fs.rmSync(pgData, { recursive: true, force: true });
} else {
  console.log('postgres: no server reachable; skipped');
}

const goals: Record<string, number> = { embedded_first_s: 30, embedded_again_s: 8, postgres_again_s: 3 };
console.log('\nmeasure               seconds   goal');
for (const [k, v] of Object.entries(results)) {
  const goal = goals[k];
  console.log(`${k.padEnd(20)} ${v === undefined ? '   –' : v.toFixed(1).padStart(7)}   ${goal ? `< ${goal} s ${v !== undefined && v < goal ? 'met' : 'MISSED'}` : ''}`);
}
console.log(`startup ${Object.entries(results).map(([k, v]) => `${k}=${v === undefined ? 'na' : v.toFixed(1)}`).join(' ')}`);

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { quantile } from './lib/measure.ts';

/**
 * `npm run bench:startup [-- --runs N]`: time from starting the server as `npm start` does
 * (`node scripts/start.mjs`, the launcher npm execs) to /api/health answering, from an empty data
 * directory and from an existing one, on the embedded database and (when a PostgreSQL server is
 * reachable at BENCH_DATABASE_URL, DATABASE_URL or 127.0.0.1:5432) on PostgreSQL. Each measure is
 * taken N times (default 3) on a fresh directory or database and printed as min / median / max of
 * the wall time, with the server's CPU time beside it (user + system of all its threads, so a
 * machine busy with other work shows as wall time well above CPU time) and the machine's load.
 * The start-up steps the server logs (open, migrations, demo county, app) are summed per measure.
 * Goals (issue 2): embedded < 30 s first, < 8 s after; PostgreSQL < 3 s after the first start.
 */

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = 3390;
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
// The embedded runs must not inherit a DATABASE_URL from the shell; the PostgreSQL runs set their own.
const { DATABASE_URL: _ignored, ...inherited } = process.env;

// What `npm start` runs is built first when stale, so the runs time the start, not the build.
const build = spawnSync(process.execPath, ['scripts/build-if-stale.mjs'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error('the build failed');

interface Sample {
  wall: number;
  cpu: number | undefined;
  load: number;
  /** Wall and CPU seconds per start-up step, from the server's `startup` log entries. */
  steps: Map<string, { wall: number; cpu: number }>;
}

async function timeStart(env: Record<string, string>): Promise<Sample> {
  const load = os.loadavg()[0]!;
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env: { ...inherited, PORT: String(PORT), LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const steps = new Map<string, { wall: number; cpu: number }>();
  let pending = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop()!;
    for (const line of lines) {
      if (!line.startsWith('{')) continue; // a server before LOG_FORMAT printed plain banners too
      const entry = JSON.parse(line) as { startup?: { step: string; seconds: number; cpuSeconds: number } };
      if (entry.startup) steps.set(entry.startup.step, { wall: entry.startup.seconds, cpu: entry.startup.cpuSeconds });
    }
  });
  try {
    await waitForHealth(child);
    return { wall: (performance.now() - started) / 1000, cpu: cpuSeconds(child.pid!), load, steps };
  } finally {
    await stop(child);
  }
}

/** User + system CPU time of a process and all its threads, from /proc (Linux); undefined elsewhere. */
function cpuSeconds(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

async function waitForHealth(child: ChildProcess) {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('server did not answer /api/health within 240 s');
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
  if (child.exitCode === null) {
    child.kill('SIGKILL');
    throw new Error('the server did not stop within 20 s of SIGTERM');
  }
}

async function postgresDatabase(): Promise<string | undefined> {
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

const samples = new Map<string, Sample[]>();
const record = (measure: string, sample: Sample) => {
  samples.set(measure, [...(samples.get(measure) ?? []), sample]);
  console.log(`  ${measure}: ${sample.wall.toFixed(1)} s (CPU ${sample.cpu?.toFixed(1) ?? '–'} s, load ${sample.load.toFixed(1)})`);
};

for (let run = 1; run <= RUNS; run++) {
  console.log(`run ${run} of ${RUNS}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linzhang-bench-startup-'));
  try {
    record('embedded_first', await timeStart({ DATA_DIR: dataDir }));
    record('embedded_again', await timeStart({ DATA_DIR: dataDir }));
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const url = await postgresDatabase();
  if (!url) {
    console.log('  postgres: no server reachable; skipped');
    continue;
  }
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'linzhang-bench-startup-pg-'));
  try {
    record('postgres_first', await timeStart({ DATA_DIR: filesDir, DATABASE_URL: url }));
    record('postgres_again', await timeStart({ DATA_DIR: filesDir, DATABASE_URL: url }));
  } finally {
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}

const goals: Record<string, number> = { embedded_first: 30, embedded_again: 8, postgres_again: 3 };
const s = (v: number) => v.toFixed(1).padStart(6);
console.log(`\n${RUNS} run(s); wall seconds min / median / max; CPU median; load (1-minute average) min–max; ${os.cpus().length} CPUs`);
console.log('(indented: the start-up steps the server logged, wall min / median / max and CPU median)');
console.log('measure            min  median     max     CPU  load       goal');
for (const [measure, list] of samples) {
  const totals = list.map((x) => x.wall);
  const cpus = list.flatMap((x) => (x.cpu === undefined ? [] : [x.cpu]));
  const loads = list.map((x) => x.load);
  const median = quantile(totals, 0.5);
  const goal = goals[measure];
  const verdict = goal ? `< ${goal} s ${Math.max(...totals) < goal ? 'met' : median < goal ? 'met at the median' : 'MISSED'}` : '';
  console.log(
    `${measure.padEnd(15)}${s(Math.min(...totals))}  ${s(median)}  ${s(Math.max(...totals))}  ${cpus.length ? s(quantile(cpus, 0.5)) : '     –'}  ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`.padEnd(58) + verdict,
  );
  const stepNames = [...new Set(list.flatMap((x) => [...x.steps.keys()]))];
  for (const step of stepNames) {
    const walls = list.map((x) => x.steps.get(step)?.wall ?? 0);
    const cpu = quantile(list.map((x) => x.steps.get(step)?.cpu ?? 0), 0.5);
    console.log(`    ${step.padEnd(11)}${s(Math.min(...walls))}  ${s(quantile(walls, 0.5))}  ${s(Math.max(...walls))}  ${s(cpu)}`);
  }
}

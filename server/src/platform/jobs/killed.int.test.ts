import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { sql } from 'kysely';
import { expect, inject, it } from 'vitest';
import { startTestApp } from '../../../test/app.ts';
import { createEffectTable, KILLED_KIND, killedJobService, recordEffect } from '../../../test/fixtures/killed-job.ts';
import { SHUIDONG } from '../../../test/personas.ts';
import { pgliteTemplatePath, testConfig } from '../../../test/template.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { systemContext } from '../context.ts';

const CHILD = fileURLToPath(new URL('../../../test/fixtures/killed-job-child.ts', import.meta.url));

/**
 * The database a killed server and its successor share: the test's own PostgreSQL database, or an
 * embedded one on disk (only one process can hold it, so the successor opens it after the kill,
 * as a restarted `npm start` would).
 */
async function sharedDatabase() {
  if (process.env.DATABASE_URL) {
    const t = await startTestApp();
    return { childEnv: { DATABASE_URL: t.config.database.kind === 'postgres' ? t.config.database.url : '' }, open: async () => t.database, close: async () => {}, dispose: () => t.close() };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'linzhang-killed-'));
  const config = testConfig({ DATA_DIR: dir });
  const seeded = await PGlite.create({ dataDir: path.join(dir, 'pglite'), loadDataDir: new Blob([fs.readFileSync(pgliteTemplatePath(inject('templateKey')))]), extensions: { postgis } });
  await seeded.close();
  return {
    childEnv: { DATA_DIR: dir },
    open: async () => {
      const database = await openDatabase(config);
      await database.enterAppRole();
      return database;
    },
    close: (database: Database) => database.close(),
    dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

it('a server killed in the middle of a job: another picks the job up, it is not lost, and its effect happens once', async () => {
  const shared = await sharedDatabase();
  try {
    let database = await shared.open();
    await createEffectTable(database);
    const system = systemContext(database.app, [SHUIDONG]);
    const queueing = killedJobService(database, async () => undefined, () => {});
    const id = (await system.run((tx) => queueing.enqueue(system, tx, { kind: KILLED_KIND, regionCode: SHUIDONG, payload: {} })))!;
    await shared.close(database);

    // A real server process (node + tsx) claims the job, commits its effect, and is killed with SIGKILL.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...shared.childEnv }, stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const said = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the child never ran the job')), 90_000);
      readline.createInterface({ input: child.stdout }).on('line', (line) => {
        if (!line.startsWith('effect ')) return;
        clearTimeout(timer);
        resolve(line);
      });
      void exited.then(() => reject(new Error('the child exited before running the job')));
    });
    const [, claimed, killedWorker] = said.split(' ');
    expect(Number(claimed)).toBe(id);
    child.kill('SIGKILL');
    expect(await exited).toBe(null);

    database = await shared.open();
    const left = await systemContext(database.app).run((tx) => tx.selectFrom('jobs').select(['state', 'worker_id', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow());
    expect(left).toEqual({ state: 'running', worker_id: killedWorker, attempts: 1 });

    // The next server proves the killed one dead at once (same host, its process gone; or the
    // embedded database, which no other process could hold) and runs the job again.
    const reruns: number[] = [];
    const errors: unknown[] = [];
    const successor = killedJobService(
      database,
      async (job) => {
        reruns.push(job.attempt);
        await recordEffect(job, 'successor');
      },
      (error) => errors.push(error),
    );
    successor.start();
    try {
      const started = Date.now();
      let job;
      do {
        await new Promise((r) => setTimeout(r, 50));
        job = await systemContext(database.app).run((tx) => tx.selectFrom('jobs').select(['state', 'attempts', 'worker_id']).where('id', '=', id).executeTakeFirstOrThrow());
      } while (job.state !== 'succeeded' && Date.now() - started < 20_000);
      expect(job).toEqual({ state: 'succeeded', attempts: 2, worker_id: null });
      // well before the heartbeat would have gone stale (60 s)
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      await successor.stop();
    }
    expect(reruns).toEqual([2]);
    const effects = await systemContext(database.app).run((tx) => sql<{ job_id: number; done_by: string }>`select job_id, done_by from test_job_effects`.execute(tx));
    expect(effects.rows).toEqual([{ job_id: id, done_by: `pid ${child.pid}` }]);
    expect(errors).toEqual([]);
    await shared.close(database);
  } finally {
    await shared.dispose();
  }
}, 180_000);

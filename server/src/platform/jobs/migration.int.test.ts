import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHUIDONG } from '../../../test/personas.ts';
import { adminQuery, testConfig, withDatabase } from '../../../test/template.ts';
import { openDatabase, type Database } from '../../db/database.ts';
import { migrate, readMigrations } from '../../db/migrator.ts';
import { loadRegions } from '../../modules/regions/load.ts';
import { systemContext } from '../context.ts';

/**
 * Migration 20261203-10 moves the import queue (import_jobs' queue columns) into the jobs table.
 * A database at the migration before it holds imports in every state the old queue knew; after it,
 * each started import has the job it would have had, and each one reads the same.
 */
const MOVING = '20261203-10-jobs.sql';

let database: Database;
let dropDatabase = async () => {};
beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `linzhang_m_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(url, `create database ${name}`);
    database = await openDatabase(testConfig({ DATABASE_URL: withDatabase(url, name) }));
    dropDatabase = () => adminQuery(url, `drop database if exists ${name} with (force)`);
  } else {
    database = await openDatabase(testConfig(), { inMemory: true });
  }
  const all = await readMigrations();
  await migrate(
    database.owner,
    all.filter((m) => m.name < MOVING),
  );
}, 120_000);
afterAll(async () => {
  await database?.close();
  await dropDatabase();
});

/** An import as the old queue kept it; the columns not given are what an upload left. */
async function legacyImport(status: string, columns: Record<string, unknown> = {}): Promise<number> {
  const values: Record<string, unknown> = {
    region_code: SHUIDONG,
    target: 'sub_compartments',
    status,
    file_sha256: 'a'.repeat(64),
    file_name: `${status}.zip`,
    file_size: 2048,
    format: 'shapefile',
    progress_total: 120,
    created_by_name: '李飞杉（demo-office）',
    actor_roots: [SHUIDONG],
    created_at: new Date('2026-12-01T02:00:00Z'),
    ...columns,
  };
  const names = Object.keys(values);
  const [row] = await database.owner.query<{ id: number }>(
    `insert into import_jobs (${names.join(', ')}) values (${names.map((_, i) => `$${i + 1}`).join(', ')}) returning id`,
    Object.values(values).map((v) => (v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? JSON.stringify(v) : v)),
  );
  return row!.id;
}

describe(`migration ${MOVING}`, () => {
  const ids: Record<string, number> = {};
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    await loadRegions(systemContext(database.app), [SHUIDONG.slice(0, 6)]);
    ids.uploaded = await legacyImport('uploaded', { options: JSON.stringify({ layer: '林班小班' }) });
    ids.withdrawn = await legacyImport('cancelled', { cancel_requested: true, finished_at: at('2026-12-01T02:05:00Z') });
    ids.queued = await legacyImport('queued');
    ids.running = await legacyImport('running', {
      progress_done: 50,
      worker_id: 'old-server-id',
      heartbeat_at: at('2026-12-01T02:10:30Z'),
      started_at: at('2026-12-01T02:10:00Z'),
    });
    ids.succeeded = await legacyImport('succeeded', {
      progress_done: 120,
      started_at: at('2026-12-01T02:10:00Z'),
      finished_at: at('2026-12-01T02:11:00Z'),
      report: JSON.stringify({ read: 120, imported: 119, layer: '林班小班', dataset: '林班小班.zip' }),
    });
    ids.failed = await legacyImport('failed', {
      progress_done: 30,
      started_at: at('2026-12-01T02:10:00Z'),
      finished_at: at('2026-12-01T02:10:40Z'),
      error_code: 'too_many_features',
      error_message: '要素数量超过 2 个的上限',
    });
    ids.stopped = await legacyImport('cancelled', {
      progress_done: 80,
      cancel_requested: true,
      started_at: at('2026-12-01T02:10:00Z'),
      finished_at: at('2026-12-01T02:12:00Z'),
    });
    expect(await migrate(database.owner, await readMigrations())).toContain(MOVING);
  }, 120_000);

  const moved = async () =>
    database.owner.query<Record<string, unknown>>(`
      select i.id, i.job_id is not null as has_job, i.cancelled_at, i.report,
             coalesce(j.state, case when i.cancelled_at is null then 'uploaded' else 'cancelled' end) as status,
             j.kind, j.state, j.payload, j.dedupe_key, j.attempts, j.progress, j.worker_id, j.heartbeat_at, j.cancel_requested,
             j.error_code, j.error_message, j.created_by_name, j.actor_roots, j.region_code, j.started_at, j.finished_at
        from import_jobs i left join jobs j on j.id = i.job_id order by i.id`);

  it('gives every started import its job and leaves the others without', async () => {
    const rows = await moved();
    const byId = new Map(rows.map((r) => [r.id as number, r]));
    expect(byId.get(ids.uploaded!)).toMatchObject({ has_job: false, status: 'uploaded', cancelled_at: null });
    expect(byId.get(ids.withdrawn!)).toMatchObject({ has_job: false, status: 'cancelled', cancelled_at: at('2026-12-01T02:05:00Z') });
    for (const name of ['queued', 'running', 'succeeded', 'failed', 'stopped']) {
      const row = byId.get(ids[name]!)!;
      expect(row).toMatchObject({
        has_job: true,
        kind: 'import',
        payload: { importId: ids[name] },
        dedupe_key: `import:${ids[name]}`,
        created_by_name: '李飞杉（demo-office）',
        actor_roots: [SHUIDONG],
        region_code: SHUIDONG,
      });
    }
  });

  it('carries each queue state over, so every import reads as it did', async () => {
    const byId = new Map((await moved()).map((r) => [r.id as number, r]));
    expect(byId.get(ids.queued!)).toMatchObject({ status: 'queued', attempts: 0, progress: { done: 0, total: 120 }, worker_id: null, finished_at: null });
    expect(byId.get(ids.running!)).toMatchObject({
      status: 'running',
      attempts: 1,
      progress: { done: 50, total: 120 },
      worker_id: 'old-server-id',
      heartbeat_at: at('2026-12-01T02:10:30Z'),
      started_at: at('2026-12-01T02:10:00Z'),
    });
    expect(byId.get(ids.succeeded!)).toMatchObject({
      status: 'succeeded',
      progress: { done: 120, total: 120 },
      finished_at: at('2026-12-01T02:11:00Z'),
      report: { read: 120, imported: 119, layer: '林班小班', dataset: '林班小班.zip' },
    });
    expect(byId.get(ids.failed!)).toMatchObject({ status: 'failed', error_code: 'too_many_features', error_message: '要素数量超过 2 个的上限' });
    expect(byId.get(ids.stopped!)).toMatchObject({ status: 'cancelled', cancel_requested: true, progress: { done: 80, total: 120 }, finished_at: at('2026-12-01T02:12:00Z') });
  });

  it('drops the queue columns from import_jobs', async () => {
    const columns = await database.owner.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'import_jobs' order by column_name`,
    );
    const names = columns.map((c) => c.column_name);
    for (const gone of ['status', 'progress_done', 'progress_total', 'cancel_requested', 'error_code', 'error_message', 'actor_roots', 'worker_id', 'heartbeat_at', 'started_at', 'finished_at']) {
      expect(names).not.toContain(gone);
    }
    expect(names).toEqual(expect.arrayContaining(['job_id', 'cancelled_at', 'report', 'options', 'inspection']));
  });
});

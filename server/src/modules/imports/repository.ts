import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { Inspection, ImportOptions } from './settings.ts';
import type { ImportFormat, ImportStatus, ImportTarget } from './tables.ts';

export interface JobRow {
  id: number;
  region_code: string;
  region_name: string;
  target: ImportTarget;
  status: ImportStatus;
  file_sha256: string;
  file_name: string;
  file_size: number;
  format: ImportFormat;
  inspection: Inspection;
  options: ImportOptions;
  progress_done: number;
  progress_total: number | null;
  cancel_requested: boolean;
  report: Record<string, unknown> | null;
  error_code: string | null;
  error_message: string | null;
  created_by: number | null;
  created_by_name: string;
  actor_roots: string[];
  worker_id: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
}

const jobSelect = (tx: Tx) =>
  tx
    .selectFrom('import_jobs as j')
    .innerJoin('regions as r', 'r.code', 'j.region_code')
    .selectAll('j')
    .select('r.name as region_name');

export async function findJob(tx: Tx, id: number): Promise<JobRow | undefined> {
  return (await jobSelect(tx).where('j.id', '=', id).executeTakeFirst()) as unknown as JobRow | undefined;
}

export async function listJobs(tx: Tx, filter: { target?: ImportTarget; status?: ImportStatus; limit: number }): Promise<JobRow[]> {
  let q = jobSelect(tx).orderBy('j.created_at', 'desc').orderBy('j.id', 'desc').limit(filter.limit);
  if (filter.target) q = q.where('j.target', '=', filter.target);
  if (filter.status) q = q.where('j.status', '=', filter.status);
  return (await q.execute()) as unknown as JobRow[];
}

export async function insertJob(
  tx: Tx,
  job: {
    regionCode: string;
    target: ImportTarget;
    sha256: string;
    fileName: string;
    fileSize: number;
    format: ImportFormat;
    inspection: Inspection;
    featureCount: number;
    createdBy: number;
    createdByName: string;
    actorRoots: readonly string[];
  },
): Promise<number> {
  const row = await tx
    .insertInto('import_jobs')
    .values({
      region_code: job.regionCode,
      target: job.target,
      file_sha256: job.sha256,
      file_name: job.fileName,
      file_size: job.fileSize,
      format: job.format,
      inspection: JSON.stringify(job.inspection),
      options: '{}',
      progress_total: job.featureCount,
      report: null,
      error_code: null,
      error_message: null,
      created_by: job.createdBy,
      created_by_name: job.createdByName,
      actor_roots: sql<string[]>`${[...job.actorRoots]}::text[]`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The dataset each layer of a file with this content got when it was last imported into `target`
 * (and is still visible to the caller): importing the same file again replaces what it brought,
 * whatever it is called now.
 */
export async function earlierDatasets(tx: Tx, sha256: string, target: ImportTarget): Promise<Record<string, string>> {
  const { rows } = await sql<{ layer: string; dataset: string }>`
    select distinct on (report ->> 'layer') report ->> 'layer' as layer, report ->> 'dataset' as dataset
      from import_jobs
     where file_sha256 = ${sha256} and target = ${target} and status = 'succeeded'
       and report ->> 'layer' is not null and report ->> 'dataset' is not null
     order by report ->> 'layer', finished_at desc, id desc`.execute(tx);
  return Object.fromEntries(rows.map((r) => [r.layer, r.dataset]));
}

/** Saves the user's choices (and what re-inspecting with them found) while the job still waits for them. */
export async function saveChoices(tx: Tx, id: number, options: ImportOptions, inspection: Inspection): Promise<boolean> {
  const r = await tx
    .updateTable('import_jobs')
    .set({ options: JSON.stringify(options), inspection: JSON.stringify(inspection) })
    .where('id', '=', id)
    .where('status', '=', 'uploaded')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function queueJob(tx: Tx, id: number): Promise<boolean> {
  const r = await tx.updateTable('import_jobs').set({ status: 'queued', progress_done: 0 }).where('id', '=', id).where('status', '=', 'uploaded').executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/**
 * Cancels at once what has not started; a running job is asked to stop and stops itself at its
 * next checkpoint. Returns the status afterwards, or undefined when the job was already over.
 */
export async function requestCancel(tx: Tx, id: number): Promise<ImportStatus | undefined> {
  const row = await tx
    .updateTable('import_jobs')
    .set({
      cancel_requested: true,
      status: sql<ImportStatus>`case when status in ('uploaded', 'queued') then 'cancelled' else status end`,
      finished_at: sql<Date>`case when status in ('uploaded', 'queued') then now() else finished_at end`,
    })
    .where('id', '=', id)
    .where('status', 'in', ['uploaded', 'queued', 'running'])
    .returning('status')
    .executeTakeFirst();
  return row?.status;
}

export async function claimJob(tx: Tx, workerId: string): Promise<number | undefined> {
  const { rows } = await sql<{ id: number }>`
    update import_jobs
       set status = 'running', worker_id = ${workerId}, heartbeat_at = now(), started_at = now(), progress_done = 0
     where id = (select id from import_jobs where status = 'queued' and not cancel_requested
                  order by created_at, id limit 1 for update skip locked)
    returning id`.execute(tx);
  return rows[0]?.id;
}

export async function heartbeat(tx: Tx, workerId: string): Promise<void> {
  await tx.updateTable('import_jobs').set({ heartbeat_at: sql<Date>`now()` }).where('worker_id', '=', workerId).where('status', '=', 'running').execute();
}

/** Running jobs whose worker has been silent for `staleSeconds`: marked failed, their staged rows dropped. */
export async function failSilentJobs(tx: Tx, staleSeconds: number, code: string, message: string): Promise<Array<{ id: number; region_code: string }>> {
  const { rows } = await sql<{ id: number; region_code: string }>`
    update import_jobs
       set status = 'failed', error_code = ${code}, error_message = ${message}, finished_at = now()
     where status = 'running' and heartbeat_at < now() - make_interval(secs => ${staleSeconds})
    returning id, region_code`.execute(tx);
  if (rows.length > 0) await tx.deleteFrom('import_staging').where('job_id', 'in', rows.map((r) => r.id)).execute();
  return rows;
}

/**
 * Records progress as this worker; tells whether to go on. Undefined: the job is no longer this
 * worker's (swept as silent) and must stop without touching anything.
 */
export async function reportProgress(tx: Tx, id: number, workerId: string, done: number): Promise<{ cancelRequested: boolean } | undefined> {
  const row = await tx
    .updateTable('import_jobs')
    .set({ progress_done: done, heartbeat_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('worker_id', '=', workerId)
    .where('status', '=', 'running')
    .returning('cancel_requested')
    .executeTakeFirst();
  return row ? { cancelRequested: row.cancel_requested } : undefined;
}

/** Locks this worker's running job for the final write; undefined when it is no longer ours. */
export async function lockRunningJob(tx: Tx, id: number, workerId: string): Promise<{ cancel_requested: boolean } | undefined> {
  return tx
    .selectFrom('import_jobs')
    .select('cancel_requested')
    .where('id', '=', id)
    .where('worker_id', '=', workerId)
    .where('status', '=', 'running')
    .forUpdate()
    .executeTakeFirst();
}

export async function finishJob(
  tx: Tx,
  id: number,
  workerId: string,
  end: { status: 'succeeded' | 'failed' | 'cancelled'; report: Record<string, unknown> | null; errorCode: string | null; errorMessage: string | null; done?: number },
): Promise<boolean> {
  const r = await tx
    .updateTable('import_jobs')
    .set({
      status: end.status,
      report: end.report === null ? null : JSON.stringify(end.report),
      error_code: end.errorCode,
      error_message: end.errorMessage,
      finished_at: sql<Date>`now()`,
      ...(end.done === undefined ? {} : { progress_done: end.done }),
    })
    .where('id', '=', id)
    .where('worker_id', '=', workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function deleteStaging(tx: Tx, jobId: number): Promise<void> {
  await tx.deleteFrom('import_staging').where('job_id', '=', jobId).execute();
}

export async function codeEntries(tx: Tx) {
  return tx.selectFrom('code_tables').select(['domain', 'code', 'name']).execute();
}

/** A visible region with its name and the longitude of a point inside it (to suggest a Gauss–Krüger zone). */
export async function regionInfo(tx: Tx, code: string): Promise<{ code: string; name: string; lon: number | null } | undefined> {
  const { rows } = await sql<{ code: string; name: string; lon: number | null }>`
    select code, name, st_x(st_pointonsurface(geom)) as lon from regions where code = ${code}`.execute(tx);
  return rows[0];
}

export async function findPlan(tx: Tx, id: number) {
  return tx.selectFrom('grid_plans').select(['id', 'region_code', 'name', 'status', 'year']).where('id', '=', id).executeTakeFirst();
}

/** A chief's post that is held today, with its region. */
export async function findChiefPost(tx: Tx, id: number) {
  return tx
    .selectFrom('posts as p')
    .innerJoin('post_types as t', 't.code', 'p.post_type')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .select(['p.id', 'p.region_code', 'p.responsibility_area', 'p.title', 't.category', 't.name_zh as post_type_name', 'r.name as region_name'])
    .where('p.id', '=', id)
    .where(sql<boolean>`p.starts_on <= lz_today() and (p.ends_on is null or p.ends_on >= lz_today())`)
    .executeTakeFirst();
}

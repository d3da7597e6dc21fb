import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { ImportReport } from './finalize.ts';
import type { PresetCreate } from './schema.ts';
import type { Inspection, ImportOptions } from './settings.ts';
import type { ImportFormat, ImportStatus, ImportTarget } from './tables.ts';

/** An import's status: 'uploaded' until it is started, then its job's state. */
const statusOf = sql<ImportStatus>`coalesce(jb.state, case when i.cancelled_at is null then 'uploaded' else 'cancelled' end)`;

const importSelect = (tx: Tx) =>
  tx
    .selectFrom('import_jobs as i')
    .innerJoin('regions as r', 'r.code', 'i.region_code')
    .leftJoin('jobs as jb', 'jb.id', 'i.job_id')
    .select([
      'i.id',
      'i.region_code',
      'r.name as region_name',
      'i.target',
      'i.file_sha256',
      'i.file_name',
      'i.file_size',
      'i.format',
      'i.inspection',
      'i.options',
      'i.report',
      'i.created_by_name',
      'i.created_at',
      'i.job_id',
      statusOf.as('status'),
      'jb.progress',
      sql<boolean>`coalesce(jb.cancel_requested, i.cancelled_at is not null)`.as('cancel_requested'),
      'jb.error_code',
      'jb.error_message',
      'jb.started_at',
      sql<Date | null>`coalesce(jb.finished_at, i.cancelled_at)`.as('finished_at'),
    ]);

/** An import with its region's name and its job's state, progress and error. */
export type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

export async function findImport(tx: Tx, id: number) {
  return importSelect(tx).where('i.id', '=', id).executeTakeFirst();
}

/** The layers a caller may import: these targets within these region subtrees (LIKE patterns). */
export interface Writable {
  targets: ImportTarget[];
  patterns: string[];
}

/** The newest imports the caller may write, filtered in SQL so that `limit` counts only those. */
export async function listImports(tx: Tx, filter: { target?: ImportTarget; status?: ImportStatus; limit: number; writable: readonly Writable[] }): Promise<ImportRow[]> {
  let q = importSelect(tx)
    .where((eb) => eb.or(filter.writable.map((w) => eb.and([eb('i.target', 'in', w.targets), sql<boolean>`i.region_code like any(${w.patterns}::text[])`]))))
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(filter.limit);
  if (filter.target) q = q.where('i.target', '=', filter.target);
  if (filter.status) q = q.where(statusOf, '=', filter.status);
  return q.execute();
}

export async function insertImport(
  tx: Tx,
  input: {
    regionCode: string;
    target: ImportTarget;
    sha256: string;
    fileName: string;
    fileSize: number;
    format: ImportFormat;
    inspection: Inspection;
    createdBy: number | null;
    createdByName: string;
  },
): Promise<number> {
  const row = await tx
    .insertInto('import_jobs')
    .values({
      region_code: input.regionCode,
      target: input.target,
      file_sha256: input.sha256,
      file_name: input.fileName,
      file_size: input.fileSize,
      format: input.format,
      inspection: JSON.stringify(input.inspection),
      options: '{}',
      report: null,
      created_by: input.createdBy,
      created_by_name: input.createdByName,
      job_id: null,
      cancelled_at: null,
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
    select distinct on (i.report ->> 'layer') i.report ->> 'layer' as layer, i.report ->> 'dataset' as dataset
      from import_jobs i join jobs jb on jb.id = i.job_id
     where i.file_sha256 = ${sha256} and i.target = ${target} and jb.state = 'succeeded'
       and i.report ->> 'layer' is not null and i.report ->> 'dataset' is not null
     order by i.report ->> 'layer', jb.finished_at desc, i.id desc`.execute(tx);
  return Object.fromEntries(rows.map((r) => [r.layer, r.dataset]));
}

/** Saves the user's choices (and what re-inspecting with them found) while the import still waits for them. */
export async function saveChoices(tx: Tx, id: number, options: ImportOptions, inspection: Inspection): Promise<boolean> {
  const r = await tx
    .updateTable('import_jobs')
    .set({ options: JSON.stringify(options), inspection: JSON.stringify(inspection) })
    .where('id', '=', id)
    .where('job_id', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Links a waiting import to the job that runs it; false when it was started or cancelled meanwhile. */
export async function attachJob(tx: Tx, id: number, jobId: number): Promise<boolean> {
  const r = await tx.updateTable('import_jobs').set({ job_id: jobId }).where('id', '=', id).where('job_id', 'is', null).where('cancelled_at', 'is', null).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Cancels an import that was never started; false when it was started or cancelled already. */
export async function cancelWaiting(tx: Tx, id: number): Promise<boolean> {
  const r = await tx.updateTable('import_jobs').set({ cancelled_at: sql<Date>`now()` }).where('id', '=', id).where('job_id', 'is', null).where('cancelled_at', 'is', null).executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

export async function saveReport(tx: Tx, id: number, report: ImportReport): Promise<void> {
  await tx.updateTable('import_jobs').set({ report: JSON.stringify(report) }).where('id', '=', id).execute();
}

export async function deleteStaging(tx: Tx, importId: number): Promise<void> {
  await tx.deleteFrom('import_staging').where('job_id', '=', importId).execute();
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

/** Mapping presets of the caller's regions and those above them (mapping_presets RLS), by region and name. */
export async function presetsFor(tx: Tx, target?: string) {
  let q = tx.selectFrom('mapping_presets').selectAll().orderBy('region_code').orderBy('name');
  if (target) q = q.where('target', '=', target);
  return q.execute();
}

export type PresetRow = Awaited<ReturnType<typeof presetsFor>>[number];

export async function insertPreset(tx: Tx, input: PresetCreate): Promise<PresetRow> {
  return tx
    .insertInto('mapping_presets')
    .values({ region_code: input.regionCode, target: input.target, name: input.name.trim(), mapping: JSON.stringify(input.mapping) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function presetTarget(tx: Tx, id: number): Promise<string | undefined> {
  return (await tx.selectFrom('mapping_presets').select('target').where('id', '=', id).executeTakeFirst())?.target;
}

/** Deletes a preset of the caller's own regions; false when it is one inherited from above. */
export async function deletePreset(tx: Tx, id: number): Promise<boolean> {
  return (await tx.deleteFrom('mapping_presets').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n;
}

export async function regionExists(tx: Tx, code: string): Promise<boolean> {
  return (await tx.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

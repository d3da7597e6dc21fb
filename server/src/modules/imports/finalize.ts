import { sql } from 'kysely';
import { auditAs, type Tx } from '../../db/scoped.ts';
import { recordEvent } from '../../platform/audit/record.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { RunningJob } from '../../platform/jobs/kind.ts';
import type { Crs } from './crs.ts';
import { ENCODING_NAMES } from './encoding.ts';
import * as repo from './repository.ts';
import type { TargetContext } from './run-plan.ts';
import type { Settings } from './settings.ts';
import { OUTSIDE_CHINA, rejectDuplicates } from './stage.ts';
import type { TargetSpec } from './targets.ts';
import { writeLayer } from './writers.ts';

/** Everything a run decided before reading the first feature. */
export interface RunPlan {
  job: repo.ImportRow;
  spec: TargetSpec;
  settings: Settings;
  target: TargetContext;
  crs: Crs;
  started: number;
}

/** At most this many rejected (and repaired) rows are listed one by one; the counts are always whole. */
export const REPORT_ROWS = 1000;

/** 导入报告: what happened to every row of the file. */
export interface ImportReport {
  target: string;
  dataset: string;
  layer: string;
  projection: { code: string; name: string };
  encoding: string | null;
  gcj02: boolean;
  read: number;
  imported: number;
  inserted: number;
  updated: number;
  replaced: number;
  repaired: number;
  rejected: number;
  rejectedRows: Array<{ row: number; reason: string }>;
  repairedRows: Array<{ row: number; reason: string }>;
  listsTruncated: boolean;
  warnings: string[];
  durationMs: number;
}

/**
 * The one transaction that makes an import visible: holds the job (still this worker's, not
 * cancelled), rejects duplicate keys, writes the layer, reports, drops the staging rows, ends the
 * job and records one audit event. Anything thrown rolls all of it back; the layer and the job's
 * end commit together, so an import runs to its end once however often it is delivered.
 */
export async function finalize(tx: Tx, plan: RunPlan, read: number, running: RunningJob<unknown>): Promise<void> {
  const { job, spec, settings, target } = plan;
  await running.hold(tx);
  await rejectDuplicates(tx, job.id, spec);
  const { rows } = await sql<{ accepted: number; repaired: number; rejected: number; outside: number }>`
    select count(*) filter (where reject_reason is null)::int as accepted,
           count(*) filter (where reject_reason is null and repaired)::int as repaired,
           count(*) filter (where reject_reason is not null)::int as rejected,
           count(*) filter (where reject_reason like ${`${OUTSIDE_CHINA}%`})::int as outside
      from import_staging where job_id = ${job.id}`.execute(tx);
  const tally = rows[0]!;
  // Nothing inside China and something outside it: the coordinates were read in the wrong system.
  if (tally.accepted === 0 && tally.outside > 0) {
    throw new AppError('outside_china', { reason: `${tally.outside} 个要素都在中国范围之外，请检查坐标系是否选对` });
  }
  await auditAs(tx, 'import.write');
  const counts = await writeLayer(tx, job.target, {
    jobId: job.id,
    dataset: settings.dataset,
    areaPrefix: target.area.prefix,
    jobRegion: job.region_code,
    planId: settings.planId,
    post: target.post,
    layerName: settings.layerName,
    layerKind: settings.layerKind,
    kind: settings.kind,
  });
  const listed = async (where: ReturnType<typeof sql>, reason: ReturnType<typeof sql>) =>
    (
      await sql<{ row: number; reason: string }>`
        select row_number as row, ${reason} as reason from import_staging
         where job_id = ${job.id} and ${where} order by row_number limit ${REPORT_ROWS}`.execute(tx)
    ).rows.map((r) => ({ row: r.row, reason: inChinese(r.reason) }));
  const rejectedRows = await listed(sql`reject_reason is not null`, sql`reject_reason`);
  const repairedRows = await listed(sql`repaired`, sql`coalesce(attrs ->> '_repair', '')`);
  const report: ImportReport = {
    target: job.target,
    dataset: settings.dataset,
    layer: settings.layer.name,
    projection: { code: plan.crs.code, name: plan.crs.name },
    encoding: settings.encoding ? ENCODING_NAMES[settings.encoding] : null,
    gcj02: settings.gcj02,
    read,
    imported: counts.inserted + counts.updated,
    ...counts,
    repaired: tally.repaired,
    rejected: tally.rejected,
    rejectedRows,
    repairedRows,
    listsTruncated: tally.rejected > REPORT_ROWS || tally.repaired > REPORT_ROWS,
    warnings: settings.layer.warnings,
    durationMs: Date.now() - plan.started,
  };
  await repo.deleteStaging(tx, job.id);
  await repo.saveReport(tx, job.id, report);
  await running.complete(tx, { read, imported: report.imported });
  await recordEvent(tx, {
    action: 'import.succeed',
    entity: 'import_jobs',
    entityId: job.id,
    regionCode: job.region_code,
    after: { target: job.target, fileName: job.file_name, dataset: settings.dataset, read, imported: report.imported, inserted: counts.inserted, updated: counts.updated, replaced: counts.replaced, repaired: tally.repaired, rejected: tally.rejected },
  });
}

/** GEOS's validity reasons, as a person reading the report would say them. */
const GEOS_WORDS: Array<[RegExp, string]> = [
  [/Ring Self-intersection/gi, '环自相交'],
  [/Self-intersection/gi, '自相交'],
  [/Too few points in geometry component/gi, '点数过少'],
  [/Too few points/gi, '点数过少'],
  [/Hole lies outside shell/gi, '内环在外环之外'],
  [/Nested holes/gi, '内环相互嵌套'],
  [/Nested shells/gi, '外环相互嵌套'],
  [/Interior is disconnected/gi, '内部不连通'],
  [/Duplicate Rings?/gi, '重复的环'],
  [/Invalid Coordinate/gi, '坐标无效'],
  [/Ring is not closed/gi, '环未闭合'],
];

function inChinese(reason: string): string {
  return GEOS_WORDS.reduce((text, [pattern, words]) => text.replace(pattern, words), reason);
}

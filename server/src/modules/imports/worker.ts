import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../../config.ts';
import type { Tx } from '../../db/scoped.ts';
import { recordEvent } from '../../platform/audit/record.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { FileStore } from '../../platform/files/store.ts';
import type { EndedJob, JobKind, RunningJob } from '../../platform/jobs/kind.ts';
import { finalize, type RunPlan } from './finalize.ts';
import { checkGeometry, fromGcj02 } from './geometry.ts';
import { openUpload } from './readers/index.ts';
import { readLimits } from './readers/limits.ts';
import type { SourceFeature } from './readers/types.ts';
import * as repo from './repository.ts';
import { resolveTarget } from './run-plan.ts';
import { resolveSettings } from './settings.ts';
import { stageRejected, stageRows, type StageRow } from './stage.ts';
import { TARGETS } from './targets.ts';
import { convertRecord } from './values.ts';

/** The jobs.kind of imports; the payload names the import (import_jobs.id). */
export const IMPORT_KIND = 'import';
export interface ImportPayload {
  importId: number;
}

/** Running an import is a job of the jobs service; app.ts gives the service, routes.ts registers this. */
export function importKind(deps: { files: FileStore; config: Config }): JobKind<ImportPayload> {
  return {
    kind: IMPORT_KIND,
    run: (job) => runImport(deps, job),
    interrupted: 'import_interrupted',
    ended: endImport,
  };
}

/**
 * Rows per staging statement: large enough to keep PostGIS busy, small enough that on the
 * embedded database (one connection) other requests wait for at most a short transaction.
 */
const CHUNK = 250;

/**
 * Runs one import: reads the file feature by feature, converts and checks each row, stages rows
 * in small transactions (invisible to everyone), then writes the target layer in ONE transaction
 * that also ends the job. Cancellation and server shutdown are noticed between chunks. Any attempt
 * first drops what an earlier one staged, so running it again (at-least-once delivery) imports
 * once; an import that ends without success drops its staged rows (endImport) and leaves nothing.
 */
async function runImport(deps: { files: FileStore; config: Config }, job: RunningJob<ImportPayload>): Promise<void> {
  const found = await job.ctx.run((tx) => repo.findImport(tx, job.payload.importId));
  if (!found) throw notFound('导入任务', job.payload.importId);
  await job.ctx.run(async (tx) => {
    await job.hold(tx);
    await repo.deleteStaging(tx, found.id);
  });
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'linzhang-import-'));
  const started = Date.now();
  let read = 0;
  try {
    const { settings, missing } = resolveSettings(found);
    if (!settings || missing[0]) throw new AppError(missing[0]!.code, missing[0]!.details);
    const total = settings.layer.featureCount;
    const spec = TARGETS[found.target];
    const target = await job.ctx.run((tx) => resolveTarget(tx, found, settings));
    const plan: RunPlan = { job: found, spec, settings, target, crs: settings.crs!, started };
    const upload = await openUpload(deps.files.pathOf(found.file_sha256), found.file_name, workDir, readLimits(deps.config.uploads));
    const layer = upload.layers.find((l) => l.name === settings.layer.name);
    if (!layer) throw new AppError('file_unreadable', { reason: `文件中没有图层“${settings.layer.name}”` });

    let chunk: StageRow[] = [];
    for await (const feature of layer.features(settings.encoding)) {
      if (++read > deps.config.uploads.maxFeatures) throw new AppError('too_many_features', { limit: deps.config.uploads.maxFeatures });
      chunk.push(prepareRow(feature, plan));
      if (chunk.length >= CHUNK) {
        await stageChunk(job, plan, chunk);
        chunk = [];
        await job.checkpoint({ done: read, total });
      }
    }
    if (chunk.length > 0) await stageChunk(job, plan, chunk);
    await job.checkpoint({ done: read, total });
    await job.ctx.run((tx) => finalize(tx, plan, read, job));
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
}

/** Converts one feature into a staging row; what JS can judge (attributes, geometry kind) is judged here. */
function prepareRow(feature: SourceFeature, plan: RunPlan): StageRow {
  const { spec, settings, target } = plan;
  const converted = convertRecord(feature.properties, { spec, mapping: settings.mapping, codes: target.codes, valueMap: settings.valueMap });
  const problems = [...converted.problems];
  if (spec.target === 'risk_areas' && converted.attrs.kind == null) {
    if (settings.kind) converted.attrs.kind = settings.kind;
    else problems.push('缺少重点区域类型');
  }
  const checked = checkGeometry(feature.geometry, spec);
  if ('problem' in checked) problems.push(checked.problem);
  const rejected = problems.length > 0 ? problems.join('；') : null;
  const geometry = rejected === null && 'geometry' in checked ? (settings.gcj02 ? fromGcj02(checked.geometry) : checked.geometry) : null;
  return { r: feature.row, a: converted.attrs, x: rejected, c: converted.regionCode, g: geometry ? JSON.stringify(geometry) : null };
}

/**
 * Stages a chunk in one statement; if PostGIS refuses the chunk (a geometry it cannot read or
 * convert), stages row by row so only the guilty rows are rejected, with PostGIS's reason.
 */
async function stageChunk(job: RunningJob<ImportPayload>, plan: RunPlan, rows: StageRow[]): Promise<void> {
  // Held: rows staged by an attempt that has lost the job would mix with the next attempt's.
  const stage = (batch: StageRow[]) =>
    job.ctx.run(async (tx) => {
      await job.hold(tx);
      await stageRows(tx, plan.job.id, batch, plan.crs, plan.spec, plan.target.area);
    });
  try {
    await stage(rows);
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    for (const row of rows) {
      try {
        await stage([row]);
      } catch (rowError) {
        if (!isDatabaseError(rowError)) throw rowError;
        await job.ctx.run(async (tx) => {
          await job.hold(tx);
          await stageRejected(tx, plan.job.id, row, `几何无法读取或换算坐标（${rowError.message}）`);
        });
      }
    }
  }
}

/** An error PostgreSQL raised for the statement (SQLSTATE), as opposed to a lost connection or a bug. */
function isDatabaseError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/**
 * An import that ended without success (failed, cancelled, or given up when its servers fell
 * silent): its staged rows go — the layer was never touched — and one audit event says why.
 */
async function endImport(tx: Tx, job: EndedJob<ImportPayload>): Promise<void> {
  await repo.deleteStaging(tx, job.payload.importId);
  const found = await repo.findImport(tx, job.payload.importId);
  if (!found) return;
  await recordEvent(tx, {
    action: job.state === 'cancelled' ? 'import.cancel' : 'import.fail',
    entity: 'import_jobs',
    entityId: found.id,
    regionCode: found.region_code,
    after: { target: found.target, fileName: found.file_name, read: job.progress?.done ?? 0, ...(job.error ? { errorCode: job.error.code, errorMessage: job.error.message } : {}) },
  });
}

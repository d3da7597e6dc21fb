import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/tables.ts';
import { recordEvent } from '../../platform/audit/record.ts';
import { systemContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { renderMessage } from '../../platform/errors/catalogue.ts';
import { fromPostgresError } from '../../platform/errors/postgres.ts';
import type { FileStore } from '../../platform/files/store.ts';
import { actingFor, type ScopedRunner } from '../../platform/jobs/acting.ts';
import type { JobControl } from '../../platform/jobs/runner.ts';
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

export interface WorkerDeps {
  db: Kysely<DB>;
  files: FileStore;
  config: Config;
  logError: (error: unknown, jobId: number) => void;
}

/**
 * Rows per staging statement: large enough to keep PostGIS busy, small enough that on the
 * embedded database (one connection) other requests wait for at most a short transaction.
 */
const CHUNK = 250;

/** The user asked to cancel: everything staged goes, the target layer was never touched. */
class Cancelled extends Error {}
/** The job is no longer this worker's (marked failed as silent): touch nothing more. */
class Gone extends Error {}

/**
 * Runs one import job: reads the file feature by feature, converts and checks each row, stages
 * rows in small transactions (invisible to everyone), then writes the target layer in ONE
 * transaction. Cancellation and server shutdown are noticed between chunks; any failure deletes
 * the staged rows, so a failed import leaves nothing behind.
 */
export async function runImport(deps: WorkerDeps, jobId: number, control: JobControl): Promise<void> {
  const job = await systemContext(deps.db).run((tx) => repo.findJob(tx, jobId));
  if (!job) return;
  const acting = actingFor(deps.db, { accountId: job.created_by, actorName: job.created_by_name, roots: job.actor_roots });
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'linzhang-import-'));
  const started = Date.now();
  let read = 0;
  const checkpoint = async () => {
    if (control.signal.aborted) throw new AppError('job_interrupted');
    const state = await acting.run((tx) => repo.reportProgress(tx, job.id, control.workerId, read));
    if (!state) throw new Gone();
    if (state.cancelRequested) throw new Cancelled();
  };
  try {
    const { settings, missing } = resolveSettings(job);
    if (!settings || missing[0]) throw new AppError(missing[0]!.code, missing[0]!.details);
    const spec = TARGETS[job.target];
    const target = await acting.run((tx) => resolveTarget(tx, job, settings));
    const plan: RunPlan = { job, spec, settings, target, crs: settings.crs!, workerId: control.workerId, started };
    const upload = await openUpload(deps.files.pathOf(job.file_sha256), job.file_name, workDir, readLimits(deps.config.uploads));
    const layer = upload.layers.find((l) => l.name === settings.layer.name);
    if (!layer) throw new AppError('file_unreadable', { reason: `文件中没有图层“${settings.layer.name}”` });

    let chunk: StageRow[] = [];
    for await (const feature of layer.features(settings.encoding)) {
      if (++read > deps.config.uploads.maxFeatures) throw new AppError('too_many_features', { limit: deps.config.uploads.maxFeatures });
      chunk.push(prepareRow(feature, plan));
      if (chunk.length >= CHUNK) {
        await stageChunk(acting, plan, chunk);
        chunk = [];
        await checkpoint();
      }
    }
    if (chunk.length > 0) await stageChunk(acting, plan, chunk);
    await checkpoint();
    await acting.run((tx) => finalize(tx, plan, read, () => new Cancelled(), () => new Gone()));
  } catch (error) {
    // Swept as silent: the job is already failed; rows staged since then are only debris.
    if (error instanceof Gone) await acting.run((tx) => repo.deleteStaging(tx, job.id));
    else await end(deps, acting, job, control.workerId, read, error);
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
async function stageChunk(acting: ScopedRunner, plan: RunPlan, rows: StageRow[]): Promise<void> {
  const stage = (batch: StageRow[]) => acting.run((tx) => stageRows(tx, plan.job.id, batch, plan.crs, plan.spec, plan.target.area));
  try {
    await stage(rows);
  } catch (error) {
    if (!isDatabaseError(error)) throw error;
    for (const row of rows) {
      try {
        await stage([row]);
      } catch (rowError) {
        if (!isDatabaseError(rowError)) throw rowError;
        await acting.run((tx) => stageRejected(tx, plan.job.id, row, `几何无法读取或换算坐标（${(rowError).message}）`));
      }
    }
  }
}

/** An error PostgreSQL raised for the statement (SQLSTATE), as opposed to a lost connection or a bug. */
function isDatabaseError(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

/** Ends a job that did not succeed: staged rows deleted, status and reason recorded, one audit event. */
async function end(deps: WorkerDeps, acting: ScopedRunner, job: repo.JobRow, workerId: string, read: number, error: unknown): Promise<void> {
  const cancelled = error instanceof Cancelled;
  const known = error instanceof AppError ? error : fromPostgresError(error);
  if (!cancelled && !known) deps.logError(error, job.id);
  const code = cancelled ? null : (known?.code ?? 'internal');
  const message = cancelled ? null : (known?.message ?? renderMessage('internal', { requestId: `import-${job.id}` }));
  const write = (runner: ScopedRunner) =>
    runner.run(async (tx) => {
      await repo.deleteStaging(tx, job.id);
      const status = cancelled ? 'cancelled' : 'failed';
      const done = await repo.finishJob(tx, job.id, workerId, { status, report: null, errorCode: code, errorMessage: message, done: read });
      if (done) {
        await recordEvent(tx, {
          action: cancelled ? 'import.cancel' : 'import.fail',
          entity: 'import_jobs',
          entityId: job.id,
          regionCode: job.region_code,
          after: { target: job.target, fileName: job.file_name, read, ...(code ? { errorCode: code, errorMessage: message } : {}) },
        });
      }
    });
  try {
    await write(acting);
  } catch (writeError) {
    // The importer's scope may no longer cover the job (posts ended); the system still closes it.
    deps.logError(writeError, job.id);
    await write(systemContext(deps.db));
  }
}

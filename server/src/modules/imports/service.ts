import { recordEvent } from '../../platform/audit/record.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { type ImportsDeps, mayWrite, readerContext, writable, writerContext } from './access.ts';
import { crsByCode } from './crs.ts';
import { checkExtent, inspectUpload } from './inspect.ts';
import { mappingProblems } from './mapping.ts';
import { readLimits } from './readers/limits.ts';
import { toJob, toSummary } from './present.ts';
import * as repo from './repository.ts';
import { resolveTarget } from './run-plan.ts';
import type { ImportJob, OptionsPatch } from './schema.ts';
import { layerOf, resolveCrs, resolveSettings, type ImportOptions, type Inspection } from './settings.ts';
import type { ImportStatus, ImportTarget } from './tables.ts';
import { TARGETS } from './targets.ts';
import { IMPORT_KIND } from './worker.ts';

const JOB = '导入任务';

/** An import the caller may see: visible in their scope and of a layer they may import into; otherwise 404. */
async function loadJob(caller: Context, id: number): Promise<{ job: repo.ImportRow; ctx: Context }> {
  const job = await readerContext(caller).run((tx) => repo.findImport(tx, id));
  if (!job || !mayWrite(caller, job.target, job.region_code)) throw notFound(JOB, id);
  return { job, ctx: writerContext(caller, job.target) };
}

async function present(ctx: Context, job: repo.ImportRow): Promise<ImportJob> {
  return toJob(job, await ctx.run((tx) => repo.presetsFor(tx, job.target)));
}

/**
 * Accepts an uploaded file for import into `target` at `regionCode`: inspects it and opens a job
 * that waits for the user's choices. Nothing is written to any layer yet.
 */
export async function createJob(
  caller: Context,
  deps: ImportsDeps,
  input: { target: ImportTarget; regionCode: string; fileName: string; stored: { sha256: string; size: number; path: string } },
): Promise<ImportJob> {
  const spec = TARGETS[input.target];
  const ctx = writerContext(caller, input.target);
  const region = await ctx.run((tx) => repo.regionInfo(tx, input.regionCode));
  if (!region) throw notFound('区划', input.regionCode);
  const inspected = await inspectUpload({
    file: input.stored.path,
    fileName: input.fileName,
    spec,
    limits: readLimits(deps.config.uploads),
    regionLongitude: region.lon,
  });
  const first = inspected.layers[0]!;
  const earlierDatasets = await ctx.run((tx) => repo.earlierDatasets(tx, input.stored.sha256, input.target));
  const inspection: Inspection = { ...inspected, check: await checkExtent(ctx, first, first.crs.crs), earlierDatasets };
  const id = await ctx.run((tx) =>
    repo.insertImport(tx, {
      regionCode: input.regionCode,
      target: input.target,
      sha256: input.stored.sha256,
      fileName: input.fileName,
      fileSize: input.stored.size,
      format: inspection.format,
      inspection,
      createdBy: ctx.acting.accountId,
      createdByName: ctx.acting.name,
    }),
  );
  return getJob(caller, id);
}

export async function getJob(caller: Context, id: number): Promise<ImportJob> {
  const { job, ctx } = await loadJob(caller, id);
  return present(ctx, job);
}

export async function listJobs(caller: Context, query: { target?: ImportTarget; status?: ImportStatus; limit: number }) {
  const rows = await readerContext(caller).run((tx) => repo.listImports(tx, { ...query, writable: writable(caller) }));
  return rows.map(toSummary);
}

/**
 * Records the user's choices while the job waits. Choosing another layer or encoding reads the
 * file again (field names change with the encoding, so the mapping starts over from the new
 * suggestions); choosing a projection re-checks where the layer lies.
 */
export async function changeOptions(caller: Context, deps: ImportsDeps, id: number, patch: OptionsPatch): Promise<ImportJob> {
  const { job, ctx } = await loadJob(caller, id);
  if (job.status !== 'uploaded') throw new AppError('state_conflict', { reason: '导入已经开始，不能再修改选项' });
  const options: ImportOptions = { ...job.options };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete options[key as keyof ImportOptions];
    else (options as Record<string, unknown>)[key] = value;
  }
  const layerChanged = patch.layer !== undefined && patch.layer !== job.options.layer;
  if (layerChanged && patch.encoding === undefined) delete options.encoding;
  const encodingChanged = layerChanged || (patch.encoding !== undefined && patch.encoding !== job.options.encoding);
  if (encodingChanged && patch.mapping === undefined) delete options.mapping;

  if (options.projection !== undefined && !crsByCode(options.projection)) {
    throw new AppError('invalid_value', { reason: `不支持的坐标系“${options.projection}”，可选的见 /api/imports/projections` });
  }
  let inspection = job.inspection;
  if (options.layer !== undefined && !inspection.layers.some((l) => l.name === options.layer)) {
    throw new AppError('invalid_value', { reason: `文件中没有图层“${options.layer}”` });
  }
  if (encodingChanged) {
    const region = await ctx.run((tx) => repo.regionInfo(tx, job.region_code));
    const again = await inspectUpload({
      file: deps.files.pathOf(job.file_sha256),
      fileName: job.file_name,
      spec: TARGETS[job.target],
      ...(options.layer === undefined ? {} : { layer: options.layer }),
      ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
      limits: readLimits(deps.config.uploads),
      regionLongitude: region?.lon ?? null,
    });
    inspection = { ...again, check: inspection.check, earlierDatasets: inspection.earlierDatasets ?? {} };
  }
  const layer = layerOf(inspection, options)!;
  if (patch.mapping) {
    const problems = mappingProblems(patch.mapping, layer.fields.map((f) => f.name), TARGETS[job.target]);
    if (problems.length > 0) throw new AppError('invalid_value', { reason: problems.join('；') });
  }
  const { crs } = resolveCrs(layer, options);
  if (options.gcj02 && crs && !crs.geographic) throw new AppError('invalid_value', { reason: '只有经纬度坐标可以声明为 GCJ-02（火星坐标）' });
  inspection = { ...inspection, check: await checkExtent(ctx, layer, crs) };

  const { settings } = resolveSettings({ ...job, inspection, options });
  if (settings) await ctx.run((tx) => resolveTarget(tx, job, settings));
  const saved = await ctx.run((tx) => repo.saveChoices(tx, id, options, inspection));
  if (!saved) throw new AppError('state_conflict', { reason: '导入已经开始，不能再修改选项' });
  return getJob(caller, id);
}

/** Queues the import's job once every choice is made; the answer names the first missing choice otherwise. */
export async function startJob(caller: Context, deps: ImportsDeps, id: number): Promise<ImportJob> {
  const { job, ctx } = await loadJob(caller, id);
  if (job.status !== 'uploaded') throw new AppError('state_conflict', { reason: `任务${STATUS_NAMES[job.status]}，不能再次开始` });
  const { settings, missing } = resolveSettings(job);
  if (!settings || missing[0]) throw new AppError(missing[0]!.code, { ...missing[0]!.details, option: missing[0]!.option });
  await ctx.run(async (tx) => {
    await resolveTarget(tx, job, settings);
    const jobId = await deps.jobs.enqueue(ctx, tx, {
      kind: IMPORT_KIND,
      regionCode: job.region_code,
      payload: { importId: id },
      // one job per import, however often start is pressed
      dedupeKey: `import:${id}`,
      progress: { done: 0, total: settings.layer.featureCount },
    });
    if (jobId === undefined || !(await repo.attachJob(tx, id, jobId))) throw new AppError('state_conflict', { reason: '任务已经开始' });
    await recordEvent(tx, {
      action: 'import.start',
      entity: 'import_jobs',
      entityId: id,
      regionCode: job.region_code,
      after: { target: job.target, fileName: job.file_name, dataset: settings.dataset, layer: settings.layer.name, projection: settings.crs?.code ?? null, features: settings.layer.featureCount },
    });
  });
  return getJob(caller, id);
}

const STATUS_NAMES: Record<ImportStatus, string> = {
  uploaded: '尚未开始',
  queued: '在排队',
  running: '正在进行',
  succeeded: '完成',
  failed: '失败',
  cancelled: '取消',
};

/**
 * Cancels an import that has not finished: at once if it has not started or still waits in the
 * queue (the import kind's `ended` drops what it staged and records the event), at the next
 * checkpoint if it runs.
 */
export async function cancelJob(caller: Context, deps: ImportsDeps, id: number): Promise<ImportJob> {
  const { job, ctx } = await loadJob(caller, id);
  const cancellable = await ctx.run(async (tx) => {
    if (job.job_id !== null) return (await deps.jobs.cancel(tx, job.job_id)) !== undefined;
    if (!(await repo.cancelWaiting(tx, id))) return false;
    await recordEvent(tx, { action: 'import.cancel', entity: 'import_jobs', entityId: id, regionCode: job.region_code, after: { target: job.target, fileName: job.file_name } });
    return true;
  });
  if (!cancellable) throw new AppError('job_not_cancellable', { state: STATUS_NAMES[job.status] });
  return getJob(caller, id);
}

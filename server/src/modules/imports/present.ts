import { renderMessage } from '../../platform/errors/catalogue.ts';
import type { ImportRow, PresetRow } from './repository.ts';
import type { ImportJob, ImportJobSummary } from './schema.ts';
import { layerOf, resolveSettings } from './settings.ts';
import { TARGETS } from './targets.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Progress comes from the import's job once it is started; before that, the chosen layer's size. */
export function toSummary(job: ImportRow): ImportJobSummary {
  const total = job.progress ? job.progress.total : (layerOf(job.inspection, job.options)?.featureCount ?? null);
  const reported = job.progress?.done ?? 0;
  const done = job.status === 'succeeded' ? (total ?? reported) : reported;
  return {
    id: job.id,
    target: job.target,
    targetLabel: TARGETS[job.target].label,
    regionCode: job.region_code,
    regionName: job.region_name,
    status: job.status,
    cancelRequested: job.cancel_requested,
    fileName: job.file_name,
    fileSize: job.file_size,
    format: job.format,
    progress: { done, total, percent: total ? Math.min(100, Math.floor((done / total) * 100)) : job.status === 'succeeded' ? 100 : 0 },
    createdBy: job.created_by_name,
    createdAt: job.created_at.toISOString(),
    startedAt: iso(job.started_at),
    finishedAt: iso(job.finished_at),
    // A job waiting to retry keeps its last error, but has not failed.
    error: job.status === 'failed' && job.error_code ? { code: job.error_code, message: job.error_message ?? '' } : null,
  };
}

/** The whole job as the import wizard needs it: what the file holds, what is decided, what is missing, how it went. */
export function toJob(job: ImportRow, presets: readonly PresetRow[]): ImportJob {
  const spec = TARGETS[job.target];
  const { settings, missing } = resolveSettings(job);
  const fieldNames = new Set(settings?.layer.fields.map((f) => f.name) ?? []);
  return {
    ...toSummary(job),
    inspection: job.inspection,
    options: { ...job.options },
    settings: settings && {
      layer: settings.layer.name,
      projection: settings.crs ? { code: settings.crs.code, name: settings.crs.name, source: settings.crsSource } : null,
      encoding: settings.encoding,
      gcj02: settings.gcj02,
      mapping: settings.mapping,
      valueMap: settings.valueMap,
      dataset: settings.dataset,
      planId: settings.planId,
      postId: settings.postId,
      layerName: settings.layerName,
      layerKind: settings.layerKind,
      kind: settings.kind,
    },
    ready: job.status === 'uploaded' && missing.length === 0,
    missing: missing.map((m) => ({ option: m.option, code: m.code, message: renderMessage(m.code, m.details) })),
    targetFields: spec.fields.map((f) => ({
      name: f.name,
      label: f.label,
      type: f.kind.type,
      ...(f.kind.type === 'code' ? { domain: f.kind.domain } : {}),
      required: f.required ?? false,
    })),
    presets: presets
      .map((p) => ({ id: p.id, name: p.name, regionCode: p.region_code, mapping: p.mapping, matched: Object.keys(p.mapping).filter((k) => fieldNames.has(k)).length }))
      .filter((p) => p.matched > 0)
      .sort((a, b) => b.matched - a.matched || a.name.localeCompare(b.name)),
    report: job.report,
  };
}

import type { ErrorCode } from '../../platform/errors/catalogue.ts';
import { crsByCode, type Crs } from './crs.ts';
import { defaultDataset } from './datasets.ts';
import { ENCODING_NAMES, type TextEncoding } from './encoding.ts';
import { mappingProblems, missingRequired } from './mapping.ts';
import type { LayerInfo } from './readers/types.ts';
import type { ImportFormat, ImportTarget } from './tables.ts';
import { TARGETS } from './targets.ts';

/** The user's choices for one import (import_jobs.options); anything left out takes what the file says. */
export interface ImportOptions {
  layer?: string;
  projection?: string;
  encoding?: TextEncoding;
  gcj02?: boolean;
  mapping?: Record<string, string>;
  valueMap?: Record<string, Record<string, string>>;
  dataset?: string;
  planId?: number;
  postId?: number;
  layerName?: string;
  layerKind?: 'nature_reserve' | 'forest_farm' | 'other';
  kind?: string;
}

/** A layer as inspected, with the mapping we propose for it. */
export type InspectedLayer = LayerInfo & { suggestedMapping: Record<string, string> };

/** Where the chosen layer lies once its coordinates are converted, to catch a wrong projection before the run. */
export interface ExtentCheck {
  layer: string;
  crs: string;
  extentLonLat: [number, number, number, number] | null;
  outsideChina: boolean;
  problem: string | null;
}

/** What inspecting the upload found (import_jobs.inspection). */
export interface Inspection {
  format: ImportFormat;
  layers: InspectedLayer[];
  check: ExtentCheck | null;
  /** Layer name → the dataset it got when this same content was last imported into the target (datasets.ts). */
  earlierDatasets?: Record<string, string>;
}

/** Everything a run needs, with each choice resolved: the user's, else the file's. */
export interface Settings {
  layer: InspectedLayer;
  crs: Crs | null;
  crsSource: 'choice' | 'prj' | 'geojson' | 'standard' | null;
  encoding: TextEncoding | null;
  gcj02: boolean;
  mapping: Record<string, string>;
  valueMap: Record<string, Record<string, string>>;
  dataset: string;
  planId: number | null;
  postId: number | null;
  layerName: string | null;
  layerKind: NonNullable<ImportOptions['layerKind']>;
  kind: string | null;
}

/** A decision still missing before the import can start, with the error starting it now would give. */
export interface Missing {
  option: 'layer' | 'projection' | 'encoding' | 'mapping' | 'planId' | 'postId' | 'layerName' | 'kind' | 'gcj02';
  code: ErrorCode;
  details: Record<string, unknown>;
}

/** China's extent, generously: coordinates outside it mean a wrong projection, swapped axes or zeros. */
export const CHINA = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 } as const;

export function layerOf(inspection: Inspection, options: ImportOptions): InspectedLayer | undefined {
  return options.layer === undefined ? inspection.layers[0] : inspection.layers.find((l) => l.name === options.layer);
}

export function resolveCrs(layer: InspectedLayer, options: ImportOptions): { crs: Crs | null; source: Settings['crsSource'] } {
  if (options.projection) return { crs: crsByCode(options.projection) ?? null, source: 'choice' };
  return { crs: layer.crs.crs, source: layer.crs.crs ? layer.crs.source : null };
}

export function resolveSettings(job: { target: ImportTarget; file_name: string; inspection: Inspection; options: ImportOptions }): { settings: Settings | null; missing: Missing[] } {
  const { target, inspection, options } = job;
  const spec = TARGETS[target];
  const layer = layerOf(inspection, options);
  if (!layer) return { settings: null, missing: [{ option: 'layer', code: 'invalid_value', details: { reason: `文件中没有图层“${options.layer}”` } }] };
  const missing: Missing[] = [];
  const { crs, source } = resolveCrs(layer, options);
  if (!crs) missing.push({ option: 'projection', code: 'projection_unknown', details: { reason: layer.crs.problem ?? '文件没有说明坐标系' } });
  const check = inspection.check;
  if (crs && check && check.layer === layer.name && check.crs === crs.code && (check.outsideChina || check.problem)) {
    missing.push({ option: 'projection', code: check.problem ? 'projection_unknown' : 'outside_china', details: { reason: check.problem ?? describeOutside(check) } });
  }
  const found = layer.encoding;
  const encoding = options.encoding ?? (found && !found.problem ? found.used : null);
  if (found && !encoding) {
    // A declaration the text contradicts is named as such; otherwise nothing fitted at all.
    const failsAt = found.declared ? found.failsAt[found.declared] : null;
    missing.push(
      found.declared && failsAt !== null
        ? { option: 'encoding', code: 'encoding_mismatch', details: { encoding: ENCODING_NAMES[found.declared], where: failsAt === 0 ? '字段名' : `第 ${failsAt} 行`, reason: found.problem } }
        : { option: 'encoding', code: 'encoding_unknown', details: { reason: found.problem } },
    );
  }
  const gcj02 = options.gcj02 ?? false;
  if (gcj02 && crs && !crs.geographic) missing.push({ option: 'gcj02', code: 'invalid_value', details: { reason: '只有经纬度坐标可以声明为 GCJ-02（火星坐标）' } });

  const mapping = options.mapping ?? layer.suggestedMapping;
  const problems = mappingProblems(mapping, layer.fields.map((f) => f.name), spec);
  const required = missingRequired(mapping, spec);
  if (problems.length > 0) missing.push({ option: 'mapping', code: 'invalid_value', details: { reason: problems.join('；') } });
  else if (required.length > 0) missing.push({ option: 'mapping', code: 'invalid_value', details: { reason: `请为${required.join('、')}指定文件中的字段` } });

  const need = (option: Missing['option'], reason: string) => missing.push({ option, code: 'invalid_value', details: { reason } });
  if (spec.options.includes('planId') && !options.planId) need('planId', '请选择要导入的网格方案（只能是草稿方案）');
  if (spec.options.includes('postId') && !options.postId) need('postId', '请选择责任区域所属的林长职务');
  if (spec.options.includes('layerName') && !options.layerName) need('layerName', '请填写参考图层名称（没有同名图层时新建）');
  if (spec.options.includes('kind') && !options.kind && !Object.values(mapping).includes('kind')) {
    need('kind', '请指定重点区域类型：从文件字段读取，或统一指定一种');
  }
  return {
    settings: {
      layer,
      crs,
      crsSource: source,
      encoding,
      gcj02,
      mapping,
      valueMap: options.valueMap ?? {},
      dataset: options.dataset ?? defaultDataset(job.file_name, layer.name, inspection.earlierDatasets),
      planId: options.planId ?? null,
      postId: options.postId ?? null,
      layerName: options.layerName ?? null,
      layerKind: options.layerKind ?? 'other',
      kind: options.kind ?? null,
    },
    missing,
  };
}

export function describeOutside(check: ExtentCheck): string {
  const e = check.extentLonLat;
  const where = e ? `经度 ${e[0].toFixed(2)}～${e[2].toFixed(2)}，纬度 ${e[1].toFixed(2)}～${e[3].toFixed(2)}` : '';
  return `按所选坐标系换算后位于${where}，请检查坐标系是否选对`;
}

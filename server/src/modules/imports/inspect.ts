import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Context } from '../../platform/context.ts';
import { suggestCrs, type Crs } from './crs.ts';
import type { TextEncoding } from './encoding.ts';
import { suggestMapping } from './mapping.ts';
import { openUpload } from './readers/index.ts';
import type { ReadLimits } from './readers/limits.ts';
import { CHINA, type ExtentCheck, type InspectedLayer, type Inspection } from './settings.ts';
import { toLonLat } from './stage.ts';
import type { TargetSpec } from './targets.ts';

export interface InspectInput {
  file: string;
  fileName: string;
  spec: TargetSpec;
  /** Layer the encoding choice applies to (default: the first). */
  layer?: string;
  encoding?: TextEncoding;
  limits: ReadLimits;
  /** Longitude inside the import's region, to suggest a Gauss–Krüger zone for files without a .prj. */
  regionLongitude: number | null;
}

/**
 * Reads what the import wizard shows: layers, fields with samples, the coordinate system and
 * encoding the file declares or seems to use, feature counts and a proposed column mapping.
 * Refuses files over the feature limit before anything is stored.
 */
export async function inspectUpload(input: InspectInput): Promise<Omit<Inspection, 'check'>> {
  const workDir = await fs.mkdtemp(path.join(os.tmpdir(), 'linzhang-inspect-'));
  try {
    const upload = await openUpload(input.file, input.fileName, workDir, input.limits);
    const chosen = input.layer ?? upload.layers[0]?.name;
    const layers: InspectedLayer[] = [];
    for (const source of upload.layers) {
      const info = await source.inspect(source.name === chosen ? input.encoding : undefined);
      if (info.featureCount > input.limits.maxFeatures) throw new AppError('too_many_features', { limit: input.limits.maxFeatures, layer: info.name, count: info.featureCount });
      const suggestions = info.crs.crs ? [] : suggestCrs(info.extent, input.regionLongitude);
      layers.push({ ...info, crs: { ...info.crs, suggestions }, suggestedMapping: suggestMapping(info.fields, input.spec) });
    }
    if (layers.every((l) => l.featureCount === 0)) throw new AppError('file_unreadable', { reason: '文件中没有任何要素' });
    return { format: upload.format, layers };
  } finally {
    await fs.rm(workDir, { recursive: true, force: true });
  }
}

/**
 * Converts the layer's extent with the chosen system: an extent nowhere near China means the
 * wrong system (or swapped axes) and is caught before the run; PROJ refusing it means the same.
 */
export async function checkExtent(ctx: Context, layer: InspectedLayer, crs: Crs | null): Promise<ExtentCheck | null> {
  if (!crs) return null;
  const base = { layer: layer.name, crs: crs.code };
  if (!layer.extent) return { ...base, extentLonLat: null, outsideChina: false, problem: null };
  const [x0, y0, x1, y1] = layer.extent;
  let e: [number, number, number, number] | null;
  const refused = { ...base, extentLonLat: null, outsideChina: false, problem: `坐标超出${crs.name}的有效范围，无法换算，请检查坐标系是否选对` };
  try {
    e = await ctx.run(async (tx) => {
      const { rows } = await sql<{ x0: number; y0: number; x1: number; y1: number }>`
        select st_xmin(b) as x0, st_ymin(b) as y0, st_xmax(b) as x1, st_ymax(b) as y1
          from (select ${toLonLat(sql`st_makeenvelope(${x0}::float8, ${y0}::float8, ${x1}::float8, ${y1}::float8)`, crs)} as b) s`.execute(tx);
      // The embedded PostGIS answers a conversion PROJ refuses with no row at all instead of an error.
      const r = rows[0];
      return r ? [r.x0, r.y0, r.x1, r.y1] : null;
    });
  } catch (error) {
    if (typeof (error as { code?: unknown }).code !== 'string') throw error;
    return refused;
  }
  if (!e) return refused;
  const finite = e.every(Number.isFinite);
  const outside = !finite || e[2] < CHINA.minLon || e[0] > CHINA.maxLon || e[3] < CHINA.minLat || e[1] > CHINA.maxLat;
  return { ...base, extentLonLat: finite ? e : null, outsideChina: outside, problem: null };
}

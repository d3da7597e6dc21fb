import type { Geometry } from 'geojson';
import type { Crs } from '../crs.ts';
import type { TextEncoding } from '../encoding.ts';
import type { SourceValue } from '../values.ts';

/** One feature as read from a file, numbered as the user sees it (1 = the first feature). */
export interface SourceFeature {
  row: number;
  geometry: Geometry | null;
  properties: Record<string, SourceValue>;
}

export interface FieldInfo {
  name: string;
  type: 'text' | 'number' | 'boolean' | 'date';
  /** A few distinct values from the first features, to recognise the column by. */
  samples: SourceValue[];
}

/** What the file says about its coordinate system. */
export interface CrsFinding {
  crs: Crs | null;
  /** prj: the .prj file; geojson: the GeoJSON `crs` member; standard: the format fixes it (KML, GPX, RFC 7946 GeoJSON). */
  source: 'prj' | 'geojson' | 'standard' | null;
  /** Why the user must choose, when `crs` is null. */
  problem: string | null;
  /** The .prj text as found (shortened), for the user to read. */
  text?: string;
  /** When `crs` is null: systems worth offering first, judged from the coordinates. */
  suggestions?: string[];
}

/** What the file says and shows about its text encoding (DBF attribute tables only). */
export interface EncodingFinding {
  declared: TextEncoding | null;
  declaredBy: 'cpg' | 'ldid' | null;
  detected: TextEncoding | null;
  /** For each encoding, the first sampled row it cannot decode (0 = the field names), or null if all decode. */
  failsAt: Record<TextEncoding, number | null>;
  /** What field names and samples were decoded with; null when nothing fits. */
  used: TextEncoding | null;
  source: 'choice' | 'cpg' | 'ldid' | 'detected' | null;
  /** Why the user must choose, or null. */
  problem: string | null;
}

export interface LayerInfo {
  name: string;
  featureCount: number;
  geometryTypes: string[];
  /** [minX, minY, maxX, maxY] in the file's own coordinates. */
  extent: [number, number, number, number] | null;
  fields: FieldInfo[];
  crs: CrsFinding;
  encoding: EncodingFinding | null;
  warnings: string[];
}

/** A readable layer of an uploaded file. */
export interface LayerSource {
  name: string;
  /** Reads what the wizard needs to show; `encoding` overrides what the file declares. */
  inspect(encoding?: TextEncoding): Promise<LayerInfo>;
  /** Every feature in file order. Text is decoded strictly with `encoding` (DBF only). */
  features(encoding: TextEncoding | null): AsyncIterable<SourceFeature>;
}

export const SAMPLE_VALUES = 5;
/** Features read to guess an encoding and collect samples. */
export const SAMPLE_FEATURES = 1000;

/** Collects up to SAMPLE_VALUES distinct non-empty values per field, and each field's type. */
export function describeFields(names: readonly string[], rows: ReadonlyArray<readonly SourceValue[]>): FieldInfo[] {
  return names.map((name, i) => {
    const samples: SourceValue[] = [];
    let type: FieldInfo['type'] | undefined;
    for (const row of rows) {
      const v = row[i];
      if (v === null || v === undefined || v === '') continue;
      type ??= typeof v === 'number' ? 'number' : typeof v === 'boolean' ? 'boolean' : /^\d{4}-\d{2}-\d{2}$/.test(v) ? 'date' : 'text';
      if (samples.length < SAMPLE_VALUES && !samples.includes(v)) samples.push(v);
    }
    return { name, type: type ?? 'text', samples };
  });
}

/** Grows an extent over every position of a geometry. */
export function growExtent(extent: [number, number, number, number] | null, geometry: Geometry | null): [number, number, number, number] | null {
  if (!geometry) return extent;
  let e = extent;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') {
      const [x, y] = c as number[];
      if (Number.isFinite(x) && Number.isFinite(y)) e = e ? [Math.min(e[0], x!), Math.min(e[1], y!), Math.max(e[2], x!), Math.max(e[3], y!)] : [x!, y!, x!, y!];
      return;
    }
    for (const inner of c) visit(inner);
  };
  if (geometry.type === 'GeometryCollection') for (const g of geometry.geometries) e = growExtent(e, g);
  else visit(geometry.coordinates);
  return e;
}

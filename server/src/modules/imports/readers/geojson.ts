import type { Feature, Geometry } from 'geojson';
import { AppError } from '../../../platform/errors/app-error.ts';
import { crsByCode, crsFromGeoJsonName } from '../crs.ts';
import type { TextEncoding } from '../encoding.ts';
import type { SourceValue } from '../values.ts';
import { JsonFeatureScanner } from './json-scan.ts';
import { tooManyFeatures, type ReadLimits } from './limits.ts';
import { decodedChunks, textEncodingOf } from './text.ts';
import { describeFields, growExtent, SAMPLE_FEATURES, type CrsFinding, type LayerInfo, type LayerSource, type SourceFeature } from './types.ts';

/**
 * Features parsed from a KML or GPX file, with what the format says about coordinates. These are
 * parsed whole (their size is capped, limits.ts); GeoJSON and Shapefiles stream.
 */
export interface ParsedLayer {
  name: string;
  features: Array<{ geometry: Geometry | null; properties: Record<string, unknown> | null }>;
  crs: CrsFinding;
  warnings: string[];
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);
const NOT_GEOJSON = 'JSON 文件不是 GeoJSON（缺少 FeatureCollection、Feature 或几何对象）';

/**
 * A GeoJSON file as a layer read feature by feature, each time it is read (json-scan.ts): a
 * FeatureCollection, a Feature or a bare geometry; an old-style `crs` member is honoured. Reading
 * stops at the first feature past the limit.
 */
export function geoJsonLayer(file: string, name: string, limits: Pick<ReadLimits, 'maxFeatures' | 'maxFeatureChars'>): LayerSource {
  let encoding: Promise<TextEncoding> | undefined;
  /** Every feature in file order, then what the document turned out to be. */
  async function* read(): AsyncGenerator<ParsedLayer['features'][number], { crs: CrsFinding }> {
    encoding ??= textEncodingOf(file);
    const scanner = new JsonFeatureScanner(limits.maxFeatureChars, limits.maxFeatures);
    let count = 0;
    const counted = (f: ParsedLayer['features'][number]) => {
      if (++count > limits.maxFeatures) throw tooManyFeatures(limits.maxFeatures);
      return f;
    };
    for await (const text of decodedChunks(file, await encoding)) {
      for (const item of scanner.push(text)) yield counted(toFeature(item as Feature));
    }
    scanner.end();
    const type = scanner.members.get('type');
    if (type === 'FeatureCollection' && scanner.hasFeatureArray) return { crs: crsOf(scanner.members.get('crs')) };
    if (scanner.items > 0 || scanner.root !== undefined) throw new AppError('file_unreadable', { reason: NOT_GEOJSON });
    const object = Object.fromEntries(scanner.members);
    if (type === 'Feature') yield counted(toFeature(object as unknown as Feature));
    else if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) yield counted({ geometry: object as unknown as Geometry, properties: {} });
    else throw new AppError('file_unreadable', { reason: NOT_GEOJSON });
    return { crs: crsOf(scanner.members.get('crs')) };
  }

  return {
    name,
    async inspect(): Promise<LayerInfo> {
      let extent: LayerInfo['extent'] = null;
      let featureCount = 0;
      const types = new Set<string>();
      const names = new Set<string>();
      const samples: Array<Record<string, unknown>> = [];
      const features = read();
      let step = await features.next();
      for (; !step.done; step = await features.next()) {
        const f = step.value;
        featureCount++;
        extent = growExtent(extent, f.geometry);
        if (f.geometry) types.add(f.geometry.type);
        for (const key of Object.keys(f.properties ?? {})) names.add(key);
        if (samples.length < SAMPLE_FEATURES) samples.push(f.properties ?? {});
      }
      const fields = [...names];
      return {
        name,
        featureCount,
        geometryTypes: [...types],
        extent,
        fields: describeFields(fields, samples.map((p) => fields.map((n) => flatten(p[n])))),
        crs: standardOrAsked(step.value.crs, extent),
        encoding: null,
        warnings: [],
      };
    },
    async *features(): AsyncIterable<SourceFeature> {
      let row = 0;
      const features = read();
      try {
        for (let step = await features.next(); !step.done; step = await features.next()) {
          const properties: Record<string, SourceValue> = {};
          for (const [key, value] of Object.entries(step.value.properties ?? {})) properties[key] = flatten(value);
          yield { row: ++row, geometry: step.value.geometry, properties };
        }
      } finally {
        // A reader that stops early (a limit, a cancelled job) closes the file here.
        await features.return({ crs: { crs: null, source: null, problem: null } });
      }
    },
  };
}

/** A format that fixes longitude/latitude, unless the coordinates plainly are not degrees: then the user is asked. */
function standardOrAsked(crs: CrsFinding, extent: LayerInfo['extent']): CrsFinding {
  if (crs.source !== 'standard' || crs.crs) return crs;
  const degrees = !extent || (extent[0] >= -180 && extent[2] <= 180 && extent[1] >= -90 && extent[3] <= 90);
  return degrees ? { crs: crsByCode('EPSG:4326')!, source: 'standard', problem: null } : { crs: null, source: null, problem: '坐标不是经纬度，文件也没有说明坐标系，请选择坐标系' };
}

/** RFC 7946 means longitude/latitude, decided once the extent is known; an old-style `crs` member names a system. */
function crsOf(member: unknown): CrsFinding {
  const declared = (member as { properties?: { name?: unknown } } | null | undefined)?.properties?.name;
  if (typeof declared !== 'string') return { crs: null, source: 'standard', problem: null };
  const found = crsFromGeoJsonName(declared);
  return found ? { crs: found, source: 'geojson', problem: null, text: declared } : { crs: null, source: 'geojson', problem: `不支持文件声明的坐标系 ${declared}`, text: declared };
}

function toFeature(f: Feature): ParsedLayer['features'][number] {
  const geometry = f && typeof f === 'object' && f.geometry && typeof f.geometry === 'object' ? f.geometry : null;
  const properties = f && typeof f.properties === 'object' ? f.properties : null;
  return { geometry, properties };
}

/** Property values as the importer takes them: nested objects and arrays as JSON text. */
function flatten(value: unknown): SourceValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export function parsedLayer(parsed: ParsedLayer): LayerSource {
  const names = [...new Set(parsed.features.flatMap((f) => Object.keys(f.properties ?? {})))];
  return {
    name: parsed.name,
    async inspect(): Promise<LayerInfo> {
      let extent: LayerInfo['extent'] = null;
      const types = new Set<string>();
      for (const f of parsed.features) {
        extent = growExtent(extent, f.geometry);
        if (f.geometry) types.add(f.geometry.type);
      }
      const rows = parsed.features.slice(0, SAMPLE_FEATURES).map((f) => names.map((n) => flatten(f.properties?.[n])));
      const crs = standardOrAsked(parsed.crs, extent);
      return {
        name: parsed.name,
        featureCount: parsed.features.length,
        geometryTypes: [...types],
        extent,
        fields: describeFields(names, rows),
        crs,
        encoding: null,
        warnings: parsed.warnings,
      };
    },
    async *features(): AsyncIterable<SourceFeature> {
      let row = 0;
      for (const f of parsed.features) {
        row++;
        const properties: Record<string, SourceValue> = {};
        for (const n of names) properties[n] = flatten(f.properties?.[n]);
        yield { row, geometry: f.geometry, properties };
      }
    },
  };
}

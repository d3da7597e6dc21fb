import type { Feature, Geometry } from 'geojson';
import { AppError } from '../../../platform/errors/app-error.ts';
import { crsByCode, crsFromGeoJsonName } from '../crs.ts';
import type { SourceValue } from '../values.ts';
import { describeFields, growExtent, SAMPLE_FEATURES, type CrsFinding, type LayerInfo, type LayerSource, type SourceFeature } from './types.ts';

/**
 * Features parsed from a GeoJSON, KML or GPX file, with what the format says about coordinates.
 * These formats are read whole (their size is capped by the upload limit); Shapefiles stream.
 */
export interface ParsedLayer {
  name: string;
  features: Array<{ geometry: Geometry | null; properties: Record<string, unknown> | null }>;
  crs: CrsFinding;
  warnings: string[];
}

const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** A FeatureCollection, a Feature or a bare geometry; an old-style `crs` member is honoured. */
export function parseGeoJson(text: string, name: string): ParsedLayer {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new AppError('file_unreadable', { reason: `GeoJSON 不是有效的 JSON（${(error as Error).message}）` });
  }
  const object = doc as { type?: unknown; features?: unknown; crs?: { properties?: { name?: unknown } } };
  let features: ParsedLayer['features'];
  if (object?.type === 'FeatureCollection' && Array.isArray(object.features)) features = (object.features as Feature[]).map(toFeature);
  else if (object?.type === 'Feature') features = [toFeature(object as Feature)];
  else if (typeof object?.type === 'string' && GEOMETRY_TYPES.has(object.type)) features = [{ geometry: object as Geometry, properties: {} }];
  else throw new AppError('file_unreadable', { reason: 'JSON 文件不是 GeoJSON（缺少 FeatureCollection、Feature 或几何对象）' });

  const declared = object.crs?.properties?.name;
  let crs: CrsFinding;
  if (typeof declared === 'string') {
    const found = crsFromGeoJsonName(declared);
    crs = found ? { crs: found, source: 'geojson', problem: null, text: declared } : { crs: null, source: 'geojson', problem: `不支持文件声明的坐标系 ${declared}`, text: declared };
  } else {
    crs = { crs: null, source: 'standard', problem: null }; // RFC 7946: longitude/latitude, decided after the extent is known
  }
  return { name, features, crs, warnings: [] };
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
      let crs = parsed.crs;
      if (crs.source === 'standard' && !crs.crs) {
        const degrees = !extent || (extent[0] >= -180 && extent[2] <= 180 && extent[1] >= -90 && extent[3] <= 90);
        crs = degrees
          ? { crs: crsByCode('EPSG:4326')!, source: 'standard', problem: null }
          : { crs: null, source: null, problem: '坐标不是经纬度，文件也没有说明坐标系，请选择坐标系' };
      }
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

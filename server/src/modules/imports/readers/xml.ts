import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, Geometry } from 'geojson';
import { AppError } from '../../../platform/errors/app-error.ts';
import { crsByCode } from '../crs.ts';
import type { ParsedLayer } from './geojson.ts';
import { tooManyFeatures } from './limits.ts';

/** KML and GPX are longitude/latitude on WGS84 by definition (a GCJ-02 offset can be declared on import). */
const STANDARD = { crs: crsByCode('EPSG:4326')!, source: 'standard', problem: null } as const;

/** Styling that togeojson copies into properties; it is not data anyone maps. */
const STYLE_KEYS = /^(style|stroke|fill|icon|label|visibility|@)/;

function parseXml(text: string, what: string) {
  try {
    return new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(message); } }).parseFromString(text, 'text/xml');
  } catch (error) {
    throw new AppError('file_unreadable', { reason: `${what} 不是有效的 XML（${(error as Error).message.split('\n')[0]}）` });
  }
}

/**
 * Counts the elements that become features before any DOM is built (a DOM takes some ten times
 * the text), and stops at the first one past `max`. Comments and CDATA sections are skipped.
 */
export function countElements(text: string, names: ReadonlySet<string>, max: number): number {
  const tag = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s/>]/y;
  let count = 0;
  for (let i = text.indexOf('<'); i >= 0; i = text.indexOf('<', i + 1)) {
    const skip = text.startsWith('<!--', i) ? '-->' : text.startsWith('<![CDATA[', i) ? ']]>' : null;
    if (skip) {
      const end = text.indexOf(skip, i);
      if (end < 0) break;
      i = end;
      continue;
    }
    tag.lastIndex = i;
    const m = tag.exec(text);
    if (m && names.has(m[1]!) && ++count > max) throw tooManyFeatures(max);
  }
  return count;
}

const KML_FEATURES = new Set(['Placemark']);
const GPX_FEATURES = new Set(['trk', 'rte']);

export function parseKml(text: string, name: string, maxFeatures: number): ParsedLayer {
  countElements(text, KML_FEATURES, maxFeatures);
  const collection = kml(parseXml(text, 'KML'));
  const features = collection.features.map((f) => ({
    geometry: f.geometry && homogeneous(f.geometry),
    properties: Object.fromEntries(
      Object.entries(f.properties ?? {})
        .filter(([k]) => !STYLE_KEYS.test(k))
        .map(([k, v]) => [k, describe(v)]),
    ),
  }));
  return { name, features, crs: STANDARD, warnings: [] };
}

const MULTI: Record<string, 'MultiPoint' | 'MultiLineString' | 'MultiPolygon'> = {
  Point: 'MultiPoint',
  MultiPoint: 'MultiPoint',
  LineString: 'MultiLineString',
  MultiLineString: 'MultiLineString',
  Polygon: 'MultiPolygon',
  MultiPolygon: 'MultiPolygon',
};

/** A KML MultiGeometry of one kind of part (how desktop GIS writes multipolygons) as the matching Multi* geometry. */
function homogeneous(g: Geometry): Geometry {
  if (g.type !== 'GeometryCollection') return g;
  const parts = g.geometries.map(homogeneous);
  const kind = parts.length > 0 ? MULTI[parts[0]!.type] : undefined;
  if (!kind || !parts.every((p) => MULTI[p.type] === kind)) return { type: 'GeometryCollection', geometries: parts };
  const coordinates: unknown[] = [];
  for (const p of parts) if ('coordinates' in p) coordinates.push(...(p.type.startsWith('Multi') ? (p.coordinates as unknown[]) : [p.coordinates]));
  return { type: kind, coordinates } as Geometry;
}

/** KML descriptions may arrive as `{ "@type": "html", value }`. */
function describe(value: unknown): unknown {
  return value && typeof value === 'object' && 'value' in value ? (value).value : value;
}

/** Tracks and routes become features; waypoints are skipped (no layer takes loose points from GPX). */
export function parseGpx(text: string, name: string, maxFeatures: number): ParsedLayer {
  countElements(text, GPX_FEATURES, maxFeatures);
  const all = gpx(parseXml(text, 'GPX')).features as Array<Feature<Geometry | null>>;
  const lines = all.filter((f) => f.properties?._gpxType === 'trk' || f.properties?._gpxType === 'rte');
  const waypoints = all.length - lines.length;
  const features = lines.map((f) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    return { geometry: f.geometry, properties: { name: p.name ?? null, kind: p._gpxType === 'rte' ? '航线' : '轨迹', desc: p.desc ?? p.cmt ?? null, type: p.type ?? null, time: p.time ?? null } };
  });
  return { name, features, crs: STANDARD, warnings: waypoints > 0 ? [`跳过了 ${waypoints} 个航点（wpt），只导入轨迹和航线`] : [] };
}

import gcoordModule from 'gcoord';
import type { Geometry, Position } from 'geojson';
import { GEOMETRY_TYPE_NAMES, SHAPE_TYPES, type TargetSpec } from './targets.ts';

/**
 * Checks a feature's geometry before PostGIS sees it: the right kind for the layer, finite
 * coordinates, rings long enough. Validity (self-intersection …) is PostGIS's job in staging;
 * this only catches what would make `ST_GeomFromGeoJSON` fail for the whole chunk.
 */
export function checkGeometry(geometry: Geometry | null, spec: TargetSpec): { geometry: Geometry } | { problem: string } {
  if (!geometry) return { problem: '几何为空' };
  const wanted = SHAPE_TYPES[spec.shape];
  if (!wanted.types.includes(geometry.type)) {
    return { problem: `几何类型为${GEOMETRY_TYPE_NAMES[geometry.type] ?? geometry.type}，${spec.label}需要${wanted.label}` };
  }
  if (geometry.type === 'GeometryCollection') return { problem: '不支持几何集合' };
  const coordinates = normalise(geometry.type, geometry.coordinates);
  if (typeof coordinates === 'string') return { problem: coordinates };
  return { geometry: { type: geometry.type, coordinates } as Geometry };
}

type Coordinates = Position | Position[] | Position[][] | Position[][][];

/** The coordinates with rings closed, or why they cannot be used. */
function normalise(type: string, c: Coordinates): Coordinates | string {
  if (!Array.isArray(c) || c.length === 0) return '几何为空';
  switch (type) {
    case 'Point':
      return position(c as Position) ? c : '坐标不是有效数字';
    case 'MultiPoint':
    case 'LineString': {
      const points = c as Position[];
      if (!points.every(position)) return '坐标不是有效数字';
      return type === 'LineString' && points.length < 2 ? '线至少需要 2 个点' : points;
    }
    case 'MultiLineString':
      return all(c as Position[][], (line) => normalise('LineString', line) as Position[] | string);
    case 'Polygon':
      return all(c as Position[][], ring);
    case 'MultiPolygon':
      return all(c as Position[][][], (polygon) => normalise('Polygon', polygon) as Position[][] | string);
    default:
      return `不支持的几何类型 ${type}`;
  }
}

function all<T, R>(parts: T[], check: (part: T) => R | string): R[] | string {
  if (parts.length === 0) return '几何为空';
  const out: R[] = [];
  for (const part of parts) {
    const r = check(part);
    if (typeof r === 'string') return r;
    out.push(r);
  }
  return out;
}

function ring(points: Position[]): Position[] | string {
  if (!Array.isArray(points) || !points.every(position)) return '坐标不是有效数字';
  const first = points[0];
  const last = points[points.length - 1];
  const closed = first && last && first[0] === last[0] && first[1] === last[1] ? points : [...points, first!];
  return closed.length < 4 ? '面的环至少需要 3 个不同的点' : closed;
}

const position = (p: Position) => Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

// gcoord's types describe an ES default export, but the package is CommonJS (`module.exports = gcoord`):
// at run time the default import is the library object itself.
const gcoord = gcoordModule as unknown as typeof gcoordModule.default;

/** Removes the GCJ-02 offset of Chinese phone map SDKs (高德、腾讯), giving WGS84/CGCS2000 longitude–latitude. */
export function fromGcj02(geometry: Geometry): Geometry {
  return gcoord.transform(geometry as Parameters<typeof gcoord.transform>[0], gcoord.GCJ02, gcoord.WGS84) as Geometry;
}

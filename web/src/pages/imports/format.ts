import { formatNumber } from '../../app/numbers.tsx';

/** A file size as people read it: 980 KB, 12.4 MB. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${formatNumber(bytes / 1024 ** 3, 1)} GB`;
  if (bytes >= 1024 ** 2) return `${formatNumber(bytes / 1024 ** 2, 1)} MB`;
  return `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

/** Geometry types in the interface language (key in imports.geometry). */
export const GEOMETRY_KEYS = {
  Point: 'point',
  MultiPoint: 'multiPoint',
  LineString: 'line',
  MultiLineString: 'multiLine',
  Polygon: 'polygon',
  MultiPolygon: 'multiPolygon',
  GeometryCollection: 'collection',
} as const;

/** The geometry types each target shape accepts (server/src/modules/imports/targets.ts SHAPE_TYPES). */
export const SHAPE_TYPES: Record<'polygon' | 'line' | 'point' | 'any', readonly string[]> = {
  polygon: ['Polygon', 'MultiPolygon'],
  line: ['LineString', 'MultiLineString'],
  point: ['Point', 'MultiPoint'],
  any: ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'],
};

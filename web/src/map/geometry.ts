import type { Geometry, LineString, Point, Polygon, Position } from 'geojson';
import type { LngLatBoundsLike } from 'maplibre-gl';
import type { BBox } from './catalogue.ts';

/** 1 亩 = 10000/15 m² exactly (1 公顷 = 15 亩). */
export const SQUARE_METRES_PER_MU = 10000 / 15;

/** The bbox of any GeoJSON geometry, or null when it has no coordinates. */
export function bboxOf(geometry: Geometry): BBox | null {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (value: unknown): void => {
    if (!Array.isArray(value)) return;
    if (typeof value[0] === 'number') {
      const [x, y] = value as [number, number];
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
      return;
    }
    for (const item of value) visit(item);
  };
  const geometries = geometry.type === 'GeometryCollection' ? geometry.geometries : [geometry];
  for (const g of geometries) if (g.type !== 'GeometryCollection') visit(g.coordinates);
  return Number.isFinite(box[0]) ? box : null;
}

/** A bbox as MapLibre takes bounds. */
export function lngLatBounds([w = -180, s = -90, e = 180, n = 90]: BBox): LngLatBoundsLike {
  return [
    [w, s],
    [e, n],
  ];
}

/** Coordinates rounded to `decimals` places (7 ≈ 1 cm): what a drawing tool keeps and the server stores. */
export function roundPosition(position: Position, decimals = 7): Position {
  const k = 10 ** decimals;
  return position.map((v) => Math.round(v * k) / k);
}

/** A single-part shape a drawing tool can edit: a polygon without holes, a line or a point. */
export type EditablePart = Polygon | LineString | Point;

/** What `splitForEditing` sets aside: the family to rebuild and each polygon part's holes. */
export interface EditingPlan {
  family: 'polygon' | 'line' | 'point';
  holes: Position[][][];
}

/**
 * Splits a stored geometry into parts a vertex editor can handle (terra-draw edits single
 * polygons without holes). Holes are kept aside per part and put back by `joinAfterEditing`.
 */
export function splitForEditing(geometry: Geometry): { parts: EditablePart[]; plan: EditingPlan } {
  const ring = (r: Position[]) => r.map((p) => roundPosition(p));
  switch (geometry.type) {
    case 'Polygon':
      return { parts: [{ type: 'Polygon', coordinates: [ring(geometry.coordinates[0] ?? [])] }], plan: { family: 'polygon', holes: [geometry.coordinates.slice(1)] } };
    case 'MultiPolygon':
      return {
        parts: geometry.coordinates.map((p): Polygon => ({ type: 'Polygon', coordinates: [ring(p[0] ?? [])] })),
        plan: { family: 'polygon', holes: geometry.coordinates.map((p) => p.slice(1)) },
      };
    case 'LineString':
      return { parts: [{ type: 'LineString', coordinates: ring(geometry.coordinates) }], plan: { family: 'line', holes: [] } };
    case 'MultiLineString':
      return { parts: geometry.coordinates.map((l): LineString => ({ type: 'LineString', coordinates: ring(l) })), plan: { family: 'line', holes: [] } };
    case 'Point':
      return { parts: [{ type: 'Point', coordinates: roundPosition(geometry.coordinates) }], plan: { family: 'point', holes: [] } };
    case 'MultiPoint':
      return { parts: geometry.coordinates.map((p): Point => ({ type: 'Point', coordinates: roundPosition(p) })), plan: { family: 'point', holes: [] } };
    default:
      return { parts: [], plan: { family: 'polygon', holes: [] } };
  }
}

/** Rebuilds one geometry from edited parts: single when there is one part, Multi* otherwise. */
export function joinAfterEditing(parts: readonly EditablePart[], plan: EditingPlan): Geometry | null {
  if (plan.family === 'polygon') {
    const polygons = parts.filter((p): p is Polygon => p.type === 'Polygon').map((p, i) => [p.coordinates[0] ?? [], ...(plan.holes[i] ?? [])]);
    if (polygons.length === 0) return null;
    return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
  }
  if (plan.family === 'line') {
    const lines = parts.filter((p): p is LineString => p.type === 'LineString').map((p) => p.coordinates);
    if (lines.length === 0) return null;
    return lines.length === 1 ? { type: 'LineString', coordinates: lines[0]! } : { type: 'MultiLineString', coordinates: lines };
  }
  const points = parts.filter((p): p is Point => p.type === 'Point').map((p) => p.coordinates);
  if (points.length === 0) return null;
  return points.length === 1 ? { type: 'Point', coordinates: points[0]! } : { type: 'MultiPoint', coordinates: points };
}

/** A length for people: metres below a kilometre, kilometres with two decimals above. */
export function formatLength(metres: number, units: { m: string; km: string }): string {
  if (metres < 1000) return `${metres.toFixed(metres < 10 ? 1 : 0)} ${units.m}`;
  return `${(metres / 1000).toFixed(2)} ${units.km}`;
}

/** An area in both units offices use: 亩 (two decimals) and 公顷 (four). */
export function areaInMuAndHa(squareMetres: number): { mu: number; ha: number } {
  return { mu: Math.round((squareMetres / SQUARE_METRES_PER_MU) * 100) / 100, ha: Math.round(squareMetres) / 10000 };
}

/** The number with thousands separators and fixed decimals, as offices write areas. */
export function formatNumber(value: number, decimals: number): string {
  return value.toLocaleString('zh-CN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

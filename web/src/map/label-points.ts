import type { Feature, Geometry, Point, Position } from 'geojson';

/**
 * One label per feature. Vector tiles cut a village or a grid into one piece per tile, and
 * MapLibre labels every piece, so a big polygon would carry its name three or four times. Here
 * the loaded pieces are grouped by feature id and each feature gets one point: the centroid of
 * its largest piece, or a point on that piece's widest horizontal chord when the centroid falls
 * outside (a crescent-shaped village). The points go into a GeoJSON source the label layer draws.
 */

type Ring = Position[];

/** A feature piece as the map's querySourceFeatures gives it (clipped to its tile). */
export interface TilePiece {
  id?: string | number | undefined;
  properties: unknown;
  geometry: Geometry;
}

function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return Math.abs(sum / 2);
}

function centroid(ring: Ring): Position {
  let x = 0;
  let y = 0;
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    const f = xj * yi - xi * yj;
    x += (xj + xi) * f;
    y += (yj + yi) * f;
    a += f * 3;
  }
  if (a === 0) return ring[0] ?? [0, 0];
  return [x / a, y / a];
}

function inside(point: Position, ring: Ring): boolean {
  const [px, py] = point as [number, number];
  let hit = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

/** The middle of the widest stretch of the ring along the horizontal line through y. */
function onChord(ring: Ring, y: number): Position | null {
  const xs: number[] = [];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
  }
  xs.sort((a, b) => a - b);
  let best: Position | null = null;
  let width = -1;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    if (xs[i + 1]! - xs[i]! > width) {
      width = xs[i + 1]! - xs[i]!;
      best = [(xs[i]! + xs[i + 1]!) / 2, y];
    }
  }
  return best;
}

/** A point inside the outer ring, near its middle. Exported for tests. */
export function labelPoint(ring: Ring): Position {
  const c = centroid(ring);
  if (inside(c, ring)) return c;
  return onChord(ring, c[1]!) ?? c;
}

/** The outer rings of a tile feature's pieces (a MultiPolygon piece has several). */
function outerRings(feature: TilePiece): Ring[] {
  const g = feature.geometry;
  if (g.type === 'Polygon') return g.coordinates[0] ? [g.coordinates[0]] : [];
  if (g.type === 'MultiPolygon') return g.coordinates.flatMap((p) => (p[0] ? [p[0]] : []));
  return [];
}

/** The middle vertex of a line: good enough to hang a name on. */
function midLine(line: Position[]): Position | null {
  return line[Math.floor(line.length / 2)] ?? null;
}

/**
 * One point feature per feature id, carrying the feature's properties: in its largest loaded
 * polygon piece, at the middle of its longest line piece, or at the point itself.
 */
export function labelPoints(pieces: readonly TilePiece[]): Array<Feature<Point>> {
  const best = new Map<string | number, { at: Position; weight: number; properties: Record<string, unknown> }>();
  const offer = (piece: TilePiece, at: Position | null, weight: number) => {
    if (piece.id === undefined || !at) return;
    const current = best.get(piece.id);
    // A copy: tile properties have no prototype, which the map's worker messaging cannot send.
    if (!current || weight > current.weight) best.set(piece.id, { at, weight, properties: { ...(piece.properties as Record<string, unknown>) } });
  };
  for (const piece of pieces) {
    const g = piece.geometry;
    if (g.type === 'Point') offer(piece, g.coordinates, 0);
    else if (g.type === 'LineString') offer(piece, midLine(g.coordinates), g.coordinates.length);
    else if (g.type === 'MultiLineString') for (const line of g.coordinates) offer(piece, midLine(line), line.length);
    else for (const ring of outerRings(piece)) offer(piece, labelPoint(ring), ringArea(ring));
  }
  return [...best.entries()].map(([id, { at, properties }]) => ({ type: 'Feature', id, properties, geometry: { type: 'Point', coordinates: at } }));
}

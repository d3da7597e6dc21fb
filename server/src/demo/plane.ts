import { Delaunay } from 'd3-delaunay';
import { polygonArea, polygonContains } from 'd3-polygon';
import * as clipModule from 'polygon-clipping';
import type { MultiPolygon as ClipMultiPolygon } from 'polygon-clipping';
import type { Random } from './random.ts';

// The package is CommonJS with a default export object; its typings declare named exports.
const clip = (clipModule as unknown as { default?: typeof clipModule }).default ?? clipModule;

/** Planar geometry in kilometres on a local tangent plane; converted to lon/lat only on output. */
export type Pt = [number, number];
export type Ring = Pt[];
export type Poly = Ring[]; // exterior ring first, then holes
export type MultiPoly = Poly[];

/** An equirectangular frame around a centre: accurate to well under 1% over a county. */
export class LocalFrame {
  private readonly kx: number;
  private readonly ky = 110.574;
  constructor(
    readonly lon0: number,
    readonly lat0: number,
  ) {
    this.kx = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  }
  toLonLat([x, y]: Pt): Pt {
    return [round7(this.lon0 + x / this.kx), round7(this.lat0 + y / this.ky)];
  }
  multiPolygon(mp: MultiPoly): { type: 'MultiPolygon'; coordinates: Pt[][][] } {
    return { type: 'MultiPolygon', coordinates: mp.map((poly) => poly.map((ring) => ring.map((p) => this.toLonLat(p)))) };
  }
}

// Rounding to 1e-7° (~1 cm) makes the vertices two neighbours share identical after clipping.
const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

export function ringArea(ring: Ring): number {
  return Math.abs(polygonArea(ring));
}

export function polyArea(poly: Poly): number {
  return poly.reduce((sum, ring, i) => sum + (i === 0 ? ringArea(ring) : -ringArea(ring)), 0);
}

export function multiArea(mp: MultiPoly): number {
  return mp.reduce((s, p) => s + polyArea(p), 0);
}

export function contains(mp: MultiPoly, p: Pt): boolean {
  return mp.some((poly) => polygonContains(poly[0]!, p) && !poly.slice(1).some((hole) => polygonContains(hole, p)));
}

export function bbox(mp: MultiPoly): [number, number, number, number] {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const poly of mp)
    for (const [x, y] of poly[0]!) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  return [x0, y0, x1, y1];
}

/** A random point inside the area, optionally accepted with a probability that depends on where it falls. */
export function randomPointIn(mp: MultiPoly, random: Random, accept: (p: Pt) => number = () => 1): Pt {
  const [x0, y0, x1, y1] = bbox(mp);
  for (let i = 0; i < 100_000; i++) {
    const p: Pt = [random.between(x0, x1), random.between(y0, y1)];
    if (contains(mp, p) && random() < accept(p)) return p;
  }
  throw new Error('could not place a point inside the polygon');
}

/**
 * Splits an area into one piece per seed (Voronoi cells clipped to the area). The pieces are
 * contiguous, do not overlap and cover the area exactly; where clipping cuts a cell in two, the
 * stray piece joins a neighbour it touches.
 */
export function partition(area: MultiPoly, seeds: readonly Pt[]): MultiPoly[] {
  if (seeds.length === 1) return [area];
  const [x0, y0, x1, y1] = bbox(area);
  const voronoi = Delaunay.from(seeds).voronoi([x0 - 1, y0 - 1, x1 + 1, y1 + 1]);
  const cells: MultiPoly[] = [];
  const strays: Poly[] = [];
  seeds.forEach((_, i) => {
    const cell = voronoi.cellPolygon(i) as unknown as Pt[] | null;
    const pieces = cell ? (clip.intersection([cell], area) as MultiPoly) : [];
    pieces.sort((a, b) => polyArea(b) - polyArea(a));
    cells.push(pieces.slice(0, 1));
    strays.push(...pieces.slice(1));
  });
  for (const stray of strays) {
    const host = cells.findIndex((c) => c.length > 0 && clip.union(c, [stray]).length === c.length);
    const target = host >= 0 ? host : cells.findIndex((c) => c.length > 0);
    cells[target] = clip.union(cells[target] as ClipMultiPolygon, [stray]);
  }
  return cells;
}

/** A smooth, irregular closed outline around the origin with the given area (km²). */
export function blobOutline(random: Random, areaKm2: number, vertices = 120, stretch: Pt = [1, 1]): Ring {
  const harmonics = [2, 3, 4, 5, 7].map((k) => ({ k, a: random.between(0.03, 0.13) / Math.sqrt(k - 1), phase: random.between(0, 2 * Math.PI) }));
  const raw: Ring = [];
  for (let i = 0; i < vertices; i++) {
    const t = (2 * Math.PI * i) / vertices;
    const r = 1 + harmonics.reduce((s, h) => s + h.a * Math.cos(h.k * t + h.phase), 0);
    raw.push([r * Math.cos(t) * stretch[0], r * Math.sin(t) * stretch[1]]);
  }
  const scale = Math.sqrt(areaKm2 / ringArea(raw));
  const ring = raw.map(([x, y]) => [x * scale, y * scale] as Pt);
  ring.push(ring[0]!);
  return ring;
}

/**
 * Joins every piece smaller than `minArea` (km²) to the smallest piece it touches, so slivers
 * that clipping leaves at a boundary become part of a neighbour instead of a stand of their own.
 * A small piece that touches none stays. Returns the surviving pieces in their original order.
 */
export function absorbSmall(pieces: readonly MultiPoly[], minArea: number): Array<{ index: number; area: MultiPoly }> {
  const geometry = [...pieces];
  const areas = geometry.map(multiArea);
  const boxes = geometry.map((p) => (p.length > 0 ? bbox(p) : null));
  const alive = geometry.map((p) => p.length > 0);
  const order = geometry.map((_, i) => i).sort((a, b) => areas[a]! - areas[b]!);
  for (const i of order) {
    if (!alive[i] || areas[i]! >= minArea) continue;
    const box = boxes[i]!;
    const neighbours = order.filter((j) => j !== i && alive[j] && boxesTouch(box, boxes[j]!)).sort((a, b) => areas[a]! - areas[b]!);
    for (const j of neighbours) {
      const joined = unionOrNull(geometry[j]!, geometry[i]!);
      if (!joined || joined.length !== geometry[j]!.length) continue; // no shared edge
      geometry[j] = joined;
      areas[j] = areas[j]! + areas[i]!;
      boxes[j] = bbox(joined);
      alive[i] = false;
      break;
    }
  }
  return geometry.flatMap((area, index) => (alive[index] ? [{ index, area }] : []));
}

/** polygon-clipping gives up on some nearly degenerate inputs ("Unable to complete output ring"): that neighbour is then skipped. */
function unionOrNull(a: MultiPoly, b: MultiPoly): MultiPoly | null {
  try {
    return clip.union(a, b);
  } catch {
    return null;
  }
}

function boxesTouch(a: readonly number[], b: readonly number[], eps = 1e-9): boolean {
  return a[0]! <= b[2]! + eps && b[0]! <= a[2]! + eps && a[1]! <= b[3]! + eps && b[1]! <= a[3]! + eps;
}

import type { Geometry, Position } from 'geojson';
import { fromVectorTileJs, type VtFeature, type VtPoint } from 'vt-pbf';
import { ringArea2 } from './tile-math.ts';

/** A feature already in tile space (integer coordinates), with its attributes. */
export interface TileSpaceFeature {
  id: number;
  geometry: Geometry;
  properties: Record<string, string | number | boolean | null>;
}

type Encoded = Pick<VtFeature, 'type'> & { rings: VtPoint[][] };

/**
 * Writes one MVT layer from tile-space features with vt-pbf (the protobuf writer behind
 * Mapbox's own tools). Geometry only needs the last touches ST_AsMVTGeom would give it:
 * ring winding as the MVT spec wants it (exterior rings positive by the surveyor's formula in
 * tile coordinates, holes negative) and no rings or lines that collapsed to nothing.
 * With `merge`, features with equal attributes and dimension become one feature without an id,
 * as the PostgreSQL query does with ST_Collect. An empty layer is an empty buffer, as ST_AsMVT
 * returns for no rows.
 */
export function encodeLayer(name: string, extent: number, features: readonly TileSpaceFeature[], merge = false): Buffer {
  const written: VtFeature[] = [];
  const merged = new Map<string, VtFeature & { rings: VtPoint[][] }>();
  for (const f of features) {
    const encoded = encodeGeometry(f.geometry);
    if (!encoded) continue;
    if (!merge) {
      written.push({ id: f.id >= 0 ? f.id : undefined, type: encoded.type, properties: f.properties, loadGeometry: () => encoded.rings });
      continue;
    }
    const key = `${encoded.type}|${JSON.stringify(f.properties)}`;
    const group = merged.get(key);
    if (group) group.rings.push(...encoded.rings);
    else {
      const rings = [...encoded.rings];
      const feature = { id: undefined, type: encoded.type, properties: f.properties, rings, loadGeometry: () => rings };
      merged.set(key, feature);
      written.push(feature);
    }
  }
  if (written.length === 0) return Buffer.alloc(0);
  const bytes = fromVectorTileJs({ layers: { [name]: { name, version: 2, extent, length: written.length, feature: (i) => written[i]! } } });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const point = ([x, y]: Position): VtPoint => ({ x: x!, y: y! });

/** The MVT command geometry of a GeoJSON geometry; a collection keeps its highest-dimension parts, like ST_AsMVTGeom. */
export function encodeGeometry(geometry: Geometry): Encoded | undefined {
  switch (geometry.type) {
    case 'Point':
      return { type: 1, rings: [[point(geometry.coordinates)]] };
    case 'MultiPoint':
      return geometry.coordinates.length ? { type: 1, rings: [geometry.coordinates.map(point)] } : undefined;
    case 'LineString':
      return lines([geometry.coordinates]);
    case 'MultiLineString':
      return lines(geometry.coordinates);
    case 'Polygon':
      return polygons([geometry.coordinates]);
    case 'MultiPolygon':
      return polygons(geometry.coordinates);
    case 'GeometryCollection': {
      const parts = geometry.geometries.map(encodeGeometry).filter((e): e is Encoded => e !== undefined);
      const top = Math.max(0, ...parts.map((p) => p.type));
      const kept = parts.filter((p) => p.type === top);
      return kept.length ? { type: kept[0]!.type, rings: kept.flatMap((p) => p.rings) } : undefined;
    }
  }
}

function lines(parts: Position[][]): Encoded | undefined {
  const rings = parts.filter((line) => line.length >= 2).map((line) => line.map(point));
  return rings.length ? { type: 2, rings } : undefined;
}

function polygons(parts: Position[][][]): Encoded | undefined {
  const rings: VtPoint[][] = [];
  for (const [outer, ...holes] of parts) {
    if (!outer || !orient(outer, true, rings)) continue;
    for (const hole of holes) orient(hole, false, rings);
  }
  return rings.length ? { type: 3, rings } : undefined;
}

/** Adds a closed ring wound as MVT wants; false when it has no area left after snapping. */
function orient(ring: Position[], exterior: boolean, out: VtPoint[][]): boolean {
  if (ring.length < 4) return false;
  const area = ringArea2(ring as Array<[number, number]>);
  // Less than one square unit is a sliver the clip left at the buffer's edge; ST_AsMVTGeom drops those too.
  if (Math.abs(area) < 2) return false;
  const points = ring.map(point);
  out.push(area > 0 === exterior ? points : points.reverse());
  return true;
}

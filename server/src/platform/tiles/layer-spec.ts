import type { RawBuilder } from 'kysely';

/**
 * What a vector-tile layer is, as data: the table behind it, what each tile carries and how
 * detail falls away at low zooms. Specs are made from the layer declarations (platform/layers);
 * this folder only knows how to turn a spec into SQL and bytes.
 */
export interface TileLayerSpec {
  /** The tile layer's name in URLs and inside the tile (snake_case). */
  id: string;
  /** FROM clause; the row alias must be `f`. Trusted code, never user input. */
  from: string;
  /** Integer feature id (MVT `id`), an SQL expression over `f`. */
  idSql: string;
  /** The SRID 4326 geometry column, over `f`; it must have a GiST index for tiles to be fast. */
  geomSql: string;
  attributes: readonly TileAttribute[];
  /** Detail per zoom band, by ascending `fromZoom`; the first band's `fromZoom` is the layer's min zoom. */
  zooms: readonly ZoomRule[];
  maxZoom: number;
  /** Units of a 4096-unit tile drawn beyond each edge, so strokes do not stop at seams (scaled to each band's extent). */
  buffer: number;
  /** The layer_versions entries whose change makes this layer's tiles stale. */
  dependsOn: readonly string[];
  /**
   * One label point per feature, from `fromZoom` on, in a second tile layer (labelLayerOf): the
   * point on the whole feature's surface, emitted only by the tile that holds it, with the
   * feature's id and the band's attributes. Bands that merge features have none.
   */
  label?: { fromZoom: number };
}

/** One attribute a tile carries: the key, the SQL that computes it, and its wire type. */
export interface TileAttribute {
  name: string;
  /** An SQL expression over `f`; the builder casts it to `type` so both encoders see the same value. */
  sql: string;
  type: 'string' | 'integer' | 'number' | 'boolean';
}

/** How a layer is drawn from `fromZoom` up to the next band. */
export interface ZoomRule {
  fromZoom: number;
  /** Tile units per tile side. Fewer units at low zooms snap small shapes to fewer vertices. */
  extent: number;
  /** Douglas–Peucker tolerance in tile units, applied before tiling; 0 keeps every vertex that survives snapping. */
  simplify: number;
  /** Names of the attributes carried in this band. */
  attributes: readonly string[];
  /** An extra SQL condition over `f` (e.g. only counties and townships at low zooms). */
  where?: string;
  /**
   * Merge features with equal attributes into one multi-geometry feature without an id. Every
   * feature costs ~15 bytes before its first vertex, so a z10 tile of 9,000 sub-compartments is
   * ~270 KB as features but a few dozen KB as one multipolygon per land class.
   */
  merge?: boolean;
}

/** Request-dependent conditions a layer adds (e.g. which grid plan), with the part of the cache key they decide. */
export interface TileFilter {
  sql: RawBuilder<unknown> | null;
  key: string;
}

export const NO_FILTER: TileFilter = { sql: null, key: '' };

export function minZoomOf(spec: TileLayerSpec): number {
  return spec.zooms[0]!.fromZoom;
}

/** The band that applies at zoom z, or undefined outside the layer's zoom range. */
export function ruleAt(spec: TileLayerSpec, z: number): ZoomRule | undefined {
  if (z < minZoomOf(spec) || z > spec.maxZoom) return undefined;
  let rule = spec.zooms[0];
  for (const r of spec.zooms) if (r.fromZoom <= z) rule = r;
  return rule;
}

/** The band's buffer in its own tile units. */
export function bufferOf(spec: TileLayerSpec, rule: ZoomRule): number {
  return Math.round((spec.buffer * rule.extent) / 4096);
}

/** The attributes a band carries, in the spec's order. */
export function attributesAt(spec: TileLayerSpec, rule: ZoomRule): TileAttribute[] {
  return spec.attributes.filter((a) => rule.attributes.includes(a.name));
}

/** The name of the tile layer holding a layer's label points. */
export const labelLayerOf = (spec: TileLayerSpec) => `${spec.id}_labels`;

/** Whether tiles at zoom z of this band carry label points. */
export function hasLabels(spec: TileLayerSpec, rule: ZoomRule, z: number): boolean {
  return spec.label !== undefined && !rule.merge && z >= spec.label.fromZoom;
}

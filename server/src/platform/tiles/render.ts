import type { Geometry } from 'geojson';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/tables.ts';
import type { Context } from '../context.ts';
import { encodeLayer } from './encode-node.ts';
import { attributesAt, hasLabels, labelLayerOf, NO_FILTER, type TileFilter, type TileLayerSpec, type ZoomRule } from './layer-spec.ts';
import { nativeTileQuery, preparedTileQuery, type PreparedRow } from './tile-sql.ts';
import type { TileAddress } from './tile-math.ts';

/**
 * Which encoder writes the protobuf: PostGIS's own `ST_AsMVT` where the database has it
 * (PostgreSQL), Node (vt-pbf) over SQL-prepared tile geometry where it has not (the embedded
 * PGlite build). Tests force 'node' on PostgreSQL to prove both give the same tile.
 */
export type TileEncoder = 'postgis' | 'node';

export function encoderFor(kind: Database['kind']): TileEncoder {
  return kind === 'postgres' ? 'postgis' : 'node';
}

export interface RenderOptions {
  encoder: TileEncoder;
  filter?: TileFilter;
}

/**
 * One tile of one layer as MVT bytes (empty = no feature), read with the caller's scope:
 * the query runs inside `ctx.run`, so row-level security leaves out every row outside the
 * caller's region subtree before any geometry work is done.
 */
export function renderTile(ctx: Context, spec: TileLayerSpec, rule: ZoomRule, tile: TileAddress, options: RenderOptions): Promise<Buffer> {
  return ctx.run((tx) => renderWith(tx, spec, rule, tile, options));
}

/**
 * The same tile on a connection that already carries its scope (the benchmark's bare query). A
 * tile of several layers is their encodings one after the other: MVT layers are a repeated
 * protobuf field, so concatenated layers are one tile.
 */
export async function renderWith(db: Kysely<DB>, spec: TileLayerSpec, rule: ZoomRule, tile: TileAddress, options: RenderOptions): Promise<Buffer> {
  const parts = [await renderLayer(db, spec, rule, tile, options, false)];
  if (hasLabels(spec, rule, tile.z)) parts.push(await renderLayer(db, spec, rule, tile, options, true));
  return Buffer.concat(parts);
}

async function renderLayer(db: Kysely<DB>, spec: TileLayerSpec, rule: ZoomRule, tile: TileAddress, options: RenderOptions, labels: boolean): Promise<Buffer> {
  const filter = options.filter ?? NO_FILTER;
  if (options.encoder === 'postgis') {
    const { rows } = await nativeTileQuery(spec, rule, tile, filter, labels).execute(db);
    const bytes = rows[0]?.mvt;
    return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : Buffer.alloc(0);
  }
  const { rows } = await preparedTileQuery(spec, rule, tile, filter, labels).execute(db);
  const names = attributesAt(spec, rule).map((a) => a.name);
  const features = rows.map((row: PreparedRow) => {
    const properties: Record<string, string | number | boolean | null> = {};
    for (const name of names) properties[name] = row[name] as string | number | boolean | null;
    return { id: row.id, geometry: JSON.parse(row.geom) as Geometry, properties };
  });
  return encodeLayer(labels ? labelLayerOf(spec) : spec.id, rule.extent, features, rule.merge);
}

import type { Geometry } from 'geojson';
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { LayerDeclaration } from '../../platform/layers/declaration.ts';
import { exportRowsQuery } from '../../platform/layers/sql.ts';
import { subtreePrefix } from '../../platform/scope/regions.ts';

/** An exported row: the key, the geometry as GeoJSON, its PostGIS type and every export field. */
export interface Row extends Record<string, unknown> {
  lz_key: unknown;
  geometry: Geometry | null;
  gtype: string | null;
}

/** The rows a filtered export of a layer holds (the caller's scope applies besides). */
function rows(layer: LayerDeclaration, filter: Record<string, string | number | undefined>): RawBuilder<Row> {
  const conditions: RawBuilder<unknown>[] = [];
  if (filter.regionCode !== undefined) conditions.push(sql`f.${sql.ref(layer.regionColumn)} like ${`${subtreePrefix(String(filter.regionCode))}%`}`);
  for (const [name, declared] of Object.entries(layer.export!.filters ?? {})) {
    const value = filter[name];
    if (value !== undefined) conditions.push(declared.where(value));
    else if (declared.otherwise) conditions.push(declared.otherwise);
  }
  return exportRowsQuery(layer, conditions) as RawBuilder<Row>;
}

export async function countRows(tx: Tx, layer: LayerDeclaration, filter: Record<string, string | number | undefined>): Promise<number> {
  const { rows: counted } = await sql<{ n: number }>`select count(*)::int as n from (${rows(layer, filter)}) x`.execute(tx);
  return counted[0]!.n;
}

/** The next batch of rows in key order, after the given key (null: from the start). */
export async function batchAfter(tx: Tx, layer: LayerDeclaration, filter: Record<string, string | number | undefined>, after: unknown, limit: number): Promise<Row[]> {
  const { rows: batch } = await sql<Row>`
    select * from (${rows(layer, filter)}) x
     where ${after === null ? sql`true` : sql`x.lz_key > ${after}`}
     order by x.lz_key limit ${limit}`.execute(tx);
  return batch;
}

import { sql } from 'kysely';
import type { Tx } from '../../../db/scoped.ts';
import { affected } from '../../../platform/layers/counts.ts';
import type { ImportCounts, ImportWrite } from '../../../platform/layers/declaration.ts';
import { subtreePrefix } from '../../../platform/scope/regions.ts';
import { geometrySql, type PreparedGeometry } from '../geometry.ts';

/** Queries over reference_layers and reference_features (参考图层). */

export type ReferenceLayerKind = 'nature_reserve' | 'forest_farm' | 'other';

export interface LayerRow {
  id: number;
  region_code: string;
  region_name: string;
  name: string;
  kind: ReferenceLayerKind;
  description: string | null;
  feature_count: number;
  updated_at: Date;
}

export async function findLayers(tx: Tx, filter: { id?: number; regionCode?: string | undefined; kind?: string | undefined }): Promise<LayerRow[]> {
  const { rows } = await sql<LayerRow>`
    select l.id, l.region_code, r.name as region_name, l.name, l.kind, l.description, l.updated_at,
           (select count(*)::int from reference_features f where f.layer_id = l.id) as feature_count
      from reference_layers l join regions r on r.code = l.region_code
     where ${filter.id === undefined ? sql`true` : sql`l.id = ${filter.id}`}
       and ${filter.regionCode ? sql`l.region_code like ${`${subtreePrefix(filter.regionCode)}%`}` : sql`true`}
       and ${filter.kind ? sql`l.kind = ${filter.kind}` : sql`true`}
     order by l.region_code, l.name`.execute(tx);
  return rows;
}

export async function insertLayer(tx: Tx, layer: { regionCode: string; name: string; kind: ReferenceLayerKind; description: string | null }): Promise<number> {
  const { id } = await tx
    .insertInto('reference_layers')
    .values({ region_code: layer.regionCode, name: layer.name, kind: layer.kind, description: layer.description })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateLayer(tx: Tx, id: number, changes: { name?: string; kind?: ReferenceLayerKind; description?: string | null }): Promise<boolean> {
  return (await tx.updateTable('reference_layers').set(changes).where('id', '=', id).executeTakeFirst()).numUpdatedRows > 0n;
}

/** Deletes the layer and its features (on delete cascade). */
export async function deleteLayer(tx: Tx, id: number): Promise<boolean> {
  return (await tx.deleteFrom('reference_layers').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n;
}

export interface FeatureRow {
  id: number;
  layer_id: number;
  region_code: string;
  name: string | null;
  properties: Record<string, unknown>;
  geometry: Record<string, unknown>;
}

export async function listFeatures(tx: Tx, layerId: number): Promise<FeatureRow[]> {
  const { rows } = await sql<FeatureRow>`
    select id, layer_id, region_code, name, properties, st_asgeojson(geom, 7)::json as geometry
      from reference_features where layer_id = ${layerId} order by id`.execute(tx);
  return rows;
}

export async function insertFeature(
  tx: Tx,
  f: { layerId: number; regionCode: string; name: string | null; properties: Record<string, unknown>; geometry: PreparedGeometry },
): Promise<FeatureRow> {
  const { rows } = await sql<FeatureRow>`
    insert into reference_features (layer_id, region_code, name, properties, geom)
    values (${f.layerId}, ${f.regionCode}, ${f.name}, ${JSON.stringify(f.properties)}::jsonb, ${geometrySql(f.geometry)})
    returning id, layer_id, region_code, name, properties, st_asgeojson(geom, 7)::json as geometry`.execute(tx);
  return rows[0]!;
}

export async function deleteFeature(tx: Tx, layerId: number, featureId: number): Promise<boolean> {
  return (await tx.deleteFrom('reference_features').where('layer_id', '=', layerId).where('id', '=', featureId).executeTakeFirst()).numDeletedRows > 0n;
}

/**
 * An import into a named reference layer of the job's region (created when there is none of that
 * name): the features the same dataset brought to that layer before are replaced.
 */
export async function importReferenceFeatures(tx: Tx, w: ImportWrite): Promise<ImportCounts> {
  const found = await tx.selectFrom('reference_layers').select('id').where('region_code', '=', w.jobRegion).where('name', '=', w.layerName!).executeTakeFirst();
  const layerId = found?.id ?? (await insertLayer(tx, { regionCode: w.jobRegion, name: w.layerName!, kind: w.layerKind as ReferenceLayerKind, description: null }));
  const removed = await sql`delete from reference_features where layer_id = ${layerId} and dataset = ${w.dataset}`.execute(tx);
  const r = await sql`
    insert into reference_features (layer_id, region_code, name, properties, geom, dataset)
    select ${layerId}, s.region_code, left(s.attrs ->> 'name', 100), coalesce(s.attrs -> 'properties', '{}'::jsonb), s.geom, ${w.dataset}
      from (${w.rows}) s order by s.row_number`.execute(tx);
  return { inserted: affected(r), updated: 0, replaced: affected(removed) };
}

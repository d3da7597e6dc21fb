import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { Context } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { subtreePrefix } from '../../platform/scope/regions.ts';
import { geometrySql, prepareGeometry } from './geometry.ts';
import type { ReferenceFeatureCreate, ReferenceLayerCreate, ReferenceLayerUpdate } from './schema.ts';

/** 参考图层: named layers an office keeps for the map (自然保护地, 林场 …) and their features. */

interface LayerRow {
  id: number;
  region_code: string;
  region_name: string;
  name: string;
  kind: 'nature_reserve' | 'forest_farm' | 'other';
  description: string | null;
  feature_count: number;
  updated_at: Date;
}

const toLayer = (r: LayerRow) => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  name: r.name,
  kind: r.kind,
  description: r.description,
  featureCount: r.feature_count,
  updatedAt: new Date(r.updated_at).toISOString(),
});

async function findLayers(tx: Tx, filter: { id?: number; regionCode?: string; kind?: string }): Promise<LayerRow[]> {
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

export async function listLayers(ctx: Context, filter: { regionCode?: string; kind?: string }) {
  return (await ctx.run((tx) => findLayers(tx, filter))).map(toLayer);
}

export async function getLayer(ctx: Context, id: number) {
  const [row] = await ctx.run((tx) => findLayers(tx, { id }));
  if (!row) throw notFound('参考图层', id);
  return toLayer(row);
}

export async function createLayer(ctx: Context, input: ReferenceLayerCreate) {
  return ctx.run(async (tx) => {
    const { id } = await tx
      .insertInto('reference_layers')
      .values({ region_code: input.regionCode, name: input.name.trim(), kind: input.kind ?? 'other', description: input.description ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return toLayer((await findLayers(tx, { id }))[0]!);
  });
}

export async function updateLayer(ctx: Context, id: number, changes: ReferenceLayerUpdate) {
  return ctx.run(async (tx) => {
    const result = await tx
      .updateTable('reference_layers')
      .set({
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw notFound('参考图层', id);
    return toLayer((await findLayers(tx, { id }))[0]!);
  });
}

/** Deletes the layer and its features. */
export async function deleteLayer(ctx: Context, id: number): Promise<void> {
  await ctx.run(async (tx) => {
    const result = await tx.deleteFrom('reference_layers').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('参考图层', id);
  });
}

interface FeatureRow {
  id: number;
  layer_id: number;
  region_code: string;
  name: string | null;
  properties: Record<string, unknown>;
  geometry: Record<string, unknown>;
}

const toFeature = (r: FeatureRow, repaired?: boolean) => ({
  type: 'Feature' as const,
  id: r.id,
  properties: { id: r.id, layerId: r.layer_id, regionCode: r.region_code, name: r.name, attributes: r.properties, ...(repaired === undefined ? {} : { repaired }) },
  geometry: r.geometry,
});

export async function listFeatures(ctx: Context, layerId: number) {
  const rows = await ctx.run(async (tx) => {
    if ((await findLayers(tx, { id: layerId })).length === 0) throw notFound('参考图层', layerId);
    const { rows } = await sql<FeatureRow>`
      select id, layer_id, region_code, name, properties, st_asgeojson(geom, 7)::json as geometry
        from reference_features where layer_id = ${layerId} order by id`.execute(tx);
    return rows;
  });
  return { type: 'FeatureCollection' as const, features: rows.map((r) => toFeature(r)) };
}

/** Adds a feature; it belongs to the layer's region (so it is visible wherever the layer is). */
export async function addFeature(ctx: Context, layerId: number, input: ReferenceFeatureCreate) {
  return ctx.run(async (tx) => {
    const [layer] = await findLayers(tx, { id: layerId });
    if (!layer) throw notFound('参考图层', layerId);
    const g = await prepareGeometry(tx, input.geometry, 'any');
    const { rows } = await sql<FeatureRow>`
      insert into reference_features (layer_id, region_code, name, properties, geom)
      values (${layerId}, ${layer.region_code}, ${input.name ?? null}, ${JSON.stringify(input.properties ?? {})}::jsonb, ${geometrySql(g)})
      returning id, layer_id, region_code, name, properties, st_asgeojson(geom, 7)::json as geometry`.execute(tx);
    return toFeature(rows[0]!, g.repaired);
  });
}

export async function deleteFeature(ctx: Context, layerId: number, featureId: number): Promise<void> {
  await ctx.run(async (tx) => {
    const result = await tx.deleteFrom('reference_features').where('layer_id', '=', layerId).where('id', '=', featureId).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('参考要素', featureId);
  });
}

import type { Context } from '../../../platform/context.ts';
import { notFound } from '../../../platform/errors/app-error.ts';
import { prepareGeometry } from '../geometry.ts';
import * as repo from '../repository/reference-layers.ts';
import type { ReferenceFeatureCreate, ReferenceLayerCreate, ReferenceLayerUpdate } from '../schema.ts';

/** 参考图层: named layers an office keeps for the map (自然保护地, 林场 …) and their features. */

const toLayer = (r: repo.LayerRow) => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  name: r.name,
  kind: r.kind,
  description: r.description,
  featureCount: r.feature_count,
  updatedAt: new Date(r.updated_at).toISOString(),
});

export async function listLayers(ctx: Context, filter: { regionCode?: string; kind?: string }) {
  return (await ctx.run((tx) => repo.findLayers(tx, filter))).map(toLayer);
}

export async function getLayer(ctx: Context, id: number) {
  const [row] = await ctx.run((tx) => repo.findLayers(tx, { id }));
  if (!row) throw notFound('参考图层', id);
  return toLayer(row);
}

export async function createLayer(ctx: Context, input: ReferenceLayerCreate) {
  return ctx.run(async (tx) => {
    const id = await repo.insertLayer(tx, { regionCode: input.regionCode, name: input.name.trim(), kind: input.kind ?? 'other', description: input.description ?? null });
    return toLayer((await repo.findLayers(tx, { id }))[0]!);
  });
}

export async function updateLayer(ctx: Context, id: number, changes: ReferenceLayerUpdate) {
  return ctx.run(async (tx) => {
    const updated = await repo.updateLayer(tx, id, {
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
    });
    if (!updated) throw notFound('参考图层', id);
    return toLayer((await repo.findLayers(tx, { id }))[0]!);
  });
}

/** Deletes the layer and its features. */
export async function deleteLayer(ctx: Context, id: number): Promise<void> {
  await ctx.run(async (tx) => {
    if (!(await repo.deleteLayer(tx, id))) throw notFound('参考图层', id);
  });
}

const toFeature = (r: repo.FeatureRow, repaired?: boolean) => ({
  type: 'Feature' as const,
  id: r.id,
  properties: { id: r.id, layerId: r.layer_id, regionCode: r.region_code, name: r.name, attributes: r.properties, ...(repaired === undefined ? {} : { repaired }) },
  geometry: r.geometry,
});

export async function listFeatures(ctx: Context, layerId: number) {
  const rows = await ctx.run(async (tx) => {
    if ((await repo.findLayers(tx, { id: layerId })).length === 0) throw notFound('参考图层', layerId);
    return repo.listFeatures(tx, layerId);
  });
  return { type: 'FeatureCollection' as const, features: rows.map((r) => toFeature(r)) };
}

/** Adds a feature; it belongs to the layer's region (so it is visible wherever the layer is). */
export async function addFeature(ctx: Context, layerId: number, input: ReferenceFeatureCreate) {
  return ctx.run(async (tx) => {
    const [layer] = await repo.findLayers(tx, { id: layerId });
    if (!layer) throw notFound('参考图层', layerId);
    const g = await prepareGeometry(tx, input.geometry, 'any');
    const row = await repo.insertFeature(tx, { layerId, regionCode: layer.region_code, name: input.name ?? null, properties: input.properties ?? {}, geometry: g });
    return toFeature(row, g.repaired);
  });
}

export async function deleteFeature(ctx: Context, layerId: number, featureId: number): Promise<void> {
  await ctx.run(async (tx) => {
    if (!(await repo.deleteFeature(tx, layerId, featureId))) throw notFound('参考要素', featureId);
  });
}

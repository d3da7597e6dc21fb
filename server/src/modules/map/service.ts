import type { Config } from '../../config.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { attributesAt, minZoomOf } from '../../platform/tiles/layer-spec.ts';
import type { TileServer } from '../../platform/tiles/serve.ts';
import { DETAIL_FIELDS, REGION_LEVEL_NAMES } from './details.ts';
import { MAP_LAYERS, mapLayer, type MapLayer } from './layers.ts';
import * as repo from './repository.ts';
import type { MapCatalogue, MapFeature, SearchResult } from './schema.ts';

const SEARCH_LIMIT = 20;

export function layerOrThrow(id: string): MapLayer {
  const layer = mapLayer(id);
  if (!layer) throw new AppError('layer_unknown', { layer: id });
  return layer;
}

/** Everything the web map needs to start: layers with legends, the caller's extent, the base map and the grid plans. */
export async function catalogue(ctx: Context, tiles: TileServer, config: Config): Promise<MapCatalogue> {
  const domains = [...new Set(MAP_LAYERS.flatMap((l) => Object.values(l.attributes).flatMap((a) => a.codeDomain ?? [])))];
  const roots = ctx.roots === '*' ? [] : ctx.roots;
  const { codes, regions, bbox, plans, references } = await ctx.run(async (tx) => ({
    codes: await repo.codeNames(tx, domains),
    regions: await repo.regionNames(tx, roots),
    bbox: await repo.scopeBBox(tx),
    plans: await repo.gridPlans(tx),
    references: await repo.referenceLayers(tx),
  }));
  return {
    layers: MAP_LAYERS.map((layer) => {
      const { spec } = layer;
      const clickable = spec.zooms.find((r) => !r.merge);
      return {
        id: spec.id,
        name: layer.name,
        geometry: layer.geometry,
        minZoom: minZoomOf(spec),
        maxZoom: spec.maxZoom,
        clickableFromZoom: clickable ? clickable.fromZoom : null,
        tileUrl: `/api/tiles/${spec.id}/{z}/{x}/{y}.mvt`,
        version: tiles.versionOf(spec),
        attributes: spec.attributes.map((a) => {
          const meta = layer.attributes[a.name];
          const codeList = meta?.codeDomain ? codes.get(meta.codeDomain) : undefined;
          return {
            name: a.name,
            label: meta?.label ?? a.name,
            type: a.type,
            fromZoom: spec.zooms.find((r) => attributesAt(spec, r).includes(a))?.fromZoom ?? spec.maxZoom,
            ...(codeList ? { codes: codeList } : {}),
          };
        }),
      };
    }),
    scope: { regions, bbox: bbox ?? null },
    basemap: config.basemap.layers.length > 0 ? { layers: config.basemap.layers.map((tiles) => ({ tiles })), attribution: config.basemap.attribution ?? null } : null,
    gridPlans: plans.map((p) => ({ id: p.id, name: p.name, year: p.year, status: p.status, active: p.status === 'active' })),
    referenceLayers: references.map((r) => ({ id: r.id, name: r.name, kind: r.kind })),
  };
}

/** The full attributes of one clicked feature, coded values named; 404 when it is outside the caller's scope. */
export async function feature(ctx: Context, layerId: string, id: number): Promise<MapFeature> {
  const layer = layerOrThrow(layerId);
  const fields = DETAIL_FIELDS[layerId] ?? [];
  const { row, codes, paths } = await ctx.run(async (tx) => {
    const row = await repo.findFeature(tx, layerId, id);
    if (!row) return { row };
    const codes = await repo.codeNames(tx, fields.flatMap((f) => f.codeDomain ?? []));
    const paths = row.region_code ? await repo.regionPaths(tx, [row.region_code]) : new Map<string, string>();
    return { row, codes, paths };
  });
  if (!row) throw notFound(layer.name, id);
  const props: Record<string, unknown> = { ...row.props };
  if (layerId === 'regions') props.level_name = REGION_LEVEL_NAMES[props.level as number] ?? null;
  const properties: MapFeature['properties'] = fields.map((f) => {
    const raw = props[f.key];
    const value = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : null;
    if (!f.codeDomain || typeof value !== 'string') return { key: f.key, label: f.label, value };
    // An unknown code is shown as it is rather than hidden: the data says something the code table does not.
    const name = codes?.get(f.codeDomain)?.find((c) => c.code === value)?.name ?? value;
    return { key: f.key, label: f.label, value: name, code: value };
  });
  for (const [key, raw] of Object.entries((props.extra as Record<string, unknown> | null) ?? {})) {
    properties.push({ key: `extra.${key}`, label: key, value: typeof raw === 'object' && raw !== null ? JSON.stringify(raw) : (raw as string | number | boolean | null) });
  }
  const areaHa = row.area_ha === null ? null : Math.round(row.area_ha * 10000) / 10000;
  return {
    layer: layerId,
    layerName: layer.name,
    id: row.id,
    label: row.label,
    regionCode: row.region_code,
    regionPath: row.region_code ? (paths?.get(row.region_code) ?? null) : null,
    bbox: row.bbox,
    areaHa,
    areaMu: areaHa === null ? null : Math.round(areaHa * 15 * 100) / 100,
    properties,
    ...(layerId === 'grids'
      ? {
          plan: { id: props.plan_id as number, name: props.plan_name as string, year: props.plan_year as number, status: props.plan_status as string },
          ranger: props.ranger_post_id ? { postId: props.ranger_post_id as number, name: (props.ranger_name as string | null) ?? '（不在您的辖区）' } : null,
        }
      : {}),
  };
}

/**
 * Finds sub-compartments by number, regions by name and grids by name or code, within the
 * caller's scope. Numbers first when the text looks like one ("0003-012", "12").
 */
export async function search(ctx: Context, q: string): Promise<SearchResult[]> {
  const text = q.trim();
  const pair = /^(\d{1,12})\s*-\s*(\d{1,12})$/.exec(text);
  const single = /^\d{1,12}$/.test(text) ? text : null;
  const { rows, paths } = await ctx.run(async (tx) => {
    const rows: repo.SearchRow[] = [];
    if (pair) rows.push(...(await repo.searchSubCompartments(tx, pair[1]!, pair[2]!, SEARCH_LIMIT)));
    else if (single) rows.push(...(await repo.searchSubCompartments(tx, null, single, SEARCH_LIMIT)));
    if (rows.length < SEARCH_LIMIT) rows.push(...(await repo.searchRegions(tx, text, SEARCH_LIMIT - rows.length)));
    if (rows.length < SEARCH_LIMIT) rows.push(...(await repo.searchGrids(tx, text, SEARCH_LIMIT - rows.length)));
    const codes = [...new Set(rows.flatMap((r) => r.region_code ?? []))];
    return { rows, paths: await repo.regionPaths(tx, codes) };
  });
  return rows.map((r) => ({
    layer: r.layer,
    id: r.id,
    label: r.layer === 'sub_compartments' ? `小班 ${r.label}` : r.label,
    regionPath: r.region_code ? (paths.get(r.region_code) ?? null) : null,
    bbox: r.bbox,
  }));
}

import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import type { LayerDeclaration, SearchRow } from '../../platform/layers/declaration.ts';
import type { LayerRegistry, MapLayer } from '../../platform/layers/registry.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { attributesAt, minZoomOf } from '../../platform/tiles/layer-spec.ts';
import { codeNames } from '../land/repository/code-tables.ts';
import { findLayers } from '../land/repository/reference-layers.ts';
import { planChoices } from '../plans/repository.ts';
import { regionNames, regionPaths, scopeBBox } from '../regions/repository.ts';
import * as repo from './repository.ts';
import type { MapCatalogue, MapFeature, SearchResult } from './schema.ts';

/** The one map reads every layer from its declaration (modules/layers.ts): tiles, legend, feature panel and search. */

const SEARCH_LIMIT = 20;

export function layerOrThrow(layers: LayerRegistry, id: string): MapLayer {
  const layer = layers.mapLayer(id);
  if (!layer) throw new AppError('layer_unknown', { layer: id });
  return layer;
}

/** Everything the web map needs to start: layers with legends, the caller's extent, the base map and the grid plans. */
export async function catalogue(ctx: Context, { layers, tiles, config }: ModuleDeps): Promise<MapCatalogue> {
  const coded = (d: LayerDeclaration) => d.tiles!.attributes.flatMap((n) => d.attributes[n]!.codeDomain ?? []);
  const domains = [...new Set(layers.map.flatMap((l) => coded(l.declaration)))];
  const roots = ctx.roots === '*' ? [] : ctx.roots;
  const { codes, regions, bbox, plans, references } = await ctx.run(async (tx) => ({
    codes: await codeNames(tx, domains),
    regions: await regionNames(tx, roots),
    bbox: await scopeBBox(tx),
    plans: await planChoices(tx),
    references: await findLayers(tx, {}),
  }));
  return {
    layers: layers.map.map(({ declaration, spec }) => {
      const clickable = spec.zooms.find((r) => !r.merge);
      return {
        id: spec.id,
        name: declaration.title,
        geometry: declaration.geometry,
        minZoom: minZoomOf(spec),
        maxZoom: spec.maxZoom,
        clickableFromZoom: clickable ? clickable.fromZoom : null,
        tileUrl: `/api/tiles/${spec.id}/{z}/{x}/{y}.mvt`,
        version: tiles.versionOf(spec),
        labels: spec.label ? { layer: `${spec.id}_labels`, attribute: declaration.tiles!.label!.attribute, fromZoom: spec.label.fromZoom } : null,
        attributes: spec.attributes.map((a) => {
          const meta = declaration.attributes[a.name]!;
          const codeList = meta.codeDomain ? codes.get(meta.codeDomain) : undefined;
          return {
            name: a.name,
            label: meta.label,
            type: a.type,
            fromZoom: spec.zooms.find((r) => attributesAt(spec, r).includes(a))?.fromZoom ?? spec.maxZoom,
            ...(codeList ? { codes: codeList } : {}),
          };
        }),
      };
    }),
    scope: { regions, bbox },
    basemap: config.basemap.layers.length > 0 ? { layers: config.basemap.layers.map((t) => ({ tiles: t })), attribution: config.basemap.attribution ?? null } : null,
    gridPlans: plans.map((p) => ({ id: p.id, name: p.name, year: p.year, status: p.status, active: p.status === 'active' })),
    referenceLayers: references.map((r) => ({ id: r.id, name: r.name, kind: r.kind })),
  };
}

type Value = MapFeature['properties'][number]['value'];
const asValue = (raw: unknown): Value => (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : null);

/** The full attributes of one clicked feature, coded values named; 404 when it is outside the caller's scope. */
export async function feature(ctx: Context, layers: LayerRegistry, layerId: string, id: number): Promise<MapFeature> {
  const { declaration } = layerOrThrow(layers, layerId);
  const details = declaration.details;
  if (!details) throw notFound(declaration.title, id);
  const fields = details.fields.map((key) => ({ key, ...declaration.attributes[key]! }));
  const { row, codes, paths } = await ctx.run(async (tx) => {
    const row = await repo.findFeature(tx, declaration, id);
    if (!row) return { row };
    const codes = await codeNames(tx, fields.flatMap((f) => f.codeDomain ?? []));
    const paths = row.region_code ? await regionPaths(tx, [row.region_code]) : new Map<string, string>();
    return { row, codes, paths };
  });
  if (!row) throw notFound(declaration.title, id);
  const props = row.props;
  const properties: MapFeature['properties'] = fields.map((f) => {
    const label = f.unit ? `${f.label}（${f.unit}）` : f.label;
    const value = asValue(props[f.key]);
    if (!f.codeDomain || typeof value !== 'string') return { key: f.key, label, value };
    // An unknown code is shown as it is rather than hidden: the data says something the code table does not.
    const name = codes?.get(f.codeDomain)?.find((c) => c.code === value)?.name ?? value;
    return { key: f.key, label, value: name, code: value };
  });
  for (const [key, raw] of Object.entries((props.extra as Record<string, unknown> | null) ?? {})) {
    properties.push({ key: `extra.${key}`, label: key, value: typeof raw === 'object' && raw !== null ? JSON.stringify(raw) : asValue(raw) });
  }
  const areaHa = row.area_ha === null ? null : Math.round(row.area_ha * 10000) / 10000;
  return {
    layer: layerId,
    layerName: declaration.title,
    id: row.id,
    label: row.label,
    regionCode: row.region_code,
    regionPath: row.region_code ? (paths?.get(row.region_code) ?? null) : null,
    bbox: row.bbox,
    areaHa,
    areaMu: areaHa === null ? null : Math.round(areaHa * 15 * 100) / 100,
    properties,
    // A grid's panel names its plan and ranger (declared as details.more of the grids layer).
    ...('plan_id' in props
      ? {
          plan: { id: props.plan_id as number, name: props.plan_name as string, year: props.plan_year as number, status: props.plan_status as string },
          ranger: props.ranger_post_id ? { postId: props.ranger_post_id as number, name: (props.ranger_name as string | null) ?? '（不在您的辖区）' } : null,
        }
      : {}),
  };
}

/**
 * Asks each searchable layer in turn (sub-compartments by number, regions by name, grids by name
 * or code), within the caller's scope, until 20 results.
 */
export async function search(ctx: Context, layers: LayerRegistry, q: string): Promise<SearchResult[]> {
  const text = q.trim();
  const { rows, paths } = await ctx.run(async (tx) => {
    const rows: SearchRow[] = [];
    for (const layer of layers.searchable) {
      if (rows.length >= SEARCH_LIMIT) break;
      rows.push(...(await layer.search!.find(tx, text, SEARCH_LIMIT - rows.length)));
    }
    const codes = [...new Set(rows.flatMap((r) => r.region_code ?? []))];
    return { rows, paths: await regionPaths(tx, codes) };
  });
  return rows.map((r) => ({ layer: r.layer, id: r.id, label: r.label, regionPath: r.region_code ? (paths.get(r.region_code) ?? null) : null, bbox: r.bbox }));
}

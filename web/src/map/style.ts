import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { MapCatalogue, MapLayerInfo } from './catalogue.ts';
import { COLOURS } from './palette.ts';
import type { ColourScheme } from './style-colours.ts';
import { highlightsFor, labelsFor, layersFor, meta, visibility } from './style-layers.ts';

export { codeColours, referenceLayerColours, subCompartmentColour, type ColourScheme } from './style-colours.ts';
export { highlightFilter, type LayerMeta } from './style-layers.ts';

/**
 * The one map's style, built in code from the layer catalogue: one vector source per catalogue
 * layer and, per layer, the fills, lines, points and labels a forest-chief office reads. Pure
 * (no map, no DOM), so it is tested beside this file; the map applies later changes (visibility,
 * colouring, grid plan, data version) with the small setters below instead of a new style.
 */

export interface StyleInput {
  catalogue: MapCatalogue;
  /** `window.location.origin`: tile URLs must be absolute for the map's workers. */
  origin: string;
  /** The grid plan the grid layer shows; null for the active plans. */
  gridPlanId?: number | null;
  colourBy?: ColourScheme;
  /** Catalogue layers shown at start; the rest are built hidden. Defaults to `defaultVisibility`. */
  visible?: Readonly<Record<string, boolean>>;
}

/** Layers a clerk needs first; chiefs' responsibility areas overlap the region boundaries, so they start hidden. */
const HIDDEN_AT_START = new Set(['responsibility_areas']);

export function defaultVisibility(catalogue: MapCatalogue): Record<string, boolean> {
  return Object.fromEntries(catalogue.layers.map((l) => [l.id, !HIDDEN_AT_START.has(l.id)]));
}

/**
 * Which layer answers a click first when several are under the pointer: small things over big
 * ones. A click inside a grid lands on the sub-compartment whose colour is under the pointer
 * (grids are outlines); the grid is one tap away in the "also here" list.
 */
export const CLICK_PRIORITY = ['risk_areas', 'key_routes', 'sub_compartments', 'grids', 'reference_features', 'responsibility_areas', 'regions'];

export const BASEMAP_SOURCE = 'basemap';
export const FOCUS_SOURCE = 'region-focus';

export function tileUrl(origin: string, layer: MapLayerInfo, options: { gridPlanId?: number | null; version?: string } = {}): string {
  const params = new URLSearchParams({ v: options.version ?? layer.version });
  if (layer.id === 'grids' && options.gridPlanId) params.set('plan', String(options.gridPlanId));
  // Concatenated, not new URL(): the URL parser would percent-encode the {z}/{x}/{y} placeholders.
  return `${origin}${layer.tileUrl}?${params.toString()}`;
}

/** The whole style for a catalogue. */
export function buildStyle(input: StyleInput): StyleSpecification {
  const { catalogue, origin } = input;
  const visible = input.visible ?? defaultVisibility(catalogue);
  const colourBy = input.colourBy ?? 'land_class';
  const basemap = catalogue.basemap;
  const sources: Record<string, SourceSpecification> = {};
  const layers: LayerSpecification[] = [{ id: 'background', type: 'background', paint: { 'background-color': COLOURS.background } }];

  // One raster source per base-map layer (e.g. 天地图 streets, then their place names).
  basemap?.layers.forEach(({ tiles }, i) => {
    const id = `${BASEMAP_SOURCE}-${i}`;
    sources[id] = {
      type: 'raster',
      tiles,
      tileSize: 256,
      maxzoom: 18,
      ...(i === 0 && basemap.attribution ? { attribution: basemap.attribution } : {}),
    };
    layers.push({ id, type: 'raster', source: id, metadata: meta('basemap', 'basemap') });
  });

  for (const layer of catalogue.layers) {
    sources[layer.id] = { type: 'vector', tiles: [tileUrl(origin, layer, { gridPlanId: input.gridPlanId })], minzoom: layer.minZoom, maxzoom: layer.maxZoom };
  }

  // Fills under lines: regions' paper first, then sub-compartments, then every outline; region
  // boundaries go above the sub-compartments so a clerk always sees which village they are in.
  const ordered = [...catalogue.layers].sort((a, b) => drawOrder(a.id) - drawOrder(b.id));
  const byId = new Map(ordered.map((l) => [l.id, layersFor(l, { catalogue, colourBy, visible, basemap: !!basemap })]));
  const regionsLayers = byId.get('regions') ?? [];
  const regionFill = regionsLayers.filter((l) => l.id === 'regions-fill');
  const regionLines = regionsLayers.filter((l) => l.id !== 'regions-fill');
  layers.push(...regionFill);
  for (const layer of ordered) {
    if (layer.id === 'regions') {
      layers.push(...regionLines);
      continue;
    }
    layers.push(...(byId.get(layer.id) ?? []));
  }
  for (const layer of ordered) layers.push(...highlightsFor(layer));
  for (const layer of ordered) layers.push(...labelsFor(layer, visibility(visible[layer.id] ?? true)));

  return {
    version: 8,
    name: 'linzhang-one-map',
    sources,
    layers,
  };
}

/** Bottom first. Layers the server adds later go between the grids and the labels. */
function drawOrder(id: string): number {
  const order = ['sub_compartments', 'responsibility_areas', 'reference_features', 'regions', 'grids', 'risk_areas', 'key_routes'];
  const index = order.indexOf(id);
  return index === -1 ? order.indexOf('grids') + 0.5 : index;
}

/** The region code prefix that stands for a region and everything under it (360702101000 → 360702101). */
export function regionPrefix(code: string): string {
  if (/0{10}$/.test(code)) return code.slice(0, 2);
  if (/0{8}$/.test(code)) return code.slice(0, 4);
  if (/0{6}$/.test(code)) return code.slice(0, 6);
  if (/0{3}$/.test(code)) return code.slice(0, 9);
  return code;
}

/**
 * A layer's filter narrowed to one region: features whose region_code starts with the prefix.
 * Features without a region code (merged low-zoom sub-compartments) stay, so the district view
 * does not go blank; the focus mask shows where the region is.
 */
export function withRegionFilter(base: FilterSpecification | undefined, prefix: string | null): FilterSpecification | undefined {
  if (!prefix) return base;
  const inRegion: ExpressionSpecification = [
    'any',
    ['!', ['has', 'region_code']],
    ['==', ['slice', ['to-string', ['get', 'region_code']], 0, prefix.length], prefix],
  ];
  return base ? (['all', base, inRegion] as FilterSpecification) : inRegion;
}

import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { MapCatalogue, MapLayerInfo } from './catalogue.ts';
import { COLOURS, hashedColour } from './palette.ts';
import { referenceColour, riskKindColour, subCompartmentColour, type ColourScheme } from './style-colours.ts';

/** The style layers of each catalogue layer: fills, lines, points, labels and highlights. */

/** Style-layer metadata: which catalogue layer a style layer draws, and what for. */
export interface LayerMeta {
  'linzhang:layer': string;
  /** data: the features themselves; label: their names; highlight: the selected feature; basemap */
  'linzhang:role': 'data' | 'label' | 'highlight' | 'basemap';
}

/** Fonts for labels, drawn locally (no glyph server): the first installed one wins. */
export const LABEL_FONT = ['Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'Source Han Sans SC', 'sans-serif'];

export interface LayerInput {
  catalogue: MapCatalogue;
  colourBy: ColourScheme;
  visible: Readonly<Record<string, boolean>>;
  basemap: boolean;
}

export const meta = (layer: string, role: LayerMeta['linzhang:role']): LayerMeta => ({ 'linzhang:layer': layer, 'linzhang:role': role });
export const visibility = (shown: boolean): 'visible' | 'none' => (shown ? 'visible' : 'none');
const zoomWidth = (...stops: number[]): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], ...stops];

const textLayout = (field: ExpressionSpecification, size: number | ExpressionSpecification) => ({
  'text-field': field,
  'text-font': LABEL_FONT,
  'text-size': size,
  'text-max-width': 8,
  'text-padding': 4,
});

const halo = (colour: string) => ({ 'text-color': colour, 'text-halo-color': 'rgba(255,255,255,0.92)', 'text-halo-width': 1.4 });

const NOTHING: FilterSpecification = ['==', ['id'], -1];

/** The style layers drawing one catalogue layer, bottom first. */
export function layersFor(layer: MapLayerInfo, input: LayerInput): LayerSpecification[] {
  const { catalogue, colourBy } = input;
  const id = layer.id;
  const shown = visibility(input.visible[id] ?? true);
  const common = { source: id, 'source-layer': id, minzoom: layer.minZoom };
  const data = (suffix: string) => ({ id: `${id}-${suffix}`, ...common, metadata: meta(id, 'data') });
  const isPolygon: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
  const isLine: FilterSpecification = ['==', ['geometry-type'], 'LineString'];
  const isPoint: FilterSpecification = ['==', ['geometry-type'], 'Point'];

  switch (id) {
    case 'regions':
      return [
        // Without a base map the regions are the land: a paper-white county on a grey ground.
        { ...data('fill'), type: 'fill', layout: { visibility: shown }, paint: { 'fill-color': input.basemap ? 'rgba(0,0,0,0)' : COLOURS.land } },
        {
          ...data('village-line'),
          type: 'line',
          filter: ['==', ['get', 'level'], 5],
          minzoom: Math.max(layer.minZoom, 11),
          layout: { visibility: shown, 'line-join': 'round' },
          paint: { 'line-color': COLOURS.villageLine, 'line-width': zoomWidth(11, 1, 16, 2), 'line-dasharray': [3, 2] },
        },
        {
          ...data('township-line'),
          type: 'line',
          filter: ['==', ['get', 'level'], 4],
          layout: { visibility: shown, 'line-join': 'round' },
          paint: { 'line-color': COLOURS.townshipLine, 'line-width': zoomWidth(9, 1, 16, 2.4), 'line-dasharray': [5, 2, 1, 2] },
        },
        {
          ...data('county-line'),
          type: 'line',
          filter: ['<=', ['get', 'level'], 3],
          layout: { visibility: shown, 'line-join': 'round' },
          paint: { 'line-color': COLOURS.countyLine, 'line-width': zoomWidth(6, 1.6, 14, 3.6), 'line-opacity': 0.9 },
        },
      ];
    case 'sub_compartments':
      return [
        {
          ...data('fill'),
          type: 'fill',
          layout: { visibility: shown },
          paint: { 'fill-color': subCompartmentColour(catalogue, colourBy), 'fill-opacity': input.basemap ? 0.62 : 0.82 },
        },
        {
          ...data('line'),
          type: 'line',
          minzoom: Math.max(layer.minZoom, 13),
          layout: { visibility: shown },
          paint: { 'line-color': 'rgba(47, 72, 40, 0.45)', 'line-width': zoomWidth(13, 0.3, 16, 0.9) },
        },
      ];
    case 'responsibility_areas':
      return [
        { ...data('fill'), type: 'fill', layout: { visibility: shown }, paint: { 'fill-color': 'rgba(0,0,0,0)' } },
        {
          ...data('line'),
          type: 'line',
          layout: { visibility: shown, 'line-join': 'round' },
          paint: {
            'line-color': COLOURS.responsibility,
            'line-width': ['case', ['<=', ['get', 'level'], 3], 3, ['==', ['get', 'level'], 4], 2, 1.2],
            'line-dasharray': [6, 3],
            'line-opacity': 0.85,
          },
        },
      ];
    case 'grids':
      return [
        // Transparent, but it makes the inside of a grid clickable.
        { ...data('fill'), type: 'fill', layout: { visibility: shown }, paint: { 'fill-color': 'rgba(0,0,0,0)' } },
        {
          ...data('line-casing'),
          type: 'line',
          layout: { visibility: shown, 'line-join': 'round' },
          paint: { 'line-color': 'rgba(255,255,255,0.85)', 'line-width': zoomWidth(10, 2, 15, 4.5) },
        },
        {
          ...data('line'),
          type: 'line',
          filter: ['!=', ['get', 'has_ranger'], false],
          layout: { visibility: shown, 'line-join': 'round' },
          paint: { 'line-color': COLOURS.gridLine, 'line-width': zoomWidth(10, 0.9, 15, 2.4) },
        },
        {
          ...data('line-no-ranger'),
          type: 'line',
          filter: ['==', ['get', 'has_ranger'], false],
          layout: { visibility: shown, 'line-join': 'round' },
          paint: { 'line-color': COLOURS.gridNoRanger, 'line-width': zoomWidth(10, 1.1, 15, 2.6), 'line-dasharray': [3, 1.5] },
        },
      ];
    case 'risk_areas': {
      const colour = riskKindColour(catalogue);
      return [
        { ...data('fill'), type: 'fill', filter: isPolygon, layout: { visibility: shown }, paint: { 'fill-color': colour, 'fill-opacity': 0.38 } },
        {
          ...data('outline'),
          type: 'line',
          filter: isPolygon,
          layout: { visibility: shown, 'line-join': 'round' },
          paint: { 'line-color': colour, 'line-width': zoomWidth(10, 0.8, 15, 2) },
        },
        {
          ...data('line'),
          type: 'line',
          filter: isLine,
          layout: { visibility: shown, 'line-join': 'round', 'line-cap': 'round' },
          paint: { 'line-color': colour, 'line-width': zoomWidth(10, 1.6, 15, 3.4), 'line-dasharray': [4, 1, 1, 1] },
        },
        {
          ...data('point'),
          type: 'circle',
          filter: isPoint,
          layout: { visibility: shown },
          paint: {
            'circle-color': colour,
            'circle-radius': zoomWidth(10, 1.6, 13, 4, 16, 6.5),
            'circle-stroke-color': '#ffffff',
            'circle-stroke-width': zoomWidth(10, 0.5, 13, 1.4, 16, 2),
          },
        },
      ];
    }
    case 'key_routes':
      return [
        {
          ...data('casing'),
          type: 'line',
          layout: { visibility: shown, 'line-join': 'round', 'line-cap': 'round' },
          paint: { 'line-color': 'rgba(255,255,255,0.8)', 'line-width': zoomWidth(10, 3, 15, 6) },
        },
        {
          ...data('line'),
          type: 'line',
          layout: { visibility: shown, 'line-join': 'round' },
          paint: { 'line-color': COLOURS.keyRoute, 'line-width': zoomWidth(10, 1.5, 15, 3), 'line-dasharray': [2.5, 1.5] },
        },
      ];
    case 'reference_features': {
      const colour = referenceColour(catalogue);
      return [
        { ...data('fill'), type: 'fill', filter: isPolygon, layout: { visibility: shown }, paint: { 'fill-color': colour, 'fill-opacity': 0.1 } },
        {
          ...data('line'),
          type: 'line',
          filter: ['!=', ['geometry-type'], 'Point'],
          layout: { visibility: shown, 'line-join': 'round' },
          paint: { 'line-color': colour, 'line-width': zoomWidth(8, 1, 15, 2.4), 'line-dasharray': [1.5, 1.5] },
        },
        { ...data('point'), type: 'circle', filter: isPoint, layout: { visibility: shown }, paint: { 'circle-color': colour, 'circle-radius': 4 } },
      ];
    }
    default:
      return genericLayers(layer, shown, data);
  }
}

/** A layer this file has no cartography for yet still draws, in a colour of its own. */
function genericLayers(layer: MapLayerInfo, shown: 'visible' | 'none', data: (suffix: string) => { id: string; source: string; 'source-layer': string; minzoom: number; metadata: LayerMeta }): LayerSpecification[] {
  const colour = hashedColour(layer.id);
  return [
    { ...data('fill'), type: 'fill', filter: ['==', ['geometry-type'], 'Polygon'], layout: { visibility: shown }, paint: { 'fill-color': colour, 'fill-opacity': 0.25 } },
    { ...data('line'), type: 'line', filter: ['!=', ['geometry-type'], 'Point'], layout: { visibility: shown }, paint: { 'line-color': colour, 'line-width': 1.5 } },
    { ...data('point'), type: 'circle', filter: ['==', ['geometry-type'], 'Point'], layout: { visibility: shown }, paint: { 'circle-color': colour, 'circle-radius': 4 } },
  ];
}

/** Names on the map, above every fill and line so no layer hides another's labels. */
export function labelsFor(layer: MapLayerInfo, shown: 'visible' | 'none'): LayerSpecification[] {
  const id = layer.id;
  // Layers with label points name each feature once, from the tile that holds its point; lines
  // (named along themselves) label from their own features.
  const label = (suffix: string, minzoom: number) => ({
    id: `${id}-${suffix}`,
    source: id,
    'source-layer': layer.labels?.layer ?? id,
    minzoom: Math.max(layer.minZoom, layer.labels?.fromZoom ?? 0, minzoom),
    metadata: meta(id, 'label'),
  });
  const name: ExpressionSpecification = ['get', layer.labels?.attribute ?? 'name'];
  switch (id) {
    case 'regions':
      return [
        {
          ...label('township-label', 9),
          maxzoom: 13,
          type: 'symbol',
          filter: ['==', ['get', 'level'], 4],
          layout: { visibility: shown, ...textLayout(name, zoomWidth(9, 12, 12, 15)), 'text-letter-spacing': 0.1 },
          paint: { ...halo('#4a3d5e') },
        },
        {
          ...label('village-label', 13),
          type: 'symbol',
          filter: ['==', ['get', 'level'], 5],
          layout: { visibility: shown, ...textLayout(name, 12) },
          paint: { ...halo('#5f566b') },
        },
      ];
    case 'grids':
      return [{ ...label('label', 12), type: 'symbol', layout: { visibility: shown, ...textLayout(name, zoomWidth(12, 11, 15, 13)) }, paint: { ...halo(COLOURS.gridLine) } }];
    case 'sub_compartments':
      return [{ ...label('label', 15), type: 'symbol', layout: { visibility: shown, ...textLayout(name, 10) }, paint: { ...halo('#2f4a28') } }];
    case 'risk_areas':
      return [
        {
          ...label('label', 14),
          type: 'symbol',
          layout: { visibility: shown, ...textLayout(name, 11), 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-optional': true },
          paint: { ...halo('#4a4a4a') },
        },
      ];
    case 'key_routes':
      return [
        {
          ...label('label', 13),
          type: 'symbol',
          layout: { visibility: shown, ...textLayout(name, 11), 'symbol-placement': 'line', 'text-max-angle': 35 },
          paint: { ...halo(COLOURS.keyRoute) },
        },
      ];
    case 'reference_features':
      return [{ ...label('label', 10), type: 'symbol', layout: { visibility: shown, ...textLayout(name, 12) }, paint: { ...halo(COLOURS.reference) } }];
    case 'responsibility_areas':
      return [{ ...label('label', 11), type: 'symbol', layout: { visibility: shown, ...textLayout(name, 11) }, paint: { ...halo(COLOURS.responsibility) } }];
    default:
      return [];
  }
}

/** A bright outline over the selected feature of each layer; its filter picks the feature by id. */
export function highlightsFor(layer: MapLayerInfo): LayerSpecification[] {
  const id = layer.id;
  const base = { source: id, 'source-layer': id, minzoom: layer.minZoom, filter: NOTHING, metadata: meta(id, 'highlight') };
  const lines: LayerSpecification[] = [
    { ...base, id: `${id}-highlight-casing`, type: 'line', layout: { 'line-join': 'round' }, paint: { 'line-color': COLOURS.highlightCasing, 'line-width': 6, 'line-opacity': 0.55 } },
    { ...base, id: `${id}-highlight`, type: 'line', layout: { 'line-join': 'round' }, paint: { 'line-color': COLOURS.highlight, 'line-width': 3 } },
  ];
  if (layer.geometry === 'polygon' || layer.geometry === 'line') return lines;
  return [
    ...lines,
    {
      ...base,
      id: `${id}-highlight-point`,
      type: 'circle',
      paint: { 'circle-color': 'rgba(0,0,0,0)', 'circle-radius': 10, 'circle-stroke-color': COLOURS.highlight, 'circle-stroke-width': 3 },
    },
  ];
}

/** A highlight layer's filter: one feature by its tile id, or nothing. */
export const highlightFilter = (featureId: number | null): FilterSpecification => (featureId === null ? NOTHING : ['==', ['id'], featureId]);

import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, test } from 'vitest';
import type { MapCatalogue, MapLayerInfo } from './catalogue.ts';
import { buildStyle, regionPrefix, subCompartmentColour, tileUrl, withRegionFilter } from './style.ts';

const layer = (id: string, geometry: MapLayerInfo['geometry'], attributes: MapLayerInfo['attributes'] = [], minZoom = 10, labels: MapLayerInfo['labels'] = null): MapLayerInfo => ({
  id,
  name: id,
  geometry,
  minZoom,
  maxZoom: 16,
  clickableFromZoom: minZoom,
  tileUrl: `/api/tiles/${id}/{z}/{x}/{y}.mvt`,
  version: '3.1700000000000',
  labels,
  attributes,
});

/** The catalogue's shape as /api/map/layers answers it for the demo county (abridged code lists). */
const catalogue: MapCatalogue = {
  layers: [
    layer('regions', 'polygon', [], 5),
    layer('responsibility_areas', 'polygon', [], 8),
    layer(
      'sub_compartments',
      'polygon',
      [
        { name: 'land_class', label: '地类', type: 'string', fromZoom: 10, codes: [{ code: '0111', name: '乔木林地' }, { code: '9999', name: '新地类' }] },
        { name: 'dominant_species', label: '优势树种', type: 'string', fromZoom: 14, codes: [{ code: '350', name: '杉木' }] },
      ],
      10,
      { layer: 'sub_compartments_labels', attribute: 'label', fromZoom: 14 },
    ),
    layer('grids', 'polygon'),
    layer('risk_areas', 'mixed', [{ name: 'kind', label: '类型', type: 'string', fromZoom: 10, codes: [{ code: 'graves', name: '墓区' }] }]),
    layer('key_routes', 'line'),
    layer('reference_features', 'mixed', [], 8),
    layer('patrol_tracks', 'line'),
  ],
  scope: { regions: [{ code: '360702000000', name: '章贡区' }], bbox: [114.77, 25.73, 115.07, 25.92] },
  basemap: null,
  gridPlans: [],
  referenceLayers: [{ id: 1, name: '自然保护地', kind: 'nature_reserve' }],
};

const origin = 'http://127.0.0.1:3300';

describe('the one map style', () => {
  test('is a valid MapLibre style, with and without a base map', () => {
    expect(validateStyleMin(buildStyle({ catalogue, origin }))).toEqual([]);
    const withBasemap = buildStyle({ catalogue: { ...catalogue, basemap: { layers: [{ tiles: ['https://t0.example/{z}/{x}/{y}.png'] }], attribution: '天地图' } }, origin });
    expect(validateStyleMin(withBasemap)).toEqual([]);
  });

  test('names a sub-compartment once, from the label point its tiles carry, not from every tile piece', () => {
    const labels = buildStyle({ catalogue, origin }).layers.filter((l) => (l.metadata as { 'linzhang:role'?: string } | undefined)?.['linzhang:role'] === 'label');
    const sub = labels.find((l) => l.id === 'sub_compartments-label')!;
    expect(sub).toMatchObject({ source: 'sub_compartments', 'source-layer': 'sub_compartments_labels', minzoom: 15 });
    expect((sub as { layout: { 'text-field': unknown } }).layout['text-field']).toEqual(['get', 'label']);
    expect(labels.find((l) => l.id === 'key_routes-label')).toMatchObject({ source: 'key_routes', 'source-layer': 'key_routes' });
  });

  test('has one versioned vector source per catalogue layer', () => {
    const style = buildStyle({ catalogue, origin });
    for (const l of catalogue.layers) {
      expect(style.sources[l.id]).toMatchObject({ type: 'vector', tiles: [`${origin}/api/tiles/${l.id}/{z}/{x}/{y}.mvt?v=3.1700000000000`], minzoom: l.minZoom });
    }
  });

  test('draws the base map below every layer of ours, and only when one is configured', () => {
    expect(Object.keys(buildStyle({ catalogue, origin }).sources).filter((id) => id.startsWith('basemap'))).toEqual([]);
    const streets = { tiles: ['https://t0.example/vec/{z}/{x}/{y}.png', 'https://t1.example/vec/{z}/{x}/{y}.png'] };
    const names = { tiles: ['https://t0.example/cva/{z}/{x}/{y}.png'] };
    const style = buildStyle({ catalogue: { ...catalogue, basemap: { layers: [streets, names], attribution: null } }, origin });
    expect(style.sources['basemap-0']).toMatchObject({ type: 'raster', tiles: streets.tiles });
    expect(style.sources['basemap-1']).toMatchObject({ type: 'raster', tiles: names.tiles });
    expect(style.layers.map((l) => l.id).slice(0, 3)).toEqual(['background', 'basemap-0', 'basemap-1']);
  });

  test('asks the grid layer for the chosen plan', () => {
    const grids = catalogue.layers.find((l) => l.id === 'grids')!;
    expect(tileUrl(origin, grids, { gridPlanId: 7 })).toBe(`${origin}/api/tiles/grids/{z}/{x}/{y}.mvt?v=3.1700000000000&plan=7`);
    const regions = catalogue.layers.find((l) => l.id === 'regions')!;
    expect(tileUrl(origin, regions, { gridPlanId: 7 })).not.toContain('plan=');
  });

  test('starts with the responsibility areas hidden and everything else shown', () => {
    const style = buildStyle({ catalogue, origin });
    const visibility = (id: string) => (style.layers.find((l) => l.id === id)?.layout as { visibility?: string } | undefined)?.visibility;
    expect(visibility('responsibility_areas-line')).toBe('none');
    expect(visibility('grids-line')).toBe('visible');
    expect(visibility('sub_compartments-fill')).toBe('visible');
  });

  test('still draws a layer it has no cartography for', () => {
    const ids = buildStyle({ catalogue, origin }).layers.map((l) => l.id);
    expect(ids).toEqual(expect.arrayContaining(['patrol_tracks-line', 'patrol_tracks-point']));
  });

  test('colours every land class of the code table, known to the palette or not', () => {
    const expression = JSON.stringify(subCompartmentColour(catalogue, 'land_class'));
    expect(expression).toContain('"0111","#3b8a3e"');
    expect(expression).toContain('"9999","hsl(');
  });

  test('falls back to land class where tiles carry no dominant species', () => {
    const expression = subCompartmentColour(catalogue, 'dominant_species');
    expect(expression[0]).toBe('match');
    expect(expression[1]).toEqual(['get', 'dominant_species']);
    expect(expression[expression.length - 1]).toEqual(subCompartmentColour(catalogue, 'land_class'));
  });
});

describe('region filter', () => {
  test('turns a region code into the prefix of everything under it', () => {
    expect(regionPrefix('360000000000')).toBe('36');
    expect(regionPrefix('360700000000')).toBe('3607');
    expect(regionPrefix('360702000000')).toBe('360702');
    expect(regionPrefix('360702101000')).toBe('360702101');
    expect(regionPrefix('360702101201')).toBe('360702101201');
  });

  test('keeps a layer’s own filter and lets merged features without a region code through', () => {
    expect(withRegionFilter(undefined, null)).toBeUndefined();
    expect(withRegionFilter(['==', ['get', 'level'], 4], '360702101')).toEqual([
      'all',
      ['==', ['get', 'level'], 4],
      ['any', ['!', ['has', 'region_code']], ['==', ['slice', ['to-string', ['get', 'region_code']], 0, 9], '360702101']],
    ]);
  });
});

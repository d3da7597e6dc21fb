import type { FilterSpecification, GeoJSONSource, VectorTileSource } from 'maplibre-gl';
import type { Geometry, Polygon, Position } from 'geojson';
import { useEffect, useRef } from 'react';
import type { MapCatalogue } from './catalogue.ts';
import { setFilters, styleLayersByRole, styleLayersOf } from './hooks.ts';
import { useMap } from './MapView.tsx';
import { COLOURS } from './palette.ts';
import { FOCUS_SOURCE, highlightFilter, subCompartmentColour, tileUrl, withRegionFilter, type ColourScheme, type LayerMeta } from './style.ts';

/**
 * Keeps the map's vector sources on the catalogue's current layer versions (and the chosen grid
 * plan): when a version moves on after a write, only that layer's tiles are fetched again.
 */
export function useTileUrls(catalogue: MapCatalogue, gridPlanId: number | null) {
  const map = useMap();
  const applied = useRef(new Map<string, string>());
  useEffect(() => {
    for (const layer of catalogue.layers) {
      const url = tileUrl(window.location.origin, layer, { gridPlanId });
      const source = map.getSource<VectorTileSource>(layer.id);
      if (!source) continue;
      const before = applied.current.get(layer.id) ?? source.tiles?.[0];
      if (before !== url) {
        source.setTiles([url]);
        applied.current.set(layer.id, url);
      }
    }
  }, [map, catalogue, gridPlanId]);
}

export function useSubCompartmentColours(catalogue: MapCatalogue, scheme: ColourScheme) {
  const map = useMap();
  useEffect(() => {
    if (map.getLayer('sub_compartments-fill')) map.setPaintProperty('sub_compartments-fill', 'fill-color', subCompartmentColour(catalogue, scheme));
  }, [map, catalogue, scheme]);
}

/** Outlines the selected feature (one at a time) in its layer's highlight layers. */
export function useHighlight(selection: { layer: string; id: number } | null) {
  const map = useMap();
  useEffect(() => {
    for (const id of styleLayersByRole(map, 'highlight')) map.setFilter(id, highlightFilter(null));
    if (!selection) return;
    for (const id of styleLayersOf(map, selection.layer, 'highlight')) map.setFilter(id, highlightFilter(selection.id));
  }, [map, selection]);
}

/** The world with the region cut out: everything outside the chosen region is dimmed. */
function maskOutside(geometry: Geometry): Polygon | null {
  const outers: Position[][] =
    geometry.type === 'Polygon' ? [geometry.coordinates[0] ?? []] : geometry.type === 'MultiPolygon' ? geometry.coordinates.map((p) => p[0] ?? []) : [];
  if (outers.length === 0) return null;
  const world: Position[] = [
    [-180, -85],
    [180, -85],
    [180, 85],
    [-180, 85],
    [-180, -85],
  ];
  return { type: 'Polygon', coordinates: [world, ...outers] };
}

/**
 * The region filter (区域筛选): dims the map outside the region, outlines it and keeps only the
 * features whose region code lies under it in every layer that carries one.
 */
export function useRegionFocus(focus: { prefix: string; geometry: Geometry } | null) {
  const map = useMap();
  const bases = useRef(new Map<string, FilterSpecification | undefined>());
  useEffect(() => {
    if (!map.getSource(FOCUS_SOURCE)) {
      map.addSource(FOCUS_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
      const firstLabel = styleLayersByRole(map, 'label')[0];
      map.addLayer({ id: 'region-focus-mask', type: 'fill', source: FOCUS_SOURCE, filter: ['==', ['get', 'role'], 'mask'], paint: { 'fill-color': '#33372f', 'fill-opacity': 0.28 } }, firstLabel);
      map.addLayer(
        {
          id: 'region-focus-line',
          type: 'line',
          source: FOCUS_SOURCE,
          filter: ['==', ['get', 'role'], 'outline'],
          layout: { 'line-join': 'round' },
          paint: { 'line-color': COLOURS.focus, 'line-width': 3.5, 'line-opacity': 0.95 },
        },
        firstLabel,
      );
    }
  }, [map]);

  useEffect(() => {
    const source = map.getSource<GeoJSONSource>(FOCUS_SOURCE);
    const mask = focus ? maskOutside(focus.geometry) : null;
    void source?.setData({
      type: 'FeatureCollection',
      features:
        focus && mask
          ? [
              { type: 'Feature', properties: { role: 'mask' }, geometry: mask },
              { type: 'Feature', properties: { role: 'outline' }, geometry: focus.geometry },
            ]
          : [],
    });
    // Data and label layers of every layer but the regions themselves (their boundaries give the context).
    const filtered = (map.getStyle().layers ?? [])
      .filter((l) => {
        const m = l.metadata as Partial<LayerMeta> | undefined;
        return (m?.['linzhang:role'] === 'data' || m?.['linzhang:role'] === 'label') && m['linzhang:layer'] !== 'regions';
      })
      .map((l) => l.id);
    setFilters(map, filtered, (base) => withRegionFilter(base, focus?.prefix ?? null), bases.current);
  }, [map, focus]);
}

import type { FilterSpecification, Map as MapLibreMap, MapEventType, MapGeoJSONFeature } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import type { BBox } from './catalogue.ts';
import { lngLatBounds } from './geometry.ts';
import { useMap } from './MapView.tsx';
import type { LayerMeta } from './style.ts';

/** The style layers drawing a catalogue layer (by the metadata style.ts puts on each), optionally of one role. */
export function styleLayersOf(map: MapLibreMap, layer: string, role?: LayerMeta['linzhang:role']): string[] {
  return (map.getStyle().layers ?? [])
    .filter((l) => {
      const m = l.metadata as Partial<LayerMeta> | undefined;
      return m?.['linzhang:layer'] === layer && (role === undefined || m['linzhang:role'] === role);
    })
    .map((l) => l.id);
}

/** Every style layer of a role, e.g. all `data` layers for clicking. */
export function styleLayersByRole(map: MapLibreMap, role: LayerMeta['linzhang:role']): string[] {
  return (map.getStyle().layers ?? []).filter((l) => (l.metadata as Partial<LayerMeta> | undefined)?.['linzhang:role'] === role).map((l) => l.id);
}

export function catalogueLayerOf(feature: MapGeoJSONFeature): string | undefined {
  return (feature.layer.metadata as Partial<LayerMeta> | undefined)?.['linzhang:layer'];
}

/** Listens to a map event for the component's lifetime; the latest handler is always the one called. */
export function useMapEvent<T extends keyof MapEventType>(type: T, handler: (event: MapEventType[T]) => void) {
  const map = useMap();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => {
    const listener = (event: MapEventType[T]) => latest.current(event);
    map.on(type, listener);
    return () => {
      map.off(type, listener);
    };
  }, [map, type]);
}

/** The current zoom, updated when a zoom ends. */
export function useZoom(): number {
  const map = useMap();
  const [zoom, setZoom] = useState(() => map.getZoom());
  useMapEvent('zoomend', () => setZoom(map.getZoom()));
  return zoom;
}

/** Shows or hides every style layer of each catalogue layer as `visible` says. */
export function useLayerVisibility(visible: Readonly<Record<string, boolean>>) {
  const map = useMap();
  useEffect(() => {
    for (const [layer, shown] of Object.entries(visible)) {
      for (const id of [...styleLayersOf(map, layer, 'data'), ...styleLayersOf(map, layer, 'label')]) {
        map.setLayoutProperty(id, 'visibility', shown ? 'visible' : 'none');
      }
    }
  }, [map, visible]);
}

/** Fits the view to a bbox; a point-sized bbox (a grave, a pole) zooms to a readable level instead of the maximum. */
export function fitBBox(map: MapLibreMap, bbox: BBox, options: { maxZoom?: number; padding?: number | { top: number; right: number; bottom: number; left: number } } = {}) {
  map.fitBounds(lngLatBounds(bbox), { padding: options.padding ?? 48, maxZoom: options.maxZoom ?? 16, duration: 600 });
}

/** Sets the filter of style layers, keeping the filter each was built with in front. */
export function setFilters(map: MapLibreMap, ids: readonly string[], filterFor: (base: FilterSpecification | undefined) => FilterSpecification | undefined, bases: Map<string, FilterSpecification | undefined>) {
  for (const id of ids) {
    if (!bases.has(id)) bases.set(id, map.getFilter(id) ?? undefined);
    map.setFilter(id, filterFor(bases.get(id)) ?? null);
  }
}

/** A pointer cursor over the given style layers, so people see what can be clicked. */
export function usePointerOver(layerIds: readonly string[], enabled: boolean) {
  const map = useMap();
  useEffect(() => {
    if (!enabled || layerIds.length === 0) return;
    const canvas = map.getCanvas();
    const onMove = (event: MapEventType['mousemove']) => {
      const hit = map.queryRenderedFeatures(event.point, { layers: layerIds as string[] }).some((f) => f.id !== undefined);
      canvas.style.cursor = hit ? 'pointer' : '';
    };
    map.on('mousemove', onMove);
    return () => {
      map.off('mousemove', onMove);
      canvas.style.cursor = '';
    };
  }, [map, layerIds, enabled]);
}

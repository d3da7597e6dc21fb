import type { GeoJSONSource } from 'maplibre-gl';
import { useEffect } from 'react';
import { labelPoints } from './label-points.ts';
import { useMap } from './MapView.tsx';
import { labelSourceOf } from './style.ts';

/** Keeps the label points of the given vector layers in step with the tiles the map has loaded. */
export function usePolygonLabels(layers: readonly string[]) {
  const map = useMap();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      for (const layer of layers) {
        const source = map.getSource<GeoJSONSource>(labelSourceOf(layer));
        if (!source || !map.getSource(layer)) continue;
        const pieces = map.querySourceFeatures(layer, { sourceLayer: layer });
        void source.setData({ type: 'FeatureCollection', features: labelPoints(pieces) });
      }
    };
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(update, 120);
    };
    const onData = (event: { sourceId?: string; isSourceLoaded?: boolean }) => {
      if (event.sourceId && layers.includes(event.sourceId) && event.isSourceLoaded) soon();
    };
    map.on('sourcedata', onData);
    map.on('moveend', soon);
    soon();
    return () => {
      clearTimeout(timer);
      map.off('sourcedata', onData);
      map.off('moveend', soon);
    };
  }, [map, layers]);
}

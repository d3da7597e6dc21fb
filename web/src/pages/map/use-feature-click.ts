import type { MapGeoJSONFeature } from 'maplibre-gl';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MapCatalogue } from '../../map/catalogue.ts';
import { catalogueLayerOf, styleLayersByRole, useMapEvent } from '../../map/hooks.ts';
import { useMap } from '../../map/MapView.tsx';
import { CLICK_PRIORITY } from '../../map/style.ts';
import type { Hit } from './FeaturePanel.tsx';

/** Pixels around the pointer that count as "on" a feature: a finger is not a mouse. */
const TOLERANCE = 5;

const rank = (layer: string) => (CLICK_PRIORITY.includes(layer) ? CLICK_PRIORITY.indexOf(layer) : CLICK_PRIORITY.length);

function titleOf(feature: MapGeoJSONFeature, layerName: string): string {
  const p = feature.properties as Record<string, unknown>;
  const name = p.name ?? p.label ?? p.code;
  return typeof name === 'string' || typeof name === 'number' ? `${layerName} ${name}` : layerName;
}

/**
 * Clicking the map lists every clickable feature under the pointer, small things first (a risk
 * point before the grid around it, the grid before its sub-compartments). Merged low-zoom
 * features carry no id: clicking only those says from which zoom they can be queried.
 */
export function useFeatureClick(enabled: boolean, catalogue: MapCatalogue, onHits: (hits: Hit[]) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const map = useMap();

  useMapEvent('click', (event) => {
    if (!enabled) return;
    const layers = styleLayersByRole(map, 'data').filter((id) => map.getLayoutProperty(id, 'visibility') !== 'none');
    const { x, y } = event.point;
    const features = map.queryRenderedFeatures(
      [
        [x - TOLERANCE, y - TOLERANCE],
        [x + TOLERANCE, y + TOLERANCE],
      ],
      { layers },
    );
    const seen = new Set<string>();
    const hits: Hit[] = [];
    let unclickable: number | null = null;
    for (const feature of features) {
      const layer = catalogueLayerOf(feature);
      if (!layer) continue;
      const info = catalogue.layers.find((l) => l.id === layer);
      if (feature.id === undefined || typeof feature.id !== 'number') {
        if (info?.clickableFromZoom !== null && info?.clickableFromZoom !== undefined && layer !== 'regions') unclickable = info.clickableFromZoom;
        continue;
      }
      const key = `${layer}:${feature.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      hits.push({ layer, id: feature.id, title: titleOf(feature, info?.name ?? layer) });
    }
    // Of the regions under the pointer (township, village) only the smallest is worth showing.
    const trailingZeros = (id: number) => /0*$/.exec(String(id))![0].length;
    const region = hits.filter((h) => h.layer === 'regions').sort((a, b) => trailingZeros(a.id) - trailingZeros(b.id))[0];
    const found = [...hits.filter((h) => h.layer !== 'regions'), ...(region ? [region] : [])].sort((a, b) => rank(a.layer) - rank(b.layer));
    if (found.length <= 1 && unclickable !== null) void message.info(t('map.feature.zoomForDetail', { zoom: unclickable }));
    onHits(found);
  });
}

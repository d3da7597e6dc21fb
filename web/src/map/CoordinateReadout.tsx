import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMapEvent } from './hooks.ts';
import { useMap } from './MapView.tsx';

const fixed = (value: number) => value.toFixed(6);

/**
 * Longitude and latitude under the cursor (CGCS2000, six decimals ≈ 0.1 m), and the zoom level.
 * Without a cursor (a phone, or the pointer off the map) it reads the centre of the view.
 */
export function CoordinateReadout() {
  const { t } = useTranslation();
  const map = useMap();
  const centre = () => map.getCenter();
  const [position, setPosition] = useState(centre);
  const [zoom, setZoom] = useState(() => map.getZoom());
  const [cursor, setCursor] = useState(false);

  useMapEvent('mousemove', (event) => {
    setCursor(true);
    setPosition(event.lngLat);
  });
  useMapEvent('mouseout', () => {
    setCursor(false);
    setPosition(centre());
  });
  useMapEvent('move', () => {
    if (!cursor) setPosition(centre());
    setZoom(map.getZoom());
  });

  return (
    <div className="lz-map-coords" data-testid="map-coords">
      <span>
        {t('map.coords.lon')} <b data-testid="map-coords-lon">{fixed(position.lng)}°</b>
      </span>
      <span>
        {t('map.coords.lat')} <b data-testid="map-coords-lat">{fixed(position.lat)}°</b>
      </span>
      <span className="lz-map-coords-crs">{t('map.coords.crs')}</span>
      <span className="lz-map-coords-zoom">{t('map.coords.zoom', { zoom: zoom.toFixed(1) })}</span>
    </div>
  );
}

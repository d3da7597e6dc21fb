import { Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMap } from '../../map/MapView.tsx';

/** The sign itself: shown over the map while it has nothing (or not everything) to draw yet. */
export function MapLoadingSign() {
  const { t } = useTranslation();
  return (
    <div className="lz-map-loading" role="status" data-testid="map-loading">
      <Spin size="small" />
      <span>{t('map.loading')}</span>
    </div>
  );
}

/**
 * While the map fetches tiles (the first paint, or after a pan or zoom into unloaded ground), the
 * sign says so, instead of a blank area that looks like no data. MapLibre reports each fetch
 * (`dataloading`) and going quiet with everything drawn (`idle`).
 */
export function TilesLoading() {
  const map = useMap();
  const [loading, setLoading] = useState(() => !map.areTilesLoaded());
  useEffect(() => {
    const busy = () => setLoading(!map.areTilesLoaded());
    const idle = () => setLoading(false);
    map.on('dataloading', busy);
    map.on('idle', idle);
    return () => {
      map.off('dataloading', busy);
      map.off('idle', idle);
    };
  }, [map]);
  return loading ? <MapLoadingSign /> : null;
}

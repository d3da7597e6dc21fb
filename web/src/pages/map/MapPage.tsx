import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlockSpin, ErrorResult } from '../../app/feedback.tsx';
import type { MapCatalogue } from '../../map/catalogue.ts';
import { useMapCatalogue } from '../../map/catalogue-query.ts';
import { MapView } from '../../map/MapView.tsx';
import { BASEMAP_SOURCE, buildStyle } from '../../map/style.ts';
import { usePhone } from '../../app/use-phone.ts';
import { MapLoadingSign, TilesLoading } from './MapLoading.tsx';
import { OneMap } from './OneMap.tsx';
// The panels' rules first: the page's phone rules below override some of them.
import './map-panels.css';
import './map-page.css';

/** Width of the desktop side panel plus its margins: the first view keeps the scope clear of it. */
const SIDE_PANEL = 336;

/** 一张图: the forest map of the user's scope, built from the server's layer catalogue. */
export function MapPage() {
  const catalogue = useMapCatalogue();
  return (
    <div className="lz-map-page" data-testid="map-page">
      {catalogue.isPending && <BlockSpin minHeight={480} />}
      {catalogue.isError && <ErrorResult error={catalogue.error} onRetry={() => void catalogue.refetch()} />}
      {catalogue.data && <MapWithCatalogue initial={catalogue.data} />}
    </div>
  );
}

function MapWithCatalogue({ initial }: { initial: MapCatalogue }) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [basemapFailed, setBasemapFailed] = useState(false);
  const [tileError, setTileError] = useState<string | null>(null);
  // The map is created once from the first catalogue; later versions reach it through setters.
  const [style] = useState(() => buildStyle({ catalogue: initial, origin: window.location.origin }));
  const locale = useMemo(
    () => ({
      'NavigationControl.ZoomIn': t('map.controls.zoomIn'),
      'NavigationControl.ZoomOut': t('map.controls.zoomOut'),
      'ScaleControl.Meters': t('map.measure.m'),
      'ScaleControl.Kilometers': t('map.measure.km'),
      'AttributionControl.ToggleAttribution': t('map.controls.attribution'),
    }),
    [t],
  );

  return (
    <MapView
      style={style}
      bounds={initial.scope.bbox}
      padding={phone ? { top: 64, right: 16, bottom: 16, left: 16 } : { top: 24, right: 64, bottom: 40, left: SIDE_PANEL }}
      locale={locale}
      attribution={!!initial.basemap}
      onError={(problem, sourceId) => {
        // An unreachable base map (offline, wrong key) must not stop the map: our own layers still draw.
        if (sourceId?.startsWith(BASEMAP_SOURCE)) setBasemapFailed(true);
        else setTileError(problem);
      }}
      className={phone ? 'lz-map-phone' : 'lz-map-desktop'}
      placeholder={<MapLoadingSign />}
      data-testid="map"
    >
      <TilesLoading />
      <OneMap phone={phone} basemapFailed={basemapFailed} tileError={tileError} onDismissTileError={() => setTileError(null)} />
    </MapView>
  );
}

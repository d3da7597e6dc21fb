import { BorderOutlined, ColumnWidthOutlined, ExpandOutlined, FormOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../app/auth.tsx';
import type { BBox, MapCatalogue } from '../../map/catalogue.ts';
import { useMapCatalogue } from '../../map/catalogue-query.ts';
import { CoordinateReadout } from '../../map/CoordinateReadout.tsx';
import { useTerraDraw } from '../../map/draw.ts';
import { bboxOf } from '../../map/geometry.ts';
import { fitBBox, styleLayersByRole, useLayerVisibility, usePointerOver, useZoom } from '../../map/hooks.ts';
import { useHighlight, useRegionFocus, useSubCompartmentColours, useTileUrls } from '../../map/layer-hooks.ts';
import { useMap } from '../../map/MapView.tsx';
import { COLOURS } from '../../map/palette.ts';
import { defaultVisibility, regionPrefix, type ColourScheme } from '../../map/style.ts';
import { DrawPanel } from './DrawPanel.tsx';
import { EditPanel } from './EditPanel.tsx';
import { FeaturePanel, type EditableLayer, type Hit } from './FeaturePanel.tsx';
import { LayerPanel } from './LayerPanel.tsx';
import { MeasurePanel, type MeasureKind } from './MeasurePanel.tsx';
import { mapKeys, refreshLayerVersion, type SearchResult } from './queries.ts';
import { RegionFilter, type RegionFocus } from './RegionFilter.tsx';
import { SearchBox } from './SearchBox.tsx';
import { useFeatureClick } from './use-feature-click.ts';

/** What the right-hand panel is doing: nothing, measuring, drawing something new or editing a shape. */
type Tool = { kind: 'measure'; measure: MeasureKind } | { kind: 'draw' } | { kind: 'edit'; layer: EditableLayer; id: number; label: string };

interface Props {
  phone: boolean;
  basemapFailed: boolean;
  tileError: string | null;
  onDismissTileError: () => void;
}

/** Everything on top of the map: panels, tools and the map state they share. Rendered inside <MapView>. */
export function OneMap({ phone, basemapFailed, tileError, onDismissTileError }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const map = useMap();
  const queryClient = useQueryClient();
  const can = useCan();
  const catalogue = useMapCatalogue().data as MapCatalogue;
  const zoom = useZoom();

  const [visible, setVisible] = useState(() => defaultVisibility(catalogue));
  const [colourBy, setColourBy] = useState<ColourScheme>('land_class');
  const [gridPlanId, setGridPlanId] = useState<number | null>(null);
  const [region, setRegion] = useState<RegionFocus | null>(null);
  const [selection, setSelection] = useState<Hit | null>(null);
  const [hits, setHits] = useState<Hit[]>([]);
  const [tool, setTool] = useState<Tool | null>(null);
  const [layersOpen, setLayersOpen] = useState(false);

  useLayerVisibility(visible);
  // Without a base map to show (none configured, or unreachable), the regions are the land.
  useEffect(() => {
    if (map.getLayer('regions-fill')) map.setPaintProperty('regions-fill', 'fill-color', !catalogue.basemap || basemapFailed ? COLOURS.land : 'rgba(0,0,0,0)');
  }, [map, catalogue.basemap, basemapFailed]);
  useSubCompartmentColours(catalogue, colourBy);
  useTileUrls(catalogue, gridPlanId);
  useHighlight(tool ? null : selection);
  useRegionFocus(useMemo(() => (region ? { prefix: regionPrefix(region.code), geometry: region.geometry } : null), [region]));
  const clickable = useMemo(() => styleLayersByRole(map, 'data'), [map]);
  usePointerOver(clickable, tool === null);
  const draw = useTerraDraw(tool !== null, COLOURS.draw);

  const showLayer = useCallback((layer: string) => setVisible((v) => (v[layer] === false ? { ...v, [layer]: true } : v)), []);
  // Room for what covers the map: the side panel and the details card, or on a phone the bottom sheet.
  const padding = phone
    ? { top: 64, left: 24, right: 56, bottom: Math.round(map.getContainer().clientHeight * 0.58) + 16 }
    : { top: 40, bottom: 40, left: 340, right: selection || tool ? 420 : 80 };

  useFeatureClick(tool === null, catalogue, (found) => {
    setHits(found);
    setSelection(found[0] ?? null);
  });

  const pickSearchResult = (result: SearchResult) => {
    showLayer(result.layer);
    if (result.bbox) fitBBox(map, result.bbox, { padding, maxZoom: result.layer === 'regions' ? 14.5 : 16 });
    setTool(null);
    setHits([]);
    setSelection({ layer: result.layer, id: result.id, title: result.label });
  };

  const onSaved = async (layer: EditableLayer, id: number) => {
    await refreshLayerVersion(queryClient, layer);
    await queryClient.invalidateQueries({ queryKey: mapKeys.feature(layer, id) });
    void message.success(t('map.draw.saved'));
    showLayer(layer);
    setTool(null);
    setHits([]);
    setSelection({ layer, id, title: '' });
  };

  const home = () => {
    if (catalogue.scope.bbox) fitBBox(map, catalogue.scope.bbox, { padding, maxZoom: 15 });
  };

  const focusRegion = (focus: RegionFocus | null) => {
    setRegion(focus);
    const bbox = focus ? bboxOf(focus.geometry) : null;
    if (bbox) fitBBox(map, bbox, { padding, maxZoom: 15 });
    else home();
    if (phone) setLayersOpen(false);
  };

  const panels = (
    <>
      {can('regions.read') && <RegionFilter value={region?.code ?? null} onChange={focusRegion} />}
      <LayerPanel
        catalogue={catalogue}
        visible={visible}
        onToggle={(layer, shown) => setVisible((v) => ({ ...v, [layer]: shown }))}
        colourBy={colourBy}
        onColourBy={setColourBy}
        gridPlanId={gridPlanId}
        onGridPlan={setGridPlanId}
        zoom={zoom}
      />
    </>
  );

  const tools: Array<{ key: string; icon: ReactNode; label: string; active: boolean; onClick: () => void; hidden?: boolean }> = [
    { key: 'layers', icon: <UnorderedListOutlined />, label: t('map.openPanel'), active: layersOpen, onClick: () => setLayersOpen(true), hidden: !phone },
    { key: 'measure-length', icon: <ColumnWidthOutlined />, label: t('map.tools.measureLength'), active: tool?.kind === 'measure' && tool.measure === 'length', onClick: () => setTool({ kind: 'measure', measure: 'length' }) },
    { key: 'measure-area', icon: <BorderOutlined />, label: t('map.tools.measureArea'), active: tool?.kind === 'measure' && tool.measure === 'area', onClick: () => setTool({ kind: 'measure', measure: 'area' }) },
    { key: 'draw', icon: <FormOutlined />, label: t('map.tools.draw'), active: tool?.kind === 'draw' || tool?.kind === 'edit', onClick: () => setTool({ kind: 'draw' }), hidden: !can('grids.write') },
    { key: 'home', icon: <ExpandOutlined />, label: t('map.tools.home'), active: false, onClick: home },
  ];

  const right = tool ? (
    tool.kind === 'measure' ? (
      <MeasurePanel key={tool.measure} draw={draw} kind={tool.measure} onClose={() => setTool(null)} />
    ) : tool.kind === 'draw' ? (
      <DrawPanel draw={draw} catalogue={catalogue} onClose={() => setTool(null)} onSaved={(layer, id) => void onSaved(layer, id)} onShowPlan={setGridPlanId} />
    ) : (
      <EditPanel draw={draw} layer={tool.layer} id={tool.id} label={tool.label} onClose={() => setTool(null)} onSaved={(layer, id) => void onSaved(layer, id)} />
    )
  ) : selection ? (
    <FeaturePanel
      key={`${selection.layer}-${selection.id}`}
      selection={selection}
      others={hits.filter((h) => h.layer !== selection.layer || h.id !== selection.id)}
      onSelect={setSelection}
      onClose={() => {
        setSelection(null);
        setHits([]);
      }}
      onZoom={(bbox: BBox) => fitBBox(map, bbox, { padding })}
      onEdit={can('grids.write') ? (layer, id, label) => setTool({ kind: 'edit', layer, id, label }) : undefined}
    />
  ) : null;

  return (
    <>
      {phone ? (
        <>
          <div className="lz-map-topbar">
            <SearchBox onPick={pickSearchResult} />
          </div>
          <Drawer
            open={layersOpen}
            onClose={() => setLayersOpen(false)}
            placement="left"
            size={300}
            title={t('map.panelTitle')}
            getContainer={false}
            className="lz-map-drawer"
            data-testid="layer-drawer"
          >
            {panels}
          </Drawer>
        </>
      ) : (
        <aside className="lz-map-side" data-testid="map-side">
          <SearchBox onPick={pickSearchResult} />
          <div className="lz-map-side-scroll">{panels}</div>
        </aside>
      )}

      <div className="lz-map-tools" role="toolbar" aria-label={t('map.tools.title')} data-testid="map-tools">
        {tools
          .filter((b) => !b.hidden)
          .map((b) => (
            <Tooltip key={b.key} title={b.label} placement="left">
              <Button icon={b.icon} type={b.active ? 'primary' : 'default'} onClick={b.onClick} aria-label={b.label} data-testid={`tool-${b.key}`} />
            </Tooltip>
          ))}
      </div>

      {right && <div className="lz-map-right">{right}</div>}

      {tileError && (
        <Alert className="lz-map-alert" type="warning" showIcon closable={{ onClose: onDismissTileError }} title={t('map.tilesFailed', { message: tileError })} />
      )}

      <div className="lz-map-status">
        <CoordinateReadout />
        {!catalogue.basemap ? (
          <Tooltip title={t('map.basemap.noneHint')}>
            <span className="lz-map-chip" data-testid="basemap-none">
              {t('map.basemap.none')}
            </span>
          </Tooltip>
        ) : (
          basemapFailed && <span className="lz-map-chip lz-map-chip-warn">{t('map.basemap.failed')}</span>
        )}
      </div>
    </>
  );
}

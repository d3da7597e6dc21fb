import { Checkbox, Segmented, Select, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { attributeOf, type MapCatalogue, type MapLayerInfo } from '../../map/catalogue.ts';
import { COLOURS, hashedColour, LAND_CLASS_COLOURS, RISK_KIND_COLOURS, SPECIES_COLOURS } from '../../map/palette.ts';
import { codeColours, referenceLayerColours, type ColourScheme } from '../../map/style.ts';

/** The order a clerk scans the list in: the forest first, administrative lines last. */
const PANEL_ORDER = ['sub_compartments', 'grids', 'risk_areas', 'key_routes', 'regions', 'responsibility_areas', 'reference_features'];
const panelIndex = (id: string) => (PANEL_ORDER.includes(id) ? PANEL_ORDER.indexOf(id) : PANEL_ORDER.length);

type SwatchKind = 'fill' | 'line' | 'dash' | 'dot' | 'dashdot';

/** A small picture of how the map draws something, for the legend. */
function Swatch({ kind, colour }: { kind: SwatchKind; colour: string }) {
  return (
    <svg width="22" height="14" viewBox="0 0 22 14" aria-hidden className="lz-swatch">
      {kind === 'fill' && <rect x="1" y="1" width="20" height="12" rx="2" fill={colour} stroke="rgba(0,0,0,0.18)" />}
      {kind === 'line' && <line x1="1" y1="7" x2="21" y2="7" stroke={colour} strokeWidth="2.5" />}
      {kind === 'dash' && <line x1="1" y1="7" x2="21" y2="7" stroke={colour} strokeWidth="2.5" strokeDasharray="4 2.5" />}
      {kind === 'dashdot' && <line x1="1" y1="7" x2="21" y2="7" stroke={colour} strokeWidth="2" strokeDasharray="6 2 1.5 2" />}
      {kind === 'dot' && <circle cx="11" cy="7" r="4.5" fill={colour} stroke="#fff" strokeWidth="1.5" />}
    </svg>
  );
}

function LegendItems({ items, columns = 1 }: { items: Array<{ key: string; kind: SwatchKind; colour: string; label: ReactNode }>; columns?: 1 | 2 }) {
  return (
    <ul className={`lz-legend lz-legend-${columns}`}>
      {items.map((item) => (
        <li key={item.key}>
          <Swatch kind={item.kind} colour={item.colour} />
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

interface Props {
  catalogue: MapCatalogue;
  visible: Readonly<Record<string, boolean>>;
  onToggle: (layer: string, shown: boolean) => void;
  colourBy: ColourScheme;
  onColourBy: (scheme: ColourScheme) => void;
  gridPlanId: number | null;
  onGridPlan: (planId: number | null) => void;
  zoom: number;
}

/** 图层与图例: a switch per layer of the catalogue and, under each shown layer, what its colours mean. */
export function LayerPanel({ catalogue, visible, onToggle, colourBy, onColourBy, gridPlanId, onGridPlan, zoom }: Props) {
  const { t } = useTranslation();
  const layers = [...catalogue.layers].sort((a, b) => panelIndex(a.id) - panelIndex(b.id));

  const legendOf = (layer: MapLayerInfo): ReactNode => {
    switch (layer.id) {
      case 'sub_compartments': {
        const speciesFrom = attributeOf(layer, 'dominant_species')?.fromZoom;
        const scheme = colourBy === 'dominant_species' && speciesFrom !== undefined ? 'dominant_species' : 'land_class';
        const palette = scheme === 'land_class' ? LAND_CLASS_COLOURS : SPECIES_COLOURS;
        return (
          <>
            {speciesFrom !== undefined && (
              <Segmented<ColourScheme>
                size="small"
                block
                value={colourBy}
                onChange={onColourBy}
                options={[
                  { value: 'land_class', label: t('map.colourBy.land_class') },
                  { value: 'dominant_species', label: t('map.colourBy.dominant_species') },
                ]}
                data-testid="colour-by"
                className="lz-legend-switch"
              />
            )}
            {scheme === 'dominant_species' && (
              <div className="lz-legend-note">{zoom < (speciesFrom ?? 0) ? t('map.colourBy.speciesFrom', { zoom: speciesFrom }) : t('map.colourBy.speciesOthers')}</div>
            )}
            <LegendItems columns={2} items={codeColours(layer, scheme, palette).map((c) => ({ key: c.code, kind: 'fill', colour: c.colour, label: c.name }))} />
          </>
        );
      }
      case 'grids':
        return (
          <>
            {catalogue.gridPlans.length > 1 && (
              <Select<number>
                size="small"
                className="lz-legend-switch"
                style={{ width: '100%' }}
                value={gridPlanId ?? -1}
                onChange={(value) => onGridPlan(value === -1 ? null : value)}
                data-testid="grid-plan"
                aria-label={t('map.gridPlan.title')}
                options={[
                  { value: -1, label: t('map.gridPlan.active') },
                  ...catalogue.gridPlans
                    .filter((p) => !p.active)
                    .map((p) => ({ value: p.id, label: `${p.name}（${t(`map.gridPlan.status.${p.status}`)}）` })),
                ]}
              />
            )}
            <LegendItems
              items={[
                { key: 'with', kind: 'line', colour: COLOURS.gridLine, label: t('map.legend.gridWithRanger') },
                { key: 'without', kind: 'dash', colour: COLOURS.gridNoRanger, label: t('map.legend.gridWithoutRanger') },
              ]}
            />
          </>
        );
      case 'risk_areas':
        return (
          <LegendItems
            columns={2}
            items={codeColours(layer, 'kind', RISK_KIND_COLOURS).map((c) => ({ key: c.code, kind: c.code === 'graves' ? 'dot' : c.code === 'power_line' ? 'dashdot' : 'fill', colour: c.colour, label: c.name }))}
          />
        );
      case 'key_routes':
        return <LegendItems items={[{ key: 'route', kind: 'dash', colour: COLOURS.keyRoute, label: t('map.legend.keyRoute') }]} />;
      case 'regions':
        return (
          <LegendItems
            items={[
              { key: 'county', kind: 'line', colour: COLOURS.countyLine, label: t('map.legend.county') },
              { key: 'township', kind: 'dashdot', colour: COLOURS.townshipLine, label: t('map.legend.township') },
              { key: 'village', kind: 'dash', colour: COLOURS.villageLine, label: t('map.legend.village') },
            ]}
          />
        );
      case 'responsibility_areas':
        return <LegendItems items={[{ key: 'area', kind: 'dash', colour: COLOURS.responsibility, label: t('map.legend.responsibility') }]} />;
      case 'reference_features':
        return <LegendItems items={referenceLayerColours(catalogue).map((r) => ({ key: String(r.id), kind: 'fill', colour: r.colour, label: r.name }))} />;
      default:
        return <LegendItems items={[{ key: layer.id, kind: 'fill', colour: hashedColour(layer.id), label: layer.name }]} />;
    }
  };

  return (
    <div className="lz-layers" data-testid="layer-panel">
      {layers.map((layer) => {
        const shown = visible[layer.id] ?? true;
        const tooFar = zoom < layer.minZoom;
        return (
          <section key={layer.id} className="lz-layer" data-testid={`layer-${layer.id}`}>
            <div className="lz-layer-head">
              <Checkbox checked={shown} onChange={(e) => onToggle(layer.id, e.target.checked)} data-testid={`layer-toggle-${layer.id}`}>
                <span className="lz-layer-name">{layer.name}</span>
              </Checkbox>
              {shown && tooFar && <Tag variant="filled" className="lz-layer-zoom">{t('map.layers.showFrom', { zoom: layer.minZoom })}</Tag>}
            </div>
            {shown && <div className="lz-layer-legend">{legendOf(layer)}</div>}
          </section>
        );
      })}
    </div>
  );
}

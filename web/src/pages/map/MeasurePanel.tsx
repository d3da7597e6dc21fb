import { CloseOutlined, ReloadOutlined } from '@ant-design/icons';
import { area } from '@turf/area';
import { length } from '@turf/length';
import { Button } from 'antd';
import type { TerraDraw } from 'terra-draw';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drawnFeatures } from '../../map/draw.ts';
import { areaInMuAndHa, formatLength, formatNumber } from '../../map/geometry.ts';

export type MeasureKind = 'length' | 'area';

/** What the shape being drawn (or else the last one) measures: metres of line, or square metres of polygon. */
function measure(draw: TerraDraw, kind: MeasureKind): number | null {
  const type = kind === 'length' ? 'LineString' : 'Polygon';
  const shapes = drawnFeatures(draw).filter((f) => f.geometry.type === type);
  const shape = shapes.find((f) => f.drawing) ?? shapes[shapes.length - 1];
  const geometry = shape?.geometry;
  if (geometry?.type === 'LineString' && geometry.coordinates.length >= 2) {
    return length({ type: 'Feature', properties: {}, geometry }, { units: 'meters' });
  }
  if (geometry?.type === 'Polygon' && (geometry.coordinates[0]?.length ?? 0) >= 4) return area(geometry);
  return null;
}

/**
 * 测距离 / 测面积: draws a line or polygon with terra-draw and reads its length (m/km) or area
 * (亩 and 公顷) while it is drawn. Starting a new shape drops the previous one.
 */
export function MeasurePanel({ draw, kind, onClose }: { draw: TerraDraw | null; kind: MeasureKind; onClose: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<number | null>(null);

  useEffect(() => {
    if (!draw) return;
    const mode = kind === 'length' ? 'linestring' : 'polygon';
    draw.clear();
    draw.setMode(mode);
    // The last finished shape stays on the map until the next one is begun, then goes.
    const finished = new Set<string | number>();
    const onFinish = (id: string | number) => {
      finished.add(id);
      setValue(measure(draw, kind));
    };
    const onChange = (ids: Array<string | number>, type: string) => {
      if (type === 'create' && finished.size > 0 && ids.some((id) => !finished.has(id))) {
        const old = [...finished];
        finished.clear();
        // Not from inside terra-draw's own event: it is still working on its store.
        setTimeout(() => {
          const present = old.filter((id) => draw.hasFeature(id));
          if (present.length) draw.removeFeatures(present);
          setValue(measure(draw, kind));
        }, 0);
      }
      setValue(measure(draw, kind));
    };
    draw.on('finish', onFinish);
    draw.on('change', onChange);
    return () => {
      draw.off('finish', onFinish);
      draw.off('change', onChange);
      try {
        draw.clear();
        draw.setMode('static');
      } catch {
        // The map is already gone.
      }
    };
  }, [draw, kind]);

  const again = () => {
    draw?.clear();
    setValue(null);
  };

  const result =
    value === null ? (
      <span className="lz-muted">{t('map.measure.waiting')}</span>
    ) : kind === 'length' ? (
      <span className="lz-measure-value">{formatLength(value, { m: t('map.measure.m'), km: t('map.measure.km') })}</span>
    ) : (
      (() => {
        const { mu, ha } = areaInMuAndHa(value);
        return (
          <span className="lz-measure-value">
            {formatNumber(mu, 2)} {t('map.measure.mu')}
            <span className="lz-measure-sub">
              {formatNumber(ha, 4)} {t('map.measure.ha')}
            </span>
          </span>
        );
      })()
    );

  return (
    <div className="lz-map-card lz-measure" data-testid="measure-panel">
      <div className="lz-map-card-head">
        <div className="lz-map-card-title">{kind === 'length' ? t('map.measure.lengthTitle') : t('map.measure.areaTitle')}</div>
        <Button type="text" icon={<CloseOutlined />} onClick={onClose} aria-label={t('map.measure.close')} data-testid="measure-close" />
      </div>
      <div className="lz-map-card-body">
        <p className="lz-map-hint">{kind === 'length' ? t('map.measure.lengthHint') : t('map.measure.areaHint')}</p>
        <div className="lz-measure-result" data-testid="measure-result">
          <span className="lz-measure-label">{kind === 'length' ? t('map.measure.length') : t('map.measure.area')}</span>
          {result}
        </div>
        <div className="lz-map-note">{t('map.measure.note')}</div>
        <Button size="small" icon={<ReloadOutlined />} onClick={again} disabled={value === null} data-testid="measure-again">
          {t('map.measure.again')}
        </Button>
      </div>
    </div>
  );
}

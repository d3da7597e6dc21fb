import { AimOutlined, CloseOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Descriptions, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { BlockSpin, ErrorResult } from '../../app/feedback.tsx';
import type { BBox } from '../../map/catalogue.ts';
import { formatNumber } from '../../map/geometry.ts';
import { useMapFeature, type MapFeature } from './queries.ts';

/** A feature under the pointer: which layer, which id, and a short name for the "also here" list. */
export interface Hit {
  layer: string;
  id: number;
  title: string;
}

export type EditableLayer = 'risk_areas' | 'grids';

interface Props {
  selection: Hit;
  /** Everything else under the click, to switch to. */
  others: Hit[];
  onSelect: (hit: Hit) => void;
  onClose: () => void;
  onZoom: (bbox: BBox) => void;
  /** Set for users who may draw (grids.write); absent hides the edit button. */
  onEdit?: (layer: EditableLayer, id: number, label: string) => void;
}

const STATUS_COLOURS: Record<string, string> = { draft: 'gold', active: 'green', archived: 'default' };

function Value({ value }: { value: MapFeature['properties'][number] }) {
  const { t } = useTranslation();
  if (value.value === null || value.value === '') return <span className="lz-muted">{t('map.feature.empty')}</span>;
  const text = typeof value.value === 'boolean' ? (value.value ? t('map.feature.yes') : t('map.feature.no')) : String(value.value);
  return (
    <span>
      {text}
      {/* Inventory codes (地类 0111) mean something to a clerk; slugs such as construction_site do not. */}
      {value.code !== undefined && /^\d+$/.test(value.code) && <span className="lz-feature-code">{value.code}</span>}
    </span>
  );
}

/** 要素详情: the clicked feature's attributes as the server names them, its area in 亩 and 公顷, and what can be done with it. */
export function FeaturePanel({ selection, others, onSelect, onClose, onZoom, onEdit }: Props) {
  const { t } = useTranslation();
  const feature = useMapFeature(selection.layer, selection.id);
  const data = feature.data;
  const editable: EditableLayer | null = selection.layer === 'risk_areas' ? 'risk_areas' : selection.layer === 'grids' ? 'grids' : null;
  const gridLocked = editable === 'grids' && data?.plan?.status !== 'draft';

  return (
    <div className="lz-map-card lz-feature" data-testid="feature-panel">
      <div className="lz-map-card-head">
        <div className="lz-map-card-title">
          <div className="lz-feature-layer">{data?.layerName ?? selection.title}</div>
          <div className="lz-feature-title" data-testid="feature-title">
            {data?.label ?? ''}
          </div>
        </div>
        <Button type="text" icon={<CloseOutlined />} onClick={onClose} aria-label={t('map.feature.close')} data-testid="feature-close" />
      </div>
      <div className="lz-map-card-body">
        {feature.isPending && <BlockSpin minHeight={120} />}
        {feature.isError && <ErrorResult error={feature.error} onRetry={() => void feature.refetch()} compact />}
        {data && (
          <>
            <Descriptions size="small" column={1} bordered className="lz-feature-props" data-testid="feature-props">
              {data.regionPath && <Descriptions.Item label={t('map.feature.region')}>{data.regionPath}</Descriptions.Item>}
              {data.areaMu !== null && data.areaHa !== null && (
                <Descriptions.Item label={t('map.feature.area')}>
                  <span data-testid="feature-area">
                    <b>{formatNumber(data.areaMu, 2)}</b> {t('map.measure.mu')}
                    <span className="lz-feature-ha">
                      {formatNumber(data.areaHa, 4)} {t('map.measure.ha')}
                    </span>
                  </span>
                </Descriptions.Item>
              )}
              {data.plan && (
                <Descriptions.Item label={t('map.feature.plan')}>
                  <Link to={`/grids/${data.plan.id}`} data-testid="feature-plan-link">
                    {data.plan.name}
                  </Link>{' '}
                  <Tag color={STATUS_COLOURS[data.plan.status]}>{t(`map.gridPlan.status.${data.plan.status as 'draft' | 'active' | 'archived'}`)}</Tag>
                </Descriptions.Item>
              )}
              {data.ranger !== undefined && (
                <Descriptions.Item label={t('map.feature.ranger')}>{data.ranger ? data.ranger.name : <Tag color="orange">{t('map.feature.noRanger')}</Tag>}</Descriptions.Item>
              )}
              {data.properties
                .filter((p) => !(data.plan && (p.key === 'plan_name' || p.key === 'ranger_name')))
                .map((p) => (
                  <Descriptions.Item key={p.key} label={p.label}>
                    <span data-testid={`feature-prop-${p.key}`}>
                      <Value value={p} />
                    </span>
                  </Descriptions.Item>
                ))}
            </Descriptions>
            <div className="lz-feature-actions">
              {data.bbox && (
                <Button size="small" icon={<AimOutlined />} onClick={() => onZoom(data.bbox!)} data-testid="feature-zoom">
                  {t('map.feature.zoomTo')}
                </Button>
              )}
              {onEdit && editable && (
                <Tooltip title={gridLocked ? t('map.feature.editOnlyDraft') : undefined}>
                  <Button size="small" icon={<EditOutlined />} disabled={gridLocked} onClick={() => onEdit(editable, data.id, data.label)} data-testid="feature-edit">
                    {t('map.feature.edit')}
                  </Button>
                </Tooltip>
              )}
            </div>
          </>
        )}
        {others.length > 0 && (
          <div className="lz-feature-others" data-testid="feature-others">
            <span className="lz-muted">{t('map.feature.alsoHere')}</span>
            {others.map((hit) => (
              <Tag.CheckableTag key={`${hit.layer}-${hit.id}`} checked={false} onChange={() => onSelect(hit)}>
                {hit.title}
              </Tag.CheckableTag>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}

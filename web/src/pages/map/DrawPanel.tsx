import { CloseOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { area } from '@turf/area';
import { length } from '@turf/length';
import { Alert, Button, Form, Input, Segmented, Select } from 'antd';
import type { Geometry } from 'geojson';
import type { TerraDraw } from 'terra-draw';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showServerErrors } from '../../app/forms.ts';
import { attributeOf, type MapCatalogue } from '../../map/catalogue.ts';
import { drawnShapes } from '../../map/draw.ts';
import { areaInMuAndHa, formatLength, formatNumber, joinAfterEditing } from '../../map/geometry.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { DraftPlanModal } from './DraftPlanModal.tsx';
import type { EditableLayer } from './FeaturePanel.tsx';
import { createGrid, createRiskArea, type RiskAreaInput } from './queries.ts';

type Target = 'risk' | 'grid';
type Shape = 'polygon' | 'linestring' | 'point';

interface Values {
  kind?: RiskAreaInput['kind'];
  planId?: number;
  code?: string;
  name: string;
  regionCode?: string;
  note?: string;
}

/** A short reading of what was drawn: area in 亩, length, or nothing for a point. */
export function useShapeSummary(): (geometry: Geometry | null) => string | null {
  const { t } = useTranslation();
  return (geometry) => {
    if (!geometry) return null;
    if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
      const { mu, ha } = areaInMuAndHa(area(geometry));
      return `${formatNumber(mu, 2)} ${t('map.measure.mu')}（${formatNumber(ha, 4)} ${t('map.measure.ha')}）`;
    }
    if (geometry.type === 'LineString' || geometry.type === 'MultiLineString') {
      return formatLength(length({ type: 'Feature', properties: {}, geometry }, { units: 'meters' }), { m: t('map.measure.m'), km: t('map.measure.km') });
    }
    return null;
  };
}

interface Props {
  draw: TerraDraw | null;
  catalogue: MapCatalogue;
  onClose: () => void;
  /** After a save: the new feature, to select and show. */
  onSaved: (layer: EditableLayer, id: number) => void;
  /** Shows a grid plan's grids on the map (a draft is not what the grid layer shows by default). */
  onShowPlan: (planId: number) => void;
}

/** 绘制: a new key risk area (point, line or polygon) or a new grid in a draft plan, drawn on the map and saved through the API. */
export function DrawPanel({ draw, catalogue, onClose, onSaved, onShowPlan }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [target, setTarget] = useState<Target>('risk');
  const [shape, setShape] = useState<Shape>('polygon');
  const [geometry, setGeometry] = useState<Geometry | null>(null);
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [draftOpen, setDraftOpen] = useState(false);
  const summary = useShapeSummary();
  const kinds = attributeOf(
    catalogue.layers.find((l) => l.id === 'risk_areas'),
    'kind',
  )?.codes ?? [];
  const drafts = catalogue.gridPlans.filter((p) => p.status === 'draft');
  const mode: Shape = target === 'grid' ? 'polygon' : shape;
  const planId = Form.useWatch('planId', form);

  // A grid is drawn among the draft's other grids, so the grid layer shows that draft.
  useEffect(() => {
    if (target === 'grid' && planId) onShowPlan(planId);
  }, [target, planId, onShowPlan]);

  // Each choice of what to draw starts a fresh drawing; a finished shape stays editable (select mode).
  useEffect(() => {
    if (!draw) return;
    draw.clear();
    draw.setMode(mode);
    const read = () => setGeometry(joinAfterEditing(drawnShapes(draw), { family: mode === 'polygon' ? 'polygon' : mode === 'linestring' ? 'line' : 'point', holes: [] }));
    const onFinish = (id: string | number) => {
      read();
      draw.setMode('select');
      draw.selectFeature(id);
    };
    const onChange = () => {
      if (draw.getMode() === 'select') read();
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
  }, [draw, mode]);

  const redraw = () => {
    if (!draw) return;
    draw.clear();
    draw.setMode(mode);
    setGeometry(null);
  };

  const save = async (values: Values) => {
    setFormError(null);
    if (!geometry) {
      setFormError(t('map.draw.needShape'));
      return;
    }
    const common = { name: values.name.trim(), note: values.note?.trim() || null, ...(values.regionCode ? { regionCode: values.regionCode } : {}), geometry };
    setSaving(true);
    try {
      if (target === 'risk') {
        const saved = await createRiskArea({ ...common, kind: values.kind! });
        onSaved('risk_areas', saved.id);
      } else {
        const saved = await createGrid(values.planId!, { ...common, code: values.code!.trim() });
        onSaved('grids', saved.id);
      }
    } catch (error) {
      setFormError(showServerErrors(form, error));
    } finally {
      setSaving(false);
    }
  };

  const hint = t(`map.draw.hints.${mode}`);
  const reading = summary(geometry);

  return (
    <div className="lz-map-card lz-draw" data-testid="draw-panel">
      <div className="lz-map-card-head">
        <div className="lz-map-card-title">{t('map.draw.title')}</div>
        <Button type="text" icon={<CloseOutlined />} onClick={onClose} aria-label={t('map.draw.close')} data-testid="draw-close" />
      </div>
      <div className="lz-map-card-body">
        <Form<Values> form={form} layout="vertical" size="small" onFinish={(values) => void save(values)} requiredMark="optional" className="lz-draw-form">
          <Form.Item label={t('map.draw.target')} required>
            <Segmented<Target>
              block
              value={target}
              onChange={(value) => {
                setTarget(value);
                setGeometry(null);
                setFormError(null);
              }}
              options={[
                { value: 'risk', label: t('map.draw.riskArea') },
                { value: 'grid', label: t('map.draw.grid') },
              ]}
              data-testid="draw-target"
            />
          </Form.Item>
          {target === 'risk' && (
            <Form.Item label={t('map.draw.shape')} required>
              <Segmented<Shape>
                block
                value={shape}
                onChange={(value) => {
                  setShape(value);
                  setGeometry(null);
                }}
                options={(['polygon', 'linestring', 'point'] as const).map((s) => ({ value: s, label: t(`map.draw.shapes.${s}`) }))}
                data-testid="draw-shape"
              />
            </Form.Item>
          )}
          <div className="lz-draw-status" data-testid="draw-status">
            {geometry ? (
              <>
                <span className="lz-draw-done">
                  {t('map.draw.drawn')}
                  {reading ? `：${reading}` : ''}
                </span>
                <Button size="small" type="link" icon={<ReloadOutlined />} onClick={redraw} data-testid="draw-redraw">
                  {t('map.draw.redraw')}
                </Button>
              </>
            ) : (
              <span className="lz-map-hint">{hint}</span>
            )}
          </div>
          {geometry && mode !== 'point' && <p className="lz-map-hint">{t('map.draw.hints.edit')}</p>}

          {target === 'risk' ? (
            <Form.Item name="kind" label={t('map.draw.kind')} rules={[{ required: true, message: t('map.draw.rules.kind') }]}>
              <Select options={kinds.map((k) => ({ value: k.code, label: k.name }))} data-testid="draw-kind" />
            </Form.Item>
          ) : drafts.length === 0 ? (
            <Alert
              type="info"
              showIcon
              title={t('map.draw.noDraft')}
              action={
                <Button size="small" icon={<PlusOutlined />} onClick={() => setDraftOpen(true)} data-testid="draw-new-draft">
                  {t('map.draw.newDraft')}
                </Button>
              }
              style={{ marginBottom: 12 }}
            />
          ) : (
            <Form.Item name="planId" label={t('map.draw.plan')} rules={[{ required: true, message: t('map.draw.rules.plan') }]} initialValue={drafts[0]?.id}>
              <Select options={drafts.map((p) => ({ value: p.id, label: p.name }))} data-testid="draw-plan" />
            </Form.Item>
          )}
          {target === 'grid' && drafts.length > 0 && (
            <Form.Item
              name="code"
              label={t('map.draw.code')}
              extra={t('map.draw.codeHint')}
              rules={[
                { required: true, whitespace: true, message: t('map.draw.rules.code') },
                { pattern: /^[0-9A-Za-z_-]{1,40}$/, message: t('map.draw.rules.codePattern') },
              ]}
            >
              <Input maxLength={40} data-testid="draw-code" />
            </Form.Item>
          )}
          {(target === 'risk' || drafts.length > 0) && (
            <>
              <Form.Item name="name" label={t('map.draw.name')} rules={[{ required: true, whitespace: true, message: t('map.draw.rules.name') }]}>
                <Input maxLength={100} data-testid="draw-name" />
              </Form.Item>
              <Form.Item name="regionCode" label={t('map.draw.village')} extra={t('map.draw.villageHint')}>
                <RegionTreeSelect allowClear style={{ width: '100%' }} data-testid="draw-region" />
              </Form.Item>
              <Form.Item name="note" label={t('map.draw.note')}>
                <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} data-testid="draw-note" />
              </Form.Item>
            </>
          )}
          {formError && <Alert type="error" showIcon title={formError} className="lz-draw-error" data-testid="draw-error" />}
          <div className="lz-draw-actions">
            <Button onClick={onClose}>{t('map.draw.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={saving} disabled={target === 'grid' && drafts.length === 0} data-testid="draw-save">
              {t('map.draw.save')}
            </Button>
          </div>
        </Form>
      </div>
      {draftOpen && (
        <DraftPlanModal
          onClose={() => setDraftOpen(false)}
          onCreated={(plan) => {
            setDraftOpen(false);
            form.setFieldValue('planId', plan.id);
          }}
        />
      )}
    </div>
  );
}

import { ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Radio, Select, Space, Switch, Tag, Typography, type SelectProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { formatNumber } from '../../app/numbers.tsx';
import { GEOMETRY_KEYS, SHAPE_TYPES } from './format.ts';
import { useProjections, usePatchJob } from './queries.ts';
import { TargetOptions } from './TargetOptions.tsx';
import type { ImportJob, InspectedLayer, OptionsPatch, TargetInfo, TextEncoding } from './types.ts';

/** The choices this step makes; anything else missing belongs to the mapping step. */
const CHECK_OPTIONS = ['layer', 'projection', 'encoding', 'gcj02', 'planId', 'postId', 'layerName'];

const CRS_SOURCES = ['prj', 'geojson', 'standard', 'choice'] as const;
const ENCODING_SOURCES = ['cpg', 'ldid', 'detected', 'choice'] as const;
const ENCODINGS: TextEncoding[] = ['gbk', 'utf-8'];
const ENCODING_NAMES: Record<TextEncoding, string> = { gbk: 'GBK', 'utf-8': 'UTF-8' };

/** A line of attribute text with Chinese in it, so the user sees whether it reads right. */
function textSample(layer: InspectedLayer): string | undefined {
  for (const field of layer.fields) {
    for (const value of field.samples) if (typeof value === 'string' && /[^\x20-\x7e]/.test(value)) return value;
  }
  return undefined;
}

/**
 * ② What the server found in the file, and the choices only a person can make: the layer, the
 * coordinate system when the file does not say (the server's suggestion preselected), the text
 * encoding when it is in doubt, GCJ-02, the dataset name and the target's own options.
 * Choices are saved as they are made; ones shown preselected are saved with 下一步.
 */
export function CheckStep({ job, info, onNext }: { job: ImportJob; info: TargetInfo | undefined; onNext: () => void }) {
  const { t } = useTranslation();
  const patch = usePatchJob(job.id);
  const projections = useProjections();
  const settings = job.settings;
  const layer = job.inspection.layers.find((l) => l.name === settings?.layer) ?? job.inspection.layers[0]!;
  const missing = (option: string) => job.missing.find((m) => m.option === option);
  const projectionMissing = missing('projection');
  const encodingMissing = missing('encoding');

  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [tried, setTried] = useState(false);
  const [projection, setProjection] = useState<string | undefined>(settings?.projection?.code ?? layer.crs.suggestions?.[0]);
  const [changingProjection, setChangingProjection] = useState(false);
  const [encoding, setEncoding] = useState<TextEncoding | undefined>(settings?.encoding ?? layer.encoding?.detected ?? undefined);
  const [dataset, setDataset] = useState(settings?.dataset ?? '');
  const [layerName, setLayerName] = useState(settings?.layerName ?? '');

  const save = async (option: string, changes: OptionsPatch): Promise<ImportJob | null> => {
    setErrors((e) => ({ ...e, [option]: undefined }));
    try {
      return await patch.mutateAsync(changes);
    } catch (error) {
      setErrors((e) => ({ ...e, [option]: errorMessage(error) }));
      return null;
    }
  };

  const geographic = projections.data?.find((p) => p.code === settings?.projection?.code)?.geographic ?? layer.crs.crs?.geographic ?? false;
  const accepted = info ? SHAPE_TYPES[info.shape] : null;
  const fits = !accepted || layer.geometryTypes.length === 0 || layer.geometryTypes.some((g) => accepted.includes(g));
  const sample = textSample(layer);
  const check = job.inspection.check;
  const suggestions = layer.crs.suggestions ?? [];

  /** Saves what is shown preselected or typed but not yet saved, then moves on if nothing of this step is missing. */
  const next = async () => {
    setTried(true);
    const changes: OptionsPatch = {};
    if (projectionMissing?.code === 'projection_unknown' && projection && projection !== settings?.projection?.code) changes.projection = projection;
    if (encodingMissing && encoding && encoding !== settings?.encoding) changes.encoding = encoding;
    if (dataset.trim() && dataset.trim() !== settings?.dataset) changes.dataset = dataset.trim();
    if (info?.options.includes('layerName') && layerName.trim() && layerName.trim() !== settings?.layerName) changes.layerName = layerName.trim();
    let current = job;
    const keys = Object.keys(changes);
    if (keys.length > 0) {
      const saved = await save(keys.length === 1 ? keys[0]! : 'next', changes);
      if (!saved) return;
      current = saved;
    }
    if (!current.missing.some((m) => CHECK_OPTIONS.includes(m.option))) onNext();
  };

  const blocking = job.missing.filter((m) => CHECK_OPTIONS.includes(m.option));
  const projectionOptions = (projections.data ?? []).map((p) => ({ value: p.code, label: `${p.name}（${p.code}）` }));
  const suggestedOptions = projectionOptions.filter((o) => suggestions.includes(o.value));
  const projectionSelectOptions: SelectProps['options'] =
    suggestedOptions.length > 0
      ? [
          { label: t('imports.check.suggested'), options: suggestedOptions },
          { label: t('imports.check.allProjections'), options: projectionOptions.filter((o) => !suggestions.includes(o.value)) },
        ]
      : projectionOptions;

  return (
    <div data-testid="import-check">
      {blocking.length === 0 ? (
        <Alert type="success" showIcon className="lz-import-check-summary" title={t('imports.check.allGood')} description={t('imports.check.allGoodHint')} data-testid="check-summary" />
      ) : (
        <Alert type="warning" showIcon className="lz-import-check-summary" title={t('imports.check.needsChoice', { count: blocking.length })} data-testid="check-summary" />
      )}
      <Form layout="horizontal" labelCol={{ flex: '150px' }} wrapperCol={{ flex: 1 }} labelWrap className="lz-import-form" colon={false}>
        {job.inspection.layers.length > 1 ? (
          <Form.Item label={t('imports.check.layer')} extra={t('imports.check.layerHint')} validateStatus={errors.layer ? 'error' : undefined} help={errors.layer}>
            <Select
              value={layer.name}
              onChange={(name: string) => void save('layer', { layer: name })}
              loading={patch.isPending}
              style={{ maxWidth: 480 }}
              options={job.inspection.layers.map((l) => ({
                value: l.name,
                label: t('imports.check.layerOption', { name: l.name, features: formatNumber(l.featureCount) }),
              }))}
              data-testid="check-layer"
            />
          </Form.Item>
        ) : (
          <Form.Item label={t('imports.check.layer')}>
            <Typography.Text strong>{layer.name}</Typography.Text>
          </Form.Item>
        )}

        <Form.Item label={t('imports.check.features')}>
          <Space size={8} wrap>
            <Typography.Text strong data-testid="check-feature-count">
              {t('imports.check.featureCount', { features: formatNumber(layer.featureCount) })}
            </Typography.Text>
            {layer.geometryTypes.map((g) => (
              <Tag key={g}>{g in GEOMETRY_KEYS ? t(`imports.geometry.${GEOMETRY_KEYS[g as keyof typeof GEOMETRY_KEYS]}`) : g}</Tag>
            ))}
          </Space>
          {!fits && info && (
            <Alert
              type="warning"
              showIcon
              className="lz-import-inline-alert"
              title={t('imports.check.shapeMismatch', { target: t(`imports.targets.${info.target}.name`), shape: t(`imports.shapes.${info.shape}`) })}
            />
          )}
          {layer.warnings.map((w) => (
            <Alert key={w} type="info" showIcon className="lz-notice lz-import-inline-alert" title={w} />
          ))}
        </Form.Item>

        <Form.Item
          label={t('imports.check.projection')}
          required={!!projectionMissing}
          validateStatus={errors.projection || (tried && projectionMissing && !projection) ? 'error' : undefined}
          help={errors.projection ?? (tried && projectionMissing && !projection ? t('imports.check.projectionRequired') : undefined)}
        >
          {projectionMissing && (
            <Alert
              type={projectionMissing.code === 'outside_china' ? 'error' : 'warning'}
              showIcon
              className="lz-import-problem"
              title={projectionMissing.code === 'outside_china' ? t('imports.check.outsideChina') : t('imports.check.projectionUnknown')}
              description={projectionMissing.message}
              data-testid="check-projection-problem"
            />
          )}
          {!projectionMissing && settings?.projection && !changingProjection ? (
            <Space size={8} wrap>
              <Typography.Text strong data-testid="check-projection-name">
                {settings.projection.name}
              </Typography.Text>
              {settings.projection.source && (CRS_SOURCES as readonly string[]).includes(settings.projection.source) && (
                <Tag>{t(`imports.check.crsSource.${settings.projection.source as (typeof CRS_SOURCES)[number]}`)}</Tag>
              )}
              <Button type="link" size="small" onClick={() => setChangingProjection(true)} data-testid="check-projection-change">
                {t('imports.check.change')}
              </Button>
            </Space>
          ) : (
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={projection}
              placeholder={t('imports.check.pickProjection')}
              // onSelect, not onChange: picking the preselected suggestion confirms it too.
              onSelect={(code: string) => {
                setProjection(code);
                void save('projection', { projection: code });
              }}
              loading={projections.isPending}
              status={tried && projectionMissing && !projection ? 'error' : undefined}
              style={{ width: '100%', maxWidth: 520 }}
              options={projectionSelectOptions}
              data-testid="check-projection"
            />
          )}
          {projectionMissing?.code === 'projection_unknown' && projection && projection === suggestions[0] && projection !== settings?.projection?.code && (
            <div className="lz-import-note" data-testid="check-projection-suggested">
              {t('imports.check.suggestedNote')}
            </div>
          )}
          {check && !check.outsideChina && check.extentLonLat && !projectionMissing && (
            <div className="lz-import-note">
              {t('imports.check.extent', {
                west: check.extentLonLat[0]?.toFixed(3),
                east: check.extentLonLat[2]?.toFixed(3),
                south: check.extentLonLat[1]?.toFixed(3),
                north: check.extentLonLat[3]?.toFixed(3),
              })}
            </div>
          )}
        </Form.Item>

        {layer.encoding && (
          <Form.Item label={t('imports.check.encoding')} required={!!encodingMissing} validateStatus={errors.encoding ? 'error' : undefined} help={errors.encoding}>
            {encodingMissing && (
              <Alert type="warning" showIcon className="lz-import-problem" title={t('imports.check.encodingProblem')} description={encodingMissing.message} data-testid="check-encoding-problem" />
            )}
            <Space size={12} wrap>
              <Radio.Group
                optionType="button"
                value={encodingMissing ? encoding : (settings?.encoding ?? undefined)}
                onChange={(e) => {
                  const value = e.target.value as TextEncoding;
                  setEncoding(value);
                  void save('encoding', { encoding: value });
                }}
                options={ENCODINGS.map((value) => ({ value, label: ENCODING_NAMES[value] }))}
                data-testid="check-encoding"
              />
              {!encodingMissing && layer.encoding.source && (ENCODING_SOURCES as readonly string[]).includes(layer.encoding.source) && (
                <Tag>{t(`imports.check.encodingSource.${layer.encoding.source as (typeof ENCODING_SOURCES)[number]}`)}</Tag>
              )}
            </Space>
            {sample && (
              <div className="lz-import-note">
                {t('imports.check.textSample')}
                <Typography.Text code>{sample}</Typography.Text>
                {t('imports.check.textSampleHint')}
              </div>
            )}
          </Form.Item>
        )}

        <Form.Item label={t('imports.check.gcj02')} extra={geographic ? t('imports.check.gcj02Hint') : t('imports.check.gcj02OnlyLonLat')} validateStatus={errors.gcj02 ? 'error' : undefined} help={errors.gcj02}>
          <Switch
            checked={settings?.gcj02 ?? false}
            disabled={!geographic && !settings?.gcj02}
            loading={patch.isPending}
            onChange={(checked) => void save('gcj02', { gcj02: checked })}
            data-testid="check-gcj02"
          />
        </Form.Item>

        <Form.Item label={t('imports.check.dataset')} extra={t('imports.check.datasetHint')} validateStatus={errors.dataset ? 'error' : undefined} help={errors.dataset}>
          <Input
            value={dataset}
            maxLength={100}
            style={{ maxWidth: 480 }}
            onChange={(e) => setDataset(e.target.value)}
            onBlur={() => dataset.trim() && dataset.trim() !== settings?.dataset && void save('dataset', { dataset: dataset.trim() })}
            data-testid="check-dataset"
          />
        </Form.Item>

        {info && settings && (
          <TargetOptions
            job={job}
            info={info}
            tried={tried}
            errors={errors}
            save={save}
            layerName={layerName}
            onLayerName={setLayerName}
          />
        )}
      </Form>

      {tried && blocking.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="lz-import-blocking"
          title={t('imports.check.stillMissing')}
          description={
            <ul className="lz-import-list">
              {blocking.map((m) => (
                <li key={m.option}>{m.message}</li>
              ))}
            </ul>
          }
          data-testid="check-blocking"
        />
      )}
      {errors.next && <Alert type="error" showIcon className="lz-import-blocking" title={errors.next} />}

      <div className="lz-import-actions">
        <Button type="primary" size="large" loading={patch.isPending} onClick={() => void next()} data-testid="check-next">
          {t('imports.check.next')}
          <ArrowRightOutlined />
        </Button>
      </div>
    </div>
  );
}

import { AutoComplete, Alert, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePostTypes } from '../../app/reference.ts';
import { domainOf } from './codes.ts';
import { useActivePosts, useCodeTables, useDraftPlans, useReferenceLayers } from './queries.ts';
import type { ImportJob, LayerKind, OptionsPatch, TargetInfo } from './types.ts';

const LAYER_KINDS: LayerKind[] = ['nature_reserve', 'forest_farm', 'other'];

interface Props {
  job: ImportJob;
  info: TargetInfo;
  /** 下一步 was pressed: empty required choices show as errors. */
  tried: boolean;
  errors: Record<string, string | undefined>;
  save: (option: string, changes: OptionsPatch) => Promise<ImportJob | null>;
  layerName: string;
  onLayerName: (name: string) => void;
}

/**
 * What only some targets need: the draft grid plan grids go into, the chief's post a
 * responsibility area belongs to, the reference layer's name and kind, one kind for every key risk
 * area when the file has no column for it.
 */
export function TargetOptions({ job, info, tried, errors, save, layerName, onLayerName }: Props) {
  const { t } = useTranslation();
  const settings = job.settings!;
  const needs = (option: string) => info.options.includes(option);
  const missing = (option: string) => job.missing.find((m) => m.option === option);
  const status = (option: string) => (errors[option] || (tried && missing(option)) ? 'error' : undefined);
  const help = (option: string) => errors[option] ?? (tried ? missing(option)?.message : undefined);

  const plans = useDraftPlans(job.regionCode, needs('planId'));
  const posts = useActivePosts(job.regionCode, needs('postId'));
  const postTypes = usePostTypes();
  const layers = useReferenceLayers(needs('layerName'));
  const codes = useCodeTables();

  const chiefTypes = new Set((postTypes.data ?? []).filter((p) => p.category === 'chief').map((p) => p.code));
  const chiefPosts = (posts.data?.items ?? []).filter((p) => chiefTypes.has(p.postType));
  const kinds = codes.data?.find((d) => d.domain === domainOf({ name: 'kind' }))?.entries ?? [];
  const kindMapped = Object.values(settings.mapping).includes('kind');

  return (
    <>
      {needs('planId') && (
        <Form.Item label={t('imports.options.plan')} required extra={t('imports.options.planHint')} validateStatus={status('planId')} help={help('planId')}>
          {plans.data && plans.data.length === 0 ? (
            <Alert
              type="warning"
              showIcon
              title={t('imports.options.noDraftPlan', { region: job.regionName })}
              description={<Link to="/grids">{t('imports.options.toGrids')}</Link>}
              data-testid="option-no-plan"
            />
          ) : (
            <Select
              value={settings.planId ?? undefined}
              placeholder={t('imports.options.pickPlan')}
              loading={plans.isPending}
              onChange={(planId: number) => void save('planId', { planId })}
              style={{ maxWidth: 480 }}
              options={(plans.data ?? []).map((p) => ({ value: p.id, label: t('imports.options.planOption', { name: p.name, year: p.year, region: p.regionName ?? p.regionCode }) }))}
              data-testid="option-plan"
            />
          )}
        </Form.Item>
      )}

      {needs('postId') && (
        <Form.Item label={t('imports.options.post')} required extra={t('imports.options.postHint')} validateStatus={status('postId')} help={help('postId')}>
          <Select
            value={settings.postId ?? undefined}
            placeholder={t('imports.options.pickPost')}
            loading={posts.isPending || postTypes.isPending}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(postId: number) => void save('postId', { postId })}
            style={{ maxWidth: 480 }}
            notFoundContent={t('imports.options.noChief', { region: job.regionName })}
            options={chiefPosts.map((p) => ({
              value: p.id,
              label: t('imports.options.postOption', { person: p.personName, region: p.regionName, post: p.title ?? p.postTypeName }),
            }))}
            data-testid="option-post"
          />
        </Form.Item>
      )}

      {needs('layerName') && (
        <>
          <Form.Item label={t('imports.options.layerName')} required extra={t('imports.options.layerNameHint')} validateStatus={status('layerName')} help={help('layerName')}>
            <AutoComplete
              value={layerName}
              onChange={onLayerName}
              onSelect={(name: string) => void save('layerName', { layerName: name })}
              onBlur={() => layerName.trim() && layerName.trim() !== settings.layerName && void save('layerName', { layerName: layerName.trim() })}
              placeholder={t('imports.options.layerNamePlaceholder')}
              style={{ maxWidth: 480 }}
              options={(layers.data ?? []).map((l) => ({ value: l.name, label: t('imports.options.existingLayer', { name: l.name, region: l.regionName }) }))}
              data-testid="option-layer-name"
            />
          </Form.Item>
          <Form.Item label={t('imports.options.layerKind')} extra={t('imports.options.layerKindHint')} validateStatus={status('layerKind')} help={help('layerKind')}>
            <Select
              value={settings.layerKind}
              onChange={(layerKind: LayerKind) => void save('layerKind', { layerKind })}
              style={{ width: 200 }}
              options={LAYER_KINDS.map((k) => ({ value: k, label: t(`imports.options.layerKinds.${k}`) }))}
              data-testid="option-layer-kind"
            />
          </Form.Item>
        </>
      )}

      {needs('kind') && (
        <Form.Item label={t('imports.options.kind')} extra={kindMapped ? t('imports.options.kindFromFile') : t('imports.options.kindHint')} validateStatus={status('kind')} help={help('kind')}>
          <Select
            value={settings.kind ?? undefined}
            allowClear
            placeholder={t('imports.options.pickKind')}
            loading={codes.isPending}
            onChange={(kind?: string) => void save('kind', { kind: kind ?? null })}
            style={{ width: 240 }}
            options={kinds.map((k) => ({ value: k.code, label: k.name }))}
            data-testid="option-kind"
          />
        </Form.Item>
      )}
    </>
  );
}

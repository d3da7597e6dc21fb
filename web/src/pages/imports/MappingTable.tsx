import { Select, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';
import { domainOf } from './codes.ts';
import { FieldVerdict } from './FieldVerdict.tsx';
import { distinctSamples, SAMPLES_SHOWN, typeOf, type ColumnOption } from './mapping-rules.ts';
import type { ImportJob, TargetField } from './types.ts';
import type { Mapping } from './use-mapping.ts';

/** One row per field of ours: its name and kind, the file column that fills it, samples and verdict. */
export function MappingTable({ job, m }: { job: ImportJob; m: Mapping }) {
  const { t } = useTranslation();
  return (
    <ResponsiveTable<TargetField>
      rowKey="name"
      size="middle"
      pagination={false}
      dataSource={job.targetFields}
      className="lz-import-mapping"
      rowClassName={(field) => (field.required && !m.byOurs[field.name] ? 'lz-mapping-missing' : m.byOurs[field.name] ? 'lz-mapping-done' : '')}
      onRow={(field) => ({ 'data-testid': `mapping-row-${field.name}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('imports.mapping.ours'), key: 'ours', width: 230, render: (_, field) => <OurField field={field} m={m} /> },
        { title: t('imports.mapping.theirs'), key: 'theirs', width: 300, render: (_, field) => <ColumnSelect field={field} m={m} /> },
        { title: t('imports.mapping.samples'), key: 'samples', render: (_, field) => <Samples field={field} m={m} /> },
        {
          title: t('imports.mapping.result'),
          key: 'result',
          width: 340,
          render: (_, field) => (
            <FieldVerdict
              field={field}
              file={m.byOurs[field.name] ? m.fieldByName.get(m.byOurs[field.name]!) : undefined}
              domain={m.domains.get(domainOf(field))}
              translations={m.valueMap[field.name] ?? {}}
              onTranslate={(value, code) => m.translate(field.name, value, code)}
              uniformKind={field.name === 'kind' ? (job.settings?.kind ?? null) : null}
            />
          ),
        },
      ]}
    />
  );
}

function OurField({ field, m }: { field: TargetField; m: Mapping }) {
  const { t } = useTranslation();
  const type = typeOf(field);
  return (
    <div className="lz-mapping-ours">
      <span className="lz-mapping-label">
        {field.label}
        {field.required && (
          <Tag color="red" className="lz-mapping-required">
            {t('imports.mapping.required')}
          </Tag>
        )}
      </span>
      <span className="lz-mapping-type">
        {type === 'code' ? t('imports.mapping.types.code', { table: m.domains.get(domainOf(field))?.label?.split('；')[0] ?? field.label }) : t(`imports.mapping.types.${type}`)}
      </span>
    </div>
  );
}

/** The file's columns to choose from, each with a few sample values and the field it already fills. */
function ColumnSelect({ field, m }: { field: TargetField; m: Mapping }) {
  const { t } = useTranslation();
  const value = m.byOurs[field.name];
  return (
    <Select<string, ColumnOption>
      value={value}
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={field.required ? t('imports.mapping.pickRequired') : t('imports.mapping.notImported')}
      status={field.required && !value ? 'error' : undefined}
      style={{ width: '100%' }}
      onChange={(file?: string) => m.assign(field.name, file)}
      options={m.fileOptions(field.name)}
      optionRender={(option) => (
        <div className="lz-mapping-option">
          <div className="lz-mapping-option-line">
            <span className="lz-mapping-option-name">{option.data.value}</span>
            <span className="lz-mapping-option-samples">{option.data.samples.slice(0, 3).join('、') || t('imports.mapping.noSamples')}</span>
          </div>
          {option.data.usedBy && <div className="lz-mapping-option-used">{t('imports.mapping.usedBy', { field: option.data.usedBy })}</div>}
        </div>
      )}
      popupMatchSelectWidth={360}
      data-testid={`mapping-${field.name}`}
    />
  );
}

function Samples({ field, m }: { field: TargetField; m: Mapping }) {
  const { t } = useTranslation();
  const file = m.byOurs[field.name];
  if (!file) return <Typography.Text type="secondary">—</Typography.Text>;
  const samples = distinctSamples(m.fieldByName.get(file));
  if (samples.length === 0) return <Typography.Text type="secondary">{t('imports.mapping.noSamples')}</Typography.Text>;
  return (
    <span className="lz-mapping-samples" data-testid={`mapping-samples-${field.name}`}>
      {samples.slice(0, SAMPLES_SHOWN).map((v) => (
        <Tag key={v} className="lz-mapping-sample">
          {v}
        </Tag>
      ))}
      {samples.length > SAMPLES_SHOWN && <Typography.Text type="secondary">…</Typography.Text>}
    </span>
  );
}

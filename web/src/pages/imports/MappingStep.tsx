import { ArrowLeftOutlined, CheckCircleFilled, ExclamationCircleFilled, MinusCircleOutlined, PlayCircleOutlined, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState, type HTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { formatNumber } from '../../app/numbers.tsx';
import { domainOf, resolveCode, sampleText } from './codes.ts';
import { PresetBar } from './PresetBar.tsx';
import { useCodeTables, usePatchJob, useStartJob } from './queries.ts';
import type { CodeDomain, FileField, ImportJob, TargetField } from './types.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

const SAMPLES_SHOWN = 5;
const TYPES = ['text', 'code', 'number', 'year', 'region'] as const;
type FieldType = (typeof TYPES)[number];
const typeOf = (field: TargetField): FieldType => ((TYPES as readonly string[]).includes(field.type) ? (field.type as FieldType) : 'text');

/** our field → file field, from the wire's file field → our field. */
function invert(mapping: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).map(([file, ours]) => [ours, file]));
}

/** A file column as the mapping select offers it. */
interface ColumnOption {
  value: string;
  label: string;
  samples: string[];
  /** The field of ours it already fills, if another. */
  usedBy?: string;
}

const distinctSamples = (field: FileField | undefined) => [...new Set((field?.samples ?? []).map(sampleText).filter((v) => v !== ''))];

/** Sample values the importer would refuse for a field of this type (what the server checks, as far as the API says). */
function badSamples(type: FieldType, values: string[]): string[] {
  switch (type) {
    case 'number':
      return values.filter((v) => !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(v));
    case 'year':
      return values.filter((v) => {
        const m = /^(\d{4})(?:[-/.]?\d{1,2}(?:[-/.]?\d{1,2})?)?$/.exec(v.replace(/\.0+$/, ''));
        return !(m && Number(m[1]) >= 1950 && Number(m[1]) <= 2100);
      });
    case 'region':
      return values.filter((v) => !/^\d{6}(\d{3}){0,2}$/.test(v.replace(/\.0+$/, '')));
    default:
      return [];
  }
}

/**
 * ③ 对应字段: one row per field of ours, each with the file's column that fills it. Required
 * fields are marked and stay red until chosen; every choice shows the column's sample values and
 * what the importer will make of them; coded values the code tables do not know can be
 * translated; the file's columns nobody uses are listed below with what becomes of them.
 */
export function MappingStep({ job, onBack }: { job: ImportJob; onBack: () => void }) {
  const { t } = useTranslation();
  const patch = usePatchJob(job.id);
  const start = useStartJob(job.id);
  const codes = useCodeTables();
  const settings = job.settings!;
  const layer = job.inspection.layers.find((l) => l.name === settings.layer) ?? job.inspection.layers[0]!;
  const fileFields = layer.fields;
  const [mapping, setMapping] = useState<Record<string, string>>(settings.mapping);
  const [valueMap, setValueMap] = useState<Record<string, Record<string, string>>>(settings.valueMap);
  const [dirty, setDirty] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  const byOurs = useMemo(() => invert(mapping), [mapping]);
  const fieldByName = useMemo(() => new Map(fileFields.map((f) => [f.name, f])), [fileFields]);
  const labelOf = useMemo(() => new Map(job.targetFields.map((f) => [f.name, f.label])), [job.targetFields]);
  const domains = useMemo(() => new Map((codes.data ?? []).map((d) => [d.domain, d])), [codes.data]);

  const assign = (ours: string, fileField: string | undefined) => {
    setMapping((current) => {
      const next: Record<string, string> = {};
      for (const [file, field] of Object.entries(current)) if (field !== ours && file !== fileField) next[file] = field;
      if (fileField) next[fileField] = ours;
      return next;
    });
    setDirty(true);
    setProblems([]);
  };

  const translate = (ours: string, value: string, code: string | undefined) => {
    setValueMap((current) => {
      const forField = { ...(current[ours] ?? {}) };
      if (code) forField[value] = code;
      else delete forField[value];
      const next = { ...current, [ours]: forField };
      if (Object.keys(forField).length === 0) delete next[ours];
      return next;
    });
    setDirty(true);
  };

  /** Value translations only for fields still mapped, so a stale one cannot refuse the start. */
  const usedValueMap = () => Object.fromEntries(Object.entries(valueMap).filter(([ours]) => byOurs[ours] !== undefined));

  const save = async (): Promise<ImportJob> => (dirty ? patch.mutateAsync({ mapping, valueMap: usedValueMap() }) : job);

  const requiredMissing = job.targetFields.filter((f) => f.required && !byOurs[f.name]);
  const kindMissing = job.targetFields.some((f) => f.name === 'kind') && !byOurs.kind && !settings.kind;
  const mappedCount = job.targetFields.filter((f) => byOurs[f.name]).length;
  const unused = fileFields.filter((f) => mapping[f.name] === undefined);

  const run = async () => {
    setProblems([]);
    if (requiredMissing.length > 0) {
      setProblems([t('imports.mapping.requiredMissing', { fields: requiredMissing.map((f) => f.label).join('、') })]);
      return;
    }
    try {
      const saved = await save();
      setDirty(false);
      if (saved.missing.length > 0) {
        setProblems(saved.missing.map((m) => m.message));
        return;
      }
      await start.mutateAsync();
    } catch (error) {
      setProblems([errorMessage(error)]);
    }
  };

  const back = async () => {
    try {
      await save();
      setDirty(false);
      onBack();
    } catch (error) {
      setProblems([errorMessage(error)]);
    }
  };

  /** The file's columns, free ones first (in file order), then those another field already uses. */
  const fileOptions = (ours: string): ColumnOption[] => {
    const options = fileFields.map((f) => {
      const usedBy = mapping[f.name];
      return {
        value: f.name,
        label: f.name,
        samples: distinctSamples(f),
        usedBy: usedBy && usedBy !== ours ? (labelOf.get(usedBy) ?? usedBy) : undefined,
      };
    });
    return [...options.filter((o) => !o.usedBy), ...options.filter((o) => o.usedBy)];
  };

  return (
    <div data-testid="import-mapping">
      <Alert type="info" showIcon className="lz-notice lz-import-mapping-intro" title={t('imports.mapping.intro')} description={t('imports.mapping.introDetail')} />

      <div className="lz-import-mapping-bar">
        <Space size={16} wrap>
          <Typography.Text data-testid="mapping-summary">
            {t('imports.mapping.summary', { mapped: mappedCount, total: job.targetFields.length })}
          </Typography.Text>
          {requiredMissing.length === 0 ? (
            <Typography.Text type="success">
              <CheckCircleFilled /> {t('imports.mapping.requiredDone')}
            </Typography.Text>
          ) : (
            <Typography.Text type="danger" data-testid="mapping-required-missing">
              <ExclamationCircleFilled /> {t('imports.mapping.requiredLeft', { fields: requiredMissing.map((f) => f.label).join('、') })}
            </Typography.Text>
          )}
        </Space>
        <PresetBar
          job={job}
          mapping={mapping}
          onApply={(preset) => {
            const known = Object.fromEntries(Object.entries(preset).filter(([file, ours]) => fieldByName.has(file) && labelOf.has(ours)));
            setMapping(Object.fromEntries(Object.entries(invert(known)).map(([ours, file]) => [file, ours])));
            setDirty(true);
            setProblems([]);
          }}
        />
      </div>

      <ResponsiveTable<TargetField>
        rowKey="name"
        size="middle"
        pagination={false}
        dataSource={job.targetFields}
        className="lz-import-mapping"
        rowClassName={(field) => (field.required && !byOurs[field.name] ? 'lz-mapping-missing' : byOurs[field.name] ? 'lz-mapping-done' : '')}
        onRow={(field) => ({ 'data-testid': `mapping-row-${field.name}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('imports.mapping.ours'),
            key: 'ours',
            width: 230,
            render: (_, field) => (
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
                  {typeOf(field) === 'code'
                    ? t('imports.mapping.types.code', { table: domains.get(domainOf(field))?.label?.split('；')[0] ?? field.label })
                    : t(`imports.mapping.types.${typeOf(field)}`)}
                </span>
              </div>
            ),
          },
          {
            title: t('imports.mapping.theirs'),
            key: 'theirs',
            width: 300,
            render: (_, field) => {
              const value = byOurs[field.name];
              const missing = field.required && !value;
              return (
                <Select<string, ColumnOption>
                  value={value}
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={field.required ? t('imports.mapping.pickRequired') : t('imports.mapping.notImported')}
                  status={missing ? 'error' : undefined}
                  style={{ width: '100%' }}
                  onChange={(file?: string) => assign(field.name, file)}
                  options={fileOptions(field.name)}
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
            },
          },
          {
            title: t('imports.mapping.samples'),
            key: 'samples',
            render: (_, field) => {
              const file = byOurs[field.name];
              if (!file) return <Typography.Text type="secondary">—</Typography.Text>;
              const samples = distinctSamples(fieldByName.get(file));
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
            },
          },
          {
            title: t('imports.mapping.result'),
            key: 'result',
            width: 340,
            render: (_, field) => (
              <FieldVerdict
                field={field}
                file={byOurs[field.name] ? fieldByName.get(byOurs[field.name]!) : undefined}
                domain={domains.get(domainOf(field))}
                translations={valueMap[field.name] ?? {}}
                onTranslate={(value, code) => translate(field.name, value, code)}
                uniformKind={field.name === 'kind' ? settings.kind : null}
              />
            ),
          },
        ]}
      />

      <div className="lz-import-unused" data-testid="mapping-unused">
        <Typography.Text strong>{t('imports.mapping.unused', { count: unused.length })}</Typography.Text>
        <Typography.Text type="secondary"> {t(`imports.mapping.unusedFate.${job.target}`)}</Typography.Text>
        <div className="lz-import-unused-list">
          {unused.length === 0 ? (
            <Typography.Text type="secondary">{t('imports.mapping.allUsed')}</Typography.Text>
          ) : (
            unused.map((f) => (
              <Tooltip key={f.name} title={distinctSamples(f).slice(0, SAMPLES_SHOWN).join('、') || t('imports.mapping.noSamples')}>
                <Tag className="lz-import-unused-field">
                  {f.name}
                  <span className="lz-import-unused-sample">{distinctSamples(f)[0] ?? ''}</span>
                </Tag>
              </Tooltip>
            ))
          )}
        </div>
      </div>

      {kindMissing && <Alert type="warning" showIcon className="lz-import-blocking" title={t('imports.mapping.kindMissing')} />}
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="lz-import-blocking"
          title={t('imports.mapping.cannotStart')}
          description={
            <ul className="lz-import-list">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
          data-testid="mapping-problems"
        />
      )}

      <div className="lz-import-actions">
        <Button size="large" icon={<ArrowLeftOutlined />} onClick={() => void back()} disabled={patch.isPending || start.isPending} data-testid="mapping-back">
          {t('imports.mapping.back')}
        </Button>
        <Button type="primary" size="large" icon={<PlayCircleOutlined />} loading={patch.isPending || start.isPending} onClick={() => void run()} data-testid="import-start">
          {t('imports.mapping.start', { features: formatNumber(layer.featureCount) })}
        </Button>
        <Typography.Text type="secondary">{t('imports.mapping.startHint')}</Typography.Text>
      </div>
    </div>
  );
}

interface VerdictProps {
  field: TargetField;
  file: FileField | undefined;
  domain: CodeDomain | undefined;
  translations: Record<string, string>;
  onTranslate: (value: string, code: string | undefined) => void;
  uniformKind: string | null;
}

/** What the importer will make of the chosen column, judged on its sample values. */
function FieldVerdict({ field, file, domain, translations, onTranslate, uniformKind }: VerdictProps): ReactNode {
  const { t } = useTranslation();
  const type = typeOf(field);
  if (!file) {
    if (field.required) {
      return (
        <Typography.Text type="danger" className="lz-mapping-verdict" data-testid={`mapping-verdict-${field.name}`}>
          <ExclamationCircleFilled /> {t('imports.mapping.verdict.requiredMissing')}
        </Typography.Text>
      );
    }
    if (field.name === 'kind' && uniformKind) {
      const name = domain?.entries.find((e) => e.code === uniformKind)?.name ?? uniformKind;
      return <Typography.Text className="lz-mapping-verdict">{t('imports.mapping.verdict.uniformKind', { kind: name })}</Typography.Text>;
    }
    return (
      <Typography.Text type="secondary" className="lz-mapping-verdict">
        <MinusCircleOutlined /> {type === 'region' ? t('imports.mapping.verdict.regionByLocation') : t('imports.mapping.verdict.notImported')}
      </Typography.Text>
    );
  }
  const values = distinctSamples(file);
  if (type === 'code') {
    const unknown = values.filter((v) => resolveCode(domain, v) === undefined);
    return (
      <div className="lz-mapping-verdict" data-testid={`mapping-verdict-${field.name}`}>
        {unknown.length === 0 ? (
          <Typography.Text type="success">
            <CheckCircleFilled /> {t('imports.mapping.verdict.codesKnown')}
          </Typography.Text>
        ) : (
          <>
            {unknown.some((v) => !translations[v]) ? (
              <Typography.Text type="warning">
                <WarningFilled /> {t('imports.mapping.verdict.codesUnknown', { count: unknown.filter((v) => !translations[v]).length })}
              </Typography.Text>
            ) : (
              <Typography.Text type="success">
                <CheckCircleFilled /> {t('imports.mapping.verdict.codesTranslated')}
              </Typography.Text>
            )}
            {unknown.map((value) => (
              <div key={value} className="lz-mapping-translate">
                <Typography.Text code>{value}</Typography.Text>
                <span className="lz-mapping-arrow">→</span>
                <Select
                  size="small"
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  value={translations[value]}
                  placeholder={t('imports.mapping.verdict.translate')}
                  onChange={(code?: string) => onTranslate(value, code)}
                  options={(domain?.entries ?? []).map((e) => ({ value: e.code, label: `${e.name}（${e.code}）` }))}
                  style={{ width: 180 }}
                  data-testid={`mapping-translate-${field.name}`}
                />
              </div>
            ))}
            <div className="lz-import-note">{t('imports.mapping.verdict.translateHint')}</div>
          </>
        )}
      </div>
    );
  }
  const bad = badSamples(type, values);
  if (bad.length > 0) {
    return (
      <Typography.Text type="warning" className="lz-mapping-verdict">
        <WarningFilled /> {t(`imports.mapping.verdict.bad.${type === 'number' || type === 'year' ? type : 'region'}`, { values: bad.slice(0, 3).join('、') })}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text type="success" className="lz-mapping-verdict">
      <CheckCircleFilled /> {t('imports.mapping.verdict.ok')}
    </Typography.Text>
  );
}

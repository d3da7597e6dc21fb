import { CheckCircleFilled, ExclamationCircleFilled, MinusCircleOutlined, WarningFilled } from '@ant-design/icons';
import { Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { resolveCode } from './codes.ts';
import { badSamples, distinctSamples, typeOf } from './mapping-rules.ts';
import type { CodeDomain, FileField, TargetField } from './types.ts';

interface Props {
  field: TargetField;
  file: FileField | undefined;
  domain: CodeDomain | undefined;
  translations: Record<string, string>;
  onTranslate: (value: string, code: string | undefined) => void;
  uniformKind: string | null;
}

/** What the importer will make of the chosen column, judged on its sample values. */
export function FieldVerdict({ field, file, domain, translations, onTranslate, uniformKind }: Props) {
  const { t } = useTranslation();
  const type = typeOf(field);
  if (!file) return <NoColumn field={field} domain={domain} uniformKind={uniformKind} />;
  const values = distinctSamples(file);
  if (type === 'code') return <CodeVerdict field={field} domain={domain} values={values} translations={translations} onTranslate={onTranslate} />;
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

/** A field no column fills: refused when required, else what it will be instead. */
function NoColumn({ field, domain, uniformKind }: Pick<Props, 'field' | 'domain' | 'uniformKind'>) {
  const { t } = useTranslation();
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
      <MinusCircleOutlined /> {typeOf(field) === 'region' ? t('imports.mapping.verdict.regionByLocation') : t('imports.mapping.verdict.notImported')}
    </Typography.Text>
  );
}

/** A coded field: known codes pass; each unknown one can be translated to a code of the table. */
function CodeVerdict({ field, domain, values, translations, onTranslate }: Omit<Props, 'file' | 'uniformKind'> & { values: string[] }) {
  const { t } = useTranslation();
  const unknown = values.filter((v) => resolveCode(domain, v) === undefined);
  const untranslated = unknown.filter((v) => !translations[v]).length;
  return (
    <div className="lz-mapping-verdict" data-testid={`mapping-verdict-${field.name}`}>
      {unknown.length === 0 ? (
        <Typography.Text type="success">
          <CheckCircleFilled /> {t('imports.mapping.verdict.codesKnown')}
        </Typography.Text>
      ) : (
        <>
          {untranslated > 0 ? (
            <Typography.Text type="warning">
              <WarningFilled /> {t('imports.mapping.verdict.codesUnknown', { count: untranslated })}
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

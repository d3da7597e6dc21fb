import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../app/api-types.ts';

type Row = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Keys whose value differs between before and after; every key when one side is absent. */
export function changedKeys(before: Row | null, after: Row | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((key) => !before || !after || !same(before[key], after[key])).sort();
}

/** A row as pretty JSON, one key a line, changed keys marked. */
function JsonPanel({ row, changed, testId }: { row: Row | null; changed: Set<string>; testId: string }) {
  const { t } = useTranslation();
  if (!row) {
    return (
      <pre data-testid={testId}>
        <span className="lz-muted">{t('audit.nothing')}</span>
      </pre>
    );
  }
  const keys = Object.keys(row).sort();
  return (
    <pre data-testid={testId}>
      {'{\n'}
      {keys.map((key, i) => (
        <span key={key} className={changed.has(key) ? 'lz-diff-changed' : undefined} data-changed={changed.has(key) || undefined}>
          {`  ${JSON.stringify(key)}: ${JSON.stringify(row[key])}${i < keys.length - 1 ? ',' : ''}\n`}
        </span>
      ))}
      {'}'}
    </pre>
  );
}

/** Before and after side by side, the changed keys highlighted in both. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const keys = changedKeys(entry.before, entry.after);
  const changed = new Set(entry.before && entry.after ? keys : []);
  return (
    <div data-testid="audit-diff">
      {entry.before && entry.after && (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">{t('audit.changedKeys')}</Typography.Text>{' '}
          {keys.length ? keys.map((k) => <Typography.Text key={k} code>{k}</Typography.Text>) : t('audit.noChange')}
        </Typography.Paragraph>
      )}
      <div className="lz-diff">
        <div>
          <div className="lz-diff-title">{t('audit.before')}</div>
          <JsonPanel row={entry.before} changed={changed} testId="audit-before" />
        </div>
        <div>
          <div className="lz-diff-title">{t('audit.after')}</div>
          <JsonPanel row={entry.after} changed={changed} testId="audit-after" />
        </div>
      </div>
    </div>
  );
}

import { GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/auth.tsx';
import { formatNumber } from '../../app/numbers.tsx';
import type { ImportJob, ImportReport, RowNote } from './types.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

const COUNTS = ['read', 'imported', 'inserted', 'updated', 'replaced', 'repaired', 'rejected'] as const;

/**
 * ⑤ How it went: every count, the rows not imported and the rows repaired with their row numbers
 * and reasons; or why the job failed or that it was cancelled, and that nothing was written.
 */
export function ReportStep({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const can = useCan();
  const again = (
    <Link key="again" to="/imports">
      <Button icon={<PlusOutlined />} data-testid="report-again">
        {t('imports.report.again')}
      </Button>
    </Link>
  );

  if (job.status === 'failed' || job.status === 'cancelled' || !job.report) {
    const failed = job.status === 'failed';
    return (
      <Result
        status={failed ? 'error' : 'info'}
        title={failed ? t('imports.report.failed') : t('imports.report.cancelled')}
        subTitle={
          <>
            {failed && job.error && (
              <Typography.Paragraph className="lz-import-error" data-testid="report-error">
                {job.error.message}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary">{t('imports.report.nothingWritten')}</Typography.Text>
          </>
        }
        extra={[again]}
        data-testid="import-report"
      />
    );
  }

  const report = job.report;
  const clean = report.rejected === 0 && report.repaired === 0;
  return (
    <div data-testid="import-report">
      <Alert
        type={report.imported === 0 ? 'error' : report.rejected > 0 ? 'warning' : 'success'}
        showIcon
        title={
          report.imported === 0
            ? t('imports.report.noneImported', { rejected: formatNumber(report.rejected) })
            : report.rejected > 0
              ? t('imports.report.someRejected', { imported: formatNumber(report.imported), rejected: formatNumber(report.rejected) })
              : t('imports.report.allImported', { imported: formatNumber(report.imported) })
        }
        description={clean ? undefined : t('imports.report.seeBelow')}
        data-testid="report-headline"
      />

      <div className="lz-import-counts">
        {COUNTS.map((key) => (
          <div key={key} className={`lz-import-count lz-import-count-${key}${report[key] > 0 ? ' has-value' : ''}`} data-testid={`report-count-${key}`}>
            <div className="lz-import-count-label">{t(`imports.report.counts.${key}`)}</div>
            <div className="lz-import-count-value" data-testid={`report-${key}`}>
              {formatNumber(report[key])}
            </div>
            <div className="lz-import-count-hint">{t(`imports.report.countHints.${key}`)}</div>
          </div>
        ))}
      </div>

      <ReportDetails report={report} />

      {report.warnings.map((w) => (
        <Alert key={w} type="info" showIcon title={w} className="lz-notice lz-import-inline-alert" />
      ))}

      {report.rejected > 0 && (
        <RowTable
          title={t('imports.report.rejectedTitle', { count: report.rejected })}
          hint={t('imports.report.rejectedHint')}
          rows={report.rejectedRows}
          testId="rejected"
        />
      )}
      {report.repaired > 0 && (
        <RowTable title={t('imports.report.repairedTitle', { count: report.repaired })} hint={t('imports.report.repairedHint')} rows={report.repairedRows} testId="repaired" />
      )}
      {report.listsTruncated && <Alert type="info" showIcon title={t('imports.report.truncated')} className="lz-notice lz-import-inline-alert" />}

      <div className="lz-import-actions">
        {can('map.read') && (
          <Link to="/map">
            <Button type="primary" icon={<GlobalOutlined />} data-testid="report-map">
              {t('imports.report.toMap')}
            </Button>
          </Link>
        )}
        {again}
      </div>
    </div>
  );
}

function ReportDetails({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2, xl: 3 }}
      className="lz-import-details"
      items={[
        { key: 'dataset', label: t('imports.report.dataset'), children: report.dataset },
        { key: 'layer', label: t('imports.report.layer'), children: report.layer },
        { key: 'projection', label: t('imports.report.projection'), children: report.projection.name },
        { key: 'encoding', label: t('imports.report.encoding'), children: report.encoding ?? t('imports.report.noEncoding') },
        { key: 'gcj02', label: t('imports.report.gcj02'), children: report.gcj02 ? t('imports.report.gcj02Yes') : t('imports.report.gcj02No') },
        { key: 'duration', label: t('imports.report.duration'), children: t('imports.report.seconds', { seconds: (report.durationMs / 1000).toFixed(1) }) },
      ]}
    />
  );
}

function RowTable({ title, hint, rows, testId }: { title: string; hint: string; rows: RowNote[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={title} className="lz-import-rows" data-testid={testId}>
      <Typography.Paragraph type="secondary" className="lz-import-rows-hint">
        {hint}
      </Typography.Paragraph>
      <ResponsiveTable<RowNote>
        rowKey="row"
        size="small"
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (total) => t('common.total', { count: total }) } : false}
        columns={[
          { title: t('imports.report.row'), dataIndex: 'row', width: 110, render: (row: number) => <span data-testid={`${testId}-row`}>{t('imports.report.rowN', { row })}</span> },
          { title: t('imports.report.reason'), dataIndex: 'reason', render: (reason: string) => <span data-testid={`${testId}-reason`}>{reason}</span> },
        ]}
      />
    </Card>
  );
}

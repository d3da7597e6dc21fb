import { Card, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState, ErrorResult } from '../../app/feedback.tsx';
import { formatNumber } from '../../app/numbers.tsx';
import { formatSize } from './format.ts';
import { useJobs } from './queries.ts';
import { StatusTag, useFormatName } from './StatusTag.tsx';
import type { ImportJobSummary } from './types.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

/** 最近的导入: who imported what, where, when, how it stands; a row reopens the job. */
export function RecentJobs() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const jobs = useJobs();
  const formatName = useFormatName();

  const action = (job: ImportJobSummary) =>
    job.status === 'uploaded' ? t('imports.recent.continue') : job.status === 'queued' || job.status === 'running' ? t('imports.recent.progress') : t('imports.recent.report');

  return (
    <Card title={t('imports.recent.title')} className="lz-import-recent" data-testid="import-jobs">
      {jobs.isError ? (
        <ErrorResult error={jobs.error} onRetry={() => void jobs.refetch()} compact />
      ) : (
        <ResponsiveTable<ImportJobSummary>
          rowKey="id"
          size="middle"
          loading={jobs.isPending}
          dataSource={jobs.data}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <EmptyState description={t('imports.recent.empty')} /> }}
          onRow={(job) => ({ onClick: () => void navigate(`/imports/${job.id}`), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('imports.recent.file'),
              key: 'file',
              render: (_, job) => (
                <div className="lz-import-job-file">
                  <Link to={`/imports/${job.id}`} onClick={(e) => e.stopPropagation()} data-testid="import-job-link">
                    {job.fileName}
                  </Link>
                  <span className="lz-import-note">
                    {formatName(job.format)} · {formatSize(job.fileSize)}
                  </span>
                </div>
              ),
            },
            {
              title: t('imports.recent.target'),
              key: 'target',
              width: 200,
              render: (_, job) => (
                <span>
                  <Tag>{t(`imports.targets.${job.target}.name`)}</Tag>
                  {job.regionName}
                </span>
              ),
            },
            { title: t('imports.recent.status'), key: 'status', width: 130, render: (_, job) => <StatusTag job={job} /> },
            {
              title: t('imports.recent.features'),
              key: 'features',
              width: 110,
              align: 'right',
              render: (_, job) => (job.progress.total === null ? <Typography.Text type="secondary">—</Typography.Text> : formatNumber(job.progress.total)),
            },
            {
              title: t('imports.recent.outcome'),
              key: 'outcome',
              render: (_, job) =>
                job.error ? (
                  <Typography.Text type="danger" ellipsis={{ tooltip: job.error.message }} style={{ maxWidth: 280 }}>
                    {job.error.message}
                  </Typography.Text>
                ) : (
                  <Typography.Link>{action(job)}</Typography.Link>
                ),
            },
            { title: t('imports.recent.by'), dataIndex: 'createdBy', width: 170 },
            { title: t('imports.recent.at'), dataIndex: 'createdAt', width: 150, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm') },
          ]}
        />
      )}
    </Card>
  );
}

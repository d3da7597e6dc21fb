import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import type { AuditEntry } from '../../app/api-types.ts';
import { EmptyState, ErrorResult } from '../../app/feedback.tsx';
import { useRegion } from '../regions/queries.ts';
import { AuditDiff } from './AuditDiff.tsx';
import { AuditFilters, type AuditFilter } from './AuditFilters.tsx';
import { actionLabel, entityLabel } from './labels.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

function RegionName({ code }: { code: string | null }) {
  const region = useRegion(code ?? undefined);
  if (!code) return <Typography.Text type="secondary">—</Typography.Text>;
  return <span title={code}>{region.data?.name ?? code}</span>;
}

const ACTION_COLORS: Record<string, string> = { insert: 'green', update: 'blue', delete: 'red', 'post.end': 'orange', 'auth.login_failed': 'red' };

/** Who did what to which record, when and from where: searchable, with before/after. */
export function AuditPage() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const audit = useQuery({
    queryKey: ['audit', filter, page],
    queryFn: ({ signal }) => api.get('/api/audit', { params: { query: { ...filter, ...page } }, signal }),
    placeholderData: keepPreviousData,
  });

  return (
    <div data-testid="audit-page">
      <div className="lz-page-title">
        <h1>{t('audit.title')}</h1>
      </div>
      <Card>
        <AuditFilters
          value={filter}
          onChange={(next) => {
            setFilter(next);
            setPage((p) => ({ ...p, page: 1 }));
          }}
        />
        {audit.isError ? (
          <ErrorResult error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <ResponsiveTable<AuditEntry>
            rowKey="id"
            size="middle"
            loading={audit.isFetching}
            dataSource={audit.data?.items}
            locale={{ emptyText: <EmptyState description={t('audit.empty')} /> }}
            expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} />, rowExpandable: (entry) => !!(entry.before || entry.after) }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: audit.data?.total ?? 0,
              showSizeChanger: true,
              pageSizeOptions: [20, 50, 100],
              showTotal: (total) => t('common.total', { count: total }),
              onChange: (p, pageSize) => setPage({ page: p, pageSize }),
            }}
            columns={[
              { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
              { title: t('audit.actor'), dataIndex: 'actorName', width: 200, ellipsis: true },
              { title: t('audit.action'), dataIndex: 'action', width: 150, render: (action: string) => <Tag color={ACTION_COLORS[action]}>{actionLabel(t, action)}</Tag> },
              {
                title: t('audit.entity'),
                key: 'entity',
                width: 160,
                render: (_, e) => (
                  <span>
                    {entityLabel(t, e.entity)}
                    {e.entityId && <Typography.Text type="secondary"> #{e.entityId}</Typography.Text>}
                  </span>
                ),
              },
              { title: t('audit.region'), dataIndex: 'regionCode', width: 140, render: (code: string | null) => <RegionName code={code} /> },
              { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
            ]}
          />
        )}
      </Card>
    </div>
  );
}

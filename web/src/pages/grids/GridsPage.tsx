import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useCan } from '../../app/auth.tsx';
import { EmptyState, ErrorResult } from '../../app/feedback.tsx';
import { formatNumber, Num } from '../../app/numbers.tsx';
import { areaColumns } from './AreaCells.tsx';
import { CreatePlanModal } from './CreatePlanModal.tsx';
import { PatrolRulesView } from './PatrolRulesView.tsx';
import { PlanStatusTag } from './PlanStatusTag.tsx';
import { usePlans } from './queries.ts';
import type { GridPlan } from './types.ts';
import './grids.css';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

const TABS = ['plans', 'rules'] as const;
type Tab = (typeof TABS)[number];

/** 网格方案: every yearly plan of the user's regions (drafts, the active one, the archive), and the patrol rules grids are held to. */
export function GridsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'plans';
  const plans = usePlans();
  const [creating, setCreating] = useState(false);
  const writable = can('grids.write');

  const when = (plan: GridPlan) => {
    if (plan.status === 'archived' && plan.archivedAt) return t('grids.archivedOn', { date: dayjs(plan.archivedAt).format('YYYY-MM-DD') });
    if (plan.status === 'active' && plan.activatedAt) return t('grids.activatedOn', { date: dayjs(plan.activatedAt).format('YYYY-MM-DD') });
    return t('grids.createdOn', { date: dayjs(plan.createdAt).format('YYYY-MM-DD') });
  };

  return (
    <div data-testid="grids-page">
      <div className="lz-page-title">
        <h1>{t('grids.title')}</h1>
        {writable && tab === 'plans' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create">
            {t('grids.create')}
          </Button>
        )}
      </div>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'plans' ? {} : { tab: key })}
        items={[
          {
            key: 'plans',
            label: t('grids.tabs.plans'),
            children: (
              <Card>
                {plans.isError ? (
                  <ErrorResult error={plans.error} onRetry={() => void plans.refetch()} />
                ) : (
                  <ResponsiveTable<GridPlan>
                    rowKey="id"
                    tableLayout="fixed"
                    scroll={{ x: 1000 }}
                    loading={plans.isPending}
                    dataSource={plans.data}
                    pagination={false}
                    locale={{
                      emptyText: (
                        <EmptyState description={t('grids.noPlans')}>
                          {writable && (
                            <Button type="primary" onClick={() => setCreating(true)}>
                              {t('grids.create')}
                            </Button>
                          )}
                        </EmptyState>
                      ),
                    }}
                    onRow={(plan) => ({ onClick: () => void navigate(`/grids/${plan.id}`), style: { cursor: 'pointer' }, 'data-testid': `plan-row-${plan.id}` }) as React.HTMLAttributes<HTMLElement>}
                    columns={[
                      {
                        title: t('grids.planName'),
                        dataIndex: 'name',
                        render: (name: string, plan) => (
                          <Space orientation="vertical" size={0} style={{ maxWidth: '100%' }}>
                            <Link to={`/grids/${plan.id}`} onClick={(e) => e.stopPropagation()} data-testid="plan-link">
                              {name}
                            </Link>
                            {plan.note && (
                              <Typography.Text type="secondary" ellipsis={{ tooltip: plan.note }} style={{ fontSize: 12, maxWidth: '100%' }}>
                                {plan.note}
                              </Typography.Text>
                            )}
                          </Space>
                        ),
                      },
                      { title: t('grids.region'), dataIndex: 'regionName', width: 110, ellipsis: true, render: (name: string | null, plan) => name ?? <span title={plan.regionCode}>{t('grids.upperRegion')}</span> },
                      { title: t('grids.year'), dataIndex: 'year', width: 80, align: 'right', render: (year: number) => <Num>{year}</Num> },
                      { title: t('grids.status.title'), dataIndex: 'status', width: 90, render: (_, plan) => <PlanStatusTag status={plan.status} /> },
                      { title: t('grids.gridCount'), dataIndex: 'gridCount', width: 90, align: 'right', render: (n: number) => <Num>{formatNumber(n)}</Num> },
                      ...areaColumns<GridPlan>(t, (plan) => plan.area, { mu: t('grids.totalAreaMu'), ha: t('grids.totalAreaHa') }, 150),
                      { title: t('grids.when'), key: 'when', width: 160, render: (_, plan) => <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>{when(plan)}</Typography.Text> },
                    ]}
                  />
                )}
              </Card>
            ),
          },
          { key: 'rules', label: t('grids.tabs.rules'), children: <PatrolRulesView /> },
        ]}
      />
      {creating && (
        <CreatePlanModal
          onClose={() => setCreating(false)}
          onCreated={(plan) => {
            setCreating(false);
            void navigate(`/grids/${plan.id}`);
          }}
        />
      )}
    </div>
  );
}

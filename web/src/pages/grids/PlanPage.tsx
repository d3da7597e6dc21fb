import { ArrowLeftOutlined, CheckCircleOutlined, DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Skeleton, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { ErrorResult } from '../../app/feedback.tsx';
import { formatNumber, Num } from '../../app/numbers.tsx';
import { ActivatePlanModal } from './ActivatePlanModal.tsx';
import { GridArea } from './AreaCells.tsx';
import { EditPlanModal } from './EditPlanModal.tsx';
import { GridsTable } from './GridsTable.tsx';
import { PlanComparisonView } from './PlanComparisonView.tsx';
import { PlanStatusTag } from './PlanStatusTag.tsx';
import { useDeletePlan, usePlan, usePlans } from './queries.ts';
import { UnassignedView } from './UnassignedView.tsx';
import './grids.css';

type Tab = 'grids' | 'compare' | 'unassigned';

/** One grid plan: its grids and rangers, how it differs from the active plan, and activating it. */
export function PlanPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().planId);
  const plan = usePlan(id);
  const plans = usePlans();
  const remove = useDeletePlan(id);
  const [params, setParams] = useSearchParams();
  const [dialog, setDialog] = useState<'activate' | 'edit' | null>(null);

  const back = (
    <Link to="/grids">
      <Button type="text" icon={<ArrowLeftOutlined />}>
        {t('grids.backToList')}
      </Button>
    </Link>
  );
  if (plan.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 5 }} />
      </Card>
    );
  }
  if (plan.isError) {
    return (
      <>
        {back}
        <ErrorResult error={plan.error} onRetry={() => void plan.refetch()} />
      </>
    );
  }
  const p = plan.data;
  const writable = can('grids.write');
  const draft = p.status === 'draft';
  const basedOn = plans.data?.find((other) => other.id === p.basedOnPlanId);
  const tabs: Tab[] = ['grids', ...(p.status !== 'active' ? (['compare'] as const) : []), ...(can('people.read') && p.status !== 'archived' ? (['unassigned'] as const) : [])];
  const requested = params.get('tab') as Tab | null;
  const tab: Tab = requested && tabs.includes(requested) ? requested : 'grids';

  const onDelete = async () => {
    try {
      await remove.mutateAsync();
      message.success(t('grids.deleted', { name: p.name }));
      void navigate('/grids');
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <div data-testid="plan-page">
      <div style={{ marginBottom: 8, marginLeft: -8 }}>{back}</div>
      <Card style={{ marginBottom: 16 }}>
        <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', justifyContent: 'space-between', flexWrap: 'wrap' }}>
          <Space align="center" size={12} wrap style={{ minWidth: 0 }}>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="plan-title">
              {p.name}
            </Typography.Title>
            <span data-testid="plan-status">
              <PlanStatusTag status={p.status} />
            </span>
          </Space>
          {writable && draft && (
            <Space wrap>
              <Button icon={<EditOutlined />} onClick={() => setDialog('edit')} data-testid="plan-edit">
                {t('grids.editPlan')}
              </Button>
              <Popconfirm
                title={t('grids.deleteConfirmTitle')}
                description={t('grids.deleteConfirm', { count: p.gridCount })}
                okText={t('grids.delete')}
                okButtonProps={{ danger: true, loading: remove.isPending }}
                cancelText={t('common.cancel')}
                onConfirm={() => void onDelete()}
              >
                <Button danger icon={<DeleteOutlined />} data-testid="plan-delete">
                  {t('grids.delete')}
                </Button>
              </Popconfirm>
              <Button type="primary" icon={<CheckCircleOutlined />} onClick={() => setDialog('activate')} data-testid="plan-activate">
                {t('grids.activate')}
              </Button>
            </Space>
          )}
        </div>
        {p.status === 'archived' && (
          <Alert
            type="info"
            className="lz-notice"
            showIcon
            style={{ marginTop: 16 }}
            title={t('grids.archivedNotice', { date: p.archivedAt ? dayjs(p.archivedAt).format('YYYY-MM-DD') : '—' })}
            data-testid="plan-archived-notice"
          />
        )}
        <Descriptions
          style={{ marginTop: 16 }}
          column={{ xs: 1, md: 2, xl: 3 }}
          size="small"
          items={[
            { key: 'region', label: t('grids.region'), children: p.regionName ?? <span title={p.regionCode}>{t('grids.upperRegion')}</span> },
            { key: 'year', label: t('grids.year'), children: <Num>{p.year}</Num> },
            { key: 'count', label: t('grids.gridCount'), children: <Num>{t('grids.gridCountValue', { count: p.gridCount, formatted: formatNumber(p.gridCount) })}</Num> },
            { key: 'area', label: t('grids.totalArea'), children: <GridArea area={p.area} /> },
            { key: 'basedOn', label: t('grids.basedOn'), children: basedOn ? <Link to={`/grids/${basedOn.id}`}>{basedOn.name}</Link> : p.basedOnPlanId ? `#${p.basedOnPlanId}` : t('grids.basedOnNone') },
            {
              key: 'dates',
              label: t('grids.dates'),
              children: [
                t('grids.createdOn', { date: dayjs(p.createdAt).format('YYYY-MM-DD') }),
                p.activatedAt && t('grids.activatedOn', { date: dayjs(p.activatedAt).format('YYYY-MM-DD') }),
                p.archivedAt && t('grids.archivedOn', { date: dayjs(p.archivedAt).format('YYYY-MM-DD') }),
              ]
                .filter(Boolean)
                .join('，'),
            },
            ...(p.note ? [{ key: 'note', label: t('grids.note'), span: 'filled' as const, children: p.note }] : []),
          ]}
        />
        {p.regionName === null && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="plan-partial">
            {t('grids.partialPlan')}
          </Typography.Text>
        )}
      </Card>
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === 'grids' ? {} : { tab: key }, { replace: true })}
          items={tabs.map((key) => ({
            key,
            label: <span data-testid={`plan-tab-${key}`}>{t(`grids.tabs.${key}`)}</span>,
            children:
              key === 'grids' ? <GridsTable plan={p} /> : key === 'compare' ? <PlanComparisonView plan={p} onActivate={writable && draft ? () => setDialog('activate') : undefined} /> : <UnassignedView plan={p} />,
          }))}
        />
      </Card>
      {dialog === 'activate' && <ActivatePlanModal plan={p} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <EditPlanModal plan={p} onClose={() => setDialog(null)} />}
    </div>
  );
}

import { Button, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/auth.tsx';
import { BlockSpin, EmptyState, ErrorResult } from '../../app/feedback.tsx';
import { formatNumber } from '../../app/numbers.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { areaColumns } from './AreaCells.tsx';
import { AssignRangerModal } from './AssignRangerModal.tsx';
import { useUnassigned } from './queries.ts';
import type { Grid, GridPlan, GridRef, Ranger } from './types.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

/** The office's two gap lists for a plan: grids nobody guards, and rangers in post who guard nothing. */
export function UnassignedView({ plan }: { plan: GridPlan }) {
  const { t } = useTranslation();
  const can = useCan();
  const [regionCode, setRegionCode] = useState<string | undefined>();
  const lists = useUnassigned(plan.id, regionCode);
  const [assigning, setAssigning] = useState<Grid | null>(null);
  const editable = can('grids.write') && plan.status !== 'archived';

  // The list gives a grid reference; the modal needs the grid as the grid list shows it.
  const asGrid = (g: GridRef): Grid => ({
    id: g.id,
    planId: plan.id,
    planStatus: plan.status,
    regionCode: g.regionCode,
    regionName: '',
    code: g.code,
    name: g.name,
    area: g.area,
    ranger: null,
    patrolRule: null,
    note: null,
    updatedAt: plan.updatedAt,
  });

  return (
    <div data-testid="plan-unassigned">
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <RegionTreeSelect value={regionCode} onChange={setRegionCode} placeholder={t('grids.filterRegion')} allowClear style={{ width: 240 }} data-testid="unassigned-filter-region" />
      </Space>
      {lists.isPending && <BlockSpin />}
      {lists.isError && <ErrorResult error={lists.error} onRetry={() => void lists.refetch()} compact />}
      {lists.data && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={13}>
            <Card
              size="small"
              title={
                <Space>
                  {t('grids.gridsWithoutRanger')}
                  <Tag color={lists.data.gridsWithoutRanger.length ? 'orange' : 'green'}>{formatNumber(lists.data.gridsWithoutRanger.length)}</Tag>
                </Space>
              }
              data-testid="grids-without-ranger"
            >
              <ResponsiveTable<GridRef>
                size="small"
                rowKey="id"
                dataSource={lists.data.gridsWithoutRanger}
                pagination={lists.data.gridsWithoutRanger.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                locale={{ emptyText: <EmptyState description={t('grids.everyGridHasRanger')} /> }}
                columns={[
                  { title: t('grids.gridCode'), dataIndex: 'code', width: 150 },
                  { title: t('grids.gridName'), dataIndex: 'name' },
                  ...areaColumns<GridRef>(t, (g) => g.area, undefined, 110),
                  ...(editable
                    ? [
                        {
                          title: t('common.actions'),
                          key: 'actions',
                          width: 90,
                          render: (_: unknown, g: GridRef) => (
                            <Button type="link" size="small" onClick={() => setAssigning(asGrid(g))}>
                              {t('grids.assignRanger')}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} xl={11}>
            <Card
              size="small"
              title={
                <Space>
                  {t('grids.rangersWithoutGrid')}
                  <Tag color={lists.data.rangersWithoutGrid.length ? 'orange' : 'green'}>{formatNumber(lists.data.rangersWithoutGrid.length)}</Tag>
                </Space>
              }
              data-testid="rangers-without-grid"
            >
              <ResponsiveTable<Ranger>
                size="small"
                rowKey="postId"
                dataSource={lists.data.rangersWithoutGrid}
                pagination={lists.data.rangersWithoutGrid.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                locale={{ emptyText: <EmptyState description={t('grids.everyRangerHasGrid')} /> }}
                columns={[
                  { title: t('grids.rangerName'), dataIndex: 'name', width: 110, render: (name: string, r) => <Link to={`/people/${r.personId}`}>{name}</Link> },
                  { title: t('grids.rangerRegion'), dataIndex: 'regionName', ellipsis: true },
                  {
                    title: t('grids.rangerStatus'),
                    dataIndex: 'active',
                    width: 90,
                    render: (active: boolean) => (active ? <Tag color="green">{t('grids.inPost')}</Tag> : <Tag>{t('grids.rangerLeft')}</Tag>),
                  },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '8px 0 0' }}>
                {t('grids.rangersWithoutGridHint')}
              </Typography.Paragraph>
            </Card>
          </Col>
        </Row>
      )}
      {assigning && <AssignRangerModal grid={assigning} onClose={() => setAssigning(null)} />}
    </div>
  );
}

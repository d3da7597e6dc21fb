import { Button, Checkbox, Popconfirm, Space, Tag, Typography, App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { EmptyState, ErrorResult } from '../../app/feedback.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { areaColumns } from './AreaCells.tsx';
import { AssignRangerModal } from './AssignRangerModal.tsx';
import { GridDrawer } from './GridDrawer.tsx';
import { useGrids, useUnassignRanger, type GridFilter } from './queries.ts';
import type { Grid, GridPlan } from './types.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

const PAGE_SIZES = [20, 50, 100];

/** The grids of a plan, filtered by region subtree and by "without ranger", with their rangers. */
export function GridsTable({ plan }: { plan: GridPlan }) {
  const { t } = useTranslation();
  const can = useCan();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<GridFilter>({ page: 1, pageSize: 20 });
  const grids = useGrids(plan.id, filter);
  const unassign = useUnassignRanger();
  const [opened, setOpened] = useState<number | undefined>();
  const [assigning, setAssigning] = useState<Grid | null>(null);
  const editable = can('grids.write') && plan.status !== 'archived';
  const filtered = !!(filter.regionCode || filter.withoutRanger);
  const update = (changes: Partial<GridFilter>) => setFilter((f) => ({ ...f, page: 1, ...changes }));

  const onUnassign = async (grid: Grid) => {
    try {
      await unassign.mutateAsync(grid.id);
      message.success(t('grids.unassigned', { grid: grid.name }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <div data-testid="plan-grids">
      <Space wrap size={12} style={{ marginBottom: 16 }}>
        <RegionTreeSelect value={filter.regionCode} onChange={(regionCode) => update({ regionCode })} placeholder={t('grids.filterRegion')} allowClear style={{ width: 240 }} data-testid="grids-filter-region" />
        <Checkbox checked={!!filter.withoutRanger} onChange={(e) => update({ withoutRanger: e.target.checked })} data-testid="grids-filter-without-ranger">
          {t('grids.filterWithoutRanger')}
        </Checkbox>
      </Space>
      {grids.isError ? (
        <ErrorResult error={grids.error} onRetry={() => void grids.refetch()} compact />
      ) : (
        <ResponsiveTable<Grid>
          rowKey="id"
          size="middle"
          loading={grids.isFetching}
          dataSource={grids.data?.items}
          scroll={{ x: 960 }}
          locale={{
            emptyText: filtered ? (
              <EmptyState description={filter.withoutRanger ? t('grids.allHaveRangers') : t('grids.noMatch')}>
                <Button onClick={() => setFilter({ page: 1, pageSize: filter.pageSize })}>{t('grids.clearFilters')}</Button>
              </EmptyState>
            ) : (
              <EmptyState description={plan.status === 'draft' ? t('grids.noGridsDraft') : t('grids.noGrids')} />
            ),
          }}
          onRow={(grid) => ({ onClick: () => setOpened(grid.id), style: { cursor: 'pointer' }, 'data-testid': `grid-row-${grid.code}` }) as React.HTMLAttributes<HTMLElement>}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: grids.data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total }),
            onChange: (page, pageSize) => setFilter((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            { title: t('grids.gridCode'), dataIndex: 'code', width: 170, render: (code: string) => <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{code}</Typography.Text> },
            { title: t('grids.gridName'), dataIndex: 'name', ellipsis: true },
            { title: t('grids.village'), dataIndex: 'regionName', width: 150, ellipsis: true },
            {
              title: t('grids.ranger'),
              key: 'ranger',
              width: 150,
              render: (_, grid) =>
                grid.ranger ? (
                  <Space size={4}>
                    <span data-testid="grid-ranger">{grid.ranger.name}</span>
                    {!grid.ranger.active && <Tag color="red">{t('grids.rangerLeft')}</Tag>}
                  </Space>
                ) : (
                  <Tag color="orange" data-testid="grid-ranger">
                    {t('grids.noRanger')}
                  </Tag>
                ),
            },
            ...areaColumns<Grid>(t, (g) => g.area),
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 170,
                    render: (_: unknown, grid: Grid) => (
                      <Space size={0} onClick={(e) => e.stopPropagation()}>
                        <Button type="link" size="small" onClick={() => setAssigning(grid)} data-testid="grid-assign">
                          {grid.ranger ? t('grids.changeRanger') : t('grids.assignRanger')}
                        </Button>
                        {grid.ranger && (
                          <Popconfirm
                            title={t('grids.unassignConfirm', { ranger: grid.ranger.name, grid: grid.name })}
                            okText={t('grids.unassign')}
                            cancelText={t('common.cancel')}
                            okButtonProps={{ danger: true }}
                            onConfirm={() => void onUnassign(grid)}
                          >
                            <Button type="link" size="small" danger data-testid="grid-unassign">
                              {t('grids.unassign')}
                            </Button>
                          </Popconfirm>
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      <GridDrawer gridId={opened} onClose={() => setOpened(undefined)} onAssign={editable ? (grid) => setAssigning(grid) : undefined} />
      {assigning && <AssignRangerModal grid={assigning} onClose={() => setAssigning(null)} />}
    </div>
  );
}

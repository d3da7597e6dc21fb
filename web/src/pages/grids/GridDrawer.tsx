import { Alert, Button, Descriptions, Divider, Drawer, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../app/auth.tsx';
import { ErrorResult } from '../../app/feedback.tsx';
import { BoundaryOutline } from '../regions/BoundaryOutline.tsx';
import { GridArea } from './AreaCells.tsx';
import { PlanStatusTag } from './PlanStatusTag.tsx';
import { useGrid } from './queries.ts';
import { formatLength } from './rule-text.ts';
import { RuleSummary } from './RuleSummary.tsx';
import type { Grid, KeyRouteRef, RiskAreaRef } from './types.ts';
import './grids.css';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

/** Key risk areas grouped by kind (农林交错区, 墓区 …), largest group first. */
function byKind(areas: RiskAreaRef[]): Array<{ kind: string; name: string; items: RiskAreaRef[] }> {
  const groups = new Map<string, { kind: string; name: string; items: RiskAreaRef[] }>();
  for (const area of areas) {
    const group = groups.get(area.kind) ?? { kind: area.kind, name: area.kindName ?? area.kind, items: [] };
    group.items.push(area);
    groups.set(area.kind, group);
  }
  return [...groups.values()].sort((a, b) => b.items.length - a.items.length);
}

/**
 * One grid as its ranger and the office need it: where and how big, who guards it, the key risk
 * areas and routes inside it, and the patrol requirement in force with the rule's source.
 */
export function GridDrawer({ gridId, onClose, onAssign }: { gridId: number | undefined; onClose: () => void; onAssign?: (grid: Grid) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const grid = useGrid(gridId);
  const g = grid.data;

  return (
    <Drawer
      open={gridId !== undefined}
      onClose={onClose}
      size={600}
      destroyOnHidden
      className="lz-grid-drawer"
      title={g ? `${g.name}（${g.code}）` : t('grids.grid')}
      extra={
        g &&
        onAssign &&
        g.planStatus !== 'archived' && (
          <Button onClick={() => onAssign(g)} data-testid="drawer-assign">
            {g.ranger ? t('grids.changeRanger') : t('grids.assignRanger')}
          </Button>
        )
      }
    >
      <div data-testid="grid-drawer">
        {grid.isPending && <Skeleton active paragraph={{ rows: 8 }} />}
        {grid.isError && <ErrorResult error={grid.error} onRetry={() => void grid.refetch()} compact />}
        {g && (
          <>
            <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
              <Descriptions
                size="small"
                column={1}
                style={{ flex: 1, minWidth: 0 }}
                items={[
                  { key: 'code', label: t('grids.gridCode'), children: g.code },
                  { key: 'village', label: t('grids.village'), children: g.regionName },
                  {
                    key: 'plan',
                    label: t('grids.plan'),
                    children: (
                      <Space size={6} wrap>
                        <span>{g.plan.name}</span>
                        <PlanStatusTag status={g.plan.status} />
                      </Space>
                    ),
                  },
                  { key: 'area', label: t('grids.area'), children: <span data-testid="drawer-area"><GridArea area={g.area} strong /></span> },
                  {
                    key: 'ranger',
                    label: t('grids.ranger'),
                    children: g.ranger ? (
                      <Space size={6} wrap data-testid="drawer-ranger">
                        {can('people.read') ? <Link to={`/people/${g.ranger.personId}`}>{g.ranger.name}</Link> : <span>{g.ranger.name}</span>}
                        <Typography.Text type="secondary">{g.ranger.regionName}</Typography.Text>
                        {!g.ranger.active && <Tag color="red">{t('grids.rangerLeft')}</Tag>}
                      </Space>
                    ) : (
                      <Tag color="orange" data-testid="drawer-ranger">
                        {t('grids.noRanger')}
                      </Tag>
                    ),
                  },
                  ...(g.note ? [{ key: 'note', label: t('grids.note'), children: g.note }] : []),
                ]}
              />
              <BoundaryOutline geometry={g.geometry} label={g.name} size={120} />
            </div>

            <Divider titlePlacement="start" style={{ marginTop: 20 }}>
              {t('grids.patrolRequirement')}
            </Divider>
            <RuleSummary rules={g.patrolRules} />
            {g.patrolRule && <Alert type="info" className="lz-notice" showIcon style={{ marginTop: 8 }} title={t('grids.rule.gridOverride')} />}

            <Divider titlePlacement="start">{t('grids.riskAreasTitle', { count: g.riskAreas.length })}</Divider>
            {g.riskAreas.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('grids.noRiskAreas')} />
            ) : (
              <Space orientation="vertical" size={10} style={{ width: '100%' }} data-testid="drawer-risk-areas">
                {byKind(g.riskAreas).map((group) => (
                  <div key={group.kind}>
                    <Space size={6} style={{ marginBottom: 4 }}>
                      <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
                        {group.name}
                      </Tag>
                      <Typography.Text type="secondary">{t('grids.placesCount', { count: group.items.length })}</Typography.Text>
                    </Space>
                    <div style={{ paddingInlineStart: 4, lineHeight: 1.8 }}>{group.items.map((a) => a.name).join('、')}</div>
                  </div>
                ))}
              </Space>
            )}

            <Divider titlePlacement="start">{t('grids.keyRoutesTitle', { count: g.keyRoutes.length })}</Divider>
            {g.keyRoutes.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('grids.noKeyRoutes')} />
            ) : (
              <ResponsiveTable<KeyRouteRef>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={g.keyRoutes}
                data-testid="drawer-key-routes"
                columns={[
                  { title: t('grids.routeName'), dataIndex: 'name', ellipsis: true },
                  { title: t('grids.routeInGrid'), dataIndex: 'lengthInGridM', align: 'right', width: 130, render: (m: number) => formatLength(t, m) },
                  { title: t('grids.routeLength'), dataIndex: 'lengthM', align: 'right', width: 110, render: (m: number) => formatLength(t, m) },
                ]}
              />
            )}
          </>
        )}
      </div>
    </Drawer>
  );
}

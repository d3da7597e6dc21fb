import { ArrowRightOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Collapse, Row, Space, Statistic, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BlockSpin, EmptyState, ErrorResult } from '../../app/feedback.tsx';
import { formatHa, formatMu, formatNumber, Num, type Area } from '../../app/numbers.tsx';
import { areaColumns } from './AreaCells.tsx';
import { ProblemList } from './ProblemList.tsx';
import { useComparison } from './queries.ts';
import type { ChangedGrid, GridPlan, GridRef, RangerRef } from './types.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

const signed = (value: number, format: (n: number) => string) => (value > 0 ? `+${format(value)}` : value < 0 ? `−${format(-value)}` : format(0));

/** 亩 above, 公顷 below, right-aligned. */
function StackedArea({ area, sign }: { area: Area; sign?: boolean }) {
  const { t } = useTranslation();
  const colour = sign ? (area.mu > 0 ? '#2f6b3a' : area.mu < 0 ? '#b42318' : undefined) : undefined;
  return (
    <div style={{ textAlign: 'right', lineHeight: 1.35 }}>
      <Num style={{ color: colour }}>{sign ? signed(area.mu, formatMu) : formatMu(area.mu)}</Num>
      <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
        <Num unit={t('grids.units.ha')}>{sign ? signed(area.ha, formatHa) : formatHa(area.ha)}</Num>
      </div>
    </div>
  );
}

function RangerChange({ before, after, changed }: { before: RangerRef | null; after: RangerRef | null; changed: boolean }) {
  const { t } = useTranslation();
  const name = (r: RangerRef | null) => r?.name ?? <Typography.Text type="warning">{t('grids.noRanger')}</Typography.Text>;
  if (!changed) return <span>{name(after)}</span>;
  return (
    <Space size={6}>
      <Typography.Text type="secondary" delete>
        {name(before)}
      </Typography.Text>
      <ArrowRightOutlined style={{ fontSize: 11, color: 'rgba(0,0,0,0.45)' }} />
      <Typography.Text strong>{name(after)}</Typography.Text>
    </Space>
  );
}

/**
 * The draft (or an archived plan) against the region's active plan, grid by grid: what is added,
 * removed and changed, the totals, and — first, because they decide whether it can be activated —
 * the blocking problems; warnings that do not block come last.
 */
export function PlanComparisonView({ plan, onActivate }: { plan: GridPlan; onActivate?: () => void }) {
  const { t } = useTranslation();
  const comparison = useComparison(plan.id);
  if (comparison.isPending) return <BlockSpin minHeight={240} />;
  if (comparison.isError) return <ErrorResult error={comparison.error} onRetry={() => void comparison.refetch()} compact />;
  const c = comparison.data;
  const blocking = c.problems.filter((p) => p.blocking);
  const warnings = c.problems.filter((p) => !p.blocking);
  const areaDiff: Area = { mu: c.totals.plan.area.mu - c.totals.active.area.mu, ha: c.totals.plan.area.ha - c.totals.active.area.ha };
  const countDiff = c.totals.plan.gridCount - c.totals.active.gridCount;

  const refColumns = [
    { title: t('grids.gridCode'), dataIndex: 'code', width: 170 },
    { title: t('grids.gridName'), dataIndex: 'name' },
    ...areaColumns<GridRef>(t, (g) => g.area),
    { title: t('grids.ranger'), dataIndex: 'rangerName', width: 120, render: (name: string | null) => name ?? <Typography.Text type="warning">{t('grids.noRanger')}</Typography.Text> },
  ];

  const section = (key: string, title: string, count: number, content: ReactNode) => ({
    key,
    label: (
      <Space>
        <Typography.Text strong>{title}</Typography.Text>
        <Tag style={{ marginInlineEnd: 0 }}>{formatNumber(count)}</Tag>
      </Space>
    ),
    children: content,
    collapsible: count === 0 ? ('disabled' as const) : undefined,
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="plan-compare">
      {blocking.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={<Typography.Text strong>{t('grids.blockingTitle', { count: blocking.length })}</Typography.Text>}
          description={<ProblemList problems={blocking} />}
          data-testid="compare-blocking"
        />
      ) : (
        plan.status === 'draft' && (
          <Alert
            type="success"
            showIcon
            icon={<CheckCircleOutlined />}
            title={t('grids.noBlocking')}
            action={
              onActivate && (
                <Button type="primary" onClick={onActivate} data-testid="compare-activate">
                  {t('grids.activate')}
                </Button>
              )
            }
            data-testid="compare-ok"
          />
        )
      )}
      {!c.active && <Alert type="info" className="lz-notice" showIcon title={t('grids.noActivePlan')} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ResponsiveTable
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            data-testid="compare-totals"
            dataSource={[
              { key: 'count', label: t('grids.gridCount'), before: formatNumber(c.totals.active.gridCount), after: formatNumber(c.totals.plan.gridCount), diff: signed(countDiff, (n) => formatNumber(n)) },
              { key: 'mu', label: t('grids.totalAreaMu'), before: formatMu(c.totals.active.area.mu), after: formatMu(c.totals.plan.area.mu), diff: signed(areaDiff.mu, formatMu) },
              { key: 'ha', label: t('grids.totalAreaHa'), before: formatHa(c.totals.active.area.ha), after: formatHa(c.totals.plan.area.ha), diff: signed(areaDiff.ha, formatHa) },
            ]}
            columns={[
              { title: t('grids.totals'), dataIndex: 'label' },
              { title: c.active ? t('grids.activePlanColumn', { year: c.active.year }) : t('grids.activePlanNone'), dataIndex: 'before', align: 'right', render: (v: string) => <Num>{v}</Num> },
              { title: t('grids.thisPlanColumn', { year: plan.year }), dataIndex: 'after', align: 'right', render: (v: string) => <Num strong>{v}</Num> },
              { title: t('grids.difference'), dataIndex: 'diff', align: 'right', render: (v: string) => <Num>{v}</Num> },
            ]}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Row gutter={[12, 12]}>
            {[
              { key: 'added', value: c.added.length, colour: '#2f6b3a' },
              { key: 'removed', value: c.removed.length, colour: '#b42318' },
              { key: 'changed', value: c.changed.length, colour: '#b76e00' },
              { key: 'unchanged', value: c.unchangedCount, colour: 'rgba(0,0,0,0.65)' },
            ].map((s) => (
              <Col span={12} key={s.key}>
                <div className="lz-stat-box" data-testid={`compare-count-${s.key}`}>
                  <Statistic title={t(`grids.compare.${s.key as 'added'}`)} value={s.value} formatter={(v) => formatNumber(Number(v))} styles={{ content: { color: s.colour, fontSize: 22 } }} suffix={t('grids.gridsUnit')} />
                </div>
              </Col>
            ))}
          </Row>
        </Col>
      </Row>

      {c.added.length + c.removed.length + c.changed.length === 0 ? (
        <EmptyState description={t('grids.compare.identical', { count: c.unchangedCount })} />
      ) : (
        <Collapse
          defaultActiveKey={[c.changed.length ? 'changed' : c.added.length ? 'added' : 'removed']}
          items={[
            section(
              'changed',
              t('grids.compare.changedTitle'),
              c.changed.length,
              <ResponsiveTable<ChangedGrid>
                size="small"
                rowKey="code"
                dataSource={c.changed}
                pagination={c.changed.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
                scroll={{ x: 980 }}
                data-testid="compare-changed"
                columns={[
                  { title: t('grids.gridCode'), dataIndex: 'code', width: 160, fixed: 'left' },
                  { title: t('grids.gridName'), dataIndex: 'name', width: 140 },
                  {
                    title: t('grids.compare.what'),
                    key: 'what',
                    width: 150,
                    render: (_, g) => (
                      <Space size={[4, 4]} wrap>
                        {g.geometryChanged && <Tag color="orange">{t('grids.compare.boundary')}</Tag>}
                        {g.rangerChanged && <Tag color="blue">{t('grids.compare.rangerTag')}</Tag>}
                        {g.nameChanged && <Tag>{t('grids.compare.name')}</Tag>}
                        {g.regionChanged && <Tag>{t('grids.compare.region')}</Tag>}
                      </Space>
                    ),
                  },
                  { title: t('grids.compare.areaBefore'), key: 'before', align: 'right', width: 120, render: (_, g) => <StackedArea area={g.areaBefore} /> },
                  { title: t('grids.compare.areaAfter'), key: 'after', align: 'right', width: 120, render: (_, g) => <StackedArea area={g.areaAfter} /> },
                  {
                    title: t('grids.compare.areaDiff'),
                    key: 'diff',
                    align: 'right',
                    width: 120,
                    render: (_, g) => <StackedArea sign area={{ mu: g.areaAfter.mu - g.areaBefore.mu, ha: g.areaAfter.ha - g.areaBefore.ha }} />,
                  },
                  { title: t('grids.compare.changedArea'), key: 'changed', align: 'right', width: 130, render: (_, g) => (g.geometryChanged ? <StackedArea area={g.changedArea} /> : '—') },
                  { title: t('grids.ranger'), key: 'ranger', width: 170, render: (_, g) => <RangerChange before={g.rangerBefore} after={g.rangerAfter} changed={g.rangerChanged} /> },
                ]}
              />,
            ),
            section('added', t('grids.compare.addedTitle'), c.added.length, <ResponsiveTable<GridRef> size="small" rowKey="id" dataSource={c.added} pagination={c.added.length > 20 ? { pageSize: 20 } : false} columns={refColumns} data-testid="compare-added" />),
            section('removed', t('grids.compare.removedTitle'), c.removed.length, <ResponsiveTable<GridRef> size="small" rowKey="id" dataSource={c.removed} pagination={c.removed.length > 20 ? { pageSize: 20 } : false} columns={refColumns} data-testid="compare-removed" />),
          ]}
        />
      )}
      {c.changed.length > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('grids.compare.changedAreaHint')}</Typography.Text>}

      {warnings.length > 0 && (
        <Alert type="warning" showIcon title={t('grids.warningsTitle', { count: warnings.length })} description={<ProblemList problems={warnings} limit={5} />} data-testid="compare-warnings" />
      )}
    </Space>
  );
}

import { FileExcelOutlined, InfoCircleOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Collapse, Empty, Row, Skeleton, Space, Tabs, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api.ts';
import { ErrorResult } from '../../app/feedback.tsx';
import { formatHa, formatM3, formatMu, formatNumber, Num, type Area } from '../../app/numbers.tsx';
import { AgeGroupChart, GradeChart, SpeciesChart } from './charts.tsx';
import { Definitions } from './Definitions.tsx';
import { useExportResourceList, useRefreshResourceList, useResourceList } from './queries.ts';
import type { Breakdown, ResourceList, Subject } from './types.ts';
import { ResponsiveTable } from '../../app/ResponsiveTable.tsx';

type FigureKey = 'totalLand' | 'forestLand' | 'forest' | 'coverage' | 'stock' | 'natural' | 'publicWelfare' | 'subCompartments';

function Figure({ id, label, definition, value, unit, sub, note, main }: { id: FigureKey; label: string; definition: string; value: string; unit: string; sub?: ReactNode; note?: ReactNode; main?: boolean }) {
  return (
    <div className={main ? 'lz-figure lz-figure-main' : 'lz-figure'} data-testid={`figure-${id}`}>
      <div className="lz-figure-label">
        <span>{label}</span>
        <Tooltip title={definition}>
          <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.35)', cursor: 'help' }} aria-label={definition} />
        </Tooltip>
      </div>
      <div className="lz-figure-value">
        <span data-testid={`figure-${id}-value`}>{value}</span>
        {unit && ' '}
        {unit && <span className="lz-figure-unit">{unit}</span>}
      </div>
      {sub && <div className="lz-figure-sub">{sub}</div>}
      {note && <div className="lz-figure-note">{note}</div>}
    </div>
  );
}

/** Area figure: 公顷 large (the statistical unit), 亩 beneath. */
function areaFigure(t: TFunction, area: Area) {
  return { value: formatHa(area.ha), unit: t('resources.units.ha'), sub: <Num unit={t('resources.units.mu')}>{formatMu(area.mu)}</Num> };
}

function BreakdownTable({ rows, total, testId, codeTitle }: { rows: Breakdown[]; total?: Area; testId: string; codeTitle: string }) {
  const { t } = useTranslation();
  const sum = total?.ha ?? rows.reduce((s, r) => s + r.area.ha, 0);
  return (
    <ResponsiveTable<Breakdown>
      size="small"
      rowKey={(r) => r.code ?? r.name}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 640 }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resources.noBreakdown')} /> }}
      data-testid={testId}
      columns={[
        { title: codeTitle, dataIndex: 'name', width: 160, render: (name: string, r) => (r.code === null ? <Typography.Text type="secondary">{name}</Typography.Text> : name) },
        { title: t('resources.table.areaHa'), key: 'ha', align: 'right', width: 130, render: (_, r) => <Num>{formatHa(r.area.ha)}</Num> },
        { title: t('resources.table.areaMu'), key: 'mu', align: 'right', width: 130, render: (_, r) => <Num>{formatMu(r.area.mu)}</Num> },
        { title: t('resources.table.share'), key: 'share', align: 'right', width: 80, render: (_, r) => <Num>{sum > 0 ? `${formatNumber((r.area.ha / sum) * 100, 1)}%` : '—'}</Num> },
        { title: t('resources.table.stock'), dataIndex: 'stockM3', align: 'right', width: 130, render: (v: number) => <Num>{formatM3(v)}</Num> },
        { title: t('resources.table.count'), dataIndex: 'subCompartments', align: 'right', width: 80, render: (v: number) => <Num>{formatNumber(v)}</Num> },
      ]}
    />
  );
}

/** A chart in a card titled with the breakdown's name and, on hover, its definition. */
function ChartCard({ title, hint, empty, children }: { title: string; hint: string; empty: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        <Space size={6}>
          {title}
          <Tooltip title={hint}>
            <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.35)', cursor: 'help' }} />
          </Tooltip>
        </Space>
      }
      style={{ height: '100%' }}
      styles={{ body: { padding: '8px 12px' } }}
    >
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resources.noBreakdown')} /> : children}
    </Card>
  );
}

/** The figures of one resource list as a report, with charts, the computation time, recomputing and the Excel workbook. */
export function ResourceReport({ subject }: { subject: Subject }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useResourceList(subject);
  const refresh = useRefreshResourceList(subject);
  const excel = useExportResourceList(subject);

  if (list.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }
  if (list.isError) {
    return (
      <Card>
        <ErrorResult error={list.error} onRetry={() => void list.refetch()} compact />
      </Card>
    );
  }
  const r: ResourceList = list.data;
  const ages = [...r.byAgeGroup].sort((a, b) => (a.code ?? '~').localeCompare(b.code ?? '~', undefined, { numeric: true }));
  const isArea = r.subject.kind === 'responsibility_area';

  const onRefresh = async () => {
    try {
      await refresh.mutateAsync();
      message.success(t('resources.refreshed'));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };
  const onExcel = async () => {
    try {
      const name = await excel.mutateAsync(t('resources.excelName', { name: r.subject.name }));
      message.success(t('resources.downloading', { name }));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  const figures: Array<{ id: FigureKey; label: string; definition: string; value: string; unit: string; sub?: ReactNode; note?: ReactNode; main?: boolean }> = [
    { id: 'totalLand', label: t('resources.figures.totalLand'), definition: t('resources.defs.totalLand'), ...areaFigure(t, r.totalLandArea), note: t(`resources.basis.${r.totalLandArea.basis}`) },
    { id: 'forestLand', label: t('resources.figures.forestLand'), definition: t('resources.defs.forestLand'), ...areaFigure(t, r.forestLandArea) },
    { id: 'forest', label: t('resources.figures.forest'), definition: t('resources.defs.forest'), ...areaFigure(t, r.forestArea) },
    {
      id: 'coverage',
      label: t('resources.figures.coverage'),
      definition: t('resources.defs.coverage'),
      value: r.forestCoveragePercent === null ? '—' : formatNumber(r.forestCoveragePercent, 2),
      unit: r.forestCoveragePercent === null ? '' : '%',
      sub: t('resources.coverageFormula'),
      main: true,
    },
    { id: 'stock', label: t('resources.figures.stock'), definition: t('resources.defs.stock'), value: formatM3(r.stockVolumeM3), unit: t('resources.units.m3'), main: true },
    { id: 'natural', label: t('resources.figures.natural'), definition: t('resources.defs.natural'), ...areaFigure(t, r.naturalForestArea) },
    { id: 'publicWelfare', label: t('resources.figures.publicWelfare'), definition: t('resources.defs.publicWelfare'), ...areaFigure(t, r.publicWelfareForest.total) },
    {
      id: 'subCompartments',
      label: t('resources.figures.subCompartments'),
      definition: t('resources.defs.subCompartments'),
      value: formatNumber(r.subCompartmentCount),
      unit: t('resources.units.pieces'),
      sub: (
        <span>
          <Num unit={t('resources.units.ha')}>{formatHa(r.subCompartmentArea.ha)}</Num> · <Num unit={t('resources.units.mu')}>{formatMu(r.subCompartmentArea.mu)}</Num>
        </span>
      ),
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="resource-report">
      <Card>
        <div className="lz-report-head">
          <div style={{ minWidth: 0 }}>
            <h2 data-testid="resource-subject">{t('resources.reportTitle', { name: r.subject.name })}</h2>
            <Space size={[8, 4]} wrap style={{ marginTop: 6 }}>
              {isArea && r.subject.chief && <Tag color="green">{t('resources.chief', { name: r.subject.chief })}</Tag>}
              {isArea && <Tag>{r.subject.regionName}</Tag>}
              <Typography.Text type="secondary">{t(`resources.method.${r.method}`)}</Typography.Text>
            </Space>
            <div style={{ marginTop: 6 }}>
              <Typography.Text type="secondary" data-testid="resource-computed-at">
                {t('resources.computedAt', { time: dayjs(r.computedAt).format('YYYY-MM-DD HH:mm:ss') })}
              </Typography.Text>
            </div>
          </div>
          <Space wrap>
            <Button icon={<ReloadOutlined />} loading={refresh.isPending} onClick={() => void onRefresh()} data-testid="resources-refresh">
              {t('resources.refresh')}
            </Button>
            <Button type="primary" icon={<FileExcelOutlined />} loading={excel.isPending} onClick={() => void onExcel()} data-testid="resources-excel">
              {t('resources.exportExcel')}
            </Button>
          </Space>
        </div>
      </Card>

      <Row gutter={[12, 12]} data-testid="resource-figures">
        {figures.map((f) => (
          <Col key={f.id} xs={24} sm={12} xl={6}>
            <Figure {...f} />
          </Col>
        ))}
      </Row>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard title={t('resources.bySpecies')} hint={t('resources.defs.species')} empty={r.byDominantSpecies.length === 0}>
            <SpeciesChart rows={r.byDominantSpecies} />
          </ChartCard>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <ChartCard title={t('resources.byAgeGroup')} hint={t('resources.defs.age')} empty={ages.length === 0}>
            <AgeGroupChart rows={ages} />
          </ChartCard>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <ChartCard title={t('resources.byGrade')} hint={t('resources.defs.publicWelfare')} empty={r.publicWelfareForest.byGrade.length === 0}>
            <GradeChart rows={r.publicWelfareForest.byGrade} />
          </ChartCard>
        </Col>
      </Row>

      <Card title={t('resources.details')} styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          items={[
            { key: 'species', label: t('resources.bySpecies'), children: <BreakdownTable rows={r.byDominantSpecies} testId="table-species" codeTitle={t('resources.table.species')} /> },
            { key: 'age', label: t('resources.byAgeGroup'), children: <BreakdownTable rows={ages} testId="table-age" codeTitle={t('resources.table.ageGroup')} /> },
            {
              key: 'grades',
              label: t('resources.byGrade'),
              children: <BreakdownTable rows={r.publicWelfareForest.byGrade} total={r.publicWelfareForest.total} testId="table-grades" codeTitle={t('resources.table.grade')} />,
            },
          ]}
        />
      </Card>

      <Collapse items={[{ key: 'defs', label: t('resources.definitionsTitle'), children: <Definitions /> }]} data-testid="resource-definitions" />
    </Space>
  );
}

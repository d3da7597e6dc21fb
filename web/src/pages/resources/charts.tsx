import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, type GridComponentOption, type LegendComponentOption, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { formatAxis, formatHa, formatM3, formatMu, formatNumber } from '../../app/numbers.tsx';
import type { Breakdown } from './types.ts';

// Only what these charts use, so the resource-list chunk stays small; this file is reached only
// through the lazily loaded resource-list page.
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Option = ComposeOption<BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption>;

/** Forestry greens, darkest first, then muted companions for the long tail. */
export const PALETTE = ['#2f6b3a', '#4f8a4f', '#76a86a', '#9cc58c', '#c3dfb4', '#d9a441', '#8c6d46', '#5b8fa8', '#a3b8c2', '#b7a99a', '#7e9c7a', '#cdb97b', '#9aa58f'];

/** Bar labels: one decimal for large areas, two for small ones (a 0.03 ha stand is not 0.0). */
const barLabel = (ha: number) => formatNumber(ha, ha >= 100 ? 1 : 2);

const AXIS_LABEL = { color: 'rgba(0,0,0,0.65)', fontSize: 12 };

function useTooltip() {
  const { t } = useTranslation();
  return (row: Breakdown) =>
    [
      `<b>${row.name}</b>`,
      `${t('resources.chart.area')}：${formatHa(row.area.ha)} ${t('resources.units.ha')}（${formatMu(row.area.mu)} ${t('resources.units.mu')}）`,
      `${t('resources.chart.stock')}：${formatM3(row.stockM3)} ${t('resources.units.m3')}`,
      `${t('resources.chart.count')}：${formatNumber(row.subCompartments)}`,
    ].join('<br/>');
}

function Chart({ option, height, testId }: { option: Option; height: number; testId: string }) {
  return (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={{ animation: false, ...option }} notMerge lazyUpdate style={{ height, width: '100%' }} opts={{ renderer: 'canvas' }} />
    </div>
  );
}

/** Area by dominant species, largest first, as horizontal bars (names read left to right). */
export function SpeciesChart({ rows }: { rows: Breakdown[] }) {
  const { t } = useTranslation();
  const tooltip = useTooltip();
  const shown = [...rows].reverse();
  const option: Option = {
    grid: { left: 8, right: 64, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p) => tooltip(shown[(p as { dataIndex: number }).dataIndex]!) },
    xAxis: { type: 'value', name: t('resources.units.ha'), nameTextStyle: AXIS_LABEL, axisLabel: { ...AXIS_LABEL, hideOverlap: true, formatter: (v: number) => formatAxis(v) }, splitLine: { lineStyle: { color: '#eef1ec' } } },
    yAxis: { type: 'category', data: shown.map((r) => r.name), axisLabel: { ...AXIS_LABEL, width: 96, overflow: 'truncate' }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        data: shown.map((r) => Math.round(r.area.ha * 100) / 100),
        itemStyle: { color: PALETTE[0], borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 18,
        label: { show: true, position: 'right', color: 'rgba(0,0,0,0.65)', fontSize: 11, formatter: (p) => barLabel(Number(p.value)) },
      },
    ],
  };
  return <Chart option={option} height={Math.max(200, shown.length * 28 + 24)} testId="chart-species" />;
}

/** Area by age group in the groups' own order (幼龄林 → 过熟林). */
export function AgeGroupChart({ rows }: { rows: Breakdown[] }) {
  const { t } = useTranslation();
  const tooltip = useTooltip();
  const option: Option = {
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p) => tooltip(rows[(p as { dataIndex: number }).dataIndex]!) },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { ...AXIS_LABEL, fontSize: 11, interval: 0, width: 44, overflow: 'break' }, axisTick: { show: false } },
    yAxis: { type: 'value', name: t('resources.units.ha'), nameTextStyle: AXIS_LABEL, axisLabel: { ...AXIS_LABEL, formatter: (v: number) => formatAxis(v) }, splitLine: { lineStyle: { color: '#eef1ec' } } },
    series: [
      {
        type: 'bar',
        data: rows.map((r, i) => ({ value: Math.round(r.area.ha * 100) / 100, itemStyle: { color: PALETTE[i % 5] } })),
        barMaxWidth: 44,
        itemStyle: { borderRadius: [3, 3, 0, 0] },
        label: { show: true, position: 'top', color: 'rgba(0,0,0,0.65)', fontSize: 11, formatter: (p) => barLabel(Number(p.value)) },
      },
    ],
  };
  return <Chart option={option} height={280} testId="chart-age" />;
}

/** Public-welfare forest by grade (事权等级) as a ring, 国家级 in the darkest green. */
export function GradeChart({ rows }: { rows: Breakdown[] }) {
  const tooltip = useTooltip();
  const option: Option = {
    tooltip: { trigger: 'item', formatter: (p) => tooltip(rows[(p as { dataIndex: number }).dataIndex]!) },
    legend: { bottom: 0, icon: 'circle', itemWidth: 10, itemHeight: 10, textStyle: { color: 'rgba(0,0,0,0.7)' } },
    series: [
      {
        type: 'pie',
        radius: ['36%', '70%'],
        center: ['50%', '45%'],
        label: { position: 'inside', formatter: (p) => `${formatNumber(Number(p.percent ?? 0), 1)}%`, color: '#fff', fontSize: 12, fontWeight: 600 },
        labelLine: { show: false },
        minShowLabelAngle: 15,
        data: rows.map((r, i) => ({ name: r.name, value: r.area.ha, itemStyle: { color: PALETTE[i] } })),
      },
    ],
  };
  return <Chart option={option} height={280} testId="chart-grades" />;
}

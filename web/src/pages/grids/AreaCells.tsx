import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { AreaText, formatHa, formatMu, Num, type Area } from '../../app/numbers.tsx';

/** Two right-aligned columns, 亩 then 公顷, for any row that carries an area. */
export function areaColumns<T>(t: TFunction, pick: (row: T) => Area | null | undefined, titles?: { mu: string; ha: string }, width = 130): ColumnType<T>[] {
  return [
    {
      title: titles?.mu ?? t('grids.areaMu'),
      key: 'areaMu',
      align: 'right',
      width,
      render: (_, row) => {
        const area = pick(row);
        return area ? <Num>{formatMu(area.mu)}</Num> : '—';
      },
    },
    {
      title: titles?.ha ?? t('grids.areaHa'),
      key: 'areaHa',
      align: 'right',
      width,
      render: (_, row) => {
        const area = pick(row);
        return area ? <Num>{formatHa(area.ha)}</Num> : '—';
      },
    },
  ];
}

/** An area in 亩 with 公顷 beside it, in this family's unit names. */
export function GridArea({ area, strong }: { area: Area; strong?: boolean }) {
  const { t } = useTranslation();
  return <AreaText area={area} strong={strong} units={{ mu: t('grids.units.mu'), ha: t('grids.units.ha') }} />;
}

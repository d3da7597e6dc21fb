import type { TFunction } from 'i18next';
import { formatNumber } from '../../app/numbers.tsx';
import type { KeyPeriod, RuleSource } from './types.ts';

/** "10月1日" from "10-01". */
export function monthDay(t: TFunction, text: string): string {
  const [m, d] = text.split('-').map(Number);
  return t('grids.rule.monthDay', { m, d });
}

/** "10月1日至次年4月30日": a period that ends before it starts wraps the new year. */
export function periodRange(t: TFunction, period: KeyPeriod): string {
  const wraps = period.to < period.from;
  return t(wraps ? 'grids.rule.rangeWrapping' : 'grids.rule.range', { from: monthDay(t, period.from), to: monthDay(t, period.to) });
}

/** "重点区域每日必巡" */
export function periodDuty(t: TFunction, period: KeyPeriod): string {
  const target = t(period.target === 'whole_grid' ? 'grids.rule.targets.whole_grid' : 'grids.rule.targets.key_risk_areas');
  return t(period.frequency === 'weekly' ? 'grids.rule.weekly' : 'grids.rule.daily', { target });
}

/** Where a rule in effect comes from: this grid, a region's setting (since when), or the built-in default. */
export function sourceOrigin(t: TFunction, source: RuleSource): string {
  if (source.kind === 'grid') return t('grids.rule.fromGrid');
  if (source.kind === 'default') return t('grids.rule.fromDefault');
  const region = source.regionName ?? source.regionCode ?? '';
  return source.effectiveFrom ? t('grids.rule.fromRegionSince', { region, date: source.effectiveFrom }) : t('grids.rule.fromRegion', { region });
}

/** Metres as 米 below a kilometre, 千米 above. */
export function formatLength(t: TFunction, metres: number): string {
  return metres >= 1000 ? t('grids.units.kmValue', { value: formatNumber(metres / 1000, 2) }) : t('grids.units.mValue', { value: formatNumber(metres, 0) });
}

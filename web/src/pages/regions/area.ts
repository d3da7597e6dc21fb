import type { TFunction } from 'i18next';

/** 1 公顷 = 15 亩 (1 亩 = 666.67 m²). */
const MU_PER_HECTARE = 15;

/** An area given in 亩, shown as 亩 with 公顷 beside it, in the interface language's number format. */
export function formatArea(t: TFunction, mu: number, language: string): string {
  const locale = language === 'en' ? 'en-US' : 'zh-CN';
  const muText = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(mu);
  const haText = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(mu / MU_PER_HECTARE);
  return t('regions.areaValue', { mu: muText, ha: haText });
}

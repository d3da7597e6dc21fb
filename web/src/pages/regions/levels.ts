import type { TFunction } from 'i18next';

/** 1 省 2 市 3 县区 4 乡镇街道 5 村社区 */
export function levelName(t: TFunction, level: number): string {
  switch (level) {
    case 1:
      return t('regions.levels.province');
    case 2:
      return t('regions.levels.city');
    case 3:
      return t('regions.levels.county');
    case 4:
      return t('regions.levels.township');
    case 5:
      return t('regions.levels.village');
    default:
      return String(level);
  }
}

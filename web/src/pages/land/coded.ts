import type { TFunction } from 'i18next';
import type { Coded } from './types.ts';

/** "乔木林地（0111）"; a code missing from the code tables says so; no value is a dash. */
export function codedText(t: TFunction, value: Coded, withCode = true): string {
  if (!value) return '—';
  if (value.name === null) return t('land.sc.unknownCode', { code: value.code });
  return withCode ? `${value.name}（${value.code}）` : value.name;
}

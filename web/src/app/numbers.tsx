import type { CSSProperties, ReactNode } from 'react';
import { i18n } from './i18n.ts';

/**
 * Figures as an office reads them: thousands separators, a fixed number of decimals per unit
 * (公顷 4, 亩 2, 立方米 2, % 2 — the precision the server computes, docs/resource-list.md), and
 * digits of equal width so columns of numbers line up.
 */

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(digits: number, language: string): Intl.NumberFormat {
  const locale = language === 'en' ? 'en-US' : 'zh-CN';
  const key = `${locale}/${digits}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(key, found);
  }
  return found;
}

/** A number with thousands separators and exactly `digits` decimals. */
export function formatNumber(value: number, digits = 0, language = i18n.language): string {
  return formatter(digits, language).format(value);
}

/** A chart axis value: as many decimals as it has, at most two. */
export function formatAxis(value: number, language = i18n.language): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'zh-CN', { maximumFractionDigits: 2 }).format(value);
}

/** Decimals shown for each unit. */
export const DIGITS = { mu: 2, ha: 4, m3: 2, percent: 2, m: 1, km: 2 } as const;

export const formatMu = (mu: number) => formatNumber(mu, DIGITS.mu);
export const formatHa = (ha: number) => formatNumber(ha, DIGITS.ha);
export const formatM3 = (m3: number) => formatNumber(m3, DIGITS.m3);

/** Area as the server gives it: hectares and mu (1 ha = 15 mu). */
export interface Area {
  ha: number;
  mu: number;
}

const NUM_STYLE: CSSProperties = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' };

/** A figure with its unit, digits aligned; for table cells set `align: 'right'` on the column. */
export function Num({ children, unit, strong, style }: { children: ReactNode; unit?: ReactNode; strong?: boolean; style?: CSSProperties }) {
  return (
    <span style={{ ...NUM_STYLE, fontWeight: strong ? 600 : undefined, ...style }}>
      {children}
      {unit && (
        <>
          {' '}
          <span style={{ fontWeight: 400, color: 'rgba(0,0,0,0.55)', fontSize: '0.92em' }}>{unit}</span>
        </>
      )}
    </span>
  );
}

/** Unit names as the interface language writes them (each page family's catalogue has them). */
export interface AreaUnits {
  mu: string;
  ha: string;
}

/** "594.01 亩（39.6005 公顷）" for descriptions and sentences. */
export function AreaText({ area, units, strong }: { area: Area; units: AreaUnits; strong?: boolean }) {
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Num unit={units.mu} strong={strong}>
        {formatMu(area.mu)}
      </Num>
      <span style={{ marginLeft: 6, color: 'rgba(0,0,0,0.55)' }}>
        （<Num unit={units.ha}>{formatHa(area.ha)}</Num>）
      </span>
    </span>
  );
}

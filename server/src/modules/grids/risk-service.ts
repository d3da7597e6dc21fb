import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { area, parseBBox } from '../land/geojson.ts';
import { checkInRegion, geometrySql, locateRegion, multiSql, prepareGeometry, type PreparedGeometry } from '../land/geometry.ts';
import { subtreePrefix } from '../../platform/scope/regions.ts';
import type { KeyRouteCreate, KeyRouteListQuery, KeyRouteUpdate, RiskAreaCreate, RiskAreaListQuery, RiskAreaUpdate } from './schema.ts';

/**
 * 重点区域 and 重点线路: the places and routes that need closer patrols (seeds/002 item 3: farm–forest
 * edges, pine-wilt removal sites, forest construction sites, graves, high-voltage lines; seeds/004
 * item 4: key areas and key routes per grid). Kinds are named by the code table `risk_area_kind`.
 */

interface RiskRow {
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

const riskSelect = (withGeometry: boolean) => sql`
  ra.id, ra.region_code, r.name as region_name, ra.kind,
  (select c.name from code_tables c where c.domain = 'risk_area_kind' and c.code = ra.kind) as kind_name,
  ra.name, ra.note, ra.dataset, geometrytype(ra.geom) as geometry_type,
  case when geometrytype(ra.geom) like '%POLYGON' then st_area(ra.geom::geography) / 10000 end as area_ha,
  case when geometrytype(ra.geom) like '%LINESTRING' then round(st_length(ra.geom::geography)::numeric, 1) end as length_m,
  ra.updated_at ${withGeometry ? sql`, st_asgeojson(ra.geom, 7)::json as geometry` : sql``}`;

const toRisk = (r: RiskRow, repaired?: boolean) => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  kind: r.kind,
  kindName: r.kind_name,
  name: r.name,
  note: r.note,
  dataset: r.dataset,
  geometryType: r.geometry_type,
  area: r.area_ha === null ? null : area(r.area_ha),
  lengthM: r.length_m,
  updatedAt: new Date(r.updated_at).toISOString(),
  ...(r.geometry ? { geometry: r.geometry } : {}),
  ...(repaired === undefined ? {} : { repaired }),
});

function spatialFilter(alias: string, q: { regionCode?: string; bbox?: string }): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (q.regionCode) conditions.push(sql`${sql.ref(`${alias}.region_code`)} like ${`${subtreePrefix(q.regionCode)}%`}`);
  const box = parseBBox(q.bbox);
  if (box) conditions.push(sql`${sql.ref(`${alias}.geom`)} && st_makeenvelope(${box[0]}, ${box[1]}, ${box[2]}, ${box[3]}, 4326)`);
  return conditions;
}

async function findRisk(tx: Tx, id: number): Promise<RiskRow | undefined> {
  const { rows } = await sql<RiskRow>`select ${riskSelect(true)} from risk_areas ra join regions r on r.code = ra.region_code where ra.id = ${id}`.execute(tx);
  return rows[0];
}

export async function listRiskAreas(ctx: Context, q: RiskAreaListQuery) {
  const conditions = spatialFilter('ra', q);
  if (q.kind) conditions.push(sql`ra.kind = ${q.kind}`);
  const where = sql.join(conditions, sql` and `);
  const { rows, total } = await ctx.run(async (tx) => {
    const [list, count] = await Promise.all([
      sql<RiskRow>`select ${riskSelect(q.includeGeometry ?? false)} from risk_areas ra join regions r on r.code = ra.region_code
                    where ${where} order by ra.region_code, ra.kind, ra.id limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(tx),
      sql<{ n: number }>`select count(*)::int as n from risk_areas ra where ${where}`.execute(tx),
    ]);
    return { rows: list.rows, total: count.rows[0]?.n ?? 0 };
  });
  return { items: rows.map((r) => toRisk(r)), total };
}

export async function getRiskArea(ctx: Context, id: number) {
  const row = await ctx.run((tx) => findRisk(tx, id));
  if (!row) throw notFound('重点区域', id);
  return toRisk(row);
}

/** The region a feature is filed under: the one given (the geometry must lie in it), or the deepest region holding it. */
async function featureRegion(tx: Tx, g: PreparedGeometry, given: string | undefined): Promise<string> {
  if (given) {
    await checkInRegion(tx, g, given);
    return given;
  }
  const found = await locateRegion(tx, g);
  if (!found) throw new AppError('invalid_value', { reason: '图形不在您辖区的任何村内：请在辖区内绘制，或选择所属的村' });
  return found;
}

async function checkKind(tx: Tx, kind: string): Promise<void> {
  const known = await tx.selectFrom('code_tables').select('code').where('domain', '=', 'risk_area_kind').where('code', '=', kind).executeTakeFirst();
  if (!known) throw new AppError('invalid_value', { reason: `重点区域类型「${kind}」不在代码表 risk_area_kind 中` });
}

export async function createRiskArea(ctx: Context, input: RiskAreaCreate) {
  return ctx.run(async (tx) => {
    await checkKind(tx, input.kind);
    const g = await prepareGeometry(tx, input.geometry, 'any');
    const regionCode = await featureRegion(tx, g, input.regionCode);
    const { rows } = await sql<{ id: number }>`
      insert into risk_areas (region_code, kind, name, geom, note)
      values (${regionCode}, ${input.kind}, ${input.name.trim()}, ${geometrySql(g)}, ${input.note ?? null}) returning id`.execute(tx);
    return toRisk((await findRisk(tx, rows[0]!.id))!, g.repaired);
  });
}

export async function updateRiskArea(ctx: Context, id: number, changes: RiskAreaUpdate) {
  return ctx.run(async (tx) => {
    const current = await findRisk(tx, id);
    if (!current) throw notFound('重点区域', id);
    const set: RawBuilder<unknown>[] = [];
    let repaired: boolean | undefined;
    if (changes.kind !== undefined) {
      await checkKind(tx, changes.kind);
      set.push(sql`kind = ${changes.kind}`);
    }
    if (changes.name !== undefined) set.push(sql`name = ${changes.name.trim()}`);
    if (changes.note !== undefined) set.push(sql`note = ${changes.note}`);
    if (changes.geometry !== undefined || changes.regionCode !== undefined) {
      const g = changes.geometry ? await prepareGeometry(tx, changes.geometry, 'any') : await currentGeometry(tx, 'risk_areas', id);
      repaired = changes.geometry ? g.repaired : undefined;
      await checkInRegion(tx, g, changes.regionCode ?? current.region_code);
      set.push(sql`geom = ${geometrySql(g)}`, sql`region_code = ${changes.regionCode ?? current.region_code}`);
    }
    const result = await sql`update risk_areas set ${sql.join(set)} where id = ${id}`.execute(tx);
    if (result.numAffectedRows === 0n) throw new AppError('out_of_scope');
    return toRisk((await findRisk(tx, id))!, repaired);
  });
}

async function currentGeometry(tx: Tx, table: 'risk_areas' | 'key_routes', id: number): Promise<PreparedGeometry> {
  const { rows } = await sql<{ ewkb: string; type: string }>`
    select encode(st_asewkb(geom), 'hex') as ewkb, geometrytype(geom) as type from ${sql.table(table)} where id = ${id}`.execute(tx);
  return { ewkb: rows[0]!.ewkb, type: rows[0]!.type, repaired: false };
}

export async function deleteRiskArea(ctx: Context, id: number): Promise<void> {
  await ctx.run(async (tx) => {
    const result = await tx.deleteFrom('risk_areas').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('重点区域', id);
  });
}

// ---- key routes ----

interface RouteRow {
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

const toRoute = (r: RouteRow) => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  name: r.name,
  lengthM: r.length_m,
  dataset: r.dataset,
  updatedAt: new Date(r.updated_at).toISOString(),
  ...(r.geometry ? { geometry: r.geometry } : {}),
});

async function findRoute(tx: Tx, id: number): Promise<RouteRow | undefined> {
  const { rows } = await sql<RouteRow>`select ${routeSelect(true)} from key_routes kr join regions r on r.code = kr.region_code where kr.id = ${id}`.execute(tx);
  return rows[0];
}

export async function listKeyRoutes(ctx: Context, q: KeyRouteListQuery) {
  const where = sql.join(spatialFilter('kr', q), sql` and `);
  const { rows, total } = await ctx.run(async (tx) => {
    const [list, count] = await Promise.all([
      sql<RouteRow>`select ${routeSelect(q.includeGeometry ?? false)} from key_routes kr join regions r on r.code = kr.region_code
                    where ${where} order by kr.region_code, kr.name limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(tx),
      sql<{ n: number }>`select count(*)::int as n from key_routes kr where ${where}`.execute(tx),
    ]);
    return { rows: list.rows, total: count.rows[0]?.n ?? 0 };
  });
  return { items: rows.map(toRoute), total };
}

export async function getKeyRoute(ctx: Context, id: number) {
  const row = await ctx.run((tx) => findRoute(tx, id));
  if (!row) throw notFound('重点线路', id);
  return toRoute(row);
}

export async function createKeyRoute(ctx: Context, input: KeyRouteCreate) {
  return ctx.run(async (tx) => {
    const g = await prepareGeometry(tx, input.geometry, 'line');
    const regionCode = await featureRegion(tx, g, input.regionCode);
    const { rows } = await sql<{ id: number }>`
      insert into key_routes (region_code, name, geom) values (${regionCode}, ${input.name.trim()}, ${multiSql(g)}) returning id`.execute(tx);
    return toRoute((await findRoute(tx, rows[0]!.id))!);
  });
}

export async function updateKeyRoute(ctx: Context, id: number, changes: KeyRouteUpdate) {
  return ctx.run(async (tx) => {
    const current = await findRoute(tx, id);
    if (!current) throw notFound('重点线路', id);
    const set: RawBuilder<unknown>[] = [];
    if (changes.name !== undefined) set.push(sql`name = ${changes.name.trim()}`);
    if (changes.geometry !== undefined || changes.regionCode !== undefined) {
      const g = changes.geometry ? await prepareGeometry(tx, changes.geometry, 'line') : await currentGeometry(tx, 'key_routes', id);
      await checkInRegion(tx, g, changes.regionCode ?? current.region_code);
      set.push(sql`geom = ${multiSql(g)}`, sql`region_code = ${changes.regionCode ?? current.region_code}`);
    }
    const result = await sql`update key_routes set ${sql.join(set)} where id = ${id}`.execute(tx);
    if (result.numAffectedRows === 0n) throw new AppError('out_of_scope');
    return toRoute((await findRoute(tx, id))!);
  });
}

export async function deleteKeyRoute(ctx: Context, id: number): Promise<void> {
  await ctx.run(async (tx) => {
    const result = await tx.deleteFrom('key_routes').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('重点线路', id);
  });
}

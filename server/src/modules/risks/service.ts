import type { Tx } from '../../db/scoped.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { area } from '../land/geojson.ts';
import { checkInRegion, placeFeature, prepareGeometry, type PreparedGeometry } from '../land/geometry.ts';
import * as repo from './repository.ts';
import type { KeyRoute, KeyRouteCreate, KeyRouteListQuery, KeyRouteUpdate, RiskArea, RiskAreaCreate, RiskAreaListQuery, RiskAreaUpdate } from './schema.ts';

/**
 * 重点区域 and 重点线路: the places and routes that need closer patrols (《章贡区2021年林长制工作要点》 item 3: farm–forest
 * edges, pine-wilt removal sites, forest construction sites, graves, high-voltage lines; 《重庆市黔江区全面推深做实林长制行动方案（2023—2027年）》
 * item 4: key areas and key routes per grid). Kinds are the codes of the code table
 * `risk_area_kind`, which an office may extend; the database refuses a kind the table lacks.
 */

const NOWHERE = '图形不在您辖区的任何村内：请在辖区内绘制，或选择所属的村';

const toRisk = (r: repo.RiskRow, repaired?: boolean): RiskArea => ({
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

const paging = (q: { page: number; pageSize: number }): repo.Paging => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

async function requireRisk(tx: Tx, id: number): Promise<repo.RiskRow> {
  const row = await repo.findRisk(tx, id);
  if (!row) throw notFound('重点区域', id);
  return row;
}

export async function listRiskAreas(ctx: Context, q: RiskAreaListQuery) {
  const { rows, total } = await ctx.run((tx) => repo.listRisks(tx, { ...q, ...paging(q) }));
  return { items: rows.map((r) => toRisk(r)), total };
}

export async function getRiskArea(ctx: Context, id: number): Promise<RiskArea> {
  return toRisk(await ctx.run((tx) => requireRisk(tx, id)));
}

export async function createRiskArea(ctx: Context, input: RiskAreaCreate): Promise<RiskArea> {
  return ctx.run(async (tx) => {
    const g = await prepareGeometry(tx, input.geometry, 'any');
    const regionCode = await placeFeature(tx, g, input.regionCode, NOWHERE);
    const id = await repo.insertRisk(tx, { regionCode, kind: input.kind, name: input.name.trim(), geometry: g, note: input.note ?? null });
    return toRisk(await requireRisk(tx, id), g.repaired);
  });
}

export async function updateRiskArea(ctx: Context, id: number, changes: RiskAreaUpdate): Promise<RiskArea> {
  return ctx.run(async (tx) => {
    const current = await requireRisk(tx, id);
    let place: { geometry: PreparedGeometry; regionCode: string } | undefined;
    if (changes.geometry !== undefined || changes.regionCode !== undefined) {
      const g = changes.geometry ? await prepareGeometry(tx, changes.geometry, 'any') : await repo.storedGeometry(tx, 'risk_areas', id);
      place = { geometry: g, regionCode: changes.regionCode ?? current.region_code };
      await checkInRegion(tx, g, place.regionCode);
    }
    const updated = await repo.updateRisk(tx, id, {
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.note !== undefined ? { note: changes.note } : {}),
      ...(place ? { place } : {}),
    });
    if (!updated) throw new AppError('out_of_scope');
    return toRisk(await requireRisk(tx, id), changes.geometry ? place!.geometry.repaired : undefined);
  });
}

export async function deleteRiskArea(ctx: Context, id: number): Promise<void> {
  await ctx.run(async (tx) => {
    if (!(await repo.deleteRisk(tx, id))) throw notFound('重点区域', id);
  });
}

const toRoute = (r: repo.RouteRow): KeyRoute => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  name: r.name,
  lengthM: r.length_m,
  dataset: r.dataset,
  updatedAt: new Date(r.updated_at).toISOString(),
  ...(r.geometry ? { geometry: r.geometry } : {}),
});

async function requireRoute(tx: Tx, id: number): Promise<repo.RouteRow> {
  const row = await repo.findRoute(tx, id);
  if (!row) throw notFound('重点线路', id);
  return row;
}

export async function listKeyRoutes(ctx: Context, q: KeyRouteListQuery) {
  const { rows, total } = await ctx.run((tx) => repo.listRoutes(tx, { ...q, ...paging(q) }));
  return { items: rows.map(toRoute), total };
}

export async function getKeyRoute(ctx: Context, id: number): Promise<KeyRoute> {
  return toRoute(await ctx.run((tx) => requireRoute(tx, id)));
}

export async function createKeyRoute(ctx: Context, input: KeyRouteCreate): Promise<KeyRoute> {
  return ctx.run(async (tx) => {
    const g = await prepareGeometry(tx, input.geometry, 'line');
    const regionCode = await placeFeature(tx, g, input.regionCode, NOWHERE);
    return toRoute(await requireRoute(tx, await repo.insertRoute(tx, { regionCode, name: input.name.trim(), geometry: g })));
  });
}

export async function updateKeyRoute(ctx: Context, id: number, changes: KeyRouteUpdate): Promise<KeyRoute> {
  return ctx.run(async (tx) => {
    const current = await requireRoute(tx, id);
    let place: { geometry: PreparedGeometry; regionCode: string } | undefined;
    if (changes.geometry !== undefined || changes.regionCode !== undefined) {
      const g = changes.geometry ? await prepareGeometry(tx, changes.geometry, 'line') : await repo.storedGeometry(tx, 'key_routes', id);
      place = { geometry: g, regionCode: changes.regionCode ?? current.region_code };
      await checkInRegion(tx, g, place.regionCode);
    }
    const updated = await repo.updateRoute(tx, id, { ...(changes.name !== undefined ? { name: changes.name.trim() } : {}), ...(place ? { place } : {}) });
    if (!updated) throw new AppError('out_of_scope');
    return toRoute(await requireRoute(tx, id));
  });
}

export async function deleteKeyRoute(ctx: Context, id: number): Promise<void> {
  await ctx.run(async (tx) => {
    if (!(await repo.deleteRoute(tx, id))) throw notFound('重点线路', id);
  });
}

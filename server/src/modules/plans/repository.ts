import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import { subtreePrefix } from '../../platform/scope/regions.ts';
import type { PlanStatus } from './schema.ts';

/** Queries over grid plans: listing, copying, comparing and the checks that gate activation. */

/** Two grids of a plan overlap when they share more than this (m²); below it is the rounding of shared edges. */
export const OVERLAP_TOLERANCE_M2 = 100;
/** A grid is outside its region when more than this share of it lies beyond the region's boundary. */
export const OUTSIDE_REGION_SHARE = 0.01;

export interface PlanRow {
  id: number;
  region_code: string;
  region_name: string | null;
  year: number;
  name: string;
  status: PlanStatus;
  based_on_plan_id: number | null;
  note: string | null;
  grid_count: number;
  area_ha: number;
  activated_at: Date | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export async function findPlans(tx: Tx, filter: { id?: number; regionCode?: string; status?: PlanStatus; year?: number; forUpdate?: boolean }): Promise<PlanRow[]> {
  const { rows } = await sql<PlanRow>`
    select p.id, p.region_code, r.name as region_name, p.year, p.name, p.status, p.based_on_plan_id, p.note,
           p.activated_at, p.archived_at, p.created_at, p.updated_at,
           (select count(*)::int from grids g where g.plan_id = p.id) as grid_count,
           (select coalesce(sum(g.area_ha), 0) from grids g where g.plan_id = p.id) as area_ha
      from grid_plans p left join regions r on r.code = p.region_code
     where ${filter.id === undefined ? sql`true` : sql`p.id = ${filter.id}`}
       and ${filter.regionCode ? sql`(p.region_code like ${`${subtreePrefix(filter.regionCode)}%`} or ${filter.regionCode} like lz_region_prefix(p.region_code) || '%')` : sql`true`}
       and ${filter.status ? sql`p.status = ${filter.status}` : sql`true`}
       and ${filter.year === undefined ? sql`true` : sql`p.year = ${filter.year}`}
     order by p.year desc, p.id desc`.execute(tx);
  return rows;
}

/** Locks a plan row for a state change (activation, deletion). */
export async function lockPlan(tx: Tx, id: number): Promise<{ id: number; region_code: string; status: PlanStatus } | undefined> {
  const { rows } = await sql<{ id: number; region_code: string; status: PlanStatus }>`
    select id, region_code, status from grid_plans where id = ${id} for update`.execute(tx);
  return rows[0];
}

export async function activePlanOf(tx: Tx, regionCode: string): Promise<number | undefined> {
  const row = await tx.selectFrom('grid_plans').select('id').where('region_code', '=', regionCode).where('status', '=', 'active').executeTakeFirst();
  return row?.id;
}

/** Copies the visible grids of one plan into another: code, name, geometry, ranger, rule override and note. */
export async function copyGrids(tx: Tx, fromPlanId: number, toPlanId: number): Promise<void> {
  await sql`
    insert into grids (plan_id, region_code, code, name, geom, ranger_post_id, patrol_rule, note)
    select ${toPlanId}, region_code, code, name, geom, ranger_post_id, patrol_rule, note from grids where plan_id = ${fromPlanId}
     order by code`.execute(tx);
}

export interface GridSummaryRow {
  id: number;
  code: string;
  name: string;
  region_code: string;
  area_ha: number;
  ranger_post_id: number | null;
  ranger_person_id: number | null;
  ranger_name: string | null;
}

export async function gridSummaries(tx: Tx, planId: number): Promise<GridSummaryRow[]> {
  const { rows } = await sql<GridSummaryRow>`
    select g.id, g.code, g.name, g.region_code, g.area_ha, g.ranger_post_id, po.person_id as ranger_person_id, pe.name as ranger_name
      from grids g
      left join posts po on po.id = g.ranger_post_id
      left join persons pe on pe.id = po.person_id
     where g.plan_id = ${planId}
     order by g.code`.execute(tx);
  return rows;
}

export interface MatchRow {
  code: string;
  plan_grid_id: number;
  active_grid_id: number;
  same_geometry: boolean;
  area_before_ha: number;
  area_after_ha: number;
  changed_ha: number;
}

/** Grids of two plans paired by code, with the area of what changed between them (symmetric difference, on the ellipsoid). */
export async function matchGrids(tx: Tx, planId: number, otherPlanId: number): Promise<MatchRow[]> {
  const { rows } = await sql<MatchRow>`
    select p.code, p.id as plan_grid_id, a.id as active_grid_id, st_equals(p.geom, a.geom) as same_geometry,
           a.area_ha as area_before_ha, p.area_ha as area_after_ha,
           case when st_equals(p.geom, a.geom) then 0
                else coalesce(st_area(st_symdifference(p.geom, a.geom)::geography), 0) / 10000 end as changed_ha
      from grids p join grids a on a.plan_id = ${otherPlanId} and a.code = p.code
     where p.plan_id = ${planId}`.execute(tx);
  return rows;
}

export async function overlaps(tx: Tx, planId: number): Promise<Array<{ a: string; b: string; overlap_m2: number }>> {
  const { rows } = await sql<{ a: string; b: string; overlap_m2: number }>`
    select a, b, overlap_m2 from (
      select a.code as a, b.code as b, st_area(st_intersection(a.geom, b.geom)::geography) as overlap_m2
        from grids a join grids b on b.plan_id = a.plan_id and a.code < b.code and a.geom && b.geom and st_intersects(a.geom, b.geom)
       where a.plan_id = ${planId}) x
     where overlap_m2 > ${OVERLAP_TOLERANCE_M2}
     order by a, b`.execute(tx);
  return rows;
}

/** Grids lying (partly) outside their region's boundary; regions without a boundary cannot be checked. */
export async function outsideRegion(tx: Tx, planId: number): Promise<Array<{ code: string; region_name: string | null; outside_m2: number; area_ha: number }>> {
  const { rows } = await sql<{ code: string; region_name: string | null; outside_m2: number; area_ha: number }>`
    select code, region_name, outside_m2, area_ha from (
      select g.code, r.name as region_name, g.area_ha,
             coalesce(st_area(st_difference(g.geom, r.geom)::geography), 0) as outside_m2
        from grids g join regions r on r.code = g.region_code
       where g.plan_id = ${planId} and r.geom is not null and not st_coveredby(g.geom, r.geom)) x
     where outside_m2 > area_ha * 10000 * ${OUTSIDE_REGION_SHARE}
     order by code`.execute(tx);
  return rows;
}

/** People holding two or more grids of the plan through different ranger posts. */
export async function rangersTwice(tx: Tx, planId: number): Promise<Array<{ name: string; codes: string[] }>> {
  const { rows } = await sql<{ name: string; codes: string[] }>`
    select pe.name, array_agg(g.code order by g.code) as codes
      from grids g join posts po on po.id = g.ranger_post_id join persons pe on pe.id = po.person_id
     where g.plan_id = ${planId}
     group by pe.id, pe.name having count(*) > 1
     order by pe.name`.execute(tx);
  return rows;
}

/** Grids whose ranger's post is not held today (ended, or not started yet). */
export async function inactiveRangers(tx: Tx, planId: number): Promise<Array<{ code: string; name: string }>> {
  const { rows } = await sql<{ code: string; name: string }>`
    select g.code, pe.name
      from grids g join posts po on po.id = g.ranger_post_id join persons pe on pe.id = po.person_id
     where g.plan_id = ${planId} and not (po.starts_on <= lz_today() and (po.ends_on is null or po.ends_on >= lz_today()))
     order by g.code`.execute(tx);
  return rows;
}

export async function insertPlan(tx: Tx, plan: { regionCode: string; year: number; name: string; note: string | null; basedOn: number | null }): Promise<number> {
  const { id } = await tx
    .insertInto('grid_plans')
    .values({ region_code: plan.regionCode, year: plan.year, name: plan.name, note: plan.note, based_on_plan_id: plan.basedOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Changes a plan's name, note or year; false when the row is not the caller's to change. */
export async function updatePlan(tx: Tx, id: number, changes: { name?: string; note?: string | null; year?: number }): Promise<boolean> {
  const result = await tx.updateTable('grid_plans').set(changes).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a plan with its grids (on delete cascade); false when the row is not the caller's to delete. */
export async function deletePlan(tx: Tx, id: number): Promise<boolean> {
  const result = await tx.deleteFrom('grid_plans').where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Archives the region's active plan (if any) and activates this one; false when the caller may not change it. */
export async function activate(tx: Tx, id: number, regionCode: string): Promise<boolean> {
  await tx.updateTable('grid_plans').set({ status: 'archived', archived_at: new Date() }).where('region_code', '=', regionCode).where('status', '=', 'active').execute();
  const result = await tx.updateTable('grid_plans').set({ status: 'active', activated_at: new Date() }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Every plan the caller can see, newest first: the choices of a map's grid layer. */
export async function planChoices(tx: Tx): Promise<Array<{ id: number; name: string; year: number; status: PlanStatus }>> {
  return tx.selectFrom('grid_plans').select(['id', 'name', 'year', 'status']).orderBy('year', 'desc').orderBy('id', 'desc').execute();
}

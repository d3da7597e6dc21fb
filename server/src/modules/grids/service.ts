import { auditAs, type Tx } from '../../db/scoped.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { area } from '../land/geojson.ts';
import { checkInRegion, placeFeature, prepareGeometry, type PreparedGeometry } from '../land/geometry.ts';
import { checkRuleValue } from '../patrol-rules/rules.ts';
import type { PatrolRuleOverride } from '../patrol-rules/schema.ts';
import { effectiveRules, today } from '../patrol-rules/service.ts';
import { findPlan, requireDraft } from '../plans/service.ts';
import { levelOf } from '../../platform/scope/regions.ts';
import { keyRoutesIn, riskAreasIn } from '../risks/repository.ts';
import * as repo from './repository.ts';
import type { EligibleRanger, Grid, GridCreate, GridDetail, GridListQuery, GridUpdate, GridWriteResult, Unassigned } from './schema.ts';

/** 网格: a patch of forest land guarded by one ranger ("山头落到人头", 《章贡区2021年林长制工作要点》 item 3). */

const toRanger = (r: repo.GridRow) =>
  r.ranger_post_id === null
    ? null
    : {
        postId: r.ranger_post_id,
        personId: r.ranger_person_id!,
        name: r.ranger_name ?? '',
        regionCode: r.ranger_region_code!,
        regionName: r.ranger_region_name ?? '',
        active: r.ranger_active ?? false,
      };

export const toGrid = (r: repo.GridRow): Grid => ({
  id: r.id,
  planId: r.plan_id,
  planStatus: r.plan_status,
  regionCode: r.region_code,
  regionName: r.region_name,
  code: r.code,
  name: r.name,
  area: area(r.area_ha),
  ranger: toRanger(r),
  patrolRule: r.patrol_rule,
  note: r.note,
  updatedAt: new Date(r.updated_at).toISOString(),
  ...(r.geometry ? { geometry: r.geometry } : {}),
});

async function requireGrid(tx: Tx, id: number, withGeometry = true): Promise<repo.GridRow> {
  const row = await repo.findGrid(tx, id, withGeometry);
  if (!row) throw notFound('网格', id);
  return row;
}

export async function listGrids(ctx: Context, planId: number, q: GridListQuery): Promise<{ items: Grid[]; total: number }> {
  const { rows, total } = await ctx.run(async (tx) => {
    await findPlan(tx, planId);
    return repo.listGrids(tx, planId, { ...q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  });
  return { items: rows.map(toGrid), total };
}

/** A grid with what its ranger needs: the key risk areas and routes inside it and its patrol rules with their sources. */
export async function getGrid(ctx: Context, id: number, on?: string): Promise<GridDetail> {
  return ctx.run(async (tx) => {
    const row = await requireGrid(tx, id);
    const [risks, routes, rules] = await Promise.all([
      riskAreasIn(tx, id),
      keyRoutesIn(tx, id),
      effectiveRules(tx, row.region_code, on ?? (await today(tx)), { code: row.code, override: row.patrol_rule }),
    ]);
    return {
      ...toGrid(row),
      geometry: row.geometry!,
      plan: { id: row.plan_id, name: row.plan_name, year: row.plan_year, status: row.plan_status },
      riskAreas: risks.map((r) => ({ id: r.id, kind: r.kind, kindName: r.kind_name, name: r.name, geometryType: r.geometry_type, geometry: r.geometry })),
      keyRoutes: routes.map((r) => ({ id: r.id, name: r.name, lengthM: r.length_m, lengthInGridM: r.inside_m, geometry: r.geometry })),
      patrolRules: rules,
    };
  });
}

function checkOverride(rule: PatrolRuleOverride | null | undefined): string | null {
  if (!rule) return null;
  const checked: PatrolRuleOverride = {};
  if (rule.minDaysPerMonth !== undefined) checked.minDaysPerMonth = checkRuleValue('patrol.min_days_per_month', rule.minDaysPerMonth) as number;
  if (rule.minHoursPerPatrol !== undefined) checked.minHoursPerPatrol = checkRuleValue('patrol.min_hours_per_patrol', rule.minHoursPerPatrol) as number;
  if (rule.keyPeriods !== undefined) checked.keyPeriods = checkRuleValue('patrol.key_periods', rule.keyPeriods) as PatrolRuleOverride['keyPeriods'];
  return Object.keys(checked).length === 0 ? null : JSON.stringify(checked);
}

/** The township a grid's region belongs to (a grid may also lie directly in a township). */
const townshipOf = (regionCode: string) => (levelOf(regionCode) === 5 ? `${regionCode.slice(0, 9)}000` : regionCode);

/**
 * The rangers a grid may be given (in post today in its village or township), free ones first,
 * each with the grid of the same plan they already guard: the assignment form's choices.
 */
export async function eligibleRangers(ctx: Context, gridId: number): Promise<EligibleRanger[]> {
  return ctx.run(async (tx) => {
    const grid = await requireGrid(tx, gridId, false);
    const rows = await repo.eligibleRangers(tx, grid.plan_id, grid.region_code, townshipOf(grid.region_code));
    return rows.map((r) => ({
      postId: r.id,
      personId: r.person_id,
      name: r.name,
      regionCode: r.region_code,
      regionName: r.region_name,
      guards: r.grid_id === null ? null : { gridId: r.grid_id, code: r.grid_code!, name: r.grid_name!, isThisGrid: r.grid_id === gridId },
    }));
  });
}

/**
 * The ranger must hold a ranger post today in the grid's village or its township. The post is
 * looked up within the caller's scope, so a ranger of another township is simply not found.
 */
async function checkRanger(tx: Tx, postId: number, gridRegionCode: string): Promise<repo.RangerPostRow> {
  const post = await repo.findRangerPost(tx, postId);
  if (!post) throw new AppError('reference_missing', { field: '护林员职务' });
  if (post.post_type !== 'ranger') throw new AppError('invalid_value', { reason: `${post.name}的该职务不是护林员` });
  if (!post.active) throw new AppError('invalid_value', { reason: `护林员${post.name}今天不在任` });
  if (post.region_code !== gridRegionCode && post.region_code !== townshipOf(gridRegionCode)) {
    throw new AppError('invalid_value', { reason: `护林员${post.name}在${post.region_name}任职，只能负责本村或本乡镇的网格` });
  }
  return post;
}

/**
 * The one-to-one rule is the database's (unique index grids_one_per_ranger, on the person behind
 * the ranger post: a person holding ranger posts in a village and its township still guards one
 * grid of a plan). When it refuses, say which grid the person already guards, and through which
 * post if not this one. The failed transaction is gone, so this asks in a new one.
 */
async function explainRangerConflict<T>(ctx: Context, planId: () => number | undefined, postId: number | null | undefined, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const plan = planId();
    if ((error as { constraint?: string }).constraint !== 'grids_one_per_ranger' || !postId || plan === undefined) throw error;
    const other = await ctx.run((tx) => repo.gridOfRanger(tx, plan, postId));
    const who = other ? `护林员${other.person_name}` : '该护林员';
    const via = other?.other_post_region_name ? `作为${other.other_post_region_name}的护林员` : '';
    const grid = other ? `网格 ${other.code}（${other.name}）` : '另一个网格';
    throw new AppError('conflict', { detail: `${who}${via}已负责本方案中的${grid}，一名护林员只能负责一个网格`, constraint: 'grids_one_per_ranger' });
  }
}

export async function createGrid(ctx: Context, planId: number, input: GridCreate): Promise<GridWriteResult> {
  return explainRangerConflict(ctx, () => planId, input.rangerPostId, () =>
    ctx.run(async (tx) => {
      requireDraft(await findPlan(tx, planId), '新增网格');
      const g = await prepareGeometry(tx, input.geometry, 'polygon');
      const regionCode = await placeFeature(tx, g, input.regionCode, '无法确定网格所属的村或乡镇：请在辖区内绘制，或选择网格所属的村');
      if (input.rangerPostId) await checkRanger(tx, input.rangerPostId, regionCode);
      const id = await repo.insertGrid(tx, {
        planId,
        regionCode,
        code: input.code,
        name: input.name.trim(),
        geometry: g,
        rangerPostId: input.rangerPostId ?? null,
        patrolRule: checkOverride(input.patrolRule),
        note: input.note ?? null,
      });
      const row = await requireGrid(tx, id);
      return { ...toGrid(row), geometry: row.geometry!, repaired: g.repaired };
    }),
  );
}

/**
 * Changes a grid. Code, name, region and geometry only in a draft plan; the rule override and the
 * note also in the active plan, since key periods and notes change during the year.
 */
export async function updateGrid(ctx: Context, id: number, changes: GridUpdate): Promise<GridWriteResult> {
  return ctx.run(async (tx) => {
    const grid = await requireGrid(tx, id, false);
    const structural = changes.code !== undefined || changes.name !== undefined || changes.regionCode !== undefined || changes.geometry !== undefined;
    if (structural) requireDraft({ status: grid.plan_status }, '修改网格编号、名称、区划或范围');
    else if (grid.plan_status === 'archived') throw new AppError('state_conflict', { reason: '方案已归档，不能修改' });
    let place: { geometry: PreparedGeometry; regionCode: string } | undefined;
    if (changes.geometry !== undefined || changes.regionCode !== undefined) {
      const g = changes.geometry ? await prepareGeometry(tx, changes.geometry, 'polygon') : { ewkb: await repo.storedBoundary(tx, id), type: 'MULTIPOLYGON', repaired: false };
      place = { geometry: g, regionCode: changes.regionCode ?? grid.region_code };
      await checkInRegion(tx, g, place.regionCode);
      if (grid.ranger_post_id !== null && place.regionCode !== grid.region_code) await checkRanger(tx, grid.ranger_post_id, place.regionCode);
    }
    const updated = await repo.updateGrid(tx, id, {
      ...(place ? { place } : {}),
      ...(changes.code !== undefined ? { code: changes.code } : {}),
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.patrolRule !== undefined ? { patrolRule: checkOverride(changes.patrolRule) } : {}),
      ...(changes.note !== undefined ? { note: changes.note } : {}),
    });
    if (!updated) throw new AppError('out_of_scope');
    const row = await requireGrid(tx, id);
    return { ...toGrid(row), geometry: row.geometry!, repaired: place?.geometry.repaired ?? false };
  });
}

export async function deleteGrid(ctx: Context, id: number): Promise<void> {
  await ctx.run(async (tx) => {
    requireDraft({ status: (await requireGrid(tx, id, false)).plan_status }, '删除网格');
    if (!(await repo.deleteGrid(tx, id))) throw new AppError('out_of_scope');
  });
}

/**
 * Assigns a ranger to a grid, in a draft or the active plan (rangers rotate during the year).
 * Audited as `grid.assign_ranger`.
 */
export async function assignRanger(ctx: Context, id: number, rangerPostId: number): Promise<Grid> {
  let planId: number | undefined;
  return explainRangerConflict(ctx, () => planId, rangerPostId, () =>
    ctx.run(async (tx) => {
      const grid = await requireGrid(tx, id, false);
      planId = grid.plan_id;
      if (grid.plan_status === 'archived') throw new AppError('state_conflict', { reason: '方案已归档，不能调整护林员' });
      await checkRanger(tx, rangerPostId, grid.region_code);
      await auditAs(tx, 'grid.assign_ranger');
      if (!(await repo.setRanger(tx, id, rangerPostId))) throw new AppError('out_of_scope');
      return toGrid(await requireGrid(tx, id, false));
    }),
  );
}

export async function unassignRanger(ctx: Context, id: number): Promise<Grid> {
  return ctx.run(async (tx) => {
    const grid = await requireGrid(tx, id, false);
    if (grid.plan_status === 'archived') throw new AppError('state_conflict', { reason: '方案已归档，不能调整护林员' });
    await auditAs(tx, 'grid.unassign_ranger');
    if (!(await repo.setRanger(tx, id, null))) throw new AppError('out_of_scope');
    return toGrid(await requireGrid(tx, id, false));
  });
}

/** For the office's list: grids of a plan without a ranger, and rangers in post without a grid of the plan. */
export async function unassigned(ctx: Context, planId: number, regionCode?: string): Promise<Unassigned> {
  return ctx.run(async (tx) => {
    const plan = await findPlan(tx, planId);
    const [grids, rangers] = await Promise.all([
      repo.listGrids(tx, planId, { regionCode, withoutRanger: true, limit: 10000, offset: 0 }),
      repo.rangersWithoutGrid(tx, planId, plan.region_code, regionCode),
    ]);
    return {
      plan: { id: plan.id, name: plan.name, year: plan.year, status: plan.status },
      gridsWithoutRanger: grids.rows.map((g) => ({ id: g.id, code: g.code, name: g.name, regionCode: g.region_code, area: area(g.area_ha), rangerName: null })),
      rangersWithoutGrid: rangers.map((r) => ({ postId: r.id, personId: r.person_id, name: r.name, regionCode: r.region_code, regionName: r.region_name, active: r.active })),
    };
  });
}

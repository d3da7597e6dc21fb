import { auditAs, type Tx } from '../../db/scoped.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { area } from '../land/geojson.ts';
import * as repo from './repository.ts';
import type { GridPlan, PlanComparison, PlanCreate, PlanListQuery, PlanProblem, PlanStatus, PlanUpdate } from './schema.ts';

/**
 * 网格方案: grids are re-optimised every year (《章贡区2021年林长制工作要点》 item 3), so a region's grids live in
 * yearly plans. A draft is edited and compared with the active plan, then activated; the plan it
 * replaces is archived and stays readable.
 */

export const toPlan = (r: repo.PlanRow): GridPlan => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  year: r.year,
  name: r.name,
  status: r.status,
  basedOnPlanId: r.based_on_plan_id,
  note: r.note,
  gridCount: r.grid_count,
  area: area(r.area_ha),
  activatedAt: r.activated_at ? new Date(r.activated_at).toISOString() : null,
  archivedAt: r.archived_at ? new Date(r.archived_at).toISOString() : null,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const STATUS_NAME: Record<PlanStatus, string> = { draft: '草稿', active: '启用', archived: '已归档' };

export async function findPlan(tx: Tx, id: number): Promise<repo.PlanRow> {
  const [row] = await repo.findPlans(tx, { id });
  if (!row) throw notFound('网格方案', id);
  return row;
}

/** Refuses changes to a plan that is not a draft, naming its state. */
export function requireDraft(plan: { status: PlanStatus }, what: string): void {
  if (plan.status !== 'draft') throw new AppError('state_conflict', { reason: `方案已${STATUS_NAME[plan.status]}，${what}只能在草稿方案中进行` });
}

export async function listPlans(ctx: Context, filter: PlanListQuery): Promise<GridPlan[]> {
  return (await ctx.run((tx) => repo.findPlans(tx, filter))).map(toPlan);
}

export async function getPlan(ctx: Context, id: number): Promise<GridPlan> {
  return toPlan(await ctx.run((tx) => findPlan(tx, id)));
}

/**
 * Creates a draft: empty, or a copy of the region's active plan (the default) or of any plan the
 * caller can see, keeping each grid's code, geometry, ranger and rule override.
 */
export async function createPlan(ctx: Context, input: PlanCreate): Promise<GridPlan> {
  return ctx.run(async (tx) => {
    const copyFrom = input.copyFrom ?? 'active';
    let source: number | undefined;
    if (copyFrom === 'active') source = await repo.activePlanOf(tx, input.regionCode);
    else if (copyFrom !== 'none') source = (await findPlan(tx, copyFrom)).id;
    await auditAs(tx, 'grid_plan.create');
    const id = await repo.insertPlan(tx, { regionCode: input.regionCode, year: input.year, name: input.name.trim(), note: input.note ?? null, basedOn: source ?? null });
    if (source !== undefined) await repo.copyGrids(tx, source, id);
    return toPlan(await findPlan(tx, id));
  });
}

export async function updatePlan(ctx: Context, id: number, changes: PlanUpdate): Promise<GridPlan> {
  return ctx.run(async (tx) => {
    requireDraft(await findPlan(tx, id), '修改方案信息');
    const updated = await repo.updatePlan(tx, id, {
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.note !== undefined ? { note: changes.note } : {}),
      ...(changes.year !== undefined ? { year: changes.year } : {}),
    });
    if (!updated) throw new AppError('out_of_scope');
    return toPlan(await findPlan(tx, id));
  });
}

export async function deletePlan(ctx: Context, id: number): Promise<void> {
  await ctx.run(async (tx) => {
    requireDraft(await findPlan(tx, id), '删除方案');
    await auditAs(tx, 'grid_plan.delete');
    // Its grids go with it (on delete cascade), each one audited by the grids trigger.
    if (!(await repo.deletePlan(tx, id))) throw new AppError('out_of_scope');
  });
}

/**
 * What is wrong with a plan. Blocking: grids overlapping each other, grids outside their region,
 * one person guarding several grids (the grid is "一对一"; the database refuses that since
 * migration 20261202-01, so the check stays only as a guard). Warnings: grids without a ranger,
 * rangers whose post has ended.
 */
export async function planProblems(tx: Tx, planId: number): Promise<PlanProblem[]> {
  const [overlaps, outside, twice, inactive, grids] = await Promise.all([
    repo.overlaps(tx, planId),
    repo.outsideRegion(tx, planId),
    repo.rangersTwice(tx, planId),
    repo.inactiveRangers(tx, planId),
    repo.gridSummaries(tx, planId),
  ]);
  const ha = (m2: number) => area(m2 / 10000);
  return [
    ...overlaps.map((o) => ({
      kind: 'overlap' as const,
      blocking: true,
      gridCodes: [o.a, o.b],
      area: ha(o.overlap_m2),
      message: `网格 ${o.a} 与 ${o.b} 重叠 ${ha(o.overlap_m2).mu} 亩（${ha(o.overlap_m2).ha} 公顷）`,
    })),
    ...outside.map((o) => ({
      kind: 'outside_region' as const,
      blocking: true,
      gridCodes: [o.code],
      area: ha(o.outside_m2),
      message: `网格 ${o.code} 有 ${ha(o.outside_m2).mu} 亩超出所属区划「${o.region_name ?? ''}」`,
    })),
    ...twice.map((t) => ({
      kind: 'ranger_twice' as const,
      blocking: true,
      gridCodes: t.codes,
      area: null,
      message: `护林员${t.name}同时负责 ${t.codes.length} 个网格（${t.codes.join('、')}），网格与护林员应一对一`,
    })),
    ...grids
      .filter((g) => g.ranger_post_id === null)
      .map((g) => ({ kind: 'no_ranger' as const, blocking: false, gridCodes: [g.code], area: null, message: `网格 ${g.code}（${g.name}）未分配护林员` })),
    ...inactive.map((i) => ({ kind: 'ranger_inactive' as const, blocking: false, gridCodes: [i.code], area: null, message: `网格 ${i.code} 的护林员${i.name}今天不在任` })),
  ];
}

/**
 * Activates a draft: the region's active plan (if any) is archived in the same transaction.
 * Refused while blocking problems remain. Audited as `grid_plan.activate`.
 */
export async function activatePlan(ctx: Context, id: number): Promise<GridPlan> {
  return ctx.run(async (tx) => {
    await findPlan(tx, id);
    // Locking needs the right to update the plan: a visible plan that cannot be locked is outside the caller's scope.
    const plan = await repo.lockPlan(tx, id);
    if (!plan) throw new AppError('out_of_scope');
    requireDraft(plan, '启用');
    const blocking = (await planProblems(tx, id)).filter((p) => p.blocking);
    if (blocking.length > 0) {
      throw new AppError('plan_not_activatable', {
        count: blocking.length,
        summary: blocking.slice(0, 3).map((p) => p.message).join('；') + (blocking.length > 3 ? '……' : ''),
        problems: blocking,
      });
    }
    await auditAs(tx, 'grid_plan.activate');
    if (!(await repo.activate(tx, id, plan.region_code))) throw new AppError('out_of_scope');
    return toPlan(await findPlan(tx, id));
  });
}

/**
 * Compares a plan with the active plan of its region, grid by grid (paired by grid code): what was
 * added, removed and changed (area before and after, the area that changed hands, ranger), the
 * area of every grid, totals, and the problems that would block activation.
 */
export async function comparePlan(ctx: Context, id: number): Promise<PlanComparison> {
  return ctx.run(async (tx) => {
    const plan = await findPlan(tx, id);
    const activeId = await repo.activePlanOf(tx, plan.region_code);
    const active = activeId === undefined ? undefined : await findPlan(tx, activeId);
    const [grids, before, matches, problems] = await Promise.all([
      repo.gridSummaries(tx, id),
      active ? repo.gridSummaries(tx, active.id) : Promise.resolve([]),
      active ? repo.matchGrids(tx, id, active.id) : Promise.resolve([]),
      planProblems(tx, id),
    ]);
    const beforeByCode = new Map(before.map((g) => [g.code, g]));
    const afterByCode = new Map(grids.map((g) => [g.code, g]));
    const ref = (g: repo.GridSummaryRow) => ({ id: g.id, code: g.code, name: g.name, regionCode: g.region_code, area: area(g.area_ha), rangerName: g.ranger_name });
    const ranger = (g: repo.GridSummaryRow) => (g.ranger_post_id === null ? null : { postId: g.ranger_post_id, personId: g.ranger_person_id!, name: g.ranger_name ?? '' });

    const changed: PlanComparison['changed'] = [];
    let unchangedCount = 0;
    for (const m of matches) {
      const a = beforeByCode.get(m.code)!;
      const p = afterByCode.get(m.code)!;
      const entry = {
        code: m.code,
        name: p.name,
        planGridId: m.plan_grid_id,
        activeGridId: m.active_grid_id,
        geometryChanged: !m.same_geometry,
        areaBefore: area(m.area_before_ha),
        areaAfter: area(m.area_after_ha),
        changedArea: area(m.changed_ha),
        rangerChanged: a.ranger_post_id !== p.ranger_post_id,
        rangerBefore: ranger(a),
        rangerAfter: ranger(p),
        nameChanged: a.name !== p.name,
        regionChanged: a.region_code !== p.region_code,
      };
      if (entry.geometryChanged || entry.rangerChanged || entry.nameChanged || entry.regionChanged) changed.push(entry);
      else unchangedCount++;
    }
    const sum = (rows: repo.GridSummaryRow[]) => ({ gridCount: rows.length, area: area(rows.reduce((s, g) => s + Number(g.area_ha), 0)) });
    return {
      plan: toPlan(plan),
      active: active ? toPlan(active) : null,
      totals: { plan: sum(grids), active: sum(before) },
      added: grids.filter((g) => !beforeByCode.has(g.code)).map(ref),
      removed: before.filter((g) => !afterByCode.has(g.code)).map(ref),
      changed,
      unchangedCount,
      grids: grids.map(ref),
      problems,
      canActivate: plan.status === 'draft' && !problems.some((p) => p.blocking),
    };
  });
}

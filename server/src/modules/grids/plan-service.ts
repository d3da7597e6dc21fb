import { auditAs, type Tx } from '../../db/scoped.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { area } from '../land/geojson.ts';
import * as repo from './plan-repository.ts';
import type { GridPlanStatus } from './tables.ts';

/**
 * 网格方案: grids are re-optimised every year (seeds/002 item 3), so a region's grids live in
 * yearly plans. A draft is edited and compared with the active plan, then activated; the plan it
 * replaces is archived and stays readable.
 */

export const toPlan = (r: repo.PlanRow) => ({
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

export type Plan = ReturnType<typeof toPlan>;

const STATUS_NAME: Record<GridPlanStatus, string> = { draft: '草稿', active: '启用', archived: '已归档' };

export async function findPlan(tx: Tx, id: number): Promise<repo.PlanRow> {
  const [row] = await repo.findPlans(tx, { id });
  if (!row) throw notFound('网格方案', id);
  return row;
}

/** Refuses changes to a plan that is not a draft, naming its state. */
export function requireDraft(plan: { status: GridPlanStatus }, what: string): void {
  if (plan.status !== 'draft') throw new AppError('state_conflict', { reason: `方案已${STATUS_NAME[plan.status]}，${what}只能在草稿方案中进行` });
}

export async function listPlans(ctx: Context, filter: { regionCode?: string; status?: GridPlanStatus; year?: number }) {
  return (await ctx.run((tx) => repo.findPlans(tx, filter))).map(toPlan);
}

export async function getPlan(ctx: Context, id: number) {
  return toPlan(await ctx.run((tx) => findPlan(tx, id)));
}

/**
 * Creates a draft: empty, or a copy of the region's active plan (the default) or of any plan the
 * caller can see, keeping each grid's code, geometry, ranger and rule override.
 */
export async function createPlan(ctx: Context, input: { regionCode: string; year: number; name: string; note?: string | null; copyFrom?: 'active' | 'none' | number }) {
  return ctx.run(async (tx) => {
    const copyFrom = input.copyFrom ?? 'active';
    let source: number | undefined;
    if (copyFrom === 'active') source = await repo.activePlanOf(tx, input.regionCode);
    else if (copyFrom !== 'none') source = (await findPlan(tx, copyFrom)).id;
    await auditAs(tx, 'grid_plan.create');
    const { id } = await tx
      .insertInto('grid_plans')
      .values({ region_code: input.regionCode, year: input.year, name: input.name.trim(), note: input.note ?? null, based_on_plan_id: source ?? null })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (source !== undefined) await repo.copyGrids(tx, source, id);
    return toPlan(await findPlan(tx, id));
  });
}

export async function updatePlan(ctx: Context, id: number, changes: { name?: string; note?: string | null; year?: number }) {
  return ctx.run(async (tx) => {
    requireDraft(await findPlan(tx, id), '修改方案信息');
    const result = await tx
      .updateTable('grid_plans')
      .set({
        ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
        ...(changes.note !== undefined ? { note: changes.note } : {}),
        ...(changes.year !== undefined ? { year: changes.year } : {}),
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new AppError('out_of_scope');
    return toPlan(await findPlan(tx, id));
  });
}

export async function deletePlan(ctx: Context, id: number): Promise<void> {
  await ctx.run(async (tx) => {
    requireDraft(await findPlan(tx, id), '删除方案');
    await auditAs(tx, 'grid_plan.delete');
    // Its grids go with it (on delete cascade), each one audited by the grids trigger.
    const result = await tx.deleteFrom('grid_plans').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new AppError('out_of_scope');
  });
}

export interface Problem {
  kind: 'overlap' | 'outside_region' | 'ranger_twice' | 'no_ranger' | 'ranger_inactive';
  blocking: boolean;
  gridCodes: string[];
  area: ReturnType<typeof area> | null;
  message: string;
}

/**
 * What is wrong with a plan. Blocking: grids overlapping each other, grids outside their region,
 * one person guarding several grids (the grid is "一对一"; the database refuses that since
 * migration 20261202-01, so the check stays only as a guard). Warnings: grids without a ranger,
 * rangers whose post has ended.
 */
export async function planProblems(tx: Tx, planId: number): Promise<Problem[]> {
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
export async function activatePlan(ctx: Context, id: number) {
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
    await tx.updateTable('grid_plans').set({ status: 'archived', archived_at: new Date() }).where('region_code', '=', plan.region_code).where('status', '=', 'active').execute();
    const result = await tx.updateTable('grid_plans').set({ status: 'active', activated_at: new Date() }).where('id', '=', id).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new AppError('out_of_scope');
    return toPlan(await findPlan(tx, id));
  });
}

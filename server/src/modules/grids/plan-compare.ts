import type { Context } from '../../platform/context.ts';
import { area } from '../land/geojson.ts';
import * as repo from './plan-repository.ts';
import { findPlan, planProblems, toPlan } from './plan-service.ts';

/**
 * Compares a plan with the active plan of its region, grid by grid (paired by grid code): what was
 * added, removed and changed (area before and after, the area that changed hands, ranger), the
 * area of every grid, totals, and the problems that would block activation.
 */
export async function comparePlan(ctx: Context, id: number) {
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

    const changed = [];
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

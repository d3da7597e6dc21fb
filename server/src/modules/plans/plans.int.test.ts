import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import * as fixtures from '../../../test/fixtures/grids.ts';
import { officeAdmin, townshipChief, ZHANGGONG } from '../../../test/personas.ts';

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
});
afterAll(() => t.close());

const query = async <R>(text: RawBuilder<R>) => (await t.system.run((tx) => text.execute(tx))).rows;
const activePlanId = () => fixtures.activePlanId(t);
const gridsOfOneVillage = (planId: number) => fixtures.gridsOfOneVillage(t, planId);

/** A GeoJSON geometry computed by PostGIS from a grid (shrunk by a buffer, or as it is). */
async function geometryOf(gridId: number, bufferMetres = 0) {
  const [row] = await query(sql<{ g: Record<string, unknown> }>`
    select st_asgeojson(case when ${bufferMetres}::float8 = 0 then geom
                             else st_multi(st_collectionextract(st_buffer(geom::geography, ${bufferMetres})::geometry, 3)) end, 9)::json as g
      from grids where id = ${gridId}`);
  return row!.g;
}

describe('grid plan lifecycle (《章贡区2021年林长制工作要点》 item 3: 完成林业生态资源管护网格年度优化工作)', () => {
  let oldActive: number;
  let draft: number;

  it('drafts next year’s plan as a copy of the active one, keeping codes, geometry and rangers', async () => {
    oldActive = await activePlanId();
    const res = await office.post('/api/grid-plans', { regionCode: ZHANGGONG, year: 2027, name: '章贡区2027年度护林网格方案' });
    expect(res.statusCode).toBe(201);
    const plan = res.json();
    draft = plan.id;
    expect(plan).toMatchObject({ status: 'draft', basedOnPlanId: oldActive, year: 2027 });
    const [same] = await query(sql<{ n: number; differ: number }>`
      select count(*)::int as n,
             count(*) filter (where not (st_equals(d.geom, a.geom) and d.ranger_post_id is not distinct from a.ranger_post_id))::int as differ
        from grids d join grids a on a.plan_id = ${oldActive} and a.code = d.code where d.plan_id = ${draft}`);
    const [total] = await query(sql<{ n: number }>`select count(*)::int as n from grids where plan_id = ${oldActive}`);
    expect(plan.gridCount).toBe(total!.n);
    expect(same).toEqual({ n: total!.n, differ: 0 });
  });

  it('edits a draft grid’s boundary, and the comparison shows the change with areas before and after', async () => {
    const { a } = await gridsOfOneVillage(draft);
    const shrunk = await geometryOf(a.id, -60);
    const edit = await office.patch(`/api/grids/${a.id}`, { geometry: shrunk });
    expect(edit.statusCode).toBe(200);

    const cmp = (await office.get(`/api/grid-plans/${draft}/compare`)).json();
    expect(cmp.active.id).toBe(oldActive);
    expect(cmp.added).toEqual([]);
    expect(cmp.removed).toEqual([]);
    expect(cmp.changed).toHaveLength(1);
    const change = cmp.changed[0];
    const [expected] = await query(sql<{ before: number; after: number; diff: number }>`
      select o.area_ha as before, n.area_ha as after, st_area(st_symdifference(o.geom, n.geom)::geography) / 10000 as diff
        from grids n join grids o on o.plan_id = ${oldActive} and o.code = n.code where n.id = ${a.id}`);
    expect(change).toMatchObject({ code: a.code, geometryChanged: true, rangerChanged: false });
    expect(change.areaBefore.ha).toBeCloseTo(expected!.before, 3);
    expect(change.areaAfter.ha).toBeCloseTo(expected!.after, 3);
    expect(change.areaAfter.ha).toBeLessThan(change.areaBefore.ha);
    expect(change.changedArea.ha).toBeCloseTo(expected!.diff, 3);
    expect(change.changedArea.mu).toBeCloseTo(expected!.diff * 15, 1);
    expect(cmp.totals.plan.area.ha).toBeCloseTo(cmp.totals.active.area.ha - (expected!.before - expected!.after), 2);
    expect(cmp.grids.find((g: { code: string }) => g.code === a.code).area.ha).toBeCloseTo(expected!.after, 3);
    expect(cmp.problems.filter((p: { blocking: boolean }) => p.blocking)).toEqual([]);
    expect(cmp.canActivate).toBe(true);
  });

  it('shows added and removed grids', async () => {
    const { b } = await gridsOfOneVillage(draft);
    const geometry = await geometryOf(b.id);
    expect((await office.delete(`/api/grids/${b.id}`)).statusCode).toBe(204);
    const created = await office.post(`/api/grid-plans/${draft}/grids`, { code: `${b.code}-N`, name: '新划网格', geometry });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ regionCode: b.region_code, ranger: null });
    const cmp = (await office.get(`/api/grid-plans/${draft}/compare`)).json();
    expect(cmp.added.map((g: { code: string }) => g.code)).toEqual([`${b.code}-N`]);
    expect(cmp.removed.map((g: { code: string }) => g.code)).toEqual([b.code]);
    expect(cmp.problems).toContainEqual(expect.objectContaining({ kind: 'no_ranger', blocking: false, gridCodes: [`${b.code}-N`] }));
    const assigned = await office.put(`/api/grids/${created.json().id}/ranger`, { rangerPostId: b.ranger_post_id });
    expect(assigned.statusCode).toBe(200);
  });

  it('keeps the active plan’s boundaries fixed: only a draft’s grids can be redrawn', async () => {
    const [grid] = await query(sql<{ id: number }>`select id from grids where plan_id = ${oldActive} limit 1`);
    const res = await office.patch(`/api/grids/${grid!.id}`, { geometry: await geometryOf(grid!.id, -10) });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('state_conflict');
    expect((await office.patch(`/api/grids/${grid!.id}`, { note: '年中调整' })).statusCode).toBe(200);
  });

  it('activates the draft, archiving the plan it replaces and keeping its history readable', async () => {
    const res = await office.post(`/api/grid-plans/${draft}/activate`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: draft, status: 'active' });
    const old = (await office.get(`/api/grid-plans/${oldActive}`)).json();
    expect(old.status).toBe('archived');
    expect(old.archivedAt).not.toBeNull();
    const history = (await office.get(`/api/grid-plans?regionCode=${ZHANGGONG}`)).json() as Array<{ year: number; status: string }>;
    expect(history.map((p) => [p.year, p.status])).toEqual([
      [2027, 'active'],
      [2026, 'archived'],
      [2025, 'archived'],
    ]);
    expect((await office.get(`/api/grid-plans/${oldActive}/grids?pageSize=5`)).json().total).toBeGreaterThan(0);
    const audit = await query(sql<{ entity_id: string }>`select entity_id from audit_log where action = 'grid_plan.activate' order by id`);
    expect(audit.map((a) => Number(a.entity_id)).sort()).toEqual([oldActive, draft].sort());
    expect((await office.post(`/api/grid-plans/${draft}/activate`)).statusCode).toBe(409);
  });

  it('refuses to activate a plan whose grids overlap, saying which and by how much', async () => {
    const next = (await office.post('/api/grid-plans', { regionCode: ZHANGGONG, year: 2028, name: '2028年方案（草稿）' })).json();
    const { a } = await gridsOfOneVillage(next.id);
    const widened = await geometryOf(a.id, 150);
    const [inside] = await query(sql<{ g: Record<string, unknown> }>`
      select st_asgeojson(st_multi(st_collectionextract(st_intersection(st_setsrid(st_geomfromgeojson(${JSON.stringify(widened)}), 4326), r.geom), 3)), 9)::json as g
        from regions r where r.code = ${a.region_code}`);
    expect((await office.patch(`/api/grids/${a.id}`, { geometry: inside!.g })).statusCode).toBe(200);

    const res = await office.post(`/api/grid-plans/${next.id}/activate`);
    expect(res.statusCode).toBe(409);
    const error = res.json().error;
    expect(error.code).toBe('plan_not_activatable');
    const overlap = error.details.problems.find((p: { kind: string; gridCodes: string[] }) => p.kind === 'overlap' && p.gridCodes.includes(a.code));
    expect(overlap).toBeDefined();
    expect(overlap.area.ha).toBeGreaterThan(0.01);
    expect(error.message).toContain('重叠');
    expect((await office.get(`/api/grid-plans/${next.id}`)).json().status).toBe('draft');
    expect((await office.get(`/api/grid-plans/${next.id}/compare`)).json().canActivate).toBe(false);
  });

  it('deletes a draft with its grids, but never an active plan', async () => {
    const next = (await office.get('/api/grid-plans?status=draft')).json()[0];
    expect((await office.delete(`/api/grid-plans/${next.id}`)).statusCode).toBe(204);
    expect((await office.get(`/api/grid-plans/${next.id}`)).statusCode).toBe(404);
    expect((await query(sql<{ n: number }>`select count(*)::int as n from grids where plan_id = ${next.id}`))[0]!.n).toBe(0);
    expect((await office.delete(`/api/grid-plans/${draft}`)).statusCode).toBe(409);
  });

  it('lets a township user read the county plan but not change it', async () => {
    const township = await townshipChief(t);
    const plans = (await township.get('/api/grid-plans')).json() as Array<{ id: number; gridCount: number }>;
    const active = plans.find((p) => p.id === draft)!;
    const [inTownship] = await query(sql<{ n: number }>`select count(*)::int as n from grids where plan_id = ${draft} and region_code like '360702101%'`);
    expect(active.gridCount).toBe(inTownship!.n);
    expect((await township.post(`/api/grid-plans/${draft}/activate`)).statusCode).toBe(403);
  });
});

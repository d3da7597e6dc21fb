import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { holderOf, officeAdmin, ranger, SHASHI, SHUIDONG, townshipChief, ZHANGGONG } from '../../../test/personas.ts';

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
});
afterAll(() => t.close());

const query = async <R>(text: RawBuilder<R>) => (await t.system.run((tx) => text.execute(tx))).rows;

/** An active-plan grid of 水东镇 that has key risk areas and routes inside it. */
async function busyGrid() {
  const [g] = await query(sql<{ id: number; code: string; region_code: string }>`
    select g.id, g.code, g.region_code from grids g join grid_plans p on p.id = g.plan_id and p.status = 'active'
     where g.region_code like '360702101%'
       and exists (select 1 from risk_areas ra where st_intersects(ra.geom, g.geom))
       and exists (select 1 from key_routes kr where st_intersects(kr.geom, g.geom))
     order by g.code limit 1`);
  return g!;
}

const idsOf = (rows: Array<{ id: number }>) => rows.map((r) => r.id).sort((a, b) => a - b);

describe('a grid lists what its ranger must guard (《重庆市黔江区全面推深做实林长制行动方案（2023—2027年）》 item 4: 网格化落实护林员巡护重点区域、重点线路、重点时段及巡护频次)', () => {
  it('lists the key risk areas and key routes that intersect it', async () => {
    const grid = await busyGrid();
    const detail = (await office.get(`/api/grids/${grid.id}`)).json();
    const risks = await query(sql<{ id: number }>`select ra.id from risk_areas ra join grids g on st_intersects(ra.geom, g.geom) where g.id = ${grid.id}`);
    const routes = await query(sql<{ id: number; inside: number }>`
      select kr.id, st_length(st_intersection(kr.geom, g.geom)::geography) as inside from key_routes kr join grids g on st_intersects(kr.geom, g.geom) where g.id = ${grid.id}`);
    expect(idsOf(detail.riskAreas)).toEqual(idsOf(risks));
    expect(idsOf(detail.keyRoutes)).toEqual(idsOf(routes));
    expect(detail.keyRoutes[0].lengthInGridM).toBeCloseTo(routes.find((r) => r.id === detail.keyRoutes[0].id)!.inside, 0);
    expect(detail.riskAreas.length).toBeGreaterThan(0);
    expect(detail.riskAreas.every((r: { kindName: string | null }) => typeof r.kindName === 'string')).toBe(true);
    expect(detail.geometry.type).toBe('MultiPolygon');
    expect(detail.area.mu).toBeCloseTo(detail.area.ha * 15, 1);
  });

  // 《章贡区2021年林长制工作要点》 item 3: "推动护林员在常规天气下，每月出勤天数累计不少于20天，每次巡护时间不少于2小时；重点防火期间，
  // 在极易发生火灾的天气条件下，加大对农林交错区域、疫木除治山场、林区施工现场、墓区、林区高压线路沿线等重点森林火灾
  // 风险隐患区域巡护力度，做到每日必巡。"
  it('carries the effective patrol rule of 《章贡区2021年林长制工作要点》 item 3 with the document it comes from', async () => {
    const grid = await busyGrid();
    const rules = (await office.get(`/api/grids/${grid.id}?on=2026-11-15`)).json().patrolRules;
    expect(rules.minDaysPerMonth).toMatchObject({ value: 20, source: { kind: 'region', regionCode: ZHANGGONG, regionName: '章贡区' } });
    expect(rules.minDaysPerMonth.source.text).toContain('每月出勤不少于20天');
    expect(rules.minHoursPerPatrol.value).toBe(2);
    expect(rules.keyPeriods.value).toEqual([{ name: '重点防火期', from: '10-01', to: '04-30', frequency: 'daily', target: 'key_risk_areas' }]);
    expect(rules.activeKeyPeriods).toHaveLength(1);
    expect(rules.requirement).toContain('重点区域每日必巡');
    expect((await office.get(`/api/grids/${grid.id}?on=2026-07-01`)).json().patrolRules.activeKeyPeriods).toEqual([]);
  });

  it('lets a village rule, from its effective day, override the county’s; history kept and audited', async () => {
    const grid = await busyGrid();
    const set = await office.put(`/api/patrol-rules/${grid.region_code}`, {
      key: 'patrol.min_days_per_month',
      value: 22,
      effectiveFrom: '2026-06-01',
      source: '村护林员管理细则（示例）',
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().settings).toHaveLength(1);
    await office.put(`/api/patrol-rules/${grid.region_code}`, { key: 'patrol.min_days_per_month', value: 24, effectiveFrom: '2027-01-01' });

    const before = (await office.get(`/api/grids/${grid.id}?on=2026-05-31`)).json().patrolRules.minDaysPerMonth;
    expect(before).toMatchObject({ value: 20, source: { regionCode: ZHANGGONG } });
    const during = (await office.get(`/api/grids/${grid.id}?on=2026-12-31`)).json().patrolRules;
    expect(during.minDaysPerMonth).toMatchObject({ value: 22, source: { kind: 'region', regionCode: grid.region_code, text: '村护林员管理细则（示例）', effectiveTo: '2026-12-31' } });
    expect(during.minHoursPerPatrol.source.regionCode).toBe(ZHANGGONG);
    expect((await office.get(`/api/grids/${grid.id}?on=2027-03-01`)).json().patrolRules.minDaysPerMonth.value).toBe(24);

    const history = (await office.get(`/api/patrol-rules/${grid.region_code}`)).json().settings;
    expect(history.map((s: { value: number; effectiveFrom: string; effectiveTo: string | null }) => [s.value, s.effectiveFrom, s.effectiveTo])).toEqual([
      [22, '2026-06-01', '2026-12-31'],
      [24, '2027-01-01', null],
    ]);
    const audit = await query(sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'patrol_rule.set' and region_code = ${grid.region_code}`);
    expect(audit[0]!.n).toBeGreaterThanOrEqual(2);
  });

  it('refuses a rule value that cannot be, in Chinese', async () => {
    const res = await office.put(`/api/patrol-rules/${SHUIDONG}`, { key: 'patrol.min_days_per_month', value: 40, effectiveFrom: '2026-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('1 到 31');
  });

  it('lets a grid carry its own requirement, which wins over the region’s', async () => {
    const grid = await busyGrid();
    const res = await office.patch(`/api/grids/${grid.id}`, { patrolRule: { minHoursPerPatrol: 3, keyPeriods: [{ name: '清明祭扫期', from: '03-25', to: '04-10', frequency: 'daily', target: 'key_risk_areas' }] } });
    expect(res.statusCode).toBe(200);
    const rules = (await office.get(`/api/grids/${grid.id}?on=2026-04-01`)).json().patrolRules;
    expect(rules.minHoursPerPatrol).toMatchObject({ value: 3, source: { kind: 'grid' } });
    expect(rules.activeKeyPeriods.map((p: { name: string }) => p.name)).toEqual(['清明祭扫期']);
    expect(rules.minDaysPerMonth.source.kind).toBe('region');
  });

  it('shows a ranger their own grid', async () => {
    const me = await ranger(t);
    const [mine] = await query(sql<{ id: number }>`
      select g.id from grids g join grid_plans p on p.id = g.plan_id and p.status = 'active'
        join posts po on po.id = g.ranger_post_id join accounts a on a.person_id = po.person_id where a.username = 'demo-ranger'`);
    const res = await me.get(`/api/grids/${mine!.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().ranger.name).toBeTruthy();
  });
});

describe('a township user sees only their township’s grids, risk areas and routes', () => {
  const shashiIds = async (table: 'grids' | 'risk_areas' | 'key_routes') =>
    (await query(sql<{ id: number }>`select id from ${sql.table(table)} where region_code like '360702100%' order by id limit 25`)).map((r) => r.id);

  it('gets 404 for every grid, risk area and key route of 沙石镇 by guessed id', async () => {
    const township = await townshipChief(t);
    for (const [path, table] of [
      ['grids', 'grids'],
      ['risk-areas', 'risk_areas'],
      ['key-routes', 'key_routes'],
    ] as const) {
      const ids = await shashiIds(table);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect((await township.get(`/api/${path}/${id}`)).statusCode, `${path}/${id}`).toBe(404);
    }
  });

  it('cannot change another township’s risk area or grid even with write rights', async () => {
    const staff = await holderOf(t, 'office_staff', SHUIDONG);
    const [risk] = await shashiIds('risk_areas');
    expect((await staff.patch(`/api/risk-areas/${risk}`, { name: '改名' })).statusCode).toBe(404);
    expect((await staff.delete(`/api/risk-areas/${risk}`)).statusCode).toBe(404);
    const [grid] = await shashiIds('grids');
    expect((await staff.delete(`/api/grids/${grid}/ranger`)).statusCode).toBe(404);
  });

  it('lists only its own township’s risk areas, routes and grids', async () => {
    const township = await townshipChief(t);
    const risks = (await township.get('/api/risk-areas?pageSize=500')).json();
    expect(risks.items.length).toBeGreaterThan(0);
    expect(risks.items.every((r: { regionCode: string }) => r.regionCode.startsWith('360702101'))).toBe(true);
    expect(risks.total).toBe((await query(sql<{ n: number }>`select count(*)::int as n from risk_areas where region_code like '360702101%'`))[0]!.n);
    const routes = (await township.get(`/api/key-routes?regionCode=${SHASHI}`)).json();
    expect(routes.total).toBe(0);
    const [plan] = await query(sql<{ id: number }>`select id from grid_plans where status = 'active'`);
    const grids = (await township.get(`/api/grid-plans/${plan!.id}/grids?pageSize=500`)).json();
    expect(grids.items.length).toBeGreaterThan(0);
    expect(grids.items.every((g: { regionCode: string }) => g.regionCode.startsWith('360702101'))).toBe(true);
  });

  it('reads the county’s rules, which cover it, without seeing the county', async () => {
    const township = await townshipChief(t);
    const rules = (await township.get(`/api/patrol-rules/${SHUIDONG}`)).json();
    expect(rules.effective.minDaysPerMonth.source).toMatchObject({ regionCode: ZHANGGONG, regionName: null });
    expect((await township.get(`/api/patrol-rules/${SHASHI}`)).statusCode).toBe(404);
  });
});

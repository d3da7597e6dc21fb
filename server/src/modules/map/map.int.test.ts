import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anotherApp, Client, startTestApp, type TestApp } from '../../../test/app.ts';
import { neighbourTownshipChief, officeAdmin, ranger, SHASHI, SHUIDONG, townshipChief, ZHANGGONG } from '../../../test/personas.ts';

let t: TestApp;
let township: Client;
let office: Client;
beforeAll(async () => {
  t = await startTestApp();
  township = await townshipChief(t);
  office = await officeAdmin(t);
});
afterAll(() => t.close());

/** A row of a table in a township, read as the system. */
const firstIn = async (table: 'sub_compartments' | 'grids', townshipCode: string) =>
  t.system.run((tx) =>
    tx.selectFrom(table).selectAll().where('region_code', 'like', `${townshipCode.slice(0, 9)}%`).orderBy('id').limit(1).executeTakeFirstOrThrow(),
  );

describe('the layer catalogue', () => {
  it('lists every layer with its zoom range, tile URL, version and legend codes', async () => {
    const res = await township.get('/api/map/layers');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.layers.map((l: { id: string }) => l.id)).toEqual(['regions', 'responsibility_areas', 'sub_compartments', 'grids', 'risk_areas', 'key_routes', 'reference_features']);
    const sub = body.layers.find((l: { id: string }) => l.id === 'sub_compartments');
    expect(sub).toMatchObject({ name: '小班', geometry: 'polygon', minZoom: 10, maxZoom: 16, clickableFromZoom: 12, tileUrl: '/api/tiles/sub_compartments/{z}/{x}/{y}.mvt' });
    const landClass = sub.attributes.find((a: { name: string }) => a.name === 'land_class');
    expect(landClass).toMatchObject({ label: '地类', fromZoom: 10 });
    expect(landClass.codes).toContainEqual({ code: '0111', name: '乔木林地' });
  });

  it('gives the township chief 水东镇 as scope, with its extent for the first view', async () => {
    const { scope } = (await township.get('/api/map/layers')).json();
    expect(scope.regions).toEqual([{ code: SHUIDONG, name: '水东镇' }]);
    const [west, south, east, north] = scope.bbox;
    const county = (await office.get('/api/map/layers')).json().scope.bbox;
    expect(west).toBeGreaterThanOrEqual(county[0]);
    expect(east).toBeLessThanOrEqual(county[2]);
    expect(east - west).toBeLessThan(county[2] - county[0]);
    expect(north).toBeGreaterThan(south);
  });

  it('lists the grid plans, marking the active one the grids layer shows by default', async () => {
    const { gridPlans } = (await township.get('/api/map/layers')).json();
    expect(gridPlans.map((p: { year: number; active: boolean }) => [p.year, p.active])).toEqual([
      [2026, true],
      [2025, false],
    ]);
  });

  it('has no base map unless one is configured, then its URL and attribution', async () => {
    expect((await township.get('/api/map/layers')).json().basemap).toBeNull();
    const configured = await anotherApp(t, { BASEMAP_URL: 'https://tiles.example.org/{z}/{x}/{y}.png', BASEMAP_ATTRIBUTION: '示例底图' });
    try {
      const login = await configured.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo-township', password: 'linzhang-demo' } });
      const client = new Client(configured, { cookie: login.cookies.find((c) => c.name === 'lz_session')!.value, csrfToken: login.json().csrfToken });
      expect((await client.get('/api/map/layers')).json().basemap).toEqual({ layers: [{ tiles: ['https://tiles.example.org/{z}/{x}/{y}.png'] }], attribution: '示例底图' });
    } finally {
      await configured.close();
    }
  });

  it('is open to a ranger (map.read) and closed to nobody signed in', async () => {
    expect((await (await ranger(t)).get('/api/map/layers')).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/map/layers' })).statusCode).toBe(401);
  });
});

describe('clicking a feature', () => {
  it('shows a sub-compartment with coded values named and its area in mu and ha', async () => {
    const row = await firstIn('sub_compartments', SHUIDONG);
    const res = await township.get(`/api/map/features/sub_compartments/${row.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ layer: 'sub_compartments', layerName: '小班', id: row.id, label: `${row.compartment}-${row.number}`, regionCode: row.region_code });
    expect(body.regionPath).toMatch(/^水东镇 \/ /);
    expect(body.areaMu).toBeCloseTo(body.areaHa * 15, 1);
    expect(body.areaHa).toBeCloseTo(Number(row.area_ha), 3);
    const landClass = body.properties.find((p: { key: string }) => p.key === 'land_class');
    const name = await t.system.run((tx) =>
      tx.selectFrom('code_tables').select('name').where('domain', '=', 'land_class').where('code', '=', row.land_class!).executeTakeFirstOrThrow(),
    );
    expect(landClass).toEqual({ key: 'land_class', label: '地类', value: name.name, code: row.land_class });
    expect(body.bbox).toHaveLength(4);
  });

  it('shows a grid with its ranger’s name and its plan', async () => {
    const grid = await t.system.run((tx) =>
      tx
        .selectFrom('grids')
        .innerJoin('grid_plans', 'grid_plans.id', 'grids.plan_id')
        .innerJoin('posts', 'posts.id', 'grids.ranger_post_id')
        .innerJoin('persons', 'persons.id', 'posts.person_id')
        .select(['grids.id', 'grids.plan_id', 'grid_plans.name as plan_name', 'persons.name as ranger_name', 'posts.id as post_id'])
        .where('grids.region_code', 'like', '360702101%')
        .where('grid_plans.status', '=', 'active')
        .orderBy('grids.id')
        .executeTakeFirstOrThrow(),
    );
    const body = (await township.get(`/api/map/features/grids/${grid.id}`)).json();
    expect(body.plan).toMatchObject({ id: grid.plan_id, name: grid.plan_name, status: 'active' });
    expect(body.ranger).toEqual({ postId: grid.post_id, name: grid.ranger_name });
    expect(body.properties).toContainEqual({ key: 'ranger_name', label: '护林员', value: grid.ranger_name });
  });

  it('shows a region by its code', async () => {
    const body = (await township.get(`/api/map/features/regions/${SHUIDONG}`)).json();
    expect(body).toMatchObject({ label: '水东镇', regionPath: '水东镇' });
    expect(body.properties).toContainEqual({ key: 'level_name', label: '级别', value: '乡镇（街道）' });
  });

  it('is 404 for a neighbour township’s sub-compartment, grid or the district itself, guessed by id', async () => {
    const sub = await firstIn('sub_compartments', SHASHI);
    const grid = await firstIn('grids', SHASHI);
    for (const url of [`/api/map/features/sub_compartments/${sub.id}`, `/api/map/features/grids/${grid.id}`, `/api/map/features/regions/${ZHANGGONG}`]) {
      const res = await township.get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect((await office.get(`/api/map/features/sub_compartments/${sub.id}`)).statusCode).toBe(200);
  });

  it('is 404 layer_unknown for a layer the map does not have', async () => {
    const res = await township.get('/api/map/features/forests/1');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('layer_unknown');
  });
});

describe('searching the map', () => {
  it('finds sub-compartments by 林班号-小班号 only inside the caller’s township', async () => {
    const row = await firstIn('sub_compartments', SHUIDONG);
    const q = encodeURIComponent(`${row.compartment}-${row.number}`);
    const mine = (await township.get(`/api/map/search?q=${q}`)).json();
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.map((r: { id: number }) => r.id)).toContain(row.id);
    for (const r of mine) {
      expect(r.layer).toBe('sub_compartments');
      expect(r.regionPath).toMatch(/^水东镇/);
      expect(r.bbox).toHaveLength(4);
    }
    const all = (await office.get(`/api/map/search?q=${q}`)).json();
    expect(all.length).toBeGreaterThan(mine.length);
  });

  it('finds by 小班号 alone, ignoring leading zeros, up to 20 results', async () => {
    const row = await firstIn('sub_compartments', SHUIDONG);
    const results = (await township.get(`/api/map/search?q=${Number(row.number)}`)).json();
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(20);
    expect(results.every((r: { label: string }) => r.label.endsWith(`-${row.number}`))).toBe(true);
  });

  it('finds townships and villages by name, and grids by name or code', async () => {
    const byName = (await township.get(`/api/map/search?q=${encodeURIComponent('水东')}`)).json();
    expect(byName[0]).toMatchObject({ layer: 'regions', id: Number(SHUIDONG), label: '水东镇' });
    const grid = await t.system.run((tx) =>
      tx
        .selectFrom('grids')
        .innerJoin('grid_plans', 'grid_plans.id', 'grids.plan_id')
        .select(['grids.id', 'grids.code'])
        .where('grid_plans.status', '=', 'active')
        .where('grids.region_code', 'like', '360702101%')
        .orderBy('grids.id')
        .executeTakeFirstOrThrow(),
    );
    const byCode = (await township.get(`/api/map/search?q=${grid.code}`)).json();
    expect(byCode).toContainEqual(expect.objectContaining({ layer: 'grids', id: grid.id }));
  });

  it('finds nothing of a neighbour township', async () => {
    const neighbourName = encodeURIComponent('沙石');
    expect((await township.get(`/api/map/search?q=${neighbourName}`)).json()).toEqual([]);
    expect((await office.get(`/api/map/search?q=${neighbourName}`)).json()[0]).toMatchObject({ id: Number(SHASHI) });
    const neighbour = await neighbourTownshipChief(t);
    const theirs = (await neighbour.get(`/api/map/search?q=${encodeURIComponent('水东')}`)).json();
    expect(theirs.filter((r: { regionPath: string | null }) => r.regionPath?.startsWith('水东镇'))).toEqual([]);
  });

  it('refuses an empty query with a Chinese message', async () => {
    const res = await township.get('/api/map/search?q=%20');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { busiestVillage, geoJson, parcels } from '../../../test/fixtures/import-files.ts';
import { importFile } from '../../../test/fixtures/imports-client.ts';
import { holderOf, officeAdmin, SHASHI, SHUIDONG } from '../../../test/personas.ts';

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
});
afterAll(() => t.close());

const query = async <R>(text: RawBuilder<R>) => (await t.system.run((tx) => text.execute(tx))).rows;
const idsOf = (rows: Array<{ id: number }>) => rows.map((r) => r.id).sort((a, b) => a - b);

describe('key risk areas and routes', () => {
  let staff: Client;
  beforeAll(async () => {
    staff = await holderOf(t, 'office_staff', SHUIDONG);
  });

  const squareIn = async (regionCode: string, sizeMetres = 80) => {
    const [row] = await query(sql<{ g: Record<string, unknown> }>`
      select st_asgeojson(st_buffer(st_pointonsurface(geom)::geography, ${sizeMetres}, 'quad_segs=1')::geometry, 9)::json as g
        from regions where code = ${regionCode}`);
    return row!.g;
  };

  it('records a typed risk area and names its kind from the code table', async () => {
    const village = '360702101200';
    const res = await staff.post('/api/risk-areas', { kind: 'pine_wilt_removal', name: '疫木除治山场（新）', geometry: await squareIn(village) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'pine_wilt_removal', kindName: '疫木除治山场', regionCode: village, geometryType: 'POLYGON' });
    expect(res.json().area.ha).toBeGreaterThan(0);
    const list = (await staff.get(`/api/risk-areas?kind=pine_wilt_removal&regionCode=${village}`)).json();
    expect(list.items.map((r: { id: number }) => r.id)).toContain(res.json().id);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((r: { kind: string }) => r.kind === 'pine_wilt_removal')).toBe(true);
  });

  it('filters risk areas by a bounding box', async () => {
    const [box] = await query(sql<{ b: string }>`
      select concat_ws(',', st_xmin(geom), st_ymin(geom), st_xmax(geom), st_ymax(geom)) as b from regions where code = '360702101201'`);
    const list = (await office.get(`/api/risk-areas?bbox=${box!.b}&pageSize=500`)).json();
    const expected = await query(sql<{ id: number }>`
      select ra.id from risk_areas ra, regions r where r.code = '360702101201' and ra.geom && st_envelope(r.geom)`);
    expect(idsOf(list.items)).toEqual(idsOf(expected));
  });

  it('refuses a bow-tie polygon instead of guessing what was meant', async () => {
    const [c] = await query(sql<{ x: number; y: number }>`select st_x(p) as x, st_y(p) as y from (select st_pointonsurface(geom) as p from regions where code = '360702101200') s`);
    const d = 0.002;
    const bowtie = { type: 'Polygon', coordinates: [[[c!.x, c!.y], [c!.x + d, c!.y + d], [c!.x + d, c!.y], [c!.x, c!.y + d], [c!.x, c!.y]]] };
    const res = await staff.post('/api/risk-areas', { kind: 'other', name: '自相交', geometry: bowtie });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_geometry' });
    expect(res.json().error.message).toContain('自相交');
  });

  it('draws a key route and measures it on the ellipsoid', async () => {
    const [line] = await query(sql<{ g: Record<string, unknown>; m: number }>`
      select st_asgeojson(l, 9)::json as g, st_length(l::geography) as m from (
        select st_makeline(st_pointonsurface(geom), st_project(st_pointonsurface(geom)::geography, 300, 0)::geometry) as l
          from regions where code = '360702101200') s`);
    const res = await staff.post('/api/key-routes', { name: '新巡护线路', geometry: line!.g });
    expect(res.statusCode).toBe(201);
    expect(res.json().lengthM).toBeCloseTo(line!.m, 0);
    expect((await staff.delete(`/api/key-routes/${res.json().id}`)).statusCode).toBe(204);
  });

  it('a township office cannot file a risk area in another township (403)', async () => {
    const res = await staff.post('/api/risk-areas', { kind: 'graves', name: '墓区', regionCode: SHASHI, geometry: await squareIn('360702100200') });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('out_of_scope');
    const elsewhere = await staff.post('/api/risk-areas', { kind: 'graves', name: '墓区', regionCode: SHUIDONG, geometry: await squareIn('360702100200') });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.message).toContain('不在所选区划');
  });
});

describe('kinds of key risk area come from the code table alone (代码表 risk_area_kind)', () => {
  const csv = { 'content-type': 'text/csv; charset=utf-8' };
  const kinds = async () => (await office.get('/api/code-tables.csv')).body.split('\n').filter((l) => l.startsWith('risk_area_kind,'));

  it('an office adds a kind in the code tables, then draws and imports risk areas of it', async () => {
    const added = await office.put('/api/code-tables', `domain,code,name,flags,sort\n${(await kinds()).join('\n')}\nrisk_area_kind,quarry,采石场,,70\n`, csv);
    expect(added.statusCode).toBe(200);

    const staff = await holderOf(t, 'office_staff', SHUIDONG);
    const village = await busiestVillage(t, SHUIDONG);
    const [parcel] = await parcels(t, village, 1);
    const drawn = await staff.post('/api/risk-areas', { kind: 'quarry', name: '七里采石场', geometry: parcel!.lonLat });
    expect(drawn.statusCode).toBe(201);
    expect(drawn.json()).toMatchObject({ kind: 'quarry', kindName: '采石场' });

    const file = { name: '采石场.geojson', data: geoJson((await parcels(t, village, 2, 1)).map((p, i) => ({ geometry: p.lonLat, properties: { 名称: `采石场${i + 1}`, 类型: '采石场' } }))) };
    const job = await importFile(office, file, 'risk_areas', SHUIDONG);
    expect(job.report).toMatchObject({ imported: 2, rejected: 0 });
    const imported = await query(sql<{ kind: string }>`select kind from risk_areas where dataset = '采石场.geojson'`);
    expect(imported).toEqual([{ kind: 'quarry' }, { kind: 'quarry' }]);
  });

  it('a kind the code table lacks is refused, whoever writes it: 400 through the API, a check violation in the database', async () => {
    const [parcel] = await parcels(t, SHUIDONG.slice(0, 9), 1);
    const res = await office.post('/api/risk-areas', { kind: 'volcano', name: '火山', geometry: parcel!.lonLat });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'invalid_value', message: '取值无效：代码「volcano」不在代码表 risk_area_kind 中' });
    const [risk] = await query(sql<{ id: number }>`select id from risk_areas order by id limit 1`);
    const direct = await query(sql`update risk_areas set kind = 'volcano' where id = ${risk!.id}`).catch((e: unknown) => e);
    expect(direct).toMatchObject({ code: '23514', constraint: 'code_tables_known' });
    const land = await query(sql`update sub_compartments set land_class = '9999' where id = (select min(id) from sub_compartments)`).catch((e: unknown) => e);
    expect(land).toMatchObject({ code: '23514', constraint: 'code_tables_known', message: '代码「9999」不在代码表 land_class 中' });
  });
});

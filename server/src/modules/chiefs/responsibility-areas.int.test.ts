import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { holderOf, officeAdmin, SHASHI, SHUIDONG, townshipChief } from '../../../test/personas.ts';

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
});
afterAll(() => t.close());

const query = async <R>(text: RawBuilder<R>) => (await t.system.run((tx) => text.execute(tx))).rows;

/** A village of 水东镇, its forest chief's post and a GeoJSON polygon inside the village (a third of it, cut by PostGIS). */
async function villageChiefAndLand() {
  const [row] = await query(sql<{ post_id: number; region_code: string; g: Record<string, unknown>; ha: number }>`
    select p.id as post_id, p.region_code,
           st_asgeojson(x.g, 9)::json as g, st_area(x.g::geography) / 10000 as ha
      from posts p join regions r on r.code = p.region_code
      cross join lateral (select st_intersection(r.geom, st_envelope(st_collect(
          st_pointonsurface(r.geom), st_project(st_pointonsurface(r.geom)::geography, 800, radians(45))::geometry))) as g) x
     where p.post_type = 'forest_chief' and p.ends_on is null and r.level = 5 and r.code like '360702101%'
     order by p.id limit 1`);
  return row!;
}

describe('responsibility areas (责任区域) of chiefs', () => {
  it('are drawn for a chief’s post, measured on the ellipsoid, and listed by post', async () => {
    const { post_id, region_code, g, ha } = await villageChiefAndLand();
    const res = await office.post('/api/responsibility-areas', { postId: post_id, name: '后山责任区', geometry: g });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ postId: post_id, regionCode: region_code, name: '后山责任区', chief: { postType: 'forest_chief', active: true } });
    expect(res.json().area.ha).toBeCloseTo(ha, 2);
    const list = (await office.get(`/api/responsibility-areas?postId=${post_id}`)).json() as Array<{ name: string }>;
    expect(list.map((a) => a.name)).toContain('后山责任区');
    expect(list.length).toBeGreaterThanOrEqual(2);
  });

  it('are renamed, redrawn and deleted', async () => {
    const { post_id, g } = await villageChiefAndLand();
    const created = (await office.post('/api/responsibility-areas', { postId: post_id, name: '临时', geometry: g })).json();
    const renamed = await office.patch(`/api/responsibility-areas/${created.id}`, { name: '东片责任区' });
    expect(renamed.json().name).toBe('东片责任区');
    expect((await office.delete(`/api/responsibility-areas/${created.id}`)).statusCode).toBe(204);
    expect((await office.get(`/api/responsibility-areas/${created.id}`)).statusCode).toBe(404);
  });

  it('belong only to chiefs', async () => {
    const { g } = await villageChiefAndLand();
    const [rangerPost] = await query(sql<{ id: number }>`select id from posts where post_type = 'ranger' and region_code like '360702101%' and ends_on is null limit 1`);
    const res = await office.post('/api/responsibility-areas', { postId: rangerPost!.id, name: '护林员不该有', geometry: g });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不是林长');
  });

  it('must lie in the chief’s region', async () => {
    const { post_id } = await villageChiefAndLand();
    const [far] = await query(sql<{ g: Record<string, unknown> }>`
      select st_asgeojson(st_buffer(st_pointonsurface(geom)::geography, 100)::geometry, 9)::json as g from regions where code = '360702100200'`);
    const res = await office.post('/api/responsibility-areas', { postId: post_id, name: '越界', geometry: far!.g });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不在所选区划');
  });

  it('are drawn by whoever appoints chiefs (people.write); a township chief may only read', async () => {
    const { post_id, g } = await villageChiefAndLand();
    const township = await townshipChief(t);
    expect((await township.post('/api/responsibility-areas', { postId: post_id, name: 'x', geometry: g })).statusCode).toBe(403);
    const mine = (await township.get('/api/responsibility-areas')).json() as Array<{ regionCode: string }>;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((a) => a.regionCode.startsWith('360702101'))).toBe(true);
  });

  it('of another township are invisible (404) and cannot be given to its chiefs', async () => {
    const township = await townshipChief(t);
    const ids = await query(sql<{ id: number }>`select id from responsibility_areas where region_code like '360702100%' order by id`);
    for (const { id } of ids) expect((await township.get(`/api/responsibility-areas/${id}`)).statusCode).toBe(404);
    const staff = await holderOf(t, 'office_staff', SHUIDONG);
    const [shashiChief] = await query(sql<{ id: number }>`select id from posts where post_type = 'forest_chief' and region_code = ${SHASHI} and ends_on is null limit 1`);
    const { g } = await villageChiefAndLand();
    const res = await staff.post('/api/responsibility-areas', { postId: shashiChief!.id, name: 'x', geometry: g });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('reference_missing');
    const [shashiArea] = ids;
    expect((await staff.delete(`/api/responsibility-areas/${shashiArea!.id}`)).statusCode).toBe(404);
  });
});

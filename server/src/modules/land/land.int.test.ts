import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { holderOf, officeAdmin, SHUIDONG, townshipChief, ZHANGGONG } from '../../../test/personas.ts';
import { auditAs } from '../../db/scoped.ts';
import { systemContext } from '../../platform/context.ts';
import { loadRegions } from '../regions/load.ts';
import { LAYERS } from '../layers.ts';
import { codesInUse } from './repository/code-tables.ts';

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
});
afterAll(() => t.close());

const query = async <R>(text: RawBuilder<R>) => (await t.system.run((tx) => text.execute(tx))).rows;
const csv = { 'content-type': 'text/csv; charset=utf-8' };

describe('code tables (coded values stay codes; an office edits the names in a file)', () => {
  it('serves every domain with names and flags', async () => {
    const domains = (await office.get('/api/code-tables')).json() as Array<{ domain: string; entries: Array<{ code: string; name: string; flags: string[] }> }>;
    expect(domains.map((d) => d.domain)).toEqual(expect.arrayContaining(['land_class', 'origin', 'dominant_species', 'age_group', 'risk_area_kind']));
    const one = (await office.get('/api/code-tables?domain=land_class')).json();
    expect(one).toHaveLength(1);
    expect(one[0].entries.find((e: { code: string }) => e.code === '0111')).toMatchObject({ name: '乔木林地', flags: ['forest_land', 'forest'] });
  });

  it('round-trips the downloaded file: edit a name, upload, and the new name is served', async () => {
    const download = await office.get('/api/code-tables.csv');
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('text/csv');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''");
    const edited = download.body.replace('dominant_species,220,马尾松,', 'dominant_species,220,马尾松（含湿地松以外的松类）,');
    expect(edited).not.toBe(download.body);
    const res = await office.put('/api/code-tables', edited, csv);
    expect(res.statusCode).toBe(200);
    expect(res.json().domains.map((d: { domain: string }) => d.domain)).toContain('dominant_species');
    const species = (await office.get('/api/code-tables?domain=dominant_species')).json()[0].entries;
    expect(species.find((e: { code: string }) => e.code === '220').name).toBe('马尾松（含湿地松以外的松类）');
    expect((await office.get('/api/code-tables.csv')).body).toBe(edited);
    const [event] = await query(sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'code_tables.replace'`);
    expect(event!.n).toBe(1);
  });

  it('replaces only the domains in the file', async () => {
    const before = (await office.get('/api/code-tables?domain=origin')).json()[0].entries.length;
    const res = await office.put('/api/code-tables', 'domain,code,name,flags,sort\nage_group,1,幼龄林,,10\nage_group,2,中龄林,,20\nage_group,3,近熟林,,30\nage_group,4,成熟林,,40\nage_group,5,过熟林,,50\n', csv);
    expect(res.statusCode).toBe(200);
    expect((await office.get('/api/code-tables?domain=origin')).json()[0].entries).toHaveLength(before);
  });

  it('answers a bad file with every wrong line numbered, and changes nothing', async () => {
    const before = (await office.get('/api/code-tables.csv')).body;
    const bad = ['domain,code,name,flags,sort', 'land_class,0111,乔木林地,forest_land|forest,10', 'land_class,0113,,forest_land|forest,20', 'Origin,11,天然下种,natural,10', 'origin,12,人工促进天然更新,natural,ten'].join('\n');
    const res = await office.put('/api/code-tables', bad, csv);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('code_table_invalid');
    expect(res.json().error.details.errors.map((e: { line: number }) => e.line)).toEqual([3, 4, 5]);
    expect(res.json().error.message).toContain('第 3 行');
    expect((await office.get('/api/code-tables.csv')).body).toBe(before);
  });

  it('refuses to drop a code that sub-compartments still use', async () => {
    const res = await office.put('/api/code-tables', 'domain,code,name,flags,sort\norigin,11,天然下种,natural,10\n', csv);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/origin 21（\d+ 条记录在用）/);
  });

  it('may be changed only by an office whose scope covers a whole county', async () => {
    const staff = await holderOf(t, 'office_staff', SHUIDONG);
    const res = await staff.put('/api/code-tables', 'domain,code,name,flags,sort\nage_group,1,幼龄林,,10\n', csv);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('county_scope_required');
    expect((await (await townshipChief(t)).put('/api/code-tables', 'x', csv)).statusCode).toBe(403);
  });
});

describe('sub-compartments (小班)', () => {
  it('lists with filters and pagination, coded values named, areas in ha and mu', async () => {
    const page = (await office.get(`/api/sub-compartments?regionCode=${SHUIDONG}&landClass=0111&pageSize=20&page=2`)).json();
    const [count] = await query(sql<{ n: number }>`select count(*)::int as n from sub_compartments where region_code like '360702101%' and land_class = '0111'`);
    expect(page.total).toBe(count!.n);
    expect(page.items).toHaveLength(20);
    const first = page.items[0];
    expect(first.landClass).toEqual({ code: '0111', name: '乔木林地' });
    expect(first.regionCode.startsWith('360702101')).toBe(true);
    expect(first.townshipName).toBe('水东镇');
    expect(first.area.mu).toBeCloseTo(first.area.ha * 15, 1);
    const bySpecies = (await office.get('/api/sub-compartments?dominantSpecies=350&pageSize=500')).json();
    expect(bySpecies.items.every((s: { dominantSpecies: { code: string; name: string } }) => s.dominantSpecies.name === '杉木')).toBe(true);
  });

  it('finds one by compartment and number, with all its attributes and geometry', async () => {
    const [s] = await query(sql<{ id: number; region_code: string; compartment: string; number: string }>`
      select id, region_code, compartment, number from sub_compartments where region_code like '360702101%' and origin is not null order by id limit 1`);
    const list = (await office.get(`/api/sub-compartments?regionCode=${s!.region_code}&compartment=${s!.compartment}&number=${s!.number}`)).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([s!.id]);
    const detail = (await office.get(`/api/sub-compartments/${s!.id}`)).json();
    expect(detail.geometry.type).toBe('MultiPolygon');
    expect(detail.origin.name).toBeTruthy();
    expect(detail.dataset).toBeTruthy();
  });

  it('a township user gets 404 for every sub-compartment of 沙石镇 by guessed id', async () => {
    const township = await townshipChief(t);
    const ids = await query(sql<{ id: number }>`select id from sub_compartments where region_code like '360702100%' order by id limit 30`);
    expect(ids.length).toBe(30);
    for (const { id } of ids) expect((await township.get(`/api/sub-compartments/${id}`)).statusCode).toBe(404);
    expect((await township.get('/api/sub-compartments?regionCode=360702100000')).json().total).toBe(0);
  });
});

describe('reference layers', () => {
  it('are created, given features and deleted by the office', async () => {
    const layer = await office.post('/api/reference-layers', { regionCode: ZHANGGONG, name: '国有林场（示例）', kind: 'forest_farm' });
    expect(layer.statusCode).toBe(201);
    const [c] = await query(sql<{ x: number; y: number }>`select st_x(p) as x, st_y(p) as y from (select st_pointonsurface(geom) as p from regions where code = ${SHUIDONG}) s`);
    const open = [[c!.x, c!.y], [c!.x + 0.01, c!.y], [c!.x + 0.01, c!.y + 0.01], [c!.x, c!.y + 0.01]];
    const feature = await office.post(`/api/reference-layers/${layer.json().id}/features`, { name: '一分场', properties: { 面积: 120 }, geometry: { type: 'Polygon', coordinates: [open] } });
    expect(feature.statusCode).toBe(201);
    expect(feature.json().geometry.coordinates[0]).toHaveLength(5);
    const all = (await office.get(`/api/reference-layers/${layer.json().id}/features`)).json();
    expect(all.features.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['一分场']);
    expect((await office.get('/api/reference-layers')).json().find((l: { id: number }) => l.id === layer.json().id).featureCount).toBe(1);
    expect((await office.post('/api/reference-layers', { regionCode: ZHANGGONG, name: '国有林场（示例）' })).statusCode).toBe(409);
    expect((await office.delete(`/api/reference-layers/${layer.json().id}`)).statusCode).toBe(204);
    expect((await office.get(`/api/reference-layers/${layer.json().id}`)).statusCode).toBe(404);
  });

  it('logs every feature added or removed: who, when, and the row before and after', async () => {
    const layer = (await office.post('/api/reference-layers', { regionCode: SHUIDONG, name: '审计测试图层', kind: 'other' })).json();
    const [c] = await query(sql<{ x: number; y: number }>`select st_x(p) as x, st_y(p) as y from (select st_pointonsurface(geom) as p from regions where code = ${SHUIDONG}) s`);
    const added = (await office.post(`/api/reference-layers/${layer.id}/features`, { name: '瞭望塔', properties: { 高度: 18 }, geometry: { type: 'Point', coordinates: [c!.x, c!.y] } })).json();
    expect((await office.delete(`/api/reference-layers/${layer.id}/features/${added.id}`)).statusCode).toBe(204);

    const log = await query(sql<{ action: string; actor_name: string; actor_account_id: number | null; region_code: string; at: Date; before: { name: string } | null; after: { name: string; properties: unknown } | null }>`
      select action, actor_name, actor_account_id, region_code, at, before, after from audit_log
       where entity = 'reference_features' and entity_id = ${String(added.id)} order by id`);
    const [account] = await query(sql<{ id: number }>`select id from accounts where username = 'demo-office'`);
    expect(log.map((e) => e.action)).toEqual(['insert', 'delete']);
    expect(log.every((e) => e.actor_account_id === account!.id && e.actor_name.includes('demo-office') && e.region_code === SHUIDONG && e.at instanceof Date)).toBe(true);
    expect(log[0]!.before).toBeNull();
    expect(log[0]!.after).toMatchObject({ name: '瞭望塔', properties: { 高度: 18 }, layer_id: layer.id });
    expect(log[1]!.before).toMatchObject({ name: '瞭望塔', layer_id: layer.id });
    expect(log[1]!.after).toBeNull();
  });

  it('leaves an import\'s bulk write to the import\'s own event (decision 005), row by row only outside it', async () => {
    const [layer] = await query(sql<{ id: number }>`select id from reference_layers where name = '审计测试图层'`);
    const count = async () => (await query(sql<{ n: number }>`select count(*)::int as n from audit_log where entity = 'reference_features'`))[0]!.n;
    const before = await count();
    await t.system.run(async (tx) => {
      await auditAs(tx, 'import.write');
      await sql`insert into reference_features (layer_id, region_code, name, geom, dataset)
                select ${layer!.id}, ${SHUIDONG}, '导入要素' || i, st_setsrid(st_makepoint(115 + i * 0.001, 25.8), 4326), '批量导入测试'
                  from generate_series(1, 50) i`.execute(tx);
    });
    expect(await count()).toBe(before);
  });

  it('refuses GeoJSON in projected metres with a hint', async () => {
    const [layer] = await query(sql<{ id: number }>`select id from reference_layers limit 1`);
    const res = await office.post(`/api/reference-layers/${layer!.id}/features`, { geometry: { type: 'Point', coordinates: [590000, 2855000] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('outside_china');
    expect(res.json().error.message).toContain('投影坐标');
  });

  it('hold only points, lines and polygons: the database refuses a geometry collection whoever writes it', async () => {
    const [layer] = await query(sql<{ id: number; region_code: string }>`select id, region_code from reference_layers limit 1`);
    const collection = sql`st_geomfromtext('GEOMETRYCOLLECTION(POINT(114.93 25.83), LINESTRING(114.93 25.83, 114.94 25.84))', 4326)`;
    const refused = await query(sql`insert into reference_features (layer_id, region_code, geom) values (${layer!.id}, ${layer!.region_code}, ${collection})`).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: '23514', constraint: 'reference_features_geom_type' });
  });
});

describe('code tables serve the whole installation: one table for every county it holds', () => {
  const NANKANG = '360703000000'; // 南康区, a second county of 赣州市
  const species = async () => {
    const file = (await office.get('/api/code-tables.csv')).body.replace(/^\uFEFF/, '');
    return file.split('\n').filter((line) => line.startsWith('domain,') || line.startsWith('dominant_species,'));
  };
  const without = (lines: string[], code: string) => `${lines.filter((l) => !l.startsWith(`dominant_species,${code},`)).join('\n')}\n`;
  /** A species code that only the county loaded below uses (章贡区 does not). */
  const NEW_CODE = '991';

  it('a single-county installation\'s county office may still change them, e.g. add a species code', async () => {
    const res = await office.put('/api/code-tables', `${(await species()).join('\n')}\ndominant_species,${NEW_CODE},南酸枣,,135\n`, csv);
    expect(res.statusCode).toBe(200);
    expect((await species()).some((l) => l.startsWith(`dominant_species,${NEW_CODE},南酸枣`))).toBe(true);
  });

  it('counts the sub-compartments of every county as in use, whoever asks, and gives the caller back their scope', async () => {
    await loadRegions(t.system, ['360703']);
    const [village] = await query(sql<{ code: string }>`select code from regions where level = 5 and code like '360703%' order by code limit 1`);
    await t.system.run((tx) =>
      sql`insert into sub_compartments (region_code, compartment, number, geom, dominant_species, dataset)
          values (${village!.code}, '0001', '001', st_multi(st_makeenvelope(114.74, 25.66, 114.75, 25.67, 4326)), ${NEW_CODE}, '南康区测试')`.execute(tx),
    );
    const zhanggong = systemContext(t.database.app, [ZHANGGONG]);
    const { used, seenAfter } = await zhanggong.run(async (tx) => ({
      used: await codesInUse(tx, LAYERS.codeColumns('dominant_species')),
      seenAfter: (await sql<{ n: number }>`select count(*)::int as n from sub_compartments where region_code like '360703%'`.execute(tx)).rows[0]!.n,
    }));
    expect(used).toContainEqual({ code: NEW_CODE, n: 1 });
    expect(seenAfter).toBe(0);
  });

  it('an office of one county may not change them once the installation holds another county, and is told why', async () => {
    const before = (await office.get('/api/code-tables.csv')).body;
    const res = await office.put('/api/code-tables', without(await species(), NEW_CODE), csv);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('county_scope_required');
    expect(res.json().error.message).toContain('代码表全系统通用');
    expect(res.json().error.details).toMatchObject({ counties: [ZHANGGONG, NANKANG], outside: [NANKANG] });
    expect(res.json().error.details.reason).toBe('本系统包含 2 个县（区）（章贡区、南康区），代码表对它们同时生效，您的管辖范围不含南康区');
    expect((await office.get('/api/code-tables.csv')).body).toBe(before);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import type { Geometry, MultiLineString } from 'geojson';
import {
  busiestVillage,
  gaussKrugerShapefile,
  geoJson,
  gpx,
  IMPORTED_COMPARTMENT,
  kml,
  kmz,
  parcels,
  toGcj02,
  type SourceParcel,
} from '../../../test/fixtures/import-files.ts';
import { importFile, upload, waitForJob } from '../../../test/fixtures/imports-client.ts';
import { repack, unzipEntries, zipEntries } from '../../../test/fixtures/zip-parts.ts';
import { officeAdmin, SHUIDONG } from '../../../test/personas.ts';

let t: TestApp;
let office: Client;
let village: string;
let sources: SourceParcel[];
let shapefile: Buffer;

beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
  village = await busiestVillage(t, SHUIDONG);
  sources = await parcels(t, village, 6);
  shapefile = await gaussKrugerShapefile(sources);
});
afterAll(() => t.close());

const imported = () =>
  t.system.run(async (tx) => {
    const { rows } = await sql<{
      region_code: string;
      number: string;
      land_class: string;
      dominant_species: string;
      age_group: string;
      canopy_density: number;
      survey_year: number;
      extra: Record<string, unknown>;
      area_ha: number;
      lon: number;
      lat: number;
    }>`select region_code, number, land_class, dominant_species, age_group, canopy_density, survey_year, extra, area_ha,
              st_x(st_centroid(geom)) as lon, st_y(st_centroid(geom)) as lat
         from sub_compartments where compartment = ${IMPORTED_COMPARTMENT} order by number`.execute(tx);
    return rows;
  });

describe('a GBK Shapefile in a Gauss–Krüger zone', () => {
  it('is inspected: CGCS2000 GK CM 114°E from the .prj, GBK from the .cpg, pinyin fields mapped', async () => {
    const res = await upload(office, { name: '林班小班.zip', data: shapefile }, 'sub_compartments', SHUIDONG);
    expect(res.statusCode).toBe(201);
    const job = res.json();
    expect(job).toMatchObject({ status: 'uploaded', format: 'shapefile', ready: true, missing: [] });
    const [layer] = job.inspection.layers;
    expect(layer).toMatchObject({ name: '林班小班', featureCount: 7, crs: { crs: { code: 'EPSG:4547' }, source: 'prj' }, encoding: { used: 'gbk', source: 'cpg' } });
    expect(layer.suggestedMapping).toMatchObject({ LIN_BAN: 'compartment', XIAO_BAN: 'number', DI_LEI: 'land_class', YOU_SHI_SZ: 'dominant_species', LING_ZU: 'age_group', YU_BI_DU: 'canopy_density' });
    expect(layer.fields.find((f: { name: string }) => f.name === 'BEI_ZHU').samples[0]).toBe('水东镇测试小班1号');
  });

  it('imports the sub-compartments where they are, with their Chinese attributes and areas', async () => {
    const job = await importFile(office, { name: '林班小班.zip', data: shapefile }, 'sub_compartments', SHUIDONG);
    expect(job.status).toBe('succeeded');
    expect(job.report).toMatchObject({ read: 7, imported: 6, inserted: 6, updated: 0, rejected: 1, projection: { code: 'EPSG:4547' }, encoding: 'GBK' });
    expect(job.report.rejectedRows).toEqual([{ row: 7, reason: expect.stringContaining('地类“不存在的地类”不在代码表中') }]);
    const rows = await imported();
    expect(rows).toHaveLength(6);
    rows.forEach((row, i) => {
      const source = sources[i]!;
      expect(row.region_code).toBe(source.regionCode);
      expect(row.land_class).toBe('0111'); // 乔木林地 → 0111 by name, or the code itself
      expect(row.dominant_species).toBe('350');
      expect(row.age_group).toBe('2');
      expect(Number(row.canopy_density)).toBe(0.65);
      expect(row.survey_year).toBe(2023);
      expect(row.extra).toEqual({ BEI_ZHU: `水东镇测试小班${i + 1}号` });
      expect(Math.abs(Number(row.area_ha) - source.areaHa) / source.areaHa).toBeLessThan(0.001);
      expect(row.lon).toBeGreaterThan(114.6);
      expect(row.lon).toBeLessThan(115.2);
      expect(row.lat).toBeGreaterThan(25.6);
      expect(row.lat).toBeLessThan(26.0);
    });
  });

  it('re-imported, replaces what it brought instead of duplicating it', async () => {
    const job = await importFile(office, { name: '林班小班.zip', data: shapefile }, 'sub_compartments', SHUIDONG);
    expect(job.report).toMatchObject({ read: 7, imported: 6, inserted: 0, updated: 6, rejected: 1 });
    expect(await imported()).toHaveLength(6);
  });

  it('leaves one audit event when it starts and one with the report summary when it ends', async () => {
    const job = await importFile(office, { name: '林班小班.zip', data: shapefile }, 'sub_compartments', SHUIDONG);
    const events = await t.system.run((tx) =>
      tx.selectFrom('audit_log').select(['action', 'actor_name', 'after']).where('entity', '=', 'import_jobs').where('entity_id', '=', String(job.id)).orderBy('id').execute(),
    );
    expect(events.map((e) => e.action)).toEqual(['import.start', 'import.succeed']);
    expect(events[1]!.actor_name).toContain('demo-office');
    expect(events[1]!.after).toMatchObject({ read: 7, imported: 6, updated: 6, rejected: 1 });
  });
});

describe('a zip of several Shapefiles', () => {
  it('lists every layer and imports the one chosen', async () => {
    const entries = await unzipEntries(shapefile);
    const renamed = new Map([...entries].map(([name, data]) => [name.replace('林班小班', '第二层'), data]));
    const zip = await zipEntries(new Map([...entries, ...renamed]));
    const created = (await upload(office, { name: '两层.zip', data: zip }, 'sub_compartments', SHUIDONG)).json();
    expect(created.inspection.layers.map((l: { name: string }) => l.name)).toEqual(['林班小班', '第二层']);
    expect(created.settings.layer).toBe('林班小班');
    const chosen = (await office.patch(`/api/imports/${created.id}`, { layer: '第二层', dataset: '两层' })).json();
    expect(chosen.settings).toMatchObject({ layer: '第二层', dataset: '两层', mapping: { LIN_BAN: 'compartment' } });
    await office.post(`/api/imports/${created.id}/start`);
    expect((await waitForJob(office, created.id)).report).toMatchObject({ layer: '第二层', dataset: '两层', imported: 6 });
  });
});

describe('a Shapefile without a .prj', () => {
  it('asks for the coordinate system, suggesting the zone of the region, and imports once one is chosen', async () => {
    const noPrj = await repack(shapefile, { drop: ['prj'] });
    const created = (await upload(office, { name: '无坐标系.zip', data: noPrj }, 'sub_compartments', SHUIDONG)).json();
    expect(created.ready).toBe(false);
    expect(created.missing).toEqual([{ option: 'projection', code: 'projection_unknown', message: expect.stringContaining('缺少 林班小班.prj 文件') }]);
    expect(created.inspection.layers[0].crs.suggestions).toEqual(['EPSG:4547']);

    const refused = await office.post(`/api/imports/${created.id}/start`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'projection_unknown', message: expect.stringContaining('请选择文件使用的坐标系') });

    const chosen = (await office.patch(`/api/imports/${created.id}`, { projection: 'EPSG:4547' })).json();
    expect(chosen).toMatchObject({ ready: true, settings: { projection: { code: 'EPSG:4547', source: 'choice' } } });
    expect((await office.post(`/api/imports/${created.id}/start`)).statusCode).toBe(200);
    const done = await waitForJob(office, created.id);
    expect(done.report).toMatchObject({ imported: 6, projection: { code: 'EPSG:4547' } });
  });
});

/** Seeded features of 水东镇 to re-export in other formats. */
const seeded = async (table: 'risk_areas' | 'key_routes', limit: number) =>
  t.system.run(async (tx) => {
    const { rows } = await sql<{ name: string; kind: string | null; geojson: string; region_code: string }>`
      select name, ${table === 'risk_areas' ? sql`kind` : sql`null`} as kind, st_asgeojson(geom, 8) as geojson, region_code
        from ${sql.table(table)} where region_code like '360702101%'
         ${table === 'risk_areas' ? sql`and geometrytype(geom) in ('POLYGON', 'MULTIPOLYGON', 'POINT')` : sql``}
       order by id limit ${limit}`.execute(tx);
    return rows.map((r) => ({ ...r, geometry: JSON.parse(r.geojson) as Geometry }));
  });

describe('GeoJSON', () => {
  it('with Chinese field names loads grids into a draft plan, and again without duplicates', async () => {
    const plan = await t.system.run((tx) =>
      tx.insertInto('grid_plans').values({ region_code: '360702000000', year: 2027, name: '2027年度网格方案（草稿）', based_on_plan_id: null, note: null, activated_at: null, archived_at: null }).returning('id').executeTakeFirstOrThrow(),
    );
    const features = (await parcels(t, village, 3, 10)).map((p, i) => ({ geometry: p.lonLat, properties: { 网格编码: `IMP-${i + 1}`, 网格名称: `导入网格${i + 1}`, 备注: '导入测试' } }));
    const file = { name: '网格.geojson', data: geoJson(features) };
    const first = await importFile(office, file, 'grids', SHUIDONG, { planId: plan.id });
    expect(first.settings.mapping).toEqual({ 网格编码: 'code', 网格名称: 'name', 备注: 'note' });
    expect(first.report).toMatchObject({ read: 3, inserted: 3, rejected: 0, projection: { code: 'EPSG:4326' } });
    const again = await importFile(office, file, 'grids', SHUIDONG, { planId: plan.id });
    expect(again.report).toMatchObject({ inserted: 0, updated: 3 });
    const grids = await t.system.run((tx) => tx.selectFrom('grids').select(['code', 'name', 'region_code']).where('plan_id', '=', plan.id).orderBy('code').execute());
    expect(grids).toEqual([1, 2, 3].map((i) => ({ code: `IMP-${i}`, name: `导入网格${i}`, region_code: village })));
  });

  it('declared GCJ-02 is moved back onto CGCS2000', async () => {
    const [source] = await parcels(t, village, 1, 20);
    const file = { name: '高德坐标.geojson', data: geoJson([{ geometry: toGcj02(source!.lonLat), properties: { 名称: '火星坐标地块' } }]) };
    const job = await importFile(office, file, 'reference_features', SHUIDONG, { gcj02: true, layerName: 'GCJ-02 测试' });
    expect(job.report).toMatchObject({ imported: 1, gcj02: true });
    const { rows } = await t.system.run((tx) =>
      sql<{ metres: number }>`select st_distance(st_centroid(f.geom)::geography, st_centroid(st_geomfromgeojson(${JSON.stringify(source!.lonLat)}))::geography) as metres
        from reference_features f join reference_layers l on l.id = f.layer_id where l.name = 'GCJ-02 测试'`.execute(tx),
    );
    expect(rows[0]!.metres).toBeLessThan(2); // the GCJ-02 offset here is some 500 m
  });
});

describe('KML, KMZ and GPX', () => {
  it('KML loads a new reference layer with the placemarks\' extended data', async () => {
    const features = (await parcels(t, village, 2, 30)).map((p, i) => ({ name: `保护小区${i + 1}`, geometry: p.lonLat, data: { 级别: '县级' } }));
    const job = await importFile(office, { name: '保护小区.kml', data: kml(features) }, 'reference_features', SHUIDONG, { layerName: '导入测试保护小区', layerKind: 'nature_reserve' });
    expect(job).toMatchObject({ format: 'kml', report: { imported: 2, rejected: 0 } });
    const rows = await t.system.run((tx) =>
      tx.selectFrom('reference_features as f').innerJoin('reference_layers as l', 'l.id', 'f.layer_id').select(['l.kind', 'f.name', 'f.properties']).where('l.name', '=', '导入测试保护小区').orderBy('f.name').execute(),
    );
    expect(rows).toEqual([1, 2].map((i) => ({ kind: 'nature_reserve', name: `保护小区${i}`, properties: { 级别: '县级' } })));
  });

  it('KMZ loads key risk areas whose kind is named in Chinese', async () => {
    const risks = await seeded('risk_areas', 4);
    const names = Object.fromEntries((await t.system.run((tx) => tx.selectFrom('code_tables').select(['code', 'name']).where('domain', '=', 'risk_area_kind').execute())).map((c) => [c.code, c.name]));
    const file = { name: '重点区域.kmz', data: await kmz(risks.map((r) => ({ name: r.name, geometry: r.geometry, data: { 类型: names[r.kind!]! } }))) };
    const job = await importFile(office, file, 'risk_areas', SHUIDONG);
    expect(job).toMatchObject({ format: 'kmz', settings: { mapping: { name: 'name', 类型: 'kind' } }, report: { imported: 4, rejected: 0 } });
    const rows = await t.system.run((tx) => tx.selectFrom('risk_areas').select(['kind', 'name']).where('dataset', '=', '重点区域.kmz').orderBy('id').execute());
    expect(rows).toEqual(risks.map((r) => ({ kind: r.kind, name: r.name })));
  });

  it('GPX tracks and routes become key routes; waypoints are skipped; a second import replaces the first', async () => {
    const routes = await seeded('key_routes', 3);
    const file = { name: '巡护线路.gpx', data: gpx(routes.map((r) => ({ name: r.name, geometry: r.geometry as MultiLineString }))) };
    const job = await importFile(office, file, 'key_routes', SHUIDONG);
    expect(job).toMatchObject({ format: 'gpx', report: { read: 3, imported: 3, replaced: 0, warnings: ['跳过了 1 个航点（wpt），只导入轨迹和航线'] } });
    const again = await importFile(office, file, 'key_routes', SHUIDONG);
    expect(again.report).toMatchObject({ imported: 3, replaced: 3 });
    const rows = await t.system.run((tx) => tx.selectFrom('key_routes').select(['name', 'region_code']).where('dataset', '=', '巡护线路.gpx').orderBy('id').execute());
    expect(rows.map((r) => r.name)).toEqual(routes.map((r) => r.name));
    expect(rows.every((r) => r.region_code.startsWith('360702101'))).toBe(true);
  });
});

describe('responsibility areas and presets', () => {
  it('a chief\'s responsibility area is loaded for the chosen post and replaced on re-import', async () => {
    const post = await t.system.run((tx) =>
      tx.selectFrom('posts').select(['id']).where('post_type', '=', 'forest_chief').where('region_code', '=', SHUIDONG).where('ends_on', 'is', null).executeTakeFirstOrThrow(),
    );
    const [p1, p2] = await parcels(t, village, 2, 40);
    const file = { name: '责任区.geojson', data: geoJson([p1!, p2!].map((p, i) => ({ geometry: p.lonLat, properties: { 责任区域: `东片${i + 1}` } }))) };
    expect((await importFile(office, file, 'responsibility_areas', SHUIDONG, { postId: post.id })).report).toMatchObject({ imported: 2, replaced: 0 });
    expect((await importFile(office, file, 'responsibility_areas', SHUIDONG, { postId: post.id })).report).toMatchObject({ imported: 2, replaced: 2 });
    const rows = await t.system.run((tx) => tx.selectFrom('responsibility_areas').select(['name', 'region_code']).where('post_id', '=', post.id).where(sql<boolean>`dataset = '责任区.geojson'`).orderBy('name').execute());
    expect(rows).toEqual([{ name: '东片1', region_code: SHUIDONG }, { name: '东片2', region_code: SHUIDONG }]);
  });

  it('a saved column mapping is offered for files that have its fields', async () => {
    const saved = await office.post('/api/import-presets', { regionCode: '360702000000', target: 'sub_compartments', name: '一张图小班', mapping: { LIN_BAN: 'compartment', XIAO_BAN: 'number', BEI_ZHU: 'note_not_ours' } });
    expect(saved.statusCode).toBe(400); // our fields only
    const ok = await office.post('/api/import-presets', { regionCode: '360702000000', target: 'sub_compartments', name: '一张图小班', mapping: { LIN_BAN: 'compartment', XIAO_BAN: 'number', QI_YUAN: 'origin' } });
    expect(ok.statusCode).toBe(201);
    const job = (await upload(office, { name: '林班小班.zip', data: shapefile }, 'sub_compartments', SHUIDONG)).json();
    expect(job.presets).toEqual([{ id: ok.json().id, name: '一张图小班', regionCode: '360702000000', mapping: ok.json().mapping, matched: 3 }]);
    const duplicate = await office.post('/api/import-presets', { regionCode: '360702000000', target: 'sub_compartments', name: '一张图小班', mapping: { LIN_BAN: 'compartment' } });
    expect(duplicate.json().error).toMatchObject({ code: 'duplicate', message: expect.stringContaining('字段映射预设名称') });
  });
});

import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { sql, type RawBuilder } from 'kysely';
import * as shapefile from 'shapefile';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { holderOf, officeAdmin, SHASHI, SHUIDONG, townshipChief } from '../../../test/personas.ts';

let t: TestApp;
let office: Client;
let staff: Client;
beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
  // 水东镇 office staff: data.export over their township only.
  staff = await holderOf(t, 'office_staff', SHUIDONG);
});
afterAll(() => t.close());

const query = async <R>(text: RawBuilder<R>) => (await t.system.run((tx) => text.execute(tx))).rows;

async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const archive = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(zip, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))));
  await new Promise<void>((resolve, reject) => {
    archive.on('entry', (entry: yauzl.Entry) => {
      archive.openReadStream(entry, (e, stream) => {
        if (e) return reject(e);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          archive.readEntry();
        });
      });
    });
    archive.on('end', resolve);
    archive.readEntry();
  });
  return files;
}

async function readShapefile(files: Map<string, Buffer>, name: string) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lz-export-test-'));
  for (const [file, bytes] of files) await fs.writeFile(path.join(dir, file), bytes);
  const source = await shapefile.open(path.join(dir, `${name}.shp`), path.join(dir, `${name}.dbf`), { encoding: 'utf-8' });
  const features = [];
  for (let r = await source.read(); !r.done; r = await source.read()) features.push(r.value);
  await fs.rm(dir, { recursive: true });
  return features;
}

/** Checks the GeoJSON shape the way a strict reader would (RFC 7946 FeatureCollection of Features with lon/lat positions). */
function expectValidGeoJson(fc: FeatureCollection) {
  expect(fc.type).toBe('FeatureCollection');
  expect(Array.isArray(fc.features)).toBe(true);
  const positionsOf = (g: Geometry): Position[] => {
    switch (g.type) {
      case 'Point':
        return [g.coordinates];
      case 'MultiPoint':
      case 'LineString':
        return g.coordinates;
      case 'MultiLineString':
      case 'Polygon':
        return g.coordinates.flat();
      case 'MultiPolygon':
        return g.coordinates.flat(2);
      default:
        throw new Error(`unexpected ${g.type}`);
    }
  };
  for (const f of fc.features) {
    expect(f.type).toBe('Feature');
    expect(typeof f.properties).toBe('object');
    expect(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon']).toContain(f.geometry.type);
    for (const [lon, lat] of positionsOf(f.geometry)) {
      expect(lon).toBeGreaterThan(73);
      expect(lon).toBeLessThan(136);
      expect(lat).toBeGreaterThan(3);
      expect(lat).toBeLessThan(54);
    }
    if (f.geometry.type === 'MultiPolygon') for (const ring of f.geometry.coordinates.flat()) expect(ring[0]).toEqual(ring[ring.length - 1]);
  }
}

describe('exports (data.export)', () => {
  it('lists the layers, their filters and their fields', async () => {
    const layers = (await office.get('/api/exports')).json() as Array<{ id: string; fields: Array<{ name: string; header: string }> }>;
    expect(layers.map((l) => l.id)).toEqual(['sub_compartments', 'grids', 'risk_areas', 'key_routes', 'responsibility_areas', 'reference_features', 'regions']);
    expect(layers[0]!.fields).toContainEqual({ name: 'XIAO_BAN', header: '小班号' });
  });

  it('GeoJSON: valid, and a township user’s file holds their township and nothing else', async () => {
    const res = await staff.get('/api/exports/sub_compartments?format=geojson');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const fc = res.json();
    expectValidGeoJson(fc);
    const [count] = await query(sql<{ n: number }>`select count(*)::int as n from sub_compartments where region_code like '360702101%'`);
    expect(fc.features).toHaveLength(count!.n);
    expect(fc.features.every((f: { properties: { XZQ_DM: string } }) => f.properties.XZQ_DM.startsWith('360702101'))).toBe(true);
    const named = fc.features.find((f: { properties: { DI_LEI: string } }) => f.properties.DI_LEI === '0111');
    expect(named.properties.DI_LEI_MC).toBe('乔木林地');
  });

  it('GeoJSON of the whole county streams every feature in batches', async () => {
    const res = await office.get('/api/exports/sub_compartments?format=geojson');
    const [count] = await query(sql<{ n: number }>`select count(*)::int as n from sub_compartments`);
    expect(count!.n).toBeGreaterThan(2000);
    const ids = res.json().features.map((f: { id: number }) => f.id);
    expect(ids).toHaveLength(count!.n);
    expect(new Set(ids).size).toBe(count!.n);
  });

  it('filters by land class and by grid plan', async () => {
    const forest = (await office.get(`/api/exports/sub_compartments?format=geojson&regionCode=${SHUIDONG}&landClass=0111`)).json();
    expect(forest.features.every((f: { properties: { DI_LEI: string } }) => f.properties.DI_LEI === '0111')).toBe(true);
    const [archived] = await query(sql<{ id: number; n: number }>`select p.id, (select count(*)::int from grids g where g.plan_id = p.id) as n from grid_plans p where status = 'archived'`);
    const grids = (await office.get(`/api/exports/grids?format=geojson&planId=${archived!.id}`)).json();
    expect(grids.features).toHaveLength(archived!.n);
    expect(grids.features[0].properties.FA_ZT).toBe('已归档');
    const bad = await office.get('/api/exports/regions?format=geojson&landClass=0111');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('不支持筛选条件');
  });

  it('Shapefile: a zip that a Shapefile reader reads back, with UTF-8 Chinese attributes, .prj and .cpg', async () => {
    const res = await staff.get(`/api/exports/sub_compartments?format=shapefile&regionCode=360702101200`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const disposition = String(res.headers['content-disposition']);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1]!)).toMatch(/^小班-沿垇村委会-\d{8}\.zip$/);
    const files = await unzip(res.rawPayload);
    expect([...files.keys()].sort()).toEqual(['xiaoban.cpg', 'xiaoban.dbf', 'xiaoban.prj', 'xiaoban.shp', 'xiaoban.shx']);
    expect(files.get('xiaoban.cpg')!.toString()).toBe('UTF-8');
    expect(files.get('xiaoban.prj')!.toString()).toContain('China_Geodetic_Coordinate_System_2000');
    const features = await readShapefile(files, 'xiaoban');
    const rows = await query(sql<{ id: number; number: string; name: string | null }>`
      select s.id, s.number, c.name from sub_compartments s left join code_tables c on c.domain = 'land_class' and c.code = s.land_class
       where s.region_code = '360702101200' order by s.id`);
    expect(features).toHaveLength(rows.length);
    expect(features.map((f) => f.properties!.ID)).toEqual(rows.map((r) => r.id));
    expect(features.map((f) => f.properties!.DI_LEI_MC)).toEqual(rows.map((r) => r.name));
    expect(features.map((f) => f.properties!.XIAO_BAN)).toEqual(rows.map((r) => r.number));
    expect(features[0]!.properties!.XZQ_MC).toBe('沿垇村委会');
    expect(features[0]!.geometry.type).toBe('Polygon');
  });

  it('Shapefile of risk areas: one file set per geometry type, a multipoint as one record per point', async () => {
    const [p] = await query(sql<{ a: number[]; b: number[] }>`
      select array[st_x(c), st_y(c)] as a, array[st_x(c) + 0.001, st_y(c)] as b
        from (select st_pointonsurface(geom) as c from regions where code = '360702101200') s`);
    const created = await staff.post('/api/risk-areas', { kind: 'graves', name: '两处墓区', geometry: { type: 'MultiPoint', coordinates: [p!.a, p!.b] } });
    expect(created.statusCode).toBe(201);
    // A line of its own, so the test does not hang on whether the demo's power lines cross this township.
    const line = await staff.post('/api/risk-areas', { kind: 'power_line', name: '测试线路', geometry: { type: 'LineString', coordinates: [p!.a, p!.b] } });
    expect(line.statusCode).toBe(201);
    const res = await staff.get('/api/exports/risk_areas?format=shapefile');
    const files = await unzip(res.rawPayload);
    expect([...files.keys()].filter((f) => f.endsWith('.shp')).sort()).toEqual(['zhongdianqy_line.shp', 'zhongdianqy_point.shp', 'zhongdianqy_polygon.shp']);
    const points = await readShapefile(files, 'zhongdianqy_point');
    expect(points.every((f) => f.properties!.LX_MC === '墓区')).toBe(true);
    const [graves] = await query(sql<{ n: number }>`
      select coalesce(sum(st_numgeometries(geom)), 0)::int as n from risk_areas where region_code like '360702101%' and geometrytype(geom) in ('POINT', 'MULTIPOINT')`);
    expect(points).toHaveLength(graves!.n);
    expect(points.filter((f) => f.properties!.MC === '两处墓区')).toHaveLength(2);
  });

  it('Excel: the attributes with Chinese headers, one row per feature', async () => {
    const res = await staff.get('/api/exports/grids?format=xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('网格')!;
    expect(sheet.getRow(1).values).toEqual([undefined, '网格ID', '方案ID', '网格方案', '方案年度', '方案状态', '网格编号', '网格名称', '所在区划代码', '所在区划', '面积（公顷）', '面积（亩）', '护林员职务ID', '护林员', '备注']);
    const expected = await query(sql<{ code: string; ranger: string }>`
      select g.code, pe.name as ranger from grids g join grid_plans p on p.id = g.plan_id and p.status = 'active'
        join posts po on po.id = g.ranger_post_id join persons pe on pe.id = po.person_id
       where g.region_code like '360702101%' order by g.id`);
    expect(sheet.rowCount - 1).toBe(expected.length);
    const codes = [];
    for (let i = 2; i <= sheet.rowCount; i++) codes.push([sheet.getRow(i).getCell(6).value, sheet.getRow(i).getCell(13).value]);
    expect(codes).toEqual(expected.map((e) => [e.code, e.ranger]));
  });

  it('refuses other townships and users without the export right', async () => {
    expect((await staff.get(`/api/exports/sub_compartments?format=geojson&regionCode=${SHASHI}`)).statusCode).toBe(404);
    expect((await (await townshipChief(t)).get('/api/exports/sub_compartments?format=geojson')).statusCode).toBe(403);
    const regions = (await staff.get('/api/exports/regions?format=geojson')).json();
    expect(regions.features.every((f: { properties: { XZQ_DM: string } }) => f.properties.XZQ_DM.startsWith('360702101'))).toBe(true);
    const [event] = await query(sql<{ n: number }>`select count(*)::int as n from audit_log where action = 'export.download'`);
    expect(event!.n).toBeGreaterThan(0);
  });
});

import type { Geometry } from 'geojson';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { geoJson, kml, parcelAcrossVillages, parcels, routeShapefile, seededRoutes } from '../../../test/fixtures/import-files.ts';
import { importFile } from '../../../test/fixtures/imports-client.ts';
import { officeAdmin, SHUIDONG } from '../../../test/personas.ts';

/**
 * Importing again what was imported before: the same source replaces what it brought, whatever
 * the file is called now; another layer or another file is another dataset; a 小班 that moved a
 * little is still the same 小班.
 */

let t: TestApp;
let office: Client;

beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
});
afterAll(() => t.close());

describe('the dataset an import replaces, when the user names none', () => {
  type Route = Awaited<ReturnType<typeof seededRoutes>>[number];
  let east: Route[];
  let west: Route[];
  let zip: Buffer;
  const imported = async () =>
    (
      await t.system.run((tx) => tx.selectFrom('key_routes').select(['name', 'dataset']).where('name', 'like', '导入%').orderBy('name').execute())
    ).map((r) => `${r.name} ← ${r.dataset}`);

  beforeAll(async () => {
    const routes = await seededRoutes(t, '360702101', 4);
    const named = (prefix: string, list: Route[]) => list.map((r, i) => ({ ...r, name: `${prefix}${i + 1}` }));
    east = named('导入东线', routes.slice(0, 2));
    west = named('导入西线', routes.slice(2, 4));
    zip = await routeShapefile([
      { name: '东线', routes: east },
      { name: '西线', routes: west },
    ]);
  });

  it('two layers of one zip are two datasets: importing the second leaves the first', async () => {
    const first = await importFile(office, { name: '巡护线路.zip', data: zip }, 'key_routes', SHUIDONG, { layer: '东线' });
    expect(first.report).toMatchObject({ dataset: '巡护线路.zip · 东线', imported: 2, replaced: 0 });
    const second = await importFile(office, { name: '巡护线路.zip', data: zip }, 'key_routes', SHUIDONG, { layer: '西线' });
    expect(second.report).toMatchObject({ dataset: '巡护线路.zip · 西线', imported: 2, replaced: 0 });
    expect(await imported()).toEqual([
      '导入东线1 ← 巡护线路.zip · 东线',
      '导入东线2 ← 巡护线路.zip · 东线',
      '导入西线1 ← 巡护线路.zip · 西线',
      '导入西线2 ← 巡护线路.zip · 西线',
    ]);
  });

  it('the same zip downloaded again as “巡护线路 (1).zip” replaces its layer instead of adding it again', async () => {
    const again = await importFile(office, { name: '巡护线路 (1).zip', data: zip }, 'key_routes', SHUIDONG, { layer: '东线' });
    expect(again.report).toMatchObject({ dataset: '巡护线路.zip · 东线', imported: 2, replaced: 2 });
    expect(await imported()).toHaveLength(4);
  });

  it('the same file under another name altogether is known by its content and replaces too', async () => {
    const renamed = await importFile(office, { name: '线路最终版.zip', data: zip }, 'key_routes', SHUIDONG, { layer: '西线' });
    expect(renamed.report).toMatchObject({ dataset: '巡护线路.zip · 西线', imported: 2, replaced: 2 });
    expect(await imported()).toHaveLength(4);
  });

  it('an edited copy of a one-layer file, saved as “重点区域 - 副本 (2).kml”, replaces the first version', async () => {
    const areas = await parcels(t, '360702101', 3, 50);
    const file = (names: string[]) => kml(areas.slice(0, names.length).map((p, i) => ({ name: names[i]!, geometry: p.lonLat, data: {} })));
    const first = await importFile(office, { name: '重点区域.kml', data: file(['导入区域甲', '导入区域乙']) }, 'risk_areas', SHUIDONG, { kind: 'other' });
    expect(first.report).toMatchObject({ dataset: '重点区域.kml', imported: 2, replaced: 0 });
    const edited = await importFile(office, { name: '重点区域 - 副本 (2).kml', data: file(['导入区域甲', '导入区域乙', '导入区域丙']) }, 'risk_areas', SHUIDONG, { kind: 'other' });
    expect(edited.report).toMatchObject({ dataset: '重点区域.kml', imported: 3, replaced: 2 });
    const rows = await t.system.run((tx) => tx.selectFrom('risk_areas').select('name').where('name', 'like', '导入区域%').orderBy('name').execute());
    expect(rows.map((r) => r.name)).toEqual(['导入区域丙', '导入区域乙', '导入区域甲']);
  });

  it('a dataset the user names still wins', async () => {
    const job = await importFile(office, { name: '巡护线路.zip', data: zip }, 'key_routes', SHUIDONG, { layer: '东线', dataset: '2026年巡护线路' });
    expect(job.report).toMatchObject({ dataset: '2026年巡护线路', imported: 2, replaced: 0 });
  });
});

describe('a 小班 whose polygon moved across a village boundary', () => {
  let across: Awaited<ReturnType<typeof parcelAcrossVillages>>;
  const file = (geometry: Geometry, note: string) => geoJson([{ geometry, properties: { 林班: '9500', 小班: '001', 备注: note } }]);
  const rows = () =>
    t.system.run(async (tx) => {
      const { rows } = await sql<{ region_code: string; note: unknown; geojson: string }>`
        select region_code, extra -> '备注' as note, st_asgeojson(geom, 9) as geojson
          from sub_compartments where compartment = '9500' and number = '001' order by region_code`.execute(tx);
      return rows;
    });
  const metresApart = async (a: string, b: Geometry) =>
    t.system.run(async (tx) => {
      const { rows } = await sql<{ d: number }>`
        select st_hausdorffdistance(st_transform(st_geomfromgeojson(${a}), 4547), st_transform(st_geomfromgeojson(${JSON.stringify(b)}), 4547)) as d`.execute(tx);
      return rows[0]!.d;
    });

  beforeAll(async () => {
    across = await parcelAcrossVillages(t, SHUIDONG);
  });

  it('is first placed in the village its polygon lies in', async () => {
    const job = await importFile(office, { name: '小班.geojson', data: file(across.before, '第一次') }, 'sub_compartments', SHUIDONG);
    expect(job.report).toMatchObject({ inserted: 1, updated: 0 });
    expect((await rows()).map((r) => r.region_code)).toEqual([across.a]);
  });

  it('re-imported with the shifted polygon (the file names no village), it updates that 小班 instead of adding one in the next village', async () => {
    const job = await importFile(office, { name: '小班.geojson', data: file(across.after, '重新勾绘') }, 'sub_compartments', SHUIDONG);
    expect(job.report).toMatchObject({ inserted: 0, updated: 1, rejected: 0 });
    const [row, ...more] = await rows();
    expect(more).toEqual([]);
    expect(row).toMatchObject({ region_code: across.a, note: '重新勾绘' });
    expect(await metresApart(row!.geojson, across.after)).toBeLessThan(0.01);
  });

  it('a parcel of the same numbers elsewhere in the next village is another 小班 there (villages number their own)', async () => {
    const job = await importFile(office, { name: '另一村.geojson', data: file(across.elsewhere, '另一村') }, 'sub_compartments', SHUIDONG);
    expect(job.report).toMatchObject({ inserted: 1, updated: 0 });
    expect((await rows()).map((r) => [r.region_code, r.note])).toEqual(
      [
        [across.a, '重新勾绘'],
        [across.b, '另一村'],
      ].sort((x, y) => x[0]!.localeCompare(y[0]!)),
    );
  });
});

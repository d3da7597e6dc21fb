import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { busiestVillage } from '../../../test/fixtures/import-files.ts';
import { importFile, upload } from '../../../test/fixtures/imports-client.ts';
import { ARCGIS_PRJ, projectedParcels, projectedShapefile, TARGET_SYSTEM, type ProjectedParcel } from '../../../test/fixtures/projections.ts';
import { officeAdmin, SHUIDONG } from '../../../test/personas.ts';

/**
 * Shapefiles in each coordinate system offices export, with the .prj ArcGIS writes: every
 * import must put the 小班 back where they were (in their village of 水东镇, within a metre of
 * the seeded outline), which only a right transformation does.
 */

let t: TestApp;
let office: Client;
let village: string;

beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
  village = await busiestVillage(t, SHUIDONG);
});
afterAll(() => t.close());

/** Each imported 小班 of `compartment` against its source: the village it lies in, and how far its outline is from the source's. */
async function landed(compartment: string, sources: readonly ProjectedParcel[]) {
  const { rows } = await t.system.run((tx) =>
    sql<{ region_code: string; metres: number }>`
      select s.region_code,
             st_hausdorffdistance(st_transform(s.geom, 4547), st_transform(st_setsrid(st_geomfromgeojson(src.g), 4326), 4547)) as metres
        from sub_compartments s
        join jsonb_array_elements_text(${JSON.stringify(sources.map((p) => JSON.stringify(p.lonLat)))}::jsonb) with ordinality as src(g, n)
          on s.number = lpad(src.n::text, 3, '0')
       where s.compartment = ${compartment}
       order by s.number`.execute(tx),
  );
  return rows.map((r) => ({ region: r.region_code, withinAMetre: Number(r.metres) < 1 }));
}

const expectBackWhereTheyWere = async (compartment: string, sources: readonly ProjectedParcel[]) => {
  expect(sources.every((s) => s.regionCode.startsWith(SHUIDONG.slice(0, 9)))).toBe(true);
  expect(await landed(compartment, sources)).toEqual(sources.map((s) => ({ region: s.regionCode, withinAMetre: true })));
};

describe('a Shapefile whose .prj ArcGIS wrote lands where it belongs', () => {
  const cases = [
    { system: 'cgcs2000', code: 'EPSG:4490', compartment: '9601', what: 'CGCS2000 longitude/latitude (EPSG:4490)' },
    { system: 'gkZone38', code: 'EPSG:4526', compartment: '9602', what: 'CGCS2000 3° Gauss–Krüger zone 38, zone number in the easting (EPSG:4526)' },
    { system: 'gkCm114', code: 'EPSG:4547', compartment: '9603', what: 'CGCS2000 3° Gauss–Krüger CM 114°E (EPSG:4547)' },
    { system: 'webMercator', code: 'EPSG:3857', compartment: '9604', what: 'Web Mercator (EPSG:3857)' },
  ] as const;

  cases.forEach(({ system, code, compartment, what }, i) => {
    it(what, async () => {
      const sources = await projectedParcels(t, village, 3, 3 * i, TARGET_SYSTEM[system]);
      const file = await projectedShapefile('小班', sources, { prj: ARCGIS_PRJ[system], compartment });
      const job = await importFile(office, { name: `${system}.zip`, data: file }, 'sub_compartments', SHUIDONG);
      expect(job.inspection.layers[0].crs).toMatchObject({ crs: { code }, source: 'prj' });
      expect(job.report).toMatchObject({ imported: 3, rejected: 0, projection: { code } });
      await expectBackWhereTheyWere(compartment, sources);
    });
  });

  it('a GBK Shapefile without a .cpg (nor a code page in the .dbf): the encoding is detected, the text and the places are right', async () => {
    const sources = await projectedParcels(t, village, 3, 12, TARGET_SYSTEM.gkCm114);
    const file = await projectedShapefile('小班', sources, { prj: ARCGIS_PRJ.gkCm114, compartment: '9605', encoding: 'gbk', cpg: false });
    const created = (await upload(office, { name: '无cpg.zip', data: file }, 'sub_compartments', SHUIDONG)).json();
    expect(created.inspection.layers[0].encoding).toMatchObject({ declared: null, detected: 'gbk', used: 'gbk', source: 'detected', problem: null });
    expect(created.ready).toBe(true);
    const job = await importFile(office, { name: '无cpg.zip', data: file }, 'sub_compartments', SHUIDONG);
    expect(job.report).toMatchObject({ imported: 3, rejected: 0, encoding: 'GBK', projection: { code: 'EPSG:4547' } });
    const notes = await t.system.run((tx) => tx.selectFrom('sub_compartments').select(sql<string>`extra ->> 'BEI_ZHU'`.as('note')).where('compartment', '=', '9605').orderBy('number').execute());
    expect(notes.map((n) => n.note)).toEqual(['坐标系测试小班1号', '坐标系测试小班2号', '坐标系测试小班3号']);
    await expectBackWhereTheyWere('9605', sources);
  });
});

describe('a .prj no EPSG code names', () => {
  it('a county’s own Gauss–Krüger projection on CGCS2000 is converted from its parameters', async () => {
    const sources = await projectedParcels(t, village, 3, 15, TARGET_SYSTEM.localGk);
    const file = await projectedShapefile('小班', sources, { prj: ARCGIS_PRJ.localGk, compartment: '9606' });
    const job = await importFile(office, { name: '独立坐标系.zip', data: file }, 'sub_compartments', SHUIDONG);
    expect(job.inspection.layers[0].crs).toMatchObject({ crs: { code: 'PRJ', name: 'Zhanggong_CGCS2000_GK_CM_114_9E', geographic: false }, source: 'prj' });
    expect(job.report).toMatchObject({ imported: 3, rejected: 0, projection: { code: 'PRJ' } });
    await expectBackWhereTheyWere('9606', sources);
  });

  it('a projection we cannot convert safely, or an unknown datum, makes the user choose; nothing is guessed', async () => {
    const sources = await projectedParcels(t, village, 2, 18, TARGET_SYSTEM.gkCm114);
    const unknownMethod = ARCGIS_PRJ.gkCm114.replace('PROJECTION["Gauss_Kruger"]', 'PROJECTION["No_Such_Projection"]');
    const unknownDatum = ARCGIS_PRJ.gkCm114.replace('D_China_2000', 'D_Local_Survey').replace('GCS_China_Geodetic_Coordinate_System_2000', 'GCS_Local').replace('SPHEROID["CGCS2000",6378137.0,298.257222101]', 'SPHEROID["Krasovsky_1940",6378245.0,298.3]');
    for (const [name, prj, reason] of [
      ['投影未知.zip', unknownMethod, '投影方式“No_Such_Projection”'],
      ['基准未知.zip', unknownDatum, '大地基准“D_Local_Survey”'],
    ] as const) {
      const created = await upload(office, { name, data: await projectedShapefile('小班', sources, { prj, compartment: '9607' }) }, 'sub_compartments', SHUIDONG);
      expect(created.statusCode).toBe(201);
      const job = created.json();
      expect(job.inspection.layers[0].crs).toMatchObject({ crs: null, source: 'prj', problem: expect.stringContaining(reason) });
      expect(job.missing[0]).toMatchObject({ option: 'projection', code: 'projection_unknown' });
      expect((await office.post(`/api/imports/${job.id}/start`)).json().error.code).toBe('projection_unknown');
    }
    // The database is still well: another import goes through.
    const job = await importFile(office, { name: '之后.zip', data: await projectedShapefile('小班', sources, { prj: ARCGIS_PRJ.gkCm114, compartment: '9607' }) }, 'sub_compartments', SHUIDONG);
    expect(job.report).toMatchObject({ imported: 2 });
  });
});

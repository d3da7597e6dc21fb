import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anotherApp, Client, startTestApp, type TestApp } from '../../../test/app.ts';
import {
  bowTie,
  bulkyGeoJson,
  bulkyKml,
  busiestVillage,
  gaussKrugerShapefile,
  geoJson,
  geoJsonThenBroken,
  kml,
  kmlThenBroken,
  lateGbkShapefile,
  parcels,
  PRJ_XIAN80_GK,
  shifted,
  type SourceParcel,
} from '../../../test/fixtures/import-files.ts';
import { importFile, multipart, upload, waitForJob } from '../../../test/fixtures/imports-client.ts';
import { repack, zipEntries } from '../../../test/fixtures/zip-parts.ts';
import { officeAdmin, SHUIDONG } from '../../../test/personas.ts';

/**
 * The bad input: broken zip, missing .shp or .dbf, unknown projection, self-intersecting
 * or empty geometry, coordinates outside China, wrong encoding, an oversize upload. Each gets a
 * clear Chinese message and a stable code, and no layer is half-written.
 */

let t: TestApp;
let office: Client;
let village: string;
let sources: SourceParcel[];
let shapefile: Buffer;

beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
  village = await busiestVillage(t, SHUIDONG);
  sources = await parcels(t, village, 3);
  shapefile = await gaussKrugerShapefile(sources);
});
afterAll(() => t.close());

/** Everything an import could have written, counted. */
const layerCounts = () =>
  t.system.run(async (tx) => {
    const { rows } = await sql<{ sub_compartments: number; staging: number; jobs: number }>`
      select (select count(*)::int from sub_compartments) as sub_compartments, (select count(*)::int from import_staging) as staging,
             (select count(*)::int from import_jobs) as jobs`.execute(tx);
    return rows[0]!;
  });

async function refusedUpload(data: Buffer, name: string) {
  const before = await layerCounts();
  const res = await upload(office, { name, data }, 'sub_compartments', SHUIDONG);
  expect(await layerCounts()).toEqual(before); // not even a job
  return res;
}

describe('files that cannot be read are refused at upload', () => {
  it('a broken zip', async () => {
    const res = await refusedUpload(shapefile.subarray(0, Math.floor(shapefile.length / 2)), '断了.zip');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('压缩包已损坏或不完整') });
  });

  it('a zip without the .shp', async () => {
    const res = await refusedUpload(await repack(shapefile, { drop: ['shp'] }), '缺图形.zip');
    expect(res.json().error).toMatchObject({ code: 'file_unreadable', message: '无法读取文件：压缩包中缺少 .shp 图形文件（只找到 林班小班.dbf）' });
  });

  it('a zip without the .dbf', async () => {
    const res = await refusedUpload(await repack(shapefile, { drop: ['dbf'] }), '缺属性.zip');
    expect(res.json().error).toMatchObject({ code: 'file_unreadable', message: '无法读取文件：压缩包中缺少 林班小班.dbf 属性表文件' });
  });

  it('a .shp sent on its own, or a file of another kind', async () => {
    const { default: yauzl } = await import('yauzl');
    const zip = await yauzl.fromBufferPromise(shapefile, { lazyEntries: true });
    let shp: Buffer | undefined;
    for await (const entry of zip.eachEntry()) {
      if (!entry.fileName.endsWith('.shp')) continue;
      const chunks: Buffer[] = [];
      for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c as Buffer);
      shp = Buffer.concat(chunks);
    }
    expect((await refusedUpload(shp!, '林班小班.shp')).json().error.message).toContain('打包成 .zip 上传');
    expect((await refusedUpload(Buffer.from('林班,小班\n1,2\n'), '小班.csv')).json().error.message).toContain('不支持的文件格式');
  });

  it('a request without a file, or for an unknown target', async () => {
    const { body, contentType } = await multipart({ target: 'sub_compartments', regionCode: SHUIDONG });
    const none = await office.request('POST', '/api/imports', body, { 'content-type': contentType });
    expect(none.json().error.code).toBe('upload_missing');
    const wrong = await upload(office, { name: 'a.zip', data: shapefile }, 'trees', SHUIDONG);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('validation_failed');
  });
});

describe('coordinates', () => {
  it('a .prj on the Xian 1980 datum is not guessed at: the user is asked, and starting is refused', async () => {
    const before = await layerCounts();
    const job = (await upload(office, { name: '西安80.zip', data: await repack(shapefile, { replace: { prj: PRJ_XIAN80_GK } }) }, 'sub_compartments', SHUIDONG)).json();
    expect(job.missing[0]).toMatchObject({ option: 'projection', code: 'projection_unknown', message: expect.stringContaining('北京54/西安80') });
    const res = await office.post(`/api/imports/${job.id}/start`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('projection_unknown');
    expect((await layerCounts()).sub_compartments).toBe(before.sub_compartments);
  });

  it('coordinates outside China are refused before the import starts', async () => {
    const before = await layerCounts();
    const abroad = sources.map((s, i) => ({ geometry: shifted(s.lonLat, -112.5, 23), properties: { 林班: '9100', 小班: String(i + 1) } }));
    const job = (await upload(office, { name: '国外.geojson', data: geoJson(abroad) }, 'sub_compartments', SHUIDONG)).json();
    expect(job.inspection.check).toMatchObject({ outsideChina: true });
    const res = await office.post(`/api/imports/${job.id}/start`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'outside_china', message: expect.stringContaining('坐标不在中国范围内') });
    expect((await layerCounts()).sub_compartments).toBe(before.sub_compartments);
  });

  it('features outside China in an otherwise good file are rejected row by row', async () => {
    const abroad = sources.map((s, i) => ({ geometry: shifted(s.lonLat, -112.5, 23), properties: { 林班: '9300', 小班: String(i + 1) } }));
    // Mixed with one feature at home, the file starts; the foreign rows are rejected one by one.
    const features = [...abroad, { geometry: sources[0]!.lonLat, properties: { 林班: '9300', 小班: '9' } }];
    const created = (await upload(office, { name: '混合.geojson', data: geoJson(features) }, 'sub_compartments', SHUIDONG)).json();
    expect(created.ready).toBe(true);
    await office.post(`/api/imports/${created.id}/start`);
    const job = await waitForJob(office, created.id);
    expect(job.report).toMatchObject({ imported: 1, rejected: 3 });
    expect(job.report.rejectedRows.map((r: { reason: string }) => r.reason.slice(0, 9))).toEqual(['坐标不在中国范围内', '坐标不在中国范围内', '坐标不在中国范围内']);
  });

  it('a self-intersecting polygon is repaired; empty and missing geometries are rejected with their row numbers', async () => {
    const [a, b] = sources;
    const features = [
      { geometry: a!.lonLat, properties: { 林班: '9200', 小班: '1' } },
      { geometry: bowTie(b!.lonLat), properties: { 林班: '9200', 小班: '2' } },
      { geometry: { type: 'Polygon', coordinates: [] }, properties: { 林班: '9200', 小班: '3' } },
      { geometry: null, properties: { 林班: '9200', 小班: '4' } },
    ];
    const job = await importFile(office, { name: '几何问题.geojson', data: geoJson(features as never) }, 'sub_compartments', SHUIDONG);
    expect(job.report).toMatchObject({ read: 4, imported: 2, repaired: 1, rejected: 2 });
    expect(job.report.repairedRows).toEqual([{ row: 2, reason: expect.stringMatching(/^自相交/) }]);
    expect(job.report.rejectedRows).toEqual([
      { row: 3, reason: '几何为空' },
      { row: 4, reason: '几何为空' },
    ]);
    const { rows } = await t.system.run((tx) =>
      sql<{ valid: boolean; parts: number }>`select st_isvalid(geom) as valid, st_numgeometries(geom) as parts from sub_compartments where compartment = '9200' and number = '2'`.execute(tx),
    );
    expect(rows).toEqual([{ valid: true, parts: 2 }]); // the bow tie's two triangles
  });
});

describe('encodings', () => {
  it('a .cpg that says UTF-8 over GBK text makes the user choose; UTF-8 is refused, GBK imports', async () => {
    const lying = await repack(shapefile, { replace: { cpg: 'UTF-8' } });
    const job = (await upload(office, { name: '编码不对.zip', data: lying }, 'sub_compartments', SHUIDONG)).json();
    expect(job.inspection.layers[0].encoding).toMatchObject({ declared: 'utf-8', declaredBy: 'cpg', detected: 'gbk' });
    expect(job.inspection.layers[0].encoding.problem).toContain('.cpg 文件声明属性表为 UTF-8 编码');
    expect(job.missing[0]).toMatchObject({ option: 'encoding', code: 'encoding_mismatch', message: expect.stringContaining('不是 UTF-8 编码（第 1 行无法按 UTF-8 解码）') });
    expect((await office.post(`/api/imports/${job.id}/start`)).json().error.code).toBe('encoding_mismatch');

    const utf8 = await office.patch(`/api/imports/${job.id}`, { encoding: 'utf-8' });
    expect(utf8.statusCode).toBe(400);
    expect(utf8.json().error).toMatchObject({ code: 'encoding_mismatch', message: expect.stringContaining('不是 UTF-8 编码') });

    const gbk = (await office.patch(`/api/imports/${job.id}`, { encoding: 'gbk' })).json();
    expect(gbk).toMatchObject({ ready: true, settings: { encoding: 'gbk', mapping: { LIN_BAN: 'compartment', XIAO_BAN: 'number' } } });
    expect(gbk.inspection.layers[0].fields.find((f: { name: string }) => f.name === 'BEI_ZHU').samples[0]).toBe('水东镇测试小班1号');
    await office.post(`/api/imports/${job.id}/start`);
    expect((await waitForJob(office, job.id)).report).toMatchObject({ imported: 3, encoding: 'GBK' });
  });

  it('text that stops being the declared encoding after the sampled rows fails the job at that row, writing nothing', async () => {
    const file = await repack(await lateGbkShapefile(await parcels(t, '360702', 1100)), { replace: { cpg: 'UTF-8' } });
    const before = await layerCounts();
    const job = await importFile(office, { name: '后面才乱码.zip', data: file }, 'sub_compartments', '360702000000');
    expect(job).toMatchObject({ status: 'failed', error: { code: 'encoding_mismatch', message: expect.stringContaining('第 1100 行无法按 UTF-8 解码') } });
    expect(await layerCounts()).toEqual({ ...before, jobs: before.jobs + 1 });
  });
});

describe('limits', () => {
  let small: Awaited<ReturnType<typeof anotherApp>>;
  let smallClient: Client;
  beforeAll(async () => {
    small = await anotherApp(t, { UPLOAD_MAX_MB: '1', IMPORT_MAX_FEATURES: '2' });
    const login = await small.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'demo-office', password: 'linzhang-demo' } });
    smallClient = new Client(small, { cookie: login.cookies.find((c) => c.name === 'lz_session')!.value, csrfToken: login.json().csrfToken });
  });
  afterAll(() => small.close());

  it('an upload declaring more than the limit is refused before it is read', async () => {
    const res = await upload(smallClient, { name: '大文件.geojson', data: Buffer.alloc(2 * 1024 * 1024, 0x20) }, 'sub_compartments', SHUIDONG);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'payload_too_large', message: '上传内容超过 1 MB 的上限' });
  });

  it('a file just over the limit is stopped while streaming', async () => {
    const before = await layerCounts();
    const res = await upload(smallClient, { name: '略大.geojson', data: Buffer.alloc(1024 * 1024 + 1000, 0x20) }, 'sub_compartments', SHUIDONG);
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toBe('上传内容超过 1 MB 的上限');
    expect(await layerCounts()).toEqual(before);
  });

  it('more features than allowed are refused with the limit', async () => {
    const res = await upload(smallClient, { name: '林班小班.zip', data: shapefile }, 'sub_compartments', SHUIDONG);
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({ code: 'too_many_features', message: '要素数量超过 2 个的上限' });
  });

  // With IMPORT_MAX_FEATURES=2, text formats may inflate to 1 MiB + 2 × 4 KiB (readers/limits.ts).
  it('a zipped GeoJSON, or a KMZ, that inflates past the text-format limit is stopped while inflating', async () => {
    const before = await layerCounts();
    const zipped = await zipEntries(new Map([['大.geojson', bulkyGeoJson(sources[0]!.lonLat, 3 * 1024 * 1024)]]));
    const kmz = await zipEntries(new Map([['doc.kml', bulkyKml(sources[0]!.lonLat, 3 * 1024 * 1024)]]));
    expect(zipped.length + kmz.length).toBeLessThan(100_000);
    for (const [name, data, part] of [['大.zip', zipped, '大.geojson'], ['大.kmz', kmz, 'doc.kml']] as const) {
      const res = await upload(smallClient, { name, data }, 'sub_compartments', SHUIDONG);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'file_unreadable', message: `无法读取文件：${part} 超过 1 MB（GeoJSON、KML、GPX 等文本格式解压后的上限），请拆成几个文件分别导入，或改用 Shapefile（.zip）导入` });
    }
    expect(await layerCounts()).toEqual(before);
  });

  it('a GeoJSON or KML is refused at the first feature past the limit, without reading on', async () => {
    const before = await layerCounts();
    const three = sources.map((s, i) => ({ geometry: s.lonLat, properties: { 林班: '9700', 小班: String(i + 1) } }));
    // What follows the third feature is broken: a reader that parsed the whole file first would say so instead.
    for (const [name, data] of [
      ['三个.geojson', geoJsonThenBroken(three)],
      ['三个.kml', kmlThenBroken(three.map((f, i) => ({ name: `小班${i + 1}`, geometry: f.geometry, data: {} })))],
    ] as const) {
      const res = await upload(smallClient, { name, data }, 'sub_compartments', SHUIDONG);
      expect([name, res.statusCode, res.json().error]).toMatchObject([name, 413, { code: 'too_many_features', message: '要素数量超过 2 个的上限' }]);
    }
    // Two features, as allowed, then the break: that is a broken file.
    const broken = await upload(smallClient, { name: '两个.geojson', data: geoJsonThenBroken(three.slice(0, 2)) }, 'sub_compartments', SHUIDONG);
    expect(broken.json().error).toMatchObject({ code: 'file_unreadable', message: expect.stringContaining('GeoJSON 不是有效的 JSON') });
    const fine = await upload(smallClient, { name: '两个.kml', data: kml(three.slice(0, 2).map((f, i) => ({ name: `小班${i + 1}`, geometry: f.geometry, data: {} }))) }, 'sub_compartments', SHUIDONG);
    expect(fine.statusCode).toBe(201);
    expect((await layerCounts()).sub_compartments).toBe(before.sub_compartments);
  });
});


import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { busiestVillage, geoJson, parcels } from '../../../test/fixtures/import-files.ts';
import { importFile, upload, waitForJob } from '../../../test/fixtures/imports-client.ts';
import { holderOf, officeAdmin, ranger, SHASHI, SHUIDONG, townshipChief, ZHANGGONG } from '../../../test/personas.ts';

let t: TestApp;
let office: Client;
let shuidongStaff: Client;
let shashiStaff: Client;
let shuidongVillage: string;
let shashiVillage: string;

beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
  shuidongStaff = await holderOf(t, 'office_staff', SHUIDONG);
  shashiStaff = await holderOf(t, 'office_staff', SHASHI);
  shuidongVillage = await busiestVillage(t, SHUIDONG);
  shashiVillage = await busiestVillage(t, SHASHI);
});
afterAll(() => t.close());

/** Sub-compartment features: two in 水东镇, two in 沙石镇. */
async function twoTownships(compartment: string) {
  const here = await parcels(t, shuidongVillage, 2, 10);
  const there = await parcels(t, shashiVillage, 2);
  return geoJson([...here, ...there].map((p, i) => ({ geometry: p.lonLat, properties: { 林班: compartment, 小班: String(i + 1) } })));
}

const writtenIn = (compartment: string) =>
  t.system.run(async (tx) => (await tx.selectFrom('sub_compartments').select('region_code').where('compartment', '=', compartment).orderBy('number').execute()).map((r) => r.region_code));

describe('an import stays inside the importer’s scope', () => {
  it('a township’s staff importing features that lie in another township: those rows are rejected, never written', async () => {
    const job = await importFile(shuidongStaff, { name: '跨镇.geojson', data: await twoTownships('9400') }, 'sub_compartments', SHUIDONG);
    expect(job.report).toMatchObject({ read: 4, imported: 2, rejected: 2 });
    expect(job.report.rejectedRows).toEqual([3, 4].map((row) => ({ row, reason: '位置不在您管辖范围内的任何区划内' })));
    expect(await writtenIn('9400')).toEqual([shuidongVillage, shuidongVillage]);
  });

  it('the county office importing into one township: features of another township are rejected with its name', async () => {
    const job = await importFile(office, { name: '跨镇.geojson', data: await twoTownships('9401') }, 'sub_compartments', SHUIDONG);
    expect(job.report.rejectedRows).toEqual([3, 4].map((row) => ({ row, reason: expect.stringMatching(/^位于.+，不在本次导入的水东镇范围内$/) })));
    expect(await writtenIn('9401')).toEqual([shuidongVillage, shuidongVillage]);
  });

  it('a village code in the file must be inside the scope too', async () => {
    const [p] = await parcels(t, shuidongVillage, 1, 60);
    const file = geoJson([{ geometry: p!.lonLat, properties: { 林班: '9402', 小班: '1', 村代码: shashiVillage } }]);
    const job = await importFile(shuidongStaff, { name: '代码.geojson', data: file }, 'sub_compartments', SHUIDONG);
    expect(job.report.rejectedRows).toEqual([{ row: 1, reason: `区划代码 ${shashiVillage} 不存在，或不在您的管辖范围内` }]);
  });
});

describe('who may see and run a job', () => {
  let shuidongJob: number;
  beforeAll(async () => {
    shuidongJob = (await upload(shuidongStaff, { name: '跨镇.geojson', data: await twoTownships('9403') }, 'sub_compartments', SHUIDONG)).json().id;
    await upload(shashiStaff, { name: '本镇.geojson', data: await twoTownships('9408') }, 'sub_compartments', SHASHI);
  });

  it('another township’s staff get 404 for it, whatever they try, and do not see it listed', async () => {
    expect((await shashiStaff.get(`/api/imports/${shuidongJob}`)).statusCode).toBe(404);
    expect((await shashiStaff.patch(`/api/imports/${shuidongJob}`, { dataset: '抢' })).statusCode).toBe(404);
    expect((await shashiStaff.post(`/api/imports/${shuidongJob}/start`)).statusCode).toBe(404);
    expect((await shashiStaff.post(`/api/imports/${shuidongJob}/cancel`)).statusCode).toBe(404);
    const listed = (await shashiStaff.get('/api/imports')).json() as Array<{ id: number; regionCode: string }>;
    expect(listed.map((j) => j.id)).not.toContain(shuidongJob);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((j) => j.regionCode.startsWith('360702100'))).toBe(true);
    expect((await office.get(`/api/imports/${shuidongJob}`)).statusCode).toBe(200); // the county above sees it
  });

  it('a page of the list holds as many jobs as asked for, counting only those of layers the caller may import', async () => {
    // A clerk of 水东镇 who may write sub-compartments but not grids sees the office's land
    // imports there, never its grid imports — and newer grid imports do not crowd them off a page.
    // Post types are data only the owner writes (on the embedded engine its one connection is the app role until told otherwise).
    await t.database.owner.transaction((owner) =>
      owner.exec(`set local role none;
                  insert into post_types (code, name_zh, name_en, category, sort, permissions)
                  values ('land_clerk', '资源管理员', 'Land clerk', 'office', 55, '{regions.read,map.read,land.write}')`),
    );
    const person = (await office.post('/api/persons', { regionCode: SHUIDONG, name: '资源甲' })).json();
    await office.post(`/api/persons/${person.id}/posts`, { postType: 'land_clerk', regionCode: SHUIDONG, startsOn: '2024-01-01' });
    const clerk = await holderOf(t, 'land_clerk', SHUIDONG);
    const land = [];
    for (const compartment of ['9410', '9411']) land.push((await upload(office, { name: '小班.geojson', data: await twoTownships(compartment) }, 'sub_compartments', SHUIDONG)).json().id);
    for (const compartment of ['9412', '9413', '9414']) await upload(office, { name: '网格.geojson', data: await twoTownships(compartment) }, 'grids', SHUIDONG);
    const page = (await clerk.get('/api/imports?limit=2')).json() as Array<{ id: number; target: string }>;
    expect(page.map((j) => j.id)).toEqual(land.reverse());
    expect((await clerk.get(`/api/imports?limit=50&target=grids`)).json()).toEqual([]);
  });

  it('nobody imports into another township’s region', async () => {
    const res = await upload(shashiStaff, { name: '跨镇.geojson', data: await twoTownships('9404') }, 'sub_compartments', SHUIDONG);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('a chief or a ranger without land.write or grids.write may not import at all', async () => {
    for (const who of [await townshipChief(t), await ranger(t)]) {
      const res = await upload(who, { name: '跨镇.geojson', data: await twoTownships('9405') }, 'sub_compartments', SHUIDONG);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      expect((await who.get('/api/imports')).statusCode).toBe(403);
    }
  });
});

describe('cancelling', () => {
  it('a job not yet started is cancelled at once; a finished one cannot be', async () => {
    const created = (await upload(office, { name: '取消.geojson', data: await twoTownships('9406') }, 'sub_compartments', SHUIDONG)).json();
    expect((await office.post(`/api/imports/${created.id}/cancel`)).json()).toMatchObject({ status: 'cancelled' });
    const again = await office.post(`/api/imports/${created.id}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'job_not_cancellable', message: '任务已取消，不能取消' });
    expect((await office.post(`/api/imports/${created.id}/start`)).statusCode).toBe(409);
  });

  it('a running job stops at its next checkpoint and leaves nothing behind', async () => {
    // Enough rows for many checkpoints: the county's parcels three times over.
    const all = await parcels(t, '360702', 3000);
    const file = geoJson([0, 1, 2].flatMap((copy) => all.map((p, i) => ({ geometry: p.lonLat, properties: { 名称: `地块${copy}-${i + 1}` } }))));
    const created = (await upload(office, { name: '大批量.geojson', data: file }, 'reference_features', ZHANGGONG)).json();
    await office.patch(`/api/imports/${created.id}`, { layerName: '取消测试' });
    await office.post(`/api/imports/${created.id}/start`);
    for (;;) {
      const job = (await office.get(`/api/imports/${created.id}`)).json();
      expect(job.status).not.toBe('succeeded');
      if (job.status === 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const asked = (await office.post(`/api/imports/${created.id}/cancel`)).json();
    expect(asked).toMatchObject({ status: 'running', cancelRequested: true });
    const done = await waitForJob(office, created.id);
    expect(done.status).toBe('cancelled');
    expect(done.progress.done).toBeLessThan(9000);
    const left = await t.system.run(async (tx) => {
      const { rows } = await sql<{ layers: number; staged: number }>`
        select (select count(*)::int from reference_layers where name = '取消测试') as layers,
               (select count(*)::int from import_staging where job_id = ${created.id}) as staged`.execute(tx);
      return rows[0];
    });
    expect(left).toEqual({ layers: 0, staged: 0 });
  });
});

it('a job whose servers stopped while running it, on every attempt, is marked failed, its staged rows dropped', async () => {
  const created = (await upload(office, { name: '中断.geojson', data: await twoTownships('9407') }, 'sub_compartments', SHUIDONG)).json();
  // As if started by a server that died during the last of its attempts.
  await t.system.run(async (tx) => {
    const { rows } = await sql<{ id: number }>`
      insert into jobs (kind, region_code, created_by_name, actor_roots, payload, state, attempts, max_attempts, dedupe_key, worker_id, heartbeat_at, started_at)
      values ('import', ${SHUIDONG}, '测试', ${[SHUIDONG]}::text[], ${JSON.stringify({ importId: created.id })}::jsonb, 'running', 3, 3,
              ${`import:${created.id}`}, 'stopped-server:1:0badc0de', now() - interval '10 minutes', now() - interval '10 minutes')
      returning id`.execute(tx);
    await sql`update import_jobs set job_id = ${rows[0]!.id} where id = ${created.id}`.execute(tx);
    await sql`insert into import_staging (job_id, row_number, attrs) values (${created.id}, 1, '{}')`.execute(tx);
  });
  const job = await waitForJob(office, created.id);
  expect(job).toMatchObject({ status: 'failed', error: { code: 'import_interrupted', message: expect.stringContaining('导入未完成，没有写入任何数据') } });
  const staged = await t.system.run((tx) => tx.selectFrom('import_staging').select('row_number').where('job_id', '=', created.id).execute());
  expect(staged).toEqual([]);
});

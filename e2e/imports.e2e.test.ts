import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { useDriver, type Driver } from './driver.ts';
import { ImportDriver } from './import-driver.ts';
import { writeImportFiles, type ImportFiles } from './import-files.ts';

const ZHANGGONG = '360702000000'; // 章贡区, where demo-office's scope starts

let files: ImportFiles;
beforeAll(async () => {
  files = await writeImportFiles(inject('baseURL'));
});
afterAll(() => {
  if (files) fs.rmSync(files.dir, { recursive: true, force: true });
});

/** How many sub-compartments carry a compartment number, through the API. */
async function subCompartments(d: Driver, compartment: string): Promise<number> {
  return (await d.api<{ total: number }>('GET', `/api/sub-compartments?compartment=${compartment}&pageSize=1`)).total;
}

describe('importing the files offices have (数据导入)', () => {
  const app = useDriver();

  test('a GBK Shapefile in a Gauss–Krüger zone becomes sub-compartments, and the report names the rejected row', async () => {
    const d = app();
    const wizard = new ImportDriver(d);
    await d.signInAs('demo-office');
    await d.open('/imports');
    await d.byTestId('import-choose').waitFor();
    await d.screenshot('imports-1-choose', { fullPage: true });

    await wizard.upload('sub_compartments', files.shapefile);
    await wizard.checked();
    expect(await d.text('check-projection-name')).toBe('CGCS2000 3度带高斯-克吕格 中央经线 114°E');
    expect(await d.text('check-feature-count')).toBe(`${files.shapefileRows + 1} 个`);
    await d.screenshot('imports-2-check', { fullPage: true });

    await wizard.toMapping();
    expect(await d.text('mapping-row-compartment')).toContain('LIN_BAN');
    expect(await d.text('mapping-row-land_class')).toContain('不存在的地类');
    await d.screenshot('imports-3-mapping', { fullPage: true });

    await wizard.run();
    expect(await wizard.count('read')).toBe(files.shapefileRows + 1);
    expect(await wizard.count('imported')).toBe(files.shapefileRows);
    expect(await wizard.count('rejected')).toBe(1);
    expect(await d.texts('rejected-row')).toEqual([`第 ${files.shapefileRows + 1} 行`]);
    expect(await d.text('rejected-reason')).toContain('地类“不存在的地类”不在代码表中');
    await d.screenshot('imports-5-report', { fullPage: true });
  });

  test('a GeoJSON with Chinese field names loads grids into the chosen draft grid plan', async () => {
    const d = app();
    const wizard = new ImportDriver(d);
    await d.signInAs('demo-office');
    const plan = await d.api<{ id: number; name: string }>('POST', '/api/grid-plans', {
      regionCode: ZHANGGONG,
      year: 2031,
      name: `导入测试草稿${Date.now() % 100000}`,
      copyFrom: 'none',
    });

    await wizard.upload('grids', files.gridsGeoJson);
    await wizard.checked();
    await wizard.choose('option-plan', `${plan.name}（2031 年 · 章贡区）`);
    await wizard.toMapping();
    expect(await d.text('mapping-row-code')).toContain('网格编码');
    await wizard.run();

    expect(await wizard.count('imported')).toBe(3);
    expect(await wizard.count('rejected')).toBe(0);
    const grids = await d.api<{ items: Array<{ code: string }> }>('GET', `/api/grid-plans/${plan.id}/grids`);
    expect(grids.items.map((g) => g.code).sort()).toEqual(['IMP-1', 'IMP-2', 'IMP-3']);
  });

  test('a KML becomes a new reference layer under the name given', async () => {
    const d = app();
    const wizard = new ImportDriver(d);
    await d.signInAs('demo-office');

    await wizard.upload('reference_features', files.kml);
    await wizard.checked();
    await d.fill('option-layer-name', '导入测试保护小区');
    await wizard.choose('option-layer-kind', '自然保护地');
    await wizard.toMapping();
    await wizard.run();

    expect(await wizard.count('imported')).toBe(2);
    const layers = await d.api<Array<{ name: string; kind: string; featureCount: number }>>('GET', '/api/reference-layers');
    expect(layers.find((l) => l.name === '导入测试保护小区')).toMatchObject({ kind: 'nature_reserve', featureCount: 2 });
  });

  test('a GPX file becomes key routes, and the report says the waypoint was skipped', async () => {
    const d = app();
    const wizard = new ImportDriver(d);
    await d.signInAs('demo-office');

    await wizard.upload('key_routes', files.gpx);
    await wizard.checked();
    await wizard.toMapping();
    await wizard.run();

    expect(await wizard.count('imported')).toBe(3);
    expect(await d.text('import-report')).toContain('跳过了 1 个航点（wpt），只导入轨迹和航线');
  });

  test('a Shapefile without a .prj asks for the coordinate system and imports once one is chosen', async () => {
    const d = app();
    const wizard = new ImportDriver(d);
    await d.signInAs('demo-office');

    await wizard.upload('sub_compartments', files.noPrj);
    await wizard.checked();
    expect(await d.text('check-projection-problem')).toContain('缺少 林班小班.prj 文件，无法确定坐标系');
    await d.screenshot('imports-2-check-no-prj', { fullPage: true });
    await wizard.choose('check-projection', 'CGCS2000 3度带高斯-克吕格 中央经线 114°E（EPSG:4547）');
    await d.byTestId('check-projection-problem').waitFor({ state: 'detached' });
    await wizard.toMapping();
    await wizard.run();

    expect(await wizard.count('imported')).toBe(files.shapefileRows);
  });

  test('a broken zip is refused under the file with the Chinese reason, and no job is opened', async () => {
    const d = app();
    const wizard = new ImportDriver(d);
    await d.signInAs('demo-office');
    const jobsBefore = (await d.api<unknown[]>('GET', '/api/imports')).length;

    await wizard.upload('sub_compartments', files.brokenZip);

    expect(await d.text('import-upload-error')).toContain('压缩包已损坏或不完整');
    await d.screenshot('imports-1-broken-zip', { fullPage: true });
    expect(new URL(d.page.url()).pathname).toBe('/imports');
    expect((await d.api<unknown[]>('GET', '/api/imports')).length).toBe(jobsBefore);
  });

  test('a file whose coordinates lie outside China cannot be started, and nothing is imported', async () => {
    const d = app();
    const wizard = new ImportDriver(d);
    await d.signInAs('demo-office');

    await wizard.upload('sub_compartments', files.abroad);
    await wizard.checked();
    expect(await d.text('check-projection-problem')).toContain('坐标不在中国范围内');
    await d.click('check-next');

    expect(await d.text('check-blocking')).toContain('坐标不在中国范围内');
    expect(await d.byTestId('import-mapping').count()).toBe(0);
    expect(await subCompartments(d, '9100')).toBe(0);
  });

  test('a township chief, who may only read, is not offered 数据导入', async () => {
    const d = app();
    await d.signInAs('demo-township');
    await d.byTestId('menu-people').waitFor();
    expect(await d.byTestId('menu-imports').count()).toBe(0);

    await d.open('/imports');
    await d.byTestId('forbidden').waitFor();
    expect(await d.byTestId('import-choose').count()).toBe(0);
  });
});

import { describe, expect, test } from 'vitest';
import { useDriver } from './driver.ts';

interface SubCompartment {
  id: number;
  area: { ha: number; mu: number };
  landClass: { code: string; name: string | null } | null;
}

const format = (value: number, digits: number) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

describe('land data', () => {
  const app = useDriver();

  test('a code-table file with a bad line is refused with the line’s number', async () => {
    const d = app();
    await d.signInAs('demo-office');
    await d.open('/land');
    await d.byTestId('code-entries').waitFor();
    const file = ['domain,code,name,flags,sort', 'land_class,0111,乔木林地,forest_land|forest,10', 'land_class,,没有代码的地类,,20', ''].join('\n');
    await d.byTestId('code-tables').locator('input[type=file]').setInputFiles({ name: '代码表.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });

    expect(await d.texts('codes-upload-line')).toEqual(['第 3 行：代码不能为空，且不超过 20 个字符']);
  });

  test('sub-compartments of one township export as an Excel file named after it', async () => {
    const d = app();
    await d.signInAs('demo-office');
    await d.open('/land?tab=export');
    await d.byTestId('export-region').click();
    await d.page.locator('.ant-select-tree-treenode').getByText('章贡区', { exact: true }).waitFor();
    await d.page.locator('.ant-select-tree-switcher').first().click();
    await d.page.locator('.ant-select-tree-treenode').getByText('水东镇', { exact: true }).click();
    const download = d.page.waitForEvent('download');
    await d.click('export-download');

    expect((await download).suggestedFilename()).toMatch(/^小班-水东镇-\d{8}\.xlsx$/);
  });

  test('a sub-compartment’s detail names its coded values and gives its area in 亩 and 公顷', async () => {
    const d = app();
    await d.signInAs('demo-office');
    const { items } = await d.api<{ items: SubCompartment[] }>('GET', '/api/sub-compartments?pageSize=1');
    const first = items[0]!;
    await d.open('/land?tab=sub-compartments');
    await d.byTestId('sc-row').first().click();

    expect(await d.text('sc-attributes')).toContain(`${first.landClass!.name}（${first.landClass!.code}）`);
    expect(await d.text('sc-area')).toBe(`${format(first.area.mu, 2)} 亩（${format(first.area.ha, 4)} 公顷）`);
  });
});

import { describe, expect, test } from 'vitest';
import { useDriver } from './driver.ts';

const SHUIDONG = '360702101000'; // 水东镇

interface ResourceList {
  forestCoveragePercent: number | null;
  forestArea: { ha: number; mu: number };
  stockVolumeM3: number;
}

const format = (value: number, digits: number) => new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);

describe('resource lists', () => {
  const app = useDriver();

  test('the resource list of 水东镇 shows the server’s figures in 公顷 and 亩', async () => {
    const d = app();
    await d.signInAs('demo-office');
    const list = await d.api<ResourceList>('GET', `/api/resource-lists/region/${SHUIDONG}`);
    await d.open(`/resources?region=${SHUIDONG}`);

    expect(await d.text('resource-subject')).toBe('水东镇资源清单');
    expect(await d.text('figure-coverage-value')).toBe(format(list.forestCoveragePercent!, 2));
    expect(await d.text('figure-forest')).toContain(`${format(list.forestArea.ha, 4)} 公顷`);
    expect(await d.text('figure-forest')).toContain(`${format(list.forestArea.mu, 2)} 亩`);
    expect(await d.text('figure-stock-value')).toBe(format(list.stockVolumeM3, 2));
  });

  test('the charts of species, age groups and public-welfare grades are drawn', async () => {
    const d = app();
    await d.signInAs('demo-office');
    await d.open(`/resources?region=${SHUIDONG}`);

    for (const chart of ['chart-species', 'chart-age', 'chart-grades']) {
      await d.byTestId(chart).locator('canvas').first().waitFor();
      expect(await d.byTestId(chart).locator('canvas').count()).toBeGreaterThan(0);
    }
  });

  test('导出 Excel downloads the workbook under its Chinese name', async () => {
    const d = app();
    await d.signInAs('demo-office');
    await d.open(`/resources?region=${SHUIDONG}`);
    await d.byTestId('resource-subject').waitFor();
    const download = d.page.waitForEvent('download');
    await d.click('resources-excel');

    expect((await download).suggestedFilename()).toBe('资源清单-水东镇.xlsx');
  });

  test('a township chief can pick only 水东镇', async () => {
    const d = app();
    await d.signInAs('demo-township');
    await d.open('/resources');
    expect(await d.text('resource-subject')).toBe('水东镇资源清单');
    await d.click('resources-region');

    // The tree keeps a hidden node for measuring; only the listed ones count.
    const roots = d.page.locator('.ant-select-tree-treenode:not([aria-hidden="true"])');
    await roots.first().waitFor();
    expect((await roots.allInnerTexts()).map((t) => t.trim())).toEqual(['水东镇']);
  });
});

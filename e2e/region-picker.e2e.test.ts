import { describe, expect, test } from 'vitest';
import { useDriver } from './driver.ts';

const SHUIDONG = '360702101000';

describe('the region picker', () => {
  const app = useDriver();

  test('typing 水东 finds 水东镇 without opening 章贡区 first, and picking it filters the list', async () => {
    const d = app();
    await d.signInAs('demo-office');
    await d.open('/people');
    await d.byTestId('person-link').first().waitFor();

    await d.click('filter-region');
    await d.page.keyboard.type('水东');
    const township = d.dropdown().locator('.ant-select-tree-title', { hasText: /^水东镇$/ });
    await d.pick('filter-region', township.first());

    await d.page.waitForURL((url) => url.searchParams.get('region') === SHUIDONG);
    await d.byTestId('person-link').first().waitFor();
  });

  test('typing a village’s full name finds it below its township', async () => {
    const d = app();
    await d.signInAs('demo-office');
    const [village] = await d.api<Array<{ name: string }>>('GET', `/api/regions/${SHUIDONG}/children`);
    await d.open('/people');

    await d.click('filter-region');
    await d.page.keyboard.type(village!.name);
    await d.dropdown().locator('.ant-select-tree-title', { hasText: village!.name }).first().waitFor();
    expect(await d.dropdown().locator('.ant-select-tree-title', { hasText: /^水东镇$/ }).count()).toBe(1);
  });
});

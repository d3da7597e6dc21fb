import { describe, expect, test } from 'vitest';
import { useDriver, type Driver } from './driver.ts';

const ZHANGGONG = '360702000000'; // 章贡区

interface Plan {
  id: number;
  name: string;
  year: number;
  status: 'draft' | 'active' | 'archived';
  regionCode: string;
}
interface Grid {
  id: number;
  code: string;
  name: string;
  regionCode: string;
  ranger: { postId: number; name: string } | null;
}

const activePlan = async (d: Driver) => (await d.api<Plan[]>('GET', '/api/grid-plans')).find((p) => p.status === 'active' && p.regionCode === ZHANGGONG)!;
const unique = () => Math.floor(Math.random() * 1e6);

describe('grid plans', () => {
  const app = useDriver();

  test('a draft created from the active plan opens on its page and compares as unchanged', async () => {
    const d = app();
    await d.signInAs('demo-office');
    const active = await activePlan(d);
    await d.open('/grids');
    await d.click('plan-create');
    const name = `测试草稿方案${unique()}`;
    await d.fill('plan-name', name);
    await d.click('plan-form-submit');

    expect(await d.text('plan-title')).toBe(name);
    expect(await d.text('plan-status')).toBe('草稿');
    await d.click('plan-tab-compare');
    expect(await d.text('compare-count-unchanged')).toContain('216');
    expect(await d.text('compare-totals')).toContain(`启用方案（${active.year}年）`);
    expect(await d.text('compare-ok')).toContain('没有阻止启用的问题');
  });

  test('activating a draft archives the plan that was active', async () => {
    const d = app();
    await d.signInAs('demo-office');
    const before = await activePlan(d);
    const draft = await d.api<Plan>('POST', '/api/grid-plans', { regionCode: ZHANGGONG, year: 2030, name: `启用测试方案${unique()}`, copyFrom: 'active' });
    await d.open(`/grids/${draft.id}`);
    await d.click('plan-activate');
    expect(await d.text('activate-archives')).toContain(`当前启用的「${before.name}」将自动归档`);
    await d.click('activate-confirm');

    await d.byTestId('plan-status').getByText('启用').waitFor();
    await d.open('/grids');
    expect(await d.text(`plan-row-${before.id}`)).toContain('归档');
    expect(await d.text(`plan-row-${draft.id}`)).toContain('启用');
  });

  test('assigning a ranger who already guards a grid of the plan shows the server’s refusal', async () => {
    const d = app();
    await d.signInAs('demo-office');
    const plan = await activePlan(d);
    const { items } = await d.api<{ items: Grid[] }>('GET', `/api/grid-plans/${plan.id}/grids?pageSize=20`);
    // Two grids of one village, each with its own ranger: give the first one the second one's ranger.
    const guarded = items.filter((g) => g.ranger);
    const first = guarded.find((g) => guarded.some((o) => o.id !== g.id && o.regionCode === g.regionCode))!;
    const second = guarded.find((o) => o.id !== first.id && o.regionCode === first.regionCode)!;
    await d.open(`/grids/${plan.id}`);
    await d.byTestId(`grid-row-${first.code}`).getByTestId('grid-assign').click();
    await d.click('assign-ranger');
    await d.byTestId(`ranger-option-${second.ranger!.postId}`).waitFor();
    await d.screenshot('grids-assign-ranger');
    await d.pick('assign-ranger', d.dropdown().getByTestId(`ranger-option-${second.ranger!.postId}`));
    await d.click('assign-form-submit');

    expect(await d.text('assign-form-error')).toContain(`已负责本方案中的网格 ${second.code}`);
  });

  test('a grid’s detail shows its patrol requirement with the rule it rests on', async () => {
    const d = app();
    await d.signInAs('demo-office');
    const plan = await activePlan(d);
    await d.open(`/grids/${plan.id}`);
    await d.byTestId('plan-grids').locator('.ant-table-row').first().click();

    expect(await d.text('rule-requirement')).toContain('每月出勤不少于 20 天，每次巡护不少于 2 小时');
    expect(await d.text('rule-source')).toContain('《章贡区2021年林长制工作要点》第3条');
  });
});

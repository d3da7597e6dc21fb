import { describe, expect, test } from 'vitest';
import { useDriver } from './driver.ts';

describe('signing in', () => {
  const app = useDriver();

  test('a wrong password shows the server’s Chinese message', async () => {
    const d = app();
    await d.open('/signin');
    await d.fill('signin-username', 'demo-supervisor');
    await d.fill('signin-password', 'not-the-password');
    await d.click('signin-submit');

    expect(await d.text('signin-error')).toContain('用户名或密码错误');
  });

  test('the county office admin sees every menu entry', async () => {
    const d = app();
    await d.signInAs('demo-office');

    const menu = await d.text('main-menu');
    for (const entry of ['工作台', '行政区划', '人员与职务', '审计日志']) expect(menu).toContain(entry);
  });

  test('a ranger does not see 人员与职务 in the menu', async () => {
    const d = app();
    await d.signInAs('demo-ranger');

    const menu = await d.text('main-menu');
    expect(menu).toContain('行政区划');
    expect(menu).not.toContain('人员与职务');
  });

  test('signing out returns to the sign-in page and ends the session', async () => {
    const d = app();
    await d.signInAs('demo-office');
    await d.click('sign-out');
    await d.byTestId('signin-form').waitFor();
    expect(new URL(d.page.url()).pathname).toBe('/signin');

    await d.open('/people');
    await d.byTestId('signin-form').waitFor();
    expect(new URL(d.page.url()).pathname).toBe('/signin');
  });

  test('a township chief’s region tree starts at 水东镇 alone', async () => {
    const d = app();
    await d.signInAs('demo-township');
    await d.open('/regions');
    await d.byTestId('region-node').first().waitFor();

    const roots = await d.page.locator('[data-testid="region-node"][data-depth="0"]').allInnerTexts();
    expect(roots).toEqual(['水东镇']);
  });
});

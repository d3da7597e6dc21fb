import { describe, expect, test } from 'vitest';
import { PHONE, useDriver, type Driver } from './driver.ts';

/** Whether the page scrolls sideways: a phone page must fit its 390 px. */
const scrollsSideways = (d: Driver) => d.page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');

describe('the office pages on a 390 px phone', () => {
  const app = useDriver(PHONE);

  test('the header folds into one menu button whose drawer has the user, every page, 修改密码 and 退出登录', async () => {
    const d = app();
    await d.signInAs('demo-office');
    expect(await scrollsSideways(d)).toBe(false);
    expect(await d.byTestId('sign-out').count()).toBe(0);

    await d.click('header-menu');
    expect(await d.text('current-user')).toContain('区林长办主任');
    const menu = await d.text('main-menu');
    for (const entry of ['工作台', '一张图', '人员与职务', '审计日志']) expect(menu).toContain(entry);
    for (const id of ['change-password', 'sign-out', 'language-switch']) {
      const box = await d.byTestId(id).last().boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.x + box!.width, id).toBeLessThanOrEqual(PHONE.width);
    }

    await d.click('menu-people');
    await d.byTestId('people-page').waitFor();
    await d.byTestId('phone-menu').waitFor({ state: 'hidden' });
  });

  test('signing out works from the phone menu', async () => {
    const d = app();
    await d.signInAs('demo-office');
    await d.click('header-menu');
    await d.click('sign-out');
    await d.byTestId('signin-form').waitFor();
    expect(new URL(d.page.url()).pathname).toBe('/signin');
  });

  test('the people list becomes cards, one per person, and nothing scrolls sideways', async () => {
    const d = app();
    await d.signInAs('demo-office');
    await d.open('/people');
    await d.byTestId('person-link').first().waitFor();

    expect(await d.page.locator('[data-testid="people-page"] table').count()).toBe(0);
    const cards = d.page.locator('[data-testid="people-page"] .lz-card');
    expect(await cards.count()).toBeGreaterThan(1);
    expect(await cards.first().innerText()).toContain('手机号');
    expect(await scrollsSideways(d)).toBe(false);

    await cards.first().click();
    await d.page.waitForURL(/\/people\/\d+$/);
  });
});

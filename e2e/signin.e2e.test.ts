import { describe, expect, test } from 'vitest';
import { DESKTOP, PHONE, useDriver } from './driver.ts';

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

  test('a wrong password says how many tries are left before the lock, and near the end what to do instead of guessing', async () => {
    const d = app();
    await d.open('/signin');
    const wrongPassword = async (left: number) => {
      await d.fill('signin-username', 'demo-village');
      await d.fill('signin-password', 'not-the-password');
      await d.click('signin-submit');
      await d.byTestId('signin-error').filter({ hasText: `还可尝试 ${left} 次` }).waitFor();
      return d.text('signin-error');
    };
    expect(await wrongPassword(4)).toContain('用户名或密码错误，还可尝试 4 次，之后账号将锁定 15 分钟');
    expect(await wrongPassword(3)).not.toContain('不要反复尝试');
    expect(await wrongPassword(2)).toContain('忘记密码请联系本级林长办重置，不要反复尝试');
    await d.screenshot('signin-last-tries');
    await d.page.setViewportSize(PHONE);
    await d.screenshot('signin-last-tries-phone');
    await d.page.setViewportSize(DESKTOP);

    // the right password still works, and the count starts again
    await d.signInAs('demo-village');
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
  test('a password the office chose must be changed first: every page leads to the change form until it is', async () => {
    const d = app();
    await d.signInAs('demo-office');
    const person = await d.api<{ id: number }>('POST', '/api/persons', { regionCode: '360702101000', name: '邓新民' });
    await d.api('POST', `/api/persons/${person.id}/posts`, { postType: 'office_staff', regionCode: '360702101000', startsOn: '2024-01-01' });
    await d.api('POST', `/api/persons/${person.id}/account`, { username: 'sd-new-clerk', password: 'Office-chose-2026' });
    await d.click('sign-out');
    await d.byTestId('signin-form').waitFor();

    await d.signInAs('sd-new-clerk', 'Office-chose-2026');
    expect(await d.text('password-must-change')).toContain('请先设置只有您自己知道的新密码');
    await d.screenshot('password-must-change');
    await d.open('/people');
    await d.byTestId('password-page').waitFor();
    expect(new URL(d.page.url()).pathname).toBe('/account/password');

    await d.fill('password-current', 'Office-chose-2026');
    await d.fill('password-new', 'Only-mine-2026');
    await d.fill('password-confirm', 'Only-mine-2026');
    await d.click('password-submit');
    await d.byTestId('password-must-change').waitFor({ state: 'detached' });
    await d.open('/people');
    await d.byTestId('people-page').waitFor();
  });
});

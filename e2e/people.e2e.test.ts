import { describe, expect, test } from 'vitest';
import { useDriver, type Driver } from './driver.ts';

const SHUIDONG = '360702101000'; // 水东镇

/** A name and phone number no other test in this run uses. */
function newcomer() {
  const n = Math.floor(Math.random() * 1e8);
  return { name: `测试人员${n % 10000}`, phone: `139${String(n).padStart(8, '0')}` };
}

/** Given: a person in 水东镇 created through the API, their page open. */
async function givenPersonPage(d: Driver): Promise<{ id: number; name: string }> {
  const { name, phone } = newcomer();
  const person = await d.api<{ id: number }>('POST', '/api/persons', { regionCode: SHUIDONG, name, phone });
  await d.open(`/people/${person.id}`);
  await d.byTestId('person-title').waitFor();
  return { id: person.id, name };
}

describe('people and posts', () => {
  const app = useDriver();

  test('a bad phone number is refused under the phone field before anything is sent', async () => {
    const d = app();
    await d.signInAs('demo-office');
    await d.open('/people');
    await d.click('person-create');
    await d.fill('person-name', newcomer().name);
    await d.fill('person-phone', '12345');
    await d.click('person-form-submit');

    const errors = await d.page.getByTestId('person-form').locator('.ant-form-item-explain-error').allInnerTexts();
    expect(errors).toEqual(['请输入 11 位手机号，以 1 开头']);
  });

  test('creating a person opens their page', async () => {
    const d = app();
    await d.signInAs('demo-office');
    await d.open('/people');
    await d.click('person-create');
    const { name, phone } = newcomer();
    await d.fill('person-name', name);
    await d.fill('person-phone', phone);
    await d.click('person-form-submit');

    expect(await d.text('person-title')).toBe(name);
    expect(await d.text('person-page')).toContain(phone);
    expect(await d.text('person-page')).toContain('章贡区');
  });

  test('appointing a ranger post shows it among the active posts', async () => {
    const d = app();
    await d.signInAs('demo-office');
    await givenPersonPage(d);
    await d.click('post-appoint');
    await d.pick('post-type', d.dropdown().getByTestId('post-type-option-ranger'));
    await d.click('ranger-kind-ecological');
    await d.click('appoint-form-submit');

    const row = d.byTestId('active-post-ranger');
    await row.waitFor();
    expect(await row.innerText()).toContain('生态护林员');
  });

  test('ending a post with a reason keeps it in the history with its end date and reason', async () => {
    const d = app();
    await d.signInAs('demo-office');
    const person = await givenPersonPage(d);
    await d.api('POST', `/api/persons/${person.id}/posts`, { postType: 'ranger', regionCode: SHUIDONG, rangerKind: 'full_time', startsOn: '2024-03-01' });
    await d.page.reload();
    await d.click('post-end');
    await d.fill('end-post-reason', '工作调动到七里镇');
    await d.click('end-post-form-submit');

    // The end date is the last day held: a post ended today is held until tonight.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(await d.text('history-end')).toBe(`${today} 离任，原因：工作调动到七里镇`);
    expect(await d.text('post-history')).toContain(`2024-03-01 — ${today}`);
  });

  test('a township chief (read only) has no button to add people', async () => {
    const d = app();
    await d.signInAs('demo-township');
    await d.open('/people');
    await d.byTestId('person-link').first().waitFor();

    expect(await d.byTestId('person-create').count()).toBe(0);
  });
});

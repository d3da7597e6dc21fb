import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type TestApp } from '../../../test/app.ts';
import { ZHANGGONG } from '../../../test/personas.ts';
import { createFirstAdmin } from './first-admin.ts';

const NANKANG = '360703000000'; // 南康区, next to the demo district, not loaded in the template
const PASSWORD = 'Nankang-2026';

let t: TestApp;
beforeAll(async () => {
  // An installation that covers a second county: its tree is loaded at start.
  t = await startTestApp({ REGIONS: '360702,360703' });
});
afterAll(() => t?.close());

describe('a real installation', () => {
  it('loads the administrative tree of every county it covers (REGIONS) at start', async () => {
    const rows = await t.system.run((tx) => tx.selectFrom('regions').select(['code', 'level']).where('code', 'like', '360703%').execute());
    expect(rows.find((r) => r.code === NANKANG)).toMatchObject({ level: 3 });
    expect(rows.filter((r) => r.level === 4).length).toBeGreaterThan(10);
  });
});

describe('the first office admin (npm run admin:create)', () => {
  it('is opened for a county office, signs in and manages that county alone', async () => {
    const admin = await createFirstAdmin(t.system, { region: '360703', name: '南康林长办管理员', username: 'nankang-admin', phone: null, password: PASSWORD });
    expect(admin).toMatchObject({ regionCode: NANKANG, regionName: '南康区' });

    const client = await signIn(t, 'nankang-admin', PASSWORD);
    const me = (await client.get('/api/me')).json();
    expect(me.permissions).toEqual(expect.arrayContaining(['people.write', 'audit.read']));
    expect((await client.get('/api/regions')).json().map((r: { code: string }) => r.code)).toEqual([NANKANG]);
    expect((await client.get(`/api/regions/${ZHANGGONG}`)).statusCode).toBe(404);

    const [entry] = await t.system.run((tx) =>
      tx.selectFrom('audit_log').select(['action', 'actor_name']).where('entity', '=', 'accounts').where('entity_id', '=', String(admin.accountId)).execute(),
    );
    expect(entry).toEqual({ action: 'account.bootstrap', actor_name: 'system' });
  });

  it('is refused a weak password, and a user name already taken', async () => {
    await expect(createFirstAdmin(t.system, { region: '360703', name: '甲', username: 'nankang-two', phone: null, password: 'password' })).rejects.toMatchObject({ code: 'password_too_weak' });
    await expect(createFirstAdmin(t.system, { region: '360703', name: '乙', username: 'demo-office', phone: null, password: PASSWORD })).rejects.toThrow(/accounts_username_key/);
  });

  it('is refused a region code that is neither a county nor a statistical code', async () => {
    await expect(createFirstAdmin(t.system, { region: '3607', name: '丙', username: 'nankang-three', phone: null, password: PASSWORD })).rejects.toMatchObject({ code: 'invalid_value' });
  });
});

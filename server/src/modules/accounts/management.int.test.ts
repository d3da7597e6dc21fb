import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../platform/context.ts';
import { anonymous, signIn, startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { holderOf, officeAdmin, SHASHI, SHUIDONG, supervisor, villageChief, ZHANGGONG } from '../../../test/personas.ts';
import { TEST_PASSWORD } from '../../../test/template.ts';

/**
 * An account's rights come from its holder's posts, which may lie above the person's own region:
 * managing the account (its password above all) is managing those rights. So an office may manage
 * an account only when its scope covers the person and every post the holder has not yet left.
 */
let t: TestApp;
let office: Client;
/** 水东镇's own office admin (appointed here: the demo county has office admins only at the district). */
let township: Client;
/** A 水东镇 person who also holds a district office-admin post: the account a township must not take over. */
let victim: { client: Client; personId: number; accountId: number; districtPostId: number };

const login = (username: string, password: string) => anonymous(t).post('/api/auth/login', { username, password });

const personHolding = (postType: string, regionCode: string) =>
  t.system.run(async (tx) => {
    const post = await tx
      .selectFrom('posts')
      .select('person_id')
      .where('post_type', '=', postType)
      .where('region_code', '=', regionCode)
      .where('ends_on', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    return post.person_id;
  });

const accountOf = (personId: number) =>
  t.system.run((tx) => tx.selectFrom('accounts').select(['id', 'username', 'status', 'region_code']).where('person_id', '=', personId).executeTakeFirstOrThrow());

async function appoint(personId: number, postType: string, regionCode: string, startsOn = '2024-01-01'): Promise<number> {
  const res = await office.post(`/api/persons/${personId}/posts`, { postType, regionCode, startsOn });
  expect(res.statusCode).toBe(201);
  return res.json().id as number;
}

beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
  await appoint(await personHolding('office_staff', SHUIDONG), 'office_admin', SHUIDONG);
  township = await holderOf(t, 'office_admin', SHUIDONG);

  const personId = await personHolding('guide', SHUIDONG);
  const districtPostId = await appoint(personId, 'office_admin', ZHANGGONG);
  const client = await holderOf(t, 'guide', SHUIDONG);
  victim = { client, personId, accountId: (await accountOf(personId)).id, districtPostId };
});
afterAll(() => t.close());

describe('a township office and an account whose holder has a post above the township', () => {
  it('the holder really has district scope, and the township office sees the account', async () => {
    expect((await victim.client.get('/api/me')).json().scope).toMatchObject([{ code: ZHANGGONG }]);
    const seen = await township.get(`/api/persons/${victim.personId}/account`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ id: victim.accountId });
  });

  it('cannot reset its password and sign in with district scope (account takeover)', async () => {
    const { username } = await accountOf(victim.personId);
    const res = await township.post(`/api/accounts/${victim.accountId}/password`, { password: 'Taken-over-2026' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'account_out_of_scope' });
    expect(res.json().error.message).toMatch(/管辖范围之外/);
    expect((await login(username, 'Taken-over-2026')).statusCode).toBe(401);
    // nothing changed: the holder's password and session still work
    expect((await victim.client.get('/api/me')).statusCode).toBe(200);
    expect((await login(username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('cannot disable or unlock it either', async () => {
    const disabled = await township.patch(`/api/accounts/${victim.accountId}`, { status: 'disabled' });
    expect(disabled.statusCode).toBe(403);
    expect(disabled.json().error.code).toBe('account_out_of_scope');
    const unlocked = await township.post(`/api/accounts/${victim.accountId}/unlock`);
    expect(unlocked.statusCode).toBe(403);
    expect(unlocked.json().error.code).toBe('account_out_of_scope');
    expect((await accountOf(victim.personId)).status).toBe('active');
  });

  it('cannot open an account for a township person appointed to a district post, even one that starts later', async () => {
    const personId = await personHolding('chief_forest_chief', SHUIDONG);
    const nextYear = `${new Date().getFullYear() + 1}-01-01`;
    await appoint(personId, 'forest_chief', ZHANGGONG, nextYear);
    const res = await township.post(`/api/persons/${personId}/account`, { username: 'taken-over', password: 'Taken-over-2026' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('account_out_of_scope');
    expect(await t.system.run((tx) => tx.selectFrom('accounts').select('id').where('person_id', '=', personId).executeTakeFirst())).toBeUndefined();
  });

  it('the database refuses it too, whatever the service does', async () => {
    const refused = await systemContext(t.database.app, [SHUIDONG]).run((tx) =>
      tx.updateTable('accounts').set({ status: 'disabled' }).where('id', '=', victim.accountId).executeTakeFirst(),
    );
    expect(refused.numUpdatedRows).toBe(0n);
    expect((await accountOf(victim.personId)).status).toBe('active');
  });

  it('moving the holder within the township keeps the account with the person', async () => {
    const moved = await township.patch(`/api/persons/${victim.personId}`, { regionCode: '360702101001' });
    expect(moved.statusCode).toBe(200);
    expect((await accountOf(victim.personId)).region_code).toBe('360702101001');
  });

  it('the district office may manage it; once the district post has ended, the township office may again', async () => {
    expect((await office.post(`/api/accounts/${victim.accountId}/unlock`)).statusCode).toBe(200);
    const yesterday = new Date(Date.now() + 8 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    expect((await office.post(`/api/posts/${victim.districtPostId}/end`, { endsOn: yesterday, reason: '工作调动' })).statusCode).toBe(200);
    const res = await township.post(`/api/accounts/${victim.accountId}/password`, { password: 'Forest-2026!' });
    expect(res.statusCode).toBe(200);
  });

  it('manages the ordinary accounts of its township', async () => {
    const ranger = await t.system.run((tx) => tx.selectFrom('accounts').select('id').where('username', '=', 'demo-ranger').executeTakeFirstOrThrow());
    expect((await township.post(`/api/accounts/${ranger.id}/unlock`)).statusCode).toBe(200);
  });
});

describe('user names', () => {
  it('may not look like a mobile number, since a phone number signs in too', async () => {
    const personId = (await office.post('/api/persons', { regionCode: SHUIDONG, name: '账号测试' })).json().id as number;
    const res = await office.post(`/api/persons/${personId}/account`, { username: '13912345678', password: 'Shuidong-2026' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('username');
    // Nor past the API: the database refuses it as well.
    await expect(
      t.system.run((tx) => tx.insertInto('accounts').values({ person_id: personId, username: '13912345678', password_hash: 'x', is_demo: false, locked_until: null, last_login_at: null }).execute()),
    ).rejects.toThrow(/accounts_username_not_phone/);
    expect((await office.post(`/api/persons/${personId}/account`, { username: 'sd-supervisor-1', password: 'Shuidong-2026' })).statusCode).toBe(201);
  });
});

describe('a password someone else chose', () => {
  it('must be changed by the holder before the account can do anything else, after opening and after a reset', async () => {
    const personId = (await office.post('/api/persons', { regionCode: SHUIDONG, name: '新任林长办' })).json().id as number;
    await appoint(personId, 'office_staff', SHUIDONG);
    const opened = await office.post(`/api/persons/${personId}/account`, { username: 'sd-new-supervisor', password: 'Office-chose-2026' });
    expect(opened.statusCode).toBe(201);

    const holder = await signIn(t, 'sd-new-supervisor', 'Office-chose-2026');
    expect((await holder.get('/api/me')).json().account.passwordMustChange).toBe(true);
    const refused = await holder.get(`/api/persons/${personId}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('password_change_required');
    expect((await holder.get('/api/regions/360702101000/children')).json().error.code).toBe('password_change_required');

    const changed = await holder.post('/api/auth/password', { currentPassword: 'Office-chose-2026', newPassword: 'Holder-chose-2026' });
    expect(changed.statusCode).toBe(200);
    const after = await signIn(t, 'sd-new-supervisor', 'Holder-chose-2026');
    expect((await after.get('/api/me')).json().account.passwordMustChange).toBe(false);
    expect((await after.get(`/api/persons/${personId}`)).statusCode).toBe(200);

    const accountId = (await accountOf(personId)).id;
    expect((await office.post(`/api/accounts/${accountId}/password`, { password: 'Office-reset-2026' })).statusCode).toBe(200);
    const reset = await signIn(t, 'sd-new-supervisor', 'Office-reset-2026');
    expect((await reset.get(`/api/persons/${personId}`)).json().error.code).toBe('password_change_required');
    // Demo accounts and the first admin chose their own (the demo password is published): nothing to change.
    expect((await (await villageChief(t)).get('/api/me')).json().account.passwordMustChange).toBe(false);
  });
});

describe('one’s own account', () => {
  it('a holder whose upcoming post lies beyond today’s scope may still change their own password', async () => {
    const chief = await villageChief(t);
    const personId = (await chief.get('/api/me')).json().person.id as number;
    await appoint(personId, 'forest_chief', SHUIDONG, `${new Date().getFullYear() + 1}-01-01`);
    const res = await chief.post('/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Forest-2026!' });
    expect(res.statusCode).toBe(200);
    expect((await login('demo-village', 'Forest-2026!')).statusCode).toBe(200);
  });
});

describe('another township', () => {
  let neighbour: Client;
  let target: { personId: number; accountId: number };
  beforeAll(async () => {
    await appoint(await personHolding('office_staff', SHASHI), 'office_admin', SHASHI);
    neighbour = await holderOf(t, 'office_admin', SHASHI);
    const account = await t.system.run((tx) => tx.selectFrom('accounts').select(['id', 'person_id']).where('username', '=', 'demo-supervisor').executeTakeFirstOrThrow());
    target = { personId: account.person_id, accountId: account.id };
  });

  it('gets 404 for every account route about a 水东镇 person, as if they did not exist', async () => {
    const answers = [
      await neighbour.get(`/api/persons/${target.personId}/account`),
      await neighbour.post(`/api/persons/${target.personId}/account`, { username: 'neighbour-made', password: 'Forest-2026!' }),
      await neighbour.post(`/api/accounts/${target.accountId}/password`, { password: 'Forest-2026!' }),
      await neighbour.post(`/api/accounts/${target.accountId}/unlock`),
      await neighbour.patch(`/api/accounts/${target.accountId}`, { status: 'disabled' }),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect((await accountOf(target.personId)).status).toBe('active');
  });
});

describe('a supervisor', () => {
  it('may not manage accounts, not even in their own village', async () => {
    const client = await supervisor(t);
    const personId = (await client.get('/api/me')).json().person.id as number;
    const { id } = await accountOf(personId);
    for (const res of [await client.get(`/api/persons/${personId}/account`), await client.post(`/api/accounts/${id}/unlock`)]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { holderOf, neighbourTownshipChief, officeAdmin, ranger, SHASHI, SHUIDONG, supervisor, townshipChief, villageChief, ZHANGGONG } from '../../../test/personas.ts';

let t: TestApp;
let township: Client;
beforeAll(async () => {
  t = await startTestApp();
  township = await townshipChief(t);
});
afterAll(() => t.close());

const idsIn = (table: 'persons' | 'posts', prefix: string) =>
  t.system.run(async (tx) => (await tx.selectFrom(table).select('id').where('region_code', 'like', `${prefix}%`).execute()).map((r) => r.id));

describe('a township user sees only their township', () => {
  it('has 水东镇 as the only root and its 13 villages below it', async () => {
    expect((await township.get('/api/regions')).json()).toMatchObject([{ code: SHUIDONG, name: '水东镇' }]);
    const children = (await township.get(`/api/regions/${SHUIDONG}/children`)).json() as Array<{ code: string }>;
    expect(children).toHaveLength(13);
    expect(children.every((c) => c.code.startsWith('360702101'))).toBe(true);
  });

  it('gets 404 for the district, a neighbouring township and its villages', async () => {
    for (const code of [ZHANGGONG, SHASHI, '360702100001']) {
      const res = await township.get(`/api/regions/${code}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect((await township.get(`/api/regions/${SHASHI}/children`)).statusCode).toBe(404);
  });

  it('gets 404 for every person and post of 沙石镇, by guessing their ids', async () => {
    const people = await idsIn('persons', '360702100');
    const posts = await idsIn('posts', '360702100');
    expect(people.length).toBeGreaterThan(10);
    for (const id of people) {
      expect((await township.get(`/api/persons/${id}`)).statusCode).toBe(404);
      expect((await township.get(`/api/persons/${id}/posts`)).statusCode).toBe(404);
    }
    for (const id of posts) expect((await township.get(`/api/posts/${id}`)).statusCode).toBe(404);
  });

  it('lists only people and posts of 水东镇, whatever filter is asked for', async () => {
    const all = (await township.get('/api/persons?pageSize=200')).json() as { items: Array<{ regionCode: string }>; total: number };
    expect(all.total).toBe((await idsIn('persons', '360702101')).length);
    expect(all.items.every((p) => p.regionCode.startsWith('360702101'))).toBe(true);
    const asked = (await township.get(`/api/persons?regionCode=${SHASHI}`)).json() as { total: number };
    expect(asked.total).toBe(0);
    const posts = (await township.get('/api/posts?pageSize=500')).json() as { items: Array<{ regionCode: string }> };
    expect(posts.items.every((p) => p.regionCode.startsWith('360702101'))).toBe(true);
  });

  it('lists only the posts held at a region itself when asked for exactly that region', async () => {
    const exact = (await township.get(`/api/posts?regionCode=${SHUIDONG}&exact=true`)).json() as { items: Array<{ regionCode: string }> };
    expect(exact.items.length).toBeGreaterThan(0);
    expect(exact.items.every((p) => p.regionCode === SHUIDONG)).toBe(true);
    const subtree = (await township.get(`/api/posts?regionCode=${SHUIDONG}&pageSize=500`)).json() as { total: number };
    expect(subtree.total).toBeGreaterThan(exact.items.length);
  });

  it('shows the path from 水东镇 down, not the district above it', async () => {
    const path = (await township.get('/api/regions/360702101001/path')).json() as Array<{ code: string }>;
    expect(path.map((r) => r.code)).toEqual([SHUIDONG, '360702101001']);
  });

  it('and the neighbouring township sees nothing of 水东镇', async () => {
    const neighbour = await neighbourTownshipChief(t);
    const shuidongPerson = (await idsIn('persons', '360702101'))[0]!;
    expect((await neighbour.get(`/api/persons/${shuidongPerson}`)).statusCode).toBe(404);
    expect((await neighbour.get('/api/regions')).json()).toMatchObject([{ code: SHASHI }]);
  });
});

describe("another township's office cannot change 水东镇's people or posts", () => {
  it('gets 404 for editing a person, editing or ending a post and appointing, as if they did not exist', async () => {
    const neighbourOffice = await holderOf(t, 'office_staff', SHASHI);
    const personId = (await idsIn('persons', '360702101'))[0]!;
    const postId = (await idsIn('posts', '360702101'))[0]!;
    const answers = [
      await neighbourOffice.patch(`/api/persons/${personId}`, { name: '改名' }),
      await neighbourOffice.patch(`/api/posts/${postId}`, { title: '改任' }),
      await neighbourOffice.post(`/api/posts/${postId}/end`, { endsOn: '2026-01-01', reason: '越权离任' }),
      await neighbourOffice.post(`/api/persons/${personId}/posts`, { postType: 'supervisor', regionCode: SHASHI, startsOn: '2026-01-01' }),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    const office = await officeAdmin(t);
    expect((await office.get(`/api/persons/${personId}`)).json().name).not.toBe('改名');
    expect((await office.get(`/api/posts/${postId}`)).json()).toMatchObject({ endsOn: null });
  });
});

describe('a village chief sees only their village', () => {
  it('has the village as the only root, its people only, and 404 for the next village', async () => {
    const chief = await villageChief(t);
    const village = (await chief.get('/api/me')).json().scope[0].code as string;
    expect(village).toMatch(/^360702101\d{3}$/);
    expect(village).not.toBe(SHUIDONG);
    expect((await chief.get('/api/regions')).json()).toMatchObject([{ code: village }]);
    const people = (await chief.get('/api/persons?pageSize=200')).json() as { items: Array<{ regionCode: string }>; total: number };
    expect(people.total).toBe((await idsIn('persons', village)).length);
    expect(people.items.every((p) => p.regionCode === village)).toBe(true);
    const elsewhere = await t.system.run((tx) =>
      tx.selectFrom('persons').select('id').where('region_code', 'like', '360702101%').where('region_code', '<>', village).executeTakeFirstOrThrow(),
    );
    expect((await chief.get(`/api/persons/${elsewhere.id}`)).statusCode).toBe(404);
    expect((await chief.get(`/api/regions/${SHUIDONG}`)).statusCode).toBe(404);
  });
});

describe('rights come from the role', () => {
  it('a ranger may not list people at all', async () => {
    const res = await (await ranger(t)).get('/api/persons');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('forbidden');
  });

  it('a township chief may read people but not change them', async () => {
    const res = await township.post('/api/persons', { regionCode: SHUIDONG, name: '李四' });
    expect(res.statusCode).toBe(403);
  });

  it('a supervisor may read the people of their village but not manage them', async () => {
    const client = await supervisor(t);
    const me = (await client.get('/api/me')).json();
    const village = me.scope[0].code as string;
    expect((await client.get(`/api/persons/${me.person.id}`)).statusCode).toBe(200);
    const refused = [
      await client.post('/api/persons', { regionCode: village, name: '李四' }),
      await client.patch(`/api/persons/${me.person.id}`, { name: '李四' }),
      await client.post(`/api/persons/${me.person.id}/posts`, { postType: 'office_admin', regionCode: village, startsOn: '2026-01-01' }),
      await client.post(`/api/posts/${me.posts[0].id}/end`, { endsOn: '2026-01-01', reason: '自行离任' }),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
  });

  it('nobody signed in gets 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/persons' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });
});

describe('a township office cannot widen its own rights', () => {
  let staff: Client;
  let selfId: number;
  beforeAll(async () => {
    staff = await holderOf(t, 'office_staff', SHUIDONG);
    selfId = (await staff.get('/api/me')).json().person.id as number;
  });

  it('rejects fields that are not part of the form (role, permissions, scope)', async () => {
    for (const extra of [{ role: 'office_admin' }, { permissions: ['audit.read'] }, { scope: ZHANGGONG }]) {
      const res = await staff.patch(`/api/persons/${selfId}`, { name: '王五', ...extra });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.message).toContain(Object.keys(extra)[0]);
    }
    const created = await staff.post('/api/persons', { regionCode: SHUIDONG, name: '王五', role: 'office_admin' });
    expect(created.statusCode).toBe(400);
  });

  it('cannot appoint itself, or anyone, to a post above its township', async () => {
    const res = await staff.post(`/api/persons/${selfId}/posts`, { postType: 'office_admin', regionCode: ZHANGGONG, startsOn: '2026-01-01' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('out_of_scope');
    const me = (await staff.get('/api/me')).json();
    expect(me.permissions).not.toContain('audit.read');
    expect(me.scope).toMatchObject([{ code: SHUIDONG }]);
  });

  it('cannot create people in, or move people to, another township', async () => {
    expect((await staff.post('/api/persons', { regionCode: SHASHI, name: '赵六' })).json().error.code).toBe('out_of_scope');
    expect((await staff.patch(`/api/persons/${selfId}`, { regionCode: SHASHI })).json().error.code).toBe('out_of_scope');
  });

  it('may still manage people inside its township', async () => {
    const res = await staff.post('/api/persons', { regionCode: '360702101005', name: '钟七', phone: '13900000001' });
    expect(res.statusCode).toBe(201);
  });
});

describe('rights follow posts at once', () => {
  it('takes a permission away on the next request when the post granting it ends', async () => {
    const staff = await holderOf(t, 'office_staff', '360702100000');
    expect((await staff.post('/api/persons', { regionCode: '360702100000', name: '临时甲' })).statusCode).toBe(201);
    const me = (await staff.get('/api/me')).json();
    const post = me.posts.find((p: { postType: string }) => p.postType === 'office_staff');
    const yesterday = new Date(Date.now() - 86_400_000 + 8 * 3600_000).toISOString().slice(0, 10);
    await t.database.owner.query(`update posts set starts_on = '2020-01-01' where id = $1`, [post.id]);
    const office = await officeAdmin(t);
    expect((await office.post(`/api/posts/${post.id}/end`, { endsOn: yesterday, reason: '工作调动' })).statusCode).toBe(200);
    const refused = await staff.post('/api/persons', { regionCode: '360702100000', name: '临时乙' });
    expect(refused.statusCode).toBe(403);
  });
});

describe('office admin manages people and posts, with history', () => {
  it('creates a person, appoints, ends the post and keeps the record', async () => {
    const office = await officeAdmin(t);
    const person = (await office.post('/api/persons', { regionCode: '360702101003', name: '刘护林', phone: '13900000002' })).json();
    const post = await office.post(`/api/persons/${person.id}/posts`, { postType: 'ranger', regionCode: '360702101003', rangerKind: 'ecological', startsOn: '2024-03-01' });
    expect(post.statusCode).toBe(201);
    const ended = await office.post(`/api/posts/${post.json().id}/end`, { endsOn: '2026-06-30', reason: '工作调动' });
    expect(ended.json()).toMatchObject({ endsOn: '2026-06-30', endReason: '工作调动', active: false });
    const again = await office.post(`/api/posts/${post.json().id}/end`, { endsOn: '2026-07-30', reason: '重复' });
    expect(again.statusCode).toBe(409);
    await office.post(`/api/persons/${person.id}/posts`, { postType: 'supervisor', regionCode: '360702101003', startsOn: '2026-07-01' });
    const history = (await office.get(`/api/persons/${person.id}/posts`)).json() as Array<{ postType: string; active: boolean }>;
    expect(history.map((p) => [p.postType, p.active])).toEqual([
      ['supervisor', true],
      ['ranger', false],
    ]);
  });

  it('explains invalid input field by field, in Chinese', async () => {
    const office = await officeAdmin(t);
    const res = await office.post('/api/persons', { regionCode: '3607', name: '', phone: '123' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_failed');
    const fields = body.error.details.fields as Array<{ field: string; message: string }>;
    expect(fields.map((f) => f.field).sort()).toEqual(['name', 'phone', 'regionCode']);
    expect(fields.find((f) => f.field === 'phone')!.message).toBe('「手机号」格式不正确');
    expect(body.error.message).toContain('「姓名」');
  });

  it('answers a duplicate phone with 409, not 500', async () => {
    const office = await officeAdmin(t);
    await office.post('/api/persons', { regionCode: SHUIDONG, name: '甲', phone: '13900000003' });
    const res = await office.post('/api/persons', { regionCode: SHUIDONG, name: '乙', phone: '13900000003' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'duplicate', message: '手机号已被使用', details: { fields: [{ field: 'phone', rule: 'unique' }] } });
  });

  it('clears an optional text with null, and null stays null (not an empty string)', async () => {
    const office = await officeAdmin(t);
    const person = (await office.post('/api/persons', { regionCode: SHUIDONG, name: '丁' })).json();
    const post = (await office.post(`/api/persons/${person.id}/posts`, { postType: 'supervisor', regionCode: SHUIDONG, title: '监管员', startsOn: '2026-01-01' })).json();
    const cleared = await office.patch(`/api/posts/${post.id}`, { title: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().title).toBeNull();
  });

  it('refuses a ranger post without its kind, by the database rule', async () => {
    const office = await officeAdmin(t);
    const person = (await office.post('/api/persons', { regionCode: SHUIDONG, name: '丙' })).json();
    const res = await office.post(`/api/persons/${person.id}/posts`, { postType: 'ranger', regionCode: SHUIDONG, startsOn: '2026-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('constraint_violated');
  });
});

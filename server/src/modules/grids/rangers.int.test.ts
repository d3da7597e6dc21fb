import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import * as fixtures from '../../../test/fixtures/grids.ts';
import { officeAdmin, SHUIDONG, townshipChief } from '../../../test/personas.ts';

let t: TestApp;
let office: Client;
beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
});
afterAll(() => t.close());

const query = async <R>(text: RawBuilder<R>) => (await t.system.run((tx) => text.execute(tx))).rows;
const activePlanId = () => fixtures.activePlanId(t);
const gridsOfOneVillage = (planId: number) => fixtures.gridsOfOneVillage(t, planId);

describe('one ranger, one grid (《章贡区2021年林长制工作要点》 item 3: "一对一"网格化管理, 山头落到人头)', () => {
  it('refuses a second grid for the same ranger with 409 and names the grid they already guard', async () => {
    const { a, b } = await gridsOfOneVillage(await activePlanId());
    const res = await office.put(`/api/grids/${b.id}/ranger`, { rangerPostId: a.ranger_post_id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect(res.json().error.message).toContain(a.code);
    expect(res.json().error.message).toContain('一名护林员只能负责一个网格');
  });

  it('counts the person, not the post: a village ranger who also holds a township ranger post gets no second grid through it', async () => {
    const planId = await activePlanId();
    const { a, b } = await gridsOfOneVillage(planId);
    const township = `${a.region_code.slice(0, 9)}000`;
    const [second] = await query(sql<{ id: number; person_id: number }>`
      insert into posts (person_id, post_type, region_code, ranger_kind, starts_on)
      select person_id, 'ranger', ${township}, 'ecological', lz_today() - 1 from posts where id = ${a.ranger_post_id}
      returning id, person_id`);
    const [names] = await query(sql<{ person: string; village: string }>`
      select pe.name as person, r.name as village from persons pe, regions r where pe.id = ${second!.person_id} and r.code = ${a.region_code}`);

    const res = await office.put(`/api/grids/${b.id}/ranger`, { rangerPostId: second!.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect(res.json().error.message).toBe(`与已有数据冲突：护林员${names!.person}作为${names!.village}的护林员已负责本方案中的网格 ${a.code}（${(await office.get(`/api/grids/${a.id}`)).json().name}），一名护林员只能负责一个网格`);
    expect((await office.get(`/api/grids/${b.id}`)).json().ranger.postId).toBe(b.ranger_post_id);

    // The choices say so too, and the database refuses it whoever writes.
    const choices = (await office.get(`/api/grids/${b.id}/eligible-rangers`)).json() as Array<{ postId: number; guards: { gridId: number } | null }>;
    expect(choices.find((c) => c.postId === second!.id)!.guards).toMatchObject({ gridId: a.id });
    const direct = await t.system.run((tx) => sql`update grids set ranger_post_id = ${second!.id} where id = ${b.id}`.execute(tx)).catch((e: unknown) => e);
    expect(direct).toMatchObject({ code: '23505', constraint: 'grids_one_per_ranger' });
    const [kept] = await query(sql<{ n: number }>`
      select count(*)::int as n from grids g join posts po on po.id = g.ranger_post_id where g.ranger_person_id is distinct from po.person_id`);
    expect(kept!.n).toBe(0);
  });

  it('offers as choices the rangers of the grid\'s village and township, saying which grid each already guards', async () => {
    const { a, b } = await gridsOfOneVillage(await activePlanId());
    const choices = (await office.get(`/api/grids/${a.id}/eligible-rangers`)).json() as Array<{ postId: number; regionCode: string; guards: { gridId: number; isThisGrid: boolean } | null }>;
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((c) => c.regionCode === a.region_code || c.regionCode === `${a.region_code.slice(0, 9)}000`)).toBe(true);
    expect(choices.find((c) => c.postId === a.ranger_post_id)!.guards).toMatchObject({ gridId: a.id, isThisGrid: true });
    expect(choices.find((c) => c.postId === b.ranger_post_id)!.guards).toMatchObject({ gridId: b.id, isThisGrid: false });
    // Choosing is a write: a read-only township chief may not ask.
    expect((await (await townshipChief(t)).get(`/api/grids/${a.id}/eligible-rangers`)).statusCode).toBe(403);
  });

  it('refuses a ranger of another village', async () => {
    const { a } = await gridsOfOneVillage(await activePlanId());
    const [other] = await query(sql<{ id: number }>`
      select id from posts where post_type = 'ranger' and ends_on is null and region_code <> ${a.region_code}
         and region_code like '360702101%' and region_code <> '360702101000' order by id limit 1`);
    const res = await office.put(`/api/grids/${a.id}/ranger`, { rangerPostId: other!.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('只能负责本村或本乡镇的网格');
  });

  it('refuses a post that is not a ranger', async () => {
    const { a } = await gridsOfOneVillage(await activePlanId());
    const [chief] = await query(sql<{ id: number }>`select id from posts where post_type = 'forest_chief' and region_code = ${a.region_code} and ends_on is null limit 1`);
    const res = await office.put(`/api/grids/${a.id}/ranger`, { rangerPostId: chief!.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不是护林员');
  });

  it('lists grids without a ranger and rangers without a grid, and lets the office reassign in the active plan', async () => {
    const planId = await activePlanId();
    const { b } = await gridsOfOneVillage(planId);
    const unassign = await office.delete(`/api/grids/${b.id}/ranger`);
    expect(unassign.statusCode).toBe(200);
    expect(unassign.json().ranger).toBeNull();

    const lists = (await office.get(`/api/grid-plans/${planId}/unassigned`)).json();
    expect(lists.gridsWithoutRanger.map((g: { id: number }) => g.id)).toEqual([b.id]);
    const expected = await query(sql<{ id: number }>`
      select id from posts p where post_type = 'ranger' and starts_on <= lz_today() and (ends_on is null or ends_on >= lz_today())
         and not exists (select 1 from grids g join posts gp on gp.id = g.ranger_post_id where g.plan_id = ${planId} and gp.person_id = p.person_id) order by id`);
    expect(lists.rangersWithoutGrid.map((r: { postId: number }) => r.postId).sort((x: number, y: number) => x - y)).toEqual(expected.map((r) => r.id));
    expect(lists.rangersWithoutGrid.map((r: { postId: number }) => r.postId)).toContain(b.ranger_post_id);

    const inShuidong = (await office.get(`/api/grid-plans/${planId}/unassigned?regionCode=${SHUIDONG}`)).json();
    expect(inShuidong.rangersWithoutGrid.length).toBeGreaterThan(0);
    expect(inShuidong.rangersWithoutGrid.every((r: { regionCode: string }) => r.regionCode.startsWith('360702101'))).toBe(true);

    const reassign = await office.put(`/api/grids/${b.id}/ranger`, { rangerPostId: b.ranger_post_id });
    expect(reassign.statusCode).toBe(200);
    expect(reassign.json().ranger.postId).toBe(b.ranger_post_id);
    const audit = await query(sql<{ n: number }>`select count(*)::int as n from audit_log where action in ('grid.assign_ranger', 'grid.unassign_ranger') and entity_id = ${String(b.id)}`);
    expect(audit[0]!.n).toBe(2);
  });

  it('a township chief may read the unassigned lists of their township only, and may not assign', async () => {
    const township = await townshipChief(t);
    const { a } = await gridsOfOneVillage(await activePlanId());
    // A ranger of 水东镇 without a grid, so the list has someone to show.
    expect((await office.delete(`/api/grids/${a.id}/ranger`)).statusCode).toBe(200);
    const lists = (await township.get(`/api/grid-plans/${await activePlanId()}/unassigned`)).json();
    expect(lists.rangersWithoutGrid.map((r: { postId: number }) => r.postId)).toContain(a.ranger_post_id);
    expect(lists.rangersWithoutGrid.every((r: { regionCode: string }) => r.regionCode.startsWith('360702101'))).toBe(true);
    expect((await township.put(`/api/grids/${a.id}/ranger`, { rangerPostId: a.ranger_post_id })).statusCode).toBe(403);
    expect((await office.put(`/api/grids/${a.id}/ranger`, { rangerPostId: a.ranger_post_id })).statusCode).toBe(200);
  });
});

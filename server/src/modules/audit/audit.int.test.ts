import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { officeAdmin, SHUIDONG, townshipChief } from '../../../test/personas.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records who changed what, when, from where, before and after', async () => {
    const office = await officeAdmin(t);
    const person = (await office.post('/api/persons', { regionCode: SHUIDONG, name: '审计甲' })).json();
    await office.patch(`/api/persons/${person.id}`, { name: '审计乙' });
    const found = (await office.get(`/api/audit?entity=persons&entityId=${person.id}`)).json();
    expect(found.total).toBe(2);
    const [update, insert] = found.items;
    expect(insert).toMatchObject({ action: 'insert', regionCode: SHUIDONG, regionName: '水东镇', ip: '127.0.0.1', before: null, after: { name: '审计甲' } });
    expect(update).toMatchObject({ action: 'update', before: { name: '审计甲' }, after: { name: '审计乙' } });
    expect(update.actorName).toContain('demo-office');
  });

  it('offers the actions and entities seen lately as search choices', async () => {
    const facets = (await (await officeAdmin(t)).get('/api/audit/facets')).json();
    expect(facets.entities.map((e: { value: string }) => e.value)).toEqual(expect.arrayContaining(['persons', 'posts', 'accounts']));
    expect(facets.actions.map((a: { value: string }) => a.value)).toEqual(expect.arrayContaining(['insert', 'auth.login']));
  });

  it('never copies a password hash into the log', async () => {
    const rows = await t.system.run((tx) => tx.selectFrom('audit_log').select(['before', 'after']).where('entity', '=', 'accounts').execute());
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('argon2');
  });

  it('is refused to those without audit rights', async () => {
    expect((await (await townshipChief(t)).get('/api/audit')).statusCode).toBe(403);
  });

  it('cannot be changed or deleted by the application', async () => {
    for (const statement of [sql`update audit_log set action = 'x'`, sql`delete from audit_log`]) {
      await expect(t.system.run((tx) => statement.execute(tx))).rejects.toThrow(/permission denied|append-only/);
    }
  });
});

describe('row-level security covers every regional table', () => {
  it('enables a scope policy on each table that has a region code', async () => {
    const tables = await t.database.owner.query<{ table_name: string; rls: boolean; policies: number }>(`
      select c.table_name, k.relrowsecurity as rls,
             (select count(*)::int from pg_policies p where p.tablename = c.table_name) as policies
        from information_schema.columns c
        join pg_class k on k.relname = c.table_name and k.relkind = 'r'
       where c.table_schema = 'public' and c.column_name = 'region_code'`);
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) expect(table, table.table_name).toMatchObject({ rls: true });
    for (const table of tables) expect(table.policies, table.table_name).toBeGreaterThan(0);
  });

  it('shows no row when a query forgets to set the scope', async () => {
    const rows = await t.database.app.selectFrom('persons').select('id').execute();
    expect(rows).toEqual([]);
  });
});

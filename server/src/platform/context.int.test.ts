import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { SHUIDONG } from '../../test/personas.ts';
import { jobContext, SignInAttempt } from './context.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const auditOf = (entity: string, entityId: number) =>
  t.system.run((tx) => tx.selectFrom('audit_log').select(['actor_name', 'ip', 'action']).where('entity', '=', entity).where('entity_id', '=', String(entityId)).execute());

describe('contexts', () => {
  it('a job acts in its creator’s name, exactly as named, quotes and backslashes included', async () => {
    // The scope and actor reach the database as quoted literals (db/scoped.ts), so quoting must be exact.
    const name = `欧'布赖恩 \\ '); drop table audit_log; --`;
    const job = jobContext(t.database.app, { accountId: null, name, roots: [SHUIDONG] });
    const id = await job.run(async (tx) => (await sql<{ id: number }>`insert into persons (region_code, name) values (${SHUIDONG}, '审计丙') returning id`.execute(tx)).rows[0]!.id);
    expect(await auditOf('persons', id)).toEqual([{ actor_name: name, ip: null, action: 'insert' }]);
  });

  it('a job acts only within the scope its creator had', async () => {
    const job = jobContext(t.database.app, { accountId: null, name: '测试', roots: [SHUIDONG] });
    const outside = await job.run((tx) => tx.selectFrom('regions').select('code').where('code', '=', '360702100000').execute());
    expect(outside).toEqual([]);
  });

  it('a sign-in attempt records under the IP it came from, and only reads when it looks up a name', async () => {
    const attempt = new SignInAttempt(t.database.app, "10.0.0.1'");
    await attempt.record({ accountId: null, name: '某人' }, 'auth.login_failed', (tx) =>
      sql`insert into audit_log (actor_name, action, entity, entity_id, ip) values ('某人', 'auth.login_failed', 'accounts', '-1', current_setting('linzhang.ip'))`.execute(tx),
    );
    expect(await auditOf('accounts', -1)).toEqual([{ actor_name: '某人', ip: "10.0.0.1'", action: 'auth.login_failed' }]);
    await expect(attempt.lookUp((tx) => tx.updateTable('accounts').set({ failed_attempts: 0 }).execute())).rejects.toMatchObject({ code: '25006' });
  });
});

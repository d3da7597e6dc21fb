import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';

/**
 * A PostgreSQL server may close any connection at any time (restart, failover, an administrator,
 * a test database dropped while a pool is closing). The process must live on and the next query
 * must work; LISTEN must come back. Only a server has connections to lose.
 */
describe.runIf(process.env.DATABASE_URL)('connections the server closes (PostgreSQL only)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const terminate = (filter: ReturnType<typeof sql>) =>
    t.database.owner.query<{ n: number }>(
      sql`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and ${filter}`.compile(t.database.app).sql,
    );

  it('an idle pooled connection killed by the server does not crash the process, and the next query opens another', async () => {
    await sql`select 1`.execute(t.database.app);
    const [killed] = await terminate(sql`usename = current_user and state = 'idle' and query not ilike 'listen %'`);
    expect(killed!.n).toBeGreaterThan(0);
    // Give the pool time to receive the termination while idle (this used to be an uncaught 'error').
    await new Promise((r) => setTimeout(r, 200));
    const { rows } = await sql<{ one: number }>`select 1 as one`.execute(t.database.app);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('a LISTEN connection killed by the server is opened again and hears the next notification', async () => {
    const heard: string[] = [];
    const stop = await t.database.listen('linzhang_test_channel', (p) => heard.push(p));
    try {
      const [killed] = await terminate(sql`query ilike 'listen %linzhang_test_channel%'`);
      expect(killed!.n).toBe(1);
      await expect
        .poll(
          async () => {
            await t.database.owner.query(`select pg_notify('linzhang_test_channel', 'after')`);
            return heard;
          },
          { timeout: 10_000, interval: 500 },
        )
        .toContain('after');
    } finally {
      await stop();
    }
  });
});

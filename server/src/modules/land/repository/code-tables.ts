import { sql } from 'kysely';
import type { Tx } from '../../../db/scoped.ts';
import type { CodeEntry } from '../code-tables.ts';

export async function countCodeEntries(tx: Tx): Promise<number> {
  const row = await tx.selectFrom('code_tables').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return row.n;
}

/** Replaces the named domains with the given entries. */
export async function replaceCodeTables(tx: Tx, entries: readonly CodeEntry[]): Promise<void> {
  const domains = [...new Set(entries.map((e) => e.domain))];
  if (domains.length === 0) return;
  await tx.deleteFrom('code_tables').where('domain', 'in', domains).execute();
  for (let i = 0; i < entries.length; i += 500) {
    await tx
      .insertInto('code_tables')
      .values(entries.slice(i, i + 500).map((e) => ({ domain: e.domain, code: e.code, name: e.name, flags: sql<string[]>`${e.flags}::text[]`, sort: e.sort })))
      .execute();
  }
}

export async function listCodeTables(tx: Tx, domain?: string) {
  let q = tx.selectFrom('code_tables').selectAll().orderBy('domain').orderBy('sort').orderBy('code');
  if (domain) q = q.where('domain', '=', domain);
  return q.execute();
}

/**
 * Runs `fn` inside the caller's transaction with its row-level-security scope widened to every
 * region, then puts the caller's scope back. Only for answers that must not depend on who asks —
 * code tables serve the whole installation — and never for what is shown or written.
 */
async function seeingEveryRegion<T>(tx: Tx, fn: () => Promise<T>): Promise<T> {
  const { rows } = await sql<{ scope: string }>`
    select coalesce(current_setting('linzhang.scope', true), '') as scope, set_config('linzhang.scope', '*', true)`.execute(tx);
  const restore = () => sql`select set_config('linzhang.scope', ${rows[0]!.scope}, true)`.execute(tx);
  let result: T;
  try {
    result = await fn();
  } catch (error) {
    // A database error has aborted the transaction, which then rolls back; the error is what matters.
    await restore().catch(() => {});
    throw error;
  }
  await restore();
  return result;
}

/**
 * Codes of a domain that data anywhere in the installation still uses, with how many records
 * use each: whoever uploads, every county's records count. `columns` are where the layer
 * declarations say the domain's codes are stored.
 */
export async function codesInUse(tx: Tx, columns: ReadonlyArray<{ table: string; column: string }>): Promise<Array<{ code: string; n: number }>> {
  if (columns.length === 0) return [];
  return seeingEveryRegion(tx, async () => {
    const used = columns.map(({ table, column }) => sql`select ${sql.ref(column)} as code from ${sql.table(table)} where ${sql.ref(column)} is not null`);
    const { rows } = await sql<{ code: string; n: number }>`select code, count(*)::int as n from (${sql.join(used, sql` union all `)}) u group by code`.execute(tx);
    return rows;
  });
}

/** The counties (区县) this installation holds, whoever asks: the regions of level 3. */
export async function installationCounties(tx: Tx): Promise<Array<{ code: string; name: string }>> {
  return seeingEveryRegion(tx, () => tx.selectFrom('regions').select(['code', 'name']).where('level', '=', 3).orderBy('code').execute());
}

/**
 * Marks the code tables changed, so cached figures computed with the old flags (resource lists)
 * are recomputed. No NOTIFY: no map tile shows code-table flags.
 */
export async function bumpCodeTablesVersion(tx: Tx): Promise<void> {
  await sql`insert into layer_versions (layer, version, changed_at) values ('code_tables', 1, now())
              on conflict (layer) do update set version = layer_versions.version + 1, changed_at = now()`.execute(tx);
}

/** The codes and names of the given domains, in each domain's order. */
export async function codeNames(tx: Tx, domains: readonly string[]): Promise<Map<string, Array<{ code: string; name: string }>>> {
  const rows = domains.length ? await tx.selectFrom('code_tables').select(['domain', 'code', 'name']).where('domain', 'in', domains).orderBy('domain').orderBy('sort').orderBy('code').execute() : [];
  const byDomain = new Map<string, Array<{ code: string; name: string }>>();
  for (const r of rows) byDomain.set(r.domain, [...(byDomain.get(r.domain) ?? []), { code: r.code, name: r.name }]);
  return byDomain;
}

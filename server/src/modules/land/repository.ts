import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { CodeEntry } from './code-tables.ts';

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

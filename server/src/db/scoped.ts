import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './tables.ts';

export type Tx = Transaction<DB>;

/** Who is acting and which region subtrees they may touch, as the database sees it. */
export interface ScopeSettings {
  /** '*' for the system; otherwise LIKE patterns of region-code prefixes ('360702101%'). */
  scope: '*' | readonly string[];
  actorId: number | null;
  actorName: string;
  ip: string | null;
}

/**
 * Runs `fn` in one transaction whose row-level-security scope, actor and IP are set first.
 * This is the only way the application reaches scoped tables: without these settings the
 * policies match no row, so a query that skipped this sees nothing rather than everything.
 */
export async function runInScope<T>(db: Kysely<DB>, settings: ScopeSettings, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const scope = settings.scope === '*' ? '*' : settings.scope.join(',');
  const callbacks: Array<() => void> = [];
  const result = await db.transaction().execute(async (tx) => {
    committed.set(tx, callbacks);
    await sql`select set_config('linzhang.scope', ${scope}, true),
                     set_config('linzhang.actor_id', ${settings.actorId === null ? '' : String(settings.actorId)}, true),
                     set_config('linzhang.actor_name', ${settings.actorName}, true),
                     set_config('linzhang.ip', ${settings.ip ?? ''}, true)`.execute(tx);
    return fn(tx);
  });
  for (const callback of callbacks) callback();
  return result;
}

const committed = new WeakMap<Tx, Array<() => void>>();

/** Runs `callback` once the transaction has committed (never if it rolls back): for in-memory state that mirrors the database. */
export function afterCommit(tx: Tx, callback: () => void): void {
  const callbacks = committed.get(tx);
  if (!callbacks) throw new Error('afterCommit needs a transaction opened by runInScope');
  callbacks.push(callback);
}

/** Names the domain verb ('post.end', 'auth.login') that the audit trigger records for the next writes in this transaction. */
export async function auditAs(tx: Tx, action: string): Promise<void> {
  await sql`select set_config('linzhang.action', ${action}, true)`.execute(tx);
}

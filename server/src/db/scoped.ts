import { sql, type Kysely } from 'kysely';
import pg from 'pg';
import type { DB } from './tables.ts';

declare const inScope: unique symbol;
/** A connection inside a transaction opened by `runInScope`: only such a one reaches scoped tables. */
export type Tx = Kysely<DB> & { readonly [inScope]: true };

/** Who is acting and which region subtrees they may touch, as the database sees it. */
export interface ScopeSettings {
  /** '*' for the system; otherwise LIKE patterns of region-code prefixes ('360702101%'). */
  scope: '*' | readonly string[];
  actorId: number | null;
  actorName: string;
  ip: string | null;
  /** A transaction that may only read (a sign-in looking up who a name means). */
  readOnly?: boolean;
}

/**
 * Runs `fn` in one transaction whose row-level-security scope, actor and IP are set first.
 * This is the only way the application reaches scoped tables: without these settings the
 * policies match no row, so a query that skipped this sees nothing rather than everything.
 * Only the platform's contexts call it (platform/context.ts; a lint rule keeps it so), which keeps
 * how a transaction gets its scope in one place.
 * BEGIN and the settings travel as one statement (a round trip less on every request); the
 * values are quoted as literals since several statements at once cannot carry parameters.
 */
export async function runInScope<T>(db: Kysely<DB>, settings: ScopeSettings, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const callbacks: Array<() => void> = [];
  const result = await db.connection().execute(async (connection) => {
    const tx = connection as Tx;
    committed.set(tx, callbacks);
    await sql.raw(beginInScope(settings)).execute(tx);
    let value: T;
    try {
      value = await fn(tx);
    } catch (error) {
      // The original error is what matters; a connection too broken to roll back is dropped by the pool.
      await sql.raw('rollback').execute(tx).catch(() => {});
      throw error;
    }
    await sql.raw('commit').execute(tx);
    return value;
  });
  for (const callback of callbacks) callback();
  return result;
}

function beginInScope(settings: ScopeSettings): string {
  const values: Record<string, string> = {
    scope: settings.scope === '*' ? '*' : settings.scope.join(','),
    actor_id: settings.actorId === null ? '' : String(settings.actorId),
    actor_name: settings.actorName,
    ip: settings.ip ?? '',
  };
  const sets = Object.entries(values).map(([key, value]) => `set_config('linzhang.${key}', ${pg.escapeLiteral(value)}, true)`);
  return `begin${settings.readOnly ? ' read only' : ''}; select ${sets.join(', ')}`;
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

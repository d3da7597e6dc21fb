import type { Kysely } from 'kysely';
import { runInScope, type Tx } from '../../db/scoped.ts';
import type { DB } from '../../db/tables.ts';
import { scopePatterns } from '../../modules/regions/codes.ts';

/** The part of a Context background work needs: a way into the database with a scope and an actor. */
export interface ScopedRunner {
  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/**
 * Background work done for a user: row-level security limits it to the scope the user had when
 * they queued it, and audit rows name them (not "system") as the actor.
 */
export function actingFor(db: Kysely<DB>, who: { accountId: number | null; actorName: string; roots: readonly string[] }): ScopedRunner {
  return {
    run: (fn) => runInScope(db, { scope: scopePatterns(who.roots), actorId: who.accountId, actorName: who.actorName, ip: null }, fn),
  };
}

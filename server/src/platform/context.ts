import type { Kysely } from 'kysely';
import { runInScope, type Tx } from '../db/scoped.ts';
import type { DB } from '../db/tables.ts';
import { scopePatterns } from '../modules/regions/codes.ts';
import type { Actor } from './auth/actor.ts';

/**
 * What a service needs to act for someone: who they are, the regions this action may touch and
 * a way into the database that carries both. Built once per request by the access layer (for the
 * permission the route declares), or for the system by `systemContext`.
 */
export class Context {
  constructor(
    private readonly db: Kysely<DB>,
    readonly actor: Actor | null,
    /** Outermost regions in scope, or '*' for the system. */
    readonly roots: '*' | readonly string[],
    readonly ip: string | null,
  ) {}

  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return runInScope(
      this.db,
      {
        scope: this.roots === '*' ? '*' : scopePatterns(this.roots),
        actorId: this.actor?.accountId ?? null,
        actorName: this.actor ? `${this.actor.name}（${this.actor.username}）` : 'system',
        ip: this.ip,
      },
      fn,
    );
  }
}

/** Acts as the system: every region, no account. For start-up, the demo generator and sign-in itself. */
export function systemContext(db: Kysely<DB>): Context {
  return new Context(db, null, '*', null);
}

import type { Kysely } from 'kysely';
import { auditAs, runInScope, type Tx } from '../db/scoped.ts';
import type { DB } from '../db/tables.ts';
import { displayName, rootsOf, type Actor } from './auth/actor.ts';
import type { Permission } from './auth/permissions.ts';
import { AppError } from './errors/app-error.ts';
import { outermost, scopePatterns } from './scope/regions.ts';

/** The outermost regions a caller may touch, or '*' for every region (the system). */
export type Roots = '*' | readonly string[];

/** Who the audit log names for what a context does. */
export interface Acting {
  accountId: number | null;
  /** `name（username）`, or 'system'. */
  name: string;
}

// Contexts are made only by the factories below, so each kind of caller gets its scope one way.
const made = Symbol('context');

/**
 * What a service needs to act for someone: who they are, the regions this action may touch and
 * a way into the database that carries both. `run` is the only way a service reaches the
 * database; every transaction it opens has the scope, the actor and the IP set first.
 *
 * One kind of context for each kind of caller:
 * - a request (`requestContext`, built by the access hook for the permission the route declares);
 * - a background job acting for the person who queued it (`jobContext`), within the scope they
 *   had then, so audit rows name them;
 * - the system (`systemContext`): migrations, start-up, sweeps, the demo seed;
 * - a sign-in attempt (`SignInAttempt`, below), which is nobody yet.
 */
export class Context {
  constructor(
    _made: typeof made,
    private readonly db: Kysely<DB>,
    readonly kind: 'request' | 'job' | 'system',
    /** The signed-in user of a request; null for jobs, the system and anonymous requests. */
    readonly actor: Actor | null,
    readonly acting: Acting,
    readonly roots: Roots,
    readonly ip: string | null,
  ) {}

  run<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const scope = this.roots === '*' ? '*' : scopePatterns(this.roots);
    return runInScope(this.db, { scope, actorId: this.acting.accountId, actorName: this.acting.name, ip: this.ip }, fn);
  }

  /**
   * The same caller, within the regions where they hold `permission`: for routes whose permission
   * depends on what is asked (an import needs the permission of the layer it writes).
   */
  forPermission(permission: Permission): Context {
    return this.narrowed(rootsOf(this.requireActor(), permission));
  }

  /** The same caller, within the regions where they hold any of `permissions`. */
  forAnyOf(permissions: readonly Permission[]): Context {
    const actor = this.requireActor();
    return this.narrowed(outermost(permissions.flatMap((p) => rootsOf(actor, p))));
  }

  /**
   * What belongs to the signed-in user themselves, whatever the scope: their own account (found by
   * their session, as at sign-in) and the names of the regions their posts are in. Managing someone
   * else's account stays scoped by that person's posts.
   */
  ownAccount(): Context {
    return new Context(made, this.db, 'request', this.requireActor(), this.acting, '*', this.ip);
  }

  private narrowed(roots: readonly string[]): Context {
    if (roots.length === 0) throw new AppError('forbidden');
    return new Context(made, this.db, this.kind, this.actor, this.acting, roots, this.ip);
  }

  private requireActor(): Actor {
    if (!this.actor) throw new AppError('unauthenticated');
    return this.actor;
  }
}

/** A request: the signed-in user (or nobody, on a public route) within `roots`. */
export function requestContext(db: Kysely<DB>, actor: Actor | null, roots: readonly string[], ip: string | null): Context {
  return new Context(made, db, 'request', actor, actor ? { accountId: actor.accountId, name: displayName(actor) } : SYSTEM, roots, ip);
}

/** A background job acting for whoever queued it, within the scope they had when they did. */
export function jobContext(db: Kysely<DB>, creator: { accountId: number | null; name: string; roots: Roots }): Context {
  return new Context(made, db, 'job', null, { accountId: creator.accountId, name: creator.name }, creator.roots, null);
}

/** The system: every region, or (a scheduled task for one county) only `roots`; no account. */
export function systemContext(db: Kysely<DB>, roots: Roots = '*'): Context {
  return new Context(made, db, 'system', null, SYSTEM, roots, null);
}

const SYSTEM: Acting = { accountId: null, name: 'system' };

/**
 * A sign-in attempt, before anyone is signed in. It may read who a sign-in name means (in any
 * region, read-only) and record how the attempt went: the account's counters, a new session and
 * the `auth.*` audit event, in the name of the account tried (or of the name typed).
 */
export class SignInAttempt {
  constructor(
    private readonly db: Kysely<DB>,
    readonly ip: string | null,
  ) {}

  lookUp<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return runInScope(this.db, { scope: '*', actorId: null, actorName: SYSTEM.name, ip: this.ip, readOnly: true }, fn);
  }

  record<T>(who: Acting, action: `auth.${string}`, fn: (tx: Tx) => Promise<T>): Promise<T> {
    return runInScope(this.db, { scope: '*', actorId: who.accountId, actorName: who.name, ip: this.ip }, async (tx) => {
      await auditAs(tx, action);
      return fn(tx);
    });
  }
}

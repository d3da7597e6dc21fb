import type { Config } from '../../config.ts';
import { auditAs, type Tx } from '../../db/scoped.ts';
import { displayName, rootsOf, type Actor } from '../../platform/auth/actor.ts';
import { assertStrongPassword, dummyPasswordHash, hashPassword, verifyPassword } from '../../platform/auth/password.ts';
import { createSession, csrfTokenFor, revokeAllSessions, revokeSession } from '../../platform/auth/sessions.ts';
import { recordEvent } from '../../platform/audit/record.ts';
import type { Context, SignInAttempt } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { isWithin } from '../../platform/scope/regions.ts';
import * as repo from './repository.ts';
import { unknownNames, type FailedSignIn } from './unknown-names.ts';
import type { Account, Me } from './schema.ts';

/**
 * Signs in with a username or phone and a password. Failures are counted and audited in their
 * own transaction, so the lock survives the error that reports it. A wrong password is told how
 * many tries are left before the lock; a name no account has is counted down exactly alike
 * (unknownNames), so no answer tells which names exist.
 */
export async function login(attempt: SignInAttempt, config: Config, input: { username: string; password: string }, userAgent: string | null): Promise<{ token: string }> {
  const candidate = await attempt.lookUp((tx) => repo.findLoginCandidate(tx, input.username.trim()));
  const { maxFailures, lockMinutes } = config.login;

  if (!candidate) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    const typed = input.username.slice(0, 64);
    const outcome = unknownNames.fail(typed, maxFailures, lockMinutes);
    await attempt.record({ accountId: null, name: typed }, 'auth.login_failed', (tx) =>
      recordEvent(tx, { action: 'auth.login_failed', entity: 'accounts', after: { username: typed, reason: 'unknown_account' } }),
    );
    throw refusal(outcome, config);
  }
  const who = { accountId: candidate.id, name: displayName({ name: candidate.person_name, username: candidate.username }) };
  const now = Date.now();
  if (candidate.locked_until && candidate.locked_until.getTime() > now) {
    await attempt.record(who, 'auth.login_refused', (tx) =>
      recordEvent(tx, { action: 'auth.login_refused', entity: 'accounts', entityId: candidate.id, regionCode: candidate.region_code, after: { reason: 'locked' } }),
    );
    throw new AppError('account_locked', { minutes: Math.ceil((candidate.locked_until.getTime() - now) / 60000) });
  }
  if (!(await verifyPassword(candidate.password_hash, input.password))) {
    const after = await attempt.record(who, 'auth.login_failed', (tx) => repo.recordFailedAttempt(tx, candidate.id, maxFailures, lockMinutes));
    // The lock itself (423, here and above) is told: a person who locked themselves out must
    // know why the right password is refused for a while.
    throw refusal(after.locked_until ? { lockedMinutes: lockMinutes } : { remainingAttempts: maxFailures - after.failed_attempts }, config);
  }
  if (candidate.status !== 'active') throw new AppError('account_disabled');
  if (candidate.is_demo && config.production) throw new AppError('demo_account_refused');

  return attempt.record(who, 'auth.login', async (tx) => {
    await repo.recordSuccessfulLogin(tx, candidate.id);
    const token = await createSession(tx, {
      accountId: candidate.id,
      kind: 'office',
      expiresAt: new Date(now + config.session.absoluteHours * 3600_000),
      idleSeconds: config.session.idleMinutes * 60,
      ip: attempt.ip,
      userAgent,
    });
    return { token };
  });
}

function refusal(outcome: FailedSignIn, config: Config): AppError {
  if ('lockedMinutes' in outcome) return new AppError('account_locked', { minutes: outcome.lockedMinutes });
  return new AppError('invalid_credentials', { remainingAttempts: outcome.remainingAttempts, lockMinutes: config.login.lockMinutes });
}

export async function logout(ctx: Context): Promise<void> {
  const actor = requireActor(ctx);
  await ctx.run(async (tx) => {
    await revokeSession(tx, actor.session.tokenHash);
    await recordEvent(tx, { action: 'auth.logout', entity: 'accounts', entityId: actor.accountId, regionCode: actor.posts[0]?.regionCode ?? null });
  });
}

/**
 * Changes one's own password; every other session of the account ends, and a fresh one is returned.
 * One's own account, found by the session, is reached whatever the scope (as at sign-in): managing
 * someone else's account is scoped by their posts (manageableAccount), one's own is not.
 */
export async function changePassword(ctx: Context, config: Config, input: { currentPassword: string; newPassword: string }, userAgent: string | null) {
  const actor = requireActor(ctx);
  const self = ctx.ownAccount();
  const currentHash = await self.run((tx) => repo.findPasswordHash(tx, actor.accountId));
  if (!currentHash || !(await verifyPassword(currentHash, input.currentPassword))) throw new AppError('password_incorrect');
  assertStrongPassword(input.newPassword);
  if (input.currentPassword === input.newPassword) throw new AppError('password_reused');
  const newHash = await hashPassword(input.newPassword);
  return self.run(async (tx) => {
    await auditAs(tx, 'auth.password_change');
    await repo.setPassword(tx, actor.accountId, newHash, 'holder');
    await revokeAllSessions(tx, actor.accountId);
    const token = await createSession(tx, {
      accountId: actor.accountId,
      kind: 'office',
      expiresAt: new Date(Date.now() + config.session.absoluteHours * 3600_000),
      idleSeconds: config.session.idleMinutes * 60,
      ip: ctx.ip,
      userAgent,
    });
    return { token };
  });
}

export async function me(ctx: Context, config: Config): Promise<Me> {
  const actor = requireActor(ctx);
  const roots = rootsOf(actor);
  // The names above one's own posts are one's own context, read whatever the scope.
  const { regions, typeNames } = await ctx.ownAccount().run(async (tx) => ({
    regions: new Map((await repo.regionsWithAncestors(tx, [...new Set(actor.posts.map((p) => p.regionCode))])).map((r) => [r.code, r])),
    typeNames: await repo.postTypeNames(tx),
  }));
  const ref = (code: string) => {
    const r = regions.get(code);
    return { code, name: r?.name ?? code, level: r?.level ?? 0 };
  };
  const pathOf = (code: string) => {
    const path = [];
    for (const r of [...regions.values()].sort((a, b) => a.level - b.level)) if (isWithin(code, r.code)) path.push(ref(r.code));
    return path;
  };
  return {
    account: { id: actor.accountId, username: actor.username, sessionKind: actor.session.kind, passwordMustChange: actor.passwordMustChange },
    person: { id: actor.personId, name: actor.name },
    posts: actor.posts.map((p) => ({
      id: p.id,
      postType: p.postType,
      postTypeName: typeNames.get(p.postType) ?? p.postType,
      title: p.title,
      region: ref(p.regionCode),
      regionPath: pathOf(p.regionCode),
    })),
    permissions: [...actor.grants.keys()].sort(),
    scope: roots.map(ref),
    csrfToken: csrfTokenFor(config.sessionSecret, actor.session.tokenHash),
  };
}

function toAccount(row: NonNullable<Awaited<ReturnType<typeof repo.findAccount>>>): Account {
  return {
    id: row.id,
    personId: row.person_id,
    username: row.username,
    status: row.status,
    lockedUntil: row.locked_until && row.locked_until.getTime() > Date.now() ? row.locked_until.toISOString() : null,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
  };
}

/** The account of a person in the caller's scope (null: none yet); a person outside it is not found. */
export async function accountOfPerson(ctx: Context, personId: number): Promise<Account | null> {
  return ctx.run(async (tx) => {
    await visiblePerson(tx, personId);
    const row = await repo.findAccountOfPerson(tx, personId);
    return row ? toAccount(row) : null;
  });
}

/**
 * Opens an account for a person in the caller's scope whose every post is in it too (row-level
 * security refuses anyone else; the checks here only say why).
 */
export async function createAccount(ctx: Context, personId: number, input: { username: string; password: string }): Promise<Account> {
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return ctx.run(async (tx) => {
    await visiblePerson(tx, personId);
    if (!(await repo.holderInScope(tx, personId))) throw new AppError('account_out_of_scope');
    return toAccount(await repo.insertAccount(tx, { personId, username: input.username, passwordHash, chosenBy: 'other' }));
  });
}

export async function resetPassword(ctx: Context, accountId: number, password: string): Promise<Account> {
  assertStrongPassword(password);
  const passwordHash = await hashPassword(password);
  return ctx.run(async (tx) => {
    await manageableAccount(tx, accountId);
    await auditAs(tx, 'account.password_reset');
    const result = await repo.setPassword(tx, accountId, passwordHash, 'other');
    if (!result.numUpdatedRows) throw notFound('账号', accountId);
    await revokeAllSessions(tx, accountId);
    return toAccount((await repo.findAccount(tx, accountId))!);
  });
}

export async function updateAccount(ctx: Context, accountId: number, changes: { status?: 'active' | 'disabled'; unlock?: boolean }): Promise<Account> {
  return ctx.run(async (tx) => {
    await manageableAccount(tx, accountId);
    await auditAs(tx, changes.unlock ? 'account.unlock' : 'account.update');
    const row = await repo.updateAccount(tx, accountId, changes);
    if (!row) throw notFound('账号', accountId);
    if (changes.status === 'disabled') await revokeAllSessions(tx, accountId);
    return toAccount(row);
  });
}

async function visiblePerson(tx: Tx, personId: number): Promise<void> {
  const person = await tx.selectFrom('persons').select('id').where('id', '=', personId).executeTakeFirst();
  if (!person) throw notFound('人员', personId);
}

/**
 * An account the caller may manage: its person is in their scope (else, as for anything outside
 * it, not found) and so is every post its holder has not left, since the account carries those
 * posts' rights (else refused, saying why). Row-level security enforces the same rule on writes.
 */
async function manageableAccount(tx: Tx, accountId: number) {
  const row = await repo.findAccount(tx, accountId);
  if (!row) throw notFound('账号', accountId);
  if (!(await repo.holderInScope(tx, row.person_id))) throw new AppError('account_out_of_scope');
  return row;
}

function requireActor(ctx: Context): Actor {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
}

import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';

export interface LoginCandidate {
  id: number;
  username: string;
  password_hash: string;
  status: 'active' | 'disabled';
  is_demo: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  region_code: string;
  person_name: string;
}

/** Finds the account a sign-in name means: a username, or the phone number of the account's person. */
export async function findLoginCandidate(tx: Tx, login: string): Promise<LoginCandidate | undefined> {
  return tx
    .selectFrom('accounts as a')
    .innerJoin('persons as p', 'p.id', 'a.person_id')
    .select([
      'a.id',
      'a.username',
      'a.password_hash',
      'a.status',
      'a.is_demo',
      'a.failed_attempts',
      'a.locked_until',
      'a.region_code',
      'p.name as person_name',
    ])
    .where((eb) => eb.or([eb('a.username', '=', login.toLowerCase()), eb('p.phone', '=', login)]))
    .executeTakeFirst();
}

export async function recordFailedAttempt(tx: Tx, accountId: number, maxFailures: number, lockMinutes: number) {
  return tx
    .updateTable('accounts')
    .set((eb) => ({
      failed_attempts: sql<number>`case when ${eb.ref('failed_attempts')} + 1 >= ${maxFailures} then 0 else ${eb.ref('failed_attempts')} + 1 end`,
      locked_until: sql<Date | null>`case when ${eb.ref('failed_attempts')} + 1 >= ${maxFailures}
                                          then now() + make_interval(mins => ${lockMinutes}) else null end`,
    }))
    .where('id', '=', accountId)
    .returning(['failed_attempts', 'locked_until'])
    .executeTakeFirstOrThrow();
}

export async function recordSuccessfulLogin(tx: Tx, accountId: number) {
  await tx
    .updateTable('accounts')
    .set({ failed_attempts: 0, locked_until: null, last_login_at: new Date() })
    .where('id', '=', accountId)
    .execute();
}

export async function findPasswordHash(tx: Tx, accountId: number): Promise<string | undefined> {
  const row = await tx.selectFrom('accounts').select('password_hash').where('id', '=', accountId).executeTakeFirst();
  return row?.password_hash;
}

/** `chosenBy`: the holder themselves, or someone else (who then knows it: the holder must change it). */
export async function setPassword(tx: Tx, accountId: number, passwordHash: string, chosenBy: PasswordChooser) {
  return tx
    .updateTable('accounts')
    .set({ password_hash: passwordHash, password_changed_at: new Date(), password_must_change: chosenBy === 'other', failed_attempts: 0, locked_until: null })
    .where('id', '=', accountId)
    .executeTakeFirst();
}

const accountColumns = ['id', 'person_id', 'username', 'status', 'locked_until', 'last_login_at'] as const;

export async function findAccount(tx: Tx, id: number) {
  return tx.selectFrom('accounts').select(accountColumns).where('id', '=', id).executeTakeFirst();
}

export async function findAccountOfPerson(tx: Tx, personId: number) {
  return tx.selectFrom('accounts').select(accountColumns).where('person_id', '=', personId).executeTakeFirst();
}

/**
 * Whether the caller may manage the account of this person: their scope covers every post the
 * person has not yet left (the database's own rule, lz_holder_in_scope, which the accounts
 * policies enforce; asked here only to explain a refusal).
 */
export async function holderInScope(tx: Tx, personId: number): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select lz_holder_in_scope(${personId}) as ok`.execute(tx);
  return rows[0]?.ok === true;
}

export type PasswordChooser = 'holder' | 'other';

export async function insertAccount(tx: Tx, input: { personId: number; username: string; passwordHash: string; chosenBy: PasswordChooser; isDemo?: boolean }) {
  return tx
    .insertInto('accounts')
    .values({
      person_id: input.personId,
      username: input.username,
      password_hash: input.passwordHash,
      password_must_change: input.chosenBy === 'other',
      is_demo: input.isDemo ?? false,
      locked_until: null,
      last_login_at: null,
    })
    .returning(accountColumns)
    .executeTakeFirstOrThrow();
}

export async function updateAccount(tx: Tx, id: number, changes: { status?: 'active' | 'disabled'; unlock?: boolean }) {
  return tx
    .updateTable('accounts')
    .set({
      ...(changes.status ? { status: changes.status } : {}),
      ...(changes.unlock ? { failed_attempts: 0, locked_until: null } : {}),
    })
    .where('id', '=', id)
    .returning(accountColumns)
    .executeTakeFirst();
}

export interface RegionRow {
  code: string;
  name: string;
  level: number;
}

/** Names of regions and all their ancestors (for the caller's own posts only). */
export async function regionsWithAncestors(tx: Tx, codes: string[]): Promise<RegionRow[]> {
  if (codes.length === 0) return [];
  const { rows } = await sql<RegionRow>`
    with recursive up as (
      select code, name, level, parent_code from regions where code = any(${codes})
      union
      select r.code, r.name, r.level, r.parent_code from regions r join up on r.code = up.parent_code
    )
    select code, name, level from up`.execute(tx);
  return rows;
}

export async function postTypeNames(tx: Tx): Promise<Map<string, string>> {
  const rows = await tx.selectFrom('post_types').select(['code', 'name_zh']).execute();
  return new Map(rows.map((r) => [r.code, r.name_zh]));
}

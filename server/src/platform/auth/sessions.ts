import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterCommit, type Tx } from '../../db/scoped.ts';
import type { DB } from '../../db/tables.ts';
import { systemContext } from '../context.ts';
import type { ActivePost } from './actor.ts';
import { sessionCache } from './session-cache.ts';

/** Session tokens travel to the client once; the database only ever holds their SHA-256. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The CSRF token is bound to the session: HMAC(secret, session). Nothing to store, nothing to forge without the secret. */
export function csrfTokenFor(secret: string, tokenHash: string): string {
  return createHmac('sha256', secret).update(`csrf:${tokenHash}`).digest('base64url');
}

export function csrfTokenMatches(secret: string, tokenHash: string, presented: string): boolean {
  const expected = Buffer.from(csrfTokenFor(secret, tokenHash));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface SessionRecord {
  token_hash: string;
  kind: 'office' | 'device';
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  idle_seconds: number | null;
  revoked_at: Date | null;
  account_id: number;
  username: string;
  status: 'active' | 'disabled';
  is_demo: boolean;
  password_must_change: boolean;
  person_id: number;
  name: string;
  posts: ActivePost[];
}

export async function createSession(
  tx: Tx,
  input: { accountId: number; kind: 'office' | 'device'; expiresAt: Date; idleSeconds: number | null; ip: string | null; userAgent: string | null },
): Promise<string> {
  const { token, tokenHash } = newToken();
  await tx
    .insertInto('sessions')
    .values({
      token_hash: tokenHash,
      account_id: input.accountId,
      kind: input.kind,
      expires_at: input.expiresAt,
      idle_seconds: input.idleSeconds,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
      device_name: null,
      revoked_at: null,
    })
    .execute();
  return token;
}

/** The session with its account, person and today's posts, in one round trip. */
export async function findSession(tx: Tx, tokenHash: string): Promise<SessionRecord | undefined> {
  const { rows } = await sql<SessionRecord>`
    select s.token_hash, s.kind, s.created_at, s.last_seen_at, s.expires_at, s.idle_seconds, s.revoked_at,
           a.id as account_id, a.username, a.status, a.is_demo, a.password_must_change, p.id as person_id, p.name,
           coalesce((
             select json_agg(json_build_object('id', po.id, 'postType', po.post_type,
                                               'regionCode', po.region_code, 'title', po.title,
                                               'permissions', pt.permissions)
                             order by po.id)
               from posts po join post_types pt on pt.code = po.post_type
              where po.person_id = p.id and po.starts_on <= lz_today()
                and (po.ends_on is null or po.ends_on >= lz_today())
           ), '[]'::json) as posts
      from sessions s
      join accounts a on a.id = s.account_id
      join persons p on p.id = a.person_id
     where s.token_hash = ${tokenHash}`.execute(tx);
  return rows[0];
}

/**
 * The session of a request: from the few-second cache when it was read just now (no database
 * round trip at all), else read as the system (see session-cache.ts).
 */
export async function lookUpSession(db: Kysely<DB>, tokenHash: string): Promise<SessionRecord | undefined> {
  const cached = sessionCache.get(tokenHash);
  if (cached) return cached;
  const record = await systemContext(db).run((tx) => findSession(tx, tokenHash));
  if (record) sessionCache.set(record);
  return record;
}

export async function touchSession(tx: Tx, session: SessionRecord): Promise<void> {
  const now = new Date();
  await tx.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', session.token_hash).execute();
  sessionCache.set({ ...session, last_seen_at: now });
}

// Revocations forget cached sessions now and again after commit, so a concurrent request that read
// the row before the commit cannot keep it cached.
export async function revokeSession(tx: Tx, tokenHash: string): Promise<void> {
  sessionCache.forget(tokenHash);
  afterCommit(tx, () => sessionCache.forget(tokenHash));
  await tx.updateTable('sessions').set({ revoked_at: new Date() }).where('token_hash', '=', tokenHash).where('revoked_at', 'is', null).execute();
}

export async function revokeAllSessions(tx: Tx, accountId: number): Promise<void> {
  sessionCache.forgetAccount(accountId);
  afterCommit(tx, () => sessionCache.forgetAccount(accountId));
  await tx.updateTable('sessions').set({ revoked_at: new Date() }).where('account_id', '=', accountId).where('revoked_at', 'is', null).execute();
}

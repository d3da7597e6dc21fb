import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/tables.ts';
import { requestContext, SignInAttempt, systemContext, type Context } from '../context.ts';
import { AppError } from '../errors/app-error.ts';
import { grantsOf, rootsOf, type Actor } from './actor.ts';
import type { Permission } from './permissions.ts';
import { csrfTokenMatches, hashToken, lookUpSession, touchSession, type SessionRecord } from './sessions.ts';

/**
 * Who may call a route, declared on the route itself (`config: { access }`):
 * anyone, any signed-in user, or holders of a permission — who then act within the regions
 * where their posts grant it. `own-account` is signed-in and still open to a holder whose
 * password someone else chose (who may do nothing else until they change it). `sign-in` is open
 * to anyone and gives the route a `SignInAttempt` instead of a scope. A route under /api that
 * declares nothing stops the server at start.
 */
export type Access = 'public' | 'sign-in' | 'own-account' | 'signed-in' | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor | null;
    ctx: Context;
    /** Set on `sign-in` routes only. */
    signIn: SignInAttempt | null;
  }
}

export const SESSION_COOKIE = 'lz_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Writing last_seen_at on every request would cost a write per tile; a minute's precision is enough for a 30-minute idle rule. */
const TOUCH_AFTER_MS = 60_000;

interface AccessOptions {
  config: Config;
  db: Kysely<DB>;
}

async function access(app: FastifyInstance, { config, db }: AccessOptions) {
  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', null as unknown as Context);
  app.decorateRequest('signIn', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access rule`);
  });

  app.addHook('onRequest', async (request, reply) => {
    const rule = request.routeOptions.config?.access;
    if (!rule) return; // not an API route (static files, docs, 404)
    const credential = readCredential(request);
    const session = credential ? await lookUpSession(db, credential.tokenHash) : undefined;
    const problem = session ? sessionProblem(session, config) : credential ? 'session_expired' : 'unauthenticated';

    if (rule === 'public' || rule === 'sign-in') {
      request.actor = session && !problem ? toActor(session, credential!.viaCookie) : null;
      request.ctx = requestContext(db, request.actor, [], request.ip);
      if (rule === 'sign-in') request.signIn = new SignInAttempt(db, request.ip);
      return;
    }
    if (!session || problem) {
      if (credential?.viaCookie) clearSessionCookie(reply);
      throw new AppError(problem ?? 'unauthenticated');
    }
    const actor = toActor(session, credential!.viaCookie);
    if (actor.session.viaCookie && !SAFE_METHODS.has(request.method)) checkCsrf(request, config, actor);
    if (actor.passwordMustChange && rule !== 'own-account') throw new AppError('password_change_required');
    const permission = typeof rule === 'object' ? rule.permission : undefined;
    if (permission && !actor.grants.has(permission)) throw new AppError('forbidden');
    request.actor = actor;
    request.ctx = requestContext(db, actor, rootsOf(actor, permission), request.ip);
    if (Date.now() - session.last_seen_at.getTime() > TOUCH_AFTER_MS) {
      await systemContext(db).run((tx) => touchSession(tx, session));
    }
  });
}

function readCredential(request: FastifyRequest): { tokenHash: string; viaCookie: boolean } | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { tokenHash: hashToken(header.slice(7).trim()), viaCookie: false };
  const cookie = request.cookies[SESSION_COOKIE];
  return cookie ? { tokenHash: hashToken(cookie), viaCookie: true } : undefined;
}

function sessionProblem(session: SessionRecord, config: Config): 'session_expired' | 'account_disabled' | 'demo_account_refused' | undefined {
  const now = Date.now();
  if (session.revoked_at || session.expires_at.getTime() <= now) return 'session_expired';
  if (session.idle_seconds !== null && session.last_seen_at.getTime() + session.idle_seconds * 1000 <= now) return 'session_expired';
  if (session.status !== 'active') return 'account_disabled';
  if (session.is_demo && config.production) return 'demo_account_refused';
  return undefined;
}

function toActor(session: SessionRecord, viaCookie: boolean): Actor {
  return {
    accountId: session.account_id,
    personId: session.person_id,
    username: session.username,
    name: session.name,
    session: { tokenHash: session.token_hash, kind: session.kind, viaCookie },
    passwordMustChange: session.password_must_change,
    posts: session.posts,
    grants: grantsOf(session.posts),
  };
}

/**
 * Cookie-authenticated writes must carry the session's CSRF token, and must not come from another
 * origin. An Origin that names no host (`null` from a sandboxed frame or a privacy redirect, or
 * anything unparsable) is not ours either.
 */
function checkCsrf(request: FastifyRequest, config: Config, actor: Actor) {
  const origin = request.headers.origin;
  if (origin && hostOf(origin) !== request.host) throw new AppError('csrf_failed');
  const presented = request.headers[CSRF_HEADER];
  if (typeof presented !== 'string' || !csrfTokenMatches(config.sessionSecret, actor.session.tokenHash, presented)) {
    throw new AppError('csrf_failed');
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host || undefined;
  } catch {
    return undefined;
  }
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure === 'always' || (config.cookieSecure === 'auto' && reply.request.protocol === 'https'),
  });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

export const accessPlugin = fp(access, { name: 'access', dependencies: ['@fastify/cookie'] });

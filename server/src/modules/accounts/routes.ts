import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/access.ts';
import { csrfTokenFor, hashToken } from '../../platform/auth/sessions.ts';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import {
  Account,
  AccountCreateBody,
  AccountIdParams,
  AccountPasswordResetBody,
  AccountStatusBody,
  LoginBody,
  Me,
  PasswordChangeBody,
  PersonIdParams,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['账号与登录'];
const Ok = Type.Object({ ok: Type.Literal(true, { description: '总是 true' }) });
const SignedIn = Type.Object({ csrfToken: Type.String({ description: '后续写请求的 X-CSRF-Token' }) });

export const accountsRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app, { config }) => {
  const userAgent = (req: { headers: Record<string, unknown> }) => (typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null);

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: '登录',
        description:
          '用户名或手机号 + 密码登录，成功后设置会话 Cookie。用户名或密码错误返回 401 invalid_credentials，details.remainingAttempts 为锁定前还可尝试的次数；' +
          '次数用完返回 423 account_locked，details.minutes 为还需等待的分钟数。',
        body: LoginBody,
        response: responses({ 200: SignedIn }),
      },
      config: { access: 'sign-in', rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { token } = await service.login(req.signIn!, config, req.body, userAgent(req));
      setSessionCookie(reply, config, token);
      return { csrfToken: csrfTokenFor(config.sessionSecret, hashToken(token)) };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: '退出登录', description: '立即使当前会话失效。', response: responses({ 200: Ok }) }, config: { access: 'own-account' } },
    async (req, reply) => {
      await service.logout(req.ctx);
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: { tags, summary: '修改本人密码', description: '其他会话全部失效，并返回新的会话。', body: PasswordChangeBody, response: responses({ 200: SignedIn }) },
      // The current password can be guessed here by whoever holds a session (a stolen cookie, an
      // unattended screen), so it is limited like sign-in, per account: the access hook (an
      // application hook) has named the caller before this route's rate-limit hook runs.
      config: {
        access: 'own-account',
        rateLimit: { max: config.login.ratePerMinute, timeWindow: '1 minute', keyGenerator: (req) => (req.actor ? `account:${req.actor.accountId}` : req.ip) },
      },
    },
    async (req, reply) => {
      const { token } = await service.changePassword(req.ctx, config, req.body, userAgent(req));
      setSessionCookie(reply, config, token);
      return { csrfToken: csrfTokenFor(config.sessionSecret, hashToken(token)) };
    },
  );

  app.get(
    '/api/me',
    { schema: { tags, summary: '当前用户', description: '本人、在任职务、权限与辖区；passwordMustChange 为真时只能修改密码。', response: responses({ 200: Me }) }, config: { access: 'own-account' } },
    (req) => service.me(req.ctx, config),
  );

  app.get(
    '/api/persons/:id/account',
    {
      schema: {
        tags,
        summary: '人员的账号',
        description: '需要 accounts.manage 权限（林长办管理员）。人员尚未开通账号时返回 null；人员不在管辖范围内时返回 404。',
        params: PersonIdParams,
        response: responses({ 200: Type.Union([Account, Type.Null()], { description: '账号；尚未开通为 null' }) }),
      },
      config: { access: { permission: 'accounts.manage' } },
    },
    (req) => service.accountOfPerson(req.ctx, req.params.id),
  );

  app.post(
    '/api/persons/:id/account',
    {
      schema: {
        tags,
        summary: '为人员开通账号',
        description:
          '需要 accounts.manage 权限。人员不在管辖范围内返回 404；其在任职务有不在管辖范围内的返回 403（account_out_of_scope）；用户名已被使用或该人员已有账号返回 409；密码强度不足返回 400。',
        params: PersonIdParams,
        body: AccountCreateBody,
        response: responses({ 201: Account }),
      },
      config: { access: { permission: 'accounts.manage' } },
    },
    async (req, reply) => reply.status(201).send(await service.createAccount(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/accounts/:id/password',
    {
      schema: { tags, summary: '重置账号密码', description: '该账号的所有会话立即失效。', params: AccountIdParams, body: AccountPasswordResetBody, response: responses({ 200: Account }) },
      config: { access: { permission: 'accounts.manage' } },
    },
    (req) => service.resetPassword(req.ctx, req.params.id, req.body.password),
  );

  app.post(
    '/api/accounts/:id/unlock',
    {
      schema: {
        tags,
        summary: '解除账号锁定',
        description: '清除密码连续输错造成的锁定，账号可立即再登录。需要 accounts.manage 权限；账号不在管辖范围内返回 404，其持有人在管辖范围外还有职务返回 403。',
        params: AccountIdParams,
        response: responses({ 200: Account }),
      },
      config: { access: { permission: 'accounts.manage' } },
    },
    (req) => service.updateAccount(req.ctx, req.params.id, { unlock: true }),
  );

  app.patch(
    '/api/accounts/:id',
    {
      schema: {
        tags,
        summary: '启用或停用账号',
        description: '停用后该账号的会话全部失效且不能再登录。需要 accounts.manage 权限；账号不在管辖范围内返回 404，其持有人在管辖范围外还有职务返回 403。',
        params: AccountIdParams,
        body: AccountStatusBody,
        response: responses({ 200: Account }),
      },
      config: { access: { permission: 'accounts.manage' } },
    },
    (req) => service.updateAccount(req.ctx, req.params.id, { status: req.body.status }),
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { AuditFacets, AuditPage, AuditQuery } from './schema.ts';
import * as service from './service.ts';

export const auditRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: { tags: ['审计日志'], summary: '审计日志检索', description: '谁、何时、对什么、做了什么、改前改后、来自哪个 IP。', querystring: AuditQuery, response: responses({ 200: AuditPage }) },
      config: { access: { permission: 'audit.read' } },
    },
    (req) => service.search(req.ctx, req.query),
  );
  app.get(
    '/api/audit/facets',
    {
      schema: { tags: ['审计日志'], summary: '审计日志筛选项', description: '近 90 天出现过的操作与对象及其条数。', response: responses({ 200: AuditFacets }) },
      config: { access: { permission: 'audit.read' } },
    },
    (req) => service.facets(req.ctx),
  );
};

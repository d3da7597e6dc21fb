import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../platform/errors/schema.ts';
import { AuditPage, AuditQuery } from './schema.ts';
import * as service from './service.ts';

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: { tags: ['审计日志'], summary: '审计日志检索', description: '谁、何时、对什么、做了什么、改前改后、来自哪个 IP。', querystring: AuditQuery, response: responses({ 200: AuditPage }) },
      config: { access: { permission: 'audit.read' } },
    },
    (req) => service.search(req.ctx, req.query),
  );
};

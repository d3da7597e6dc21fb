import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { postgisVersion } from '../../db/database.ts';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';

const Health = Type.Object({
  status: Type.Literal('ok', { description: '服务与数据库可用时为 ok' }),
  database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')], { description: '嵌入式 PGlite 或 PostgreSQL 服务器' }),
  postgis: Type.String({ description: 'PostGIS 版本' }),
});

export const healthRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app, { database }) => {
  app.get(
    '/api/health',
    { schema: { tags: ['系统'], summary: '健康检查', description: '数据库可用时返回 ok。', response: responses({ 200: Health }) }, config: { access: 'public' } },
    async (req) => ({ status: 'ok' as const, database: database.kind, postgis: await req.ctx.run((tx) => postgisVersion(tx)) }),
  );
};

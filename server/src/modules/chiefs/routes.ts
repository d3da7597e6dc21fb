import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { IdParams, ResponsibilityArea, ResponsibilityAreaCreate, ResponsibilityAreaListQuery, ResponsibilityAreaUpdate } from './schema.ts';
import * as service from './service.ts';

const tags = ['责任区域'];
/**
 * Responsibility areas are a map layer, so reading them needs `map.read`. Drawing one is part of
 * appointing a chief — the office that names chiefs (`people.write`) also says what land they answer for.
 */
const read = { permission: 'map.read' } as const;
const write = { permission: 'people.write' } as const;

/** Chiefs' responsibility areas. */
export const chiefsRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app) => {
  app.get(
    '/api/responsibility-areas',
    {
      schema: { tags, summary: '责任区域列表', description: '按区划（含下级）或林长职务筛选。', querystring: ResponsibilityAreaListQuery, response: responses({ 200: Type.Array(ResponsibilityArea) }) },
      config: { access: read },
    },
    (req) => service.listAreas(req.ctx, req.query),
  );
  app.post(
    '/api/responsibility-areas',
    {
      schema: { tags, summary: '新增责任区域', description: '为在任林长职务绘制责任区域（面），须位于职务所在区划内。一个职务可有多个责任区域。', body: ResponsibilityAreaCreate, response: responses({ 201: ResponsibilityArea }) },
      config: { access: write },
    },
    async (req, reply) => reply.status(201).send(await service.createArea(req.ctx, req.body)),
  );
  app.get(
    '/api/responsibility-areas/:id',
    {
      schema: {
        tags,
        summary: '责任区域详情',
        description: '一个责任区域、负责的林长与 GeoJSON 图形。需要 map.read 权限；不存在或不在辖区内返回 404。',
        params: IdParams,
        response: responses({ 200: ResponsibilityArea }),
      },
      config: { access: read },
    },
    (req) => service.getArea(req.ctx, req.params.id),
  );
  app.patch(
    '/api/responsibility-areas/:id',
    {
      schema: {
        tags,
        summary: '修改责任区域',
        description:
          '修改名称或图形（只改提交的字段），新图形须位于林长职务所在区划内，轻微自相交会自动修复。需要 people.write 权限（林长办）；不存在或不在辖区内返回 404，图形无效或不在该区划内返回 400。',
        params: IdParams,
        body: ResponsibilityAreaUpdate,
        response: responses({ 200: ResponsibilityArea }),
      },
      config: { access: write },
    },
    (req) => service.updateArea(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/responsibility-areas/:id',
    {
      schema: {
        tags,
        summary: '删除责任区域',
        description: '删除一个责任区域，成功返回 204。需要 people.write 权限（林长办）；不存在或不在辖区内返回 404。',
        params: IdParams,
        response: responses({ 204: Type.Null({ description: '已删除' }) }),
      },
      config: { access: write },
    },
    async (req, reply) => {
      await service.deleteArea(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};

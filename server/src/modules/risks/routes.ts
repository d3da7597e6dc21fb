import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import {
  KeyRoute,
  KeyRouteCreate,
  KeyRouteListQuery,
  KeyRoutePage,
  KeyRouteParams,
  KeyRouteUpdate,
  RiskArea,
  RiskAreaCreate,
  RiskAreaListQuery,
  RiskAreaPage,
  RiskAreaParams,
  RiskAreaUpdate,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['重点区域与线路'];
/** Reading key risk areas and routes needs `map.read`; drawing them is the grid office's work (`grids.write`). */
const read = { permission: 'map.read' } as const;
const write = { permission: 'grids.write' } as const;
const Deleted = responses({ 204: Type.Null({ description: '已删除' }) });

/** Key risk areas (重点区域) and key routes (重点线路). */
export const risksRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app) => {
    app.get(
    '/api/risk-areas',
    {
      schema: {
        tags,
        summary: '重点区域列表',
        description: '调用者辖区内的重点区域（农林交错区、疫木除治山场、墓区等），可按类型、区划（含下级）、范围筛选，分页。需要 map.read 权限。',
        querystring: RiskAreaListQuery,
        response: responses({ 200: RiskAreaPage }),
      },
      config: { access: read },
    },
    (req) => service.listRiskAreas(req.ctx, req.query),
  );
  app.post(
    '/api/risk-areas',
    { schema: { tags, summary: '新增重点区域', description: '点、线或面；不填 regionCode 时取图形所在的村。', body: RiskAreaCreate, response: responses({ 201: RiskArea }) }, config: { access: write } },
    async (req, reply) => reply.status(201).send(await service.createRiskArea(req.ctx, req.body)),
  );
  app.get(
    '/api/risk-areas/:id',
    {
      schema: {
        tags,
        summary: '重点区域详情',
        description: '一个重点区域的属性与 GeoJSON 图形。需要 map.read 权限；不存在或不在辖区内返回 404。',
        params: RiskAreaParams,
        response: responses({ 200: RiskArea }),
      },
      config: { access: read },
    },
    (req) => service.getRiskArea(req.ctx, req.params.id),
  );
  app.patch(
    '/api/risk-areas/:id',
    {
      schema: {
        tags,
        summary: '修改重点区域',
        description:
          '修改类型、名称、备注、所属区划或图形（只改提交的字段），图形须位于所属区划内。需要 grids.write 权限；不存在或不在辖区内返回 404，类型不在代码表中、图形无效或不在区划内返回 400。',
        params: RiskAreaParams,
        body: RiskAreaUpdate,
        response: responses({ 200: RiskArea }),
      },
      config: { access: write },
    },
    (req) => service.updateRiskArea(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/risk-areas/:id',
    {
      schema: {
        tags,
        summary: '删除重点区域',
        description: '删除一个重点区域，成功返回 204。需要 grids.write 权限；不存在或不在辖区内返回 404。',
        params: RiskAreaParams,
        response: Deleted,
      },
      config: { access: write },
    },
    async (req, reply) => {
      await service.deleteRiskArea(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/key-routes',
    {
      schema: {
        tags,
        summary: '重点线路列表',
        description: '调用者辖区内的重点巡护线路及长度，可按区划（含下级）、范围筛选，分页。需要 map.read 权限。',
        querystring: KeyRouteListQuery,
        response: responses({ 200: KeyRoutePage }),
      },
      config: { access: read },
    },
    (req) => service.listKeyRoutes(req.ctx, req.query),
  );
  app.post(
    '/api/key-routes',
    {
      schema: {
        tags,
        summary: '新增重点线路',
        description: '线（LineString 或 MultiLineString）；不填 regionCode 时取图形所在的村。需要 grids.write 权限；图形无效或不在辖区的村内返回 400，区划在辖区外返回 403。',
        body: KeyRouteCreate,
        response: responses({ 201: KeyRoute }),
      },
      config: { access: write },
    },
    async (req, reply) => reply.status(201).send(await service.createKeyRoute(req.ctx, req.body)),
  );
  app.get(
    '/api/key-routes/:id',
    {
      schema: {
        tags,
        summary: '重点线路详情',
        description: '一条重点线路的属性、长度与 GeoJSON 图形。需要 map.read 权限；不存在或不在辖区内返回 404。',
        params: KeyRouteParams,
        response: responses({ 200: KeyRoute }),
      },
      config: { access: read },
    },
    (req) => service.getKeyRoute(req.ctx, req.params.id),
  );
  app.patch(
    '/api/key-routes/:id',
    {
      schema: {
        tags,
        summary: '修改重点线路',
        description: '修改名称、所属区划或图形（只改提交的字段），图形须位于所属区划内。需要 grids.write 权限；不存在或不在辖区内返回 404，图形无效或不在区划内返回 400。',
        params: KeyRouteParams,
        body: KeyRouteUpdate,
        response: responses({ 200: KeyRoute }),
      },
      config: { access: write },
    },
    (req) => service.updateKeyRoute(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/key-routes/:id',
    {
      schema: {
        tags,
        summary: '删除重点线路',
        description: '删除一条重点线路，成功返回 204。需要 grids.write 权限；不存在或不在辖区内返回 404。',
        params: KeyRouteParams,
        response: Deleted,
      },
      config: { access: write },
    },
    async (req, reply) => {
      await service.deleteKeyRoute(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};

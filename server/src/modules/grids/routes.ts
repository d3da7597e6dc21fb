import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { PlanParams } from '../plans/schema.ts';
import { RulesQuery } from '../patrol-rules/schema.ts';
import { EligibleRanger, Grid, GridCreate, GridDetail, GridListQuery, GridPage, GridParams, GridUpdate, GridWriteResult, RangerAssign, Unassigned, UnassignedQuery } from './schema.ts';
import * as service from './service.ts';

const tags = ['网格'];
/**
 * Reading grids needs `map.read` (rangers read their own grid); changing them and their rangers
 * needs `grids.write`; the list of unassigned rangers names people, so it needs `people.read`.
 */
const read = { permission: 'map.read' } as const;
const write = { permission: 'grids.write' } as const;

/** Grids of a plan and their rangers. */
export const gridsRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app) => {
  app.get(
    '/api/grid-plans/:id/unassigned',
    {
      schema: {
        tags: ['网格方案'],
        summary: '未分配护林员的网格与未分配网格的护林员',
        description: '列出方案中没有护林员的网格，以及方案区域内今天在任却未负责本方案网格的护林员，供林长办逐一分配。需要 people.read 权限；方案不存在或不可见返回 404。',
        params: PlanParams,
        querystring: UnassignedQuery,
        response: responses({ 200: Unassigned }),
      },
      config: { access: { permission: 'people.read' } },
    },
    (req) => service.unassigned(req.ctx, req.params.id, req.query.regionCode),
  );

  app.get(
    '/api/grid-plans/:id/grids',
    {
      schema: {
        tags,
        summary: '方案中的网格',
        description: '方案中调用者辖区内的网格，按编号排序、分页，可只列未分配护林员的网格或附带图形。需要 map.read 权限；方案不存在或不可见返回 404。',
        params: PlanParams,
        querystring: GridListQuery,
        response: responses({ 200: GridPage }),
      },
      config: { access: read },
    },
    (req) => service.listGrids(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/grid-plans/:id/grids',
    {
      schema: {
        tags,
        summary: '新增网格（草稿方案）',
        description: '不填 regionCode 时取图形所在的村。可同时指定护林员（须为该村或所在乡镇在任护林员）。',
        params: PlanParams,
        body: GridCreate,
        response: responses({ 201: GridWriteResult }),
      },
      config: { access: write },
    },
    async (req, reply) => reply.status(201).send(await service.createGrid(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/grids/:id',
    {
      schema: { tags, summary: '网格详情', description: '范围、面积、护林员，网格内的重点区域和重点线路，及当天有效的巡护要求（附规则依据）。', params: GridParams, querystring: RulesQuery, response: responses({ 200: GridDetail }) },
      config: { access: read },
    },
    (req) => service.getGrid(req.ctx, req.params.id, req.query.on),
  );
  app.patch(
    '/api/grids/:id',
    {
      schema: { tags, summary: '修改网格', description: '编号、名称、区划、范围只能在草稿方案中修改；巡护要求和备注在启用方案中也可修改。', params: GridParams, body: GridUpdate, response: responses({ 200: GridWriteResult }) },
      config: { access: write },
    },
    (req) => service.updateGrid(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/grids/:id',
    {
      schema: {
        tags,
        summary: '删除网格（草稿方案）',
        description: '删除草稿方案中的一个网格，成功返回 204。需要 service.write 权限；网格不存在或不可见返回 404，所在方案已启用或已归档返回 409（state_conflict）。',
        params: GridParams,
        response: responses({ 204: Type.Null({ description: '已删除' }) }),
      },
      config: { access: write },
    },
    async (req, reply) => {
      await service.deleteGrid(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/grids/:id/eligible-rangers',
    {
      schema: {
        tags,
        summary: '可分配的护林员',
        description: '今天在网格所在村或乡镇在任的护林员，未负责网格的在前；已负责本方案网格的注明是哪个。',
        params: GridParams,
        response: responses({ 200: Type.Array(EligibleRanger) }),
      },
      config: { access: write },
    },
    (req) => service.eligibleRangers(req.ctx, req.params.id),
  );
  app.put(
    '/api/grids/:id/ranger',
    {
      schema: { tags, summary: '分配护林员', description: '草稿和启用方案均可。一名护林员在一个方案中只能负责一个网格（409）。', params: GridParams, body: RangerAssign, response: responses({ 200: Grid }) },
      config: { access: write },
    },
    (req) => service.assignRanger(req.ctx, req.params.id, req.body.rangerPostId),
  );
  app.delete(
    '/api/grids/:id/ranger',
    {
      schema: {
        tags,
        summary: '取消护林员分配',
        description: '网格改为未分配护林员，草稿和启用方案均可。需要 service.write 权限；网格不存在或不可见返回 404，方案已归档返回 409（state_conflict）。',
        params: GridParams,
        response: responses({ 200: Grid }),
      },
      config: { access: write },
    },
    (req) => service.unassignRanger(req.ctx, req.params.id),
  );
};

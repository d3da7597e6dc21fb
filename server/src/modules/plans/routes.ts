import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { GridPlan, PlanComparison, PlanCreate, PlanListQuery, PlanParams, PlanUpdate } from './schema.ts';
import * as service from './service.ts';

const tags = ['网格方案'];
/** Reading plans needs `map.read` (rangers read their own grid's plan); changing them needs `grids.write`. */
const read = { permission: 'map.read' } as const;
const write = { permission: 'grids.write' } as const;

/** Grid plans: drafted, compared with the active plan, activated, archived. */
export const plansRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app) => {
  app.get(
    '/api/grid-plans',
    {
      schema: { tags, summary: '网格方案列表', description: '含草稿、启用和已归档（历史）方案；regionCode 列出覆盖该区划或在其下的方案。', querystring: PlanListQuery, response: responses({ 200: Type.Array(GridPlan) }) },
      config: { access: read },
    },
    (req) => service.listPlans(req.ctx, req.query),
  );
  app.post(
    '/api/grid-plans',
    {
      schema: { tags, summary: '新建草稿方案', description: "默认复制该区域启用方案的全部网格（编号、范围、护林员、巡护要求）；copyFrom: 'none' 为空白方案。", body: PlanCreate, response: responses({ 201: GridPlan }) },
      config: { access: write },
    },
    async (req, reply) => reply.status(201).send(await service.createPlan(req.ctx, req.body)),
  );
  app.get(
    '/api/grid-plans/:id',
    {
      schema: {
        tags,
        summary: '网格方案详情',
        description: '一个方案的年度、状态、网格数与总面积（只计调用者辖区内的网格）。需要 map.read 权限；方案不存在或不可见返回 404。',
        params: PlanParams,
        response: responses({ 200: GridPlan }),
      },
      config: { access: read },
    },
    (req) => service.getPlan(req.ctx, req.params.id),
  );
  app.patch(
    '/api/grid-plans/:id',
    {
      schema: {
        tags,
        summary: '修改草稿方案',
        description:
          '修改草稿方案的名称、年度或备注（只改提交的字段）。需要 grids.write 权限（林长办）；方案不存在返回 404，已启用或已归档返回 409（state_conflict），方案区域超出辖区返回 403。',
        params: PlanParams,
        body: PlanUpdate,
        response: responses({ 200: GridPlan }),
      },
      config: { access: write },
    },
    (req) => service.updatePlan(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/grid-plans/:id',
    { schema: { tags, summary: '删除草稿方案', description: '连同其网格。', params: PlanParams, response: responses({ 204: Type.Null({ description: '已删除' }) }) }, config: { access: write } },
    async (req, reply) => {
      await service.deletePlan(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/grid-plans/:id/compare',
    {
      schema: {
        tags,
        summary: '与启用方案对比',
        description: '按网格编号比较：新增、删除、变化（范围前后面积与变化面积、护林员）、各网格面积、合计，以及阻止启用的问题（网格重叠、超出所属区划、一人多格）。',
        params: PlanParams,
        response: responses({ 200: PlanComparison }),
      },
      config: { access: read },
    },
    (req) => service.comparePlan(req.ctx, req.params.id),
  );
  app.post(
    '/api/grid-plans/:id/activate',
    {
      schema: { tags, summary: '启用方案', description: '同一区域原启用方案自动归档。存在阻止启用的问题时返回 409（plan_not_activatable），details.problems 列出问题。', params: PlanParams, response: responses({ 200: GridPlan }) },
      config: { access: write },
    },
    (req) => service.activatePlan(req.ctx, req.params.id),
  );
};

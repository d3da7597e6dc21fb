import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import * as grids from './grid-service.ts';
import { comparePlan } from './plan-compare.ts';
import * as plans from './plan-service.ts';
import * as risks from './risk-service.ts';
import * as rules from './rule-service.ts';
import {
  EligibleRanger,
  GridCreate,
  GridDetail,
  GridListQuery,
  GridPage,
  GridPlan,
  GridUpdate,
  GridWriteResult,
  Grid,
  GridParams,
  KeyRoute,
  KeyRouteCreate,
  KeyRouteListQuery,
  KeyRoutePage,
  KeyRouteParams,
  KeyRouteUpdate,
  PlanComparison,
  PlanCreate,
  PlanListQuery,
  PlanParams,
  PlanUpdate,
  RangerAssign,
  RegionParams,
  RegionRules,
  RiskArea,
  RiskAreaCreate,
  RiskAreaListQuery,
  RiskAreaPage,
  RiskAreaParams,
  RiskAreaUpdate,
  RuleSet,
  RulesQuery,
  Unassigned,
  UnassignedQuery,
} from './schema.ts';

/**
 * Reading grids, plans, risk areas, routes and rules needs `map.read` (rangers read their own grid);
 * changing them needs `grids.write`; the list of unassigned rangers names people, so it needs `people.read`.
 */
const read = { permission: 'map.read' } as const;
const write = { permission: 'grids.write' } as const;
const Deleted = responses({ 204: Type.Null({ description: '已删除' }) });

/** Grid plans, grids and their rangers, key risk areas and routes, patrol rules. */
export const gridsRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app) => {
  const planTags = ['网格方案'];
  app.get(
    '/api/grid-plans',
    {
      schema: { tags: planTags, summary: '网格方案列表', description: '含草稿、启用和已归档（历史）方案；regionCode 列出覆盖该区划或在其下的方案。', querystring: PlanListQuery, response: responses({ 200: Type.Array(GridPlan) }) },
      config: { access: read },
    },
    (req) => plans.listPlans(req.ctx, req.query),
  );
  app.post(
    '/api/grid-plans',
    {
      schema: { tags: planTags, summary: '新建草稿方案', description: "默认复制该区域启用方案的全部网格（编号、范围、护林员、巡护要求）；copyFrom: 'none' 为空白方案。", body: PlanCreate, response: responses({ 201: GridPlan }) },
      config: { access: write },
    },
    async (req, reply) => reply.status(201).send(await plans.createPlan(req.ctx, req.body)),
  );
  app.get(
    '/api/grid-plans/:id',
    {
      schema: {
        tags: planTags,
        summary: '网格方案详情',
        description: '一个方案的年度、状态、网格数与总面积（只计调用者辖区内的网格）。需要 map.read 权限；方案不存在或不可见返回 404。',
        params: PlanParams,
        response: responses({ 200: GridPlan }),
      },
      config: { access: read },
    },
    (req) => plans.getPlan(req.ctx, req.params.id),
  );
  app.patch(
    '/api/grid-plans/:id',
    {
      schema: {
        tags: planTags,
        summary: '修改草稿方案',
        description:
          '修改草稿方案的名称、年度或备注（只改提交的字段）。需要 grids.write 权限（林长办）；方案不存在返回 404，已启用或已归档返回 409（state_conflict），方案区域超出辖区返回 403。',
        params: PlanParams,
        body: PlanUpdate,
        response: responses({ 200: GridPlan }),
      },
      config: { access: write },
    },
    (req) => plans.updatePlan(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/grid-plans/:id', { schema: { tags: planTags, summary: '删除草稿方案', description: '连同其网格。', params: PlanParams, response: Deleted }, config: { access: write } }, async (req, reply) => {
    await plans.deletePlan(req.ctx, req.params.id);
    return reply.status(204).send(null);
  });
  app.get(
    '/api/grid-plans/:id/compare',
    {
      schema: {
        tags: planTags,
        summary: '与启用方案对比',
        description: '按网格编号比较：新增、删除、变化（范围前后面积与变化面积、护林员）、各网格面积、合计，以及阻止启用的问题（网格重叠、超出所属区划、一人多格）。',
        params: PlanParams,
        response: responses({ 200: PlanComparison }),
      },
      config: { access: read },
    },
    (req) => comparePlan(req.ctx, req.params.id),
  );
  app.post(
    '/api/grid-plans/:id/activate',
    {
      schema: { tags: planTags, summary: '启用方案', description: '同一区域原启用方案自动归档。存在阻止启用的问题时返回 409（plan_not_activatable），details.problems 列出问题。', params: PlanParams, response: responses({ 200: GridPlan }) },
      config: { access: write },
    },
    (req) => plans.activatePlan(req.ctx, req.params.id),
  );
  app.get(
    '/api/grid-plans/:id/unassigned',
    {
      schema: {
        tags: planTags,
        summary: '未分配护林员的网格与未分配网格的护林员',
        description: '列出方案中没有护林员的网格，以及方案区域内今天在任却未负责本方案网格的护林员，供林长办逐一分配。需要 people.read 权限；方案不存在或不可见返回 404。',
        params: PlanParams,
        querystring: UnassignedQuery,
        response: responses({ 200: Unassigned }),
      },
      config: { access: { permission: 'people.read' } },
    },
    (req) => grids.unassigned(req.ctx, req.params.id, req.query.regionCode),
  );

  const gridTags = ['网格'];
  app.get(
    '/api/grid-plans/:id/grids',
    {
      schema: {
        tags: gridTags,
        summary: '方案中的网格',
        description: '方案中调用者辖区内的网格，按编号排序、分页，可只列未分配护林员的网格或附带图形。需要 map.read 权限；方案不存在或不可见返回 404。',
        params: PlanParams,
        querystring: GridListQuery,
        response: responses({ 200: GridPage }),
      },
      config: { access: read },
    },
    (req) => grids.listGrids(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/grid-plans/:id/grids',
    {
      schema: {
        tags: gridTags,
        summary: '新增网格（草稿方案）',
        description: '不填 regionCode 时取图形所在的村。可同时指定护林员（须为该村或所在乡镇在任护林员）。',
        params: PlanParams,
        body: GridCreate,
        response: responses({ 201: GridWriteResult }),
      },
      config: { access: write },
    },
    async (req, reply) => reply.status(201).send(await grids.createGrid(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/grids/:id',
    {
      schema: { tags: gridTags, summary: '网格详情', description: '范围、面积、护林员，网格内的重点区域和重点线路，及当天有效的巡护要求（附规则依据）。', params: GridParams, querystring: RulesQuery, response: responses({ 200: GridDetail }) },
      config: { access: read },
    },
    (req) => grids.getGrid(req.ctx, req.params.id, req.query.on),
  );
  app.patch(
    '/api/grids/:id',
    {
      schema: { tags: gridTags, summary: '修改网格', description: '编号、名称、区划、范围只能在草稿方案中修改；巡护要求和备注在启用方案中也可修改。', params: GridParams, body: GridUpdate, response: responses({ 200: GridWriteResult }) },
      config: { access: write },
    },
    (req) => grids.updateGrid(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/grids/:id',
    {
      schema: {
        tags: gridTags,
        summary: '删除网格（草稿方案）',
        description: '删除草稿方案中的一个网格，成功返回 204。需要 grids.write 权限；网格不存在或不可见返回 404，所在方案已启用或已归档返回 409（state_conflict）。',
        params: GridParams,
        response: Deleted,
      },
      config: { access: write },
    },
    async (req, reply) => {
      await grids.deleteGrid(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/grids/:id/eligible-rangers',
    {
      schema: {
        tags: gridTags,
        summary: '可分配的护林员',
        description: '今天在网格所在村或乡镇在任的护林员，未负责网格的在前；已负责本方案网格的注明是哪个。',
        params: GridParams,
        response: responses({ 200: Type.Array(EligibleRanger) }),
      },
      config: { access: write },
    },
    (req) => grids.eligibleRangers(req.ctx, req.params.id),
  );
  app.put(
    '/api/grids/:id/ranger',
    {
      schema: { tags: gridTags, summary: '分配护林员', description: '草稿和启用方案均可。一名护林员在一个方案中只能负责一个网格（409）。', params: GridParams, body: RangerAssign, response: responses({ 200: Grid }) },
      config: { access: write },
    },
    (req) => grids.assignRanger(req.ctx, req.params.id, req.body.rangerPostId),
  );
  app.delete(
    '/api/grids/:id/ranger',
    {
      schema: {
        tags: gridTags,
        summary: '取消护林员分配',
        description: '网格改为未分配护林员，草稿和启用方案均可。需要 grids.write 权限；网格不存在或不可见返回 404，方案已归档返回 409（state_conflict）。',
        params: GridParams,
        response: responses({ 200: Grid }),
      },
      config: { access: write },
    },
    (req) => grids.unassignRanger(req.ctx, req.params.id),
  );

  const riskTags = ['重点区域与线路'];
  app.get(
    '/api/risk-areas',
    {
      schema: {
        tags: riskTags,
        summary: '重点区域列表',
        description: '调用者辖区内的重点区域（农林交错区、疫木除治山场、墓区等），可按类型、区划（含下级）、范围筛选，分页。需要 map.read 权限。',
        querystring: RiskAreaListQuery,
        response: responses({ 200: RiskAreaPage }),
      },
      config: { access: read },
    },
    (req) => risks.listRiskAreas(req.ctx, req.query),
  );
  app.post(
    '/api/risk-areas',
    { schema: { tags: riskTags, summary: '新增重点区域', description: '点、线或面；不填 regionCode 时取图形所在的村。', body: RiskAreaCreate, response: responses({ 201: RiskArea }) }, config: { access: write } },
    async (req, reply) => reply.status(201).send(await risks.createRiskArea(req.ctx, req.body)),
  );
  app.get(
    '/api/risk-areas/:id',
    {
      schema: {
        tags: riskTags,
        summary: '重点区域详情',
        description: '一个重点区域的属性与 GeoJSON 图形。需要 map.read 权限；不存在或不在辖区内返回 404。',
        params: RiskAreaParams,
        response: responses({ 200: RiskArea }),
      },
      config: { access: read },
    },
    (req) => risks.getRiskArea(req.ctx, req.params.id),
  );
  app.patch(
    '/api/risk-areas/:id',
    {
      schema: {
        tags: riskTags,
        summary: '修改重点区域',
        description:
          '修改类型、名称、备注、所属区划或图形（只改提交的字段），图形须位于所属区划内。需要 grids.write 权限；不存在或不在辖区内返回 404，类型不在代码表中、图形无效或不在区划内返回 400。',
        params: RiskAreaParams,
        body: RiskAreaUpdate,
        response: responses({ 200: RiskArea }),
      },
      config: { access: write },
    },
    (req) => risks.updateRiskArea(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/risk-areas/:id',
    {
      schema: {
        tags: riskTags,
        summary: '删除重点区域',
        description: '删除一个重点区域，成功返回 204。需要 grids.write 权限；不存在或不在辖区内返回 404。',
        params: RiskAreaParams,
        response: Deleted,
      },
      config: { access: write },
    },
    async (req, reply) => {
      await risks.deleteRiskArea(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/key-routes',
    {
      schema: {
        tags: riskTags,
        summary: '重点线路列表',
        description: '调用者辖区内的重点巡护线路及长度，可按区划（含下级）、范围筛选，分页。需要 map.read 权限。',
        querystring: KeyRouteListQuery,
        response: responses({ 200: KeyRoutePage }),
      },
      config: { access: read },
    },
    (req) => risks.listKeyRoutes(req.ctx, req.query),
  );
  app.post(
    '/api/key-routes',
    {
      schema: {
        tags: riskTags,
        summary: '新增重点线路',
        description: '线（LineString 或 MultiLineString）；不填 regionCode 时取图形所在的村。需要 grids.write 权限；图形无效或不在辖区的村内返回 400，区划在辖区外返回 403。',
        body: KeyRouteCreate,
        response: responses({ 201: KeyRoute }),
      },
      config: { access: write },
    },
    async (req, reply) => reply.status(201).send(await risks.createKeyRoute(req.ctx, req.body)),
  );
  app.get(
    '/api/key-routes/:id',
    {
      schema: {
        tags: riskTags,
        summary: '重点线路详情',
        description: '一条重点线路的属性、长度与 GeoJSON 图形。需要 map.read 权限；不存在或不在辖区内返回 404。',
        params: KeyRouteParams,
        response: responses({ 200: KeyRoute }),
      },
      config: { access: read },
    },
    (req) => risks.getKeyRoute(req.ctx, req.params.id),
  );
  app.patch(
    '/api/key-routes/:id',
    {
      schema: {
        tags: riskTags,
        summary: '修改重点线路',
        description: '修改名称、所属区划或图形（只改提交的字段），图形须位于所属区划内。需要 grids.write 权限；不存在或不在辖区内返回 404，图形无效或不在区划内返回 400。',
        params: KeyRouteParams,
        body: KeyRouteUpdate,
        response: responses({ 200: KeyRoute }),
      },
      config: { access: write },
    },
    (req) => risks.updateKeyRoute(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/key-routes/:id',
    {
      schema: {
        tags: riskTags,
        summary: '删除重点线路',
        description: '删除一条重点线路，成功返回 204。需要 grids.write 权限；不存在或不在辖区内返回 404。',
        params: KeyRouteParams,
        response: Deleted,
      },
      config: { access: write },
    },
    async (req, reply) => {
      await risks.deleteKeyRoute(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );

  const ruleTags = ['巡护规则'];
  app.get(
    '/api/patrol-rules/:regionCode',
    {
      schema: {
        tags: ruleTags,
        summary: '区划的巡护规则',
        description: '当天（或 on 指定日期）有效的每月出勤天数、每次巡护时长、重点时段及频次：取本区划或最近上级区划的设置，均未设置时为系统默认（种子文件 002 第3条），并附规则依据；另列本区划设置过的全部规则。',
        params: RegionParams,
        querystring: RulesQuery,
        response: responses({ 200: RegionRules }),
      },
      config: { access: read },
    },
    (req) => rules.rulesOf(req.ctx, req.params.regionCode, req.query.on),
  );
  app.put(
    '/api/patrol-rules/:regionCode',
    {
      schema: {
        tags: ruleTags,
        summary: '设置区划的巡护规则',
        description: '新增一条自 effectiveFrom 起生效的规则，同一规则的上一条在前一天结束；同一天再次设置则替换。',
        params: RegionParams,
        body: RuleSet,
        response: responses({ 200: RegionRules }),
      },
      config: { access: write },
    },
    (req) => rules.setRule(req.ctx, req.params.regionCode, req.body),
  );
};

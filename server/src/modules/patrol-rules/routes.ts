import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { RegionParams, RegionRules, RuleSet, RulesQuery } from './schema.ts';
import * as service from './service.ts';

const tags = ['巡护规则'];
const read = { permission: 'map.read' } as const;
const write = { permission: 'grids.write' } as const;

/** Patrol rules per region: read with `map.read`, set by the office that keeps the grids (`grids.write`). */
export const patrolRulesRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app) => {
  app.get(
    '/api/patrol-rules/:regionCode',
    {
      schema: {
        tags,
        summary: '区划的巡护规则',
        description: '当天（或 on 指定日期）有效的每月出勤天数、每次巡护时长、重点时段及频次：取本区划或最近上级区划的设置，均未设置时为系统默认（种子文件 002 第3条），并附规则依据；另列本区划设置过的全部规则。',
        params: RegionParams,
        querystring: RulesQuery,
        response: responses({ 200: RegionRules }),
      },
      config: { access: read },
    },
    (req) => service.rulesOf(req.ctx, req.params.regionCode, req.query.on),
  );
  app.put(
    '/api/patrol-rules/:regionCode',
    {
      schema: {
        tags,
        summary: '设置区划的巡护规则',
        description: '新增一条自 effectiveFrom 起生效的规则，同一规则的上一条在前一天结束；同一天再次设置则替换。',
        params: RegionParams,
        body: RuleSet,
        response: responses({ 200: RegionRules }),
      },
      config: { access: write },
    },
    (req) => service.setRule(req.ctx, req.params.regionCode, req.body),
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { attachment } from '../exports/content-disposition.ts';
import { resourceListWorkbook } from './excel.ts';
import { IdParams, RegionParams, ResourceList } from './schema.ts';
import * as service from './service.ts';

const tags = ['资源清单'];
const access = { permission: 'resources.read' } as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The workbook's bytes are sent as they are (Fastify does not serialise a Buffer); the schema is for the API document. */
const Workbook = responses({
  200: {
    description: '资源清单 Excel 工作簿（附件“资源清单-名称.xlsx”）',
    content: { [XLSX]: { schema: Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Excel 工作簿（.xlsx）' }) } },
  },
});
const DESCRIPTION = '由小班按空间统计：土地总面积、林地、森林、森林覆盖率、蓄积、公益林（按事权等级）、天然林、按优势树种、按龄组；面积为公顷和亩。结果缓存，小班或代码表变化后再次读取时自动重算。定义见 docs/resource-list.md。';

/** Resource lists (资源清单) of regions and responsibility areas. */
export const resourcesRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app) => {
  app.get(
    '/api/resource-lists/region/:code',
    { schema: { tags, summary: '区划资源清单', description: DESCRIPTION, params: RegionParams, response: responses({ 200: ResourceList }) }, config: { access } },
    (req) => service.resourceList(req.ctx, 'region', req.params.code),
  );
  app.post(
    '/api/resource-lists/region/:code/refresh',
    {
      schema: {
        tags,
        summary: '重新计算区划资源清单',
        description: '不论缓存是否仍有效，立即按当前小班重新统计并返回新的清单。需要 resources.read 权限；区划不存在或不在辖区内返回 404。',
        params: RegionParams,
        response: responses({ 200: ResourceList }),
      },
      config: { access },
    },
    (req) => service.resourceList(req.ctx, 'region', req.params.code, true),
  );
  app.get(
    '/api/resource-lists/region/:code/excel',
    {
      schema: {
        tags,
        summary: '导出区划资源清单（Excel）',
        description: '与 GET /api/resource-lists/region/{code} 相同的清单，写成 .xlsx 工作簿下载。需要 resources.read 权限；区划不存在或不在辖区内返回 404。',
        params: RegionParams,
        response: Workbook,
      },
      config: { access },
    },
    async (req, reply) => {
      const list = await service.resourceList(req.ctx, 'region', req.params.code);
      return reply.type(XLSX).header('content-disposition', attachment(`资源清单-${list.subject.name}.xlsx`)).send(await resourceListWorkbook(list));
    },
  );
  app.get(
    '/api/resource-lists/responsibility-area/:id',
    { schema: { tags, summary: '责任区域资源清单', description: `${DESCRIPTION} 责任区域取小班在区域内的部分。`, params: IdParams, response: responses({ 200: ResourceList }) }, config: { access } },
    (req) => service.resourceList(req.ctx, 'responsibility_area', String(req.params.id)),
  );
  app.post(
    '/api/resource-lists/responsibility-area/:id/refresh',
    {
      schema: {
        tags,
        summary: '重新计算责任区域资源清单',
        description: '不论缓存是否仍有效，立即按当前小班重新统计并返回新的清单。需要 resources.read 权限；责任区域不存在或不在辖区内返回 404。',
        params: IdParams,
        response: responses({ 200: ResourceList }),
      },
      config: { access },
    },
    (req) => service.resourceList(req.ctx, 'responsibility_area', String(req.params.id), true),
  );
  app.get(
    '/api/resource-lists/responsibility-area/:id/excel',
    {
      schema: {
        tags,
        summary: '导出责任区域资源清单（Excel）',
        description: '与 GET /api/resource-lists/responsibility-area/{id} 相同的清单，写成 .xlsx 工作簿下载。需要 resources.read 权限；责任区域不存在或不在辖区内返回 404。',
        params: IdParams,
        response: Workbook,
      },
      config: { access },
    },
    async (req, reply) => {
      const list = await service.resourceList(req.ctx, 'responsibility_area', String(req.params.id));
      return reply.type(XLSX).header('content-disposition', attachment(`资源清单-${list.subject.name}.xlsx`)).send(await resourceListWorkbook(list));
    },
  );
};

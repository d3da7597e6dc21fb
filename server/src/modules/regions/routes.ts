import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { BoundaryFeature, Region, RegionParams, RegionSearchQuery, RegionSearchResult, SubtreeQuery } from './schema.ts';
import * as service from './service.ts';

const tags = ['行政区划'];
const access = { permission: 'regions.read' } as const;

export const regionsRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app) => {
  app.get(
    '/api/regions',
    { schema: { tags, summary: '我的辖区', description: '调用者可查看的最外层区划。', response: responses({ 200: Type.Array(Region) }) }, config: { access } },
    (req) => service.roots(req.ctx),
  );
  app.get(
    '/api/regions/search',
    {
      schema: {
        tags,
        summary: '搜索区划',
        description:
          '在调用者整个辖区内按名称（包含）或代码（开头）查找区划，不必先展开上级；同时给出各匹配的上级，便于区划选择器在树中显示。' +
          '需要 regions.read 权限；辖区外的区划不会出现。',
        querystring: RegionSearchQuery,
        response: responses({ 200: RegionSearchResult }),
      },
      config: { access },
    },
    (req) => service.search(req.ctx, req.query.q, req.query.limit),
  );
  app.get(
    '/api/regions/:code',
    {
      schema: {
        tags,
        summary: '区划详情',
        description: '一个区划的名称、级别、上级与下级数。需要 regions.read 权限（所有职务都有）；区划不存在或不在辖区内返回 404。',
        params: RegionParams,
        response: responses({ 200: Region }),
      },
      config: { access },
    },
    (req) => service.get(req.ctx, req.params.code),
  );
  app.get(
    '/api/regions/:code/children',
    {
      schema: {
        tags,
        summary: '下级区划',
        description: '该区划的直接下级，供逐级展开区划树。需要 regions.read 权限；区划不存在或不在辖区内返回 404。',
        params: RegionParams,
        response: responses({ 200: Type.Array(Region) }),
      },
      config: { access },
    },
    (req) => service.children(req.ctx, req.params.code),
  );
  app.get(
    '/api/regions/:code/path',
    {
      schema: { tags, summary: '区划路径', description: '从调用者可见的最上级到该区划。', params: RegionParams, response: responses({ 200: Type.Array(Region) }) },
      config: { access },
    },
    (req) => service.path(req.ctx, req.params.code),
  );
  app.get(
    '/api/regions/:code/tree',
    {
      schema: {
        tags,
        summary: '区划子树',
        description: '该区划及其向下 depth 层的全部区划（平铺，按 parentCode 组成树）。',
        params: RegionParams,
        querystring: SubtreeQuery,
        response: responses({ 200: Type.Array(Region) }),
      },
      config: { access },
    },
    (req) => service.subtree(req.ctx, req.params.code, req.query.depth),
  );
  app.get(
    '/api/regions/:code/boundary',
    {
      schema: {
        tags,
        summary: '区划边界',
        description: '该区划的边界，GeoJSON Feature（没有边界时 geometry 为 null）。需要 regions.read 权限；区划不存在或不在辖区内返回 404。',
        params: RegionParams,
        response: responses({ 200: BoundaryFeature }),
      },
      config: { access },
    },
    (req) => service.boundary(req.ctx, req.params.code),
  );
};

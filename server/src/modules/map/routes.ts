import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { minZoomOf, NO_FILTER, ruleAt } from '../../platform/tiles/layer-spec.ts';
import { MVT_CONTENT_TYPE } from '../../platform/tiles/serve.ts';
import { tileProblem } from '../../platform/tiles/tile-math.ts';
import { FeatureParams, MapCatalogue, MapFeature, SearchQuery, SearchResult, TileBody, TileParams, TileQuery } from './schema.ts';
import * as service from './service.ts';

const tags = ['林业一张图'];
const read = { permission: 'map.read' } as const;

/** The one map: vector tiles of every layer, layer metadata, feature lookup and search. */
export const mapRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app, deps) => {
  const { layers, tiles } = deps;

  app.get(
    '/api/tiles/:layer/:z/:x/:y.mvt',
    {
      schema: {
        tags,
        summary: '矢量切片',
        description:
          'Mapbox Vector Tile（XYZ 方案）。只含调用者辖区内的要素；低级别按图层规则简化、合并。无要素时返回 204。' +
          '支持 ETag / If-None-Match（304）与 gzip；带 Cache-Control: no-cache 的请求重新生成切片。',
        params: TileParams,
        querystring: TileQuery,
        response: responses({
          200: { description: '矢量切片', content: { [MVT_CONTENT_TYPE]: { schema: TileBody } } },
          204: Type.Null({ description: '该切片范围内没有要素' }),
          304: Type.Null({ description: '浏览器缓存的切片仍是最新' }),
        }),
      },
      config: { access: read },
    },
    async (req, reply) => {
      // Time spent before the handler (routing, sign-in check): reported with the render time in
      // Server-Timing, so the overhead of the API over the bare query can be told apart.
      const access = reply.elapsedTime;
      const { declaration, spec } = service.layerOrThrow(layers, req.params.layer);
      const tile = { z: req.params.z, x: req.params.x, y: req.params.y };
      const problem = tileProblem(tile);
      if (problem) throw new AppError('tile_invalid', { reason: problem });
      if (!ruleAt(spec, tile.z)) {
        throw new AppError('tile_invalid', { reason: `图层「${declaration.title}」只提供第 ${minZoomOf(spec)}–${spec.maxZoom} 级切片` });
      }
      const filter = declaration.tiles!.filter;
      if (req.query.plan !== undefined && !filter) throw new AppError('tile_invalid', { reason: `图层「${declaration.title}」不按网格方案区分，不接受 plan 参数` });
      const result = await tiles.serve({
        spec,
        tile,
        ctx: req.ctx,
        filter: filter ? filter(req.query) : NO_FILTER,
        acceptsGzip: /\bgzip\b/.test(req.headers['accept-encoding'] ?? ''),
        ifNoneMatch: req.headers['if-none-match'],
        noCache: /\bno-cache\b/.test(req.headers['cache-control'] ?? ''),
      });
      const timing = `access;dur=${access.toFixed(2)}, tile;dur=${(reply.elapsedTime - access).toFixed(2)}`;
      return reply.status(result.status).headers(result.headers).header('server-timing', timing).send(result.body ?? null);
    },
  );

  app.get(
    '/api/map/layers',
    {
      schema: {
        tags,
        summary: '图层目录',
        description: '地图的图层、各级别切片所带属性与图例代码、调用者辖区范围、底图与网格方案。',
        response: responses({ 200: MapCatalogue }),
      },
      config: { access: read },
    },
    (req) => service.catalogue(req.ctx, deps),
  );

  app.get(
    '/api/map/features/:layer/:id',
    {
      schema: { tags, summary: '要素详情', description: '点击地图要素时的完整属性，代码值附名称，面积以亩和公顷给出。', params: FeatureParams, response: responses({ 200: MapFeature }) },
      config: { access: read },
    },
    (req) => service.feature(req.ctx, layers, req.params.layer, req.params.id),
  );

  app.get(
    '/api/map/search',
    {
      schema: {
        tags,
        summary: '地图搜索',
        description: '按小班号（0003-012 或 12）、乡镇/村名称、网格名称或编码查找，最多 20 条，附范围以便定位。',
        querystring: SearchQuery,
        response: responses({ 200: Type.Array(SearchResult) }),
      },
      config: { access: read },
    },
    (req) => service.search(req.ctx, layers, req.query.q),
  );
};

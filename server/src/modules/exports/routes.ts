import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { attachment } from './content-disposition.ts';
import { exportFields } from '../../platform/layers/sql.ts';
import { ExportFile, ExportGeoJson, ExportLayerInfo, exportParams, exportQuery, type ExportQuery } from './schema.ts';
import * as service from './service.ts';

const tags = ['数据导出'];
const access = { permission: 'data.export' } as const;
const TYPES = {
  geojson: 'application/geo+json; charset=utf-8',
  shapefile: 'application/zip',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Exports of any declared layer as GeoJSON, zipped Shapefile or Excel. */
export const exportsRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app, { layers }) => {
  const exportable = layers.exportable;
  app.get(
    '/api/exports',
    { schema: { tags, summary: '可导出的图层', description: '每个图层的筛选条件和字段（字段名与中文名）。', response: responses({ 200: Type.Array(ExportLayerInfo) }) }, config: { access } },
    () =>
      exportable.map((l) => ({ id: l.id, title: service.exportTitle(l), filters: service.filterNames(l), fields: exportFields(l), formats: ['geojson', 'shapefile', 'xlsx'] })),
  );
  app.get(
    '/api/exports/:layer',
    {
      schema: {
        tags,
        summary: '导出图层',
        description:
          `按调用者辖区导出，可按区划（含下级）等条件筛选；文件名为中文（Content-Disposition filename*）。单次最多 ${service.MAX_EXPORT_FEATURES} 个要素。` +
          '需要 data.export 权限（林长办）；图层不支持的筛选条件返回 400，超过要素上限返回 413（too_many_features）。',
        params: exportParams(exportable),
        querystring: exportQuery(exportable),
        response: responses({
          200: {
            description: '导出文件（附件）：format=geojson 为 GeoJSON，shapefile 为 zip 压缩包，xlsx 为 Excel 工作簿',
            content: { 'application/geo+json': { schema: ExportGeoJson }, [TYPES.shapefile]: { schema: ExportFile }, [TYPES.xlsx]: { schema: ExportFile } },
          },
        }),
      },
      config: { access },
    },
    async (req, reply) => {
      const { format, ...filter } = req.query as ExportQuery;
      const layer = layers.get((req.params as { layer: string }).layer)!;
      const { job, fileName } = await service.prepareExport(req.ctx, layer, filter, format);
      reply.type(TYPES[format]).header('content-disposition', attachment(fileName));
      if (format === 'geojson') return reply.send(Readable.from(service.geojson(req.ctx, job)));
      return reply.send(format === 'shapefile' ? await service.shapefile(req.ctx, job) : await service.xlsx(req.ctx, job));
    },
  );
};

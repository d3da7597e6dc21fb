import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import { responses } from '../../platform/errors/schema.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { decodeCodeTableFile } from './code-tables.ts';
import * as codeTables from './service/code-tables.ts';
import * as referenceLayers from './service/reference-layers.ts';
import {
  CodeDomain,
  CodeTablesQuery,
  CodeTablesUploaded,
  FeatureParams,
  LayerParams,
  ReferenceFeature,
  ReferenceFeatureCollection,
  ReferenceFeatureCreate,
  ReferenceLayer,
  ReferenceLayerCreate,
  ReferenceLayerListQuery,
  ReferenceLayerUpdate,
  SubCompartmentDetail,
  SubCompartmentListQuery,
  SubCompartmentPage,
  SubCompartmentParams,
} from './schema.ts';
import * as subCompartments from './service/sub-compartments.ts';

const read = { permission: 'map.read' } as const;
const write = { permission: 'land.write' } as const;
const CODE_TABLE_MAX_BYTES = 1024 * 1024;
const CsvBody = Type.String({ description: 'UTF-8（带 BOM）CSV 文本' });

/** Code tables, sub-compartments and reference layers. */
export const landRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app, { layers }) => {
  // An edited code-table file may be sent as the raw body (text/csv) as well as a multipart upload.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'buffer', bodyLimit: CODE_TABLE_MAX_BYTES }, (_req, body, done) => done(null, body));

  const codeTags = ['代码表'];
  app.get(
    '/api/code-tables',
    {
      schema: { tags: codeTags, summary: '代码表', description: '地类、起源、优势树种等代码的名称与计算标记。全系统通用。', querystring: CodeTablesQuery, response: responses({ 200: Type.Array(CodeDomain) }) },
      config: { access: 'signed-in' },
    },
    (req) => codeTables.listDomains(req.ctx, req.query.domain),
  );
  app.get(
    '/api/code-tables.csv',
    {
      schema: {
        tags: codeTags,
        summary: '下载代码表文件',
        description: 'UTF-8（带 BOM）CSV，列为 domain,code,name,flags,sort；修改后可整表上传。任何已登录用户可调用。',
        response: responses({ 200: { description: '代码表 CSV 文件（附件 代码表.csv）', content: { 'text/csv': { schema: CsvBody } } } }),
      },
      config: { access: 'signed-in' },
    },
    async (req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="code-tables.csv"; filename*=UTF-8''${encodeURIComponent('代码表.csv')}`)
        .send(await codeTables.downloadCsv(req.ctx)),
  );
  app.put(
    '/api/code-tables',
    {
      schema: {
        tags: codeTags,
        summary: '上传代码表文件',
        description:
          '请求体为 CSV（Content-Type: text/csv），或 multipart/form-data 的 file 字段。文件中出现的代码表整表替换，未出现的保持不变。' +
          '每一行错误都会带行号列出（details.errors）。仍被任一县（区）的小班或重点区域使用的代码不能删除。代码表全系统通用：需要 land.write 权限，且管辖范围包含本系统的全部县（区）（单县系统即该县的林长办），否则 403 county_scope_required，details.reason 说明缺哪些县（区）。',
        response: responses({ 200: CodeTablesUploaded }),
      },
      config: { access: write, uploadLimit: CODE_TABLE_MAX_BYTES },
    },
    async (req) => {
      let bytes: Buffer;
      if (req.isMultipart()) {
        const part = await req.file({ limits: { fileSize: CODE_TABLE_MAX_BYTES } });
        if (!part) throw new AppError('upload_missing');
        bytes = await part.toBuffer();
      } else if (Buffer.isBuffer(req.body)) {
        bytes = req.body;
      } else {
        throw new AppError('unsupported_media_type', { type: '请以 text/csv 或 multipart/form-data 上传代码表文件' });
      }
      if (bytes.length === 0) throw new AppError('upload_missing');
      return codeTables.upload(req.ctx, layers, decodeCodeTableFile(bytes));
    },
  );

  const scTags = ['小班'];
  app.get(
    '/api/sub-compartments',
    {
      schema: {
        tags: scTags,
        summary: '小班列表',
        description: '按区划（含下级）、地类、优势树种、林班号、小班号筛选，分页。代码值附名称，面积为公顷和亩。',
        querystring: SubCompartmentListQuery,
        response: responses({ 200: SubCompartmentPage }),
      },
      config: { access: read },
    },
    (req) => subCompartments.listSubCompartments(req.ctx, req.query),
  );
  app.get(
    '/api/sub-compartments/:id',
    { schema: { tags: scTags, summary: '小班详情', description: '全部属性（代码附名称）与 GeoJSON 图形。', params: SubCompartmentParams, response: responses({ 200: SubCompartmentDetail }) }, config: { access: read } },
    (req) => subCompartments.getSubCompartment(req.ctx, req.params.id),
  );

  const refTags = ['参考图层'];
  app.get(
    '/api/reference-layers',
    { schema: { tags: refTags, summary: '参考图层列表', description: '自然保护地、林场等参考图层。', querystring: ReferenceLayerListQuery, response: responses({ 200: Type.Array(ReferenceLayer) }) }, config: { access: read } },
    (req) => referenceLayers.listLayers(req.ctx, req.query),
  );
  app.post(
    '/api/reference-layers',
    {
      schema: {
        tags: refTags,
        summary: '新建参考图层',
        description: '在辖区内的某个区划下新建一个（空的）参考图层，要素另行添加。需要 land.write 权限（林长办）；区划在辖区外返回 403，同一区划已有同名图层返回 409。',
        body: ReferenceLayerCreate,
        response: responses({ 201: ReferenceLayer }),
      },
      config: { access: write },
    },
    async (req, reply) => reply.status(201).send(await referenceLayers.createLayer(req.ctx, req.body)),
  );
  app.get(
    '/api/reference-layers/:id',
    {
      schema: {
        tags: refTags,
        summary: '参考图层详情',
        description: '一个参考图层的名称、类型、说明与要素数。需要 map.read 权限；图层不存在或不在辖区内返回 404。',
        params: LayerParams,
        response: responses({ 200: ReferenceLayer }),
      },
      config: { access: read },
    },
    (req) => referenceLayers.getLayer(req.ctx, req.params.id),
  );
  app.patch(
    '/api/reference-layers/:id',
    {
      schema: {
        tags: refTags,
        summary: '修改参考图层',
        description: '修改名称、类型或说明（只改提交的字段）。需要 land.write 权限；图层不存在或不在辖区内返回 404，同一区划已有同名图层返回 409。',
        params: LayerParams,
        body: ReferenceLayerUpdate,
        response: responses({ 200: ReferenceLayer }),
      },
      config: { access: write },
    },
    (req) => referenceLayers.updateLayer(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/reference-layers/:id',
    { schema: { tags: refTags, summary: '删除参考图层', description: '连同其全部要素。', params: LayerParams, response: responses({ 204: Type.Null() }) }, config: { access: write } },
    async (req, reply) => {
      await referenceLayers.deleteLayer(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/reference-layers/:id/features',
    { schema: { tags: refTags, summary: '参考图层要素', description: 'GeoJSON FeatureCollection。', params: LayerParams, response: responses({ 200: ReferenceFeatureCollection }) }, config: { access: read } },
    (req) => referenceLayers.listFeatures(req.ctx, req.params.id),
  );
  app.post(
    '/api/reference-layers/:id/features',
    {
      schema: {
        tags: refTags,
        summary: '添加参考要素',
        description:
          '向图层添加一个点、线或面要素，要素归属图层的区划；轻微自相交的面会自动修复（properties.repaired 为 true）。需要 land.write 权限；图层不存在或不在辖区内返回 404，图形无效或不在中国范围内返回 400。',
        params: LayerParams,
        body: ReferenceFeatureCreate,
        response: responses({ 201: ReferenceFeature }),
      },
      config: { access: write },
    },
    async (req, reply) => reply.status(201).send(await referenceLayers.addFeature(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/reference-layers/:id/features/:featureId',
    {
      schema: {
        tags: refTags,
        summary: '删除参考要素',
        description: '从图层删除一个要素，成功返回 204。需要 land.write 权限；要素不在该图层、不存在或不在辖区内返回 404。',
        params: FeatureParams,
        response: responses({ 204: Type.Null({ description: '已删除' }) }),
      },
      config: { access: write },
    },
    async (req, reply) => {
      await referenceLayers.deleteFeature(req.ctx, req.params.id, req.params.featureId);
      return reply.status(204).send(null);
    },
  );
};

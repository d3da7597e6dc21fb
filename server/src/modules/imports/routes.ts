import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { AppError } from '../../platform/errors/app-error.ts';
import { responses } from '../../platform/errors/schema.ts';
import { formatBytes } from '../../platform/files/store.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import { type ImportsDeps, writerContext } from './access.ts';
import { CRS_CHOICES } from './crs.ts';
import * as presets from './presets.ts';
import {
  ImportJob,
  ImportJobSummary,
  JobListQuery,
  JobParams,
  OptionsPatch,
  Preset,
  PresetCreate,
  PresetListQuery,
  PresetParams,
  Projection,
  TargetInfo,
  UploadFields,
} from './schema.ts';
import * as service from './service.ts';
import { IMPORT_TARGETS, TARGETS } from './targets.ts';
import type { ImportTarget } from './tables.ts';
import { importKind } from './worker.ts';

const tags = ['数据导入'];
/** Routes are open to signed-in users; each call checks the permission of the layer it imports into (access.ts). */
const signedIn = 'signed-in' as const;
/** Multipart framing around the file: a request declaring more than the limit plus this is refused before reading it. */
const FRAMING_BYTES = 64 * 1024;


/** Imports of GIS files as background jobs: upload, inspect, map columns, run, report. */
export const importsRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app, { config, files, jobs }) => {
  jobs.register(importKind({ files, config }));
  const deps: ImportsDeps = { files, config, jobs };
  const maxBytes = config.uploads.maxBytes;

  app.post(
    '/api/imports',
    {
      schema: {
        tags,
        summary: '上传文件并检查',
        description:
          'multipart/form-data：字段 target（导入目标）、regionCode（导入到的区划），以及文件 file。支持 Shapefile 压缩包（.zip，含 .shp/.shx/.dbf/.prj/.cpg）、' +
          `GeoJSON、KML、KMZ、GPX；大小不超过 ${formatBytes(maxBytes)}，要素不超过 ${config.uploads.maxFeatures} 个。` +
          '返回的任务含检查结果（图层、字段与样例值、坐标系、编码、建议的字段映射、可用预设）和还需用户决定的事项（missing）。' +
          '权限：小班、参考图层需 land.write；网格、重点区域、重点线路需 grids.write；林长责任区域需 people.write（与绘制相同）。',
        consumes: ['multipart/form-data'],
        response: responses({ 201: ImportJob }),
      },
      config: { access: signedIn, uploadLimit: maxBytes },
    },
    async (req, reply) => {
      if (Number(req.headers['content-length'] ?? 0) > maxBytes + FRAMING_BYTES) throw new AppError('payload_too_large', { limit: formatBytes(maxBytes) });
      if (!req.isMultipart()) throw new AppError('unsupported_media_type', { type: '请以 multipart/form-data 上传文件（字段 file）' });
      const fields: Record<string, string> = {};
      let upload: { fileName: string; stored: { sha256: string; size: number; path: string } } | undefined;
      try {
        for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1 } })) {
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
            continue;
          }
          // Refuse before storing when the fields came first and already say no.
          const early = checkFields(fields, true);
          if (early) writerContext(req.ctx, early.target);
          upload = { fileName: part.filename || 'upload', stored: await files.put(part.file, maxBytes) };
        }
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', { limit: formatBytes(maxBytes) });
        if (code === 'FST_FILES_LIMIT') throw new AppError('malformed_request', { reason: '一次只能上传一个文件' });
        throw error;
      }
      if (!upload) throw new AppError('upload_missing');
      const input = checkFields(fields, false)!;
      return reply.status(201).send(await service.createJob(req.ctx, deps, { ...input, ...upload }));
    },
  );

  app.get(
    '/api/imports',
    { schema: { tags, summary: '最近的导入任务', description: '调用者辖区内、其有权导入的图层的任务，新的在前。', querystring: JobListQuery, response: responses({ 200: Type.Array(ImportJobSummary) }) }, config: { access: signedIn } },
    (req) => service.listJobs(req.ctx, req.query),
  );
  app.get(
    '/api/imports/projections',
    { schema: { tags, summary: '可选的坐标系', description: '文件没有 .prj 或坐标系无法识别时供用户选择。', response: responses({ 200: Type.Array(Projection) }) }, config: { access: signedIn } },
    async () => CRS_CHOICES.map((c) => ({ code: c.code, name: c.name, geographic: c.geographic })),
  );
  app.get(
    '/api/imports/targets',
    {
      schema: {
        tags,
        summary: '导入目标及其字段',
        description: '可导入的图层（小班、网格、重点区域、重点线路、责任区域、参考图层），各自所需的权限、还需选择的选项与字段（字段映射的取值）。任何已登录用户可调用。',
        response: responses({ 200: Type.Array(TargetInfo) }),
      },
      config: { access: signedIn },
    },
    async () =>
      IMPORT_TARGETS.map((t) => {
        const spec = TARGETS[t];
        return {
          target: t,
          label: spec.label,
          permission: spec.permission,
          shape: spec.shape,
          naturalKey: [...spec.naturalKey],
          options: [...spec.options],
          fields: spec.fields.map((f) => ({ name: f.name, label: f.label, type: f.kind.type, ...(f.kind.type === 'code' ? { domain: f.kind.domain } : {}), required: f.required ?? false })),
        };
      }),
  );
  app.get(
    '/api/imports/:id',
    { schema: { tags, summary: '导入任务详情', description: '状态、进度、检查结果、选择与报告（含未导入的行及原因）。', params: JobParams, response: responses({ 200: ImportJob }) }, config: { access: signedIn } },
    (req) => service.getJob(req.ctx, req.params.id),
  );
  app.patch(
    '/api/imports/:id',
    {
      schema: {
        tags,
        summary: '修改导入选项',
        description:
          '坐标系、编码、GCJ-02、字段映射、值对照、数据集名称，及网格方案 planId / 林长职务 postId / 参考图层名 layerName / 重点区域类型 kind。' +
          '只能在开始前修改。改选图层或编码会重新读取文件，字段映射随之恢复为新的建议。',
        params: JobParams,
        body: OptionsPatch,
        response: responses({ 200: ImportJob }),
      },
      config: { access: signedIn },
    },
    (req) => service.changeOptions(req.ctx, deps, req.params.id, req.body),
  );
  app.post(
    '/api/imports/:id/start',
    { schema: { tags, summary: '开始导入', description: '在后台运行；用 GET /api/imports/:id 查看进度和报告。还缺选择时返回该选择对应的错误。', params: JobParams, response: responses({ 200: ImportJob }) }, config: { access: signedIn } },
    (req) => service.startJob(req.ctx, deps, req.params.id),
  );
  app.post(
    '/api/imports/:id/cancel',
    { schema: { tags, summary: '取消导入', description: '未开始的立即取消；进行中的在下一个检查点停止，不写入任何数据。', params: JobParams, response: responses({ 200: ImportJob }) }, config: { access: signedIn } },
    (req) => service.cancelJob(req.ctx, deps, req.params.id),
  );

  app.get(
    '/api/import-presets',
    {
      schema: {
        tags,
        summary: '字段映射预设',
        description: '调用者辖区及其上级区划保存的字段映射预设，按区划、名称排序。需要可导入的任一图层的写权限（land.write、grids.write 或 people.write），否则返回 403。',
        querystring: PresetListQuery,
        response: responses({ 200: Type.Array(Preset) }),
      },
      config: { access: signedIn },
    },
    (req) => presets.listPresets(req.ctx, req.query.target),
  );
  app.post(
    '/api/import-presets',
    { schema: { tags, summary: '保存字段映射预设', description: '下级区划的用户也能使用。', body: PresetCreate, response: responses({ 201: Preset }) }, config: { access: signedIn } },
    async (req, reply) => reply.status(201).send(await presets.createPreset(req.ctx, req.body)),
  );
  app.delete(
    '/api/import-presets/:id',
    {
      schema: {
        tags,
        summary: '删除字段映射预设',
        description: '删除本辖区保存的预设，成功返回 204；需要该预设导入目标所需的权限。预设不存在或不可见返回 404，上级区划的预设（可见但不属于调用者）返回 403。',
        params: PresetParams,
        response: responses({ 204: Type.Null({ description: '已删除' }) }),
      },
      config: { access: signedIn },
    },
    async (req, reply) => {
      await presets.deletePreset(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};

/** The form fields beside the file; `partial` tolerates fields not yet received. */
function checkFields(fields: Record<string, string>, partial: boolean): { target: ImportTarget; regionCode: string } | undefined {
  if (partial && (fields.target === undefined || fields.regionCode === undefined)) return undefined;
  if (!Value.Check(UploadFields, fields)) {
    const summary = [...Value.Errors(UploadFields, fields)].map((e) => `${e.instancePath.slice(1) || '表单'}：${e.message}`).join('；');
    throw new AppError('validation_failed', { summary });
  }
  return fields;
}

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import { responses } from '../../platform/errors/schema.ts';
import { sniffImage, type FileStore } from '../../platform/files/store.ts';
import {
  IdParams,
  Person,
  PersonCreate,
  PersonListQuery,
  PersonPage,
  PersonUpdate,
  Post,
  PostCreate,
  PostEnd,
  PostListQuery,
  PostPage,
  PostType,
  PostUpdate,
} from './schema.ts';
import * as service from './service.ts';

const tags = ['人员与职务'];
const read = { permission: 'people.read' } as const;
const write = { permission: 'people.write' } as const;
const PHOTO_MAX_BYTES = 5 * 1024 * 1024;

export const peopleRoutes: FastifyPluginAsyncTypebox<{ files: FileStore }> = async (app, { files }) => {
  app.get(
    '/api/post-types',
    { schema: { tags, summary: '职务类型', response: responses({ 200: Type.Array(PostType) }) }, config: { access: 'signed-in' } },
    (req) => service.postTypes(req.ctx),
  );

  app.get(
    '/api/persons',
    { schema: { tags, summary: '人员列表', description: '仅列出调用者辖区内的人员。', querystring: PersonListQuery, response: responses({ 200: PersonPage }) }, config: { access: read } },
    (req) => service.listPersons(req.ctx, req.query),
  );
  app.post(
    '/api/persons',
    { schema: { tags, summary: '新增人员', body: PersonCreate, response: responses({ 201: Person }) }, config: { access: write } },
    async (req, reply) => reply.status(201).send(await service.createPerson(req.ctx, req.body)),
  );
  app.get(
    '/api/persons/:id',
    { schema: { tags, summary: '人员详情', params: IdParams, response: responses({ 200: Person }) }, config: { access: read } },
    (req) => service.getPerson(req.ctx, req.params.id),
  );
  app.patch(
    '/api/persons/:id',
    { schema: { tags, summary: '修改人员信息', params: IdParams, body: PersonUpdate, response: responses({ 200: Person }) }, config: { access: write } },
    (req) => service.updatePerson(req.ctx, req.params.id, req.body),
  );

  app.put(
    '/api/persons/:id/photo',
    {
      schema: { tags, summary: '上传人员照片', description: 'multipart/form-data，字段 file，JPEG 或 PNG，不超过 5 MB。', params: IdParams, response: responses({ 200: Person }) },
      config: { access: write },
    },
    async (req) => {
      const part = await req.file({ limits: { fileSize: PHOTO_MAX_BYTES } });
      if (!part) throw new AppError('upload_missing');
      const stored = await files.put(part.file, PHOTO_MAX_BYTES);
      if (!(await sniffImage(stored.path))) throw new AppError('unsupported_media_type', { type: '仅支持 JPEG 或 PNG 照片' });
      return service.updatePerson(req.ctx, req.params.id, { photoSha256: stored.sha256 });
    },
  );
  app.get(
    '/api/persons/:id/photo',
    { schema: { tags, summary: '人员照片', params: IdParams }, config: { access: read } },
    async (req, reply) => {
      const sha256 = await service.photoOf(req.ctx, req.params.id);
      const type = (await sniffImage(files.pathOf(sha256))) ?? 'application/octet-stream';
      return reply.type(type).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(files.read(sha256));
    },
  );

  app.get(
    '/api/persons/:id/posts',
    { schema: { tags, summary: '任职履历', description: '含已离任的职务，按任职日期倒序。', params: IdParams, response: responses({ 200: Type.Array(Post) }) }, config: { access: read } },
    (req) => service.postsOfPerson(req.ctx, req.params.id),
  );
  app.post(
    '/api/persons/:id/posts',
    { schema: { tags, summary: '任命职务', params: IdParams, body: PostCreate, response: responses({ 201: Post }) }, config: { access: write } },
    async (req, reply) => reply.status(201).send(await service.appoint(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/posts',
    { schema: { tags, summary: '职务列表', querystring: PostListQuery, response: responses({ 200: PostPage }) }, config: { access: read } },
    (req) => service.listPosts(req.ctx, req.query),
  );
  app.get(
    '/api/posts/:id',
    { schema: { tags, summary: '职务详情', params: IdParams, response: responses({ 200: Post }) }, config: { access: read } },
    (req) => service.getPost(req.ctx, req.params.id),
  );
  app.patch(
    '/api/posts/:id',
    { schema: { tags, summary: '修改职务', params: IdParams, body: PostUpdate, response: responses({ 200: Post }) }, config: { access: write } },
    (req) => service.updatePost(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/posts/:id/end',
    { schema: { tags, summary: '离任', description: '职务记录保留，写明最后任职日期与原因。', params: IdParams, body: PostEnd, response: responses({ 200: Post }) }, config: { access: write } },
    (req) => service.endPost(req.ctx, req.params.id, req.body),
  );
};

import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import { responses } from '../../platform/errors/schema.ts';
import { sniffImage } from '../../platform/files/store.ts';
import type { ModuleDeps } from '../../platform/module.ts';
import {
  Person,
  PersonIdParams,
  PersonCreate,
  PersonListQuery,
  PersonPage,
  PersonUpdate,
  Post,
  PostCreate,
  PostEnd,
  PostIdParams,
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
const PhotoBody = Type.Unsafe<Readable>({ type: 'string', format: 'binary', description: '照片的原始字节' });

export const peopleRoutes: FastifyPluginAsyncTypebox<ModuleDeps> = async (app, { files }) => {
  app.get(
    '/api/post-types',
    {
      schema: {
        tags,
        summary: '职务类型',
        description: '全部职务类型（总林长、林长、林长办管理员、护林员等）及各自的权限，任命职务时用其代码。任何已登录用户可调用。',
        response: responses({ 200: Type.Array(PostType) }),
      },
      config: { access: 'signed-in' },
    },
    (req) => service.postTypes(req.ctx),
  );

  app.get(
    '/api/persons',
    { schema: { tags, summary: '人员列表', description: '仅列出调用者辖区内的人员。', querystring: PersonListQuery, response: responses({ 200: PersonPage }) }, config: { access: read } },
    (req) => service.listPersons(req.ctx, req.query),
  );
  app.post(
    '/api/persons',
    {
      schema: {
        tags,
        summary: '新增人员',
        description:
          '在调用者辖区内的某个区划下建立人员记录（职务另行任命）。需要 people.write 权限（林长办）；区划在辖区外返回 403，手机号已被使用返回 409。',
        body: PersonCreate,
        response: responses({ 201: Person }),
      },
      config: { access: write },
    },
    async (req, reply) => reply.status(201).send(await service.createPerson(req.ctx, req.body)),
  );
  app.get(
    '/api/persons/:id',
    {
      schema: {
        tags,
        summary: '人员详情',
        description: '一个人员的信息与今天在任的职务。需要 people.read 权限；人员不存在或不在辖区内返回 404。',
        params: PersonIdParams,
        response: responses({ 200: Person }),
      },
      config: { access: read },
    },
    (req) => service.getPerson(req.ctx, req.params.id),
  );
  app.patch(
    '/api/persons/:id',
    {
      schema: {
        tags,
        summary: '修改人员信息',
        description:
          '只改提交的字段（至少一项）。需要 people.write 权限；人员不在辖区内返回 404，改到辖区外的区划返回 403，手机号已被使用返回 409。',
        params: PersonIdParams,
        body: PersonUpdate,
        response: responses({ 200: Person }),
      },
      config: { access: write },
    },
    (req) => service.updatePerson(req.ctx, req.params.id, req.body),
  );

  app.put(
    '/api/persons/:id/photo',
    {
      schema: { tags, summary: '上传人员照片', description: 'multipart/form-data，字段 file，JPEG 或 PNG，不超过 5 MB。', params: PersonIdParams, response: responses({ 200: Person }) },
      config: { access: write, uploadLimit: PHOTO_MAX_BYTES },
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
    {
      schema: {
        tags,
        summary: '人员照片',
        description: '上传的照片原样返回（JPEG 或 PNG）。需要 people.read 权限；人员不在辖区内或没有照片返回 404。',
        params: PersonIdParams,
        response: responses({ 200: { description: '照片文件', content: { 'image/jpeg': { schema: PhotoBody }, 'image/png': { schema: PhotoBody } } } }),
      },
      config: { access: read },
    },
    async (req, reply) => {
      const sha256 = await service.photoOf(req.ctx, req.params.id);
      const type = (await sniffImage(files.pathOf(sha256))) ?? 'application/octet-stream';
      return reply.type(type).header('cache-control', 'private, max-age=3600').header('x-content-type-options', 'nosniff').send(files.read(sha256));
    },
  );

  app.get(
    '/api/persons/:id/posts',
    { schema: { tags, summary: '任职履历', description: '含已离任的职务，按任职日期倒序。', params: PersonIdParams, response: responses({ 200: Type.Array(Post) }) }, config: { access: read } },
    (req) => service.postsOfPerson(req.ctx, req.params.id),
  );
  app.post(
    '/api/persons/:id/posts',
    {
      schema: {
        tags,
        summary: '任命职务',
        description:
          '为人员任命一个职务，权限随即生效。需要 people.write 权限；人员不在辖区内返回 404，任职区划在辖区外返回 403，职务类型不存在返回 400，同一人员在同一区划已有同类在任职务返回 409；护林员须填 rangerKind、联络员须填 department，否则返回 400。',
        params: PersonIdParams,
        body: PostCreate,
        response: responses({ 201: Post }),
      },
      config: { access: write },
    },
    async (req, reply) => reply.status(201).send(await service.appoint(req.ctx, req.params.id, req.body)),
  );

  app.get(
    '/api/posts',
    {
      schema: {
        tags,
        summary: '职务列表',
        description: '调用者辖区内的职务（含已离任的），可按区划、职务类型、是否在任筛选，分页返回。需要 people.read 权限。',
        querystring: PostListQuery,
        response: responses({ 200: PostPage }),
      },
      config: { access: read },
    },
    (req) => service.listPosts(req.ctx, req.query),
  );
  app.get(
    '/api/posts/:id',
    {
      schema: {
        tags,
        summary: '职务详情',
        description: '一条职务记录（在任或已离任）。需要 people.read 权限；职务不存在或不在辖区内返回 404。',
        params: PostIdParams,
        response: responses({ 200: Post }),
      },
      config: { access: read },
    },
    (req) => service.getPost(req.ctx, req.params.id),
  );
  app.patch(
    '/api/posts/:id',
    {
      schema: {
        tags,
        summary: '修改职务',
        description:
          '修改职务名称、责任区域、护林员类别、协作单位或任职日期（只改提交的字段）；离任请用 POST /api/posts/{id}/end。需要 people.write 权限；职务不在辖区内返回 404，违反职务规则返回 400。',
        params: PostIdParams,
        body: PostUpdate,
        response: responses({ 200: Post }),
      },
      config: { access: write },
    },
    (req) => service.updatePost(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/posts/:id/end',
    { schema: { tags, summary: '离任', description: '职务记录保留，写明最后任职日期与原因。', params: PostIdParams, body: PostEnd, response: responses({ 200: Post }) }, config: { access: write } },
    (req) => service.endPost(req.ctx, req.params.id, req.body),
  );
};

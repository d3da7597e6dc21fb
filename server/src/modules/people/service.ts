import type { Context } from '../../platform/context.ts';
import { afterCommit, auditAs, type Tx } from '../../db/scoped.ts';
import { sessionCache } from '../../platform/auth/session-cache.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import * as repo from './repository.ts';
import type { Person, PersonCreate, PersonListQuery, PersonUpdate, Post, PostCreate, PostListQuery, PostUpdate } from './schema.ts';

/** A post change changes its holder's rights: their cached sessions must be read afresh. */
function rightsChanged(tx: Tx, personId: number) {
  sessionCache.forgetPerson(personId);
  afterCommit(tx, () => sessionCache.forgetPerson(personId));
}

const toPerson = (r: repo.PersonRow): Person => ({
  id: r.id,
  regionCode: r.region_code,
  regionName: r.region_name,
  name: r.name,
  phone: r.phone,
  idCardLast4: r.id_card_last4,
  hasPhoto: r.photo_sha256 !== null,
  activePosts: r.active_posts,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const toPost = (r: repo.PostRow): Post => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  postType: r.post_type,
  postTypeName: r.post_type_name,
  regionCode: r.region_code,
  regionName: r.region_name,
  title: r.title,
  responsibilityArea: r.responsibility_area,
  rangerKind: r.ranger_kind,
  department: r.department,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  endReason: r.end_reason,
  active: r.active,
});

export async function listPersons(ctx: Context, query: PersonListQuery) {
  const { rows, total } = await ctx.run((tx) =>
    repo.listPersons(tx, { ...query, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
  );
  return { items: rows.map(toPerson), total };
}

export async function getPerson(ctx: Context, id: number): Promise<Person> {
  const row = await ctx.run((tx) => repo.findPerson(tx, id));
  if (!row) throw notFound('人员', id);
  return toPerson(row);
}

export async function photoOf(ctx: Context, id: number): Promise<string> {
  const row = await ctx.run((tx) => repo.findPerson(tx, id));
  if (!row?.photo_sha256) throw notFound('人员照片', id);
  return row.photo_sha256;
}

export async function createPerson(ctx: Context, input: PersonCreate): Promise<Person> {
  return ctx.run(async (tx) => {
    const id = await repo.insertPerson(tx, { regionCode: input.regionCode, name: input.name, phone: input.phone ?? null, idCardLast4: input.idCardLast4 ?? null });
    return toPerson((await repo.findPerson(tx, id))!);
  });
}

export async function updatePerson(ctx: Context, id: number, changes: PersonUpdate & { photoSha256?: string }): Promise<Person> {
  return ctx.run(async (tx) => {
    if (!(await repo.updatePerson(tx, id, changes))) throw notFound('人员', id);
    return toPerson((await repo.findPerson(tx, id))!);
  });
}

export async function postsOfPerson(ctx: Context, personId: number): Promise<Post[]> {
  return ctx.run(async (tx) => {
    if (!(await repo.findPerson(tx, personId))) throw notFound('人员', personId);
    return (await repo.postsOfPerson(tx, personId)).map(toPost);
  });
}

export async function listPosts(ctx: Context, query: PostListQuery) {
  const { rows, total } = await ctx.run((tx) => repo.listPosts(tx, { ...query, limit: query.pageSize, offset: (query.page - 1) * query.pageSize }));
  return { items: rows.map(toPost), total };
}

export async function getPost(ctx: Context, id: number): Promise<Post> {
  const row = await ctx.run((tx) => repo.findPost(tx, id));
  if (!row) throw notFound('职务', id);
  return toPost(row);
}

/** Appoints a person to a post in the caller's scope; the post's region must be inside it too. */
export async function appoint(ctx: Context, personId: number, input: PostCreate): Promise<Post> {
  return ctx.run(async (tx) => {
    if (!(await repo.findPerson(tx, personId))) throw notFound('人员', personId);
    if (!(await repo.postTypeExists(tx, input.postType))) throw new AppError('reference_missing', { field: '职务类型' });
    await auditAs(tx, 'post.appoint');
    rightsChanged(tx, personId);
    const [id] = await repo.insertPosts(tx, [
      {
        personId,
        postType: input.postType,
        regionCode: input.regionCode,
        title: input.title ?? null,
        responsibilityArea: input.responsibilityArea ?? null,
        rangerKind: input.rangerKind ?? null,
        department: input.department ?? null,
        startsOn: input.startsOn,
      },
    ]);
    return toPost((await repo.findPost(tx, id!))!);
  });
}

export async function updatePost(ctx: Context, id: number, changes: PostUpdate): Promise<Post> {
  return ctx.run(async (tx) => {
    if (!(await repo.updatePost(tx, id, changes))) throw notFound('职务', id);
    const post = (await repo.findPost(tx, id))!;
    rightsChanged(tx, post.person_id);
    return toPost(post);
  });
}

/** Ends a post: the record stays, with its last day and reason, so rotations keep their history. */
export async function endPost(ctx: Context, id: number, input: { endsOn: string; reason: string }): Promise<Post> {
  return ctx.run(async (tx) => {
    const post = await repo.findPost(tx, id);
    if (!post) throw notFound('职务', id);
    if (post.ends_on !== null) throw new AppError('state_conflict', { reason: `该职务已于 ${post.ends_on} 离任` });
    if (input.endsOn < post.starts_on) throw new AppError('invalid_value', { reason: `离任日期不能早于任职日期 ${post.starts_on}` });
    await auditAs(tx, 'post.end');
    await repo.updatePost(tx, id, { endsOn: input.endsOn, endReason: input.reason });
    rightsChanged(tx, post.person_id);
    return toPost((await repo.findPost(tx, id))!);
  });
}

export async function postTypes(ctx: Context) {
  const rows = await ctx.run((tx) => repo.listPostTypes(tx));
  return rows.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en, category: r.category, permissions: r.permissions }));
}

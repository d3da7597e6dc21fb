import type { Tx } from '../../db/scoped.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { area } from '../land/geojson.ts';
import { checkInRegion, prepareGeometry, type PreparedGeometry } from '../land/geometry.ts';
import * as repo from './repository.ts';
import type { ResponsibilityArea, ResponsibilityAreaCreate, ResponsibilityAreaListQuery, ResponsibilityAreaUpdate } from './schema.ts';

/**
 * 责任区域: the land a chief answers for, one or more polygons per chief's post. An area belongs to
 * its post's region, so it is seen (and its resource list computed) wherever the post is.
 */

const toArea = (r: repo.AreaRow, repaired?: boolean): ResponsibilityArea => ({
  id: r.id,
  postId: r.post_id,
  regionCode: r.region_code,
  regionName: r.region_name,
  name: r.name,
  area: area(r.area_ha),
  chief: { personId: r.person_id, name: r.person_name, postType: r.post_type, postTypeName: r.post_type_name, title: r.title, active: r.active },
  dataset: r.dataset,
  updatedAt: new Date(r.updated_at).toISOString(),
  ...(r.geometry ? { geometry: r.geometry } : {}),
  ...(repaired === undefined ? {} : { repaired }),
});

async function requireArea(tx: Tx, id: number): Promise<repo.AreaRow> {
  const row = await repo.findArea(tx, id);
  if (!row) throw notFound('责任区域', id);
  return row;
}

export async function listAreas(ctx: Context, q: ResponsibilityAreaListQuery): Promise<ResponsibilityArea[]> {
  return (await ctx.run((tx) => repo.listAreas(tx, q))).map((r) => toArea(r));
}

export async function getArea(ctx: Context, id: number): Promise<ResponsibilityArea> {
  return toArea(await ctx.run((tx) => requireArea(tx, id)));
}

/** Only a chief's post held today may be given an area; the area is filed under the post's region. */
async function chiefPost(tx: Tx, postId: number): Promise<repo.PostRow> {
  const post = await repo.findPost(tx, postId);
  if (!post) throw new AppError('reference_missing', { field: '林长职务' });
  if (post.category !== 'chief') throw new AppError('invalid_value', { reason: `${post.name}的该职务不是林长，只有总林长、副总林长和林长有责任区域` });
  if (!post.active) throw new AppError('invalid_value', { reason: `${post.name}的该林长职务今天不在任` });
  return post;
}

export async function createArea(ctx: Context, input: ResponsibilityAreaCreate): Promise<ResponsibilityArea> {
  return ctx.run(async (tx) => {
    const post = await chiefPost(tx, input.postId);
    const g = await prepareGeometry(tx, input.geometry, 'polygon');
    await checkInRegion(tx, g, post.region_code);
    const id = await repo.insertArea(tx, { postId: input.postId, regionCode: post.region_code, name: input.name.trim(), geometry: g });
    return toArea(await requireArea(tx, id), g.repaired);
  });
}

export async function updateArea(ctx: Context, id: number, changes: ResponsibilityAreaUpdate): Promise<ResponsibilityArea> {
  return ctx.run(async (tx) => {
    const current = await requireArea(tx, id);
    let geometry: PreparedGeometry | undefined;
    if (changes.geometry !== undefined) {
      geometry = await prepareGeometry(tx, changes.geometry, 'polygon');
      await checkInRegion(tx, geometry, current.region_code);
    }
    const updated = await repo.updateArea(tx, id, { ...(changes.name !== undefined ? { name: changes.name.trim() } : {}), ...(geometry ? { geometry } : {}) });
    if (!updated) throw new AppError('out_of_scope');
    return toArea(await requireArea(tx, id), geometry?.repaired);
  });
}

export async function deleteArea(ctx: Context, id: number): Promise<void> {
  await ctx.run(async (tx) => {
    if (!(await repo.deleteArea(tx, id))) throw notFound('责任区域', id);
  });
}

import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { Context } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors/app-error.ts';
import { area } from '../land/geojson.ts';
import { checkInRegion, multiSql, prepareGeometry } from '../land/geometry.ts';
import { subtreePrefix } from '../../platform/scope/regions.ts';
import type { ResponsibilityAreaCreate, ResponsibilityAreaListQuery, ResponsibilityAreaUpdate } from './schema.ts';

/**
 * 责任区域: the land a chief answers for, one or more polygons per chief's post. An area belongs to
 * its post's region, so it is seen (and its resource list computed) wherever the post is.
 */

interface AreaRow {
  id: number;
  post_id: number;
  region_code: string;
  region_name: string;
  name: string;
  area_ha: number;
  person_id: number;
  person_name: string;
  post_type: string;
  post_type_name: string;
  title: string | null;
  active: boolean;
  dataset: string | null;
  updated_at: Date;
  geometry?: Record<string, unknown>;
}

const select = (withGeometry: boolean) => sql`
  a.id, a.post_id, a.region_code, r.name as region_name, a.name, a.area_ha, po.person_id, pe.name as person_name,
  po.post_type, pt.name_zh as post_type_name, po.title, a.dataset, a.updated_at,
  po.starts_on <= lz_today() and (po.ends_on is null or po.ends_on >= lz_today()) as active
  ${withGeometry ? sql`, st_asgeojson(a.geom, 7)::json as geometry` : sql``}`;

const from = sql`
  responsibility_areas a
  join regions r on r.code = a.region_code
  join posts po on po.id = a.post_id
  join persons pe on pe.id = po.person_id
  join post_types pt on pt.code = po.post_type`;

const toArea = (r: AreaRow, repaired?: boolean) => ({
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

async function findArea(tx: Tx, id: number): Promise<AreaRow | undefined> {
  const { rows } = await sql<AreaRow>`select ${select(true)} from ${from} where a.id = ${id}`.execute(tx);
  return rows[0];
}

export async function listAreas(ctx: Context, q: ResponsibilityAreaListQuery) {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (q.regionCode) conditions.push(sql`a.region_code like ${`${subtreePrefix(q.regionCode)}%`}`);
  if (q.postId) conditions.push(sql`a.post_id = ${q.postId}`);
  const rows = await ctx.run(async (tx) => {
    const { rows } = await sql<AreaRow>`
      select ${select(q.includeGeometry ?? false)} from ${from} where ${sql.join(conditions, sql` and `)}
       order by a.region_code, pt.sort, a.post_id, a.id`.execute(tx);
    return rows;
  });
  return rows.map((r) => toArea(r));
}

export async function getArea(ctx: Context, id: number) {
  const row = await ctx.run((tx) => findArea(tx, id));
  if (!row) throw notFound('责任区域', id);
  return toArea(row);
}

/** Only a chief's post held today may be given an area; the area is filed under the post's region. */
async function chiefPost(tx: Tx, postId: number): Promise<{ region_code: string }> {
  const { rows } = await sql<{ region_code: string; category: string; name: string; active: boolean }>`
    select po.region_code, pt.category, pe.name,
           po.starts_on <= lz_today() and (po.ends_on is null or po.ends_on >= lz_today()) as active
      from posts po join post_types pt on pt.code = po.post_type join persons pe on pe.id = po.person_id
     where po.id = ${postId}`.execute(tx);
  const post = rows[0];
  if (!post) throw new AppError('reference_missing', { field: '林长职务' });
  if (post.category !== 'chief') throw new AppError('invalid_value', { reason: `${post.name}的该职务不是林长，只有总林长、副总林长和林长有责任区域` });
  if (!post.active) throw new AppError('invalid_value', { reason: `${post.name}的该林长职务今天不在任` });
  return post;
}

export async function createArea(ctx: Context, input: ResponsibilityAreaCreate) {
  return ctx.run(async (tx) => {
    const post = await chiefPost(tx, input.postId);
    const g = await prepareGeometry(tx, input.geometry, 'polygon');
    await checkInRegion(tx, g, post.region_code);
    const { rows } = await sql<{ id: number }>`
      insert into responsibility_areas (post_id, region_code, name, geom)
      values (${input.postId}, ${post.region_code}, ${input.name.trim()}, ${multiSql(g)}) returning id`.execute(tx);
    return toArea((await findArea(tx, rows[0]!.id))!, g.repaired);
  });
}

export async function updateArea(ctx: Context, id: number, changes: ResponsibilityAreaUpdate) {
  return ctx.run(async (tx) => {
    const current = await findArea(tx, id);
    if (!current) throw notFound('责任区域', id);
    const set: RawBuilder<unknown>[] = [];
    let repaired: boolean | undefined;
    if (changes.name !== undefined) set.push(sql`name = ${changes.name.trim()}`);
    if (changes.geometry !== undefined) {
      const g = await prepareGeometry(tx, changes.geometry, 'polygon');
      await checkInRegion(tx, g, current.region_code);
      repaired = g.repaired;
      set.push(sql`geom = ${multiSql(g)}`);
    }
    const result = await sql`update responsibility_areas set ${sql.join(set)} where id = ${id}`.execute(tx);
    if (result.numAffectedRows === 0n) throw new AppError('out_of_scope');
    return toArea((await findArea(tx, id))!, repaired);
  });
}

export async function deleteArea(ctx: Context, id: number): Promise<void> {
  await ctx.run(async (tx) => {
    const result = await tx.deleteFrom('responsibility_areas').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw notFound('责任区域', id);
  });
}

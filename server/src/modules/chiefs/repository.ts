import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import { affected } from '../../platform/layers/counts.ts';
import type { ImportCounts, ImportWrite } from '../../platform/layers/declaration.ts';
import { multiSql, type PreparedGeometry } from '../land/geometry.ts';
import { subtreePrefix } from '../../platform/scope/regions.ts';

/** Queries over responsibility_areas, with the chief's post and person. */

export interface AreaRow {
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

export async function findArea(tx: Tx, id: number): Promise<AreaRow | undefined> {
  const { rows } = await sql<AreaRow>`select ${select(true)} from ${from} where a.id = ${id}`.execute(tx);
  return rows[0];
}

export async function listAreas(tx: Tx, q: { regionCode?: string | undefined; postId?: number | undefined; includeGeometry?: boolean | undefined }): Promise<AreaRow[]> {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (q.regionCode) conditions.push(sql`a.region_code like ${`${subtreePrefix(q.regionCode)}%`}`);
  if (q.postId) conditions.push(sql`a.post_id = ${q.postId}`);
  const { rows } = await sql<AreaRow>`
    select ${select(q.includeGeometry ?? false)} from ${from} where ${sql.join(conditions, sql` and `)}
     order by a.region_code, pt.sort, a.post_id, a.id`.execute(tx);
  return rows;
}

export interface PostRow {
  region_code: string;
  category: string;
  name: string;
  active: boolean;
}

/** A post with its category and holder, and whether it is held today. */
export async function findPost(tx: Tx, postId: number): Promise<PostRow | undefined> {
  const { rows } = await sql<PostRow>`
    select po.region_code, pt.category, pe.name,
           po.starts_on <= lz_today() and (po.ends_on is null or po.ends_on >= lz_today()) as active
      from posts po join post_types pt on pt.code = po.post_type join persons pe on pe.id = po.person_id
     where po.id = ${postId}`.execute(tx);
  return rows[0];
}

export async function insertArea(tx: Tx, a: { postId: number; regionCode: string; name: string; geometry: PreparedGeometry }): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into responsibility_areas (post_id, region_code, name, geom)
    values (${a.postId}, ${a.regionCode}, ${a.name}, ${multiSql(a.geometry)}) returning id`.execute(tx);
  return rows[0]!.id;
}

/** Writes the changed columns; false when the row is not the caller's to change. */
export async function updateArea(tx: Tx, id: number, changes: { name?: string; geometry?: PreparedGeometry }): Promise<boolean> {
  const set: RawBuilder<unknown>[] = [];
  if (changes.name !== undefined) set.push(sql`name = ${changes.name}`);
  if (changes.geometry !== undefined) set.push(sql`geom = ${multiSql(changes.geometry)}`);
  const result = await sql`update responsibility_areas set ${sql.join(set)} where id = ${id}`.execute(tx);
  return result.numAffectedRows !== 0n;
}

export async function deleteArea(tx: Tx, id: number): Promise<boolean> {
  return (await tx.deleteFrom('responsibility_areas').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n;
}

/**
 * An import of a chief's responsibility areas: the areas the same post got from the same dataset
 * before are replaced; areas drawn by hand stay.
 */
export async function importAreas(tx: Tx, w: ImportWrite): Promise<ImportCounts> {
  const post = w.post!;
  const removed = await sql`delete from responsibility_areas where post_id = ${post.id} and dataset = ${w.dataset}`.execute(tx);
  const r = await sql`
    insert into responsibility_areas (post_id, region_code, name, geom, dataset)
    select ${post.id}, ${post.regionCode}, left(coalesce(s.attrs ->> 'name', ${post.defaultName}), 100), s.geom, ${w.dataset}
      from (${w.rows}) s order by s.row_number`.execute(tx);
  return { inserted: affected(r), updated: 0, replaced: affected(removed) };
}

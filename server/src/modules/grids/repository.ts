import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import { affected } from '../../platform/layers/counts.ts';
import type { ImportCounts, ImportWrite, SearchRow } from '../../platform/layers/declaration.ts';
import { bboxOf, likeEscape } from '../../platform/layers/sql.ts';
import { multiSql, type PreparedGeometry } from '../land/geometry.ts';
import { subtreePrefix } from '../../platform/scope/regions.ts';
import type { PatrolRuleOverride } from '../patrol-rules/schema.ts';
import type { PlanStatus } from '../plans/schema.ts';

/** Grids with their region, plan and ranger, and what lies inside them. */

export interface GridRow {
  id: number;
  plan_id: number;
  plan_status: PlanStatus;
  plan_name: string;
  plan_year: number;
  region_code: string;
  region_name: string;
  code: string;
  name: string;
  area_ha: number;
  ranger_post_id: number | null;
  ranger_person_id: number | null;
  ranger_name: string | null;
  ranger_region_code: string | null;
  ranger_region_name: string | null;
  ranger_active: boolean | null;
  patrol_rule: PatrolRuleOverride | null;
  note: string | null;
  updated_at: Date;
  geometry?: Record<string, unknown>;
}

const select = (withGeometry: boolean) => sql`
  g.id, g.plan_id, p.status as plan_status, p.name as plan_name, p.year as plan_year, g.region_code, r.name as region_name,
  g.code, g.name, g.area_ha, g.ranger_post_id, po.person_id as ranger_person_id, pe.name as ranger_name,
  po.region_code as ranger_region_code, pr.name as ranger_region_name,
  case when po.id is null then null else po.starts_on <= lz_today() and (po.ends_on is null or po.ends_on >= lz_today()) end as ranger_active,
  g.patrol_rule, g.note, g.updated_at
  ${withGeometry ? sql`, st_asgeojson(g.geom, 7)::json as geometry` : sql``}`;

const from = sql`
  grids g
  join grid_plans p on p.id = g.plan_id
  join regions r on r.code = g.region_code
  left join posts po on po.id = g.ranger_post_id
  left join persons pe on pe.id = po.person_id
  left join regions pr on pr.code = po.region_code`;

export async function findGrid(tx: Tx, id: number, withGeometry = true): Promise<GridRow | undefined> {
  const { rows } = await sql<GridRow>`select ${select(withGeometry)} from ${from} where g.id = ${id}`.execute(tx);
  return rows[0];
}

export async function listGrids(
  tx: Tx,
  planId: number,
  q: { regionCode?: string; withoutRanger?: boolean; includeGeometry?: boolean; limit: number; offset: number },
): Promise<{ rows: GridRow[]; total: number }> {
  const conditions: RawBuilder<unknown>[] = [sql`g.plan_id = ${planId}`];
  if (q.regionCode) conditions.push(sql`g.region_code like ${`${subtreePrefix(q.regionCode)}%`}`);
  if (q.withoutRanger) conditions.push(sql`g.ranger_post_id is null`);
  const where = sql.join(conditions, sql` and `);
  const [rows, count] = await Promise.all([
    sql<GridRow>`select ${select(q.includeGeometry ?? false)} from ${from} where ${where} order by g.code limit ${q.limit} offset ${q.offset}`.execute(tx),
    sql<{ n: number }>`select count(*)::int as n from grids g where ${where}`.execute(tx),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
}

export interface RangerPostRow {
  id: number;
  person_id: number;
  name: string;
  post_type: string;
  region_code: string;
  region_name: string;
  active: boolean;
}

export async function findRangerPost(tx: Tx, postId: number): Promise<RangerPostRow | undefined> {
  const { rows } = await sql<RangerPostRow>`
    select po.id, po.person_id, pe.name, po.post_type, po.region_code, r.name as region_name,
           po.starts_on <= lz_today() and (po.ends_on is null or po.ends_on >= lz_today()) as active
      from posts po join persons pe on pe.id = po.person_id join regions r on r.code = po.region_code
     where po.id = ${postId}`.execute(tx);
  return rows[0];
}

/** Rangers in post today within a plan's region (and an optional subtree) who guard no grid of the plan, through this post or another. */
export async function rangersWithoutGrid(tx: Tx, planId: number, planRegion: string, regionCode?: string): Promise<RangerPostRow[]> {
  const { rows } = await sql<RangerPostRow>`
    select po.id, po.person_id, pe.name, po.post_type, po.region_code, r.name as region_name, true as active
      from posts po join persons pe on pe.id = po.person_id join regions r on r.code = po.region_code
     where po.post_type = 'ranger'
       and po.starts_on <= lz_today() and (po.ends_on is null or po.ends_on >= lz_today())
       and po.region_code like ${`${subtreePrefix(planRegion)}%`}
       and ${regionCode ? sql`po.region_code like ${`${subtreePrefix(regionCode)}%`}` : sql`true`}
       and not exists (select 1 from grids g where g.plan_id = ${planId} and g.ranger_person_id = po.person_id)
     order by po.region_code, pe.name`.execute(tx);
  return rows;
}

export interface GuardedGridRow {
  code: string;
  name: string;
  person_name: string;
  /** The region of the post through which the person guards it, when that is not the post asked about. */
  other_post_region_name: string | null;
}

/** The grid of a plan that the person holding a ranger post already guards, through that post or another of theirs. */
export async function gridOfRanger(tx: Tx, planId: number, postId: number): Promise<GuardedGridRow | undefined> {
  const { rows } = await sql<GuardedGridRow>`
    select g.code, g.name, pe.name as person_name,
           case when g.ranger_post_id = asked.id then null else r.name end as other_post_region_name
      from posts asked
      join grids g on g.plan_id = ${planId} and g.ranger_person_id = asked.person_id
      join persons pe on pe.id = asked.person_id
      left join posts via on via.id = g.ranger_post_id
      left join regions r on r.code = via.region_code
     where asked.id = ${postId}
     limit 1`.execute(tx);
  return rows[0];
}

export interface EligibleRangerRow extends RangerPostRow {
  grid_id: number | null;
  grid_code: string | null;
  grid_name: string | null;
}

/** Rangers in post today in a village or its township, each with the grid of the plan the person already guards (if any, through any of their posts). */
export async function eligibleRangers(tx: Tx, planId: number, villageOrTownship: string, township: string): Promise<EligibleRangerRow[]> {
  const { rows } = await sql<EligibleRangerRow>`
    select po.id, po.person_id, pe.name, po.post_type, po.region_code, r.name as region_name, true as active,
           g.id as grid_id, g.code as grid_code, g.name as grid_name
      from posts po join persons pe on pe.id = po.person_id join regions r on r.code = po.region_code
      left join grids g on g.plan_id = ${planId} and g.ranger_person_id = po.person_id
     where po.post_type = 'ranger'
       and po.starts_on <= lz_today() and (po.ends_on is null or po.ends_on >= lz_today())
       and po.region_code in (${villageOrTownship}, ${township})
     order by g.id is not null, po.region_code desc, pe.name`.execute(tx);
  return rows;
}

/** The stored boundary of a grid, to check it against a new region. */
export async function storedBoundary(tx: Tx, id: number): Promise<string> {
  const { rows } = await sql<{ ewkb: string }>`select encode(st_asewkb(geom), 'hex') as ewkb from grids where id = ${id}`.execute(tx);
  return rows[0]!.ewkb;
}

export async function insertGrid(
  tx: Tx,
  g: { planId: number; regionCode: string; code: string; name: string; geometry: PreparedGeometry; rangerPostId: number | null; patrolRule: string | null; note: string | null },
): Promise<number> {
  const { rows } = await sql<{ id: number }>`
    insert into grids (plan_id, region_code, code, name, geom, ranger_post_id, patrol_rule, note)
    values (${g.planId}, ${g.regionCode}, ${g.code}, ${g.name}, ${multiSql(g.geometry)}, ${g.rangerPostId}, ${g.patrolRule}::jsonb, ${g.note})
    returning id`.execute(tx);
  return rows[0]!.id;
}

/** Writes the changed columns of a grid; false when the row is not the caller's to change. */
export async function updateGrid(
  tx: Tx,
  id: number,
  changes: { code?: string; name?: string; patrolRule?: string | null; note?: string | null; place?: { geometry: PreparedGeometry; regionCode: string } },
): Promise<boolean> {
  const set: RawBuilder<unknown>[] = [];
  if (changes.place) set.push(sql`geom = ${multiSql(changes.place.geometry)}`, sql`region_code = ${changes.place.regionCode}`);
  if (changes.code !== undefined) set.push(sql`code = ${changes.code}`);
  if (changes.name !== undefined) set.push(sql`name = ${changes.name}`);
  if (changes.patrolRule !== undefined) set.push(sql`patrol_rule = ${changes.patrolRule}::jsonb`);
  if (changes.note !== undefined) set.push(sql`note = ${changes.note}`);
  const result = await sql`update grids set ${sql.join(set)} where id = ${id}`.execute(tx);
  return result.numAffectedRows !== 0n;
}

export async function deleteGrid(tx: Tx, id: number): Promise<boolean> {
  return (await tx.deleteFrom('grids').where('id', '=', id).executeTakeFirst()).numDeletedRows > 0n;
}

/** Sets or clears a grid's ranger post; false when the row is not the caller's to change. */
export async function setRanger(tx: Tx, id: number, rangerPostId: number | null): Promise<boolean> {
  return (await tx.updateTable('grids').set({ ranger_post_id: rangerPostId }).where('id', '=', id).executeTakeFirst()).numUpdatedRows > 0n;
}

/** Grids of the active plans by name (contains) or code (starts with). */
export async function searchGrids(tx: Tx, text: string, limit: number): Promise<SearchRow[]> {
  const { rows } = await sql<SearchRow>`
    select 'grids' as layer, f.id, f.name || '（' || f.code || '）' as label, f.region_code, ${bboxOf('f.geom')} as bbox
      from grids f join grid_plans p on p.id = f.plan_id and p.status = 'active'
     where f.name like ${`%${likeEscape(text)}%`} or f.code like ${`${likeEscape(text)}%`}
     order by f.code
     limit ${limit}`.execute(tx);
  return rows;
}

/** An import's grids, upserted on their code within the (draft) plan. The ranger assigned to a grid stays: the file describes the land, not who guards it. */
export async function importGrids(tx: Tx, w: ImportWrite): Promise<ImportCounts> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from (${w.rows}) s join grids t on t.plan_id = ${w.planId} and t.code = s.attrs ->> 'code'`.execute(tx);
  const updated = rows[0]?.n ?? 0;
  const r = await sql`
    insert into grids (plan_id, region_code, code, name, geom, note)
    select ${w.planId}, s.region_code, s.attrs ->> 'code', coalesce(s.attrs ->> 'name', s.attrs ->> 'code'), s.geom, s.attrs ->> 'note'
      from (${w.rows}) s order by s.row_number
    on conflict on constraint grids_code_uq do update set
      region_code = excluded.region_code, name = excluded.name, geom = excluded.geom, note = excluded.note`.execute(tx);
  return { inserted: affected(r) - updated, updated, replaced: 0 };
}

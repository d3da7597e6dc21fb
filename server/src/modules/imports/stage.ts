import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { Crs } from './crs.ts';
import { CHINA } from './settings.ts';
import type { TargetSpec } from './targets.ts';

/** One row on its way into staging: its number, converted attributes, and what JS already rejected. */
export interface StageRow {
  r: number;
  a: Record<string, unknown>;
  /** Why the row is rejected before any geometry work, or null. */
  x: string | null;
  /** Region code from the row's 县/乡/村 columns, or null to place it by location. */
  c: string | null;
  /** GeoJSON text in the file's coordinates, or null when the row is already rejected. */
  g: string | null;
}

/** Where rows may land: the region subtree the import writes into. */
export interface WriteArea {
  prefix: string;
  name: string;
}

/** Prefix of the reason for rows outside China, so a file of nothing else can fail as a whole. */
export const OUTSIDE_CHINA = '坐标不在中国范围内';

/** File coordinates → stored longitude/latitude. CGCS2000 and WGS84 agree to well under a metre, so 4490 is relabelled, not shifted. */
export function toLonLat(geom: RawBuilder<unknown>, crs: Crs): RawBuilder<unknown> {
  if (crs.srid === 4326 || crs.srid === 4490) return sql`st_setsrid(${geom}, 4326)`;
  if (crs.srid !== null) return sql`st_transform(st_setsrid(${geom}, ${crs.srid}::int), 4326)`;
  // Only a PROJ string we built (crs.ts): a text PROJ cannot read breaks the embedded PostGIS.
  if (!crs.proj) throw new AppError('projection_unknown', { reason: `无法按“${crs.name}”换算坐标` });
  return sql`st_transform(${geom}, ${crs.proj}::text, 4326)`;
}

/** The column type a layer stores: polygons and lines as multi, mixed layers as they come. */
function shaped(g: RawBuilder<unknown>, spec: TargetSpec): RawBuilder<unknown> {
  if (spec.shape === 'polygon') return sql`st_multi(st_collectionextract(${g}, 3))`;
  if (spec.shape === 'line') return sql`st_multi(st_collectionextract(${g}, 2))`;
  return sql`case when geometrytype(${g}) = 'GEOMETRYCOLLECTION' then st_collectionextract(${g}) else ${g} end`;
}

/**
 * Stages rows in one statement: converts coordinates, repairs invalid geometry with
 * ST_MakeValid where the repaired shape is still the right kind, checks China's extent, places
 * each row in a region (by its codes, else the deepest visible region containing its point on
 * surface) and rejects rows that fall outside the area being imported. Row-level security hides
 * regions outside the importer's scope, so such rows find no region and are rejected.
 */
export async function stageRows(tx: Tx, jobId: number, rows: readonly StageRow[], crs: Crs, spec: TargetSpec, area: WriteArea): Promise<void> {
  const g0 = toLonLat(sql`st_force2d(st_geomfromgeojson(i.g))`, crs);
  const low = area.prefix.padEnd(12, '0');
  const high = area.prefix.padEnd(12, '9');
  // MATERIALIZED: inlined, each later mention of g0/g would recompute the parsing, transform and repair.
  const result = await sql`
    with input as materialized (
      select i.r, i.a, i.x, i.c, case when i.x is null and i.g is not null then ${g0} end as g0
        from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as i(r int, a jsonb, x text, c text, g text)
    ),
    fixed as materialized (
      select input.*, g0 is not null and not st_isempty(g0) and not st_isvalid(g0) as repaired,
             case when g0 is null or st_isempty(g0) then null
                  when st_isvalid(g0) then ${shaped(sql`g0`, spec)}
                  else ${shaped(sql`st_makevalid(g0)`, spec)} end as g,
             case when g0 is not null and not st_isempty(g0) and not st_isvalid(g0) then st_isvalidreason(g0) end as invalid
        from input
    ),
    located as materialized (
      select fixed.*, a ->> 'compartment' as key_compartment, a ->> 'number' as key_number,
             g is not null and not st_isempty(g)
               and (st_xmin(g) < ${CHINA.minLon} or st_xmax(g) > ${CHINA.maxLon} or st_ymin(g) < ${CHINA.minLat} or st_ymax(g) > ${CHINA.maxLat}) as outside,
             case when g is null or st_isempty(g) then null
                  when c is not null then (select v.code from regions v where v.code = c)
                  else coalesce(
                    -- first among the area's regions: a code range is leakproof, so it can use the
                    -- primary key under row-level security (a spatial operator cannot)
                    (select v.code from regions v
                      where v.code between ${low} and ${high} and v.geom && st_pointonsurface(g) and st_intersects(v.geom, st_pointonsurface(g))
                      order by v.level desc, v.code limit 1),
                    -- then anywhere visible, only to name where a stray row lies
                    (select v.code from regions v
                      where v.geom && st_pointonsurface(g) and st_intersects(v.geom, st_pointonsurface(g))
                      order by v.level desc, v.code limit 1)) end as lies_in
        from fixed
    ),
    -- plain columns, so the natural key's index can be probed with them under row-level security
    township as materialized (
      select located.*, left(lies_in, 9) || '000' as township_low, left(lies_in, 9) || '999' as township_high from located
    ),
    placed as materialized (
      select t.*, coalesce(${spec.target === 'sub_compartments' ? sameParcel(area) : sql`null::text`}, lies_in) as region_code
        from township t
    ),
    judged as (
      select placed.*,
             case when x is not null then x
                  when g0 is null or st_isempty(g0) then '几何为空'
                  when g is null or st_isempty(g) then '几何无效且无法安全修复（' || coalesce(invalid, '') || '）'
                  when outside then ${OUTSIDE_CHINA} || '（经度 ' || round(st_xmin(g)::numeric, 4) || '，纬度 ' || round(st_ymin(g)::numeric, 4) || '）'
                  when c is not null and region_code is null then '区划代码 ' || c || ' 不存在，或不在您的管辖范围内'
                  when region_code is null then '位置不在您管辖范围内的任何区划内'
                  when region_code not like ${`${area.prefix}%`} then
                    '位于' || (select v.name from regions v where v.code = region_code) || '，不在本次导入的' || ${area.name} || '范围内'
             end as reason
        from placed
    )
    insert into import_staging (job_id, row_number, region_code, geom, attrs, repaired, reject_reason)
    select ${jobId}, r, case when reason is null then region_code end, case when reason is null then g end,
           a || case when invalid is not null and reason is null then jsonb_build_object('_repair', invalid) else '{}'::jsonb end,
           repaired and reason is null, left(reason, 500)
      from judged`.execute(tx);
  // Every row is staged, accepted or rejected; fewer means PostGIS dropped some without a word
  // (the embedded build does so when PROJ refuses a conversion), and the import must not go on.
  if (Number(result.numAffectedRows ?? -1) !== rows.length) throw new Error(`staged ${String(result.numAffectedRows)} of ${rows.length} rows`);
}

/**
 * 小班 whose file names no region (no 县/乡/村 columns) are placed by where they lie, so a
 * re-surveyed polygon that moved across a village boundary would be placed in the next village
 * and, its natural key (village, 林班, 小班) being new there, added a second time. An office
 * expects the 小班 it already has to be updated: when the village the row lies in has no 小班 of
 * that 林班/小班 number, the row takes the village of an existing 小班 of the same numbers in the
 * same township and inside the import's area whose polygon it mostly covers (at least half of the
 * smaller of the two), the most overlapped first. A parcel that merely shares numbers with one
 * in the next village (villages number their own) overlaps it little or not at all, and stays
 * where it lies.
 */
function sameParcel(area: WriteArea): RawBuilder<unknown> {
  const low = area.prefix.padEnd(12, '0');
  const high = area.prefix.padEnd(12, '9');
  // Through the township's regions, so each lookup probes the natural key's index once per
  // village instead of scanning every 小班 of the township. Under row-level security only
  // leakproof comparisons of plain columns can drive an index, hence the precomputed columns.
  return sql`case when t.c is null and t.lies_in is not null and t.g is not null and not t.outside
                   and not exists (select 1 from sub_compartments s
                                    where s.region_code = t.lies_in and s.compartment = t.key_compartment and s.number = t.key_number)
    then (select s.region_code
            from regions v
            join sub_compartments s on s.region_code = v.code and s.compartment = t.key_compartment and s.number = t.key_number
            cross join lateral (select st_area(st_intersection(s.geom, t.g)) as shared) o
           where v.code between t.township_low and t.township_high and v.code between ${low} and ${high}
             and st_intersects(s.geom, t.g)
             and o.shared >= 0.5 * least(st_area(s.geom), st_area(t.g))
           order by o.shared desc, s.region_code limit 1) end`;
}

/** A row whose geometry PostGIS could not even read: staged as rejected, with PostGIS's words. */
export async function stageRejected(tx: Tx, jobId: number, row: StageRow, reason: string): Promise<void> {
  await sql`
    insert into import_staging (job_id, row_number, attrs, reject_reason)
    values (${jobId}, ${row.r}, ${JSON.stringify(row.a)}::jsonb, ${reason.slice(0, 500)})`.execute(tx);
}

/** Rejects every staged row after the first with the same natural key. */
export async function rejectDuplicates(tx: Tx, jobId: number, spec: TargetSpec): Promise<void> {
  if (spec.naturalKey.length === 0) return;
  const key = sql.join(spec.naturalKey.map((k) => (k === 'region_code' ? sql`region_code` : sql`attrs ->> ${k}`)));
  const labels = spec.naturalKey.flatMap((k) => spec.fields.find((f) => f.name === k)?.label ?? []).join('、');
  await sql`
    update import_staging s
       set reject_reason = '与第 ' || d.first_row || ' 行的' || ${labels} || '重复', geom = null, region_code = null
      from (select row_number, min(row_number) over (partition by ${key}) as first_row
              from import_staging where job_id = ${jobId} and reject_reason is null) d
     where s.job_id = ${jobId} and s.row_number = d.row_number and d.row_number <> d.first_row`.execute(tx);
}

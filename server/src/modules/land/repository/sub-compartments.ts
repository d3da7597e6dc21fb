import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../../db/scoped.ts';
import { affected } from '../../../platform/layers/counts.ts';
import type { ImportCounts, ImportWrite, SearchRow } from '../../../platform/layers/declaration.ts';
import { bboxOf, codeNameSql } from '../../../platform/layers/sql.ts';
import { subtreePrefix } from '../../../platform/scope/regions.ts';
import type { SubCompartmentListQuery } from '../schema.ts';

/** Queries over sub_compartments (小班): lists, detail, search by number and the import's write. */

export interface SubCompartmentRow {
  id: number;
  region_code: string;
  region_name: string;
  township_name: string | null;
  compartment: string;
  number: string;
  area_ha: number;
  land_class: string | null;
  land_class_name: string | null;
  forest_category: string | null;
  forest_category_name: string | null;
  public_welfare_grade: string | null;
  public_welfare_grade_name: string | null;
  protection_grade: string | null;
  protection_grade_name: string | null;
  origin: string | null;
  origin_name: string | null;
  dominant_species: string | null;
  dominant_species_name: string | null;
  age_group: string | null;
  age_group_name: string | null;
  canopy_density: number | null;
  stock_per_ha: number | null;
  stock_total: number | null;
  ownership: string | null;
  ownership_name: string | null;
  survey_year: number | null;
  dataset: string;
}

/** The coded columns; each names its code table. */
const CODED = ['land_class', 'forest_category', 'public_welfare_grade', 'protection_grade', 'origin', 'dominant_species', 'age_group', 'ownership'] as const;

const selectSql = sql`
  s.id, s.region_code, r.name as region_name,
  (select t.name from regions t where t.level = 4 and t.code = case when r.level = 5 then left(s.region_code, 9) || '000' else s.region_code end) as township_name,
  s.compartment, s.number, s.area_ha, s.land_class, s.forest_category, s.public_welfare_grade, s.protection_grade, s.origin,
  s.dominant_species, s.age_group, s.canopy_density, s.stock_per_ha, s.stock_total, s.ownership, s.survey_year, s.dataset,
  ${sql.join(CODED.map((c) => sql`${codeNameSql(c, sql.ref(`s.${c}`))} as ${sql.ref(`${c}_name`)}`))}`;

function filterSql(q: Omit<SubCompartmentListQuery, 'page' | 'pageSize'>): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (q.regionCode) conditions.push(sql`s.region_code like ${`${subtreePrefix(q.regionCode)}%`}`);
  if (q.landClass) conditions.push(sql`s.land_class = ${q.landClass}`);
  if (q.dominantSpecies) conditions.push(sql`s.dominant_species = ${q.dominantSpecies}`);
  if (q.compartment) conditions.push(sql`s.compartment = ${q.compartment}`);
  if (q.number) conditions.push(sql`s.number = ${q.number}`);
  return sql.join(conditions, sql` and `);
}

export async function listSubCompartments(tx: Tx, q: SubCompartmentListQuery): Promise<{ rows: SubCompartmentRow[]; total: number }> {
  const where = filterSql(q);
  const [rows, count] = await Promise.all([
    sql<SubCompartmentRow>`
      select ${selectSql} from sub_compartments s join regions r on r.code = s.region_code
       where ${where}
       order by s.region_code, s.compartment, s.number
       limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(tx),
    sql<{ n: number }>`select count(*)::int as n from sub_compartments s where ${where}`.execute(tx),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.n ?? 0 };
}

export async function findSubCompartment(tx: Tx, id: number) {
  const { rows } = await sql<SubCompartmentRow & { extra: Record<string, unknown>; updated_at: Date; geometry: Record<string, unknown> }>`
    select ${selectSql}, s.extra, s.updated_at, st_asgeojson(s.geom, 7)::json as geometry
      from sub_compartments s join regions r on r.code = s.region_code
     where s.id = ${id}`.execute(tx);
  return rows[0];
}

/** Every zero-padded spelling of a number up to 12 digits ("12" → 12, 012, 0012 …), so "12" finds 小班 012. */
export function paddings(digits: string): string[] {
  const bare = digits.replace(/^0+/, '') || '0';
  return Array.from({ length: 13 - bare.length }, (_, i) => bare.padStart(bare.length + i, '0'));
}

/**
 * Sub-compartments by 林班号-小班号 ("0003-012"), or by 小班号 alone ("12"); leading zeros do not
 * matter, and other text finds none. Plain equality against the spellings keeps the number index
 * usable under row-level security.
 */
export async function searchSubCompartments(tx: Tx, text: string, limit: number): Promise<SearchRow[]> {
  const pair = /^(\d{1,12})\s*-\s*(\d{1,12})$/.exec(text);
  const number = pair ? pair[2]! : /^\d{1,12}$/.test(text) ? text : null;
  if (number === null) return [];
  const compartment = pair ? pair[1]! : null;
  const { rows } = await sql<SearchRow>`
    select 'sub_compartments' as layer, f.id, '小班 ' || f.compartment || '-' || f.number as label, f.region_code, ${bboxOf('f.geom')} as bbox
      from sub_compartments f
     where f.number = any(${paddings(number)}::text[])
       ${compartment === null ? sql`` : sql`and f.compartment = any(${paddings(compartment)}::text[])`}
     order by f.region_code, f.compartment, f.number
     limit ${limit}`.execute(tx);
  return rows;
}

/** An import's rows, upserted on the natural key (village, 林班号, 小班号): re-importing updates, never duplicates. */
export async function importSubCompartments(tx: Tx, w: ImportWrite): Promise<ImportCounts> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from (${w.rows}) s join sub_compartments t
        on t.region_code = s.region_code and t.compartment = s.attrs ->> 'compartment' and t.number = s.attrs ->> 'number'`.execute(tx);
  const updated = rows[0]?.n ?? 0;
  const r = await sql`
    insert into sub_compartments (region_code, compartment, number, geom, land_class, forest_category, public_welfare_grade,
                                  protection_grade, origin, dominant_species, age_group, canopy_density, stock_per_ha,
                                  stock_total, ownership, survey_year, dataset, extra)
    select s.region_code, a ->> 'compartment', a ->> 'number', s.geom, a ->> 'land_class', a ->> 'forest_category',
           a ->> 'public_welfare_grade', a ->> 'protection_grade', a ->> 'origin', a ->> 'dominant_species', a ->> 'age_group',
           (a ->> 'canopy_density')::numeric, (a ->> 'stock_per_ha')::numeric, (a ->> 'stock_total')::numeric,
           a ->> 'ownership', (a ->> 'survey_year')::smallint, ${w.dataset}, coalesce(a -> 'extra', '{}'::jsonb)
      from (${w.rows}) s, lateral (select s.attrs as a) x
     order by s.row_number
    on conflict on constraint sub_compartments_natural_key do update set
      geom = excluded.geom, land_class = excluded.land_class, forest_category = excluded.forest_category,
      public_welfare_grade = excluded.public_welfare_grade, protection_grade = excluded.protection_grade,
      origin = excluded.origin, dominant_species = excluded.dominant_species, age_group = excluded.age_group,
      canopy_density = excluded.canopy_density, stock_per_ha = excluded.stock_per_ha, stock_total = excluded.stock_total,
      ownership = excluded.ownership, survey_year = excluded.survey_year, dataset = excluded.dataset, extra = excluded.extra`.execute(tx);
  return { inserted: affected(r) - updated, updated, replaced: 0 };
}

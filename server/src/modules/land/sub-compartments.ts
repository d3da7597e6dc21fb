import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { Context } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import { subtreePrefix } from '../../platform/scope/regions.ts';
import { area, coded } from './geojson.ts';
import type { SubCompartmentListQuery } from './schema.ts';

/** 小班 list and detail, with every coded value named from the code tables. */

interface SubCompartmentRow {
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

/** The coded columns and their code-table domains. */
const CODED = [
  ['land_class', 'land_class'],
  ['forest_category', 'forest_category'],
  ['public_welfare_grade', 'public_welfare_grade'],
  ['protection_grade', 'protection_grade'],
  ['origin', 'origin'],
  ['dominant_species', 'dominant_species'],
  ['age_group', 'age_group'],
  ['ownership', 'ownership'],
] as const;

/** `(select name from code_tables …) as <column>_name` for every coded column of alias `s`. */
export function codeNameColumns(alias = 's'): RawBuilder<unknown> {
  return sql.join(
    CODED.map(
      ([column, domain]) =>
        sql`(select c.name from code_tables c where c.domain = ${domain} and c.code = ${sql.ref(`${alias}.${column}`)}) as ${sql.ref(`${column}_name`)}`,
    ),
  );
}

const selectSql = sql`
  s.id, s.region_code, r.name as region_name,
  (select t.name from regions t where t.level = 4 and t.code = case when r.level = 5 then left(s.region_code, 9) || '000' else s.region_code end) as township_name,
  s.compartment, s.number, s.area_ha, s.land_class, s.forest_category, s.public_welfare_grade, s.protection_grade, s.origin,
  s.dominant_species, s.age_group, s.canopy_density, s.stock_per_ha, s.stock_total, s.ownership, s.survey_year, s.dataset,
  ${codeNameColumns('s')}`;

function toSubCompartment(r: SubCompartmentRow) {
  return {
    id: r.id,
    regionCode: r.region_code,
    regionName: r.region_name,
    townshipName: r.township_name,
    compartment: r.compartment,
    number: r.number,
    area: area(r.area_ha),
    landClass: coded(r.land_class, r.land_class_name),
    forestCategory: coded(r.forest_category, r.forest_category_name),
    publicWelfareGrade: coded(r.public_welfare_grade, r.public_welfare_grade_name),
    protectionGrade: coded(r.protection_grade, r.protection_grade_name),
    origin: coded(r.origin, r.origin_name),
    dominantSpecies: coded(r.dominant_species, r.dominant_species_name),
    ageGroup: coded(r.age_group, r.age_group_name),
    canopyDensity: r.canopy_density,
    stockPerHa: r.stock_per_ha,
    stockTotal: r.stock_total,
    ownership: coded(r.ownership, r.ownership_name),
    surveyYear: r.survey_year,
    dataset: r.dataset,
  };
}

function filterSql(q: Omit<SubCompartmentListQuery, 'page' | 'pageSize'>): RawBuilder<unknown> {
  const conditions: RawBuilder<unknown>[] = [sql`true`];
  if (q.regionCode) conditions.push(sql`s.region_code like ${`${subtreePrefix(q.regionCode)}%`}`);
  if (q.landClass) conditions.push(sql`s.land_class = ${q.landClass}`);
  if (q.dominantSpecies) conditions.push(sql`s.dominant_species = ${q.dominantSpecies}`);
  if (q.compartment) conditions.push(sql`s.compartment = ${q.compartment}`);
  if (q.number) conditions.push(sql`s.number = ${q.number}`);
  return sql.join(conditions, sql` and `);
}

async function listRows(tx: Tx, q: SubCompartmentListQuery) {
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

export async function listSubCompartments(ctx: Context, q: SubCompartmentListQuery) {
  const { rows, total } = await ctx.run((tx) => listRows(tx, q));
  return { items: rows.map(toSubCompartment), total };
}

export async function getSubCompartment(ctx: Context, id: number) {
  const row = await ctx.run(async (tx) => {
    const { rows } = await sql<SubCompartmentRow & { extra: Record<string, unknown>; updated_at: Date; geometry: Record<string, unknown> }>`
      select ${selectSql}, s.extra, s.updated_at, st_asgeojson(s.geom, 7)::json as geometry
        from sub_compartments s join regions r on r.code = s.region_code
       where s.id = ${id}`.execute(tx);
    return rows[0];
  });
  if (!row) throw notFound('小班', id);
  return { ...toSubCompartment(row), extra: row.extra, updatedAt: new Date(row.updated_at).toISOString(), geometry: row.geometry };
}

import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import { area, type Area } from '../land/geojson.ts';
import { subtreePrefix } from '../../platform/scope/regions.ts';

/**
 * 资源清单 figures, computed by SQL from the sub-compartments (definitions in docs/resource-list.md).
 * Which code counts as forest land, forest, natural or public-welfare is read from the code-table
 * flags, never from fixed codes, so a province's own code list works unchanged.
 */

export interface Breakdown {
  code: string | null;
  name: string;
  area: Area;
  stockM3: number;
  subCompartments: number;
}

export interface Figures {
  method: 'whole_sub_compartments' | 'clipped_to_area';
  totalLandArea: Area & { basis: 'region_boundary' | 'sub_compartments' | 'responsibility_area' };
  subCompartmentArea: Area;
  subCompartmentCount: number;
  forestLandArea: Area;
  forestArea: Area;
  forestCoveragePercent: number | null;
  stockVolumeM3: number;
  naturalForestArea: Area;
  publicWelfareForest: { total: Area; byGrade: Array<Breakdown & { national: boolean }> };
  byDominantSpecies: Breakdown[];
  byAgeGroup: Breakdown[];
}

/** Sub-compartments of a region's subtree, whole: each counts where its region code files it. */
function regionParts(regionCode: string): RawBuilder<unknown> {
  return sql`
    select s.land_class, s.forest_category, s.public_welfare_grade, s.origin, s.dominant_species, s.age_group,
           s.area_ha::float8 as area_ha, coalesce(s.stock_total, 0)::float8 as stock
      from sub_compartments s where s.region_code like ${`${subtreePrefix(regionCode)}%`}`;
}

/**
 * The part of each sub-compartment inside a responsibility area: its area is the ellipsoidal area
 * of the intersection, its stock the sub-compartment's stock in proportion to that area. Only
 * sub-compartments of the area's own region subtree count, so everyone who may see the area gets
 * the same figures.
 */
function areaParts(areaId: number, regionCode: string): RawBuilder<unknown> {
  return sql`
    select s.land_class, s.forest_category, s.public_welfare_grade, s.origin, s.dominant_species, s.age_group,
           x.part_ha as area_ha,
           case when s.area_ha > 0 then coalesce(s.stock_total, 0)::float8 * x.part_ha / s.area_ha::float8 else 0 end as stock
      from responsibility_areas a
      join sub_compartments s on s.geom && a.geom and st_intersects(s.geom, a.geom)
      cross join lateral (
        select case when st_coveredby(s.geom, a.geom) then s.area_ha::float8
                    else st_area(st_intersection(s.geom, a.geom)::geography) / 10000 end as part_ha) x
     where a.id = ${areaId} and s.region_code like ${`${subtreePrefix(regionCode)}%`} and x.part_ha > 0`;
}

interface TotalsRow {
  n: number;
  sc_ha: number;
  forest_land_ha: number;
  forest_ha: number;
  stock: number;
  natural_ha: number;
  public_welfare_ha: number;
}

interface GroupRow {
  code: string | null;
  name: string | null;
  flags: string[] | null;
  ha: number;
  stock: number;
  n: number;
}

async function compute(tx: Tx, parts: RawBuilder<unknown>) {
  const flagged = sql`
    with parts as (${parts})
    select p.*, coalesce(lc.flags, '{}') as lc_flags, coalesce(fc.flags, '{}') as fc_flags, coalesce(og.flags, '{}') as og_flags
      from parts p
      left join code_tables lc on lc.domain = 'land_class' and lc.code = p.land_class
      left join code_tables fc on fc.domain = 'forest_category' and fc.code = p.forest_category
      left join code_tables og on og.domain = 'origin' and og.code = p.origin`;
  const group = (column: 'public_welfare_grade' | 'dominant_species' | 'age_group', domain: string, where: RawBuilder<unknown>) => sql<GroupRow>`
    select f.${sql.ref(column)} as code, c.name, c.flags, sum(f.area_ha) as ha, sum(f.stock) as stock, count(*)::int as n
      from (${flagged}) f left join code_tables c on c.domain = ${domain} and c.code = f.${sql.ref(column)}
     where ${where}
     group by f.${sql.ref(column)}, c.name, c.flags, c.sort
     order by sum(f.area_ha) desc, f.${sql.ref(column)}`;
  const [totals, grades, species, ages] = await Promise.all([
    sql<TotalsRow>`
      select count(*)::int as n,
             coalesce(sum(area_ha), 0) as sc_ha,
             coalesce(sum(area_ha) filter (where 'forest_land' = any(lc_flags)), 0) as forest_land_ha,
             coalesce(sum(area_ha) filter (where 'forest' = any(lc_flags)), 0) as forest_ha,
             coalesce(sum(stock), 0) as stock,
             coalesce(sum(area_ha) filter (where 'forest' = any(lc_flags) and 'natural' = any(og_flags)), 0) as natural_ha,
             coalesce(sum(area_ha) filter (where 'public_welfare' = any(fc_flags)), 0) as public_welfare_ha
        from (${flagged}) f`.execute(tx),
    group('public_welfare_grade', 'public_welfare_grade', sql`'public_welfare' = any(f.fc_flags)`).execute(tx),
    group('dominant_species', 'dominant_species', sql`f.dominant_species is not null`).execute(tx),
    group('age_group', 'age_group', sql`f.age_group is not null`).execute(tx),
  ]);
  return { totals: totals.rows[0]!, grades: grades.rows, species: species.rows, ages: ages.rows };
}

const round2 = (v: number) => Math.round(v * 100) / 100;

const breakdown = (r: GroupRow, unnamed: string): Breakdown => ({
  code: r.code,
  name: r.name ?? (r.code === null ? unnamed : `代码 ${r.code}（代码表中没有）`),
  area: area(r.ha),
  stockM3: round2(r.stock),
  subCompartments: r.n,
});

function assemble(
  result: Awaited<ReturnType<typeof compute>>,
  method: Figures['method'],
  total: { ha: number; basis: Figures['totalLandArea']['basis'] },
): Figures {
  const t = result.totals;
  return {
    method,
    totalLandArea: { ...area(total.ha), basis: total.basis },
    subCompartmentArea: area(t.sc_ha),
    subCompartmentCount: t.n,
    forestLandArea: area(t.forest_land_ha),
    forestArea: area(t.forest_ha),
    forestCoveragePercent: total.ha > 0 ? round2((t.forest_ha / total.ha) * 100) : null,
    stockVolumeM3: round2(t.stock),
    naturalForestArea: area(t.natural_ha),
    publicWelfareForest: {
      total: area(t.public_welfare_ha),
      byGrade: result.grades.map((r) => ({ ...breakdown(r, '未定事权等级'), national: (r.flags ?? []).includes('national') })),
    },
    byDominantSpecies: result.species.map((r) => breakdown(r, '未填优势树种')),
    byAgeGroup: result.ages.map((r) => breakdown(r, '未填龄组')),
  };
}

/** A region's figures: whole sub-compartments of its subtree; total land is its boundary's area, or the sub-compartments' when it has none. */
export async function regionFigures(tx: Tx, regionCode: string): Promise<Figures> {
  const { rows } = await sql<{ boundary_ha: number | null }>`
    select st_area(geom::geography) / 10000 as boundary_ha from regions where code = ${regionCode}`.execute(tx);
  const result = await compute(tx, regionParts(regionCode));
  const boundary = rows[0]?.boundary_ha ?? null;
  return assemble(result, 'whole_sub_compartments', boundary !== null ? { ha: boundary, basis: 'region_boundary' } : { ha: result.totals.sc_ha, basis: 'sub_compartments' });
}

/** A responsibility area's figures: the parts of sub-compartments inside it; total land is the area's own. */
export async function responsibilityAreaFigures(tx: Tx, areaId: number, regionCode: string, areaHa: number): Promise<Figures> {
  const result = await compute(tx, areaParts(areaId, regionCode));
  return assemble(result, 'clipped_to_area', { ha: areaHa, basis: 'responsibility_area' });
}

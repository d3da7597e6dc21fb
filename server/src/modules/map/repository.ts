import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';

/** [west, south, east, north], or null for a feature without geometry. */
export type BBoxRow = [number, number, number, number] | null;
const bboxOf = (geom: string) => sql.raw(`case when ${geom} is null then null else json_build_array(st_xmin(${geom}), st_ymin(${geom}), st_xmax(${geom}), st_ymax(${geom})) end`);

export async function codeNames(tx: Tx, domains: readonly string[]): Promise<Map<string, Array<{ code: string; name: string }>>> {
  const rows = domains.length ? await tx.selectFrom('code_tables').select(['domain', 'code', 'name']).where('domain', 'in', domains).orderBy('domain').orderBy('sort').orderBy('code').execute() : [];
  const byDomain = new Map<string, Array<{ code: string; name: string }>>();
  for (const r of rows) byDomain.set(r.domain, [...(byDomain.get(r.domain) ?? []), { code: r.code, name: r.name }]);
  return byDomain;
}

export async function regionNames(tx: Tx, codes: readonly string[]) {
  if (codes.length === 0) return [];
  return tx.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).orderBy('code').execute();
}

/** The bbox of every region the caller can see with a boundary: their scope, for the map's first view. */
export async function scopeBBox(tx: Tx): Promise<BBoxRow> {
  const { rows } = await sql<{ bbox: BBoxRow }>`select ${bboxOf('e')} as bbox from (select st_extent(geom)::geometry as e from regions) s`.execute(tx);
  return rows[0]?.bbox ?? null;
}

export async function gridPlans(tx: Tx) {
  return tx.selectFrom('grid_plans').select(['id', 'name', 'year', 'status']).orderBy('year', 'desc').orderBy('id', 'desc').execute();
}

export async function referenceLayers(tx: Tx) {
  return tx.selectFrom('reference_layers').select(['id', 'name', 'kind']).orderBy('name').execute();
}

/**
 * "乡镇 / 村" for each code, from the ancestors the caller can see: row-level security hides the
 * levels above their scope, so a township user reads "水东镇 / 七里村", never the district.
 */
export async function regionPaths(tx: Tx, codes: readonly string[]): Promise<Map<string, string>> {
  const chain = (code: string) => [...new Set([2, 4, 6, 9, 12].map((n) => code.slice(0, n).padEnd(12, '0')))];
  const wanted = [...new Set(codes.flatMap(chain))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.selectFrom('regions').select(['code', 'name']).where('code', 'in', wanted).execute();
  const names = new Map(rows.map((r) => [r.code, r.name]));
  return new Map(codes.map((code) => [code, chain(code).flatMap((c) => names.get(c) ?? []).join(' / ')]));
}

/** What every feature lookup returns; `props` holds the raw attributes the service labels. */
export interface FeatureRow {
  id: number;
  label: string;
  region_code: string | null;
  area_ha: number | null;
  bbox: BBoxRow;
  props: Record<string, unknown>;
}

/** One feature of a layer by id, or undefined when it does not exist or lies outside the caller's scope. */
export async function findFeature(tx: Tx, layer: string, id: number): Promise<FeatureRow | undefined> {
  const query = FEATURE_QUERIES[layer];
  if (!query) return undefined;
  const { rows } = await query(id).execute(tx);
  return rows[0];
}

const FEATURE_QUERIES: Record<string, (id: number) => ReturnType<typeof sql<FeatureRow>>> = {
  sub_compartments: (id) => sql<FeatureRow>`
    select f.id, f.compartment || '-' || f.number as label, f.region_code, f.area_ha::float8 as area_ha, ${bboxOf('f.geom')} as bbox,
           jsonb_build_object('compartment', f.compartment, 'number', f.number, 'land_class', f.land_class,
             'forest_category', f.forest_category, 'public_welfare_grade', f.public_welfare_grade, 'protection_grade', f.protection_grade,
             'origin', f.origin, 'dominant_species', f.dominant_species, 'age_group', f.age_group, 'canopy_density', f.canopy_density,
             'stock_per_ha', f.stock_per_ha, 'stock_total', f.stock_total, 'ownership', f.ownership, 'survey_year', f.survey_year,
             'dataset', f.dataset, 'extra', f.extra) as props
      from sub_compartments f where f.id = ${id}`,
  grids: (id) => sql<FeatureRow>`
    select f.id, f.name as label, f.region_code, f.area_ha::float8 as area_ha, ${bboxOf('f.geom')} as bbox,
           jsonb_build_object('code', f.code, 'name', f.name, 'note', f.note, 'plan_id', p.id, 'plan_name', p.name, 'plan_year', p.year,
             'plan_status', p.status, 'ranger_post_id', f.ranger_post_id, 'ranger_name', r.name) as props
      from grids f
      join grid_plans p on p.id = f.plan_id
      left join posts rp on rp.id = f.ranger_post_id
      left join persons r on r.id = rp.person_id
     where f.id = ${id}`,
  regions: (id) => sql<FeatureRow>`
    select f.code::int8 as id, f.name as label, f.code as region_code,
           case when f.geom is null then null else round((st_area(f.geom::geography) / 10000)::numeric, 4)::float8 end as area_ha,
           ${bboxOf('f.geom')} as bbox, jsonb_build_object('code', f.code, 'name', f.name, 'level', f.level) as props
      from regions f where f.code = ${String(id)}`,
  responsibility_areas: (id) => sql<FeatureRow>`
    select f.id, f.name as label, f.region_code, f.area_ha::float8 as area_ha, ${bboxOf('f.geom')} as bbox,
           jsonb_build_object('name', f.name, 'post_type', pt.name_zh, 'post_title', po.title, 'chief_name', pe.name) as props
      from responsibility_areas f
      left join posts po on po.id = f.post_id
      left join post_types pt on pt.code = po.post_type
      left join persons pe on pe.id = po.person_id
     where f.id = ${id}`,
  risk_areas: (id) => sql<FeatureRow>`
    select f.id, f.name as label, f.region_code,
           case when st_dimension(f.geom) = 2 then round((st_area(f.geom::geography) / 10000)::numeric, 4)::float8 end as area_ha,
           ${bboxOf('f.geom')} as bbox, jsonb_build_object('kind', f.kind, 'name', f.name, 'note', f.note, 'dataset', f.dataset) as props
      from risk_areas f where f.id = ${id}`,
  key_routes: (id) => sql<FeatureRow>`
    select f.id, f.name as label, f.region_code, null::float8 as area_ha, ${bboxOf('f.geom')} as bbox,
           jsonb_build_object('name', f.name, 'length_m', f.length_m, 'dataset', f.dataset) as props
      from key_routes f where f.id = ${id}`,
  reference_features: (id) => sql<FeatureRow>`
    select f.id, coalesce(f.name, l.name) as label, f.region_code,
           case when st_dimension(f.geom) = 2 then round((st_area(f.geom::geography) / 10000)::numeric, 4)::float8 end as area_ha,
           ${bboxOf('f.geom')} as bbox, jsonb_build_object('name', f.name, 'layer_name', l.name, 'extra', f.properties) as props
      from reference_features f join reference_layers l on l.id = f.layer_id where f.id = ${id}`,
};

export interface SearchRow {
  layer: string;
  id: number;
  label: string;
  region_code: string | null;
  bbox: BBoxRow;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Every zero-padded spelling of a number up to 12 digits ("12" → 12, 012, 0012 …), so "12" finds 小班 012. */
export function paddings(digits: string): string[] {
  const bare = digits.replace(/^0+/, '') || '0';
  return Array.from({ length: 13 - bare.length }, (_, i) => bare.padStart(bare.length + i, '0'));
}

/**
 * Sub-compartments by 林班号-小班号, or by 小班号 alone; leading zeros do not matter. Plain
 * equality against the spellings keeps the number index usable under row-level security.
 */
export async function searchSubCompartments(tx: Tx, compartment: string | null, number: string, limit: number): Promise<SearchRow[]> {
  const { rows } = await sql<SearchRow>`
    select 'sub_compartments' as layer, f.id, f.compartment || '-' || f.number as label, f.region_code, ${bboxOf('f.geom')} as bbox
      from sub_compartments f
     where f.number = any(${paddings(number)}::text[])
       ${compartment === null ? sql`` : sql`and f.compartment = any(${paddings(compartment)}::text[])`}
     order by f.region_code, f.compartment, f.number
     limit ${limit}`.execute(tx);
  return rows;
}

/** Townships, villages (any region) whose name contains the text. */
export async function searchRegions(tx: Tx, text: string, limit: number): Promise<SearchRow[]> {
  const { rows } = await sql<SearchRow>`
    select 'regions' as layer, f.code::int8 as id, f.name as label, f.code as region_code, ${bboxOf('f.geom')} as bbox
      from regions f
     where f.name like ${`%${likeEscape(text)}%`}
     order by f.level, f.code
     limit ${limit}`.execute(tx);
  return rows;
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

import { sql } from 'kysely';
import type { Tx } from '../db/scoped.ts';
import type { RegionInput } from '../modules/regions/repository.ts';
import { planLand, shortName, type PlannedGrid } from './land.ts';
import type { LocalFrame, MultiPoly } from './plane.ts';
import type { Random } from './random.ts';
import { DEMO_COUNTY_CODE, type DemoRegionGeometry } from './zhanggong.ts';

const RULE_SOURCE = '《章贡区2021年林长制工作要点》第3条：常规天气每月出勤不少于20天、每次巡护不少于2小时；重点防火期每日必巡';

interface DemoPlan {
  year: number;
  name: string;
  status: 'active' | 'archived';
  /** Days (China time): drawn up as a draft in the December before its year, switched on in January, archived when the next one is. */
  createdOn: string;
  activatedOn: string;
  archivedOn?: string;
}

/** The demo county's two yearly grid plans: last year's, archived when this year's was switched on. */
export const DEMO_GRID_PLANS: readonly [DemoPlan, DemoPlan] = [
  { year: 2025, name: '章贡区2025年度护林网格方案', status: 'archived', createdOn: '2024-12-02', activatedOn: '2025-01-10', archivedOn: '2026-01-15' },
  { year: 2026, name: '章贡区2026年度护林网格方案', status: 'active', createdOn: '2025-12-08', activatedOn: '2026-01-15' },
];

/**
 * The demo county's land: yearly grid plans with one ranger per grid, sub-compartments with
 * plausible attributes, key risk areas and routes, chiefs' responsibility areas, patrol rules
 * and a nature-reserve reference layer.
 */
export async function seedLand(
  tx: Tx,
  random: Random,
  regions: readonly RegionInput[],
  geometry: DemoRegionGeometry,
  scale: number,
  progress: (stage: string) => void,
): Promise<void> {
  const rangerRows = await tx
    .selectFrom('posts')
    .select(['id', 'region_code'])
    .where('post_type', '=', 'ranger')
    .where('ends_on', 'is', null)
    .orderBy('id')
    .execute();
  const rangersByVillage = new Map<string, number[]>();
  for (const r of rangerRows) rangersByVillage.set(r.region_code, [...(rangersByVillage.get(r.region_code) ?? []), r.id]);

  progress('drawing grids, sub-compartments and risk areas');
  const land = planLand(random, regions, geometry, rangersByVillage, scale);
  progress(`grid plans (${land.previousGrids.length + land.grids.length} grids)`);
  const geo = (mp: MultiPoly) => geometry.frame.multiPolygon(mp);
  const names = new Map(regions.map((r) => [r.code, r.name]));

  const [lastYear, thisYear] = DEMO_GRID_PLANS;
  const previous = await insertPlan(tx, lastYear);
  await insertGrids(tx, previous, land.previousGrids, names, geometry.frame);
  const current = await insertPlan(tx, { ...thisYear, basedOn: previous });
  await insertGrids(tx, current, land.grids, names, geometry.frame);

  const rows = land.subCompartments.map((s) => ({
    region_code: s.regionCode,
    compartment: s.compartment,
    number: s.number,
    geometry: geo(s.area),
    land_class: s.landClass,
    forest_category: s.forestCategory,
    public_welfare_grade: s.publicWelfareGrade,
    protection_grade: s.protectionGrade,
    origin: s.origin,
    dominant_species: s.dominantSpecies,
    age_group: s.ageGroup,
    canopy_density: s.canopyDensity,
    stock_per_ha: s.stockPerHa,
    ownership: s.ownership,
    survey_year: s.surveyYear,
  }));
  for (let i = 0; i < rows.length; i += 2000) {
    progress(`sub-compartments ${Math.round((100 * i) / rows.length)}% of ${rows.length}`);
    await sql`
      insert into sub_compartments (region_code, compartment, number, geom, land_class, forest_category, public_welfare_grade,
                                    protection_grade, origin, dominant_species, age_group, canopy_density, stock_per_ha,
                                    ownership, survey_year, dataset)
      select region_code, compartment, number, case when st_isvalid(g) then g else ${validMulti(sql`g`)} end,
             land_class, forest_category, public_welfare_grade, protection_grade, origin,
             dominant_species, age_group, canopy_density, stock_per_ha, ownership, survey_year, '章贡区森林资源一张图（示例）'
        from (select r.*, st_multi(st_setsrid(st_geomfromgeojson(r.geometry), 4326)) as g
                from json_to_recordset(${JSON.stringify(rows.slice(i, i + 2000))}::json) as r(
                  region_code text, compartment text, number text, geometry text, land_class text, forest_category text,
                  public_welfare_grade text, protection_grade text, origin text, dominant_species text, age_group text,
                  canopy_density numeric, stock_per_ha numeric, ownership text, survey_year smallint)) s`.execute(tx);
  }

  progress('key risk areas, routes, responsibility areas and patrol rules');
  const risks = land.risks.map((r) => ({
    region_code: r.regionCode,
    kind: r.kind,
    name: r.name,
    geometry: r.point ? { type: 'Point', coordinates: geometry.frame.toLonLat(r.point) } : geo(r.area!),
  }));
  await sql`
    insert into risk_areas (region_code, kind, name, geom, dataset)
    select region_code, kind, name,
           case when geometrytype(g) = 'POINT' then g else ${validMulti(sql`g`)} end, '章贡区重点区域（示例）'
      from (select r.*, st_setsrid(st_geomfromgeojson(r.geometry), 4326) as g
              from json_to_recordset(${JSON.stringify(risks)}::json) as r(region_code text, kind text, name text, geometry text)) s`.execute(tx);
  // A high-voltage line is one risk area per village it crosses, so each village sees its own stretch.
  const lines = land.powerLines.map((line, i) => ({ name: `110kV 输电线路 ${i + 1} 号`, geometry: { type: 'LineString', coordinates: line.map((p) => geometry.frame.toLonLat(p)) } }));
  await sql`
    insert into risk_areas (region_code, kind, name, geom, dataset)
    select v.code, 'power_line', l.name || '（' || v.name || '段）', st_multi(st_collectionextract(st_intersection(l.g, v.geom), 2)), '章贡区重点区域（示例）'
      from (select name, st_setsrid(st_geomfromgeojson(geometry), 4326) as g
              from json_to_recordset(${JSON.stringify(lines)}::json) as x(name text, geometry text)) l
      join regions v on v.level = 5 and st_intersects(l.g, v.geom)
     where not st_isempty(st_collectionextract(st_intersection(l.g, v.geom), 2))`.execute(tx);

  const routes = land.routes
    .filter((r) => r.line.length >= 2)
    .map((r) => ({ region_code: r.regionCode, name: r.name, geometry: { type: 'LineString', coordinates: r.line.map((p) => geometry.frame.toLonLat(p)) } }));
  await sql`
    insert into key_routes (region_code, name, geom, dataset)
    select region_code, name, st_multi(st_setsrid(st_geomfromgeojson(geometry), 4326)), '章贡区重点线路（示例）'
      from json_to_recordset(${JSON.stringify(routes)}::json) as r(region_code text, name text, geometry text)`.execute(tx);

  // Chiefs answer for their region; district chiefs for the towns their area is named after.
  await sql`
    insert into responsibility_areas (post_id, region_code, name, geom)
    select p.id, p.region_code, coalesce(p.responsibility_area, r.name || '全域'),
           coalesce((select st_multi(st_union(t.geom)) from regions t
                      where p.region_code = ${DEMO_COUNTY_CODE} and p.post_type = 'forest_chief'
                        and t.level = 4 and position(t.name in p.responsibility_area) > 0), r.geom)
      from posts p join regions r on r.code = p.region_code
     where p.post_type in ('chief_forest_chief', 'deputy_chief_forest_chief', 'forest_chief')
       and p.ends_on is null and r.geom is not null`.execute(tx);

  await tx
    .insertInto('rule_settings')
    .values([
      { region_code: DEMO_COUNTY_CODE, key: 'patrol.min_days_per_month', value: '20', effective_from: '2021-01-01', effective_to: null, source: RULE_SOURCE },
      { region_code: DEMO_COUNTY_CODE, key: 'patrol.min_hours_per_patrol', value: '2', effective_from: '2021-01-01', effective_to: null, source: RULE_SOURCE },
      {
        region_code: DEMO_COUNTY_CODE,
        key: 'patrol.key_periods',
        value: JSON.stringify([{ name: '重点防火期', from: '10-01', to: '04-30', frequency: 'daily', target: 'key_risk_areas' }]),
        effective_from: '2021-01-01',
        effective_to: null,
        source: RULE_SOURCE,
      },
      { region_code: DEMO_COUNTY_CODE, key: 'chief_patrol.min_per_year', value: '4', effective_from: '2021-01-01', effective_to: null, source: '《章贡区2021年林长制工作要点》第1条：区级林长巡林不少于4次' },
    ])
    .execute();

  const layer = await tx
    .insertInto('reference_layers')
    .values({ region_code: DEMO_COUNTY_CODE, name: '自然保护地', kind: 'nature_reserve', description: '示例数据：森林公园与自然保护地范围' })
    .returning('id')
    .executeTakeFirstOrThrow();
  // Like every regional row, the park is filed under the villages it covers: one piece per village,
  // so a township sees exactly its own part of it.
  await sql`
    insert into reference_features (layer_id, region_code, name, properties, geom)
    select ${layer.id}, v.code, '峰山森林公园（示例）', '{"级别":"市级"}'::jsonb, st_collectionextract(st_intersection(p.g, v.geom), 3)
      from (select ${validMulti(sql`st_geomfromgeojson(${JSON.stringify(geo(land.reserve))})`)} as g) p
      join regions v on v.level = 5 and st_intersects(p.g, v.geom)
     where st_area(st_collectionextract(st_intersection(p.g, v.geom), 3)::geography) > 1`.execute(tx);
}

/** Generated rings are rounded to ~1 cm; repairing them is cheap insurance for the validity checks. */
function validMulti(expr: ReturnType<typeof sql>) {
  return sql`st_multi(st_collectionextract(st_makevalid(st_setsrid(${expr}, 4326)), 3))`;
}

const chinaMorning = (day: string) => new Date(`${day}T09:00:00+08:00`);

async function insertPlan(tx: Tx, p: DemoPlan & { basedOn?: number }) {
  const row = await tx
    .insertInto('grid_plans')
    .values({
      region_code: DEMO_COUNTY_CODE,
      year: p.year,
      name: p.name,
      status: p.status,
      based_on_plan_id: p.basedOn ?? null,
      note: '按“相对集中、大小适宜、便于管护”原则划定，山头落到人头（示例数据）',
      activated_at: chinaMorning(p.activatedOn),
      archived_at: p.archivedOn ? chinaMorning(p.archivedOn) : null,
      // Not the day the demo was generated: a plan cannot be switched on before it was drawn up.
      created_at: chinaMorning(p.createdOn),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function insertGrids(tx: Tx, planId: number, grids: readonly PlannedGrid[], names: ReadonlyMap<string, string>, frame: LocalFrame) {
  const rows = grids.map((g) => ({
    region_code: g.villageCode,
    code: `${g.villageCode}-${String(g.index).padStart(2, '0')}`,
    name: `${shortName(names.get(g.villageCode) ?? '')}${g.index}号网格`,
    geometry: frame.multiPolygon(g.area),
    ranger_post_id: g.rangerPostId,
  }));
  for (let i = 0; i < rows.length; i += 500) {
    await sql`
      insert into grids (plan_id, region_code, code, name, geom, ranger_post_id)
      select ${planId}, region_code, code, name, ${validMulti(sql`st_geomfromgeojson(geometry)`)}, ranger_post_id
        from json_to_recordset(${JSON.stringify(rows.slice(i, i + 500))}::json) as r(region_code text, code text, name text, geometry text, ranger_post_id bigint)`.execute(tx);
  }
}

import { sql } from 'kysely';
import type { Context } from '../../server/src/platform/context.ts';
import type { Box } from '../../server/src/platform/tiles/tile-math.ts';

/**
 * A synthetic sub-compartment layer for the tile benchmark: `count` irregular octagons of 5–20 ha
 * on a jittered grid centred on 114.9°E 25.8°N (the demo county), ~7,000 to a z10 tile like the
 * measurements of our machine kind's raw limits (docs/performance.md). Each belongs to one of the demo county's
 * villages in turn, so row-level security scopes them like real data. Generated in SQL (a
 * deterministic hash instead of random()) so 200,000 rows need no round trips of GeoJSON.
 */
export interface GeneratedLayer {
  count: number;
  bbox: Box;
}

const CENTRE = { lon: 114.9, lat: 25.8 };
/** Grid spacing in metres; polygons average 12.5 ha (radius ~210 m), so neighbours touch or overlap a little. */
const SPACING_M = 440;
const METRES_PER_DEGREE = 111_320;
const LAND_CLASSES = ['0111', '0111', '0111', '0111', '0113', '0113', '0120', '0131', '0132', '0141', '0161', '0171', '0210', '0230'];
const SPECIES = ['220', '350', '350', '530', '590', '780', '790', '910', '950'];
const BATCH = 10_000;

/** A deterministic number in [0, 1) for polygon `i` and purpose `k` (SQL expressions): a hash, so batches need no shared random state. */
const h = (i: string, k: string) => sql.raw(`((hashint8((${i})::int8 * 64 + (${k})) & 2147483647)::float8 / 2147483648)`);

export async function generateSubCompartments(system: Context, count: number, progress: (done: number) => void): Promise<GeneratedLayer> {
  const cols = Math.ceil(Math.sqrt(count * 1.25));
  const rows = Math.ceil(count / cols);
  const dLat = SPACING_M / METRES_PER_DEGREE;
  const dLon = SPACING_M / (METRES_PER_DEGREE * Math.cos((CENTRE.lat * Math.PI) / 180));
  const lon0 = CENTRE.lon - (cols * dLon) / 2;
  const lat0 = CENTRE.lat - (rows * dLat) / 2;
  for (let start = 0; start < count; start += BATCH) {
    const end = Math.min(count, start + BATCH) - 1;
    await system.run(async (tx) => {
      await sql`
        with villages as (select array_agg(code order by code) as codes from regions where level = 5 and code like '360702%'),
        cells as (
          select i,
                 ${lon0}::float8 + ((i % ${cols}) + 0.5 + 0.4 * (${h('i', '1')} - 0.5)) * ${dLon}::float8 as lon,
                 ${lat0}::float8 + ((i / ${cols}) + 0.5 + 0.4 * (${h('i', '2')} - 0.5)) * ${dLat}::float8 as lat,
                 -- radius of a regular octagon of 5–20 ha: area = 2·√2·r²
                 sqrt((50000 + 150000 * ${h('i', '3')}) / 2.8284) as r
            from generate_series(${start}::int, ${end}::int) i),
        rings as (
          select c.i, st_makeline(array_agg(st_point(
                   c.lon + c.r * (0.85 + 0.3 * ${h('c.i', '10 + k')}) * cos(k * pi() / 4 + 0.3 * (${h('c.i', '20 + k')} - 0.5)) / (${METRES_PER_DEGREE}::float8 * cos(radians(c.lat))),
                   c.lat + c.r * (0.85 + 0.3 * ${h('c.i', '10 + k')}) * sin(k * pi() / 4 + 0.3 * (${h('c.i', '20 + k')} - 0.5)) / ${METRES_PER_DEGREE}::float8, 4326)
                 order by k)) as line
            from cells c cross join generate_series(0, 7) k
           group by c.i)
        insert into sub_compartments (region_code, compartment, number, geom, land_class, forest_category, origin, dominant_species, age_group,
                                      canopy_density, stock_per_ha, survey_year, dataset)
        select v.codes[1 + r.i % array_length(v.codes, 1)], 'B' || lpad((r.i / 1000)::text, 4, '0'), lpad((r.i % 1000)::text, 3, '0'),
               st_multi(st_makepolygon(st_addpoint(r.line, st_startpoint(r.line)))),
               (${LAND_CLASSES}::text[])[1 + floor(${h('r.i', '30')} * ${LAND_CLASSES.length})::int],
               case when ${h('r.i', '31')} < 0.4 then '1' else '2' end,
               case when ${h('r.i', '32')} < 0.5 then '11' else '21' end,
               (${SPECIES}::text[])[1 + floor(${h('r.i', '33')} * ${SPECIES.length})::int],
               (1 + floor(${h('r.i', '34')} * 5))::text,
               round((0.2 + 0.7 * ${h('r.i', '35')})::numeric, 2), round((20 + 150 * ${h('r.i', '36')})::numeric, 2), 2024, 'bench:tiles'
          from rings r cross join villages v`.execute(tx);
    });
    progress(end + 1);
  }
  return { count, bbox: [lon0, lat0, lon0 + cols * dLon, lat0 + rows * dLat] };
}

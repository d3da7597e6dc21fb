import ExcelJS from 'exceljs';
import { sql, type RawBuilder } from 'kysely';
import type { Static } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { officeAdmin, ranger, SHASHI, SHUIDONG, townshipChief } from '../../../test/personas.ts';
import type { ResourceList } from './schema.ts';

let t: TestApp;
let office: Client;
let township: Client;
beforeAll(async () => {
  t = await startTestApp();
  office = await officeAdmin(t);
  township = await townshipChief(t);
});
afterAll(() => t.close());

const query = async <R>(text: RawBuilder<R>) => (await t.system.run((tx) => text.execute(tx))).rows;

interface Expected {
  total: number;
  sc: number;
  n: number;
  forestLand: number;
  forest: number;
  stock: number;
  natural: number;
  publicWelfare: number;
  grades: Map<string | null, number>;
  species: Map<string | null, number>;
  ages: Map<string | null, number>;
}

/**
 * The figures computed here straight from the tables, independently of the resources module:
 * `parts` yields (attributes, hectares, m³) for each piece of sub-compartment that counts.
 */
async function independently(parts: RawBuilder<unknown>, totalLand: RawBuilder<unknown>): Promise<Expected> {
  const [row] = await query(sql<Omit<Expected, 'grades' | 'species' | 'ages'>>`
    with p as (${parts})
    select (${totalLand})::float8 as total, count(*)::int as n, coalesce(sum(ha), 0) as sc,
           coalesce(sum(ha) filter (where lc.flags @> array['forest_land']), 0) as "forestLand",
           coalesce(sum(ha) filter (where lc.flags @> array['forest']), 0) as forest,
           coalesce(sum(m3), 0) as stock,
           coalesce(sum(ha) filter (where lc.flags @> array['forest'] and og.flags @> array['natural']), 0) as natural,
           coalesce(sum(ha) filter (where fc.flags @> array['public_welfare']), 0) as "publicWelfare"
      from p
      left join code_tables lc on (lc.domain, lc.code) = ('land_class', p.land_class)
      left join code_tables og on (og.domain, og.code) = ('origin', p.origin)
      left join code_tables fc on (fc.domain, fc.code) = ('forest_category', p.forest_category)`);
  const group = async (column: string, where: RawBuilder<unknown>) =>
    new Map(
      (
        await query(sql<{ code: string | null; ha: number }>`
          with p as (${parts})
          select p.${sql.ref(column)} as code, sum(ha) as ha from p
            left join code_tables fc on (fc.domain, fc.code) = ('forest_category', p.forest_category)
           where ${where} group by 1`)
      ).map((r) => [r.code, r.ha]),
    );
  return {
    ...row!,
    grades: await group('public_welfare_grade', sql`fc.flags @> array['public_welfare']`),
    species: await group('dominant_species', sql`p.dominant_species is not null`),
    ages: await group('age_group', sql`p.age_group is not null`),
  };
}

function expectSame(list: Static<typeof ResourceList>, expected: Expected) {
  // A sub-compartment wholly inside counts its stored area, rounded to 0.0001 ha; the sums may differ by that per part.
  const sameHa = (actual: number, wanted: number, label?: string) => expect(Math.abs(actual - wanted), label).toBeLessThanOrEqual(0.0005 + expected.n * 0.00005);
  sameHa(list.totalLandArea.ha, expected.total);
  expect(list.subCompartmentCount).toBe(expected.n);
  sameHa(list.subCompartmentArea.ha, expected.sc);
  sameHa(list.forestLandArea.ha, expected.forestLand);
  sameHa(list.forestLandArea.mu / 15, expected.forestLand); // 1 ha = 15 mu
  sameHa(list.forestArea.ha, expected.forest);
  expect(list.forestCoveragePercent).toBeCloseTo((expected.forest / expected.total) * 100, 2);
  expect(list.stockVolumeM3).toBeCloseTo(expected.stock, 1);
  sameHa(list.naturalForestArea.ha, expected.natural);
  sameHa(list.publicWelfareForest.total.ha, expected.publicWelfare);
  for (const [breakdown, map] of [
    [list.publicWelfareForest.byGrade, expected.grades],
    [list.byDominantSpecies, expected.species],
    [list.byAgeGroup, expected.ages],
  ] as const) {
    expect(breakdown.map((b: { code: string | null }) => b.code).sort()).toEqual([...map.keys()].sort());
    for (const b of breakdown) sameHa(b.area.ha, map.get(b.code)!, `${b.name}`);
  }
}

const wholeSubCompartments = (prefix: string) => sql`
  select land_class, origin, forest_category, public_welfare_grade, dominant_species, age_group,
         area_ha::float8 as ha, coalesce(stock_total, 0)::float8 as m3
    from sub_compartments where region_code like ${`${prefix}%`}`;

describe('resource list (资源清单) of a region', () => {
  it('of 水东镇 equals an independent SQL computation, figure by figure', async () => {
    const res = await township.get(`/api/resource-lists/region/${SHUIDONG}`);
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.subject).toMatchObject({ kind: 'region', name: '水东镇' });
    expect(list.totalLandArea.basis).toBe('region_boundary');
    const expected = await independently(wholeSubCompartments('360702101'), sql`(select st_area(geom::geography) / 10000 from regions where code = ${SHUIDONG})`);
    expect(expected.n).toBeGreaterThan(100);
    expect(expected.forest).toBeGreaterThan(0);
    expectSame(list, expected);
    expect(list.byDominantSpecies.find((s: { code: string }) => s.code === '220').name).toBe('马尾松');
    expect(list.publicWelfareForest.byGrade.find((g: { code: string }) => g.code === '10')).toMatchObject({ name: '国家级', national: true });
  });

  it('is cached with the layer versions it was computed from', async () => {
    const first = (await township.get(`/api/resource-lists/region/${SHUIDONG}`)).json();
    const again = (await township.get(`/api/resource-lists/region/${SHUIDONG}`)).json();
    expect(again.computedAt).toBe(first.computedAt);
    const [cached] = await query(sql<{ versions: Record<string, number> }>`select versions from resource_lists where subject = ${`region:${SHUIDONG}`}`);
    expect(cached!.versions).toEqual(first.versions);
  });

  it('is recomputed after the sub-compartments change (as after an import)', async () => {
    const before = (await township.get(`/api/resource-lists/region/${SHUIDONG}`)).json();
    const [changed] = await query(sql<{ area_ha: number }>`
      update sub_compartments set land_class = '0111'
       where id = (select id from sub_compartments where region_code like '360702101%' and land_class = '0210' order by id limit 1)
       returning area_ha`);
    const after = (await township.get(`/api/resource-lists/region/${SHUIDONG}`)).json();
    expect(after.versions.sub_compartments).toBeGreaterThan(before.versions.sub_compartments);
    expect(after.computedAt).not.toBe(before.computedAt);
    expect(after.forestArea.ha).toBeCloseTo(before.forestArea.ha + changed!.area_ha, 3);
    expect(after.forestLandArea.ha).toBeCloseTo(before.forestLandArea.ha + changed!.area_ha, 3);
  });

  it('follows the code-table flags: a land class that stops counting as forest leaves the figures', async () => {
    const before = (await office.get(`/api/resource-lists/region/${SHUIDONG}`)).json();
    const csv = (await office.get('/api/code-tables.csv')).body.replace('land_class,0113,竹林地,forest_land|forest,20', 'land_class,0113,竹林地,forest_land,20');
    expect((await office.put('/api/code-tables', csv, { 'content-type': 'text/csv' })).statusCode).toBe(200);
    const after = (await office.get(`/api/resource-lists/region/${SHUIDONG}`)).json();
    const [bamboo] = await query(sql<{ ha: number }>`select coalesce(sum(area_ha), 0)::float8 as ha from sub_compartments where region_code like '360702101%' and land_class = '0113'`);
    expect(bamboo!.ha).toBeGreaterThan(0);
    expect(after.forestArea.ha).toBeCloseTo(before.forestArea.ha - bamboo!.ha, 3);
    expect(after.forestLandArea.ha).toBeCloseTo(before.forestLandArea.ha, 3);
  });

  it('can be recomputed on demand', async () => {
    const before = (await township.get(`/api/resource-lists/region/${SHUIDONG}`)).json();
    const refreshed = await township.post(`/api/resource-lists/region/${SHUIDONG}/refresh`);
    expect(refreshed.statusCode).toBe(200);
    expect(refreshed.json().computedAt >= before.computedAt).toBe(true);
    expect(refreshed.json().forestArea).toEqual(before.forestArea);
  });

  it('exports to Excel with Chinese headers and units', async () => {
    const res = await township.get(`/api/resource-lists/region/${SHUIDONG}/excel`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('资源清单-水东镇.xlsx')}`);
    const list = (await township.get(`/api/resource-lists/region/${SHUIDONG}`)).json();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['资源清单', '公益林（按事权等级）', '优势树种', '龄组']);
    const summary = book.getWorksheet('资源清单')!;
    const rowOf = (label: string) => summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === label)!;
    expect(rowOf('森林面积').getCell(2).value).toBe(list.forestArea.ha);
    expect(rowOf('森林面积').getCell(3).value).toBe(list.forestArea.mu);
    expect(rowOf('森林覆盖率').getCell(2).value).toBe(list.forestCoveragePercent);
    expect(rowOf('森林覆盖率').getCell(3).value).toBe('%');
    const species = book.getWorksheet('优势树种')!;
    expect(species.getRow(1).values).toEqual([undefined, '优势树种代码', '优势树种', '面积（公顷）', '面积（亩）', '蓄积（立方米）', '小班数']);
    expect(species.rowCount - 1).toBe(list.byDominantSpecies.length);
  });

  it('a township user gets 404 for another township’s list, and a ranger may not read lists', async () => {
    expect((await township.get(`/api/resource-lists/region/${SHASHI}`)).statusCode).toBe(404);
    expect((await township.get(`/api/resource-lists/region/${SHASHI}/excel`)).statusCode).toBe(404);
    expect((await township.post(`/api/resource-lists/region/${SHASHI}/refresh`)).statusCode).toBe(404);
    expect((await (await ranger(t)).get(`/api/resource-lists/region/${SHUIDONG}`)).statusCode).toBe(403);
  });
});

describe('resource list of a responsibility area', () => {
  it('counts the part of each sub-compartment inside the area, stock in proportion to area', async () => {
    const [area] = await query(sql<{ id: number; region_code: string; area_ha: number }>`
      select a.id, a.region_code, a.area_ha from responsibility_areas a join posts p on p.id = a.post_id
       where a.region_code = '360702000000' and p.post_type = 'forest_chief' and a.name like '%水东镇%' limit 1`);
    const list = (await office.get(`/api/resource-lists/responsibility-area/${area!.id}`)).json();
    expect(list.method).toBe('clipped_to_area');
    expect(list.subject.chief).toBeTruthy();
    const parts = sql`
      select s.land_class, s.origin, s.forest_category, s.public_welfare_grade, s.dominant_species, s.age_group,
             st_area(st_intersection(s.geom, a.geom)::geography) / 10000 as ha,
             coalesce(s.stock_total, 0)::float8 * (st_area(st_intersection(s.geom, a.geom)::geography) / 10000) / s.area_ha::float8 as m3
        from sub_compartments s join responsibility_areas a on a.id = ${area!.id} and st_intersects(s.geom, a.geom)
       where s.region_code like '360702%' and st_area(st_intersection(s.geom, a.geom)::geography) > 0`;
    const expected = await independently(parts, sql`${area!.area_ha}::float8`);
    expect(expected.n).toBeGreaterThan(100);
    expectSame(list, expected);
  });

  it('a township user gets 404 for a responsibility area outside their township', async () => {
    const ids = await query(sql<{ id: number }>`select id from responsibility_areas where region_code not like '360702101%' order by id limit 10`);
    for (const { id } of ids) expect((await township.get(`/api/resource-lists/responsibility-area/${id}`)).statusCode).toBe(404);
    const [own] = await query(sql<{ id: number }>`select id from responsibility_areas where region_code like '360702101%' order by id limit 1`);
    expect((await township.get(`/api/resource-lists/responsibility-area/${own!.id}`)).statusCode).toBe(200);
  });
});

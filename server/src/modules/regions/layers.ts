import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import type { LayerAttribute, LayerDeclaration, SearchRow } from '../../platform/layers/declaration.ts';
import { bboxOf, likeEscape } from '../../platform/layers/sql.ts';

/**
 * The region a row is filed under, as every regional layer exports it: 所在区划代码 (XZQ_DM) and,
 * beside it, the region's name (XZQ_MC).
 */
export const regionAttributes = (codeLabel = '所在区划代码') => ({
  region_code: { label: codeLabel, sql: 'f.region_code', type: 'string', column: 'region_code', exportAs: 'XZQ_DM' } satisfies LayerAttribute,
  region_name: { label: '所在区划', sql: '(select r.name from regions r where r.code = f.region_code)', type: 'string', exportAs: 'XZQ_MC' } satisfies LayerAttribute,
});

/** The level a region code's zero padding says it is at (see codes.ts), as SQL over a code column. */
export const levelOfCode = (code: string) => `case when ${code} like '%0000000000' then 1 when ${code} like '%00000000' then 2
  when ${code} like '%000000' then 3 when ${code} like '%000' then 4 else 5 end`;

/** Townships and villages (any region) whose name contains the text. */
async function findRegions(tx: Tx, text: string, limit: number): Promise<SearchRow[]> {
  const { rows } = await sql<SearchRow>`
    select 'regions' as layer, f.code::int8 as id, f.name as label, f.code as region_code, ${bboxOf('f.geom')} as bbox
      from regions f
     where f.name like ${`%${likeEscape(text)}%`}
     order by f.level, f.code
     limit ${limit}`.execute(tx);
  return rows;
}

/** 行政区划: the boundaries of the administrative tree. */
export const regionsLayer: LayerDeclaration = {
  id: 'regions',
  title: '行政区划',
  table: 'regions',
  geometry: 'polygon',
  idSql: 'f.code::int8',
  regionColumn: 'code',
  // Loaded from the national division codes (regions:load), never drawn or imported.
  listOrder: 7,
  permissions: { read: 'map.read' },
  attributes: {
    code: { label: '区划代码', sql: 'f.code', type: 'string', exportAs: 'XZQ_DM' },
    name: { label: '名称', sql: 'f.name', type: 'string', exportAs: 'XZQ_MC' },
    level: { label: '级别', sql: 'f.level', type: 'integer', exportAs: 'JB', exportHeader: '级别（1省 2市 3县 4乡镇 5村）' },
    level_name: { label: '级别', sql: "case f.level when 1 then '省' when 2 then '市' when 3 then '县（区）' when 4 then '乡镇（街道）' else '村（社区）' end", type: 'string' },
    parent_code: { label: '上级区划代码', sql: 'f.parent_code', type: 'string', exportAs: 'SJ_DM' },
    area_ha: { label: '面积', unit: '公顷', sql: 'round((st_area(f.geom::geography) / 10000)::numeric, 4)', type: 'number', exportAs: 'MJ_GQ' },
    area_mu: { label: '面积', unit: '亩', sql: 'round((st_area(f.geom::geography) / 10000 * 15)::numeric, 2)', type: 'number', exportAs: 'MJ_MU' },
  },
  tiles: {
    attributes: ['code', 'name', 'level'],
    // Counties from z5, townships from z9, villages from z12: each shown where it is a few hundred pixels wide.
    zooms: [
      { fromZoom: 5, extent: 1024, simplify: 1, attributes: ['code', 'name', 'level'], where: 'f.level <= 3' },
      { fromZoom: 9, extent: 2048, simplify: 1, attributes: ['code', 'name', 'level'], where: 'f.level <= 4' },
      { fromZoom: 12, extent: 4096, simplify: 0, attributes: ['code', 'name', 'level'] },
    ],
    maxZoom: 16,
    buffer: 64,
    label: { attribute: 'name', fromZoom: 9 },
  },
  details: { title: 'name', fields: ['code', 'name', 'level_name'] },
  search: { rank: 2, find: findRegions },
  export: { file: 'xingzhengqh', key: 'code', fields: ['code', 'name', 'level', 'parent_code', 'area_ha', 'area_mu'] },
};

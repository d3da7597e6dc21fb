import { sql, type RawBuilder } from 'kysely';
import { subtreePrefix } from '../../platform/scope/regions.ts';

/**
 * What each exportable layer contains. Attribute names are the pinyin abbreviations offices know
 * from the forest resource "one map" (XIAO_BAN 小班号, LIN_BAN 林班号, DI_LEI 地类, YOU_SHI_SZ 优势树种 …),
 * at most 10 ASCII characters as DBF requires, and the same in every format; coded values are
 * exported as the code and, beside it, the name from the code tables (…_MC).
 */

export type LayerId = 'sub_compartments' | 'grids' | 'risk_areas' | 'key_routes' | 'responsibility_areas' | 'reference_features' | 'regions';

export interface ExportFilter {
  regionCode?: string;
  planId?: number;
  kind?: string;
  landClass?: string;
  dominantSpecies?: string;
  layerId?: number;
}

export type FilterName = keyof ExportFilter;

export interface ExportField {
  /** Column name in the query, in GeoJSON properties and in the DBF (≤ 10 ASCII characters). */
  name: string;
  /** Excel header. */
  header: string;
}

export interface ExportLayer {
  id: LayerId;
  title: string;
  /** ASCII base name of the files inside a Shapefile zip. */
  file: string;
  filters: FilterName[];
  fields: ExportField[];
  /** The column that orders rows and pages through them. */
  key: 'id' | 'XZQ_DM';
  /** One row per feature: the key, `geometry` (GeoJSON), `gtype` (POINT, MULTIPOLYGON …) and the fields. */
  rows(filter: ExportFilter): RawBuilder<unknown>;
}

const f = (name: string, header: string): ExportField => ({ name, header });
const codeName = (domain: string, column: RawBuilder<unknown>) => sql`(select c.name from code_tables c where c.domain = ${domain} and c.code = ${column})`;
const inRegion = (column: string, code: string | undefined) => (code ? sql`${sql.ref(column)} like ${`${subtreePrefix(code)}%`}` : sql`true`);
const geometryColumns = (column: string) => sql`st_asgeojson(${sql.ref(column)}, 7)::json as geometry, geometrytype(${sql.ref(column)}) as gtype`;
const regionName = (column: string) => sql`(select r.name from regions r where r.code = ${sql.ref(column)})`;

const subCompartments: ExportLayer = {
  id: 'sub_compartments',
  title: '小班',
  file: 'xiaoban',
  filters: ['regionCode', 'landClass', 'dominantSpecies'],
  key: 'id',
  fields: [
    f('ID', '小班ID'),
    f('XZQ_DM', '所在区划代码'),
    f('XZQ_MC', '所在区划'),
    f('LIN_BAN', '林班号'),
    f('XIAO_BAN', '小班号'),
    f('XBMJ', '小班面积（公顷）'),
    f('XBMJ_MU', '小班面积（亩）'),
    f('DI_LEI', '地类代码'),
    f('DI_LEI_MC', '地类'),
    f('SEN_LIN_LB', '森林类别代码'),
    f('SLLB_MC', '森林类别'),
    f('SHI_QUAN_D', '事权等级代码'),
    f('SQDJ_MC', '事权等级'),
    f('BH_DJ', '公益林保护等级代码'),
    f('BHDJ_MC', '公益林保护等级'),
    f('QI_YUAN', '起源代码'),
    f('QI_YUAN_MC', '起源'),
    f('YOU_SHI_SZ', '优势树种代码'),
    f('YSSZ_MC', '优势树种'),
    f('LING_ZU', '龄组代码'),
    f('LING_ZU_MC', '龄组'),
    f('YU_BI_DU', '郁闭度'),
    f('MEI_GQ_XJ', '每公顷蓄积（立方米）'),
    f('HUO_LM_XJ', '小班蓄积（立方米）'),
    f('LD_QS', '林地所有权代码'),
    f('LD_QS_MC', '林地所有权'),
    f('DC_ND', '调查年度'),
    f('SJ_LY', '数据来源'),
  ],
  rows: (q) => sql`
    select s.id, ${geometryColumns('s.geom')},
           s.id as "ID", s.region_code as "XZQ_DM", ${regionName('s.region_code')} as "XZQ_MC",
           s.compartment as "LIN_BAN", s.number as "XIAO_BAN", s.area_ha as "XBMJ", round(s.area_ha * 15, 2) as "XBMJ_MU",
           s.land_class as "DI_LEI", ${codeName('land_class', sql`s.land_class`)} as "DI_LEI_MC",
           s.forest_category as "SEN_LIN_LB", ${codeName('forest_category', sql`s.forest_category`)} as "SLLB_MC",
           s.public_welfare_grade as "SHI_QUAN_D", ${codeName('public_welfare_grade', sql`s.public_welfare_grade`)} as "SQDJ_MC",
           s.protection_grade as "BH_DJ", ${codeName('protection_grade', sql`s.protection_grade`)} as "BHDJ_MC",
           s.origin as "QI_YUAN", ${codeName('origin', sql`s.origin`)} as "QI_YUAN_MC",
           s.dominant_species as "YOU_SHI_SZ", ${codeName('dominant_species', sql`s.dominant_species`)} as "YSSZ_MC",
           s.age_group as "LING_ZU", ${codeName('age_group', sql`s.age_group`)} as "LING_ZU_MC",
           s.canopy_density as "YU_BI_DU", s.stock_per_ha as "MEI_GQ_XJ", s.stock_total as "HUO_LM_XJ",
           s.ownership as "LD_QS", ${codeName('ownership', sql`s.ownership`)} as "LD_QS_MC",
           s.survey_year as "DC_ND", s.dataset as "SJ_LY"
      from sub_compartments s
     where ${inRegion('s.region_code', q.regionCode)}
       and ${q.landClass ? sql`s.land_class = ${q.landClass}` : sql`true`}
       and ${q.dominantSpecies ? sql`s.dominant_species = ${q.dominantSpecies}` : sql`true`}`,
};

const grids: ExportLayer = {
  id: 'grids',
  title: '网格',
  file: 'wangge',
  filters: ['regionCode', 'planId'],
  key: 'id',
  fields: [
    f('ID', '网格ID'),
    f('FA_ID', '方案ID'),
    f('FA_MC', '网格方案'),
    f('FA_ND', '方案年度'),
    f('FA_ZT', '方案状态'),
    f('WG_BH', '网格编号'),
    f('WG_MC', '网格名称'),
    f('XZQ_DM', '所在区划代码'),
    f('XZQ_MC', '所在区划'),
    f('MJ_GQ', '面积（公顷）'),
    f('MJ_MU', '面积（亩）'),
    f('HLY_ZWID', '护林员职务ID'),
    f('HLY_XM', '护林员'),
    f('BZ', '备注'),
  ],
  // Without a plan: the grids of the active plans the caller can see.
  rows: (q) => sql`
    select g.id, ${geometryColumns('g.geom')},
           g.id as "ID", p.id as "FA_ID", p.name as "FA_MC", p.year as "FA_ND",
           case p.status when 'draft' then '草稿' when 'active' then '启用' else '已归档' end as "FA_ZT",
           g.code as "WG_BH", g.name as "WG_MC", g.region_code as "XZQ_DM", ${regionName('g.region_code')} as "XZQ_MC",
           g.area_ha as "MJ_GQ", round(g.area_ha * 15, 2) as "MJ_MU", g.ranger_post_id as "HLY_ZWID",
           (select pe.name from posts po join persons pe on pe.id = po.person_id where po.id = g.ranger_post_id) as "HLY_XM",
           g.note as "BZ"
      from grids g join grid_plans p on p.id = g.plan_id
     where ${inRegion('g.region_code', q.regionCode)}
       and ${q.planId === undefined ? sql`p.status = 'active'` : sql`p.id = ${q.planId}`}`,
};

const riskAreas: ExportLayer = {
  id: 'risk_areas',
  title: '重点区域',
  file: 'zhongdianqy',
  filters: ['regionCode', 'kind'],
  key: 'id',
  fields: [
    f('ID', '重点区域ID'),
    f('LX', '类型代码'),
    f('LX_MC', '类型'),
    f('MC', '名称'),
    f('XZQ_DM', '所在区划代码'),
    f('XZQ_MC', '所在区划'),
    f('MJ_GQ', '面积（公顷）'),
    f('CD_M', '长度（米）'),
    f('BZ', '备注'),
    f('SJ_LY', '数据来源'),
  ],
  rows: (q) => sql`
    select ra.id, ${geometryColumns('ra.geom')},
           ra.id as "ID", ra.kind as "LX", ${codeName('risk_area_kind', sql`ra.kind`)} as "LX_MC", ra.name as "MC",
           ra.region_code as "XZQ_DM", ${regionName('ra.region_code')} as "XZQ_MC",
           case when geometrytype(ra.geom) like '%POLYGON' then round((st_area(ra.geom::geography) / 10000)::numeric, 4) end as "MJ_GQ",
           case when geometrytype(ra.geom) like '%LINESTRING' then round(st_length(ra.geom::geography)::numeric, 1) end as "CD_M",
           ra.note as "BZ", ra.dataset as "SJ_LY"
      from risk_areas ra
     where ${inRegion('ra.region_code', q.regionCode)} and ${q.kind ? sql`ra.kind = ${q.kind}` : sql`true`}`,
};

const keyRoutes: ExportLayer = {
  id: 'key_routes',
  title: '重点线路',
  file: 'zhongdianxl',
  filters: ['regionCode'],
  key: 'id',
  fields: [f('ID', '重点线路ID'), f('MC', '名称'), f('XZQ_DM', '所在区划代码'), f('XZQ_MC', '所在区划'), f('CD_M', '长度（米）'), f('SJ_LY', '数据来源')],
  rows: (q) => sql`
    select kr.id, ${geometryColumns('kr.geom')},
           kr.id as "ID", kr.name as "MC", kr.region_code as "XZQ_DM", ${regionName('kr.region_code')} as "XZQ_MC",
           kr.length_m as "CD_M", kr.dataset as "SJ_LY"
      from key_routes kr where ${inRegion('kr.region_code', q.regionCode)}`,
};

const responsibilityAreas: ExportLayer = {
  id: 'responsibility_areas',
  title: '责任区域',
  file: 'zerenqy',
  filters: ['regionCode'],
  key: 'id',
  fields: [
    f('ID', '责任区域ID'),
    f('MC', '名称'),
    f('ZW_ID', '林长职务ID'),
    f('LZ_XM', '林长'),
    f('LZ_ZW', '林长职务'),
    f('XZQ_DM', '所在区划代码'),
    f('XZQ_MC', '所在区划'),
    f('MJ_GQ', '面积（公顷）'),
    f('MJ_MU', '面积（亩）'),
  ],
  rows: (q) => sql`
    select a.id, ${geometryColumns('a.geom')},
           a.id as "ID", a.name as "MC", a.post_id as "ZW_ID", pe.name as "LZ_XM", coalesce(po.title, pt.name_zh) as "LZ_ZW",
           a.region_code as "XZQ_DM", ${regionName('a.region_code')} as "XZQ_MC", a.area_ha as "MJ_GQ", round(a.area_ha * 15, 2) as "MJ_MU"
      from responsibility_areas a join posts po on po.id = a.post_id join persons pe on pe.id = po.person_id
      join post_types pt on pt.code = po.post_type
     where ${inRegion('a.region_code', q.regionCode)}`,
};

const referenceFeatures: ExportLayer = {
  id: 'reference_features',
  title: '参考图层要素',
  file: 'cankao',
  filters: ['regionCode', 'layerId'],
  key: 'id',
  fields: [f('ID', '要素ID'), f('TC_ID', '图层ID'), f('TC_MC', '图层'), f('MC', '名称'), f('XZQ_DM', '所属区划代码'), f('SX', '其他属性（JSON）')],
  rows: (q) => sql`
    select rf.id, ${geometryColumns('rf.geom')},
           rf.id as "ID", rf.layer_id as "TC_ID", l.name as "TC_MC", rf.name as "MC", rf.region_code as "XZQ_DM",
           case when rf.properties = '{}'::jsonb then null else rf.properties::text end as "SX"
      from reference_features rf join reference_layers l on l.id = rf.layer_id
     where ${inRegion('rf.region_code', q.regionCode)} and ${q.layerId === undefined ? sql`true` : sql`rf.layer_id = ${q.layerId}`}`,
};

const regions: ExportLayer = {
  id: 'regions',
  title: '行政区划',
  file: 'xingzhengqh',
  filters: ['regionCode'],
  key: 'XZQ_DM',
  fields: [f('XZQ_DM', '区划代码'), f('XZQ_MC', '名称'), f('JB', '级别（1省 2市 3县 4乡镇 5村）'), f('SJ_DM', '上级区划代码'), f('MJ_GQ', '面积（公顷）'), f('MJ_MU', '面积（亩）')],
  rows: (q) => sql`
    select r.code as "XZQ_DM", ${geometryColumns('r.geom')}, r.name as "XZQ_MC", r.level as "JB", r.parent_code as "SJ_DM",
           round((st_area(r.geom::geography) / 10000)::numeric, 4) as "MJ_GQ", round((st_area(r.geom::geography) / 10000 * 15)::numeric, 2) as "MJ_MU"
      from regions r where ${inRegion('r.code', q.regionCode)}`,
};

export const EXPORT_LAYERS: Record<LayerId, ExportLayer> = {
  sub_compartments: subCompartments,
  grids,
  risk_areas: riskAreas,
  key_routes: keyRoutes,
  responsibility_areas: responsibilityAreas,
  reference_features: referenceFeatures,
  regions,
};

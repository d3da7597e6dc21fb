import { sql } from 'kysely';
import { Type } from 'typebox';
import { notFound } from '../../platform/errors/app-error.ts';
import { bands, coded, column, dataset, rowId, storedArea } from '../../platform/layers/attributes.ts';
import type { LayerDeclaration } from '../../platform/layers/declaration.ts';
import { regionAttributes } from '../regions/layers.ts';
import { findLayers, importReferenceFeatures } from './repository/reference-layers.ts';
import { importSubCompartments, searchSubCompartments } from './repository/sub-compartments.ts';

/** What the inventory says of a sub-compartment, in the order offices read it (feature panel, export). */
const INVENTORY = [
  'land_class',
  'forest_category',
  'public_welfare_grade',
  'protection_grade',
  'origin',
  'dominant_species',
  'age_group',
  'canopy_density',
  'stock_per_ha',
  'stock_total',
  'ownership',
  'survey_year',
  'dataset',
];

/** The attributes a sub-compartment tile carries from z14, where each is its own clickable feature. */
const SUB_COMPARTMENT_DETAIL = ['label', 'land_class', 'forest_category', 'origin', 'dominant_species', 'age_group', 'region_code'];

/**
 * 小班: the forest inventory's unit. Attribute names in exports are the pinyin abbreviations of
 * the forest resource "one map" (林草湿一张图: XIAO_BAN, LIN_BAN, DI_LEI, YOU_SHI_SZ …).
 */
export const subCompartmentsLayer: LayerDeclaration = {
  id: 'sub_compartments',
  title: '小班',
  table: 'sub_compartments',
  geometry: 'polygon',
  idSql: 'f.id',
  regionColumn: 'region_code',
  listOrder: 1,
  permissions: { read: 'map.read', write: 'land.write' },
  attributes: {
    id: rowId('小班ID'),
    ...regionAttributes(),
    label: { label: '林班号-小班号', sql: "f.compartment || '-' || f.number", type: 'string' },
    compartment: column('compartment', '林班号', { exportAs: 'LIN_BAN' }),
    number: column('number', '小班号', { exportAs: 'XIAO_BAN' }),
    ...storedArea('小班面积', { ha: 'XBMJ', mu: 'XBMJ_MU' }),
    land_class: coded('land_class', '地类', { code: 'DI_LEI', name: 'DI_LEI_MC' }),
    forest_category: coded('forest_category', '森林类别', { code: 'SEN_LIN_LB', name: 'SLLB_MC' }),
    public_welfare_grade: coded('public_welfare_grade', '事权等级', { code: 'SHI_QUAN_D', name: 'SQDJ_MC' }),
    protection_grade: coded('protection_grade', '公益林保护等级', { code: 'BH_DJ', name: 'BHDJ_MC' }),
    origin: coded('origin', '起源', { code: 'QI_YUAN', name: 'QI_YUAN_MC' }),
    dominant_species: coded('dominant_species', '优势树种', { code: 'YOU_SHI_SZ', name: 'YSSZ_MC' }),
    age_group: coded('age_group', '龄组', { code: 'LING_ZU', name: 'LING_ZU_MC' }),
    canopy_density: column('canopy_density', '郁闭度', { type: 'number', exportAs: 'YU_BI_DU' }),
    stock_per_ha: column('stock_per_ha', '每公顷蓄积', { type: 'number', unit: '立方米', exportAs: 'MEI_GQ_XJ' }),
    stock_total: column('stock_total', '小班蓄积', { type: 'number', unit: '立方米', exportAs: 'HUO_LM_XJ' }),
    ownership: coded('ownership', '林地所有权', { code: 'LD_QS', name: 'LD_QS_MC' }),
    survey_year: column('survey_year', '调查年度', { type: 'integer', exportAs: 'DC_ND' }),
    dataset: dataset(),
  },
  tiles: {
    attributes: SUB_COMPARTMENT_DETAIL,
    // Rules for low zooms keep a z10 tile small enough for a phone: a district-wide view has no
    // use for 9,000 clickable slivers, so sub-compartments merge into one multipolygon per land
    // class there, one unit per screen pixel of a 512-pixel tile.
    zooms: [
      { fromZoom: 10, extent: 512, simplify: 1, attributes: ['land_class'], merge: true },
      { fromZoom: 11, extent: 1024, simplify: 1, attributes: ['land_class'], merge: true },
      // From z12 every sub-compartment is its own clickable feature.
      { fromZoom: 12, extent: 2048, simplify: 1, attributes: ['label', 'land_class', 'forest_category', 'region_code'] },
      { fromZoom: 14, extent: 4096, simplify: 0, attributes: SUB_COMPARTMENT_DETAIL },
    ],
    maxZoom: 16,
    buffer: 64,
    label: { attribute: 'label', fromZoom: 14 },
  },
  details: {
    title: 'label',
    fields: ['compartment', 'number', ...INVENTORY],
    extra: 'f.extra',
  },
  search: { rank: 1, find: searchSubCompartments },
  export: {
    file: 'xiaoban',
    key: 'id',
    fields: ['id', 'region_code', 'region_name', 'compartment', 'number', 'area_ha', 'area_mu', ...INVENTORY],
    filters: {
      landClass: { schema: Type.String({ maxLength: 20, description: '地类代码（仅 sub_compartments）' }), where: (v) => sql`f.land_class = ${v}` },
      dominantSpecies: { schema: Type.String({ maxLength: 20, description: '优势树种代码（仅 sub_compartments）' }), where: (v) => sql`f.dominant_species = ${v}` },
    },
  },
  import: {
    fields: [
      { attribute: 'compartment', kind: { type: 'text', max: 12 }, required: true },
      { attribute: 'number', kind: { type: 'text', max: 12 }, required: true },
      { attribute: 'land_class' },
      { attribute: 'forest_category' },
      { attribute: 'public_welfare_grade' },
      { attribute: 'protection_grade' },
      { attribute: 'origin' },
      { attribute: 'dominant_species' },
      { attribute: 'age_group' },
      { attribute: 'canopy_density', kind: { type: 'number', min: 0, max: 1 } },
      { attribute: 'stock_per_ha', kind: { type: 'number', min: 0 } },
      { attribute: 'stock_total', kind: { type: 'number', min: 0 } },
      { attribute: 'ownership' },
      { attribute: 'survey_year', kind: { type: 'year' } },
    ],
    placesByFeature: true,
    naturalKey: ['region_code', 'compartment', 'number'],
    unmapped: 'extra',
    options: [],
    write: importSubCompartments,
  },
};

/** 参考图层要素: the features of the layers an office keeps for the map (自然保护地, 林场 …). */
export const referenceFeaturesLayer: LayerDeclaration = {
  id: 'reference_features',
  title: '参考图层',
  table: 'reference_features',
  geometry: 'mixed',
  idSql: 'f.id',
  regionColumn: 'region_code',
  listOrder: 6,
  permissions: { read: 'map.read', write: 'land.write' },
  attributes: {
    id: rowId('要素ID'),
    layer_id: { label: '参考图层', sql: 'f.layer_id', type: 'integer', exportAs: 'TC_ID', exportHeader: '图层ID' },
    layer_name: { label: '参考图层', sql: '(select l.name from reference_layers l where l.id = f.layer_id)', type: 'string', exportAs: 'TC_MC', exportHeader: '图层' },
    name: column('name', '名称', { exportAs: 'MC' }),
    title: { label: '名称', sql: 'coalesce(f.name, (select l.name from reference_layers l where l.id = f.layer_id))', type: 'string' },
    region_code: { ...regionAttributes().region_code, label: '所属区划代码' },
    properties: { label: '其他属性（JSON）', sql: "case when f.properties = '{}'::jsonb then null else f.properties::text end", type: 'string', exportAs: 'SX' },
  },
  tiles: { attributes: ['layer_id', 'name'], zooms: bands(8, ['layer_id', 'name']), maxZoom: 16, buffer: 64, label: { attribute: 'name', fromZoom: 10 } },
  details: { title: 'title', fields: ['layer_name', 'name'], extra: 'f.properties' },
  export: {
    title: '参考图层要素',
    file: 'cankao',
    key: 'id',
    fields: ['id', 'layer_id', 'layer_name', 'name', 'region_code', 'properties'],
    filters: {
      layerId: {
        schema: Type.Integer({ minimum: 1, description: '参考图层（仅 reference_features）' }),
        where: (v) => sql`f.layer_id = ${v}`,
        describe: async (tx, v) => {
          const [layer] = await findLayers(tx, { id: Number(v) });
          if (!layer) throw notFound('参考图层', v);
          return layer.name;
        },
      },
    },
  },
  import: {
    fields: [{ attribute: 'name', kind: { type: 'text', max: 100 } }],
    placesByFeature: true,
    naturalKey: [],
    unmapped: 'properties',
    options: ['layerName'],
    write: importReferenceFeatures,
  },
};

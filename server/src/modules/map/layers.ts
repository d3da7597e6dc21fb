import { sql } from 'kysely';
import { NO_FILTER, type TileFilter, type TileLayerSpec, type ZoomRule } from '../../platform/tiles/layer-spec.ts';

/**
 * The layers of the one map (林业一张图) as data: where each comes from, what its tiles carry
 * at each zoom and what a person reads in the legend. Rules for low zooms keep a z10 tile small
 * enough for a phone: fewer tile units (shapes snap to fewer vertices), Douglas–Peucker at one
 * unit, only the attributes the style needs, and sub-compartments merged into one multipolygon
 * per land class (a district-wide view has no use for 9,000 clickable slivers). Scope is not
 * here: row-level security leaves out what the caller may not see.
 */
export interface MapLayer {
  spec: TileLayerSpec;
  /** 图层名称 */
  name: string;
  geometry: 'polygon' | 'line' | 'point' | 'mixed';
  /** Legend labels, and the code table that names the values of coded attributes. */
  attributes: Record<string, { label: string; codeDomain?: string }>;
  /** Conditions taken from the tile request's query string (e.g. which grid plan). */
  filter?: (query: { plan?: number | undefined }) => TileFilter;
}

/** The bands most layers use: a coarser grid and one-unit simplification below z12, full detail above. */
function bands(fromZoom: number, attributes: readonly string[], extra: Partial<ZoomRule> = {}): ZoomRule[] {
  const bands: ZoomRule[] = [];
  if (fromZoom < 12) bands.push({ fromZoom, extent: 2048, simplify: 1, attributes, ...extra });
  bands.push({ fromZoom: Math.max(fromZoom, 12), extent: 4096, simplify: 0, attributes, ...extra });
  return bands;
}

/** The level a region code's zero padding says it is at (see modules/regions/codes.ts). */
const LEVEL_OF_CODE = `case when f.region_code like '%0000000000' then 1 when f.region_code like '%00000000' then 2
  when f.region_code like '%000000' then 3 when f.region_code like '%000' then 4 else 5 end`;

const regions: MapLayer = {
  name: '行政区划',
  geometry: 'polygon',
  attributes: { code: { label: '区划代码' }, name: { label: '名称' }, level: { label: '级别' } },
  spec: {
    id: 'regions',
    from: 'regions f',
    idSql: 'f.code::int8',
    geomSql: 'f.geom',
    attributes: [
      { name: 'code', sql: 'f.code', type: 'string' },
      { name: 'name', sql: 'f.name', type: 'string' },
      { name: 'level', sql: 'f.level', type: 'integer' },
    ],
    // Counties from z5, townships from z9, villages from z12: each shown where it is a few hundred pixels wide.
    zooms: [
      { fromZoom: 5, extent: 1024, simplify: 1, attributes: ['code', 'name', 'level'], where: 'f.level <= 3' },
      { fromZoom: 9, extent: 2048, simplify: 1, attributes: ['code', 'name', 'level'], where: 'f.level <= 4' },
      { fromZoom: 12, extent: 4096, simplify: 0, attributes: ['code', 'name', 'level'] },
    ],
    maxZoom: 16,
    buffer: 64,
    dependsOn: ['regions'],
  },
};

const responsibilityAreas: MapLayer = {
  name: '林长责任区域',
  geometry: 'polygon',
  attributes: { name: { label: '责任区域' }, level: { label: '林长级别' }, region_code: { label: '区划代码' } },
  spec: {
    id: 'responsibility_areas',
    from: 'responsibility_areas f',
    idSql: 'f.id',
    geomSql: 'f.geom',
    attributes: [
      { name: 'name', sql: 'f.name', type: 'string' },
      { name: 'level', sql: LEVEL_OF_CODE, type: 'integer' },
      { name: 'region_code', sql: 'f.region_code', type: 'string' },
    ],
    zooms: bands(8, ['name', 'level', 'region_code']),
    maxZoom: 16,
    buffer: 64,
    dependsOn: ['responsibility_areas'],
  },
};

const grids: MapLayer = {
  name: '护林网格',
  geometry: 'polygon',
  attributes: { code: { label: '网格编码' }, name: { label: '网格名称' }, has_ranger: { label: '已落实护林员' }, region_code: { label: '区划代码' }, plan_id: { label: '网格方案' } },
  spec: {
    id: 'grids',
    from: 'grids f',
    idSql: 'f.id',
    geomSql: 'f.geom',
    attributes: [
      { name: 'code', sql: 'f.code', type: 'string' },
      { name: 'name', sql: 'f.name', type: 'string' },
      { name: 'has_ranger', sql: 'f.ranger_post_id is not null', type: 'boolean' },
      { name: 'region_code', sql: 'f.region_code', type: 'string' },
      { name: 'plan_id', sql: 'f.plan_id', type: 'integer' },
    ],
    zooms: bands(10, ['code', 'name', 'has_ranger', 'region_code', 'plan_id']),
    maxZoom: 16,
    buffer: 64,
    dependsOn: ['grids', 'grid_plans'],
  },
  // Without ?plan the active plans the caller can see (one per county); a plan outside scope shows nothing.
  filter: ({ plan }) =>
    plan === undefined
      ? { sql: sql`f.plan_id in (select p.id from grid_plans p where p.status = 'active')`, key: 'plan=active' }
      : { sql: sql`f.plan_id = ${plan}`, key: `plan=${plan}` },
};

const SUB_COMPARTMENT_DETAIL = ['label', 'land_class', 'forest_category', 'origin', 'dominant_species', 'age_group', 'region_code'];
const subCompartments: MapLayer = {
  name: '小班',
  geometry: 'polygon',
  attributes: {
    label: { label: '林班号-小班号' },
    land_class: { label: '地类', codeDomain: 'land_class' },
    forest_category: { label: '森林类别', codeDomain: 'forest_category' },
    origin: { label: '起源', codeDomain: 'origin' },
    dominant_species: { label: '优势树种', codeDomain: 'dominant_species' },
    age_group: { label: '龄组', codeDomain: 'age_group' },
    region_code: { label: '区划代码' },
  },
  spec: {
    id: 'sub_compartments',
    from: 'sub_compartments f',
    idSql: 'f.id',
    geomSql: 'f.geom',
    attributes: [
      { name: 'label', sql: "f.compartment || '-' || f.number", type: 'string' },
      { name: 'land_class', sql: 'f.land_class', type: 'string' },
      { name: 'forest_category', sql: 'f.forest_category', type: 'string' },
      { name: 'origin', sql: 'f.origin', type: 'string' },
      { name: 'dominant_species', sql: 'f.dominant_species', type: 'string' },
      { name: 'age_group', sql: 'f.age_group', type: 'string' },
      { name: 'region_code', sql: 'f.region_code', type: 'string' },
    ],
    zooms: [
      // One unit per screen pixel of a 512-pixel tile at z10, merged per land class: a district at a glance.
      { fromZoom: 10, extent: 512, simplify: 1, attributes: ['land_class'], merge: true },
      { fromZoom: 11, extent: 1024, simplify: 1, attributes: ['land_class'], merge: true },
      // From z12 every sub-compartment is its own clickable feature.
      { fromZoom: 12, extent: 2048, simplify: 1, attributes: ['label', 'land_class', 'forest_category', 'region_code'] },
      { fromZoom: 14, extent: 4096, simplify: 0, attributes: SUB_COMPARTMENT_DETAIL },
    ],
    maxZoom: 16,
    buffer: 64,
    dependsOn: ['sub_compartments'],
  },
};

const riskAreas: MapLayer = {
  name: '重点区域',
  geometry: 'mixed',
  attributes: { kind: { label: '类型', codeDomain: 'risk_area_kind' }, name: { label: '名称' }, region_code: { label: '区划代码' } },
  spec: {
    id: 'risk_areas',
    from: 'risk_areas f',
    idSql: 'f.id',
    geomSql: 'f.geom',
    attributes: [
      { name: 'kind', sql: 'f.kind', type: 'string' },
      { name: 'name', sql: 'f.name', type: 'string' },
      { name: 'region_code', sql: 'f.region_code', type: 'string' },
    ],
    zooms: bands(10, ['kind', 'name', 'region_code']),
    maxZoom: 16,
    buffer: 64,
    dependsOn: ['risk_areas'],
  },
};

const keyRoutes: MapLayer = {
  name: '重点线路',
  geometry: 'line',
  attributes: { name: { label: '名称' }, length_m: { label: '长度（米）' }, region_code: { label: '区划代码' } },
  spec: {
    id: 'key_routes',
    from: 'key_routes f',
    idSql: 'f.id',
    geomSql: 'f.geom',
    attributes: [
      { name: 'name', sql: 'f.name', type: 'string' },
      { name: 'length_m', sql: 'round(f.length_m)', type: 'integer' },
      { name: 'region_code', sql: 'f.region_code', type: 'string' },
    ],
    zooms: bands(10, ['name', 'length_m', 'region_code']),
    maxZoom: 16,
    buffer: 64,
    dependsOn: ['key_routes'],
  },
};

const referenceFeatures: MapLayer = {
  name: '参考图层',
  geometry: 'mixed',
  attributes: { layer_id: { label: '参考图层' }, name: { label: '名称' } },
  spec: {
    id: 'reference_features',
    from: 'reference_features f',
    idSql: 'f.id',
    geomSql: 'f.geom',
    attributes: [
      { name: 'layer_id', sql: 'f.layer_id', type: 'integer' },
      { name: 'name', sql: 'f.name', type: 'string' },
    ],
    zooms: bands(8, ['layer_id', 'name']),
    maxZoom: 16,
    buffer: 64,
    dependsOn: ['reference_features'],
  },
};

/** In drawing order, bottom first. */
export const MAP_LAYERS: readonly MapLayer[] = [regions, responsibilityAreas, subCompartments, grids, riskAreas, keyRoutes, referenceFeatures];

const byId = new Map(MAP_LAYERS.map((l) => [l.spec.id, l]));

export function mapLayer(id: string): MapLayer | undefined {
  return byId.get(id);
}

export function filterFor(layer: MapLayer, query: { plan?: number | undefined }): TileFilter {
  return layer.filter ? layer.filter(query) : NO_FILTER;
}

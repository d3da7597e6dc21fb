import type { Permission } from '../../platform/auth/permissions.ts';
import type { ImportTarget } from './tables.ts';

/** How a mapped value is read and checked before it is staged. */
export type FieldKind =
  | { type: 'text'; max: number; pattern?: RegExp; patternHint?: string }
  | { type: 'code'; domain: string }
  | { type: 'number'; min: number; max?: number }
  | { type: 'year' }
  | { type: 'region'; level: 'county' | 'township' | 'village' };

/** One of our fields a file column can be mapped onto. */
export interface TargetField {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
}

/** What the user must choose besides the mapping, per target. */
export type TargetOption = 'planId' | 'postId' | 'layerName' | 'kind';

export interface TargetSpec {
  target: ImportTarget;
  label: string;
  /** Who may import into it: grid-related layers need grids.write, land layers land.write. */
  permission: Permission;
  /** The geometry the layer holds; anything else in the file is rejected row by row. */
  shape: 'polygon' | 'line' | 'any';
  fields: TargetField[];
  /**
   * Fields that identify a row across imports (re-importing updates it); otherwise the dataset is
   * replaced. 'region_code' stands for the region the row is placed in.
   */
  naturalKey: string[];
  /** Where file columns nobody mapped are kept, if anywhere. */
  unmapped: 'extra' | 'properties' | null;
  options: TargetOption[];
  /** Whether the region comes from the features (codes or location) rather than from a chosen post. */
  placesByFeature: boolean;
}

const REGION_FIELDS: TargetField[] = [
  { name: 'county_code', label: '县级区划代码', kind: { type: 'region', level: 'county' } },
  { name: 'township_code', label: '乡镇区划代码', kind: { type: 'region', level: 'township' } },
  { name: 'village_code', label: '村级区划代码', kind: { type: 'region', level: 'village' } },
];
const NAME = (label: string, required = false): TargetField => ({ name: 'name', label, kind: { type: 'text', max: 100 }, required });
const NOTE: TargetField = { name: 'note', label: '备注', kind: { type: 'text', max: 500 } };

const code = (name: string, label: string, domain = name): TargetField => ({ name, label, kind: { type: 'code', domain } });

export const TARGETS: Record<ImportTarget, TargetSpec> = {
  sub_compartments: {
    target: 'sub_compartments',
    label: '小班',
    permission: 'land.write',
    shape: 'polygon',
    fields: [
      { name: 'compartment', label: '林班号', kind: { type: 'text', max: 12 }, required: true },
      { name: 'number', label: '小班号', kind: { type: 'text', max: 12 }, required: true },
      ...REGION_FIELDS,
      code('land_class', '地类'),
      code('forest_category', '森林类别'),
      code('public_welfare_grade', '事权等级'),
      code('protection_grade', '国家级公益林保护等级'),
      code('origin', '起源'),
      code('dominant_species', '优势树种'),
      code('age_group', '龄组'),
      { name: 'canopy_density', label: '郁闭度', kind: { type: 'number', min: 0, max: 1 } },
      { name: 'stock_per_ha', label: '每公顷蓄积（立方米）', kind: { type: 'number', min: 0 } },
      { name: 'stock_total', label: '小班蓄积（立方米）', kind: { type: 'number', min: 0 } },
      code('ownership', '林地所有权'),
      { name: 'survey_year', label: '调查年度', kind: { type: 'year' } },
    ],
    naturalKey: ['region_code', 'compartment', 'number'],
    unmapped: 'extra',
    options: [],
    placesByFeature: true,
  },
  grids: {
    target: 'grids',
    label: '网格',
    permission: 'grids.write',
    shape: 'polygon',
    fields: [
      {
        name: 'code',
        label: '网格编码',
        kind: { type: 'text', max: 40, pattern: /^[0-9A-Za-z_-]{1,40}$/, patternHint: '只能包含字母、数字、“-”和“_”' },
        required: true,
      },
      NAME('网格名称'),
      ...REGION_FIELDS,
      NOTE,
    ],
    naturalKey: ['code'],
    unmapped: null,
    options: ['planId'],
    placesByFeature: true,
  },
  risk_areas: {
    target: 'risk_areas',
    label: '重点区域',
    permission: 'grids.write',
    shape: 'any',
    fields: [code('kind', '重点区域类型', 'risk_area_kind'), NAME('名称'), ...REGION_FIELDS, NOTE],
    naturalKey: [],
    unmapped: null,
    options: ['kind'],
    placesByFeature: true,
  },
  key_routes: {
    target: 'key_routes',
    label: '重点线路',
    permission: 'grids.write',
    shape: 'line',
    fields: [NAME('线路名称'), ...REGION_FIELDS],
    naturalKey: [],
    unmapped: null,
    options: [],
    placesByFeature: true,
  },
  responsibility_areas: {
    target: 'responsibility_areas',
    label: '林长责任区域',
    permission: 'land.write',
    shape: 'polygon',
    fields: [NAME('责任区域名称')],
    naturalKey: [],
    unmapped: null,
    options: ['postId'],
    placesByFeature: false,
  },
  reference_features: {
    target: 'reference_features',
    label: '参考图层要素',
    permission: 'land.write',
    shape: 'any',
    fields: [NAME('名称'), ...REGION_FIELDS],
    naturalKey: [],
    unmapped: 'properties',
    options: ['layerName'],
    placesByFeature: true,
  },
};

export const IMPORT_TARGETS = Object.keys(TARGETS) as ImportTarget[];

export function fieldOf(spec: TargetSpec, name: string): TargetField | undefined {
  return spec.fields.find((f) => f.name === name);
}

/** The geometry types a target accepts, and how to say what it wants. */
export const SHAPE_TYPES: Record<TargetSpec['shape'], { types: readonly string[]; label: string }> = {
  polygon: { types: ['Polygon', 'MultiPolygon'], label: '面' },
  line: { types: ['LineString', 'MultiLineString'], label: '线' },
  any: { types: ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'], label: '点、线或面' },
};

export const GEOMETRY_TYPE_NAMES: Record<string, string> = {
  Point: '点',
  MultiPoint: '多点',
  LineString: '线',
  MultiLineString: '多线',
  Polygon: '面',
  MultiPolygon: '多面',
  GeometryCollection: '几何集合',
};

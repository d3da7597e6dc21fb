import { Type, type Static } from 'typebox';
import { RegionCode } from '../regions/schema.ts';
import { AnyGeometry, Area, Coded, GeometryOut } from './geojson.ts';

const Id = Type.Integer({ minimum: 1 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Page = { page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }) };

export const IdParams = Type.Object({ id: Id });

// ---- code tables ----

export const CodeEntry = Type.Object({
  code: Type.String(),
  name: Type.String(),
  flags: Type.Array(Type.String(), { description: '计算用标记，如 forest_land 林地、forest 森林、natural 天然、public_welfare 公益林' }),
  sort: Type.Integer(),
});

export const CodeDomain = Type.Object({
  domain: Type.String({ description: '代码表名，如 land_class 地类' }),
  label: Nullable(Type.String({ description: '代码表说明' })),
  entries: Type.Array(CodeEntry),
});

export const CodeTablesQuery = Type.Object({ domain: Type.Optional(Type.String({ pattern: '^[a-z_]+$', description: '只取一个代码表' })) }, { additionalProperties: false });

export const CodeTablesUploaded = Type.Object({
  domains: Type.Array(Type.Object({ domain: Type.String(), count: Type.Integer({ description: '上传后的代码数' }) }), { description: '被替换的代码表' }),
});

// ---- sub-compartments (小班) ----

export const SubCompartmentListQuery = Type.Object(
  {
    regionCode: Type.Optional(RegionCode),
    landClass: Type.Optional(Type.String({ maxLength: 20, description: '地类代码' })),
    dominantSpecies: Type.Optional(Type.String({ maxLength: 20, description: '优势树种代码' })),
    compartment: Type.Optional(Type.String({ maxLength: 12, description: '林班号' })),
    number: Type.Optional(Type.String({ maxLength: 12, description: '小班号' })),
    ...Page,
  },
  { additionalProperties: false },
);
export type SubCompartmentListQuery = Static<typeof SubCompartmentListQuery>;

const SubCompartmentFields = {
  id: Id,
  regionCode: RegionCode,
  regionName: Type.String({ description: '所在村（或乡镇）' }),
  townshipName: Nullable(Type.String({ description: '所在乡镇' })),
  compartment: Type.String({ description: '林班号' }),
  number: Type.String({ description: '小班号' }),
  area: Area,
  landClass: Coded,
  forestCategory: Coded,
  publicWelfareGrade: Coded,
  protectionGrade: Coded,
  origin: Coded,
  dominantSpecies: Coded,
  ageGroup: Coded,
  canopyDensity: Nullable(Type.Number({ description: '郁闭度' })),
  stockPerHa: Nullable(Type.Number({ description: '每公顷蓄积（立方米/公顷）' })),
  stockTotal: Nullable(Type.Number({ description: '小班蓄积（立方米）' })),
  ownership: Coded,
  surveyYear: Nullable(Type.Integer({ description: '调查年度' })),
  dataset: Type.String({ description: '数据来源（导入批次）' }),
};

export const SubCompartment = Type.Object(SubCompartmentFields);
export const SubCompartmentPage = Type.Object({ items: Type.Array(SubCompartment), total: Type.Integer() });
export const SubCompartmentDetail = Type.Object({
  ...SubCompartmentFields,
  extra: Type.Record(Type.String(), Type.Unknown(), { description: '原始文件中未映射到字段的属性' }),
  updatedAt: Type.String({ format: 'date-time' }),
  geometry: GeometryOut,
});

// ---- reference layers ----

export const ReferenceLayerKind = Type.Union([Type.Literal('nature_reserve'), Type.Literal('forest_farm'), Type.Literal('other')], {
  description: 'nature_reserve 自然保护地 / forest_farm 林场 / other 其他',
});

export const ReferenceLayer = Type.Object({
  id: Id,
  regionCode: RegionCode,
  regionName: Type.String(),
  name: Type.String(),
  kind: ReferenceLayerKind,
  description: Nullable(Type.String()),
  featureCount: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const ReferenceLayerListQuery = Type.Object({ regionCode: Type.Optional(RegionCode), kind: Type.Optional(ReferenceLayerKind) }, { additionalProperties: false });

export const ReferenceLayerCreate = Type.Object(
  {
    regionCode: RegionCode,
    name: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }),
    kind: Type.Optional(ReferenceLayerKind),
    description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type ReferenceLayerCreate = Static<typeof ReferenceLayerCreate>;

export const ReferenceLayerUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' })),
    kind: Type.Optional(ReferenceLayerKind),
    description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ReferenceLayerUpdate = Static<typeof ReferenceLayerUpdate>;

export const ReferenceFeatureCreate = Type.Object(
  {
    name: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    properties: Type.Optional(Type.Record(Type.String({ maxLength: 60 }), Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean(), Type.Null()]))),
    geometry: AnyGeometry,
  },
  { additionalProperties: false },
);
export type ReferenceFeatureCreate = Static<typeof ReferenceFeatureCreate>;

export const ReferenceFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: Id,
  properties: Type.Object({
    id: Id,
    layerId: Id,
    regionCode: RegionCode,
    name: Nullable(Type.String()),
    attributes: Type.Record(Type.String(), Type.Unknown()),
    repaired: Type.Optional(Type.Boolean({ description: '提交的图形已被自动修复' })),
  }),
  geometry: GeometryOut,
});

export const ReferenceFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(ReferenceFeature),
});

export const FeatureParams = Type.Object({ id: Id, featureId: Id });

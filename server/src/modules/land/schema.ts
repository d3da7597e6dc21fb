import { Type, type Static } from 'typebox';
import { Nullable, Id } from '../../platform/schema.ts';
import { RegionCode } from '../regions/schema.ts';
import { AnyGeometry, Area, Coded, GeometryOut } from './geojson.ts';

const Page = {
  page: Type.Integer({ minimum: 1, default: 1, description: '页码，从 1 开始' }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50, description: '每页条数，1–500，默认 50' }),
};
const CodedFrom = (label: string, domain: string) => Type.With(Coded, { description: `${label}（代码表 ${domain}）；未填为 null` });

export const SubCompartmentParams = Type.Object({ id: Type.With(Id, { description: '小班 ID' }) });
export const LayerParams = Type.Object({ id: Type.With(Id, { description: '参考图层 ID' }) });

// ---- code tables ----

export const CodeEntry = Type.Object({
  code: Type.String({ description: '代码', examples: ['0111'] }),
  name: Type.String({ description: '名称', examples: ['乔木林地'] }),
  flags: Type.Array(Type.String(), { description: '计算用标记，如 forest_land 林地、forest 森林、natural 天然、public_welfare 公益林' }),
  sort: Type.Integer({ description: '排序号，小的在前' }),
});

export const CodeDomain = Type.Object({
  domain: Type.String({ description: '代码表名，如 land_class 地类' }),
  label: Nullable(Type.String(), '代码表说明；没有说明为 null'),
  entries: Type.Array(CodeEntry, { description: '代码表中的代码，按排序号' }),
});

export const CodeTablesQuery = Type.Object({ domain: Type.Optional(Type.String({ pattern: '^[a-z_]+$', description: '只取一个代码表' })) }, { additionalProperties: false });

export const CodeTablesUploaded = Type.Object({
  domains: Type.Array(Type.Object({ domain: Type.String({ description: '代码表名' }), count: Type.Integer({ description: '上传后的代码数' }) }), {
    description: '被替换的代码表',
  }),
});

// ---- sub-compartments (小班) ----

export const SubCompartmentListQuery = Type.Object(
  {
    regionCode: Type.Optional(Type.With(RegionCode, { description: '12 位统计用区划代码：只列出该区划及其下级区划的小班' })),
    landClass: Type.Optional(Type.String({ maxLength: 20, description: '地类代码（代码表 land_class）' })),
    dominantSpecies: Type.Optional(Type.String({ maxLength: 20, description: '优势树种代码（代码表 dominant_species）' })),
    compartment: Type.Optional(Type.String({ maxLength: 12, description: '林班号' })),
    number: Type.Optional(Type.String({ maxLength: 12, description: '小班号' })),
    ...Page,
  },
  { additionalProperties: false },
);
export type SubCompartmentListQuery = Static<typeof SubCompartmentListQuery>;

const SubCompartmentFields = {
  id: Type.With(Id, { description: '小班 ID' }),
  regionCode: Type.With(RegionCode, { description: '所在村（或乡镇）的区划代码（12 位）' }),
  regionName: Type.String({ description: '所在村（或乡镇）' }),
  townshipName: Nullable(Type.String(), '所在乡镇；小班直接属于乡镇时为 null'),
  compartment: Type.String({ description: '林班号' }),
  number: Type.String({ description: '小班号' }),
  area: Type.With(Area, { description: '小班面积（公顷与亩，按椭球计算）' }),
  landClass: CodedFrom('地类', 'land_class'),
  forestCategory: CodedFrom('森林类别（公益林/商品林）', 'forest_category'),
  publicWelfareGrade: CodedFrom('事权等级', 'public_welfare_grade'),
  protectionGrade: CodedFrom('公益林保护等级', 'protection_grade'),
  origin: CodedFrom('起源', 'origin'),
  dominantSpecies: CodedFrom('优势树种（组）', 'dominant_species'),
  ageGroup: CodedFrom('龄组', 'age_group'),
  canopyDensity: Nullable(Type.Number(), '郁闭度，0–1；未填为 null'),
  stockPerHa: Nullable(Type.Number(), '每公顷蓄积（立方米/公顷）；未填为 null'),
  stockTotal: Nullable(Type.Number(), '小班蓄积（立方米）；未填为 null'),
  ownership: CodedFrom('林地所有权', 'ownership'),
  surveyYear: Nullable(Type.Integer(), '调查年度，如 2024；未填为 null'),
  dataset: Type.String({ description: '数据来源（导入批次）' }),
};

export const SubCompartment = Type.Object(SubCompartmentFields);
export const SubCompartmentPage = Type.Object({
  items: Type.Array(SubCompartment, { description: '本页的小班' }),
  total: Type.Integer({ description: '符合条件的总条数（不分页）' }),
});
export const SubCompartmentDetail = Type.Object({
  ...SubCompartmentFields,
  extra: Type.Record(Type.String(), Type.Unknown(), { description: '原始文件中未映射到字段的属性' }),
  updatedAt: Type.String({ format: 'date-time', description: '最后修改时刻（ISO 8601）' }),
  geometry: Type.With(GeometryOut, { description: '小班图形：GeoJSON MultiPolygon（经纬度，CGCS2000）' }),
});

// ---- reference layers ----

export const ReferenceLayerKind = Type.Union([Type.Literal('nature_reserve'), Type.Literal('forest_farm'), Type.Literal('other')], {
  description: 'nature_reserve 自然保护地 / forest_farm 林场 / other 其他',
});

export const ReferenceLayer = Type.Object({
  id: Type.With(Id, { description: '参考图层 ID' }),
  regionCode: Type.With(RegionCode, { description: '图层所属区划代码（12 位）' }),
  regionName: Type.String({ description: '图层所属区划名称' }),
  name: Type.String({ description: '图层名称' }),
  kind: ReferenceLayerKind,
  description: Nullable(Type.String(), '图层说明；未填为 null'),
  featureCount: Type.Integer({ description: '要素数' }),
  updatedAt: Type.String({ format: 'date-time', description: '最后修改时刻（ISO 8601）' }),
});

export const ReferenceLayerListQuery = Type.Object(
  {
    regionCode: Type.Optional(Type.With(RegionCode, { description: '12 位统计用区划代码：只列出该区划及其下级区划的图层' })),
    kind: Type.Optional(ReferenceLayerKind),
  },
  { additionalProperties: false },
);

export const ReferenceLayerCreate = Type.Object(
  {
    regionCode: Type.With(RegionCode, { description: '12 位统计用区划代码：图层所属的区划，须在调用者辖区内' }),
    name: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S', description: '图层名称，1–60 字，同一区划内不重复' }),
    kind: Type.Optional(Type.With(ReferenceLayerKind, { description: 'nature_reserve 自然保护地 / forest_farm 林场 / other 其他（默认）' })),
    description: Type.Optional(Nullable(Type.String({ maxLength: 500 }), '图层说明，最多 500 字')),
  },
  { additionalProperties: false },
);
export type ReferenceLayerCreate = Static<typeof ReferenceLayerCreate>;

export const ReferenceLayerUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 60, pattern: '\\S', description: '图层名称，1–60 字，同一区划内不重复' })),
    kind: Type.Optional(ReferenceLayerKind),
    description: Type.Optional(Nullable(Type.String({ maxLength: 500 }), '图层说明，最多 500 字；null 清除')),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ReferenceLayerUpdate = Static<typeof ReferenceLayerUpdate>;

export const ReferenceFeatureCreate = Type.Object(
  {
    name: Type.Optional(Nullable(Type.String({ maxLength: 100 }), '要素名称，最多 100 字')),
    properties: Type.Optional(
      Type.Record(Type.String({ maxLength: 60 }), Type.Union([Type.String({ maxLength: 500 }), Type.Number(), Type.Boolean(), Type.Null()]), {
        description: '其他属性：名称最多 60 字，值为文字（最多 500 字）、数字、布尔或 null',
      }),
    ),
    geometry: AnyGeometry,
  },
  { additionalProperties: false },
);
export type ReferenceFeatureCreate = Static<typeof ReferenceFeatureCreate>;

export const ReferenceFeature = Type.Object({
  type: Type.Literal('Feature', { description: 'GeoJSON 要素' }),
  id: Type.With(Id, { description: '要素 ID' }),
  properties: Type.Object(
    {
      id: Type.With(Id, { description: '要素 ID' }),
      layerId: Type.With(Id, { description: '所属参考图层 ID' }),
      regionCode: Type.With(RegionCode, { description: '要素所属区划代码（同其图层）' }),
      name: Nullable(Type.String(), '要素名称；未填为 null'),
      attributes: Type.Record(Type.String(), Type.Unknown(), { description: '添加要素时提交的其他属性' }),
      repaired: Type.Optional(Type.Boolean({ description: '提交的图形已被自动修复（只在添加要素的响应中出现）' })),
    },
    { description: '要素属性' },
  ),
  geometry: Type.With(GeometryOut, { description: '要素图形：GeoJSON 点、线或面（经纬度，CGCS2000）' }),
});

export const ReferenceFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection', { description: 'GeoJSON 要素集合' }),
  features: Type.Array(ReferenceFeature, { description: '图层的全部要素，按 ID' }),
});

export const FeatureParams = Type.Object({ id: Type.With(Id, { description: '参考图层 ID' }), featureId: Type.With(Id, { description: '要素 ID' }) });

import { Type, type Static } from 'typebox';
import { Nullable, Id } from '../../platform/schema.ts';
import { Area, GeometryOut, PolygonalGeometry } from '../land/geojson.ts';
import { RegionCode } from '../regions/schema.ts';

const AreaName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: '责任区域名称，1–100 字', examples: ['水东镇林长责任区'] });

export const IdParams = Type.Object({ id: Type.With(Id, { description: '责任区域 ID' }) });

export const ResponsibilityArea = Type.Object({
  id: Type.With(Id, { description: '责任区域 ID' }),
  postId: Type.With(Id, { description: '林长职务 ID' }),
  regionCode: Type.With(RegionCode, { description: '林长职务所在区划代码（12 位）；责任区域归属该区划' }),
  regionName: Type.String({ description: '林长职务所在区划名称' }),
  name: Type.String({ description: '责任区域名称' }),
  area: Type.With(Area, { description: '责任区域面积（公顷与亩，按椭球计算）' }),
  chief: Type.Object(
    {
      personId: Type.With(Id, { description: '林长的人员 ID' }),
      name: Type.String({ description: '林长姓名' }),
      postType: Type.String({ description: '职务类型代码：chief_forest_chief / deputy_chief_forest_chief / forest_chief' }),
      postTypeName: Type.String({ description: '总林长 / 副总林长 / 林长' }),
      title: Nullable(Type.String(), '职务名称，如“镇级林长”；未填为 null'),
      active: Type.Boolean({ description: '职务今天是否在任' }),
    },
    { description: '负责该区域的林长' },
  ),
  dataset: Nullable(Type.String(), '导入批次；手工绘制为 null'),
  updatedAt: Type.String({ format: 'date-time', description: '最后修改时刻（ISO 8601）' }),
  geometry: Type.Optional(Type.With(GeometryOut, { description: 'GeoJSON MultiPolygon（经纬度，CGCS2000）；列表只在 includeGeometry=true 时附带' })),
  repaired: Type.Optional(Type.Boolean({ description: '提交的图形已被自动修复（只在新增、修改的响应中出现）' })),
});

export type ResponsibilityArea = Static<typeof ResponsibilityArea>;

export const ResponsibilityAreaListQuery = Type.Object(
  {
    regionCode: Type.Optional(Type.With(RegionCode, { description: '12 位统计用区划代码：只列出该区划及其下级区划的责任区域' })),
    postId: Type.Optional(Type.With(Id, { description: '林长职务 ID：只列出该职务的责任区域' })),
    includeGeometry: Type.Optional(Type.Boolean({ description: 'true 附带 GeoJSON 图形' })),
  },
  { additionalProperties: false },
);
export type ResponsibilityAreaListQuery = Static<typeof ResponsibilityAreaListQuery>;

export const ResponsibilityAreaCreate = Type.Object(
  {
    postId: Type.With(Id, { description: '林长职务 id（总林长、副总林长或林长，须在任）' }),
    name: AreaName,
    geometry: PolygonalGeometry,
  },
  { additionalProperties: false },
);
export type ResponsibilityAreaCreate = Static<typeof ResponsibilityAreaCreate>;

export const ResponsibilityAreaUpdate = Type.Object(
  { name: Type.Optional(AreaName), geometry: Type.Optional(PolygonalGeometry) },
  { additionalProperties: false, minProperties: 1 },
);
export type ResponsibilityAreaUpdate = Static<typeof ResponsibilityAreaUpdate>;

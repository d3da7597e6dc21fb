import { Type, type Static } from 'typebox';
import { DateTime, Described, Id, Nullable, Page, Total } from '../../platform/schema.ts';
import { AnyGeometry, Area, BBoxQuery, GeometryOut, LinearGeometry } from '../land/geojson.ts';
import { RegionCode } from '../regions/schema.ts';

const IncludeGeometry = Type.Boolean({ description: 'true 附带 GeoJSON 图形' });

export const RiskAreaParams = Type.Object({ id: Described(Id, '重点区域 ID') });
export const KeyRouteParams = Type.Object({ id: Described(Id, '重点线路 ID') });

/** A kind is any code of the code table risk_area_kind, which an office may extend. */
export const RiskAreaKind = Type.String({
  minLength: 1,
  maxLength: 20,
  pattern: '^\\S+$',
  description: '类型代码，见代码表 risk_area_kind（GET /api/code-tables?domain=risk_area_kind），如农林交错区、疫木除治山场、林区施工现场、墓区、林区高压线路、其他',
});

export const RiskArea = Type.Object({
  id: Described(Id, '重点区域 ID'),
  regionCode: Described(RegionCode, '所属村（或乡镇）的区划代码'),
  regionName: Type.String({ description: '所属村（或乡镇）名称' }),
  kind: Type.String({ description: '类型代码（代码表 risk_area_kind）' }),
  kindName: Nullable(Type.String(), '类型名称；代码不在代码表中时为 null'),
  name: Type.String({ description: '名称' }),
  note: Nullable(Type.String(), '备注；未填为 null'),
  dataset: Type.String({ description: '数据来源：导入批次，或“手工绘制”' }),
  geometryType: Type.String({ description: '几何类型（PostGIS 名称），如 POINT、LINESTRING、POLYGON' }),
  area: Nullable(Area, '面积（公顷与亩）；点、线为 null'),
  lengthM: Nullable(Type.Number(), '长度（米）；点、面为 null'),
  updatedAt: Described(DateTime, '最后修改时刻（ISO 8601）'),
  geometry: Type.Optional(Described(GeometryOut, 'GeoJSON 几何（经纬度）；列表只在 includeGeometry=true 时附带')),
  repaired: Type.Optional(Type.Boolean({ description: '提交的图形已被自动修复（只在新增、修改的响应中出现）' })),
});
export type RiskArea = Static<typeof RiskArea>;

export const RiskAreaListQuery = Type.Object(
  {
    kind: Type.Optional(RiskAreaKind),
    regionCode: Type.Optional(Described(RegionCode, '12 位统计用区划代码：只列出该区划及其下级区划的重点区域')),
    bbox: Type.Optional(BBoxQuery),
    includeGeometry: Type.Optional(IncludeGeometry),
    ...Page,
  },
  { additionalProperties: false },
);
export type RiskAreaListQuery = Static<typeof RiskAreaListQuery>;
export const RiskAreaPage = Type.Object({ items: Type.Array(RiskArea, { description: '本页的重点区域' }), total: Total });

const RiskAreaName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', title: '名称', description: '名称，1–100 字' });
const RiskAreaNote = Nullable(Type.String({ maxLength: 500, title: '备注' }), '备注，最多 500 字');
const RouteName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', title: '线路名称', description: '线路名称，1–100 字' });
const FeatureRegion = Described(RegionCode, '12 位统计用区划代码：所属的村（或乡镇），图形须位于其中；新增时不填则取图形所在的村');

export const RiskAreaCreate = Type.Object(
  {
    kind: RiskAreaKind,
    name: RiskAreaName,
    regionCode: Type.Optional(FeatureRegion),
    geometry: AnyGeometry,
    note: Type.Optional(RiskAreaNote),
  },
  { additionalProperties: false },
);
export type RiskAreaCreate = Static<typeof RiskAreaCreate>;
export const RiskAreaUpdate = Type.Object(
  {
    kind: Type.Optional(RiskAreaKind),
    name: Type.Optional(RiskAreaName),
    regionCode: Type.Optional(FeatureRegion),
    geometry: Type.Optional(AnyGeometry),
    note: Type.Optional(RiskAreaNote),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type RiskAreaUpdate = Static<typeof RiskAreaUpdate>;

export const KeyRoute = Type.Object({
  id: Described(Id, '重点线路 ID'),
  regionCode: Described(RegionCode, '所属村（或乡镇）的区划代码'),
  regionName: Type.String({ description: '所属村（或乡镇）名称' }),
  name: Type.String({ description: '线路名称' }),
  lengthM: Type.Number({ description: '全长（米，按椭球计算，保留 1 位小数）' }),
  dataset: Type.String({ description: '数据来源：导入批次，或“手工绘制”' }),
  updatedAt: Described(DateTime, '最后修改时刻（ISO 8601）'),
  geometry: Type.Optional(Described(GeometryOut, 'GeoJSON MultiLineString（经纬度）；列表只在 includeGeometry=true 时附带')),
});
export type KeyRoute = Static<typeof KeyRoute>;
export const KeyRouteListQuery = Type.Object(
  {
    regionCode: Type.Optional(Described(RegionCode, '12 位统计用区划代码：只列出该区划及其下级区划的重点线路')),
    bbox: Type.Optional(BBoxQuery),
    includeGeometry: Type.Optional(IncludeGeometry),
    ...Page,
  },
  { additionalProperties: false },
);
export type KeyRouteListQuery = Static<typeof KeyRouteListQuery>;
export const KeyRoutePage = Type.Object({ items: Type.Array(KeyRoute, { description: '本页的重点线路，按区划、名称排序' }), total: Total });
export const KeyRouteCreate = Type.Object(
  { name: RouteName, regionCode: Type.Optional(FeatureRegion), geometry: LinearGeometry },
  { additionalProperties: false },
);
export type KeyRouteCreate = Static<typeof KeyRouteCreate>;
export const KeyRouteUpdate = Type.Object(
  { name: Type.Optional(RouteName), regionCode: Type.Optional(FeatureRegion), geometry: Type.Optional(LinearGeometry) },
  { additionalProperties: false, minProperties: 1 },
);
export type KeyRouteUpdate = Static<typeof KeyRouteUpdate>;

/** A key risk area touching a grid, as the grid's detail lists it. */
export const RiskAreaRef = Type.Object({
  id: Described(Id, '重点区域 ID'),
  kind: Type.String({ description: '类型代码（代码表 risk_area_kind）' }),
  kindName: Nullable(Type.String(), '类型名称；代码不在代码表中时为 null'),
  name: Type.String({ description: '重点区域名称' }),
  geometryType: Type.String({ description: '几何类型（PostGIS 名称），如 POINT、MULTIPOLYGON' }),
  geometry: Described(GeometryOut, 'GeoJSON 几何（经纬度）'),
});
/** A key route crossing a grid, with the length inside it. */
export const KeyRouteRef = Type.Object({
  id: Described(Id, '重点线路 ID'),
  name: Type.String({ description: '线路名称' }),
  lengthM: Type.Number({ description: '全长（米）' }),
  lengthInGridM: Type.Number({ description: '网格内长度（米）' }),
  geometry: Described(GeometryOut, 'GeoJSON MultiLineString（经纬度）'),
});

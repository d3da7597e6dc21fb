import { Type, type Static } from 'typebox';
import { Area, GeometryOut, PolygonalGeometry } from '../land/geojson.ts';
import { RegionCode } from '../regions/schema.ts';

const Id = Type.Integer({ minimum: 1 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const IdParams = Type.Object({ id: Id });

export const ResponsibilityArea = Type.Object({
  id: Id,
  postId: Id,
  regionCode: RegionCode,
  regionName: Type.String(),
  name: Type.String({ description: '责任区域名称' }),
  area: Area,
  chief: Type.Object({
    personId: Id,
    name: Type.String(),
    postType: Type.String(),
    postTypeName: Type.String({ description: '总林长 / 副总林长 / 林长' }),
    title: Nullable(Type.String()),
    active: Type.Boolean({ description: '职务今天是否在任' }),
  }),
  dataset: Nullable(Type.String({ description: '导入批次；手工绘制为空' })),
  updatedAt: Type.String({ format: 'date-time' }),
  geometry: Type.Optional(GeometryOut),
  repaired: Type.Optional(Type.Boolean({ description: '提交的图形已被自动修复' })),
});

export const ResponsibilityAreaListQuery = Type.Object(
  {
    regionCode: Type.Optional(RegionCode),
    postId: Type.Optional(Id),
    includeGeometry: Type.Optional(Type.Boolean({ description: 'true 附带 GeoJSON 图形' })),
  },
  { additionalProperties: false },
);
export type ResponsibilityAreaListQuery = Static<typeof ResponsibilityAreaListQuery>;

export const ResponsibilityAreaCreate = Type.Object(
  {
    postId: Type.Integer({ minimum: 1, description: '林长职务 id（总林长、副总林长或林长，须在任）' }),
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    geometry: PolygonalGeometry,
  },
  { additionalProperties: false },
);
export type ResponsibilityAreaCreate = Static<typeof ResponsibilityAreaCreate>;

export const ResponsibilityAreaUpdate = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })), geometry: Type.Optional(PolygonalGeometry) },
  { additionalProperties: false, minProperties: 1 },
);
export type ResponsibilityAreaUpdate = Static<typeof ResponsibilityAreaUpdate>;

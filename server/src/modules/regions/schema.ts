import { Type, type Static } from 'typebox';

export const RegionCode = Type.String({ pattern: '^\\d{12}$', description: '12 位统计用区划代码', examples: ['360702101000'] });

export const Region = Type.Object({
  code: RegionCode,
  name: Type.String({ description: '名称' }),
  level: Type.Integer({ minimum: 1, maximum: 5, description: '1 省 2 市 3 县区 4 乡镇街道 5 村社区' }),
  parentCode: Type.Union([RegionCode, Type.Null()]),
  childCount: Type.Integer({ description: '下级区划数' }),
  hasBoundary: Type.Boolean({ description: '是否有边界' }),
});
export type Region = Static<typeof Region>;

export const RegionParams = Type.Object({ code: RegionCode });

export const SubtreeQuery = Type.Object({
  depth: Type.Integer({ minimum: 0, maximum: 4, default: 1, description: '向下展开的层数' }),
});

export const BoundaryFeature = Type.Object({
  type: Type.Literal('Feature'),
  id: RegionCode,
  properties: Type.Object({ code: RegionCode, name: Type.String(), level: Type.Integer(), areaMu: Type.Number({ description: '面积（亩），按椭球计算' }) }),
  geometry: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'GeoJSON MultiPolygon，CGCS2000/WGS84 经纬度' }),
});

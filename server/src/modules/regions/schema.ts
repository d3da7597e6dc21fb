import { Type, type Static } from 'typebox';
import { Nullable } from '../../platform/schema.ts';

export const RegionCode = Type.String({ pattern: '^\\d{12}$', description: '12 位统计用区划代码', examples: ['360702101000'] });

export const Region = Type.Object({
  code: RegionCode,
  name: Type.String({ description: '名称', examples: ['水东镇'] }),
  level: Type.Integer({ minimum: 1, maximum: 5, description: '1 省 2 市 3 县区 4 乡镇街道 5 村社区' }),
  parentCode: Nullable(RegionCode, '上级区划代码；省级为 null'),
  childCount: Type.Integer({ description: '下级区划数' }),
  hasBoundary: Type.Boolean({ description: '是否有边界' }),
});
export type Region = Static<typeof Region>;

export const RegionParams = Type.Object({ code: RegionCode });

export const SubtreeQuery = Type.Object({
  depth: Type.Integer({ minimum: 0, maximum: 4, default: 1, description: '向下展开的层数' }),
});

export const RegionSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 40, description: '区划名称的一部分（如“水东”），或区划代码的开头' }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20, description: '最多返回的匹配数，1–50，默认 20' })),
  },
  { additionalProperties: false },
);

export const RegionSearchResult = Type.Object({
  matches: Type.Array(Region, { description: '匹配的区划：名称完全相同的在前，再按级别与代码排列' }),
  ancestors: Type.Array(Region, { description: '匹配区划在调用者辖区内的各级上级（不含匹配本身），供在树中展示' }),
});
export type RegionSearchResult = Static<typeof RegionSearchResult>;

export const BoundaryFeature = Type.Object({
  type: Type.Literal('Feature', { description: 'GeoJSON 要素' }),
  id: RegionCode,
  properties: Type.Object(
    {
      code: RegionCode,
      name: Type.String({ description: '区划名称' }),
      level: Type.Integer({ description: '区划级别：1 省 2 市 3 县区 4 乡镇街道 5 村社区' }),
      areaMu: Type.Number({ description: '面积（亩），按椭球计算；没有边界时为 0' }),
    },
    { description: '区划属性' },
  ),
  geometry: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'GeoJSON MultiPolygon，CGCS2000/WGS84 经纬度；没有边界时为 null' }),
});

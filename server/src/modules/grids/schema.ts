import { Type, type Static } from 'typebox';
import { DateTime, Described, Id, Nullable, Page, Total } from '../../platform/schema.ts';
import { Area, GeometryOut, PolygonalGeometry } from '../land/geojson.ts';
import { EffectiveRules, PatrolRuleOverride } from '../patrol-rules/schema.ts';
import { GridRef, PlanRef, PlanStatus } from '../plans/schema.ts';
import { RegionCode } from '../regions/schema.ts';
import { KeyRouteRef, RiskAreaRef } from '../risks/schema.ts';

const IncludeGeometry = Type.Boolean({ description: 'true 附带 GeoJSON 图形' });
const GridCode = Type.String({ pattern: '^[0-9A-Za-z_-]{1,40}$', description: '网格编号（方案内唯一）：1–40 位字母、数字、下划线或连字符', examples: ['SD-01'] });
const GridName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: '网格名称，1–100 字' });
const GridNote = Type.String({ maxLength: 500 });

export const GridParams = Type.Object({ id: Described(Id, '网格 ID') });


export const Ranger = Type.Object({
  postId: Described(Id, '护林员职务 ID'),
  personId: Described(Id, '护林员的人员 ID'),
  name: Type.String({ description: '护林员姓名' }),
  regionCode: Described(RegionCode, '护林员任职区划代码'),
  regionName: Type.String({ description: '护林员任职区划名称' }),
  active: Type.Boolean({ description: '职务今天是否在任' }),
});

export const Grid = Type.Object({
  id: Described(Id, '网格 ID'),
  planId: Described(Id, '所属网格方案 ID'),
  planStatus: PlanStatus,
  regionCode: Described(RegionCode, '网格所属村（或乡镇）的区划代码'),
  regionName: Type.String({ description: '网格所属村（或乡镇）名称' }),
  code: Type.String({ description: '网格编号（方案内唯一）' }),
  name: Type.String({ description: '网格名称' }),
  area: Described(Area, '网格面积（公顷与亩，按椭球计算）'),
  ranger: Nullable(Ranger, '负责的护林员；未分配为 null'),
  patrolRule: Nullable(PatrolRuleOverride, '本网格单独规定的巡护要求；沿用区划规则时为 null'),
  note: Nullable(Type.String(), '备注；未填为 null'),
  updatedAt: Described(DateTime, '最后修改时刻（ISO 8601）'),
  geometry: Type.Optional(Described(GeometryOut, '网格范围：GeoJSON MultiPolygon（经纬度）；列表只在 includeGeometry=true 时附带')),
});

export type Grid = Static<typeof Grid>;

export const GridPage = Type.Object({ items: Type.Array(Grid, { description: '本页的网格，按编号排序' }), total: Total });

export const GridListQuery = Type.Object(
  {
    regionCode: Type.Optional(Described(RegionCode, '12 位统计用区划代码：只列出该区划及其下级区划的网格')),
    withoutRanger: Type.Optional(Type.Boolean({ description: 'true 只列未分配护林员的网格' })),
    includeGeometry: Type.Optional(IncludeGeometry),
    ...Page,
  },
  { additionalProperties: false },
);
export type GridListQuery = Static<typeof GridListQuery>;

export const GridDetail = Type.Object({
  ...Grid.properties,
  geometry: Described(GeometryOut, '网格范围：GeoJSON MultiPolygon（经纬度）'),
  plan: PlanRef,
  riskAreas: Type.Array(RiskAreaRef, { description: '与网格相交的重点区域' }),
  keyRoutes: Type.Array(KeyRouteRef, { description: '与网格相交的重点线路' }),
  patrolRules: Described(EffectiveRules, '当天（或 on 指定日期）有效的巡护要求及依据'),
});

export type GridDetail = Static<typeof GridDetail>;

export const GridCreate = Type.Object(
  {
    code: GridCode,
    name: GridName,
    regionCode: Type.Optional(Described(RegionCode, '12 位统计用区划代码：网格所属的村（或乡镇），图形须位于其中；不填时取图形所在的村')),
    geometry: PolygonalGeometry,
    rangerPostId: Type.Optional(Nullable(Id, '护林员职务 ID：负责的护林员，须为该村或所在乡镇今天在任的护林员；不填或 null 为暂不分配')),
    patrolRule: Type.Optional(Nullable(PatrolRuleOverride, '本网格单独规定的巡护要求；不填或 null 沿用区划规则')),
    note: Type.Optional(Nullable(GridNote, '备注，最多 500 字')),
  },
  { additionalProperties: false },
);
export type GridCreate = Static<typeof GridCreate>;

export const GridUpdate = Type.Object(
  {
    code: Type.Optional(GridCode),
    name: Type.Optional(GridName),
    regionCode: Type.Optional(Described(RegionCode, '12 位统计用区划代码：网格所属的村（或乡镇），图形须位于其中')),
    geometry: Type.Optional(PolygonalGeometry),
    patrolRule: Type.Optional(Nullable(PatrolRuleOverride, '本网格单独规定的巡护要求；null 改为沿用区划规则')),
    note: Type.Optional(Nullable(GridNote, '备注，最多 500 字；null 清除')),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type GridUpdate = Static<typeof GridUpdate>;

export const GridWriteResult = Type.Object({
  ...Grid.properties,
  geometry: Described(GeometryOut, '网格范围：GeoJSON MultiPolygon（经纬度）'),
  repaired: Type.Boolean({ description: '提交的图形已被自动修复' }),
});

export type GridWriteResult = Static<typeof GridWriteResult>;

export const RangerAssign = Type.Object({ rangerPostId: Described(Id, '护林员职务 ID：须为网格所在村或乡镇今天在任的护林员') }, { additionalProperties: false });

export const EligibleRanger = Type.Object({
  postId: Described(Id, '护林员职务 ID'),
  personId: Described(Id, '护林员的人员 ID'),
  name: Type.String({ description: '护林员姓名' }),
  regionCode: Described(RegionCode, '护林员任职区划代码'),
  regionName: Type.String({ description: '护林员任职区划名称' }),
  guards: Nullable(
    Type.Object({
      gridId: Described(Id, '网格 ID'),
      code: Type.String({ description: '网格编号' }),
      name: Type.String({ description: '网格名称' }),
      isThisGrid: Type.Boolean({ description: '是否就是本网格' }),
    }),
    '该护林员在本方案中已负责的网格；尚未负责网格为 null',
  ),
});

export type EligibleRanger = Static<typeof EligibleRanger>;

export const Unassigned = Type.Object({
  plan: Described(PlanRef, '网格方案'),
  gridsWithoutRanger: Type.Array(GridRef, { description: '未分配护林员的网格' }),
  rangersWithoutGrid: Type.Array(Ranger, { description: '方案区域内今天在任、但在本方案中未负责网格的护林员' }),
});
export type Unassigned = Static<typeof Unassigned>;
export const UnassignedQuery = Type.Object({ regionCode: Type.Optional(Described(RegionCode, '12 位统计用区划代码：只看该区划及其下级区划')) }, { additionalProperties: false });


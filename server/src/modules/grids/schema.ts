import { Type, type Static } from 'typebox';
import { AnyGeometry, Area, BBoxQuery, GeometryOut, LinearGeometry, PolygonalGeometry } from '../land/geojson.ts';
import { RegionCode } from '../regions/schema.ts';

const Id = Type.Integer({ minimum: 1 });
const Day = Type.String({ format: 'date', description: '日期 YYYY-MM-DD' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Page = { page: Type.Integer({ minimum: 1, default: 1 }), pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 100 }) };
const DateTime = Type.String({ format: 'date-time' });

export const IdParams = Type.Object({ id: Id });
export const RegionParams = Type.Object({ regionCode: RegionCode });

// ---- patrol rules ----

export const KeyPeriod = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40, description: '名称，如“重点防火期”' }),
    from: Type.String({ pattern: '^\\d{2}-\\d{2}$', description: '每年开始日 MM-DD' }),
    to: Type.String({ pattern: '^\\d{2}-\\d{2}$', description: '每年结束日 MM-DD（早于开始日表示跨年）' }),
    frequency: Type.Union([Type.Literal('daily'), Type.Literal('weekly')], { description: 'daily 每日必巡 / weekly 每周至少一次' }),
    target: Type.Optional(Type.Union([Type.Literal('key_risk_areas'), Type.Literal('whole_grid')], { description: '巡护对象：重点区域 / 整个网格' })),
  },
  { additionalProperties: false },
);

export const PatrolRuleOverride = Type.Object(
  {
    minDaysPerMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, description: '每月出勤天数下限' })),
    minHoursPerPatrol: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24, description: '每次巡护小时数下限' })),
    keyPeriods: Type.Optional(Type.Array(KeyPeriod, { maxItems: 12 })),
  },
  { additionalProperties: false, description: '本网格单独规定的巡护要求（覆盖区划规则）；不填的项沿用区划规则' },
);

const RuleSource = Type.Object({
  kind: Type.Union([Type.Literal('grid'), Type.Literal('region'), Type.Literal('default')], { description: 'grid 网格单独规定 / region 区划规则 / default 系统默认（种子文件）' }),
  ruleId: Nullable(Id),
  regionCode: Nullable(RegionCode),
  regionName: Nullable(Type.String({ description: '规则所属区划；超出调用者辖区时为空' })),
  effectiveFrom: Nullable(Day),
  effectiveTo: Nullable(Day),
  text: Type.String({ description: '规则依据（文件原文）' }),
});

export const EffectiveRules = Type.Object({
  regionCode: RegionCode,
  on: Day,
  minDaysPerMonth: Type.Object({ value: Type.Integer(), source: RuleSource }, { description: '每月出勤天数下限' }),
  minHoursPerPatrol: Type.Object({ value: Type.Number(), source: RuleSource }, { description: '每次巡护小时数下限' }),
  keyPeriods: Type.Object({ value: Type.Array(KeyPeriod), source: RuleSource }, { description: '重点时段及巡护频次' }),
  activeKeyPeriods: Type.Array(KeyPeriod, { description: '当天所处的重点时段' }),
  requirement: Type.String({ description: '巡护要求（一句话）' }),
});

export const RuleSetting = Type.Object({
  id: Id,
  key: Type.String(),
  value: Type.Unknown(),
  effectiveFrom: Day,
  effectiveTo: Nullable(Day),
  source: Nullable(Type.String()),
});

export const RegionRules = Type.Object({
  effective: EffectiveRules,
  settings: Type.Array(RuleSetting, { description: '在本区划设置过的规则（含历史）' }),
});

export const RulesQuery = Type.Object({ on: Type.Optional(Day) }, { additionalProperties: false });

export const RuleSet = Type.Object(
  {
    key: Type.Union([Type.Literal('patrol.min_days_per_month'), Type.Literal('patrol.min_hours_per_patrol'), Type.Literal('patrol.key_periods')]),
    value: Type.Union([Type.Number(), Type.Array(KeyPeriod)], { description: '天数、小时数，或重点时段列表' }),
    effectiveFrom: Day,
    source: Type.Optional(Nullable(Type.String({ maxLength: 300, description: '依据的文件及条款' }))),
  },
  { additionalProperties: false },
);
export type RuleSet = Static<typeof RuleSet>;

// ---- grid plans ----

export const PlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('archived')], { description: 'draft 草稿 / active 启用 / archived 已归档' });

export const GridPlan = Type.Object({
  id: Id,
  regionCode: RegionCode,
  regionName: Nullable(Type.String()),
  year: Type.Integer(),
  name: Type.String(),
  status: PlanStatus,
  basedOnPlanId: Nullable(Id),
  note: Nullable(Type.String()),
  gridCount: Type.Integer({ description: '调用者辖区内的网格数' }),
  area: Area,
  activatedAt: Nullable(DateTime),
  archivedAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const PlanListQuery = Type.Object(
  { regionCode: Type.Optional(RegionCode), status: Type.Optional(PlanStatus), year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
  { additionalProperties: false },
);
export type PlanListQuery = Static<typeof PlanListQuery>;

export const PlanCreate = Type.Object(
  {
    regionCode: RegionCode,
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    copyFrom: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('none'), Id], { description: "'active'（默认）复制该区域的启用方案；'none' 空白方案；或指定方案 id" }),
    ),
  },
  { additionalProperties: false },
);
export type PlanCreate = Static<typeof PlanCreate>;

export const PlanUpdate = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

const GridRef = Type.Object({ id: Id, code: Type.String(), name: Type.String(), regionCode: RegionCode, area: Area, rangerName: Nullable(Type.String()) });
const RangerRef = Nullable(Type.Object({ postId: Id, personId: Id, name: Type.String() }));

export const Problem = Type.Object({
  kind: Type.Union([Type.Literal('overlap'), Type.Literal('outside_region'), Type.Literal('ranger_twice'), Type.Literal('no_ranger'), Type.Literal('ranger_inactive')], {
    description: 'overlap 网格重叠 / outside_region 网格不在所属区划内 / ranger_twice 同一人负责多个网格 / no_ranger 未分配护林员 / ranger_inactive 护林员已离任',
  }),
  blocking: Type.Boolean({ description: '是否阻止启用' }),
  gridCodes: Type.Array(Type.String()),
  area: Nullable(Area),
  message: Type.String(),
});

export const PlanComparison = Type.Object({
  plan: GridPlan,
  active: Nullable(GridPlan),
  totals: Type.Object({
    plan: Type.Object({ gridCount: Type.Integer(), area: Area }),
    active: Type.Object({ gridCount: Type.Integer(), area: Area }),
  }),
  added: Type.Array(GridRef, { description: '新增的网格（按编号比较）' }),
  removed: Type.Array(GridRef, { description: '删除的网格' }),
  changed: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      planGridId: Id,
      activeGridId: Id,
      geometryChanged: Type.Boolean(),
      areaBefore: Area,
      areaAfter: Area,
      changedArea: Area,
      rangerChanged: Type.Boolean(),
      rangerBefore: RangerRef,
      rangerAfter: RangerRef,
      nameChanged: Type.Boolean(),
      regionChanged: Type.Boolean(),
    }),
    { description: '范围（changedArea 为前后差异部分的面积）、护林员、名称或所属区划有变化的网格' },
  ),
  unchangedCount: Type.Integer(),
  grids: Type.Array(GridRef, { description: '本方案全部网格及面积' }),
  problems: Type.Array(Problem),
  canActivate: Type.Boolean(),
});

// ---- grids ----

export const Ranger = Type.Object({
  postId: Id,
  personId: Id,
  name: Type.String(),
  regionCode: RegionCode,
  regionName: Type.String(),
  active: Type.Boolean({ description: '职务今天是否在任' }),
});

export const Grid = Type.Object({
  id: Id,
  planId: Id,
  planStatus: PlanStatus,
  regionCode: RegionCode,
  regionName: Type.String(),
  code: Type.String(),
  name: Type.String(),
  area: Area,
  ranger: Nullable(Ranger),
  patrolRule: Nullable(PatrolRuleOverride),
  note: Nullable(Type.String()),
  updatedAt: DateTime,
  geometry: Type.Optional(GeometryOut),
});

export const GridPage = Type.Object({ items: Type.Array(Grid), total: Type.Integer() });

export const GridListQuery = Type.Object(
  {
    regionCode: Type.Optional(RegionCode),
    withoutRanger: Type.Optional(Type.Boolean({ description: 'true 只列未分配护林员的网格' })),
    includeGeometry: Type.Optional(Type.Boolean({ description: 'true 附带 GeoJSON 图形' })),
    ...Page,
  },
  { additionalProperties: false },
);
export type GridListQuery = Static<typeof GridListQuery>;

export const RiskAreaRef = Type.Object({
  id: Id,
  kind: Type.String(),
  kindName: Nullable(Type.String()),
  name: Type.String(),
  geometryType: Type.String(),
  geometry: GeometryOut,
});
export const KeyRouteRef = Type.Object({
  id: Id,
  name: Type.String(),
  lengthM: Type.Number({ description: '全长（米）' }),
  lengthInGridM: Type.Number({ description: '网格内长度（米）' }),
  geometry: GeometryOut,
});

export const GridDetail = Type.Object({
  ...Grid.properties,
  geometry: GeometryOut,
  plan: Type.Object({ id: Id, name: Type.String(), year: Type.Integer(), status: PlanStatus }),
  riskAreas: Type.Array(RiskAreaRef, { description: '与网格相交的重点区域' }),
  keyRoutes: Type.Array(KeyRouteRef, { description: '与网格相交的重点线路' }),
  patrolRules: EffectiveRules,
});

export const GridCreate = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9A-Za-z_-]{1,40}$', description: '网格编号（方案内唯一）' }),
    name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
    regionCode: Type.Optional(RegionCode),
    geometry: PolygonalGeometry,
    rangerPostId: Type.Optional(Nullable(Id)),
    patrolRule: Type.Optional(Nullable(PatrolRuleOverride)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false },
);
export type GridCreate = Static<typeof GridCreate>;

export const GridUpdate = Type.Object(
  {
    code: Type.Optional(Type.String({ pattern: '^[0-9A-Za-z_-]{1,40}$' })),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
    regionCode: Type.Optional(RegionCode),
    geometry: Type.Optional(PolygonalGeometry),
    patrolRule: Type.Optional(Nullable(PatrolRuleOverride)),
    note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type GridUpdate = Static<typeof GridUpdate>;

export const GridWriteResult = Type.Object({ ...Grid.properties, geometry: GeometryOut, repaired: Type.Boolean({ description: '提交的图形已被自动修复' }) });

export const RangerAssign = Type.Object({ rangerPostId: Id }, { additionalProperties: false });

export const EligibleRanger = Type.Object({
  postId: Id,
  personId: Id,
  name: Type.String(),
  regionCode: RegionCode,
  regionName: Type.String(),
  guards: Nullable(
    Type.Object({ gridId: Id, code: Type.String(), name: Type.String(), isThisGrid: Type.Boolean() }, { description: '该护林员在本方案中已负责的网格' }),
  ),
});

export const Unassigned = Type.Object({
  plan: Type.Object({ id: Id, name: Type.String(), year: Type.Integer(), status: PlanStatus }),
  gridsWithoutRanger: Type.Array(GridRef),
  rangersWithoutGrid: Type.Array(Ranger),
});
export const UnassignedQuery = Type.Object({ regionCode: Type.Optional(RegionCode) }, { additionalProperties: false });

// ---- key risk areas and routes ----

export const RiskAreaKind = Type.Union(
  [
    Type.Literal('farm_forest_edge'),
    Type.Literal('pine_wilt_removal'),
    Type.Literal('construction_site'),
    Type.Literal('graves'),
    Type.Literal('power_line'),
    Type.Literal('other'),
  ],
  { description: '类型代码，见代码表 risk_area_kind：农林交错区、疫木除治山场、林区施工现场、墓区、林区高压线路、其他' },
);

export const RiskArea = Type.Object({
  id: Id,
  regionCode: RegionCode,
  regionName: Type.String(),
  kind: Type.String(),
  kindName: Nullable(Type.String()),
  name: Type.String(),
  note: Nullable(Type.String()),
  dataset: Type.String(),
  geometryType: Type.String(),
  area: Nullable(Area),
  lengthM: Nullable(Type.Number()),
  updatedAt: DateTime,
  geometry: Type.Optional(GeometryOut),
  repaired: Type.Optional(Type.Boolean()),
});

export const RiskAreaListQuery = Type.Object(
  {
    kind: Type.Optional(RiskAreaKind),
    regionCode: Type.Optional(RegionCode),
    bbox: Type.Optional(BBoxQuery),
    includeGeometry: Type.Optional(Type.Boolean()),
    ...Page,
  },
  { additionalProperties: false },
);
export type RiskAreaListQuery = Static<typeof RiskAreaListQuery>;
export const RiskAreaPage = Type.Object({ items: Type.Array(RiskArea), total: Type.Integer() });

const RiskAreaName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', title: '名称' });
const RiskAreaNote = Nullable(Type.String({ maxLength: 500, title: '备注' }));
const RouteName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', title: '线路名称' });

export const RiskAreaCreate = Type.Object(
  {
    kind: RiskAreaKind,
    name: RiskAreaName,
    regionCode: Type.Optional(RegionCode),
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
    regionCode: Type.Optional(RegionCode),
    geometry: Type.Optional(AnyGeometry),
    note: Type.Optional(RiskAreaNote),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type RiskAreaUpdate = Static<typeof RiskAreaUpdate>;

export const KeyRoute = Type.Object({
  id: Id,
  regionCode: RegionCode,
  regionName: Type.String(),
  name: Type.String(),
  lengthM: Type.Number(),
  dataset: Type.String(),
  updatedAt: DateTime,
  geometry: Type.Optional(GeometryOut),
});
export const KeyRouteListQuery = Type.Object(
  { regionCode: Type.Optional(RegionCode), bbox: Type.Optional(BBoxQuery), includeGeometry: Type.Optional(Type.Boolean()), ...Page },
  { additionalProperties: false },
);
export type KeyRouteListQuery = Static<typeof KeyRouteListQuery>;
export const KeyRoutePage = Type.Object({ items: Type.Array(KeyRoute), total: Type.Integer() });
export const KeyRouteCreate = Type.Object(
  { name: RouteName, regionCode: Type.Optional(RegionCode), geometry: LinearGeometry },
  { additionalProperties: false },
);
export type KeyRouteCreate = Static<typeof KeyRouteCreate>;
export const KeyRouteUpdate = Type.Object(
  { name: Type.Optional(RouteName), regionCode: Type.Optional(RegionCode), geometry: Type.Optional(LinearGeometry) },
  { additionalProperties: false, minProperties: 1 },
);
export type KeyRouteUpdate = Static<typeof KeyRouteUpdate>;

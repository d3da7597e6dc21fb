import { Type, type Static } from 'typebox';
import { Nullable, Id } from '../../platform/schema.ts';
import { AnyGeometry, Area, BBoxQuery, GeometryOut, LinearGeometry, PolygonalGeometry } from '../land/geojson.ts';
import { RegionCode } from '../regions/schema.ts';

const Day = Type.String({ format: 'date', description: '日期 YYYY-MM-DD' });
const Page = {
  page: Type.Integer({ minimum: 1, default: 1, description: '页码，从 1 开始' }),
  pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 100, description: '每页条数，1–500，默认 100' }),
};
const DateTime = Type.String({ format: 'date-time' });
const Described = <T extends Parameters<typeof Type.With>[0]>(t: T, description: string) => Type.With(t, { description });
const Total = Type.Integer({ description: '符合条件的总条数（不分页）' });
const IncludeGeometry = Type.Boolean({ description: 'true 附带 GeoJSON 图形' });
const PlanYear = Type.Integer({ minimum: 2000, maximum: 2100, description: '方案年度，2000–2100' });
const PlanName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: '方案名称，1–100 字', examples: ['2026 年度网格方案'] });
const PlanNote = Type.String({ maxLength: 1000 });
const GridCode = Type.String({ pattern: '^[0-9A-Za-z_-]{1,40}$', description: '网格编号（方案内唯一）：1–40 位字母、数字、下划线或连字符', examples: ['SD-01'] });
const GridName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: '网格名称，1–100 字' });
const GridNote = Type.String({ maxLength: 500 });

export const PlanParams = Type.Object({ id: Described(Id, '网格方案 ID') });
export const GridParams = Type.Object({ id: Described(Id, '网格 ID') });
export const RiskAreaParams = Type.Object({ id: Described(Id, '重点区域 ID') });
export const KeyRouteParams = Type.Object({ id: Described(Id, '重点线路 ID') });
export const RegionParams = Type.Object({ regionCode: RegionCode });

// ---- patrol rules ----

export const KeyPeriod = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40, description: '名称，如“重点防火期”' }),
    from: Type.String({ pattern: '^\\d{2}-\\d{2}$', description: '每年开始日 MM-DD' }),
    to: Type.String({ pattern: '^\\d{2}-\\d{2}$', description: '每年结束日 MM-DD（早于开始日表示跨年）' }),
    frequency: Type.Union([Type.Literal('daily'), Type.Literal('weekly')], { description: 'daily 每日必巡 / weekly 每周至少一次' }),
    target: Type.Optional(Type.Union([Type.Literal('key_risk_areas'), Type.Literal('whole_grid')], { description: '巡护对象：key_risk_areas 重点区域 / whole_grid 整个网格' })),
  },
  { additionalProperties: false },
);

export const PatrolRuleOverride = Type.Object(
  {
    minDaysPerMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, description: '每月出勤天数下限' })),
    minHoursPerPatrol: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24, description: '每次巡护小时数下限' })),
    keyPeriods: Type.Optional(Type.Array(KeyPeriod, { maxItems: 12, description: '重点时段及巡护频次，最多 12 个' })),
  },
  { additionalProperties: false, description: '本网格单独规定的巡护要求（覆盖区划规则）；不填的项沿用区划规则' },
);

const RuleSource = Type.Object(
  {
    kind: Type.Union([Type.Literal('grid'), Type.Literal('region'), Type.Literal('default')], { description: 'grid 网格单独规定 / region 区划规则 / default 系统默认（种子文件）' }),
    ruleId: Nullable(Id, '区划规则的 ID；网格规定与系统默认为 null'),
    regionCode: Nullable(RegionCode, '设置该规则的区划代码；网格规定与系统默认为 null'),
    regionName: Nullable(Type.String(), '规则所属区划；超出调用者辖区时为 null'),
    effectiveFrom: Nullable(Day, '规则生效日 YYYY-MM-DD；网格规定与系统默认为 null'),
    effectiveTo: Nullable(Day, '规则最后有效日 YYYY-MM-DD；一直有效为 null'),
    text: Type.String({ description: '规则依据（文件原文）' }),
  },
  { description: '取值的来源' },
);

export const EffectiveRules = Type.Object({
  regionCode: Described(RegionCode, '规则适用的区划代码'),
  on: Described(Day, '规则所依的日期 YYYY-MM-DD'),
  minDaysPerMonth: Type.Object({ value: Type.Integer({ description: '天数' }), source: RuleSource }, { description: '每月出勤天数下限' }),
  minHoursPerPatrol: Type.Object({ value: Type.Number({ description: '小时数' }), source: RuleSource }, { description: '每次巡护小时数下限' }),
  keyPeriods: Type.Object({ value: Type.Array(KeyPeriod, { description: '重点时段列表' }), source: RuleSource }, { description: '重点时段及巡护频次' }),
  activeKeyPeriods: Type.Array(KeyPeriod, { description: '当天所处的重点时段' }),
  requirement: Type.String({ description: '巡护要求（一句话）' }),
});

export const RuleSetting = Type.Object({
  id: Described(Id, '规则设置 ID'),
  key: Type.String({ description: '规则：patrol.min_days_per_month / patrol.min_hours_per_patrol / patrol.key_periods' }),
  value: Type.Unknown({ description: '取值：天数、小时数，或重点时段列表' }),
  effectiveFrom: Described(Day, '生效日 YYYY-MM-DD'),
  effectiveTo: Nullable(Day, '最后有效日 YYYY-MM-DD；一直有效为 null'),
  source: Nullable(Type.String(), '依据的文件及条款；未注明为 null'),
});

export const RegionRules = Type.Object({
  effective: Described(EffectiveRules, '当天（或 on 指定日期）有效的规则'),
  settings: Type.Array(RuleSetting, { description: '在本区划设置过的规则（含历史）' }),
});

export const RulesQuery = Type.Object({ on: Type.Optional(Described(Day, '日期 YYYY-MM-DD：按哪一天的规则，默认今天')) }, { additionalProperties: false });

export const RuleSet = Type.Object(
  {
    key: Type.Union([Type.Literal('patrol.min_days_per_month'), Type.Literal('patrol.min_hours_per_patrol'), Type.Literal('patrol.key_periods')], {
      description: '规则：patrol.min_days_per_month 每月出勤天数 / patrol.min_hours_per_patrol 每次巡护小时数 / patrol.key_periods 重点时段',
    }),
    value: Type.Union([Type.Number(), Type.Array(KeyPeriod)], { description: '天数、小时数，或重点时段列表' }),
    effectiveFrom: Described(Day, '日期 YYYY-MM-DD：自这一天起生效'),
    source: Type.Optional(Nullable(Type.String({ maxLength: 300 }), '依据的文件及条款，最多 300 字')),
  },
  { additionalProperties: false },
);
export type RuleSet = Static<typeof RuleSet>;

// ---- grid plans ----

export const PlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('archived')], { description: 'draft 草稿 / active 启用 / archived 已归档' });

export const GridPlan = Type.Object({
  id: Described(Id, '网格方案 ID'),
  regionCode: Described(RegionCode, '方案覆盖的区划代码（通常为县区）'),
  regionName: Nullable(Type.String(), '方案覆盖的区划名称；超出调用者辖区时为 null'),
  year: Type.Integer({ description: '方案年度' }),
  name: Type.String({ description: '方案名称' }),
  status: PlanStatus,
  basedOnPlanId: Nullable(Id, '复制自哪个方案；空白方案为 null'),
  note: Nullable(Type.String(), '备注；未填为 null'),
  gridCount: Type.Integer({ description: '调用者辖区内的网格数' }),
  area: Described(Area, '调用者辖区内网格的总面积（公顷与亩）'),
  activatedAt: Nullable(DateTime, '启用时刻（ISO 8601）；草稿为 null'),
  archivedAt: Nullable(DateTime, '归档时刻（ISO 8601）；未归档为 null'),
  createdAt: Described(DateTime, '创建时刻（ISO 8601）'),
  updatedAt: Described(DateTime, '最后修改时刻（ISO 8601）'),
});

export const PlanListQuery = Type.Object(
  {
    regionCode: Type.Optional(Described(RegionCode, '12 位统计用区划代码：列出覆盖该区划或在其下的方案')),
    status: Type.Optional(PlanStatus),
    year: Type.Optional(Described(PlanYear, '方案年度：只列出此年度的方案')),
  },
  { additionalProperties: false },
);
export type PlanListQuery = Static<typeof PlanListQuery>;

export const PlanCreate = Type.Object(
  {
    regionCode: Described(RegionCode, '12 位统计用区划代码：方案覆盖的区划（通常为县区），须在调用者辖区内'),
    year: PlanYear,
    name: PlanName,
    note: Type.Optional(Nullable(PlanNote, '备注，最多 1000 字')),
    copyFrom: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('none'), Id], { description: "'active'（默认）复制该区域的启用方案；'none' 空白方案；或指定方案 id" }),
    ),
  },
  { additionalProperties: false },
);
export type PlanCreate = Static<typeof PlanCreate>;

export const PlanUpdate = Type.Object(
  {
    name: Type.Optional(PlanName),
    note: Type.Optional(Nullable(PlanNote, '备注，最多 1000 字；null 清除')),
    year: Type.Optional(PlanYear),
  },
  { additionalProperties: false, minProperties: 1 },
);

const GridRef = Type.Object({
  id: Described(Id, '网格 ID'),
  code: Type.String({ description: '网格编号' }),
  name: Type.String({ description: '网格名称' }),
  regionCode: Described(RegionCode, '网格所属村（或乡镇）的区划代码'),
  area: Described(Area, '网格面积（公顷与亩）'),
  rangerName: Nullable(Type.String(), '负责的护林员姓名；未分配为 null'),
});
const RangerRef = Type.Object({
  postId: Described(Id, '护林员职务 ID'),
  personId: Described(Id, '护林员的人员 ID'),
  name: Type.String({ description: '护林员姓名' }),
});
const PlanRef = Type.Object(
  { id: Described(Id, '网格方案 ID'), name: Type.String({ description: '方案名称' }), year: Type.Integer({ description: '方案年度' }), status: PlanStatus },
  { description: '网格所属的方案' },
);
const GridCount = Type.Object(
  { gridCount: Type.Integer({ description: '网格数' }), area: Described(Area, '网格总面积（公顷与亩）') },
  { description: '网格数与总面积' },
);

export const Problem = Type.Object({
  kind: Type.Union([Type.Literal('overlap'), Type.Literal('outside_region'), Type.Literal('ranger_twice'), Type.Literal('no_ranger'), Type.Literal('ranger_inactive')], {
    description: 'overlap 网格重叠 / outside_region 网格不在所属区划内 / ranger_twice 同一人负责多个网格 / no_ranger 未分配护林员 / ranger_inactive 护林员已离任',
  }),
  blocking: Type.Boolean({ description: '是否阻止启用' }),
  gridCodes: Type.Array(Type.String(), { description: '涉及的网格编号' }),
  area: Nullable(Area, '重叠或超出区划部分的面积（公顷与亩）；其他问题为 null'),
  message: Type.String({ description: '问题说明（中文）' }),
});

export const PlanComparison = Type.Object({
  plan: Described(GridPlan, '被比较的方案'),
  active: Nullable(GridPlan, '同一区域的启用方案；没有启用方案为 null'),
  totals: Type.Object({ plan: Described(GridCount, '本方案的网格数与总面积'), active: Described(GridCount, '启用方案的网格数与总面积（没有启用方案时为 0）') }, { description: '合计' }),
  added: Type.Array(GridRef, { description: '新增的网格（按编号比较）' }),
  removed: Type.Array(GridRef, { description: '删除的网格' }),
  changed: Type.Array(
    Type.Object({
      code: Type.String({ description: '网格编号' }),
      name: Type.String({ description: '本方案中的网格名称' }),
      planGridId: Described(Id, '本方案中的网格 ID'),
      activeGridId: Described(Id, '启用方案中的网格 ID'),
      geometryChanged: Type.Boolean({ description: '范围是否变化' }),
      areaBefore: Described(Area, '启用方案中的面积（公顷与亩）'),
      areaAfter: Described(Area, '本方案中的面积（公顷与亩）'),
      changedArea: Described(Area, '前后范围不重合部分的面积（公顷与亩）'),
      rangerChanged: Type.Boolean({ description: '护林员是否变化' }),
      rangerBefore: Nullable(RangerRef, '启用方案中的护林员；未分配为 null'),
      rangerAfter: Nullable(RangerRef, '本方案中的护林员；未分配为 null'),
      nameChanged: Type.Boolean({ description: '名称是否变化' }),
      regionChanged: Type.Boolean({ description: '所属区划是否变化' }),
    }),
    { description: '范围（changedArea 为前后差异部分的面积）、护林员、名称或所属区划有变化的网格' },
  ),
  unchangedCount: Type.Integer({ description: '没有变化的网格数' }),
  grids: Type.Array(GridRef, { description: '本方案全部网格及面积' }),
  problems: Type.Array(Problem, { description: '本方案的问题：blocking 为 true 的阻止启用，其余为提醒' }),
  canActivate: Type.Boolean({ description: '没有阻止启用的问题时为 true' }),
});

// ---- grids ----

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

export const RiskAreaRef = Type.Object({
  id: Described(Id, '重点区域 ID'),
  kind: Type.String({ description: '类型代码（代码表 risk_area_kind）' }),
  kindName: Nullable(Type.String(), '类型名称；代码不在代码表中时为 null'),
  name: Type.String({ description: '重点区域名称' }),
  geometryType: Type.String({ description: '几何类型（PostGIS 名称），如 POINT、MULTIPOLYGON' }),
  geometry: Described(GeometryOut, 'GeoJSON 几何（经纬度）'),
});
export const KeyRouteRef = Type.Object({
  id: Described(Id, '重点线路 ID'),
  name: Type.String({ description: '线路名称' }),
  lengthM: Type.Number({ description: '全长（米）' }),
  lengthInGridM: Type.Number({ description: '网格内长度（米）' }),
  geometry: Described(GeometryOut, 'GeoJSON MultiLineString（经纬度）'),
});

export const GridDetail = Type.Object({
  ...Grid.properties,
  geometry: Described(GeometryOut, '网格范围：GeoJSON MultiPolygon（经纬度）'),
  plan: PlanRef,
  riskAreas: Type.Array(RiskAreaRef, { description: '与网格相交的重点区域' }),
  keyRoutes: Type.Array(KeyRouteRef, { description: '与网格相交的重点线路' }),
  patrolRules: Described(EffectiveRules, '当天（或 on 指定日期）有效的巡护要求及依据'),
});

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

export const Unassigned = Type.Object({
  plan: Described(PlanRef, '网格方案'),
  gridsWithoutRanger: Type.Array(GridRef, { description: '未分配护林员的网格' }),
  rangersWithoutGrid: Type.Array(Ranger, { description: '方案区域内今天在任、但在本方案中未负责网格的护林员' }),
});
export const UnassignedQuery = Type.Object({ regionCode: Type.Optional(Described(RegionCode, '12 位统计用区划代码：只看该区划及其下级区划')) }, { additionalProperties: false });

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

import { Type, type Static } from 'typebox';
import { DateTime, Described, Id, Nullable } from '../../platform/schema.ts';
import { Area } from '../land/geojson.ts';
import { RegionCode } from '../regions/schema.ts';

const PlanYear = Type.Integer({ minimum: 2000, maximum: 2100, description: '方案年度，2000–2100' });
const PlanName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: '方案名称，1–100 字', examples: ['2026 年度网格方案'] });
const PlanNote = Type.String({ maxLength: 1000 });

export const PlanParams = Type.Object({ id: Described(Id, '网格方案 ID') });

export const PlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('archived')], { description: 'draft 草稿 / active 启用 / archived 已归档' });
export type PlanStatus = Static<typeof PlanStatus>;

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
export type GridPlan = Static<typeof GridPlan>;

/** The plan a grid belongs to, as a grid's detail names it. */
export const PlanRef = Type.Object(
  { id: Described(Id, '网格方案 ID'), name: Type.String({ description: '方案名称' }), year: Type.Integer({ description: '方案年度' }), status: PlanStatus },
  { description: '网格所属的方案' },
);

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
export type PlanUpdate = Static<typeof PlanUpdate>;

/** A grid as plan lists name it. */
export const GridRef = Type.Object({
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
const GridCount = Type.Object(
  { gridCount: Type.Integer({ description: '网格数' }), area: Described(Area, '网格总面积（公顷与亩）') },
  { description: '网格数与总面积' },
);

/** What is wrong with a plan (one entry of its check, not a problem-list entry 问题清单条目). */
export const PlanProblem = Type.Object({
  kind: Type.Union([Type.Literal('overlap'), Type.Literal('outside_region'), Type.Literal('ranger_twice'), Type.Literal('no_ranger'), Type.Literal('ranger_inactive')], {
    description: 'overlap 网格重叠 / outside_region 网格不在所属区划内 / ranger_twice 同一人负责多个网格 / no_ranger 未分配护林员 / ranger_inactive 护林员已离任',
  }),
  blocking: Type.Boolean({ description: '是否阻止启用' }),
  gridCodes: Type.Array(Type.String(), { description: '涉及的网格编号' }),
  area: Nullable(Area, '重叠或超出区划部分的面积（公顷与亩）；其他问题为 null'),
  message: Type.String({ description: '问题说明（中文）' }),
});
export type PlanProblem = Static<typeof PlanProblem>;

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
  problems: Type.Array(PlanProblem, { description: '本方案的问题：blocking 为 true 的阻止启用，其余为提醒' }),
  canActivate: Type.Boolean({ description: '没有阻止启用的问题时为 true' }),
});
export type PlanComparison = Static<typeof PlanComparison>;

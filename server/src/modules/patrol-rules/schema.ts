import { Type, type Static } from 'typebox';
import { Day, Described, Id, Nullable } from '../../platform/schema.ts';
import { RegionCode } from '../regions/schema.ts';

export const RegionParams = Type.Object({ regionCode: RegionCode });

/** 重点时段: a yearly window (MM-DD to MM-DD, may wrap the new year) with its patrol frequency. */
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
export type KeyPeriod = Static<typeof KeyPeriod>;

/** Overrides of the region's patrol rules for one grid (grids.patrol_rule). */
export const PatrolRuleOverride = Type.Object(
  {
    minDaysPerMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 31, description: '每月出勤天数下限' })),
    minHoursPerPatrol: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 24, description: '每次巡护小时数下限' })),
    keyPeriods: Type.Optional(Type.Array(KeyPeriod, { maxItems: 12, description: '重点时段及巡护频次，最多 12 个' })),
  },
  { additionalProperties: false, description: '本网格单独规定的巡护要求（覆盖区划规则）；不填的项沿用区划规则' },
);
export type PatrolRuleOverride = Static<typeof PatrolRuleOverride>;

/** Where an effective rule number comes from. */
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
export type RuleSource = Static<typeof RuleSource>;

export const EffectiveRules = Type.Object({
  regionCode: Described(RegionCode, '规则适用的区划代码'),
  on: Described(Day, '规则所依的日期 YYYY-MM-DD'),
  minDaysPerMonth: Type.Object({ value: Type.Integer({ description: '天数' }), source: RuleSource }, { description: '每月出勤天数下限' }),
  minHoursPerPatrol: Type.Object({ value: Type.Number({ description: '小时数' }), source: RuleSource }, { description: '每次巡护小时数下限' }),
  keyPeriods: Type.Object({ value: Type.Array(KeyPeriod, { description: '重点时段列表' }), source: RuleSource }, { description: '重点时段及巡护频次' }),
  activeKeyPeriods: Type.Array(KeyPeriod, { description: '当天所处的重点时段' }),
  requirement: Type.String({ description: '巡护要求（一句话）' }),
});
export type EffectiveRules = Static<typeof EffectiveRules>;

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
export type RegionRules = Static<typeof RegionRules>;

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

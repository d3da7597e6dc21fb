import { AppError } from '../../platform/errors/app-error.ts';
import { levelOf, subtreePrefix } from '../../platform/scope/regions.ts';
import type { KeyPeriod, PatrolRuleOverride } from './schema.ts';

/**
 * Patrol rules a grid is held to (《章贡区2021年林长制工作要点》 item 3; 《重庆市黔江区全面推深做实林长制行动方案（2023—2027年）》 item 4). Every number is
 * configuration per region with effective dates (rule_settings); the nearest region up the tree
 * with a rule in effect decides, a grid may override it, and without any setting the seeds'
 * numbers apply.
 */

export const PATROL_RULE_KEYS = ['patrol.min_days_per_month', 'patrol.min_hours_per_patrol', 'patrol.key_periods'] as const;
export type PatrolRuleKey = (typeof PATROL_RULE_KEYS)[number];

/** Where the built-in numbers come from. */
export const SEED_RULE_SOURCE =
  '《章贡区2021年林长制工作要点》第3条：推动护林员在常规天气下，每月出勤天数累计不少于20天，每次巡护时间不少于2小时；重点防火期间……重点森林火灾风险隐患区域……做到每日必巡（系统默认值；重点防火期起止日期按江西森林防火期 10月1日至次年4月30日 假定）';

export const DEFAULT_RULES: { [K in PatrolRuleKey]: RuleValue<K> } = {
  'patrol.min_days_per_month': 20,
  'patrol.min_hours_per_patrol': 2,
  'patrol.key_periods': [{ name: '重点防火期', from: '10-01', to: '04-30', frequency: 'daily', target: 'key_risk_areas' }],
};

export type RuleValue<K extends PatrolRuleKey> = K extends 'patrol.key_periods' ? KeyPeriod[] : number;

/** Which override field of a grid each key maps to. */
export const OVERRIDE_FIELD: Record<PatrolRuleKey, keyof PatrolRuleOverride> = {
  'patrol.min_days_per_month': 'minDaysPerMonth',
  'patrol.min_hours_per_patrol': 'minHoursPerPatrol',
  'patrol.key_periods': 'keyPeriods',
};

export function isPatrolRuleKey(key: string): key is PatrolRuleKey {
  return (PATROL_RULE_KEYS as readonly string[]).includes(key);
}

const MONTH_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isMonthDay(text: string): boolean {
  if (!MONTH_DAY.test(text)) return false;
  const [m, d] = text.split('-').map(Number) as [number, number];
  return d <= DAYS_IN_MONTH[m - 1]!;
}

/** Checks a rule value for its key; the message says in Chinese what is wrong. */
export function checkRuleValue(key: PatrolRuleKey, value: unknown): number | KeyPeriod[] {
  switch (key) {
    case 'patrol.min_days_per_month':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 31) throw new AppError('invalid_value', { reason: '每月出勤天数应为 1 到 31 的整数' });
      return value;
    case 'patrol.min_hours_per_patrol':
      if (typeof value !== 'number' || value <= 0 || value > 24) throw new AppError('invalid_value', { reason: '每次巡护时长应为大于 0、不超过 24 的小时数' });
      return value;
    case 'patrol.key_periods':
      return checkKeyPeriods(value);
  }
}

function checkKeyPeriods(value: unknown): KeyPeriod[] {
  if (!Array.isArray(value)) throw new AppError('invalid_value', { reason: '重点时段应为列表' });
  return value.map((p: unknown, i) => {
    const period = p as Partial<KeyPeriod> | null;
    const label = `第 ${i + 1} 个重点时段`;
    if (!period || typeof period.name !== 'string' || period.name.trim() === '' || period.name.length > 40) throw new AppError('invalid_value', { reason: `${label}须有名称（不超过 40 字）` });
    if (typeof period.from !== 'string' || !isMonthDay(period.from) || typeof period.to !== 'string' || !isMonthDay(period.to)) {
      throw new AppError('invalid_value', { reason: `${label}的起止日期应为 MM-DD，如 10-01` });
    }
    if (period.frequency !== 'daily' && period.frequency !== 'weekly') throw new AppError('invalid_value', { reason: `${label}的巡护频次应为 daily（每日）或 weekly（每周）` });
    if (period.target !== undefined && period.target !== 'key_risk_areas' && period.target !== 'whole_grid') {
      throw new AppError('invalid_value', { reason: `${label}的巡护对象应为 key_risk_areas（重点区域）或 whole_grid（整个网格）` });
    }
    return { name: period.name.trim(), from: period.from, to: period.to, frequency: period.frequency, target: period.target ?? 'key_risk_areas' };
  });
}

/** Whether a day ('YYYY-MM-DD') falls in a yearly window; a window may wrap the new year (10-01 to 04-30). */
export function inKeyPeriod(period: Pick<KeyPeriod, 'from' | 'to'>, day: string): boolean {
  const md = day.slice(5);
  return period.from <= period.to ? md >= period.from && md <= period.to : md >= period.from || md <= period.to;
}

/** The region and every region above it, nearest first: 360702101200 → …101000 → 360702000000 → 360700000000 → 360000000000. */
export function ancestorsOf(code: string): string[] {
  const lengths = [2, 4, 6, 9, 12];
  return lengths
    .slice(0, levelOf(code))
    .reverse()
    .map((n) => subtreePrefix(code).slice(0, n).padEnd(12, '0'));
}

const FREQUENCY = { daily: '每日必巡', weekly: '每周至少巡护一次' } as const;
const TARGET = { key_risk_areas: '重点区域', whole_grid: '整个网格' } as const;
const monthDay = (md: string) => `${Number(md.slice(0, 2))}月${Number(md.slice(3))}日`;

/** The required patrol frequency in one Chinese sentence, as a handbook or signboard would print it. */
export function describeRequirement(rule: { minDaysPerMonth: number; minHoursPerPatrol: number; keyPeriods: readonly KeyPeriod[] }): string {
  const base = `常规天气每月出勤不少于 ${rule.minDaysPerMonth} 天，每次巡护不少于 ${rule.minHoursPerPatrol} 小时`;
  const periods = rule.keyPeriods.map(
    (p) => `${p.name}（${monthDay(p.from)}至${p.from <= p.to ? '' : '次年'}${monthDay(p.to)}）${TARGET[p.target ?? 'key_risk_areas']}${FREQUENCY[p.frequency]}`,
  );
  return [base, ...periods].join('；');
}

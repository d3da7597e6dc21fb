import { describe, expect, it } from 'vitest';
import { ancestorsOf, checkRuleValue, DEFAULT_RULES, describeRequirement, inKeyPeriod } from './rules.ts';

describe('patrol rules', () => {
  // 《章贡区2021年林长制工作要点》 item 3: "推动护林员在常规天气下，每月出勤天数累计不少于20天，每次巡护时间不少于2小时；
  // 重点防火期间……加大对……重点森林火灾风险隐患区域巡护力度，做到每日必巡。"
  it('defaults to the numbers of 《章贡区2021年林长制工作要点》 item 3: 20 days a month, 2 hours a patrol, daily in the key fire-prevention period', () => {
    expect(DEFAULT_RULES['patrol.min_days_per_month']).toBe(20);
    expect(DEFAULT_RULES['patrol.min_hours_per_patrol']).toBe(2);
    expect(DEFAULT_RULES['patrol.key_periods']).toEqual([expect.objectContaining({ name: '重点防火期', frequency: 'daily', target: 'key_risk_areas' })]);
  });

  it('says the requirement in one Chinese sentence', () => {
    expect(describeRequirement({ minDaysPerMonth: 20, minHoursPerPatrol: 2, keyPeriods: DEFAULT_RULES['patrol.key_periods'] })).toBe(
      '常规天气每月出勤不少于 20 天，每次巡护不少于 2 小时；重点防火期（10月1日至次年4月30日）重点区域每日必巡',
    );
  });

  it('knows a key period that wraps the new year', () => {
    const fire = { from: '10-01', to: '04-30' };
    expect(['2026-10-01', '2026-12-31', '2027-01-01', '2027-04-30'].map((d) => inKeyPeriod(fire, d))).toEqual([true, true, true, true]);
    expect(['2026-05-01', '2026-09-30'].map((d) => inKeyPeriod(fire, d))).toEqual([false, false]);
    expect(inKeyPeriod({ from: '03-01', to: '03-31' }, '2026-03-15')).toBe(true);
    expect(inKeyPeriod({ from: '03-01', to: '03-31' }, '2026-04-01')).toBe(false);
  });

  it('walks up the region tree, nearest first', () => {
    expect(ancestorsOf('360702101200')).toEqual(['360702101200', '360702101000', '360702000000', '360700000000', '360000000000']);
    expect(ancestorsOf('360702000000')).toEqual(['360702000000', '360700000000', '360000000000']);
  });

  it('refuses values that cannot be a rule, in Chinese', () => {
    expect(() => checkRuleValue('patrol.min_days_per_month', 32)).toThrow('1 到 31');
    expect(() => checkRuleValue('patrol.min_days_per_month', 20.5)).toThrow('整数');
    expect(() => checkRuleValue('patrol.min_hours_per_patrol', 0)).toThrow('大于 0');
    expect(() => checkRuleValue('patrol.key_periods', [{ name: '防火期', from: '02-30', to: '04-30', frequency: 'daily' }])).toThrow('MM-DD');
    expect(() => checkRuleValue('patrol.key_periods', [{ name: '防火期', from: '10-01', to: '04-30', frequency: 'hourly' }])).toThrow('daily');
    expect(checkRuleValue('patrol.key_periods', [{ name: ' 防火期 ', from: '10-01', to: '04-30', frequency: 'weekly' }])).toEqual([
      { name: '防火期', from: '10-01', to: '04-30', frequency: 'weekly', target: 'key_risk_areas' },
    ]);
  });
});

import { auditAs, type Tx } from '../../db/scoped.ts';
import type { Context } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import * as repo from './repository.ts';
import { ancestorsOf, checkRuleValue, DEFAULT_RULES, describeRequirement, inKeyPeriod, OVERRIDE_FIELD, SEED_RULE_SOURCE, type PatrolRuleKey, type RuleValue } from './rules.ts';
import type { EffectiveRules, PatrolRuleOverride, RegionRules, RuleSet, RuleSource } from './schema.ts';

/**
 * 巡护规则: the numbers a grid's patrols are held to, set per region with effective dates; the
 * nearest region up the tree decides, a grid may override, and the seeds' numbers apply otherwise.
 */

export const today = repo.today;

/**
 * The rules in effect on a day for a region: for each key the setting of the nearest region up the
 * tree (the region itself first), then the grid's own override, then the seeds' default.
 */
export async function effectiveRules(tx: Tx, regionCode: string, on: string, grid?: { code: string; override: PatrolRuleOverride | null }): Promise<EffectiveRules> {
  const chain = ancestorsOf(regionCode);
  const rows = await repo.settingsInEffect(tx, chain, on);
  const pick = <K extends PatrolRuleKey>(key: K): { value: RuleValue<K>; source: RuleSource } => {
    const override = grid?.override?.[OVERRIDE_FIELD[key]];
    if (override !== undefined && override !== null) {
      return {
        value: override as RuleValue<K>,
        source: { kind: 'grid', ruleId: null, regionCode: null, regionName: null, effectiveFrom: null, effectiveTo: null, text: `网格 ${grid!.code} 的单独规定` },
      };
    }
    const setting = rows
      .filter((r) => r.key === key)
      .sort((a, b) => chain.indexOf(a.region_code) - chain.indexOf(b.region_code) || b.effective_from.localeCompare(a.effective_from))[0];
    if (!setting) return { value: DEFAULT_RULES[key], source: defaultSource() };
    return {
      value: setting.value as RuleValue<K>,
      source: {
        kind: 'region',
        ruleId: setting.id,
        regionCode: setting.region_code,
        regionName: setting.region_name,
        effectiveFrom: setting.effective_from,
        effectiveTo: setting.effective_to,
        text: setting.source ?? '（未注明依据）',
      },
    };
  };
  const minDaysPerMonth = pick('patrol.min_days_per_month');
  const minHoursPerPatrol = pick('patrol.min_hours_per_patrol');
  const keyPeriods = pick('patrol.key_periods');
  return {
    regionCode,
    on,
    minDaysPerMonth,
    minHoursPerPatrol,
    keyPeriods,
    activeKeyPeriods: keyPeriods.value.filter((p) => inKeyPeriod(p, on)),
    requirement: describeRequirement({ minDaysPerMonth: minDaysPerMonth.value, minHoursPerPatrol: minHoursPerPatrol.value, keyPeriods: keyPeriods.value }),
  };
}

const defaultSource = (): RuleSource => ({ kind: 'default', ruleId: null, regionCode: null, regionName: null, effectiveFrom: null, effectiveTo: null, text: SEED_RULE_SOURCE });

const toSetting = (r: repo.SettingRow) => ({ id: r.id, key: r.key, value: r.value, effectiveFrom: r.effective_from, effectiveTo: r.effective_to, source: r.source });

async function regionRules(tx: Tx, regionCode: string, on: string): Promise<RegionRules> {
  return { effective: await effectiveRules(tx, regionCode, on), settings: (await repo.settingsAt(tx, regionCode)).map(toSetting) };
}

/** The effective rules of a region and the settings made at that region itself (all periods). */
export async function rulesOf(ctx: Context, regionCode: string, on?: string): Promise<RegionRules> {
  return ctx.run(async (tx) => {
    if (!(await repo.regionExists(tx, regionCode))) throw notFound('区划', regionCode);
    return regionRules(tx, regionCode, on ?? (await repo.today(tx)));
  });
}

/**
 * Sets a region's rule from a day on: a new row, and the row before it at the same region now ends
 * the day before. Setting the same day again replaces that day's value. Audited as `patrol_rule.set`.
 */
export async function setRule(ctx: Context, regionCode: string, input: RuleSet): Promise<RegionRules> {
  const value = checkRuleValue(input.key, input.value);
  return ctx.run(async (tx) => {
    if (!(await repo.regionExists(tx, regionCode))) throw notFound('区划', regionCode);
    await auditAs(tx, 'patrol_rule.set');
    await repo.putSetting(tx, regionCode, { key: input.key, value, effectiveFrom: input.effectiveFrom, source: input.source ?? null });
    return regionRules(tx, regionCode, await repo.today(tx));
  });
}

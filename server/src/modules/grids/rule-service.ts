import { sql } from 'kysely';
import { auditAs, type Tx } from '../../db/scoped.ts';
import type { Context } from '../../platform/context.ts';
import { notFound } from '../../platform/errors/app-error.ts';
import {
  ancestorsOf,
  checkRuleValue,
  DEFAULT_RULES,
  describeRequirement,
  inKeyPeriod,
  OVERRIDE_FIELD,
  PATROL_RULE_KEYS,
  SEED_RULE_SOURCE,
  type PatrolRuleKey,
} from './rules.ts';
import type { KeyPeriod, PatrolRuleOverride } from './tables.ts';

/** Where an effective rule number comes from. */
export interface RuleSource {
  kind: 'grid' | 'region' | 'default';
  ruleId: number | null;
  regionCode: string | null;
  /** Null when the region lies above the caller's scope (a township user reading the county's rule). */
  regionName: string | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
  /** The document that states the rule. */
  text: string;
}

export interface EffectiveRules {
  regionCode: string;
  on: string;
  minDaysPerMonth: { value: number; source: RuleSource };
  minHoursPerPatrol: { value: number; source: RuleSource };
  keyPeriods: { value: KeyPeriod[]; source: RuleSource };
  /** Key periods the day `on` falls in. */
  activeKeyPeriods: KeyPeriod[];
  /** The requirement in one Chinese sentence. */
  requirement: string;
}

interface SettingRow {
  id: number;
  region_code: string;
  region_name: string | null;
  key: string;
  value: unknown;
  effective_from: string;
  effective_to: string | null;
  source: string | null;
}

export async function today(tx: Tx): Promise<string> {
  const { rows } = await sql<{ d: string }>`select lz_today()::text as d`.execute(tx);
  return rows[0]!.d;
}

/**
 * The rules in effect on a day for a region: for each key the setting of the nearest region up the
 * tree (the region itself first), then the grid's own override, then the seeds' default.
 */
export async function effectiveRules(tx: Tx, regionCode: string, on: string, grid?: { code: string; override: PatrolRuleOverride | null }): Promise<EffectiveRules> {
  const chain = ancestorsOf(regionCode);
  const { rows } = await sql<SettingRow>`
    select s.id, s.region_code, r.name as region_name, s.key, s.value, s.effective_from::text, s.effective_to::text, s.source
      from rule_settings s left join regions r on r.code = s.region_code
     where s.region_code in (${sql.join(chain)}) and s.key in (${sql.join([...PATROL_RULE_KEYS])})
       and s.effective_from <= ${on}::date and (s.effective_to is null or s.effective_to >= ${on}::date)`.execute(tx);
  const pick = <K extends PatrolRuleKey>(key: K) => {
    const override = grid?.override?.[OVERRIDE_FIELD[key]];
    if (override !== undefined && override !== null) {
      return {
        value: override as K extends 'patrol.key_periods' ? KeyPeriod[] : number,
        source: { kind: 'grid' as const, ruleId: null, regionCode: null, regionName: null, effectiveFrom: null, effectiveTo: null, text: `网格 ${grid!.code} 的单独规定` },
      };
    }
    const setting = rows
      .filter((r) => r.key === key)
      .sort((a, b) => chain.indexOf(a.region_code) - chain.indexOf(b.region_code) || b.effective_from.localeCompare(a.effective_from))[0];
    if (!setting) {
      return { value: DEFAULT_RULES[key] as K extends 'patrol.key_periods' ? KeyPeriod[] : number, source: defaultSource() };
    }
    return {
      value: setting.value as K extends 'patrol.key_periods' ? KeyPeriod[] : number,
      source: {
        kind: 'region' as const,
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

async function settingsAt(tx: Tx, regionCode: string): Promise<SettingRow[]> {
  const { rows } = await sql<SettingRow>`
    select s.id, s.region_code, r.name as region_name, s.key, s.value, s.effective_from::text, s.effective_to::text, s.source
      from rule_settings s left join regions r on r.code = s.region_code
     where s.region_code = ${regionCode} and s.key in (${sql.join([...PATROL_RULE_KEYS])})
     order by s.key, s.effective_from`.execute(tx);
  return rows;
}

const toSetting = (r: SettingRow) => ({ id: r.id, key: r.key, value: r.value, effectiveFrom: r.effective_from, effectiveTo: r.effective_to, source: r.source });

/** The effective rules of a region and the settings made at that region itself (all periods). */
export async function rulesOf(ctx: Context, regionCode: string, on?: string) {
  return ctx.run(async (tx) => {
    const region = await tx.selectFrom('regions').select('code').where('code', '=', regionCode).executeTakeFirst();
    if (!region) throw notFound('区划', regionCode);
    const day = on ?? (await today(tx));
    return { effective: await effectiveRules(tx, regionCode, day), settings: (await settingsAt(tx, regionCode)).map(toSetting) };
  });
}

/**
 * Sets a region's rule from a day on: a new row, and the row before it at the same region now ends
 * the day before. Setting the same day again replaces that day's value. Audited as `patrol_rule.set`.
 */
export async function setRule(ctx: Context, regionCode: string, input: { key: PatrolRuleKey; value: unknown; effectiveFrom: string; source?: string | null }) {
  const value = checkRuleValue(input.key, input.value);
  return ctx.run(async (tx) => {
    const region = await tx.selectFrom('regions').select('code').where('code', '=', regionCode).executeTakeFirst();
    if (!region) throw notFound('区划', regionCode);
    await auditAs(tx, 'patrol_rule.set');
    const json = JSON.stringify(value);
    await sql`
      insert into rule_settings (region_code, key, value, effective_from, source)
      values (${regionCode}, ${input.key}, ${json}::jsonb, ${input.effectiveFrom}::date, ${input.source ?? null})
      on conflict (region_code, key, effective_from) do update set value = excluded.value, source = excluded.source`.execute(tx);
    // Each setting of the key at this region ends where the next one begins.
    await sql`
      update rule_settings s set effective_to = n.next_from - 1
        from (select id, lead(effective_from) over (order by effective_from) as next_from
                from rule_settings where region_code = ${regionCode} and key = ${input.key}) n
       where s.id = n.id and n.next_from is not null and (s.effective_to is null or s.effective_to >= n.next_from)`.execute(tx);
    return { effective: await effectiveRules(tx, regionCode, await today(tx)), settings: (await settingsAt(tx, regionCode)).map(toSetting) };
  });
}

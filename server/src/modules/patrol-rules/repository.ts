import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import { PATROL_RULE_KEYS, type PatrolRuleKey } from './rules.ts';

/** Queries over rule_settings: the rules in effect up the region tree, and a region's own history. */

export interface SettingRow {
  id: number;
  region_code: string;
  /** Null when the region lies above the caller's scope (a township user reading the county's rule). */
  region_name: string | null;
  key: string;
  value: unknown;
  effective_from: string;
  effective_to: string | null;
  source: string | null;
}

/** China's calendar day now ('YYYY-MM-DD'), whatever the server's time zone. */
export async function today(tx: Tx): Promise<string> {
  const { rows } = await sql<{ d: string }>`select lz_today()::text as d`.execute(tx);
  return rows[0]!.d;
}

export async function regionExists(tx: Tx, regionCode: string): Promise<boolean> {
  return (await tx.selectFrom('regions').select('code').where('code', '=', regionCode).executeTakeFirst()) !== undefined;
}

/** Patrol-rule settings in effect on a day at any of the given regions. */
export async function settingsInEffect(tx: Tx, regionCodes: readonly string[], on: string): Promise<SettingRow[]> {
  const { rows } = await sql<SettingRow>`
    select s.id, s.region_code, r.name as region_name, s.key, s.value, s.effective_from::text, s.effective_to::text, s.source
      from rule_settings s left join regions r on r.code = s.region_code
     where s.region_code in (${sql.join(regionCodes)}) and s.key in (${sql.join([...PATROL_RULE_KEYS])})
       and s.effective_from <= ${on}::date and (s.effective_to is null or s.effective_to >= ${on}::date)`.execute(tx);
  return rows;
}

/** Every patrol-rule setting made at the region itself, all periods. */
export async function settingsAt(tx: Tx, regionCode: string): Promise<SettingRow[]> {
  const { rows } = await sql<SettingRow>`
    select s.id, s.region_code, r.name as region_name, s.key, s.value, s.effective_from::text, s.effective_to::text, s.source
      from rule_settings s left join regions r on r.code = s.region_code
     where s.region_code = ${regionCode} and s.key in (${sql.join([...PATROL_RULE_KEYS])})
     order by s.key, s.effective_from`.execute(tx);
  return rows;
}

/**
 * Sets a rule from a day on (the same day again replaces that day's value); then each setting of
 * the key at this region ends where the next one begins.
 */
export async function putSetting(tx: Tx, regionCode: string, input: { key: PatrolRuleKey; value: unknown; effectiveFrom: string; source: string | null }): Promise<void> {
  await sql`
    insert into rule_settings (region_code, key, value, effective_from, source)
    values (${regionCode}, ${input.key}, ${JSON.stringify(input.value)}::jsonb, ${input.effectiveFrom}::date, ${input.source})
    on conflict (region_code, key, effective_from) do update set value = excluded.value, source = excluded.source`.execute(tx);
  await sql`
    update rule_settings s set effective_to = n.next_from - 1
      from (select id, lead(effective_from) over (order by effective_from) as next_from
              from rule_settings where region_code = ${regionCode} and key = ${input.key}) n
     where s.id = n.id and n.next_from is not null and (s.effective_to is null or s.effective_to >= n.next_from)`.execute(tx);
}

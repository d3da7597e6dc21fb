import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateString } from '../../db/types.ts';

/** A rule number for a region, in effect for a period (e.g. patrol.min_days_per_month = 20). */
export interface RuleSettingTable {
  id: Generated<number>;
  region_code: string;
  key: string;
  value: ColumnType<unknown, string, string>;
  effective_from: DateString;
  effective_to: DateString | null;
  source: string | null;
  created_at: CreatedAt;
}

export interface PatrolRuleTables {
  rule_settings: RuleSettingTable;
}

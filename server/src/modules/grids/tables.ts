import type { ColumnType, Generated } from 'kysely';
import type { Geometry, UpdatedAt } from '../../db/types.ts';
import type { PatrolRuleOverride } from '../patrol-rules/schema.ts';

/** 网格 */
export interface GridTable {
  id: Generated<number>;
  plan_id: number;
  region_code: string;
  code: string;
  name: string;
  geom: Geometry;
  area_ha: ColumnType<number, never, never>;
  ranger_post_id: number | null;
  /** The person holding ranger_post_id, kept by the grids_ranger_person trigger (one grid per person and plan). */
  ranger_person_id: ColumnType<number | null, never, never>;
  patrol_rule: ColumnType<PatrolRuleOverride | null, string | null, string | null>;
  note: string | null;
  updated_at: UpdatedAt;
}

export interface GridTables {
  grids: GridTable;
}

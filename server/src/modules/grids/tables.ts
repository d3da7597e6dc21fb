import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateString, Geometry, UpdatedAt } from '../../db/types.ts';

export type GridPlanStatus = 'draft' | 'active' | 'archived';

/** 网格方案 */
export interface GridPlanTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  name: string;
  status: Generated<GridPlanStatus>;
  based_on_plan_id: number | null;
  note: string | null;
  activated_at: Date | null;
  archived_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** Overrides of the region's patrol rules for one grid. */
export interface PatrolRuleOverride {
  minDaysPerMonth?: number;
  minHoursPerPatrol?: number;
  keyPeriods?: KeyPeriod[];
}

/** 重点时段: a yearly window (MM-DD to MM-DD, may wrap the new year) with its patrol frequency. */
export interface KeyPeriod {
  name: string;
  from: string;
  to: string;
  frequency: 'daily' | 'weekly';
  target?: 'key_risk_areas' | 'whole_grid';
}

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

export type RiskAreaKind = 'farm_forest_edge' | 'pine_wilt_removal' | 'construction_site' | 'graves' | 'power_line' | 'other';

/** 重点区域 */
export interface RiskAreaTable {
  id: Generated<number>;
  region_code: string;
  kind: RiskAreaKind;
  name: string;
  geom: Geometry;
  dataset: Generated<string>;
  note: string | null;
  updated_at: UpdatedAt;
}

/** 重点线路 */
export interface KeyRouteTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  geom: Geometry;
  length_m: ColumnType<number, never, never>;
  dataset: Generated<string>;
  updated_at: UpdatedAt;
}

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

export interface GridTables {
  grid_plans: GridPlanTable;
  grids: GridTable;
  risk_areas: RiskAreaTable;
  key_routes: KeyRouteTable;
  rule_settings: RuleSettingTable;
}

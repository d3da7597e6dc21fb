import type { Generated } from 'kysely';
import type { CreatedAt, UpdatedAt } from '../../db/types.ts';
import type { PlanStatus } from './schema.ts';

/** 网格方案 */
export interface GridPlanTable {
  id: Generated<number>;
  region_code: string;
  year: number;
  name: string;
  status: Generated<PlanStatus>;
  based_on_plan_id: number | null;
  note: string | null;
  activated_at: Date | null;
  archived_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PlanTables {
  grid_plans: GridPlanTable;
}

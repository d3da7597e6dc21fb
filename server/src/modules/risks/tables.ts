import type { ColumnType, Generated } from 'kysely';
import type { Geometry, UpdatedAt } from '../../db/types.ts';

/** 重点区域 */
export interface RiskAreaTable {
  id: Generated<number>;
  region_code: string;
  /** A code of the code table risk_area_kind. */
  kind: string;
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

export interface RiskTables {
  risk_areas: RiskAreaTable;
  key_routes: KeyRouteTable;
}

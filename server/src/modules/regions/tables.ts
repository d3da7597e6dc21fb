import type { Geometry, UpdatedAt } from '../../db/types.ts';
import type { RegionLevel } from '../../platform/scope/regions.ts';

/** 行政区划 */
export interface RegionTable {
  code: string;
  level: RegionLevel;
  parent_code: string | null;
  name: string;
  geom: Geometry | null;
  updated_at: UpdatedAt;
}

export interface RegionTables {
  regions: RegionTable;
}

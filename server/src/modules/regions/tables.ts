import type { Geometry, UpdatedAt } from '../../db/types.ts';

/** 行政区划 */
export interface RegionTable {
  code: string;
  level: RegionLevel;
  parent_code: string | null;
  name: string;
  geom: Geometry | null;
  updated_at: UpdatedAt;
}

/** 1 province 省, 2 city 市, 3 county 县/区, 4 township 乡镇/街道, 5 village 村/社区 */
export type RegionLevel = 1 | 2 | 3 | 4 | 5;

export interface RegionTables {
  regions: RegionTable;
}

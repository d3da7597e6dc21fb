import type { ColumnType, Generated } from 'kysely';
import type { Geometry, UpdatedAt } from '../../db/types.ts';

/** 责任区域: a chief's land, one or more per post. */
export interface ResponsibilityAreaTable {
  id: Generated<number>;
  post_id: number;
  region_code: string;
  name: string;
  geom: Geometry;
  area_ha: ColumnType<number, never, never>;
  /** Which import brought it; null when drawn by hand (migration 20261124-10). */
  dataset: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: UpdatedAt;
}

export interface ChiefTables {
  responsibility_areas: ResponsibilityAreaTable;
}

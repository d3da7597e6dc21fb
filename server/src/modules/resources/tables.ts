import type { ColumnType } from 'kysely';
import type { CreatedAt } from '../../db/types.ts';

/** 资源清单 cache: figures and the layer versions they came from. */
export interface ResourceListTable {
  subject: string;
  region_code: string;
  versions: ColumnType<Record<string, number>, string, string>;
  figures: ColumnType<Record<string, unknown>, string, string>;
  computed_at: CreatedAt;
}

export interface ResourceTables {
  resource_lists: ResourceListTable;
}

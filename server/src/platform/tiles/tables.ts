import type { Generated } from 'kysely';

/** Version counter per map layer, bumped by triggers on every write (see lz_layer_changed). */
export interface LayerVersionTable {
  layer: string;
  version: Generated<number>;
  changed_at: Generated<Date>;
}

export interface TileTables {
  layer_versions: LayerVersionTable;
}

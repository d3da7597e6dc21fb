import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Geometry, UpdatedAt } from '../../db/types.ts';

/** 代码表: names and meanings of coded attribute values. */
export interface CodeTableRow {
  domain: string;
  code: string;
  name: string;
  flags: Generated<string[]>;
  sort: Generated<number>;
}

/** 小班 */
export interface SubCompartmentTable {
  id: Generated<number>;
  region_code: string;
  compartment: string;
  number: string;
  geom: Geometry;
  /** Set by trigger from the geometry, on the ellipsoid. */
  area_ha: ColumnType<number, never, never>;
  land_class: string | null;
  forest_category: string | null;
  public_welfare_grade: string | null;
  protection_grade: string | null;
  origin: string | null;
  dominant_species: string | null;
  age_group: string | null;
  canopy_density: number | null;
  stock_per_ha: number | null;
  stock_total: number | null;
  ownership: string | null;
  survey_year: number | null;
  dataset: string;
  extra: ColumnType<Record<string, unknown>, string | undefined, string | undefined>;
  updated_at: UpdatedAt;
}

/** 参考图层 (自然保护地 …) */
export interface ReferenceLayerTable {
  id: Generated<number>;
  region_code: string;
  name: string;
  kind: Generated<'nature_reserve' | 'forest_farm' | 'other'>;
  description: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface ReferenceFeatureTable {
  id: Generated<number>;
  layer_id: number;
  region_code: string;
  name: string | null;
  properties: ColumnType<Record<string, unknown>, string | undefined, string | undefined>;
  geom: Geometry;
  /** Which import brought it; null when drawn by hand (migration 20261124-10). */
  dataset: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface LandTables {
  code_tables: CodeTableRow;
  sub_compartments: SubCompartmentTable;
  reference_layers: ReferenceLayerTable;
  reference_features: ReferenceFeatureTable;
}

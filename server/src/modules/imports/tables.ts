import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Geometry, UpdatedAt } from '../../db/types.ts';

export type ImportTarget = 'sub_compartments' | 'grids' | 'risk_areas' | 'key_routes' | 'responsibility_areas' | 'reference_features';
export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type ImportFormat = 'shapefile' | 'geojson' | 'kml' | 'kmz' | 'gpx';
type Json<T> = ColumnType<T, string | undefined, string | undefined>;

export interface ImportJobTable {
  id: Generated<number>;
  region_code: string;
  target: ImportTarget;
  status: Generated<ImportStatus>;
  file_sha256: string;
  file_name: string;
  file_size: number;
  format: ImportFormat;
  inspection: Json<Record<string, unknown>>;
  options: Json<Record<string, unknown>>;
  progress_done: Generated<number>;
  progress_total: number | null;
  cancel_requested: Generated<boolean>;
  report: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  error_code: string | null;
  error_message: string | null;
  created_by: number | null;
  created_by_name: string;
  actor_roots: string[];
  /** The server process running the job (platform/jobs), and its last sign of life. */
  worker_id: string | null;
  heartbeat_at: Date | null;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: UpdatedAt;
}

export interface ImportStagingTable {
  job_id: number;
  row_number: number;
  region_code: string | null;
  geom: Geometry | null;
  attrs: Json<Record<string, unknown>>;
  repaired: Generated<boolean>;
  /** Why the row will not be written; null when it will. */
  reject_reason: string | null;
}

export interface MappingPresetTable {
  id: Generated<number>;
  region_code: string;
  target: string;
  name: string;
  mapping: Json<Record<string, string>>;
  created_at: CreatedAt;
}

export interface ImportTables {
  import_jobs: ImportJobTable;
  import_staging: ImportStagingTable;
  mapping_presets: MappingPresetTable;
}

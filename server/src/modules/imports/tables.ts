import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Geometry, UpdatedAt } from '../../db/types.ts';
import type { ImportReport } from './finalize.ts';
import type { ImportOptions, Inspection } from './settings.ts';

export type ImportTarget = 'sub_compartments' | 'grids' | 'risk_areas' | 'key_routes' | 'responsibility_areas' | 'reference_features';
/** 'uploaded': waiting for the user's choices; the others are its job's state. */
export type ImportStatus = 'uploaded' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';
export type ImportFormat = 'shapefile' | 'geojson' | 'kml' | 'kmz' | 'gpx';
type Json<T> = ColumnType<T, string | undefined, string | undefined>;

/**
 * An import (导入任务): the uploaded file, what inspecting it found, the user's choices and, once it
 * has run, its report. Running it is a job of the jobs service (platform/jobs), linked by job_id
 * from the moment it is started; its state, progress and error live there.
 */
export interface ImportJobTable {
  id: Generated<number>;
  region_code: string;
  target: ImportTarget;
  file_sha256: string;
  file_name: string;
  file_size: number;
  format: ImportFormat;
  inspection: Json<Inspection>;
  options: Json<ImportOptions>;
  report: ColumnType<ImportReport | null, string | null, string | null>;
  created_by: number | null;
  created_by_name: string;
  /** The job running it; null until it is started. */
  job_id: number | null;
  /** Cancelled before it was started. */
  cancelled_at: Date | null;
  created_at: CreatedAt;
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

import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, UpdatedAt } from '../../db/types.ts';

export type JobState = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

/** How far a job has come, as the web app shows it. */
export interface JobProgress {
  done: number;
  /** null while the total is not known. */
  total: number | null;
}

type Json<T> = ColumnType<T, string, string>;

/** A background job of any module (platform/jobs, migration 20261203-10). */
export interface JobTable {
  id: Id;
  kind: string;
  region_code: string | null;
  created_by: number | null;
  created_by_name: string;
  /** The creator's scope when they queued it; null: every region (the system). */
  actor_roots: ColumnType<string[] | null, unknown, never>;
  payload: Json<Record<string, unknown>>;
  state: Generated<JobState>;
  attempts: Generated<number>;
  max_attempts: number;
  run_at: ColumnType<Date, Date, Date>;
  dedupe_key: string | null;
  worker_id: string | null;
  heartbeat_at: Date | null;
  progress: ColumnType<JobProgress | null, string | null, string | null>;
  result: ColumnType<unknown, string | null, string | null>;
  error_code: string | null;
  error_message: string | null;
  cancel_requested: Generated<boolean>;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: UpdatedAt;
}

export interface JobTables {
  jobs: JobTable;
}

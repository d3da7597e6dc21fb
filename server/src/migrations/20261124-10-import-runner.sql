-- Imports run as background jobs (platform/jobs/runner.ts). A running job names the server
-- process that holds it and when that process last showed signs of life, so a job whose process
-- died (a restart, a crash) is marked failed instead of staying "running" for ever. Staged rows
-- carry the reason they were rejected, for the report. Layers imported without a natural key are
-- replaced per dataset, so the two layers that lacked the column get one.

-- The process running the job (a random id per start); null until a worker claims it.
alter table import_jobs add column worker_id text;
-- Last sign of life from that process; a running job quiet for too long was interrupted.
alter table import_jobs add column heartbeat_at timestamptz;
-- The sweep for interrupted jobs looks only at running ones.
create index import_jobs_running_idx on import_jobs (heartbeat_at) where status = 'running';

-- Null: the row will be written; otherwise why it will not (shown with its row number).
alter table import_staging add column reject_reason text check (length(reject_reason) <= 500);

-- Which import brought a reference feature; re-importing the same dataset into the same layer
-- replaces it. Null: drawn or loaded some other way, never touched by an import.
alter table reference_features add column if not exists dataset text check (length(dataset) between 1 and 100);
-- Same for a chief's responsibility areas: an import replaces the areas of the same post and
-- dataset, and leaves areas drawn by hand alone.
alter table responsibility_areas add column if not exists dataset text check (length(dataset) between 1 and 100);

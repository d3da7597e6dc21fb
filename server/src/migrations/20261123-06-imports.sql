-- Imports of the GIS files offices really have, run as background jobs, and the column-mapping
-- presets they reuse. Features wait in a staging table until the whole file has been read and
-- checked, then land in one transaction: a failed or cancelled import leaves nothing half-written.

create table import_jobs (
  id bigint generated always as identity primary key,
  region_code text not null references regions (code),   -- where the import writes; inside the importer's scope
  target text not null check (target in ('sub_compartments', 'grids', 'risk_areas', 'key_routes', 'responsibility_areas', 'reference_features')),
  status text not null default 'uploaded' check (status in ('uploaded', 'queued', 'running', 'succeeded', 'failed', 'cancelled')),
  file_sha256 text not null check (file_sha256 ~ '^[0-9a-f]{64}$'),
  file_name text not null check (length(file_name) between 1 and 255),
  file_size bigint not null check (file_size >= 0),
  format text not null check (format in ('shapefile', 'geojson', 'kml', 'kmz', 'gpx')),
  inspection jsonb not null default '{}',   -- fields, samples, detected projection and encoding, feature count
  options jsonb not null default '{}',      -- the user's choices: projection, encoding, GCJ-02, column mapping, dataset …
  progress_done integer not null default 0,
  progress_total integer,
  cancel_requested boolean not null default false,
  report jsonb,                             -- {read, imported, repaired, rejected: [{row, reason}]}
  error_code text,
  error_message text,
  created_by bigint references accounts (id),
  created_by_name text not null,
  actor_roots text[] not null,              -- the importer's scope when queued; the worker acts within it
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now()
);
-- The worker's queue.
create index import_jobs_queue_idx on import_jobs (created_at) where status = 'queued';
create trigger import_jobs_touch before update on import_jobs
  for each row execute function lz_touch_updated_at();
alter table import_jobs enable row level security;
create policy import_jobs_scope on import_jobs using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));

-- Features read from a file, before they are committed to their layer. Internal to the import
-- worker; rows go with their job.
create table import_staging (
  job_id bigint not null references import_jobs (id) on delete cascade,
  row_number integer not null,
  region_code text,
  geom geometry(Geometry, 4326),
  attrs jsonb not null default '{}',
  repaired boolean not null default false,
  primary key (job_id, row_number)
);
-- A staged row is visible exactly when its job is (import_jobs has its own scope policy).
alter table import_staging enable row level security;
create policy import_staging_by_job on import_staging
  using (exists (select 1 from import_jobs j where j.id = job_id))
  with check (exists (select 1 from import_jobs j where j.id = job_id));

-- Saved column mappings (file field → our field) per target, shared down the region tree.
create table mapping_presets (
  id bigint generated always as identity primary key,
  region_code text not null references regions (code),
  target text not null,
  name text not null check (length(name) between 1 and 60),
  mapping jsonb not null,
  created_at timestamptz not null default now(),
  constraint mapping_presets_uq unique (region_code, target, name)
);
create trigger mapping_presets_audit after insert or update or delete on mapping_presets
  for each row execute function lz_audit_row('region_code');
alter table mapping_presets enable row level security;
create policy mapping_presets_read on mapping_presets for select using (lz_in_scope(region_code) or lz_scope_inside(region_code));
create policy mapping_presets_insert on mapping_presets for insert with check (lz_in_scope(region_code));
create policy mapping_presets_update on mapping_presets for update using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));
create policy mapping_presets_delete on mapping_presets for delete using (lz_in_scope(region_code));

-- One jobs service for every module (platform/jobs, docs/decisions/011-one-jobs-service.md).
-- Background work of any kind — imports now; patrol summaries, escalation timers, notifications
-- and documents next — is a row here: queued, claimed by one of the server processes sharing the
-- database, run, retried or given up. Imports were the first kind with a queue of their own
-- (import_jobs' queue columns); those columns move here, and import_jobs keeps the import's own
-- data (file, choices, check result, report) with a link to its job.
--
-- Rows are bookkeeping of work, written every few seconds while a job runs (heartbeats, progress),
-- so they have no row audit trigger: each kind records its own domain events (import.start,
-- import.succeed, …) and what the work changes is audited where it lands.

create table jobs (
  id bigint generated always as identity primary key,
  kind text not null check (kind ~ '^[a-z][a-z0-9_.-]{0,62}$'),   -- the module's name for it: 'import', 'patrol.monthly-sheet'
  region_code text references regions (code),                     -- whose job it is; null: installation-wide system work
  created_by bigint references accounts (id),                     -- who queued it; null: the system
  created_by_name text not null,                                  -- as the audit log names them when the job acts
  actor_roots text[],                                             -- their scope when they queued it (the job acts within it); null: every region
  payload jsonb not null default '{}',
  state text not null default 'queued' check (state in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
  attempts integer not null default 0 check (attempts >= 0),      -- runs started, including the one running
  max_attempts integer not null default 3 check (max_attempts between 1 and 100),
  run_at timestamptz not null default now(),                      -- not before: a schedule, or the back-off after a failed attempt
  dedupe_key text,                                                -- one job per key, ever: 'import:12', 'patrol.monthly-sheet@2027-01-01T06:00+08:00'
  worker_id text,                                                 -- the server process running it: host:pid:random
  heartbeat_at timestamptz,                                       -- that process's last sign of life
  progress jsonb,                                                 -- what the web app shows: {done, total}
  result jsonb,
  error_code text,                                                -- the last attempt's failure (catalogue code) and its Chinese message
  error_message text,
  cancel_requested boolean not null default false,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz not null default now(),
  constraint jobs_dedupe_key_uq unique (dedupe_key),
  -- A running job always names its process and when it was last heard from: the sweep relies on it.
  constraint jobs_running_has_worker check (state <> 'running' or (worker_id is not null and heartbeat_at is not null and started_at is not null)),
  -- Finished exactly when in a final state.
  constraint jobs_finished_when_final check ((state in ('succeeded', 'failed', 'cancelled')) = (finished_at is not null)),
  constraint jobs_failed_says_why check (state <> 'failed' or error_code is not null)
);
comment on table jobs is 'Background jobs of every module (platform/jobs): claimed with FOR UPDATE SKIP LOCKED by any server sharing the database.';
-- Claiming takes the queued job due first.
create index jobs_due_idx on jobs (run_at, id) where state = 'queued';
-- The sweep looks only at running jobs, by their last sign of life.
create index jobs_running_idx on jobs (heartbeat_at) where state = 'running';
create trigger jobs_touch before update on jobs
  for each row execute function lz_touch_updated_at();
-- Users see the jobs of their regions (installation-wide ones if they cover a county, as with the
-- audit log); claiming and sweeping run as the system, a claimed job as its creator.
alter table jobs enable row level security;
create policy jobs_read on jobs for select using (lz_in_scope(region_code) or (region_code is null and lz_scope_covers_county()));
create policy jobs_insert on jobs for insert with check (lz_in_scope(region_code));
create policy jobs_update on jobs for update using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));

-- An import gets its job when it is started; until then it waits for the user's choices.
alter table import_jobs add column job_id bigint references jobs (id);
alter table import_jobs add constraint import_jobs_one_job unique (job_id);
-- Cancelled before it was ever started (it has no job then).
alter table import_jobs add column cancelled_at timestamptz;
alter table import_jobs add constraint import_jobs_cancelled_or_queued check (job_id is null or cancelled_at is null);

-- Every import that was started gets the job it would have had, with its queue state.
with moved as (
  insert into jobs (kind, region_code, created_by, created_by_name, actor_roots, payload, state, attempts, max_attempts, run_at,
                    dedupe_key, worker_id, heartbeat_at, progress, error_code, error_message, cancel_requested,
                    created_at, started_at, finished_at)
  select 'import', region_code, created_by, created_by_name, actor_roots, jsonb_build_object('importId', id), status,
         case when started_at is null then 0 else 1 end, 3, created_at,
         'import:' || id, case when status = 'running' then coalesce(worker_id, 'unknown') end,
         case when status = 'running' then coalesce(heartbeat_at, started_at, created_at) end,
         jsonb_build_object('done', progress_done, 'total', progress_total),
         case when status = 'failed' then coalesce(error_code, 'internal') else error_code end, error_message, cancel_requested,
         created_at, case when status = 'running' then coalesce(started_at, created_at) else started_at end,
         case when status in ('succeeded', 'failed', 'cancelled') then coalesce(finished_at, updated_at) end
    from import_jobs
   where status in ('queued', 'running', 'succeeded', 'failed')
      or (status = 'cancelled' and started_at is not null)
  returning id, (payload ->> 'importId')::bigint as import_id
)
update import_jobs i set job_id = moved.id from moved where i.id = moved.import_id;
update import_jobs set cancelled_at = coalesce(finished_at, updated_at) where status = 'cancelled' and job_id is null;

drop index import_jobs_queue_idx;
drop index import_jobs_running_idx;
alter table import_jobs
  drop column status,
  drop column progress_done,
  drop column progress_total,
  drop column cancel_requested,
  drop column error_code,
  drop column error_message,
  drop column actor_roots,
  drop column worker_id,
  drop column heartbeat_at,
  drop column started_at,
  drop column finished_at;

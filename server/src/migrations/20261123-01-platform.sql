-- Platform foundations: PostGIS, the application role, region scoping and the audit log.
-- Everything later hangs on the conventions fixed here (see docs/database.md).

-- Geometry types and functions for every spatial table.
create extension if not exists postgis;

-- The server's queries run as this non-owner role, so row-level security applies to them
-- (table owners and superusers bypass it). NOLOGIN: it is entered with SET ROLE or the `role`
-- startup parameter by a login that is a member of it.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'linzhang_app') then
    create role linzhang_app nologin;
  end if;
end
$$;
-- The migrating login must be able to become the application role (a no-op for superusers).
grant linzhang_app to current_user;
grant usage on schema public to linzhang_app;
-- Every table and sequence a migration creates is usable by the application role unless the
-- migration revokes it (the audit log does).
alter default privileges in schema public grant select, insert, update, delete on tables to linzhang_app;
alter default privileges in schema public grant usage, select on sequences to linzhang_app;

-- The caller's region scope for the current transaction, set by the server before any query:
-- '*' for the system, otherwise comma-separated LIKE patterns of region-code prefixes such as
-- '360702101%'. When it is unset nothing matches, so a forgotten scope shows no rows instead of all.
create function lz_in_scope(region_code text) returns boolean
  language sql stable parallel safe
  as $$
    select coalesce(
      current_setting('linzhang.scope', true) = '*'
      or region_code like any (string_to_array(current_setting('linzhang.scope', true), ',')),
      false)
  $$;

-- True when the caller's scope covers a whole county or more (pattern '360702%' or shorter);
-- such users also see audit events that belong to no region (e.g. a sign-in with an unknown name).
create function lz_scope_covers_county() returns boolean
  language sql stable parallel safe
  as $$
    select coalesce(
      current_setting('linzhang.scope', true) = '*'
      or exists (select 1 from unnest(string_to_array(current_setting('linzhang.scope', true), ',')) p where length(p) <= 7),
      false)
  $$;

-- Today's calendar day where the forests are: posts, deadlines and patrol days follow China time,
-- whatever time zone the database server runs in.
create function lz_today() returns date
  language sql stable parallel safe
  as $$ select (now() at time zone 'Asia/Shanghai')::date $$;

-- Keeps updated_at true without every query remembering it.
create function lz_touch_updated_at() returns trigger
  language plpgsql
  as $$
  begin
    new.updated_at := now();
    return new;
  end
  $$;

-- The audit log: who did what to which record, when, from where, with the row before and after.
-- Rows are written in the same transaction as the change they describe.
create table audit_log (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_account_id bigint,          -- null: the system (migrations, demo generator, scheduled work)
  actor_name text not null,
  ip text,
  action text not null,             -- insert / update / delete, or a domain verb such as 'post.end', 'auth.login'
  entity text not null,             -- the table or domain object, e.g. 'persons'
  entity_id text,
  region_code text,                 -- the region the record belongs to; scopes who may read the entry
  before jsonb,
  after jsonb
);
comment on table audit_log is 'Append-only: the application role may insert and read, never update or delete.';
-- Newest-first browsing and search by time window.
create index audit_log_at_idx on audit_log (at desc);
-- History of one record.
create index audit_log_entity_idx on audit_log (entity, entity_id);
-- Scoped search: prefix match on the region code.
create index audit_log_region_idx on audit_log (region_code text_pattern_ops, at desc);

alter table audit_log enable row level security;
create policy audit_log_insert on audit_log for insert with check (true);
create policy audit_log_read on audit_log for select
  using (lz_in_scope(region_code) or (region_code is null and lz_scope_covers_county()));
-- The application cannot change history.
revoke update, delete, truncate on audit_log from linzhang_app;

-- Even the owner cannot rewrite history without first dropping this trigger.
create function lz_audit_log_immutable() returns trigger
  language plpgsql
  as $$
  begin
    raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
  end
  $$;
create trigger audit_log_no_update before update or delete on audit_log
  for each row execute function lz_audit_log_immutable();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function lz_audit_log_immutable();

-- Generic row audit. Argument 1 names the column holding the row's region code; further
-- arguments name columns never copied into the log (password hashes). The actor, IP and an
-- optional domain verb come from transaction settings made by the server (db/scoped.ts).
create function lz_audit_row() returns trigger
  language plpgsql
  as $$
  declare
    old_row jsonb := case when tg_op in ('UPDATE', 'DELETE') then to_jsonb(old) end;
    new_row jsonb := case when tg_op in ('INSERT', 'UPDATE') then to_jsonb(new) end;
    hidden text;
  begin
    foreach hidden in array tg_argv[1:] loop
      old_row := old_row - hidden;
      new_row := new_row - hidden;
    end loop;
    if tg_op = 'UPDATE' and old_row = new_row then
      return null;
    end if;
    insert into audit_log (actor_account_id, actor_name, ip, action, entity, entity_id, region_code, before, after)
    values (
      nullif(current_setting('linzhang.actor_id', true), '')::bigint,
      coalesce(nullif(current_setting('linzhang.actor_name', true), ''), 'system'),
      nullif(current_setting('linzhang.ip', true), ''),
      coalesce(nullif(current_setting('linzhang.action', true), ''), lower(tg_op)),
      tg_table_name,
      coalesce(new_row ->> 'id', old_row ->> 'id'),
      coalesce(new_row ->> tg_argv[0], old_row ->> tg_argv[0]),
      old_row,
      new_row);
    return null;
  end
  $$;

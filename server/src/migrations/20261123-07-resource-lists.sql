-- 资源清单: figures computed from the sub-compartments inside a region or responsibility area,
-- cached with the layer versions they were computed from, so a change makes them stale.

create table resource_lists (
  subject text primary key check (subject ~ '^(region|responsibility_area):[0-9]+$'),
  region_code text not null references regions (code),
  versions jsonb not null,        -- {"sub_compartments": n, "responsibility_areas": m} at computation
  figures jsonb not null,
  computed_at timestamptz not null default now()
);
alter table resource_lists enable row level security;
create policy resource_lists_scope on resource_lists using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));

-- Who guards which land: chiefs' responsibility areas, yearly grid plans with one ranger per grid,
-- key risk areas and routes, and the patrol rules grids are held to.

-- The subtree prefix of a region code (see modules/regions/codes.ts).
create function lz_region_prefix(code text) returns text
  language sql immutable parallel safe
  as $$
    select case
      when code ~ '0{10}$' then left(code, 2)
      when code ~ '0{8}$' then left(code, 4)
      when code ~ '0{6}$' then left(code, 6)
      when code ~ '000$' then left(code, 9)
      else code
    end
  $$;

-- True when the caller's scope lies inside the subtree of `code`: a township user may read the
-- county's grid plan and rules, which cover them, without seeing the rest of the county.
create function lz_scope_inside(code text) returns boolean
  language sql stable parallel safe
  as $$
    select coalesce(
      current_setting('linzhang.scope', true) = '*'
      or exists (select 1 from unnest(string_to_array(current_setting('linzhang.scope', true), ',')) p
                  where p like lz_region_prefix(code) || '%'),
      false)
  $$;

-- 责任区域: the land a chief answers for, one or more polygons per post.
create table responsibility_areas (
  id bigint generated always as identity primary key,
  post_id bigint not null references posts (id),
  region_code text not null references regions (code),   -- the post's region
  name text not null check (length(name) between 1 and 100),
  geom geometry(MultiPolygon, 4326) not null check (st_isvalid(geom) and not st_isempty(geom)),
  area_ha numeric(12, 4) not null,
  updated_at timestamptz not null default now()
);
create index responsibility_areas_geom_idx on responsibility_areas using gist (geom);
create index responsibility_areas_post_idx on responsibility_areas (post_id);
create trigger responsibility_areas_area before insert or update of geom on responsibility_areas
  for each row execute function lz_area_ha();
create trigger responsibility_areas_touch before update on responsibility_areas
  for each row execute function lz_touch_updated_at();
create trigger responsibility_areas_audit after insert or update or delete on responsibility_areas
  for each row execute function lz_audit_row('region_code');
create trigger responsibility_areas_layer after insert or update or delete or truncate on responsibility_areas
  for each statement execute function lz_layer_changed('responsibility_areas');
alter table responsibility_areas enable row level security;
create policy responsibility_areas_scope on responsibility_areas using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));

-- 网格方案: grids are re-optimised every year (seeds/002 item 3), so they are versioned as plans.
create table grid_plans (
  id bigint generated always as identity primary key,
  region_code text not null references regions (code),   -- the area the plan covers (usually a county)
  year smallint not null check (year between 2000 and 2100),
  name text not null check (length(name) between 1 and 100),
  status text not null default 'draft' check (status in ('draft', 'active', 'archived')),
  based_on_plan_id bigint references grid_plans (id),
  note text check (length(note) <= 1000),
  activated_at timestamptz,
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint grid_plans_activation check ((status = 'draft') = (activated_at is null))
);
-- At most one active plan per area.
create unique index grid_plans_one_active on grid_plans (region_code) where status = 'active';
create trigger grid_plans_touch before update on grid_plans
  for each row execute function lz_touch_updated_at();
create trigger grid_plans_audit after insert or update or delete on grid_plans
  for each row execute function lz_audit_row('region_code');
alter table grid_plans enable row level security;
create policy grid_plans_read on grid_plans for select using (lz_in_scope(region_code) or lz_scope_inside(region_code));
create policy grid_plans_insert on grid_plans for insert with check (lz_in_scope(region_code));
create policy grid_plans_update on grid_plans for update using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));
create policy grid_plans_delete on grid_plans for delete using (lz_in_scope(region_code));

-- 网格: a patch of forest land guarded by one ranger ("山头落到人头").
create table grids (
  id bigint generated always as identity primary key,
  plan_id bigint not null references grid_plans (id) on delete cascade,
  region_code text not null references regions (code),   -- the village (or township) it lies in
  code text not null check (code ~ '^[0-9A-Za-z_-]{1,40}$'),
  name text not null check (length(name) between 1 and 100),
  geom geometry(MultiPolygon, 4326) not null check (st_isvalid(geom) and not st_isempty(geom)),
  area_ha numeric(12, 4) not null,
  ranger_post_id bigint references posts (id),            -- the ranger who guards it
  -- overrides of the region's patrol rules for this grid: {minDaysPerMonth, minHoursPerPatrol, keyPeriods:[…]}
  patrol_rule jsonb,
  note text check (length(note) <= 500),
  updated_at timestamptz not null default now(),
  constraint grids_code_uq unique (plan_id, code)
);
-- One grid per ranger within a plan (and one ranger per grid, by the column itself).
create unique index grids_one_per_ranger on grids (plan_id, ranger_post_id) where ranger_post_id is not null;
create index grids_geom_idx on grids using gist (geom);
create index grids_plan_region_idx on grids (plan_id, region_code text_pattern_ops);
create trigger grids_area before insert or update of geom on grids
  for each row execute function lz_area_ha();
create trigger grids_touch before update on grids
  for each row execute function lz_touch_updated_at();
create trigger grids_audit after insert or update or delete on grids
  for each row execute function lz_audit_row('region_code');
create trigger grids_layer after insert or update or delete or truncate on grids
  for each statement execute function lz_layer_changed('grids');
alter table grids enable row level security;
create policy grids_scope on grids using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));

-- 重点区域: places that need closer patrols (seeds/002 item 3, seeds/004 item 4).
create table risk_areas (
  id bigint generated always as identity primary key,
  region_code text not null references regions (code),
  kind text not null check (kind in ('farm_forest_edge', 'pine_wilt_removal', 'construction_site', 'graves', 'power_line', 'other')),
  name text not null check (length(name) between 1 and 100),
  -- polygons or points; a high-voltage line may also be drawn as a line
  geom geometry(Geometry, 4326) not null check (
    st_isvalid(geom) and not st_isempty(geom)
    and geometrytype(geom) in ('POLYGON', 'MULTIPOLYGON', 'POINT', 'MULTIPOINT', 'LINESTRING', 'MULTILINESTRING')),
  dataset text not null default '手工绘制' check (length(dataset) between 1 and 100),   -- which import brought it, or drawn by hand
  note text check (length(note) <= 500),
  updated_at timestamptz not null default now()
);
create index risk_areas_geom_idx on risk_areas using gist (geom);
create trigger risk_areas_touch before update on risk_areas
  for each row execute function lz_touch_updated_at();
create trigger risk_areas_audit after insert or update or delete on risk_areas
  for each row execute function lz_audit_row('region_code');
create trigger risk_areas_layer after insert or update or delete or truncate on risk_areas
  for each statement execute function lz_layer_changed('risk_areas');
alter table risk_areas enable row level security;
create policy risk_areas_scope on risk_areas using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));

-- 重点线路: routes a grid's patrols must follow.
create table key_routes (
  id bigint generated always as identity primary key,
  region_code text not null references regions (code),
  name text not null check (length(name) between 1 and 100),
  geom geometry(MultiLineString, 4326) not null check (st_isvalid(geom) and not st_isempty(geom)),
  length_m numeric(12, 1) generated always as (round(st_length(geom::geography)::numeric, 1)) stored,
  dataset text not null default '手工绘制' check (length(dataset) between 1 and 100),   -- which import brought it, or drawn by hand
  updated_at timestamptz not null default now()
);
create index key_routes_geom_idx on key_routes using gist (geom);
create trigger key_routes_touch before update on key_routes
  for each row execute function lz_touch_updated_at();
create trigger key_routes_audit after insert or update or delete on key_routes
  for each row execute function lz_audit_row('region_code');
create trigger key_routes_layer after insert or update or delete or truncate on key_routes
  for each statement execute function lz_layer_changed('key_routes');
alter table key_routes enable row level security;
create policy key_routes_scope on key_routes using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));

-- Rule numbers are configuration per region with effective dates (DOMAIN.md "Units and
-- conventions"): the nearest region up the tree with a rule in effect decides.
create table rule_settings (
  id bigint generated always as identity primary key,
  region_code text not null references regions (code),
  key text not null check (key ~ '^[a-z_]+(\.[a-z_]+)+$'),   -- e.g. patrol.min_days_per_month
  value jsonb not null,
  effective_from date not null,
  effective_to date,
  source text check (length(source) <= 300),                 -- the document that states the rule
  created_at timestamptz not null default now(),
  constraint rule_settings_dates check (effective_to is null or effective_to >= effective_from),
  constraint rule_settings_uq unique (region_code, key, effective_from)
);
create trigger rule_settings_audit after insert or update or delete on rule_settings
  for each row execute function lz_audit_row('region_code');
alter table rule_settings enable row level security;
create policy rule_settings_read on rule_settings for select using (lz_in_scope(region_code) or lz_scope_inside(region_code));
create policy rule_settings_insert on rule_settings for insert with check (lz_in_scope(region_code));
create policy rule_settings_update on rule_settings for update using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));
create policy rule_settings_delete on rule_settings for delete using (lz_in_scope(region_code));

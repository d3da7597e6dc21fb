-- Land: code tables, sub-compartments (小班) and reference layers, plus the layer versions that
-- invalidate cached map tiles whenever a spatial table changes.

-- Layer versions: every write to a map layer bumps its version and notifies listening servers,
-- so cached tiles and resource lists know they are stale (platform/tiles).
create table layer_versions (
  layer text primary key,
  version bigint not null default 0,
  changed_at timestamptz not null default now()
);

create function lz_layer_changed() returns trigger
  language plpgsql
  as $$
  begin
    insert into layer_versions (layer, version, changed_at) values (tg_argv[0], 1, now())
      on conflict (layer) do update set version = layer_versions.version + 1, changed_at = now();
    perform pg_notify('linzhang_layer_changed', tg_argv[0]);
    return null;
  end
  $$;

-- Ellipsoidal area in hectares, so no query ever measures area in degrees.
create function lz_area_ha() returns trigger
  language plpgsql
  as $$
  begin
    new.area_ha := round((st_area(new.geom::geography) / 10000)::numeric, 4);
    return new;
  end
  $$;

-- Coded values (地类, 起源, 优势树种 …) are kept as codes; their names and the meanings the
-- computations rely on live here, loaded from an editable file (server/data/code-tables.csv).
create table code_tables (
  domain text not null check (domain ~ '^[a-z_]+$'),   -- land_class, forest_category, origin, dominant_species …
  code text not null check (length(code) between 1 and 20),
  name text not null check (length(name) between 1 and 60),
  flags text[] not null default '{}',                   -- forest_land 林地, forest 计入森林面积, natural 天然, public_welfare 公益林 …
  sort integer not null default 0,
  primary key (domain, code)
);

-- 小班: the basic forest inventory unit. Natural key: village (the region code) + 林班号 + 小班号.
-- No row audit trigger: sub-compartments arrive by the ten thousand through imports, and each
-- import is audited as one event with its report.
create table sub_compartments (
  id bigint generated always as identity,
  region_code text not null references regions (code),   -- the village (or township) it lies in
  compartment text not null check (length(compartment) between 1 and 12), -- 林班号
  number text not null check (length(number) between 1 and 12),          -- 小班号
  geom geometry(MultiPolygon, 4326) not null check (st_isvalid(geom) and not st_isempty(geom)),
  area_ha numeric(12, 4) not null,                       -- set by trigger, on the ellipsoid
  land_class text,            -- 地类
  forest_category text,       -- 森林类别 (公益林/商品林)
  public_welfare_grade text,  -- 事权等级
  protection_grade text,      -- 公益林保护等级
  origin text,                -- 起源
  dominant_species text,      -- 优势树种
  age_group text,             -- 龄组
  canopy_density numeric(3, 2) check (canopy_density between 0 and 1),  -- 郁闭度
  stock_per_ha numeric(10, 2) check (stock_per_ha >= 0),              -- 每公顷蓄积 m³/ha
  stock_total numeric(14, 2) check (stock_total >= 0),                -- 小班蓄积 m³
  ownership text,             -- 林地所有权
  survey_year smallint check (survey_year between 1950 and 2100),     -- 调查年度
  dataset text not null check (length(dataset) between 1 and 100),   -- which import brought it
  extra jsonb not null default '{}',   -- source attributes not mapped to a column, kept as they came
  updated_at timestamptz not null default now(),
  -- the region code leads every key, so the table can be distributed by region (docs/scaling.md)
  primary key (region_code, id),
  constraint sub_compartments_natural_key unique (region_code, compartment, number)
);
-- Map tiles and spatial queries.
create index sub_compartments_geom_idx on sub_compartments using gist (geom);
-- Subtree sums for resource lists.
create index sub_compartments_region_idx on sub_compartments (region_code text_pattern_ops);
create trigger sub_compartments_area before insert or update of geom on sub_compartments
  for each row execute function lz_area_ha();
-- 小班蓄积 = 每公顷蓄积 × 面积 when the source gives only the per-hectare figure. Runs after the
-- area trigger (triggers fire in name order).
create function lz_sub_compartment_stock() returns trigger
  language plpgsql
  as $$
  begin
    if new.stock_total is null and new.stock_per_ha is not null then
      new.stock_total := round(new.stock_per_ha * new.area_ha, 2);
    end if;
    return new;
  end
  $$;
create trigger sub_compartments_stock before insert or update of geom, stock_per_ha, stock_total on sub_compartments
  for each row execute function lz_sub_compartment_stock();
create trigger sub_compartments_touch before update on sub_compartments
  for each row execute function lz_touch_updated_at();
create trigger sub_compartments_layer after insert or update or delete or truncate on sub_compartments
  for each statement execute function lz_layer_changed('sub_compartments');
alter table sub_compartments enable row level security;
create policy sub_compartments_scope on sub_compartments using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));

-- Reference layers: nature reserves and any other named layer an office keeps for the map.
create table reference_layers (
  id bigint generated always as identity primary key,
  region_code text not null references regions (code),   -- whose layer it is
  name text not null check (length(name) between 1 and 60),
  kind text not null default 'other' check (kind in ('nature_reserve', 'forest_farm', 'other')),
  description text check (length(description) <= 500),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint reference_layers_name_uq unique (region_code, name)
);
create trigger reference_layers_touch before update on reference_layers
  for each row execute function lz_touch_updated_at();
create trigger reference_layers_audit after insert or update or delete on reference_layers
  for each row execute function lz_audit_row('region_code');
alter table reference_layers enable row level security;
create policy reference_layers_scope on reference_layers using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));

create table reference_features (
  id bigint generated always as identity,
  layer_id bigint not null references reference_layers (id) on delete cascade,
  region_code text not null references regions (code),
  name text check (length(name) <= 100),
  properties jsonb not null default '{}',
  geom geometry(Geometry, 4326) not null check (st_isvalid(geom) and not st_isempty(geom)),
  primary key (region_code, id)
);
create index reference_features_geom_idx on reference_features using gist (geom);
create index reference_features_layer_idx on reference_features (layer_id);
create trigger reference_features_layer after insert or update or delete or truncate on reference_features
  for each statement execute function lz_layer_changed('reference_features');
alter table reference_features enable row level security;
create policy reference_features_scope on reference_features using (lz_in_scope(region_code)) with check (lz_in_scope(region_code));

-- Region boundaries are a map layer too.
create trigger regions_layer after insert or update or delete or truncate on regions
  for each statement execute function lz_layer_changed('regions');

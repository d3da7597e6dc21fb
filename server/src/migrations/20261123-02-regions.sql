-- The administrative tree: province › city › county › township/street › village/community,
-- keyed by the 12-digit national statistical division code.

create table regions (
  code text primary key check (code ~ '^\d{12}$'),
  level smallint not null check (level between 1 and 5),   -- 1 province, 2 city, 3 county, 4 township/street, 5 village/community
  parent_code text references regions (code),
  name text not null check (length(btrim(name)) > 0),
  geom geometry(MultiPolygon, 4326),                       -- optional boundary
  updated_at timestamptz not null default now(),
  -- only provinces are roots
  constraint regions_root_is_province check ((level = 1) = (parent_code is null)),
  -- the code's zero padding agrees with the level, so a prefix of the code names a subtree
  constraint regions_code_matches_level check (
    case level
      when 1 then code ~ '^\d{2}0{10}$'
      when 2 then code ~ '^\d{4}0{8}$'
      when 3 then code ~ '^\d{6}0{6}$'
      when 4 then code ~ '^\d{9}000$'
      else true
    end)
);
-- Children of a region.
create index regions_parent_idx on regions (parent_code);
-- Prefix (subtree) lookups.
create index regions_code_prefix_idx on regions (code text_pattern_ops);
-- Which region contains a point.
create index regions_geom_idx on regions using gist (geom);

create trigger regions_touch before update on regions
  for each row execute function lz_touch_updated_at();
create trigger regions_audit after insert or update or delete on regions
  for each row execute function lz_audit_row('code');

-- A user sees the regions of their own subtree and nothing else.
alter table regions enable row level security;
create policy regions_scope on regions using (lz_in_scope(code)) with check (lz_in_scope(code));

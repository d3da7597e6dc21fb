-- Region boundaries follow the rule every other geometry column follows (docs/database.md):
-- valid and non-empty when present, so areas, resource lists and tile clipping never meet a
-- self-intersecting ring. A boundary stays optional (null) until one is loaded.
alter table regions add constraint regions_geom_valid
  check (geom is null or (st_isvalid(geom) and not st_isempty(geom)));

-- Why these triggers exist (their siblings on other tables are named the same way).
comment on trigger regions_touch on regions is 'keeps updated_at current on every change';
comment on trigger regions_audit on regions is 'writes every insert, update and delete to audit_log in the same transaction';
comment on trigger accounts_touch on accounts is 'keeps updated_at current on every change';

-- Reference features (参考图层要素) hold points, lines or polygons in one column, and
-- docs/database.md promises that such a mixed-geometry column says which kinds it allows, as
-- risk_areas.geom does: a geometry collection (or a curve, a TIN …) cannot be drawn as one map
-- feature, written to a Shapefile or measured, so the database refuses it. The API and imports
-- already send only these six kinds; the constraint keeps any other writer to the same rule.
alter table reference_features add constraint reference_features_geom_type
  check (geometrytype(geom) in ('POINT', 'MULTIPOINT', 'LINESTRING', 'MULTILINESTRING', 'POLYGON', 'MULTIPOLYGON'));

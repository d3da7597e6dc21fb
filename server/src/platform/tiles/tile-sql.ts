import { sql, type RawBuilder } from 'kysely';
import { attributesAt, bufferOf, labelLayerOf, type TileAttribute, type TileFilter, type TileLayerSpec, type ZoomRule } from './layer-spec.ts';
import { tileAffine, tileBounds, tileLonLatBox, tileSize, type TileAddress } from './tile-math.ts';

/**
 * The SQL of one tile, shared by both encoders: the same rows, attributes and source geometry;
 * only the last step differs. On PostgreSQL `ST_AsMVTGeom` + `ST_AsMVT` finish the tile in the
 * database. The embedded PostGIS is built without protobuf-c, so there the same rows come back
 * with their geometry already in tile space, prepared the way ST_AsMVTGeom does it (affine to
 * tile units, clip to the buffered square, snap to the integer grid, drop points on straight
 * lines), and Node writes the protobuf.
 */

const CAST: Record<TileAttribute['type'], string> = {
  // Casts fix each value's wire type: ST_AsMVT writes numeric as a string, float8 as a double.
  string: 'text',
  integer: 'int8',
  number: 'float8',
  boolean: 'boolean',
};

const num = (v: number) => sql`${v}::float8`;
const quoted = (name: string) => sql.raw(`"${name}"`);

/**
 * Rows `id, <attributes…>, geom`, with `geom` made by `finish` from the source geometry in
 * EPSG:3857. For `labels`, the source is the point on the whole feature's surface, and only
 * features whose point lies in this tile (not its buffer; west and south edges included, east and
 * north not) are kept: each label point belongs to exactly one tile of a zoom.
 */
function sourceRows(spec: TileLayerSpec, rule: ZoomRule, tile: TileAddress, filter: TileFilter, finish: (src: RawBuilder<unknown>) => RawBuilder<unknown>, labels = false) {
  const [west, south, east, north] = tileLonLatBox(tile, rule.extent, bufferOf(spec, rule));
  const attributes = attributesAt(spec, rule).map((a) => sql.raw(`(${a.sql})::${CAST[a.type]} as "${a.name}"`));
  let src: RawBuilder<unknown> = labels ? sql`l.p` : sql`st_transform(${sql.raw(spec.geomSql)}, 3857)`;
  // Douglas–Peucker in metres: `simplify` tile units at this zoom.
  if (rule.simplify > 0 && !labels) src = sql`st_simplify(${src}, ${num((rule.simplify * tileSize(tile.z)) / rule.extent)})`;
  const conditions: RawBuilder<unknown>[] = [sql`${sql.raw(spec.geomSql)} && st_makeenvelope(${num(west)}, ${num(south)}, ${num(east)}, ${num(north)}, 4326)`];
  if (rule.where) conditions.push(sql.raw(`(${rule.where})`));
  if (filter.sql) conditions.push(filter.sql);
  let from = sql.raw(spec.from);
  if (labels) {
    const [minX, minY, maxX, maxY] = tileBounds(tile);
    from = sql`${from} cross join lateral (select st_transform(st_pointonsurface(${sql.raw(spec.geomSql)}), 3857) as p) l`;
    conditions.push(sql`st_x(l.p) >= ${num(minX)} and st_x(l.p) < ${num(maxX)} and st_y(l.p) > ${num(minY)} and st_y(l.p) <= ${num(maxY)}`);
  }
  return sql`
    select (${sql.raw(spec.idSql)})::int8 as id${attributes.length ? sql`, ${sql.join(attributes)}` : sql``}, ${finish(src)} as geom
      from ${from}
     where ${sql.join(conditions, sql` and `)}`;
}

/** PostgreSQL: the finished tile layer as one bytea (empty when no feature survives); with `labels`, the label points' layer. */
export function nativeTileQuery(spec: TileLayerSpec, rule: ZoomRule, tile: TileAddress, filter: TileFilter, labels = false): RawBuilder<{ mvt: Uint8Array | null }> {
  const [minX, minY, maxX, maxY] = tileBounds(tile);
  const bounds = sql`st_makebox2d(st_point(${num(minX)}, ${num(minY)}), st_point(${num(maxX)}, ${num(maxY)}))`;
  const rows = sourceRows(spec, rule, tile, filter, (src) => sql`st_asmvtgeom(${src}, ${bounds}, ${rule.extent}, ${bufferOf(spec, rule)}, true)`, labels);
  if (!rule.merge) {
    return sql<{ mvt: Uint8Array | null }>`
      select st_asmvt(t, ${labels ? labelLayerOf(spec) : spec.id}, ${rule.extent}, 'geom', 'id') as mvt
        from (${rows}) t
       where t.geom is not null`;
  }
  // One multi-geometry per attribute combination and dimension; the parts are dumped first
  // because collecting polygons with multipolygons would give a collection MVT cannot carry.
  const names = attributesAt(spec, rule).map((a) => quoted(a.name));
  const keys = names.length ? sql`${sql.join(names)}, ` : sql``;
  return sql<{ mvt: Uint8Array | null }>`
    select st_asmvt(m, ${spec.id}, ${rule.extent}, 'geom') as mvt
      from (select ${keys}st_collect(d.part) as geom
              from (select ${keys}(st_dump(t.geom)).geom as part from (${rows}) t where t.geom is not null) d
             group by ${keys}st_dimension(d.part)) m`;
}

/** A row of tile-space geometry for the Node encoder: GeoJSON with integer tile coordinates. */
export type PreparedRow = { id: number; geom: string } & Record<string, unknown>;

/** Embedded database: the rows with tile-space geometry, for encoding in Node; with `labels`, the label points. */
export function preparedTileQuery(spec: TileLayerSpec, rule: ZoomRule, tile: TileAddress, filter: TileFilter, labels = false): RawBuilder<PreparedRow> {
  const { fx, fy, xoff, yoff } = tileAffine(tile, rule.extent);
  const b = bufferOf(spec, rule);
  const box = sql`st_makebox2d(st_point(${num(-b)}, ${num(-b)}), st_point(${num(rule.extent + b)}, ${num(rule.extent + b)}))`;
  const rows = sourceRows(
    spec,
    rule,
    tile,
    filter,
    // In ST_AsMVTGeom's order: to tile units, snap, clip (ST_ClipByBox2D tolerates the rings snapping
    // may make invalid), snap the cut points, then drop points on straight lines.
    (src) =>
      labels
        ? // A label point lies in the tile: nothing to clip or simplify.
          sql`st_snaptogrid(st_affine(${src}, ${num(fx)}, 0, 0, ${num(fy)}, ${num(xoff)}, ${num(yoff)}), 1)`
        : sql`st_simplify(st_snaptogrid(st_clipbybox2d(st_snaptogrid(st_affine(${src}, ${num(fx)}, 0, 0, ${num(fy)}, ${num(xoff)}, ${num(yoff)}), 1), ${box}), 1), 0)`,
    labels,
  );
  const names = attributesAt(spec, rule).map((a) => sql.raw(`t."${a.name}"`));
  return sql<PreparedRow>`
    select t.id${names.length ? sql`, ${sql.join(names)}` : sql``}, st_asgeojson(t.geom, 0) as geom
      from (${rows}) t
     where t.geom is not null and not st_isempty(t.geom)`;
}

import type { Geometry, Position } from 'geojson';
import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { AnyGeometry } from './geojson.ts';

/**
 * Turns a GeoJSON geometry from a request into a PostGIS geometry the tables accept: 2D, SRID
 * 4326, inside China, valid. Repairs only what cannot change the land it describes (unclosed
 * rings, duplicate points, a ring touching itself, wrong orientation); anything that would move
 * area around — a bow-tie, overlapping parts — is refused with the reason, so nobody's grid or
 * responsibility area silently changes shape.
 */

export type GeometryFamily = 'polygon' | 'line' | 'any';

export interface PreparedGeometry {
  /** Hex EWKB, exact; use through `geometrySql`. */
  ewkb: string;
  /** POINT, MULTIPOLYGON, … as PostGIS names it. */
  type: string;
  repaired: boolean;
}

/** Lon/lat range of China with a margin (also excludes projected metres sent by mistake). */
const CHINA = { minLon: 73, maxLon: 136, minLat: 3, maxLat: 54 };
/** A repair may change the planar area by at most this share; more means the input meant something else. */
const SAFE_REPAIR_AREA_SHARE = 0.001;

export async function prepareGeometry(tx: Tx, input: AnyGeometry, family: GeometryFamily): Promise<PreparedGeometry> {
  const closed = closeRings(checkStructure(input));
  checkCoordinates(closed);
  const { rows } = await sql<{ valid: boolean; reason: string; type: string; empty: boolean; ewkb: string; area: number }>`
    select st_isvalid(g) as valid, st_isvalidreason(g) as reason, geometrytype(g) as type, st_isempty(g) as empty,
           encode(st_asewkb(g), 'hex') as ewkb, st_area(g) as area
      from (select st_force2d(st_setsrid(st_geomfromgeojson(${JSON.stringify(closed)}), 4326)) as g) s`.execute(tx);
  const row = rows[0]!;
  if (row.empty) throw new AppError('invalid_geometry', { reason: '图形为空' });
  if (family === 'polygon' && !row.type.endsWith('POLYGON')) throw new AppError('invalid_geometry', { reason: '应为面（Polygon 或 MultiPolygon）' });
  if (family === 'line' && !row.type.endsWith('LINESTRING')) throw new AppError('invalid_geometry', { reason: '应为线（LineString 或 MultiLineString）' });
  if (row.valid) return { ewkb: row.ewkb, type: row.type, repaired: false };
  if (!row.type.endsWith('POLYGON')) throw new AppError('invalid_geometry', { reason: describeInvalid(row.reason) });

  const repaired = await sql<{ ewkb: string; area: number; type: string; empty: boolean }>`
    select encode(st_asewkb(r), 'hex') as ewkb, st_area(r) as area, geometrytype(r) as type, st_isempty(r) as empty
      from (select st_multi(st_collectionextract(st_makevalid(${row.ewkb}::geometry), 3)) as r) s`.execute(tx);
  const fixed = repaired.rows[0]!;
  const drift = Math.abs(fixed.area - row.area) / Math.max(fixed.area, Number.EPSILON);
  if (fixed.empty || fixed.area <= 0) throw new AppError('invalid_geometry', { reason: `${describeInvalid(row.reason)}，请修正后重新提交` });
  if (drift > SAFE_REPAIR_AREA_SHARE) {
    throw new AppError('invalid_geometry', { reason: `${describeInvalid(row.reason)}，自动修复会改变图形面积，请在制图软件中修正后重新提交` });
  }
  return { ewkb: fixed.ewkb, type: fixed.type, repaired: true };
}

/** The prepared geometry as an SQL expression. */
export function geometrySql(g: PreparedGeometry): RawBuilder<unknown> {
  return sql`${g.ewkb}::geometry`;
}

/** The prepared geometry forced to a Multi* type, for MultiPolygon / MultiLineString columns. */
export function multiSql(g: PreparedGeometry): RawBuilder<unknown> {
  return sql`st_multi(${g.ewkb}::geometry)`;
}

function describeInvalid(reason: string): string {
  const at = /\[([-\d.]+) ([-\d.]+)\]/.exec(reason);
  const where = at ? `（位置 ${Number(at[1]).toFixed(6)}, ${Number(at[2]).toFixed(6)}）` : '';
  if (/Ring Self-intersection/i.test(reason)) return `环自相交${where}`;
  if (/Self-intersection/i.test(reason)) return `边界自相交${where}`;
  if (/Too few points/i.test(reason)) return `点数太少${where}`;
  if (/Hole lies outside shell/i.test(reason)) return `内环（洞）位于外环之外${where}`;
  if (/Nested shells/i.test(reason)) return `多个面相互嵌套${where}`;
  return `${reason}${where}`;
}

/** Depth of coordinate nesting each GeoJSON type has, and the fewest positions a part needs. */
const NESTING: Record<string, { depth: number; minPositions: number; what: string }> = {
  Point: { depth: 0, minPositions: 1, what: '一个坐标' },
  MultiPoint: { depth: 1, minPositions: 1, what: '坐标列表' },
  LineString: { depth: 1, minPositions: 2, what: '至少 2 个坐标的列表' },
  MultiLineString: { depth: 2, minPositions: 2, what: '线的列表，每条线至少 2 个坐标' },
  Polygon: { depth: 2, minPositions: 3, what: '环的列表，每个环至少 3 个坐标' },
  MultiPolygon: { depth: 3, minPositions: 3, what: '面的列表，每个面是环的列表，每个环至少 3 个坐标' },
};

const isPosition = (v: unknown): boolean => Array.isArray(v) && (v.length === 2 || v.length === 3) && v.every((n) => typeof n === 'number');

/** Checks that the coordinates nest as the geometry type says; the request schema only checked the outer shape. */
export function checkStructure(input: { type: string; coordinates: unknown }): Geometry {
  const rule = NESTING[input.type];
  if (!rule) throw new AppError('invalid_geometry', { reason: `不支持的几何类型 ${input.type}` });
  const ok = (value: unknown, depth: number): boolean => {
    if (depth === 0) return isPosition(value);
    if (!Array.isArray(value) || value.length === 0) return false;
    if (depth === 1 && value.length < rule.minPositions) return false;
    return value.every((v) => ok(v, depth - 1));
  };
  if (!ok(input.coordinates, rule.depth)) throw new AppError('invalid_geometry', { reason: `${input.type} 的 coordinates 应为${rule.what}，每个坐标为 [经度, 纬度]` });
  return input as Geometry;
}

/** Closes any polygon ring whose last point differs from its first: what a hand-drawn GeoJSON often lacks. */
export function closeRings(geometry: Geometry): Geometry {
  const close = (ring: Position[]): Position[] => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    return first && last && (first[0] !== last[0] || first[1] !== last[1]) ? [...ring, first] : ring;
  };
  switch (geometry.type) {
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map(close) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((p) => p.map(close)) };
    default:
      return geometry;
  }
}

/** Every coordinate finite and inside China; lon/lat swapped or projected metres are caught here with a clear message. */
export function checkCoordinates(geometry: Geometry): void {
  const positions = flatten(geometry);
  for (const [lon, lat] of positions) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new AppError('invalid_geometry', { reason: '坐标不是有效数字' });
    if (lon! < CHINA.minLon || lon! > CHINA.maxLon || lat! < CHINA.minLat || lat! > CHINA.maxLat) {
      const swapped = lat! >= CHINA.minLon && lat! <= CHINA.maxLon && lon! >= CHINA.minLat && lon! <= CHINA.maxLat;
      const projected = Math.abs(lon!) > 180 || Math.abs(lat!) > 90;
      const hint = swapped ? '，经纬度可能写反了' : projected ? '，看起来是投影坐标（米），请先转换为经纬度' : '';
      throw new AppError('outside_china', { reason: `(${lon}, ${lat})${hint}` });
    }
  }
}

function flatten(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(flatten);
  }
}

/**
 * The deepest region (village before township) visible to the caller whose boundary holds a point
 * of the geometry; undefined when none does.
 */
export async function locateRegion(tx: Tx, g: PreparedGeometry, maxLevel = 5): Promise<string | undefined> {
  const { rows } = await sql<{ code: string }>`
    select code from regions
     where geom is not null and level <= ${maxLevel} and st_intersects(geom, st_pointonsurface(${g.ewkb}::geometry))
     order by level desc limit 1`.execute(tx);
  return rows[0]?.code;
}

/**
 * Refuses a geometry that does not lie in the region it is filed under (a point of it must be
 * inside the region's boundary). Regions without a boundary accept anything.
 */
export async function checkInRegion(tx: Tx, g: PreparedGeometry, regionCode: string): Promise<void> {
  const { rows } = await sql<{ name: string; inside: boolean | null }>`
    select name, case when geom is null then null else st_intersects(geom, st_pointonsurface(${g.ewkb}::geometry)) end as inside
      from regions where code = ${regionCode}`.execute(tx);
  const region = rows[0];
  // An invisible region is outside the caller's scope: they may not file anything there.
  if (!region) throw new AppError('out_of_scope');
  if (region.inside === false) throw new AppError('invalid_value', { reason: `图形不在所选区划「${region.name}」内` });
}

/**
 * The region a drawn feature is filed under: the one given (the geometry must lie in it), or else
 * the deepest visible region holding it; `nowhere` says what to do when no region holds it.
 */
export async function placeFeature(tx: Tx, g: PreparedGeometry, given: string | undefined, nowhere: string): Promise<string> {
  if (given) {
    await checkInRegion(tx, g, given);
    return given;
  }
  const found = await locateRegion(tx, g);
  if (!found) throw new AppError('invalid_value', { reason: nowhere });
  return found;
}

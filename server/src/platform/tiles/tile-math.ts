/**
 * Web Mercator tile arithmetic (EPSG:3857, the XYZ scheme every web map uses: x grows east,
 * y grows south, tile 0/0/0 is the whole world). Pure functions, so the SQL builders get their
 * constants from one tested place and both encoders use the same numbers.
 */

/** Half the width of the Mercator square in metres: π × the WGS 84 semi-major axis (6,378,137 m). */
export const MERCATOR_HALF = Math.PI * 6378137;
/** The deepest zoom this server renders; MapLibre over-zooms beyond a layer's max zoom by itself. */
export const MAX_TILE_ZOOM = 22;
const RADIUS = 6378137;
/** Mercator is cut off at ±85.0511°, where the square ends. */
const MAX_LAT = 85.0511287798066;

export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** [minX, minY, maxX, maxY] in metres (EPSG:3857) or [west, south, east, north] in degrees. */
export type Box = [number, number, number, number];

/** Why a tile address is not one, in Chinese for the error message; undefined when it is valid. */
export function tileProblem({ z, x, y }: TileAddress): string | undefined {
  if (!Number.isInteger(z) || z < 0 || z > MAX_TILE_ZOOM) return `缩放级别 z 应为 0–${MAX_TILE_ZOOM} 的整数`;
  const n = 2 ** z;
  if (!Number.isInteger(x) || x < 0 || x >= n) return `在第 ${z} 级，x 应为 0–${n - 1} 的整数`;
  if (!Number.isInteger(y) || y < 0 || y >= n) return `在第 ${z} 级，y 应为 0–${n - 1} 的整数`;
  return undefined;
}

/** Width of one tile at zoom z, in metres. */
export function tileSize(z: number): number {
  return (2 * MERCATOR_HALF) / 2 ** z;
}

/** The tile's square in EPSG:3857 (what PostGIS's ST_TileEnvelope returns). */
export function tileBounds({ z, x, y }: TileAddress): Box {
  const size = tileSize(z);
  const minX = -MERCATOR_HALF + x * size;
  const maxY = MERCATOR_HALF - y * size;
  return [minX, maxY - size, minX + size, maxY];
}

export function mercatorToLonLat(mx: number, my: number): [number, number] {
  const lon = (mx / MERCATOR_HALF) * 180;
  const lat = ((2 * Math.atan(Math.exp(my / RADIUS)) - Math.PI / 2) * 180) / Math.PI;
  return [lon, lat];
}

export function lonLatToMercator(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  return [(lon / 180) * MERCATOR_HALF, RADIUS * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))];
}

/**
 * The lon/lat box that selects a tile's rows through the GiST index on `geom` (SRID 4326), grown
 * by `buffer` tile units of `extent` on every side so features just outside still draw their
 * edge into the buffer. A Mercator rectangle is a lon/lat rectangle, so the box is exact.
 */
export function tileLonLatBox(tile: TileAddress, extent: number, buffer: number): Box {
  const [minX, minY, maxX, maxY] = tileBounds(tile);
  const grow = (buffer / extent) * tileSize(tile.z);
  const clamp = (v: number) => Math.max(-MERCATOR_HALF, Math.min(MERCATOR_HALF, v));
  const [west, south] = mercatorToLonLat(clamp(minX - grow), clamp(minY - grow));
  const [east, north] = mercatorToLonLat(clamp(maxX + grow), clamp(maxY + grow));
  return [west, south, east, north];
}

/**
 * The affine map from EPSG:3857 metres to tile units (0…extent, y down), exactly as PostGIS's
 * ST_AsMVTGeom computes it from the tile bounds: x' = fx·x + xoff, y' = fy·y + yoff.
 */
export function tileAffine(tile: TileAddress, extent: number): { fx: number; fy: number; xoff: number; yoff: number } {
  const [minX, minY, maxX, maxY] = tileBounds(tile);
  const fx = extent / (maxX - minX);
  const fy = -(extent / (maxY - minY));
  return { fx, fy, xoff: -minX * fx, yoff: -maxY * fy };
}

/** The tile at zoom z that contains a lon/lat point. */
export function tileAt(lon: number, lat: number, z: number): TileAddress {
  const n = 2 ** z;
  const [mx, my] = lonLatToMercator(lon, lat);
  const size = tileSize(z);
  const x = Math.min(n - 1, Math.max(0, Math.floor((mx + MERCATOR_HALF) / size)));
  const y = Math.min(n - 1, Math.max(0, Math.floor((MERCATOR_HALF - my) / size)));
  return { z, x, y };
}

/** Every tile at zoom z that a lon/lat box touches, row by row. */
export function tilesCovering([west, south, east, north]: Box, z: number): TileAddress[] {
  const topLeft = tileAt(west, north, z);
  const bottomRight = tileAt(east, south, z);
  const tiles: TileAddress[] = [];
  for (let y = topLeft.y; y <= bottomRight.y; y++) for (let x = topLeft.x; x <= bottomRight.x; x++) tiles.push({ z, x, y });
  return tiles;
}

/** Twice the signed area of a ring in tile units (surveyor's formula); positive = an MVT exterior ring. */
export function ringArea2(ring: ReadonlyArray<readonly [number, number]>): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    sum += xj * yi - xi * yj;
  }
  return sum;
}

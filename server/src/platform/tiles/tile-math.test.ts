import { describe, expect, it } from 'vitest';
import {
  lonLatToMercator,
  MERCATOR_HALF,
  mercatorToLonLat,
  ringArea2,
  tileAffine,
  tileAt,
  tileBounds,
  tileLonLatBox,
  tileProblem,
  tilesCovering,
} from './tile-math.ts';

describe('tile addresses', () => {
  it('accepts every x and y from 0 to 2^z − 1 and nothing else', () => {
    expect(tileProblem({ z: 0, x: 0, y: 0 })).toBeUndefined();
    expect(tileProblem({ z: 12, x: 4095, y: 4095 })).toBeUndefined();
    expect(tileProblem({ z: 12, x: 4096, y: 0 })).toMatch(/x 应为 0–4095/);
    expect(tileProblem({ z: 12, x: 0, y: -1 })).toMatch(/y 应为 0–4095/);
    expect(tileProblem({ z: 23, x: 0, y: 0 })).toMatch(/0–22/);
    expect(tileProblem({ z: 3, x: 1.5, y: 0 })).toMatch(/整数/);
  });
});

describe('tile bounds', () => {
  it('tile 0/0/0 is the whole Mercator square', () => {
    expect(tileBounds({ z: 0, x: 0, y: 0 })).toEqual([-MERCATOR_HALF, -MERCATOR_HALF, MERCATOR_HALF, MERCATOR_HALF]);
  });

  it('y grows southwards: tile 1/0/0 is the north-west quarter', () => {
    expect(tileBounds({ z: 1, x: 0, y: 0 })).toEqual([-MERCATOR_HALF, 0, 0, MERCATOR_HALF]);
    expect(tileBounds({ z: 1, x: 1, y: 1 })).toEqual([0, -MERCATOR_HALF, MERCATOR_HALF, 0]);
  });

  it('matches PostGIS ST_TileEnvelope(12, 3356, 1743)', () => {
    // select st_astext(st_tileenvelope(12, 3356, 1743)) on PostGIS 3.3
    const [minX, minY, maxX, maxY] = tileBounds({ z: 12, x: 3356, y: 1743 });
    expect(minX).toBeCloseTo(12797393.02361735, 5);
    expect(maxX).toBeCloseTo(12807176.963237852, 5);
    expect(minY).toBeCloseTo(2974317.644632779, 5);
    expect(maxY).toBeCloseTo(2984101.5842532814, 5);
  });
});

describe('projection', () => {
  it('round-trips lon/lat through Mercator', () => {
    const [x, y] = lonLatToMercator(114.93, 25.82);
    const [lon, lat] = mercatorToLonLat(x, y);
    expect(lon).toBeCloseTo(114.93, 9);
    expect(lat).toBeCloseTo(25.82, 9);
  });

  it('finds the tile containing a point (章贡区 at z12)', () => {
    expect(tileAt(114.93, 25.85, 12)).toEqual({ z: 12, x: 3355, y: 1743 });
  });

  it('covers a box with whole rows of tiles', () => {
    const tiles = tilesCovering([114.9, 25.8, 115.0, 25.9], 12);
    const xs = new Set(tiles.map((t) => t.x));
    const ys = new Set(tiles.map((t) => t.y));
    expect(tiles).toHaveLength(xs.size * ys.size);
    expect(Math.min(...xs)).toBe(tileAt(114.9, 25.9, 12).x);
    expect(Math.max(...ys)).toBe(tileAt(115.0, 25.8, 12).y);
  });
});

describe('the lon/lat box that selects a tile’s rows', () => {
  it('is the tile’s own square without a buffer', () => {
    const tile = { z: 12, x: 3355, y: 1743 };
    const [minX, minY, maxX, maxY] = tileBounds(tile);
    const [west, south, east, north] = tileLonLatBox(tile, 4096, 0);
    expect(lonLatToMercator(west, south)[0]).toBeCloseTo(minX, 3);
    expect(lonLatToMercator(west, south)[1]).toBeCloseTo(minY, 3);
    expect(lonLatToMercator(east, north)[0]).toBeCloseTo(maxX, 3);
    expect(lonLatToMercator(east, north)[1]).toBeCloseTo(maxY, 3);
  });

  it('grows by the buffer in tile units: 64 of 4096 is 1/64 of the tile on each side', () => {
    const tile = { z: 12, x: 3355, y: 1743 };
    const [minX] = tileBounds(tile);
    const [west] = tileLonLatBox(tile, 4096, 64);
    const size = (2 * MERCATOR_HALF) / 4096;
    expect(lonLatToMercator(west, 0)[0]).toBeCloseTo(minX - size / 64, 3);
  });

  it('stops at the edge of the world', () => {
    const [west, , , north] = tileLonLatBox({ z: 0, x: 0, y: 0 }, 4096, 256);
    expect(west).toBe(-180);
    expect(north).toBeCloseTo(85.0511, 4);
  });
});

describe('the affine map to tile units', () => {
  it('sends the tile’s north-west corner to (0, 0) and south-east corner to (extent, extent)', () => {
    const tile = { z: 14, x: 13424, y: 6975 };
    const [minX, minY, maxX, maxY] = tileBounds(tile);
    const { fx, fy, xoff, yoff } = tileAffine(tile, 4096);
    expect(fx * minX + xoff).toBeCloseTo(0, 6);
    expect(fy * maxY + yoff).toBeCloseTo(0, 6);
    expect(fx * maxX + xoff).toBeCloseTo(4096, 6);
    expect(fy * minY + yoff).toBeCloseTo(4096, 6);
  });
});

describe('ring area (surveyor’s formula in tile units, y down)', () => {
  it('is positive for a ring that looks clockwise on screen: an MVT exterior ring', () => {
    expect(ringArea2([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]])).toBe(200);
    expect(ringArea2([[0, 0], [0, 10], [10, 10], [10, 0], [0, 0]])).toBe(-200);
  });
});

import type { Geometry } from 'geojson';
import { describe, expect, test } from 'vitest';
import { areaInMuAndHa, bboxOf, formatLength, joinAfterEditing, splitForEditing } from './geometry.ts';

describe('areas and lengths for offices', () => {
  test('gives an area in 亩 and 公顷 (1 公顷 = 15 亩)', () => {
    expect(areaInMuAndHa(10_000)).toEqual({ mu: 15, ha: 1 });
    expect(areaInMuAndHa(666.67)).toEqual({ mu: 1, ha: 0.0667 });
  });

  test('writes lengths in metres below a kilometre and in kilometres above', () => {
    const units = { m: '米', km: '千米' };
    expect(formatLength(8.44, units)).toBe('8.4 米');
    expect(formatLength(512.4, units)).toBe('512 米');
    expect(formatLength(4263, units)).toBe('4.26 千米');
  });
});

describe('editing stored shapes', () => {
  const square = (x: number, y: number) => [
    [x, y],
    [x + 1, y],
    [x + 1, y + 1],
    [x, y + 1],
    [x, y],
  ];

  test('splits a multipolygon into holeless parts and puts the holes back', () => {
    const hole = [
      [0.2, 0.2],
      [0.4, 0.2],
      [0.4, 0.4],
      [0.2, 0.2],
    ];
    const stored: Geometry = { type: 'MultiPolygon', coordinates: [[square(0, 0), hole], [square(5, 5)]] };
    const { parts, plan } = splitForEditing(stored);
    expect(parts).toEqual([
      { type: 'Polygon', coordinates: [square(0, 0)] },
      { type: 'Polygon', coordinates: [square(5, 5)] },
    ]);
    expect(joinAfterEditing(parts, plan)).toEqual(stored);
  });

  test('gives back a single geometry when one part is left', () => {
    const { parts, plan } = splitForEditing({ type: 'MultiLineString', coordinates: [[[0, 0], [1, 1]]] });
    expect(joinAfterEditing(parts, plan)).toEqual({ type: 'LineString', coordinates: [[0, 0], [1, 1]] });
  });

  test('rounds coordinates to 7 decimals, as terra-draw accepts them', () => {
    const { parts } = splitForEditing({ type: 'Point', coordinates: [114.123456789, 25.987654321] });
    expect(parts[0]).toEqual({ type: 'Point', coordinates: [114.1234568, 25.9876543] });
  });

  test('finds the bbox of nested coordinates', () => {
    expect(bboxOf({ type: 'MultiPolygon', coordinates: [[square(0, 0)], [square(5, 5)]] })).toEqual([0, 0, 6, 6]);
    expect(bboxOf({ type: 'GeometryCollection', geometries: [] })).toBeNull();
  });
});

import { describe, expect, test } from 'vitest';
import { labelPoint, labelPoints } from './label-points.ts';

describe('one label per feature', () => {
  test('puts a convex polygon’s label at its centroid', () => {
    expect(labelPoint([[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]])).toEqual([2, 1]);
  });

  test('keeps the label inside a C-shaped polygon whose centroid falls outside', () => {
    const c = [[0, 0], [6, 0], [6, 1], [1, 1], [1, 5], [6, 5], [6, 6], [0, 6], [0, 0]];
    const [x, y] = labelPoint(c) as [number, number];
    // Inside the C: the left bar (x < 1) or one of the arms.
    expect(x < 1 || y < 1 || y > 5).toBe(true);
  });

  test('labels each feature once, in its largest tile piece, with a copy of its properties', () => {
    const properties = Object.assign(Object.create(null) as object, { name: '七里村委会' });
    const points = labelPoints([
      { id: 7, properties, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] } },
      { id: 7, properties, geometry: { type: 'Polygon', coordinates: [[[1, 0], [5, 0], [5, 2], [1, 2], [1, 0]]] } },
      { id: undefined, properties, geometry: { type: 'Polygon', coordinates: [[[9, 9], [10, 9], [10, 10], [9, 9]]] } },
      { id: 8, properties: { name: '墓区' }, geometry: { type: 'Point', coordinates: [3, 3] } },
    ]);
    expect(points.map((p) => [p.id, p.geometry.coordinates])).toEqual([
      [7, [3, 1]],
      [8, [3, 3]],
    ]);
    expect(Object.getPrototypeOf(points[0]!.properties)).toBe(Object.prototype);
  });
});

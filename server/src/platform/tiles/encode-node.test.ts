import { describe, expect, it } from 'vitest';
import { decodeTile } from './decode.ts';
import { encodeLayer } from './encode-node.ts';
import { ringArea2 } from './tile-math.ts';

/** A square ring in tile units; `clockwise` as seen on screen (y down) is the MVT exterior winding. */
const square = (x: number, y: number, size: number, clockwise: boolean): number[][] => {
  const ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
  return clockwise ? ring : ring.reverse();
};

describe('the Node MVT encoder (vt-pbf)', () => {
  it('writes ids, attributes and the layer name, readable by @mapbox/vector-tile', () => {
    const bytes = encodeLayer('grids', 4096, [{ id: 7, geometry: { type: 'Point', coordinates: [10, 20] }, properties: { name: '一号网格', has_ranger: true, plan_id: 3 } }]);
    const [f] = decodeTile(bytes);
    expect(f).toMatchObject({ layer: 'grids', extent: 4096, id: 7, type: 1, properties: { name: '一号网格', has_ranger: true, plan_id: 3 }, rings: [[[10, 20]]] });
  });

  it('leaves null attributes out, as ST_AsMVT does', () => {
    const [f] = decodeTile(encodeLayer('x', 4096, [{ id: 1, geometry: { type: 'Point', coordinates: [1, 1] }, properties: { a: null, b: 'y' } }]));
    expect(f!.properties).toEqual({ b: 'y' });
  });

  it('winds exterior rings positive and holes negative whatever the input winding', () => {
    const geometry = { type: 'Polygon' as const, coordinates: [square(0, 0, 100, false), square(10, 10, 20, true)] };
    const [f] = decodeTile(encodeLayer('x', 4096, [{ id: 1, geometry, properties: {} }]));
    expect(ringArea2(f!.rings[0]!)).toBeGreaterThan(0);
    expect(ringArea2(f!.rings[1]!)).toBeLessThan(0);
  });

  it('drops rings that snapping left with less than one square unit, and features left with nothing', () => {
    const sliver = [[0, 0], [1, 0], [1, 1], [0, 0]];
    const bytes = encodeLayer('x', 4096, [
      { id: 1, geometry: { type: 'MultiPolygon', coordinates: [[sliver], [square(50, 50, 10, true)]] }, properties: {} },
      { id: 2, geometry: { type: 'Polygon', coordinates: [sliver] }, properties: {} },
    ]);
    const features = decodeTile(bytes);
    expect(features.map((f) => f.id)).toEqual([1]);
    expect(features[0]!.rings).toHaveLength(1);
  });

  it('keeps the highest dimension of a collection, as ST_AsMVTGeom does', () => {
    const geometry = {
      type: 'GeometryCollection' as const,
      geometries: [
        { type: 'Point' as const, coordinates: [1, 1] },
        { type: 'Polygon' as const, coordinates: [square(0, 0, 10, true)] },
      ],
    };
    const [f] = decodeTile(encodeLayer('x', 4096, [{ id: 1, geometry, properties: {} }]));
    expect(f!.type).toBe(3);
  });

  it('merges features with equal attributes into one feature without an id', () => {
    const bytes = encodeLayer(
      'sub_compartments',
      512,
      [
        { id: 1, geometry: { type: 'Polygon', coordinates: [square(0, 0, 10, true)] }, properties: { land_class: '0111' } },
        { id: 2, geometry: { type: 'Polygon', coordinates: [square(20, 0, 10, true)] }, properties: { land_class: '0111' } },
        { id: 3, geometry: { type: 'Polygon', coordinates: [square(40, 0, 10, true)] }, properties: { land_class: '0113' } },
      ],
      true,
    );
    const features = decodeTile(bytes);
    expect(features).toHaveLength(2);
    expect(features.every((f) => f.id === undefined && f.extent === 512)).toBe(true);
    expect(features.find((f) => f.properties.land_class === '0111')!.rings).toHaveLength(2);
  });

  it('writes nothing for no feature: an empty tile is zero bytes, as from ST_AsMVT', () => {
    expect(encodeLayer('x', 4096, []).byteLength).toBe(0);
    expect(decodeTile(Buffer.alloc(0))).toEqual([]);
  });
});

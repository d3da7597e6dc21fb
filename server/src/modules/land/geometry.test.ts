import { describe, expect, it } from 'vitest';
import { checkCoordinates, checkStructure, closeRings } from './geometry.ts';

describe('geometry input', () => {
  it('closes an unclosed polygon ring', () => {
    const open = { type: 'Polygon' as const, coordinates: [[[114.9, 25.8], [114.91, 25.8], [114.91, 25.81]]] };
    expect(closeRings(open)).toEqual({ type: 'Polygon', coordinates: [[[114.9, 25.8], [114.91, 25.8], [114.91, 25.81], [114.9, 25.8]]] });
  });

  it('refuses coordinates outside China and says why', () => {
    expect(() => checkCoordinates({ type: 'Point', coordinates: [2.35, 48.85] })).toThrow('坐标不在中国范围内');
    expect(() => checkCoordinates({ type: 'Point', coordinates: [25.8, 114.9] })).toThrow('经纬度可能写反了');
    expect(() => checkCoordinates({ type: 'Point', coordinates: [590000, 2855000] })).toThrow('投影坐标');
    expect(() => checkCoordinates({ type: 'LineString', coordinates: [[114.9, 25.8], [114.91, 25.81]] })).not.toThrow();
  });

  it('checks that coordinates nest as the type says', () => {
    expect(() => checkStructure({ type: 'Point', coordinates: [114.9, 25.8] })).not.toThrow();
    expect(() => checkStructure({ type: 'Polygon', coordinates: [[114.9, 25.8], [114.91, 25.8], [114.91, 25.81]] })).toThrow('环的列表');
    expect(() => checkStructure({ type: 'LineString', coordinates: [[114.9, 25.8]] })).toThrow('至少 2 个坐标');
    expect(() => checkStructure({ type: 'MultiPolygon', coordinates: [[[[114.9, 25.8], [114.91, 25.8], [114.91, '25.81']]]] })).toThrow('[经度, 纬度]');
  });
});

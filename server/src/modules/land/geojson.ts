import { Type, type Static } from 'typebox';

/**
 * GeoJSON as it travels in request and response bodies: longitude/latitude (SRID 4326, treated
 * as CGCS2000). Shared by every module that takes or gives a geometry.
 */

/**
 * One object schema per family, with the coordinates' nesting checked by the server (geometry.ts)
 * rather than by a union of schemas: the validator coerces values while trying each member of a
 * union, which would mangle coordinates before the right member is tried.
 */
const geometry = <T extends string>(types: readonly T[], description: string) =>
  Type.Object(
    {
      type: Type.Union(types.map((t) => Type.Literal(t)), { description: `几何类型：${types.join(' / ')}` }),
      coordinates: Type.Array(Type.Unknown(), { minItems: 1, description: '坐标：[经度, 纬度]，按几何类型嵌套' }),
      bbox: Type.Optional(Type.Array(Type.Number(), { description: '外包范围（可选）：[西, 南, 东, 北] 经纬度，服务器不使用' })),
    },
    { additionalProperties: false, description },
  );

export const PolygonalGeometry = geometry(['Polygon', 'MultiPolygon'], 'GeoJSON Polygon 或 MultiPolygon（经纬度，CGCS2000）；未闭合的环会自动闭合，轻微的自相交可自动修复');
export const LinearGeometry = geometry(['LineString', 'MultiLineString'], 'GeoJSON LineString 或 MultiLineString（经纬度）');
export const AnyGeometry = geometry(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'], 'GeoJSON 点、线或面（经纬度）');

export type PolygonalGeometry = Static<typeof PolygonalGeometry>;
export type LinearGeometry = Static<typeof LinearGeometry>;
export type AnyGeometry = Static<typeof AnyGeometry>;

/** A geometry in a response: a GeoJSON object as PostGIS wrote it. */
export const GeometryOut = Type.Record(Type.String(), Type.Unknown(), { description: 'GeoJSON 几何（经纬度，CGCS2000）' });

/** An area in both units offices use. */
export const Area = Type.Object({
  ha: Type.Number({ description: '公顷（椭球面积）' }),
  mu: Type.Number({ description: '亩（1 公顷 = 15 亩）' }),
});
export type Area = Static<typeof Area>;

/** Hectares (4 decimals) and mu (2 decimals); 1 ha = 15 mu exactly. */
export function area(ha: number | null | undefined): Area {
  const value = Number(ha ?? 0);
  return { ha: Math.round(value * 10000) / 10000, mu: Math.round(value * 15 * 100) / 100 };
}

/** A coded value with its name from the code tables; `name` is null when the code is not in the table. */
export const Coded = Type.Union(
  [
    Type.Object({
      code: Type.String({ description: '代码（见 GET /api/code-tables）' }),
      name: Type.Union([Type.String(), Type.Null()], { description: '代码在代码表中的名称；代码不在表中时为 null' }),
    }),
    Type.Null(),
  ],
  { description: '代码值及其名称（名称来自代码表）；未填为 null' },
);
export type Coded = Static<typeof Coded>;

export function coded(code: string | null, name: string | null): Coded {
  return code === null ? null : { code, name };
}

/** `minLon,minLat,maxLon,maxLat` */
export const BBoxQuery = Type.String({ pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$', description: '范围 minLon,minLat,maxLon,maxLat' });

export function parseBBox(text: string | undefined): [number, number, number, number] | undefined {
  if (!text) return undefined;
  const [a, b, c, d] = text.split(',').map(Number) as [number, number, number, number];
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

import type { Readable } from 'node:stream';
import { Type, type Static } from 'typebox';
import { Nullable, Id } from '../../platform/schema.ts';
import { GeometryOut } from '../land/geojson.ts';
import { RegionCode } from '../regions/schema.ts';

export const LayerIdSchema = Type.Union(
  [
    Type.Literal('sub_compartments'),
    Type.Literal('grids'),
    Type.Literal('risk_areas'),
    Type.Literal('key_routes'),
    Type.Literal('responsibility_areas'),
    Type.Literal('reference_features'),
    Type.Literal('regions'),
  ],
  { description: '图层：sub_compartments 小班 / grids 网格 / risk_areas 重点区域 / key_routes 重点线路 / responsibility_areas 责任区域 / reference_features 参考图层要素 / regions 行政区划' },
);

export const ExportParams = Type.Object({ layer: LayerIdSchema });

/**
 * What GET /api/exports/{layer} sends, for the API document only: the GeoJSON is streamed and
 * the zip and workbook are Buffers, so Fastify never serialises them with these schemas.
 */
export const ExportGeoJson = Type.Unsafe<Readable>(
  Type.Object({
    type: Type.Literal('FeatureCollection', { description: 'GeoJSON 要素集合' }),
    name: Type.String({ description: '图层的文件名' }),
    features: Type.Array(
      Type.Object({
        type: Type.Literal('Feature', { description: 'GeoJSON 要素' }),
        id: Type.Union([Type.String(), Type.Number()], { description: '要素的键：ID 或区划代码' }),
        properties: Type.Record(Type.String(), Type.Unknown(), { description: '属性，字段见 GET /api/exports 的 fields' }),
        geometry: Nullable(GeometryOut, 'GeoJSON 几何（经纬度，CGCS2000）；没有图形为 null'),
      }),
      { description: '要素，按键排序' },
    ),
  }),
);
export const ExportFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: '文件的原始字节' });

export const ExportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('geojson'), Type.Literal('shapefile'), Type.Literal('xlsx')], {
      description: 'geojson（流式输出）/ shapefile（zip：.shp .shx .dbf(UTF-8) .prj(CGCS2000) .cpg）/ xlsx（属性表，中文表头）',
    }),
    regionCode: Type.Optional(Type.With(RegionCode, { description: '12 位统计用区划代码：只导出该区划及其下级区划的要素' })),
    planId: Type.Optional(Type.With(Id, { description: '网格方案（仅 grids；不填为启用方案）' })),
    kind: Type.Optional(Type.String({ maxLength: 40, description: '重点区域类型（仅 risk_areas）' })),
    landClass: Type.Optional(Type.String({ maxLength: 20, description: '地类代码（仅 sub_compartments）' })),
    dominantSpecies: Type.Optional(Type.String({ maxLength: 20, description: '优势树种代码（仅 sub_compartments）' })),
    layerId: Type.Optional(Type.With(Id, { description: '参考图层（仅 reference_features）' })),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;

export const ExportLayerInfo = Type.Object({
  id: LayerIdSchema,
  title: Type.String({ description: '图层的中文名称' }),
  filters: Type.Array(Type.String(), { description: '可用的筛选条件（GET /api/exports/{layer} 的查询参数名）' }),
  fields: Type.Array(Type.Object({ name: Type.String({ description: '字段名（GeoJSON 属性与 DBF 字段相同）' }), header: Type.String({ description: '中文名（Excel 表头）' }) }), {
    description: '导出文件中的字段',
  }),
  formats: Type.Array(Type.String(), { description: '可用的格式：geojson / shapefile / xlsx' }),
});

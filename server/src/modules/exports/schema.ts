import type { Readable } from 'node:stream';
import { Type, type Static, type TSchema } from 'typebox';
import type { LayerDeclaration } from '../../platform/layers/declaration.ts';
import { Nullable } from '../../platform/schema.ts';
import { GeometryOut } from '../land/geojson.ts';
import { RegionCode } from '../regions/schema.ts';

/** The exportable layers' ids, as the path parameter (the list comes from the layer declarations). */
export function exportParams(layers: readonly LayerDeclaration[]) {
  const ids = layers.map((l) => Type.Literal(l.id));
  return Type.Object({ layer: Type.Union(ids, { description: `图层：${layers.map((l) => `${l.id} ${l.export!.title ?? l.title}`).join(' / ')}` }) });
}

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

const Format = Type.Union([Type.Literal('geojson'), Type.Literal('shapefile'), Type.Literal('xlsx')], {
  description: 'geojson（流式输出）/ shapefile（zip：.shp .shx .dbf(UTF-8) .prj(CGCS2000) .cpg）/ xlsx（属性表，中文表头）',
});
export type ExportFormat = Static<typeof Format>;

/** The query string: the format, the region, and every filter some exportable layer declares. */
export function exportQuery(layers: readonly LayerDeclaration[]) {
  const filters: Record<string, TSchema> = {};
  for (const layer of layers) for (const [name, f] of Object.entries(layer.export!.filters ?? {})) filters[name] ??= Type.Optional(f.schema);
  return Type.Object(
    {
      format: Format,
      regionCode: Type.Optional(Type.With(RegionCode, { description: '12 位统计用区划代码：只导出该区划及其下级区划的要素' })),
      ...filters,
    },
    { additionalProperties: false },
  );
}
export type ExportQuery = { format: ExportFormat; regionCode?: string } & Record<string, string | number | undefined>;

export const ExportLayerInfo = Type.Object({
  id: Type.String({ description: '图层标识（GET /api/exports/{layer} 的 layer）' }),
  title: Type.String({ description: '图层的中文名称' }),
  filters: Type.Array(Type.String(), { description: '可用的筛选条件（GET /api/exports/{layer} 的查询参数名）' }),
  fields: Type.Array(Type.Object({ name: Type.String({ description: '字段名（GeoJSON 属性与 DBF 字段相同）' }), header: Type.String({ description: '中文名（Excel 表头）' }) }), {
    description: '导出文件中的字段',
  }),
  formats: Type.Array(Type.String(), { description: '可用的格式：geojson / shapefile / xlsx' }),
});

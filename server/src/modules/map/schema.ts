import { Type, type Static } from 'typebox';
import { Nullable, Id } from '../../platform/schema.ts';
import { MAX_TILE_ZOOM } from '../../platform/tiles/tile-math.ts';

const PlanStatus = Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('archived')], { description: 'draft 草稿 / active 启用 / archived 已归档' });

export const LayerId = Type.String({ pattern: '^[a-z_]{1,40}$', description: '图层标识，如 sub_compartments、grids' });
export const BBox = Type.Array(Type.Number(), { minItems: 4, maxItems: 4, description: '范围 [西, 南, 东, 北]，经纬度（CGCS2000）' });

export const TileParams = Type.Object({
  layer: LayerId,
  // Ranges are checked by the route, so every out-of-range address gets the same tile_invalid answer.
  z: Type.Integer({ description: `缩放级别 0–${MAX_TILE_ZOOM}` }),
  x: Type.Integer({ description: '列号 0 … 2^z − 1' }),
  y: Type.Integer({ description: '行号 0 … 2^z − 1（自北向南，XYZ 方案）' }),
});

export const TileQuery = Type.Object(
  {
    plan: Type.Optional(Type.With(Id, { description: '网格方案（仅护林网格图层）；缺省为启用中的方案' })),
    v: Type.Optional(Type.String({ maxLength: 100, description: '图层版本，仅用于让浏览器缓存失效，可取自图层目录' })),
  },
  { additionalProperties: false },
);

const CodeName = Type.Object({ code: Type.String({ description: '代码值' }), name: Type.String({ description: '名称' }) });

export const LayerAttribute = Type.Object({
  name: Type.String({ description: '切片中的属性名' }),
  label: Type.String({ description: '中文名称' }),
  type: Type.Union([Type.Literal('string'), Type.Literal('integer'), Type.Literal('number'), Type.Literal('boolean')], { description: '属性值的类型' }),
  fromZoom: Type.Integer({ description: '自该级别起切片中带有此属性' }),
  codes: Type.Optional(Type.Array(CodeName, { description: '代码值及其名称（用于图例）' })),
});

export const MapLayerInfo = Type.Object({
  id: LayerId,
  name: Type.String({ description: '图层名称' }),
  geometry: Type.Union([Type.Literal('polygon'), Type.Literal('line'), Type.Literal('point'), Type.Literal('mixed')], { description: '几何类型' }),
  minZoom: Type.Integer({ description: '最小显示级别' }),
  maxZoom: Type.Integer({ description: '最大切片级别，更大级别由地图放大显示' }),
  clickableFromZoom: Nullable(Type.Integer(), '自该级别起要素带 id，可点击查询；低级别按属性合并显示；不可点击的图层为 null'),
  tileUrl: Type.String({ description: '切片地址模板（MVT），{z}/{x}/{y} 由地图填入' }),
  version: Type.String({ description: '图层版本，数据变化时改变' }),
  labels: Nullable(
    Type.Object({
      layer: Type.String({ description: '切片中注记点图层的名称（source-layer）' }),
      attribute: Type.String({ description: '注记文字所取的属性' }),
      fromZoom: Type.Integer({ description: '自该级别起切片中带有注记点' }),
    }),
    '每个要素一个注记点（要素内部一点，只出现在包含该点的切片中），同一要素被多张切片分割时注记也只画一次；没有注记点的图层为 null',
  ),
  attributes: Type.Array(LayerAttribute, { description: '切片中要素所带的属性' }),
});

export const GridPlanInfo = Type.Object({
  id: Type.Integer({ description: '网格方案 ID' }),
  name: Type.String({ description: '方案名称' }),
  year: Type.Integer({ description: '方案年度' }),
  status: PlanStatus,
  active: Type.Boolean({ description: '网格图层缺省显示启用中的方案' }),
});

export const MapCatalogue = Type.Object({
  layers: Type.Array(MapLayerInfo, { description: '地图图层，自下而上' }),
  scope: Type.Object(
    {
      regions: Type.Array(Type.Object({ code: Type.String({ description: '12 位区划代码' }), name: Type.String({ description: '区划名称' }) }), {
        description: '调用者辖区的最外层区划',
      }),
      bbox: Nullable(BBox, '辖区范围 [西, 南, 东, 北]（经纬度）；辖区没有边界时为 null'),
    },
    { description: '调用者的辖区' },
  ),
  basemap: Type.Union(
    [
      Type.Object({
        layers: Type.Array(Type.Object({ tiles: Type.Array(Type.String(), { description: '同一图层在不同主机上的 XYZ/WMTS 地址模板' }) }), { description: '底图图层，自下而上' }),
        attribution: Nullable(Type.String(), '底图的版权说明；未配置为 null'),
      }),
      Type.Null(),
    ],
    {
    description: '底图；未配置时为 null',
  }),
  gridPlans: Type.Array(GridPlanInfo, { description: '可选的网格方案：护林网格切片地址加 ?plan=<id> 显示该方案，缺省为启用中的方案' }),
  referenceLayers: Type.Array(
    Type.Object({
      id: Type.Integer({ description: '参考图层 ID' }),
      name: Type.String({ description: '图层名称' }),
      kind: Type.String({ description: 'nature_reserve 自然保护地 / forest_farm 林场 / other 其他' }),
    }),
    { description: '调用者辖区内的参考图层' },
  ),
});
export type MapCatalogue = Static<typeof MapCatalogue>;

export const FeatureParams = Type.Object({
  layer: LayerId,
  id: Type.With(Id, { description: '要素 id（切片中的要素 id；行政区划为 12 位代码）' }),
});

export const FeatureProperty = Type.Object({
  key: Type.String({ description: '属性标识' }),
  label: Type.String({ description: '中文名称' }),
  value: Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()], { description: '显示值；代码值已换成名称' }),
  code: Type.Optional(Type.String({ description: '代码值本身（代码类属性）' })),
});

export const MapFeature = Type.Object({
  layer: LayerId,
  layerName: Type.String({ description: '图层名称' }),
  id: Type.Integer({ description: '要素 id' }),
  label: Type.String({ description: '要素标题' }),
  regionCode: Nullable(Type.String(), '要素所属区划代码（12 位）；没有时为 null'),
  regionPath: Nullable(Type.String(), '所在区划（调用者可见的部分），如“水东镇 / 七里村”；没有时为 null'),
  bbox: Nullable(BBox, '要素范围 [西, 南, 东, 北]（经纬度），用于定位；没有时为 null'),
  areaHa: Nullable(Type.Number(), '面积（公顷），按椭球计算；点、线为 null'),
  areaMu: Nullable(Type.Number(), '面积（亩）= 公顷 × 15；点、线为 null'),
  properties: Type.Array(FeatureProperty, { description: '要素的全部属性，按显示顺序' }),
  plan: Type.Optional(
    Type.Object(
      {
        id: Type.Integer({ description: '网格方案 ID' }),
        name: Type.String({ description: '方案名称' }),
        year: Type.Integer({ description: '方案年度' }),
        status: Type.String({ description: 'draft 草稿 / active 启用 / archived 已归档' }),
      },
      { description: '网格所属方案（仅护林网格）' },
    ),
  ),
  ranger: Type.Optional(
    Nullable(Type.Object({ postId: Type.Integer({ description: '护林员职务 ID' }), name: Type.String({ description: '护林员姓名' }) }), '网格护林员（仅护林网格）；null 为尚未落实'),
  ),
});
export type MapFeature = Static<typeof MapFeature>;

export const SearchQuery = Type.Object(
  { q: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', description: '小班号（如 0003-012 或 12）、乡镇/村名称、网格名称或编码' }) },
  { additionalProperties: false },
);

export const SearchResult = Type.Object({
  layer: LayerId,
  id: Type.Integer({ description: '要素 id，可用于 GET /api/map/features/{layer}/{id}' }),
  label: Type.String({ description: '显示的名称，如小班号、村名、网格名称' }),
  regionPath: Nullable(Type.String(), '所在区划，如“水东镇 / 七里村”；没有时为 null'),
  bbox: Nullable(BBox, '范围 [西, 南, 东, 北]（经纬度），用于定位；没有时为 null'),
});
export type SearchResult = Static<typeof SearchResult>;

/** A tile's bytes are sent as they are (Fastify does not serialise a Buffer); the schema is for the API documentation. */
export const TileBody = Type.Unsafe<Buffer>({ type: 'string', format: 'binary', description: 'Mapbox Vector Tile（可能经 gzip 压缩，见 Content-Encoding）' });

import { Type, type Static, type TSchema } from 'typebox';
import { RegionCode } from '../regions/schema.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.Integer({ minimum: 1 });
const Extent = Type.Array(Type.Number(), { minItems: 4, maxItems: 4, description: '[最小X, 最小Y, 最大X, 最大Y]' });
const Value = Nullable(Type.Union([Type.String(), Type.Number(), Type.Boolean()]));

export const ImportTargetName = Type.Union(
  [
    Type.Literal('sub_compartments'),
    Type.Literal('grids'),
    Type.Literal('risk_areas'),
    Type.Literal('key_routes'),
    Type.Literal('responsibility_areas'),
    Type.Literal('reference_features'),
  ],
  {
    description:
      '导入到：sub_compartments 小班（需 land.write）、grids 网格（草稿方案，需 grids.write）、risk_areas 重点区域（grids.write）、' +
      'key_routes 重点线路（grids.write）、responsibility_areas 林长责任区域（land.write）、reference_features 参考图层（land.write）',
  },
);
export const ImportStatusName = Type.Union(
  [Type.Literal('uploaded'), Type.Literal('queued'), Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed'), Type.Literal('cancelled')],
  {
    description: 'uploaded 已上传待确认选项 → queued 排队 → running 导入中 → succeeded 成功 / failed 失败 / cancelled 已取消',
  },
);
const Encoding = Type.Union([Type.Literal('utf-8'), Type.Literal('gbk')], { description: '属性表文字编码' });
const LayerKind = Type.Union([Type.Literal('nature_reserve'), Type.Literal('forest_farm'), Type.Literal('other')], { description: '新建参考图层的类别' });

export const JobParams = Type.Object({ id: Id });

/** The multipart fields next to the file. */
export const UploadFields = Type.Object(
  { target: ImportTargetName, regionCode: RegionCode },
  { additionalProperties: false, description: '上传时与文件一起提交的表单字段' },
);

export const JobListQuery = Type.Object(
  {
    target: Type.Optional(ImportTargetName),
    status: Type.Optional(ImportStatusName),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);

const Mapping = Type.Record(Type.String(), Type.String(), { description: '字段映射：文件字段名 → 本系统字段名（见 targetFields）' });
const ValueMap = Type.Record(Type.String(), Type.Record(Type.String(), Type.String()), {
  description: '值对照：本系统字段名 → {文件中的值 → 代码}，用于代码表认不出的写法',
});

export const OptionsPatch = Type.Object(
  {
    layer: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 255, description: '压缩包中有多个图层时选择其一' }))),
    projection: Type.Optional(Nullable(Type.String({ description: '坐标系代码，见 GET /api/imports/projections；null 恢复为文件声明的坐标系' }))),
    encoding: Type.Optional(Nullable(Encoding)),
    gcj02: Type.Optional(Nullable(Type.Boolean({ description: '经纬度是 GCJ-02（火星坐标，来自高德/腾讯等），导入时转换为 CGCS2000' }))),
    mapping: Type.Optional(Nullable(Mapping)),
    valueMap: Type.Optional(Nullable(ValueMap)),
    dataset: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100, description: '数据集名称，默认为文件名（去掉下载时加的“ (1)”等，多图层时加“ · 图层名”），同一内容的文件再次导入时沿用上次的数据集；再次导入同一数据集会替换而不是重复' }))),
    planId: Type.Optional(Nullable(Id)),
    postId: Type.Optional(Nullable(Id)),
    layerName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60, pattern: '\\S', description: '参考图层名称；没有同名图层时新建' }))),
    layerKind: Type.Optional(Nullable(LayerKind)),
    kind: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40, description: '统一的重点区域类型代码（代码表 risk_area_kind）' }))),
  },
  { additionalProperties: false, minProperties: 1, description: '修改导入选项；字段为 null 表示撤销该选择' },
);
export type OptionsPatch = Static<typeof OptionsPatch>;

const Field = Type.Object({
  name: Type.String(),
  type: Type.String({ description: 'text / number / boolean / date' }),
  samples: Type.Array(Value, { description: '前几条要素中的不同取值' }),
});

const Layer = Type.Object({
  name: Type.String(),
  featureCount: Type.Integer(),
  geometryTypes: Type.Array(Type.String()),
  extent: Nullable(Extent),
  fields: Type.Array(Field),
  crs: Type.Object({
    crs: Nullable(Type.Object({ code: Type.String(), name: Type.String(), geographic: Type.Boolean() })),
    source: Nullable(Type.String({ description: 'prj 文件 / geojson 声明 / standard 格式规定' })),
    problem: Nullable(Type.String({ description: '需要用户选择坐标系的原因' })),
    text: Type.Optional(Type.String({ description: '.prj 原文（截断）' })),
    suggestions: Type.Optional(Type.Array(Type.String(), { description: '按坐标数值推荐的坐标系代码' })),
  }),
  encoding: Nullable(
    Type.Object({
      declared: Nullable(Encoding),
      declaredBy: Nullable(Type.String({ description: 'cpg 文件 / ldid 文件头' })),
      detected: Nullable(Encoding),
      used: Nullable(Encoding),
      source: Nullable(Type.String()),
      problem: Nullable(Type.String({ description: '需要用户选择编码的原因' })),
    }),
  ),
  warnings: Type.Array(Type.String()),
  suggestedMapping: Mapping,
});

const Missing = Type.Object({
  option: Type.String({ description: '还需决定的选项' }),
  code: Type.String({ description: '现在开始导入会得到的错误代码' }),
  message: Type.String(),
});

const TargetField = Type.Object({
  name: Type.String(),
  label: Type.String(),
  type: Type.String({ description: 'text / code / number / year / region' }),
  domain: Type.Optional(Type.String({ description: '代码表域' })),
  required: Type.Boolean(),
});

const RowNote = Type.Object({ row: Type.Integer({ description: '文件中的要素序号，从 1 开始' }), reason: Type.String() });

export const Report = Type.Object({
  target: Type.String(),
  dataset: Type.String(),
  layer: Type.String(),
  projection: Type.Object({ code: Type.String(), name: Type.String() }),
  encoding: Nullable(Type.String()),
  gcj02: Type.Boolean(),
  read: Type.Integer({ description: '读取的要素数' }),
  imported: Type.Integer({ description: '写入的要素数（新增 + 更新）' }),
  inserted: Type.Integer(),
  updated: Type.Integer({ description: '按自然键（如 村+林班+小班）更新的已有记录' }),
  replaced: Type.Integer({ description: '同一数据集被替换掉的旧记录' }),
  repaired: Type.Integer({ description: '几何无效、已自动修复的要素数' }),
  rejected: Type.Integer({ description: '未导入的要素数' }),
  rejectedRows: Type.Array(RowNote, { description: '未导入的要素及原因（最多 1000 条）' }),
  repairedRows: Type.Array(RowNote, { description: '已修复的要素及原无效原因（最多 1000 条）' }),
  listsTruncated: Type.Boolean(),
  warnings: Type.Array(Type.String()),
  durationMs: Type.Integer(),
});

export const ImportJobSummary = Type.Object({
  id: Id,
  target: Type.String(),
  targetLabel: Type.String(),
  regionCode: RegionCode,
  regionName: Type.String(),
  status: ImportStatusName,
  cancelRequested: Type.Boolean({ description: '已请求取消，任务将在下一个检查点停止' }),
  fileName: Type.String(),
  fileSize: Type.Integer(),
  format: Type.String({ description: 'shapefile / geojson / kml / kmz / gpx' }),
  progress: Type.Object({
    done: Type.Integer({ description: '已读取的要素数' }),
    total: Nullable(Type.Integer()),
    percent: Type.Integer({ minimum: 0, maximum: 100 }),
  }),
  createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  startedAt: Nullable(Type.String({ format: 'date-time' })),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
});

export const ImportJob = Type.Object({
  ...ImportJobSummary.properties,
  inspection: Type.Object({
    format: Type.String(),
    layers: Type.Array(Layer),
    check: Nullable(
      Type.Object({
        layer: Type.String(),
        crs: Type.String(),
        extentLonLat: Nullable(Extent),
        outsideChina: Type.Boolean(),
        problem: Nullable(Type.String()),
      }),
    ),
  }),
  options: Type.Record(Type.String(), Type.Unknown(), { description: '用户已做的选择（未选的取文件声明或默认值，见 settings）' }),
  settings: Nullable(
    Type.Object({
      layer: Type.String(),
      projection: Nullable(Type.Object({ code: Type.String(), name: Type.String(), source: Nullable(Type.String()) })),
      encoding: Nullable(Encoding),
      gcj02: Type.Boolean(),
      mapping: Mapping,
      valueMap: ValueMap,
      dataset: Type.String(),
      planId: Nullable(Id),
      postId: Nullable(Id),
      layerName: Nullable(Type.String()),
      layerKind: Type.String(),
      kind: Nullable(Type.String()),
    }),
  ),
  ready: Type.Boolean({ description: '所有必需的选择都已齐备，可以开始导入' }),
  missing: Type.Array(Missing),
  targetFields: Type.Array(TargetField),
  presets: Type.Array(
    Type.Object({ id: Id, name: Type.String(), regionCode: RegionCode, mapping: Mapping, matched: Type.Integer({ description: '本文件中存在的映射字段数' }) }),
    { description: '适用于本文件的字段映射预设，按匹配字段数排序' },
  ),
  report: Nullable(Report),
});
export type ImportJob = Static<typeof ImportJob>;
export type ImportJobSummary = Static<typeof ImportJobSummary>;

export const Projection = Type.Object({ code: Type.String(), name: Type.String(), geographic: Type.Boolean({ description: '经纬度坐标（可声明 GCJ-02）' }) });

export const TargetInfo = Type.Object({
  target: Type.String(),
  label: Type.String(),
  permission: Type.String(),
  shape: Type.String({ description: 'polygon 面 / line 线 / any 点线面' }),
  naturalKey: Type.Array(Type.String(), { description: '自然键：再次导入时据此更新；为空表示按数据集替换' }),
  options: Type.Array(Type.String(), { description: '此目标还需选择的选项' }),
  fields: Type.Array(TargetField),
});

export const Preset = Type.Object({
  id: Id,
  regionCode: RegionCode,
  target: Type.String(),
  name: Type.String(),
  mapping: Mapping,
  createdAt: Type.String({ format: 'date-time' }),
});
export const PresetCreate = Type.Object(
  {
    regionCode: RegionCode,
    target: ImportTargetName,
    name: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }),
    mapping: Type.Record(Type.String({ minLength: 1, maxLength: 60 }), Type.String({ minLength: 1, maxLength: 40 }), { minProperties: 1 }),
  },
  { additionalProperties: false },
);
export type PresetCreate = Static<typeof PresetCreate>;
export const PresetListQuery = Type.Object({ target: Type.Optional(ImportTargetName) }, { additionalProperties: false });

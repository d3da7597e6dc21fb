import { Type, type Static } from 'typebox';
import { Nullable, Id } from '../../platform/schema.ts';
import { RegionCode } from '../regions/schema.ts';

const Extent = Type.Array(Type.Number(), { minItems: 4, maxItems: 4, description: '[最小X, 最小Y, 最大X, 最大Y]' });
const Value = Nullable(Type.Union([Type.String(), Type.Number(), Type.Boolean()]));
const DateTime = Type.String({ format: 'date-time' });
const CodeAndName = Type.Object({ code: Type.String({ description: '坐标系代码，如 EPSG:4490' }), name: Type.String({ description: '坐标系名称' }) });

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
      'key_routes 重点线路（grids.write）、responsibility_areas 林长责任区域（people.write）、reference_features 参考图层（land.write）',
  },
);
export const ImportStatusName = Type.Union(
  [Type.Literal('uploaded'), Type.Literal('queued'), Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed'), Type.Literal('cancelled')],
  {
    description: 'uploaded 已上传待确认选项 → queued 排队 → running 导入中 → succeeded 成功 / failed 失败 / cancelled 已取消',
  },
);
const Encoding = Type.Union([Type.Literal('utf-8'), Type.Literal('gbk')], { description: '属性表文字编码' });
const LayerKind = Type.Union([Type.Literal('nature_reserve'), Type.Literal('forest_farm'), Type.Literal('other')], {
  description: '新建参考图层的类别：nature_reserve 自然保护地 / forest_farm 林场 / other 其他',
});

export const JobParams = Type.Object({ id: Type.With(Id, { description: '导入任务 ID' }) });
export const PresetParams = Type.Object({ id: Type.With(Id, { description: '字段映射预设 ID' }) });

/** The multipart fields next to the file. */
export const UploadFields = Type.Object(
  { target: ImportTargetName, regionCode: Type.With(RegionCode, { description: '12 位统计用区划代码：导入到的区划' }) },
  { additionalProperties: false, description: '上传时与文件一起提交的表单字段' },
);

export const JobListQuery = Type.Object(
  {
    target: Type.Optional(ImportTargetName),
    status: Type.Optional(ImportStatusName),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50, description: '条数上限，1–200，默认 50' }),
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
    encoding: Type.Optional(Nullable(Encoding, '属性表文字编码：utf-8 / gbk；null 恢复为文件声明或识别的编码')),
    gcj02: Type.Optional(Nullable(Type.Boolean({ description: '经纬度是 GCJ-02（火星坐标，来自高德/腾讯等），导入时转换为 CGCS2000' }))),
    mapping: Type.Optional(Nullable(Mapping)),
    valueMap: Type.Optional(Nullable(ValueMap)),
    dataset: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100, description: '数据集名称，默认为文件名（去掉下载时加的“ (1)”等，多图层时加“ · 图层名”），同一内容的文件再次导入时沿用上次的数据集；再次导入同一数据集会替换而不是重复' }))),
    planId: Type.Optional(Nullable(Id, '网格方案 ID（仅 grids 目标）：导入到哪个草稿方案')),
    postId: Type.Optional(Nullable(Id, '林长职务 ID（仅 responsibility_areas 目标）：责任区域属于哪个职务')),
    layerName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60, pattern: '\\S', description: '参考图层名称；没有同名图层时新建' }))),
    layerKind: Type.Optional(Nullable(LayerKind, '新建参考图层的类别：nature_reserve 自然保护地 / forest_farm 林场 / other 其他（默认）')),
    kind: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 40, description: '统一的重点区域类型代码（代码表 risk_area_kind）' }))),
  },
  { additionalProperties: false, minProperties: 1, description: '修改导入选项；字段为 null 表示撤销该选择' },
);
export type OptionsPatch = Static<typeof OptionsPatch>;

const Field = Type.Object({
  name: Type.String({ description: '文件中的字段名' }),
  type: Type.String({ description: 'text / number / boolean / date' }),
  samples: Type.Array(Value, { description: '前几条要素中的不同取值' }),
});

const Layer = Type.Object({
  name: Type.String({ description: '图层名称（Shapefile 为 .shp 文件名）' }),
  featureCount: Type.Integer({ description: '要素数' }),
  geometryTypes: Type.Array(Type.String(), { description: '出现的几何类型，如 Polygon、LineString' }),
  extent: Nullable(Extent, '范围，文件自身坐标的 [最小X, 最小Y, 最大X, 最大Y]；没有要素时为 null'),
  fields: Type.Array(Field, { description: '属性字段' }),
  crs: Type.Object(
    {
      crs: Nullable(
        Type.Object({ ...CodeAndName.properties, geographic: Type.Boolean({ description: '是否经纬度坐标' }) }),
        '识别出的坐标系；无法识别时为 null，须由用户选择',
      ),
      source: Nullable(Type.String(), '坐标系的出处：prj 文件 / geojson 声明 / standard 格式规定；未识别为 null'),
      problem: Nullable(Type.String(), '需要用户选择坐标系的原因；已识别为 null'),
      text: Type.Optional(Type.String({ description: '.prj 原文（截断）' })),
      suggestions: Type.Optional(Type.Array(Type.String(), { description: '按坐标数值推荐的坐标系代码' })),
    },
    { description: '文件声明的坐标系' },
  ),
  encoding: Nullable(
    Type.Object({
      declared: Nullable(Encoding, '文件声明的编码；未声明为 null'),
      declaredBy: Nullable(Type.String(), '声明编码的出处：cpg 文件 / ldid 文件头；未声明为 null'),
      detected: Nullable(Encoding, '按内容识别出的编码；无法识别为 null'),
      used: Nullable(Encoding, '解读字段名和样例值所用的编码；没有可用编码时为 null'),
      source: Nullable(Type.String(), '所用编码的出处：choice 用户选择 / cpg / ldid / detected 识别；没有时为 null'),
      problem: Nullable(Type.String(), '需要用户选择编码的原因；不需要时为 null'),
    }),
    '属性表文字编码（仅 Shapefile 的 DBF）；其他格式为 null',
  ),
  warnings: Type.Array(Type.String(), { description: '读取时的提醒' }),
  suggestedMapping: Mapping,
});

const Missing = Type.Object({
  option: Type.String({ description: '还需决定的选项：layer / projection / encoding / mapping / planId / postId / layerName / kind / gcj02' }),
  code: Type.String({ description: '现在开始导入会得到的错误代码' }),
  message: Type.String({ description: '该错误的中文说明' }),
});

const TargetField = Type.Object({
  name: Type.String({ description: '本系统字段名，用作字段映射的值' }),
  label: Type.String({ description: '中文名称' }),
  type: Type.String({ description: 'text / code / number / year / region' }),
  domain: Type.Optional(Type.String({ description: '代码表域' })),
  required: Type.Boolean({ description: '是否必须映射' }),
});

const RowNote = Type.Object({ row: Type.Integer({ description: '文件中的要素序号，从 1 开始' }), reason: Type.String({ description: '原因' }) });

export const Report = Type.Object({
  target: Type.String({ description: '导入目标' }),
  dataset: Type.String({ description: '数据集名称' }),
  layer: Type.String({ description: '导入的图层' }),
  projection: Type.With(CodeAndName, { description: '所用的坐标系' }),
  encoding: Nullable(Type.String(), '所用的文字编码；非 Shapefile 为 null'),
  gcj02: Type.Boolean({ description: '是否按 GCJ-02 转换' }),
  read: Type.Integer({ description: '读取的要素数' }),
  imported: Type.Integer({ description: '写入的要素数（新增 + 更新）' }),
  inserted: Type.Integer({ description: '新增的记录数' }),
  updated: Type.Integer({ description: '按自然键（如 村+林班+小班）更新的已有记录' }),
  replaced: Type.Integer({ description: '同一数据集被替换掉的旧记录' }),
  repaired: Type.Integer({ description: '几何无效、已自动修复的要素数' }),
  rejected: Type.Integer({ description: '未导入的要素数' }),
  rejectedRows: Type.Array(RowNote, { description: '未导入的要素及原因（最多 1000 条）' }),
  repairedRows: Type.Array(RowNote, { description: '已修复的要素及原无效原因（最多 1000 条）' }),
  listsTruncated: Type.Boolean({ description: '未导入或已修复的要素超过 1000 条，列表已截断' }),
  warnings: Type.Array(Type.String(), { description: '导入时的提醒' }),
  durationMs: Type.Integer({ description: '用时（毫秒）' }),
});

export const ImportJobSummary = Type.Object({
  id: Type.With(Id, { description: '导入任务 ID' }),
  target: ImportTargetName,
  targetLabel: Type.String({ description: '导入目标的中文名称' }),
  regionCode: Type.With(RegionCode, { description: '导入到的区划代码（12 位）' }),
  regionName: Type.String({ description: '导入到的区划名称' }),
  status: ImportStatusName,
  cancelRequested: Type.Boolean({ description: '已请求取消，任务将在下一个检查点停止' }),
  fileName: Type.String({ description: '上传的文件名' }),
  fileSize: Type.Integer({ description: '文件大小（字节）' }),
  format: Type.String({ description: 'shapefile / geojson / kml / kmz / gpx' }),
  progress: Type.Object(
    {
      done: Type.Integer({ description: '已读取的要素数' }),
      total: Nullable(Type.Integer(), '要素总数；尚未开始时为 null'),
      percent: Type.Integer({ minimum: 0, maximum: 100, description: '完成百分比，0–100' }),
    },
    { description: '进度' },
  ),
  createdBy: Type.String({ description: '上传人' }),
  createdAt: Type.With(DateTime, { description: '上传时刻（ISO 8601）' }),
  startedAt: Nullable(DateTime, '开始导入的时刻（ISO 8601）；未开始为 null'),
  finishedAt: Nullable(DateTime, '结束的时刻（ISO 8601）；未结束为 null'),
  error: Nullable(
    Type.Object({ code: Type.String({ description: '错误代码' }), message: Type.String({ description: '中文错误说明' }) }),
    '失败原因；未失败为 null',
  ),
});

export const ImportJob = Type.Object({
  ...ImportJobSummary.properties,
  inspection: Type.Object(
    {
      format: Type.String({ description: 'shapefile / geojson / kml / kmz / gpx' }),
      layers: Type.Array(Layer, { description: '文件中可读的图层' }),
      check: Nullable(
        Type.Object({
          layer: Type.String({ description: '检查的图层' }),
          crs: Type.String({ description: '按哪个坐标系换算' }),
          extentLonLat: Nullable(Extent, '换算成经纬度后的范围 [西, 南, 东, 北]；没有要素时为 null'),
          outsideChina: Type.Boolean({ description: '换算后是否落在中国范围外（多半是坐标系选错）' }),
          problem: Nullable(Type.String(), '发现的问题；没有为 null'),
        }),
        '按所选坐标系换算后的范围检查；坐标系未定时为 null',
      ),
    },
    { description: '检查文件的结果' },
  ),
  options: Type.Record(Type.String(), Type.Unknown(), { description: '用户已做的选择（未选的取文件声明或默认值，见 settings）' }),
  settings: Nullable(
    Type.Object({
      layer: Type.String({ description: '要导入的图层' }),
      projection: Nullable(
        Type.Object({
          ...CodeAndName.properties,
          source: Nullable(Type.String(), '出处：choice 用户选择 / prj / geojson / standard 格式规定'),
        }),
        '所用的坐标系；未定为 null',
      ),
      encoding: Nullable(Encoding, '所用的文字编码；非 Shapefile 或未定为 null'),
      gcj02: Type.Boolean({ description: '是否按 GCJ-02 转换' }),
      mapping: Mapping,
      valueMap: ValueMap,
      dataset: Type.String({ description: '数据集名称' }),
      planId: Nullable(Id, '网格方案 ID（仅 grids）；未选为 null'),
      postId: Nullable(Id, '林长职务 ID（仅 responsibility_areas）；未选为 null'),
      layerName: Nullable(Type.String(), '参考图层名称（仅 reference_features）；未填为 null'),
      layerKind: LayerKind,
      kind: Nullable(Type.String(), '统一的重点区域类型代码（仅 risk_areas）；未选为 null'),
    }),
    '各项选择的最终取值（用户的选择，否则取文件声明或默认值）；文件无法读取时为 null',
  ),
  ready: Type.Boolean({ description: '所有必需的选择都已齐备，可以开始导入' }),
  missing: Type.Array(Missing, { description: '开始导入前还需决定的事项' }),
  targetFields: Type.Array(TargetField, { description: '导入目标的字段' }),
  presets: Type.Array(
    Type.Object({
      id: Type.With(Id, { description: '预设 ID' }),
      name: Type.String({ description: '预设名称' }),
      regionCode: Type.With(RegionCode, { description: '预设所属区划代码' }),
      mapping: Mapping,
      matched: Type.Integer({ description: '本文件中存在的映射字段数' }),
    }),
    { description: '适用于本文件的字段映射预设，按匹配字段数排序' },
  ),
  report: Nullable(Report, '导入报告；导入结束前为 null'),
});
export type ImportJob = Static<typeof ImportJob>;
export type ImportJobSummary = Static<typeof ImportJobSummary>;

export const Projection = Type.Object({ ...CodeAndName.properties, geographic: Type.Boolean({ description: '经纬度坐标（可声明 GCJ-02）' }) });

export const TargetInfo = Type.Object({
  target: ImportTargetName,
  label: Type.String({ description: '中文名称' }),
  permission: Type.String({ description: '导入所需的权限：该图层的写权限（land.write、grids.write 或 people.write）' }),
  shape: Type.Union([Type.Literal('polygon'), Type.Literal('line'), Type.Literal('point'), Type.Literal('any')], { description: 'polygon 面 / line 线 / point 点 / any 点线面' }),
  naturalKey: Type.Array(Type.String(), { description: '自然键：再次导入时据此更新；为空表示按数据集替换' }),
  options: Type.Array(Type.String(), { description: '此目标还需选择的选项：planId / postId / layerName / kind' }),
  fields: Type.Array(TargetField, { description: '此目标的字段' }),
});

export const Preset = Type.Object({
  id: Type.With(Id, { description: '预设 ID' }),
  regionCode: Type.With(RegionCode, { description: '预设所属区划代码：该区划及其下级的用户可用' }),
  target: Type.String({ description: '导入目标' }),
  name: Type.String({ description: '预设名称' }),
  mapping: Mapping,
  createdAt: Type.With(DateTime, { description: '创建时刻（ISO 8601）' }),
});
export const PresetCreate = Type.Object(
  {
    regionCode: Type.With(RegionCode, { description: '12 位统计用区划代码：预设所属的区划，须在调用者可导入该目标的辖区内' }),
    target: ImportTargetName,
    name: Type.String({ minLength: 1, maxLength: 60, pattern: '\\S', description: '预设名称，1–60 字，同一区划、同一目标内不重复' }),
    mapping: Type.Record(Type.String({ minLength: 1, maxLength: 60 }), Type.String({ minLength: 1, maxLength: 40 }), {
      minProperties: 1,
      description: '字段映射：文件字段名 → 本系统字段名（见 GET /api/imports/targets），至少一项',
    }),
  },
  { additionalProperties: false },
);
export type PresetCreate = Static<typeof PresetCreate>;
export const PresetListQuery = Type.Object({ target: Type.Optional(ImportTargetName) }, { additionalProperties: false });

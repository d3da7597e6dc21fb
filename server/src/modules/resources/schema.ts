import { Type } from 'typebox';
import { Nullable, Id } from '../../platform/schema.ts';
import { Area } from '../land/geojson.ts';
import { RegionCode } from '../regions/schema.ts';

const Described = <T extends Parameters<typeof Type.With>[0]>(t: T, description: string) => Type.With(t, { description });

export const RegionParams = Type.Object({ code: RegionCode });
export const IdParams = Type.Object({ id: Type.With(Id, { description: '责任区域 ID' }) });

const Breakdown = Type.Object({
  code: Nullable(Type.String(), '代码；小班未填该项时为 null'),
  name: Type.String({ description: '名称；代码不在代码表中时为“代码 X（代码表中没有）”，未填时为“未填优势树种”等' }),
  area: Described(Area, '面积（公顷与亩）'),
  stockM3: Type.Number({ description: '蓄积（立方米）' }),
  subCompartments: Type.Integer({ description: '小班数' }),
});

/** Definitions of every figure: docs/resource-list.md. */
export const ResourceList = Type.Object({
  subject: Type.Object(
    {
      kind: Type.Union([Type.Literal('region'), Type.Literal('responsibility_area')], { description: 'region 区划 / responsibility_area 责任区域' }),
      key: Type.String({ description: 'region:<区划代码> 或 responsibility_area:<id>' }),
      name: Type.String({ description: '区划或责任区域的名称' }),
      regionCode: Described(RegionCode, '区划代码；责任区域为其林长职务所在区划'),
      regionName: Type.String({ description: '区划名称' }),
      chief: Nullable(Type.String(), '责任区域的林长，如“张三（镇级林长）”；区划为 null'),
    },
    { description: '清单的对象' },
  ),
  method: Type.Union([Type.Literal('whole_sub_compartments'), Type.Literal('clipped_to_area')], {
    description: 'whole_sub_compartments 区划内全部小班 / clipped_to_area 小班在责任区域内的部分（蓄积按面积比例）',
  }),
  totalLandArea: Type.Object(
    {
      ...Area.properties,
      basis: Type.Union([Type.Literal('region_boundary'), Type.Literal('sub_compartments'), Type.Literal('responsibility_area')], {
        description: '土地总面积的依据：区划边界 / 小班面积之和（区划无边界时）/ 责任区域',
      }),
    },
    { description: '土地总面积（公顷与亩）及其依据' },
  ),
  subCompartmentArea: Described(Area, '小班面积之和（公顷与亩）'),
  subCompartmentCount: Type.Integer({ description: '小班数' }),
  forestLandArea: Type.Object(Area.properties, { description: '林地面积（地类标记 forest_land）' }),
  forestArea: Type.Object(Area.properties, { description: '森林面积（地类标记 forest）' }),
  forestCoveragePercent: Nullable(Type.Number(), '森林覆盖率 % = 森林面积 ÷ 土地总面积 × 100，保留 2 位小数；土地总面积为 0 时为 null'),
  stockVolumeM3: Type.Number({ description: '活立木蓄积（立方米）' }),
  naturalForestArea: Type.Object(Area.properties, { description: '天然林面积（森林中起源标记 natural）' }),
  publicWelfareForest: Type.Object(
    {
      total: Described(Area, '公益林面积（森林类别标记 public_welfare），公顷与亩'),
      byGrade: Type.Array(Type.Object({ ...Breakdown.properties, national: Type.Boolean({ description: '国家级（事权等级标记 national）' }) }), { description: '按事权等级' }),
    },
    { description: '公益林' },
  ),
  byDominantSpecies: Type.Array(Breakdown, { description: '按优势树种，面积从大到小' }),
  byAgeGroup: Type.Array(Breakdown, { description: '按龄组' }),
  computedAt: Type.String({ format: 'date-time', description: '计算时刻（ISO 8601）' }),
  versions: Type.Record(Type.String(), Type.Integer(), { description: '计算时所依据的图层版本；图层变化后再次读取会自动重算' }),
});

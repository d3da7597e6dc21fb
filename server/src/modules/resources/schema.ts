import { Type } from 'typebox';
import { Area } from '../land/geojson.ts';
import { RegionCode } from '../regions/schema.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const RegionParams = Type.Object({ code: RegionCode });
export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Breakdown = Type.Object({
  code: Nullable(Type.String()),
  name: Type.String(),
  area: Area,
  stockM3: Type.Number({ description: '蓄积（立方米）' }),
  subCompartments: Type.Integer({ description: '小班数' }),
});

/** Definitions of every figure: docs/resource-list.md. */
export const ResourceList = Type.Object({
  subject: Type.Object({
    kind: Type.Union([Type.Literal('region'), Type.Literal('responsibility_area')]),
    key: Type.String({ description: 'region:<区划代码> 或 responsibility_area:<id>' }),
    name: Type.String(),
    regionCode: RegionCode,
    regionName: Type.String(),
    chief: Nullable(Type.String({ description: '责任区域的林长' })),
  }),
  method: Type.Union([Type.Literal('whole_sub_compartments'), Type.Literal('clipped_to_area')], {
    description: 'whole_sub_compartments 区划内全部小班 / clipped_to_area 小班在责任区域内的部分（蓄积按面积比例）',
  }),
  totalLandArea: Type.Object({
    ...Area.properties,
    basis: Type.Union([Type.Literal('region_boundary'), Type.Literal('sub_compartments'), Type.Literal('responsibility_area')], {
      description: '土地总面积的依据：区划边界 / 小班面积之和（区划无边界时）/ 责任区域',
    }),
  }),
  subCompartmentArea: Area,
  subCompartmentCount: Type.Integer(),
  forestLandArea: Type.Object(Area.properties, { description: '林地面积（地类标记 forest_land）' }),
  forestArea: Type.Object(Area.properties, { description: '森林面积（地类标记 forest）' }),
  forestCoveragePercent: Nullable(Type.Number({ description: '森林覆盖率 % = 森林面积 ÷ 土地总面积 × 100' })),
  stockVolumeM3: Type.Number({ description: '活立木蓄积（立方米）' }),
  naturalForestArea: Type.Object(Area.properties, { description: '天然林面积（森林中起源标记 natural）' }),
  publicWelfareForest: Type.Object({
    total: Area,
    byGrade: Type.Array(Type.Object({ ...Breakdown.properties, national: Type.Boolean({ description: '国家级（事权等级标记 national）' }) }), { description: '按事权等级' }),
  }),
  byDominantSpecies: Type.Array(Breakdown, { description: '按优势树种，面积从大到小' }),
  byAgeGroup: Type.Array(Breakdown, { description: '按龄组' }),
  computedAt: Type.String({ format: 'date-time' }),
  versions: Type.Record(Type.String(), Type.Integer(), { description: '计算时所依据的图层版本；图层变化后再次读取会自动重算' }),
});

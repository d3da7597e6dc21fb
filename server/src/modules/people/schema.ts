import { Type, type Static } from 'typebox';
import { Nullable, Id } from '../../platform/schema.ts';
import { RegionCode } from '../regions/schema.ts';

const PersonId = Type.With(Id, { description: '人员 ID' });
const PostId = Type.With(Id, { description: '职务 ID' });
const Day = Type.String({ format: 'date', description: '日期 YYYY-MM-DD' });
const Page = Type.Integer({ minimum: 1, default: 1, description: '页码，从 1 开始' });
const PostTypeCode = Type.String({ description: '职务类型代码（见 GET /api/post-types）', examples: ['forest_chief'] });
const PostTypeName = Type.String({ description: '职务类型名称', examples: ['林长'] });

export const PersonName = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', description: '姓名' });
export const Phone = Type.String({ pattern: '^1\\d{10}$', description: '手机号（11 位）' });
export const IdCardLast4 = Type.String({ pattern: '^\\d{3}[\\dX]$', description: '身份证号后四位（可选）' });
export const RangerKind = Type.Union([Type.Literal('full_time'), Type.Literal('ecological'), Type.Literal('assistant')], {
  description: '护林员类别：full_time 专职 / ecological 生态 / assistant 协管',
});

export const PostSummary = Type.Object({
  id: PostId,
  postType: PostTypeCode,
  postTypeName: PostTypeName,
  regionCode: Type.With(RegionCode, { description: '任职区划代码（12 位）' }),
  regionName: Type.String({ description: '任职区划名称' }),
  title: Nullable(Type.String(), '职务名称，如“区级林长”；未填为 null'),
});

export const Person = Type.Object({
  id: PersonId,
  regionCode: Type.With(RegionCode, { description: '所属区划代码（12 位）：由该区划的林长办管理此人员记录' }),
  regionName: Type.String({ description: '所属区划名称' }),
  name: Type.String({ description: '姓名' }),
  phone: Nullable(Type.String(), '手机号（11 位），也可用作登录名；未填为 null'),
  idCardLast4: Nullable(Type.String(), '身份证号后四位；未填为 null'),
  hasPhoto: Type.Boolean({ description: '是否已上传照片（GET /api/persons/{id}/photo）' }),
  activePosts: Type.Array(PostSummary, { description: '今天在任的职务' }),
  createdAt: Type.String({ format: 'date-time', description: '创建时刻（ISO 8601）' }),
  updatedAt: Type.String({ format: 'date-time', description: '最后修改时刻（ISO 8601）' }),
});
export type Person = Static<typeof Person>;

export const PersonCreate = Type.Object(
  {
    regionCode: Type.With(RegionCode, { description: '12 位统计用区划代码：人员所属的区划，须在调用者辖区内' }),
    name: PersonName,
    phone: Type.Optional(Nullable(Phone, '手机号（11 位，全系统唯一，可用作登录名）；可不填或为 null')),
    idCardLast4: Type.Optional(Nullable(IdCardLast4, '身份证号后四位（末位可为 X）；可不填或为 null')),
  },
  { additionalProperties: false },
);
export type PersonCreate = Static<typeof PersonCreate>;

export const PersonUpdate = Type.Object(
  {
    regionCode: Type.Optional(Type.With(RegionCode, { description: '12 位统计用区划代码：人员新的所属区划，须在调用者辖区内' })),
    name: Type.Optional(PersonName),
    phone: Type.Optional(Nullable(Phone, '手机号（11 位，全系统唯一）；null 清除')),
    idCardLast4: Type.Optional(Nullable(IdCardLast4, '身份证号后四位；null 清除')),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PersonUpdate = Static<typeof PersonUpdate>;

export const PersonListQuery = Type.Object(
  {
    regionCode: Type.Optional(Type.With(RegionCode, { description: '12 位统计用区划代码：只列出该区划及其下级区划的人员' })),
    q: Type.Optional(Type.String({ maxLength: 50, description: '按姓名或手机号搜索（包含即匹配）' })),
    postType: Type.Optional(Type.String({ maxLength: 40, description: '只列出在任此类职务的人员（职务类型代码，在任指今天在任）' })),
    page: Page,
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20, description: '每页条数，1–200，默认 20' }),
  },
  { additionalProperties: false },
);
export type PersonListQuery = Static<typeof PersonListQuery>;

export const PersonPage = Type.Object({
  items: Type.Array(Person, { description: '本页的人员，按区划代码、ID 排序' }),
  total: Type.Integer({ description: '符合条件的总条数（不分页）' }),
});

export const Post = Type.Object({
  id: PostId,
  personId: PersonId,
  personName: Type.String({ description: '任职人员姓名' }),
  postType: PostTypeCode,
  postTypeName: PostTypeName,
  regionCode: Type.With(RegionCode, { description: '任职区划代码（12 位）：职务的权限作用于该区划及其下级' }),
  regionName: Type.String({ description: '任职区划名称' }),
  title: Nullable(Type.String(), '职务名称，如“区级林长”；未填为 null'),
  responsibilityArea: Nullable(Type.String(), '责任区域名称（林长）；未填为 null'),
  rangerKind: Nullable(RangerKind, '护林员类别：full_time 专职 / ecological 生态 / assistant 协管；非护林员为 null'),
  department: Nullable(Type.String(), '协作单位（协作单位联络员）；未填为 null'),
  startsOn: Type.With(Day, { description: '任职日期 YYYY-MM-DD' }),
  endsOn: Nullable(Day, '最后任职日期 YYYY-MM-DD；在任为 null'),
  endReason: Nullable(Type.String(), '离任原因；在任为 null'),
  active: Type.Boolean({ description: '今天是否在任' }),
});
export type Post = Static<typeof Post>;

export const PostCreate = Type.Object(
  {
    postType: Type.String({ minLength: 1, maxLength: 40, description: '职务类型代码，见 GET /api/post-types', examples: ['forest_chief'] }),
    regionCode: Type.With(RegionCode, { description: '12 位统计用区划代码：任职的区划，须在调用者辖区内' }),
    title: Type.Optional(Nullable(Type.String({ maxLength: 60 }), '职务名称，如“区级林长”，最多 60 字')),
    responsibilityArea: Type.Optional(Nullable(Type.String({ maxLength: 100 }), '责任区域名称（林长），最多 100 字')),
    rangerKind: Type.Optional(Nullable(RangerKind, '护林员类别：full_time 专职 / ecological 生态 / assistant 协管；护林员必填，其他职务不填')),
    department: Type.Optional(Nullable(Type.String({ maxLength: 60 }), '协作单位，最多 60 字；协作单位联络员必填')),
    startsOn: Type.With(Day, { description: '日期 YYYY-MM-DD：任职的第一天' }),
  },
  { additionalProperties: false },
);
export type PostCreate = Static<typeof PostCreate>;

export const PostUpdate = Type.Object(
  {
    title: Type.Optional(Nullable(Type.String({ maxLength: 60 }), '职务名称，最多 60 字；null 清除')),
    responsibilityArea: Type.Optional(Nullable(Type.String({ maxLength: 100 }), '责任区域名称，最多 100 字；null 清除')),
    rangerKind: Type.Optional(Nullable(RangerKind, '护林员类别：full_time 专职 / ecological 生态 / assistant 协管（仅护林员）')),
    department: Type.Optional(Nullable(Type.String({ maxLength: 60 }), '协作单位，最多 60 字（协作单位联络员必填）')),
    startsOn: Type.Optional(Type.With(Day, { description: '日期 YYYY-MM-DD：任职的第一天' })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PostUpdate = Static<typeof PostUpdate>;

export const PostEnd = Type.Object(
  {
    endsOn: Type.With(Day, { description: '日期 YYYY-MM-DD：最后任职的一天，不早于任职日期' }),
    reason: Type.String({ minLength: 1, maxLength: 200, description: '离任原因，如“工作调动”' }),
  },
  { additionalProperties: false },
);

export const PostListQuery = Type.Object(
  {
    regionCode: Type.Optional(Type.With(RegionCode, { description: '12 位统计用区划代码：只列出该区划及其下级区划的职务' })),
    exact: Type.Optional(Type.Boolean({ description: 'true：只列该区划本级的职务，不含下级区划' })),
    postType: Type.Optional(Type.String({ maxLength: 40, description: '职务类型代码：只列出此类职务' })),
    active: Type.Optional(Type.Boolean({ description: 'true 只列在任，false 只列已离任' })),
    page: Page,
    pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50, description: '每页条数，1–500，默认 50' }),
  },
  { additionalProperties: false },
);
export type PostListQuery = Static<typeof PostListQuery>;

export const PostPage = Type.Object({
  items: Type.Array(Post, { description: '本页的职务，按区划代码、职务类型排序' }),
  total: Type.Integer({ description: '符合条件的总条数（不分页）' }),
});

export const PostType = Type.Object({
  code: Type.String({ description: '职务类型代码', examples: ['forest_chief'] }),
  nameZh: Type.String({ description: '中文名称', examples: ['林长'] }),
  nameEn: Type.String({ description: '英文名称', examples: ['Forest chief'] }),
  category: Type.String({ description: 'chief 林长 / office 林长办 / grassroots 基层 / liaison 协作单位' }),
  permissions: Type.Array(Type.String(), { description: '任此职务者在任职区划及其下级拥有的权限，如 people.read、grids.write' }),
});

export const PersonIdParams = Type.Object({ id: PersonId });
export const PostIdParams = Type.Object({ id: PostId });

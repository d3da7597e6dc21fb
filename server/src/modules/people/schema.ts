import { Type, type Static } from 'typebox';
import { RegionCode } from '../regions/schema.ts';

const Id = Type.Integer({ minimum: 1 });
const Day = Type.String({ format: 'date', description: '日期 YYYY-MM-DD' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const PersonName = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S', description: '姓名' });
export const Phone = Type.String({ pattern: '^1\\d{10}$', description: '手机号（11 位）' });
export const IdCardLast4 = Type.String({ pattern: '^\\d{3}[\\dX]$', description: '身份证号后四位（可选）' });
export const RangerKind = Type.Union([Type.Literal('full_time'), Type.Literal('ecological'), Type.Literal('assistant')], {
  description: '护林员类别：专职 / 生态 / 协管',
});

export const PostSummary = Type.Object({
  id: Id,
  postType: Type.String(),
  postTypeName: Type.String(),
  regionCode: RegionCode,
  regionName: Type.String(),
  title: Nullable(Type.String()),
});

export const Person = Type.Object({
  id: Id,
  regionCode: RegionCode,
  regionName: Type.String({ description: '所属区划名称' }),
  name: Type.String(),
  phone: Nullable(Type.String()),
  idCardLast4: Nullable(Type.String()),
  hasPhoto: Type.Boolean(),
  activePosts: Type.Array(PostSummary, { description: '今天在任的职务' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Person = Static<typeof Person>;

export const PersonCreate = Type.Object(
  {
    regionCode: RegionCode,
    name: PersonName,
    phone: Type.Optional(Nullable(Phone)),
    idCardLast4: Type.Optional(Nullable(IdCardLast4)),
  },
  { additionalProperties: false },
);
export type PersonCreate = Static<typeof PersonCreate>;

export const PersonUpdate = Type.Object(
  {
    regionCode: Type.Optional(RegionCode),
    name: Type.Optional(PersonName),
    phone: Type.Optional(Nullable(Phone)),
    idCardLast4: Type.Optional(Nullable(IdCardLast4)),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PersonUpdate = Static<typeof PersonUpdate>;

export const PersonListQuery = Type.Object(
  {
    regionCode: Type.Optional(RegionCode),
    q: Type.Optional(Type.String({ maxLength: 50, description: '按姓名或手机号搜索' })),
    postType: Type.Optional(Type.String({ maxLength: 40, description: '只列出在任此类职务的人员' })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  },
  { additionalProperties: false },
);
export type PersonListQuery = Static<typeof PersonListQuery>;

export const PersonPage = Type.Object({ items: Type.Array(Person), total: Type.Integer() });

export const Post = Type.Object({
  id: Id,
  personId: Id,
  personName: Type.String(),
  postType: Type.String(),
  postTypeName: Type.String(),
  regionCode: RegionCode,
  regionName: Type.String(),
  title: Nullable(Type.String()),
  responsibilityArea: Nullable(Type.String({ description: '责任区域名称' })),
  rangerKind: Nullable(RangerKind),
  department: Nullable(Type.String({ description: '协作单位' })),
  startsOn: Day,
  endsOn: Nullable(Day),
  endReason: Nullable(Type.String()),
  active: Type.Boolean({ description: '今天是否在任' }),
});
export type Post = Static<typeof Post>;

export const PostCreate = Type.Object(
  {
    postType: Type.String({ minLength: 1, maxLength: 40, description: '职务类型代码，见 /api/post-types' }),
    regionCode: RegionCode,
    title: Type.Optional(Nullable(Type.String({ maxLength: 60, description: '职务名称，如“区级林长”' }))),
    responsibilityArea: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    rangerKind: Type.Optional(Nullable(RangerKind)),
    department: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    startsOn: Day,
  },
  { additionalProperties: false },
);
export type PostCreate = Static<typeof PostCreate>;

export const PostUpdate = Type.Object(
  {
    title: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    responsibilityArea: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
    rangerKind: Type.Optional(Nullable(RangerKind)),
    department: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
    startsOn: Type.Optional(Day),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type PostUpdate = Static<typeof PostUpdate>;

export const PostEnd = Type.Object(
  {
    endsOn: Day,
    reason: Type.String({ minLength: 1, maxLength: 200, description: '离任原因，如“工作调动”' }),
  },
  { additionalProperties: false },
);

export const PostListQuery = Type.Object(
  {
    regionCode: Type.Optional(RegionCode),
    exact: Type.Optional(Type.Boolean({ description: 'true：只列该区划本级的职务，不含下级区划' })),
    postType: Type.Optional(Type.String({ maxLength: 40 })),
    active: Type.Optional(Type.Boolean({ description: 'true 只列在任，false 只列已离任' })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  },
  { additionalProperties: false },
);
export type PostListQuery = Static<typeof PostListQuery>;

export const PostPage = Type.Object({ items: Type.Array(Post), total: Type.Integer() });

export const PostType = Type.Object({
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  category: Type.String({ description: 'chief 林长 / office 林长办 / grassroots 基层 / liaison 协作单位' }),
  permissions: Type.Array(Type.String()),
});

export const IdParams = Type.Object({ id: Id });

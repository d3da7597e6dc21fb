import { Type, type Static } from 'typebox';
import { Id } from '../../platform/schema.ts';

export const Username = Type.String({
  // Not shaped like a mobile number: a phone number also signs in (migration 20261202-06).
  pattern: '^(?!1\\d{10}$)[a-z0-9][a-z0-9._-]{2,31}$',
  description: '用户名：3–32 位小写字母、数字、点、下划线或连字符，不能是手机号的样子（手机号本身也可用来登录）',
  examples: ['demo-office'],
});
export const Password = Type.String({ minLength: 1, maxLength: 128, description: '密码' });
export const NewPassword = Type.String({
  minLength: 8,
  maxLength: 128,
  description: '新密码：至少 8 位，含大写字母、小写字母、数字、符号中的至少 3 类',
});

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64, description: '用户名或手机号' }),
    password: Password,
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const RegionRef = Type.Object({
  code: Type.String({ description: '12 位统计用区划代码', examples: ['360702101000'] }),
  name: Type.String({ description: '区划名称', examples: ['水东镇'] }),
  level: Type.Integer({ minimum: 1, maximum: 5, description: '区划级别：1 省级、2 地级、3 县级、4 乡级、5 村级' }),
});

export const MePost = Type.Object({
  id: Type.Integer({ description: '职务 ID' }),
  postType: Type.String({ description: '职务类型代码（见 GET /api/post-types）', examples: ['forest_chief'] }),
  postTypeName: Type.String({ description: '职务类型名称', examples: ['林长'] }),
  title: Type.Union([Type.String(), Type.Null()], { description: '职务名称，如“镇级林长”；未填为 null' }),
  region: Type.With(RegionRef, { description: '任职区划' }),
  regionPath: Type.Array(RegionRef, { description: '从省到任职区划的路径' }),
});

export const Me = Type.Object({
  account: Type.Object(
    {
      id: Type.Integer({ description: '账号 ID' }),
      username: Type.String({ description: '用户名' }),
      sessionKind: Type.String({ description: '会话类型：office 为网页（林长办）会话' }),
      passwordMustChange: Type.Boolean({ description: '密码由他人设置（开通或重置账号），本人修改前只能查看本人信息、修改密码或退出' }),
    },
    { description: '登录的账号' },
  ),
  person: Type.Object({ id: Type.Integer({ description: '人员 ID' }), name: Type.String({ description: '姓名' }) }, { description: '账号所属的人员' }),
  posts: Type.Array(MePost, { description: '今天在任的职务' }),
  permissions: Type.Array(Type.String(), { description: '在至少一个辖区内拥有的权限，如 people.read、grids.write' }),
  scope: Type.Array(RegionRef, { description: '可查看的辖区（最外层）' }),
  csrfToken: Type.String({ description: '浏览器写请求须在 X-CSRF-Token 请求头中带上此值' }),
});
export type Me = Static<typeof Me>;

export const PasswordChangeBody = Type.Object(
  { currentPassword: Password, newPassword: NewPassword },
  { additionalProperties: false },
);

export const AccountCreateBody = Type.Object(
  { username: Username, password: NewPassword },
  { additionalProperties: false },
);

export const AccountPasswordResetBody = Type.Object({ password: NewPassword }, { additionalProperties: false });

export const AccountStatusBody = Type.Object(
  { status: Type.Union([Type.Literal('active'), Type.Literal('disabled')], { description: '账号状态：active 启用 / disabled 停用（停用时其会话全部失效）' }) },
  { additionalProperties: false },
);

export const Account = Type.Object({
  id: Type.Integer({ description: '账号 ID' }),
  personId: Type.Integer({ description: '账号所属人员的 ID' }),
  username: Type.String({ description: '用户名' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')], { description: '账号状态：active 启用 / disabled 停用' }),
  lockedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: '密码连续输错后锁定到的时刻（ISO 8601）；未锁定为 null',
  }),
  lastLoginAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: '最近一次成功登录的时刻（ISO 8601）；从未登录为 null' }),
});
export type Account = Static<typeof Account>;

export const AccountIdParams = Type.Object({ id: Type.With(Id, { description: '账号 ID' }) });
export const PersonIdParams = Type.Object({ id: Type.With(Id, { description: '人员 ID' }) });

import { Type, type Static } from 'typebox';

export const AuditQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: '起始时间（含）' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: '截止时间（不含）' })),
    actor: Type.Optional(Type.String({ maxLength: 64, description: '操作人姓名或用户名' })),
    action: Type.Optional(Type.String({ maxLength: 64, description: '操作，如 insert、post.end、auth.login' })),
    entity: Type.Optional(Type.String({ maxLength: 64, description: '对象，如 persons、posts、accounts' })),
    entityId: Type.Optional(Type.String({ maxLength: 64, description: '对象 ID，如人员 ID；与 entity 一起查一条记录的历史' })),
    regionCode: Type.Optional(Type.String({ pattern: '^\\d{12}$', description: '区划代码（12 位）：只看该区划及其下级区划的记录', examples: ['360702101000'] })),
    page: Type.Integer({ minimum: 1, default: 1, description: '页码，从 1 开始' }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50, description: '每页条数，1–200，默认 50' }),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  id: Type.Integer({ description: '日志条目 ID' }),
  at: Type.String({ format: 'date-time', description: '操作时刻（ISO 8601）' }),
  actorAccountId: Type.Union([Type.Integer(), Type.Null()], { description: '操作人的账号 ID；系统操作（迁移、演示数据、后台任务）为 null' }),
  actorName: Type.String({ description: '操作人，如“张三（zhangsan）”' }),
  ip: Type.Union([Type.String(), Type.Null()], { description: '请求来源 IP；系统操作为 null' }),
  action: Type.String({ description: '操作：insert / update / delete，或 post.end、auth.login 等业务操作' }),
  entity: Type.String({ description: '对象（表名或业务对象），如 persons' }),
  entityId: Type.Union([Type.String(), Type.Null()], { description: '对象 ID；没有具体对象时为 null' }),
  regionCode: Type.Union([Type.String(), Type.Null()], { description: '记录所属区划代码（12 位），决定谁能查看；全系统的记录为 null' }),
  regionName: Type.Union([Type.String(), Type.Null()], { description: '所属区划名称' }),
  before: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: '修改或删除前的记录（字段名为数据库列名）；新增为 null' }),
  after: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: '新增或修改后的记录，或业务操作的补充信息；删除为 null' }),
});

export const AuditPage = Type.Object({
  items: Type.Array(AuditEntry, { description: '本页的日志，最新的在前' }),
  total: Type.Integer({ description: '符合条件的总条数（不分页）' }),
});

const Facet = Type.Object({ value: Type.String({ description: '取值' }), count: Type.Integer({ description: '条数' }) });

export const AuditFacets = Type.Object({
  actions: Type.Array(Facet, { description: '近 90 天出现过的操作' }),
  entities: Type.Array(Facet, { description: '近 90 天出现过的对象' }),
});

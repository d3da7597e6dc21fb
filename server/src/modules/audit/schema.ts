import { Type, type Static } from 'typebox';

export const AuditQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time', description: '起始时间（含）' })),
    to: Type.Optional(Type.String({ format: 'date-time', description: '截止时间（不含）' })),
    actor: Type.Optional(Type.String({ maxLength: 64, description: '操作人姓名或用户名' })),
    action: Type.Optional(Type.String({ maxLength: 64, description: '操作，如 insert、post.end、auth.login' })),
    entity: Type.Optional(Type.String({ maxLength: 64, description: '对象，如 persons、posts、accounts' })),
    entityId: Type.Optional(Type.String({ maxLength: 64 })),
    regionCode: Type.Optional(Type.String({ pattern: '^\\d{12}$' })),
    page: Type.Integer({ minimum: 1, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntry = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorAccountId: Type.Union([Type.Integer(), Type.Null()]),
  actorName: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entity: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  regionName: Type.Union([Type.String(), Type.Null()], { description: '所属区划名称' }),
  before: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  after: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
});

export const AuditPage = Type.Object({ items: Type.Array(AuditEntry), total: Type.Integer() });

export const AuditFacets = Type.Object({
  actions: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }), { description: '近 90 天出现过的操作' }),
  entities: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }), { description: '近 90 天出现过的对象' }),
});

import type { Context } from '../../platform/context.ts';
import * as repo from './repository.ts';
import type { AuditQuery } from './schema.ts';

export async function search(ctx: Context, query: AuditQuery) {
  const { rows, total } = await ctx.run((tx) => repo.searchAudit(tx, query));
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      actorAccountId: r.actor_account_id,
      actorName: r.actor_name,
      ip: r.ip,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      regionCode: r.region_code,
      regionName: r.region_name,
      before: r.before,
      after: r.after,
    })),
  };
}

export function facets(ctx: Context) {
  return ctx.run((tx) => repo.auditFacets(tx));
}

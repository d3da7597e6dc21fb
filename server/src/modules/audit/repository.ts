import type { Tx } from '../../db/scoped.ts';
import { subtreePrefix } from '../regions/codes.ts';
import type { AuditQuery } from './schema.ts';

/** Audit entries the caller's scope lets them read (row-level security), newest first. */
export async function searchAudit(tx: Tx, q: AuditQuery) {
  let query = tx.selectFrom('audit_log');
  if (q.from) query = query.where('at', '>=', new Date(q.from));
  if (q.to) query = query.where('at', '<', new Date(q.to));
  if (q.actor) query = query.where('actor_name', 'like', `%${q.actor.replace(/[\\%_]/g, '\\$&')}%`);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.regionCode) query = query.where('region_code', 'like', `${subtreePrefix(q.regionCode)}%`);
  const [rows, total] = await Promise.all([
    query
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';
import { subtreePrefix } from '../../platform/scope/regions.ts';
import type { AuditQuery } from './schema.ts';

/** Audit entries the caller's scope lets them read (row-level security), newest first. */
export async function searchAudit(tx: Tx, q: AuditQuery) {
  let query = tx.selectFrom('audit_log').leftJoin('regions', 'regions.code', 'audit_log.region_code');
  if (q.from) query = query.where('audit_log.at', '>=', new Date(q.from));
  if (q.to) query = query.where('audit_log.at', '<', new Date(q.to));
  if (q.actor) query = query.where('actor_name', 'like', `%${q.actor.replace(/[\\%_]/g, '\\$&')}%`);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.entity) query = query.where('entity', '=', q.entity);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.regionCode) query = query.where('audit_log.region_code', 'like', `${subtreePrefix(q.regionCode)}%`);
  const [rows, total] = await Promise.all([
    query
      .selectAll('audit_log')
      .select('regions.name as region_name')
      .orderBy('audit_log.at', 'desc')
      .orderBy('audit_log.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** The actions and entities seen lately, for the search form's choices (bounded to 90 days so it stays cheap). */
export async function auditFacets(tx: Tx) {
  const recent = tx.selectFrom('audit_log').where('at', '>', sql<Date>`now() - interval '90 days'`);
  const [actions, entities] = await Promise.all([
    recent.select(['action as value', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('action').orderBy('action').execute(),
    recent.select(['entity as value', (eb) => eb.fn.countAll<number>().as('count')]).groupBy('entity').orderBy('entity').execute(),
  ]);
  return { actions, entities };
}

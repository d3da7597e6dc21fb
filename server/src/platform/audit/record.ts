import { sql } from 'kysely';
import type { Tx } from '../../db/scoped.ts';

/**
 * Records an event that changes no row the audit trigger watches (a sign-out, a refused
 * sign-in, a bulk import), with the actor and IP of the current transaction's settings.
 */
export async function recordEvent(
  tx: Tx,
  event: { action: string; entity: string; entityId?: string | number | null; regionCode?: string | null; after?: Record<string, unknown> },
): Promise<void> {
  await sql`
    insert into audit_log (actor_account_id, actor_name, ip, action, entity, entity_id, region_code, after)
    values (nullif(current_setting('linzhang.actor_id', true), '')::bigint,
            coalesce(nullif(current_setting('linzhang.actor_name', true), ''), 'system'),
            nullif(current_setting('linzhang.ip', true), ''),
            ${event.action}, ${event.entity},
            ${event.entityId === undefined || event.entityId === null ? null : String(event.entityId)},
            ${event.regionCode ?? null}, ${event.after ? JSON.stringify(event.after) : null}::jsonb)`.execute(tx);
}

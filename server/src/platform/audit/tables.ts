import type { ColumnType } from 'kysely';
import type { CreatedAt, Id } from '../../db/types.ts';

export interface AuditLogTable {
  id: Id;
  at: CreatedAt;
  actor_account_id: number | null;
  actor_name: string;
  ip: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  region_code: string | null;
  before: ColumnType<Record<string, unknown> | null, string | null, never>;
  after: ColumnType<Record<string, unknown> | null, string | null, never>;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}

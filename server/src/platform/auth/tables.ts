import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, UpdatedAt } from '../../db/types.ts';

/** 账号: how a person signs in. */
export interface AccountTable {
  id: Id;
  person_id: number;
  /** Filled from the person by a trigger. */
  region_code: ColumnType<string, string | undefined, never>;
  username: string;
  password_hash: string;
  status: Generated<'active' | 'disabled'>;
  is_demo: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  password_changed_at: Generated<Date>;
  /** Set when someone else chose the password; the holder must change it before anything else. */
  password_must_change: Generated<boolean>;
  last_login_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface SessionTable {
  token_hash: string;
  account_id: number;
  kind: 'office' | 'device';
  created_at: CreatedAt;
  last_seen_at: Generated<Date>;
  expires_at: Date;
  idle_seconds: number | null;
  ip: string | null;
  user_agent: string | null;
  device_name: string | null;
  revoked_at: Date | null;
}

export interface AuthTables {
  accounts: AccountTable;
  sessions: SessionTable;
}

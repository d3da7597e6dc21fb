import type { RegionTables } from '../modules/regions/tables.ts';
import type { PeopleTables } from '../modules/people/tables.ts';
import type { AuditTables } from '../platform/audit/tables.ts';
import type { AuthTables } from '../platform/auth/tables.ts';

/** Every table the application reads or writes; each module declares its own in `tables.ts`. */
export interface DB extends AuditTables, AuthTables, RegionTables, PeopleTables {}
